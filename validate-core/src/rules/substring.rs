//! `contains`, `not_contains`, `prefix` and `suffix`: fixed substrings a
//! string must (or must not) hold. Case-sensitive, byte-exact comparisons.

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// Checks that the string contains `needle` (case-sensitive). Every string
/// contains `""`.
///
/// Error: `string_contains`, ctx `substring` = `needle` (a rule parameter,
/// never the input).
///
/// ```
/// use validate_core::rules;
/// assert!(rules::contains("user@example.com", "@").is_ok());
/// let e = rules::contains("user", "@").unwrap_err();
/// assert_eq!((e.kind(), &*e.msg()), ("string_contains", "String should contain '@'"));
/// ```
pub fn contains<S: StrInput + ?Sized>(value: &S, needle: &str) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !s.contains(needle) => Err(catalogue::string_contains(needle.to_owned())),
        _ => Ok(()),
    }
}

/// Checks that the string does not contain `needle` (case-sensitive). Every
/// string contains `""`, so an empty needle rejects every value.
///
/// Error: `string_not_contains`, ctx `substring` = `needle`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::not_contains("report.pdf", "..").is_ok());
/// let e = rules::not_contains("../etc/passwd", "..").unwrap_err();
/// assert_eq!(e.msg(), "String should not contain '..'");
/// ```
pub fn not_contains<S: StrInput + ?Sized>(value: &S, needle: &str) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if s.contains(needle) => Err(catalogue::string_not_contains(needle.to_owned())),
        _ => Ok(()),
    }
}

/// Checks that the string starts with `prefix` (case-sensitive).
///
/// Error: `string_prefix`, ctx `prefix`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::prefix("sk_live_123", "sk_").is_ok());
/// let e = rules::prefix("pk_live_123", "sk_").unwrap_err();
/// assert_eq!((e.kind(), &*e.msg()), ("string_prefix", "String should start with 'sk_'"));
/// ```
pub fn prefix<S: StrInput + ?Sized>(value: &S, prefix: &str) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !s.starts_with(prefix) => Err(catalogue::string_prefix(prefix.to_owned())),
        _ => Ok(()),
    }
}

/// Checks that the string ends with `suffix` (case-sensitive).
///
/// Error: `string_suffix`, ctx `suffix`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::suffix("avatar.png", ".png").is_ok());
/// let e = rules::suffix("avatar.PNG", ".png").unwrap_err();
/// assert_eq!((e.kind(), &*e.msg()), ("string_suffix", "String should end with '.png'"));
/// ```
pub fn suffix<S: StrInput + ?Sized>(value: &S, suffix: &str) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !s.ends_with(suffix) => Err(catalogue::string_suffix(suffix.to_owned())),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;

    fn ctx(e: &ValidationError, key: &str) -> Option<String> {
        e.ctx().get(key).map(ToString::to_string)
    }

    #[test]
    fn contains_and_not_contains() {
        assert!(contains("abc", "b").is_ok());
        assert!(contains("abc", "").is_ok());
        assert!(contains("", "").is_ok());
        let e = contains("abc", "B").unwrap_err();
        assert_eq!(e.kind(), "string_contains");
        assert_eq!(e.msg(), "String should contain 'B'");
        assert_eq!(ctx(&e, "substring").as_deref(), Some("B"));
        assert_eq!(e.ctx().len(), 1);

        assert!(not_contains("abc", "d").is_ok());
        let e = not_contains("abc", "bc").unwrap_err();
        assert_eq!(e.kind(), "string_not_contains");
        assert_eq!(e.msg(), "String should not contain 'bc'");
        assert_eq!(ctx(&e, "substring").as_deref(), Some("bc"));
        assert!(not_contains("abc", "").is_err());
    }

    #[test]
    fn prefix_and_suffix() {
        assert!(prefix("héllo", "hé").is_ok());
        assert!(prefix("x", "").is_ok());
        let e = prefix("hello", "hé").unwrap_err();
        assert_eq!(e.kind(), "string_prefix");
        assert_eq!(e.msg(), "String should start with 'hé'");
        assert_eq!(ctx(&e, "prefix").as_deref(), Some("hé"));
        assert!(prefix("h", "hé").is_err());

        assert!(suffix("a.tar.gz", ".gz").is_ok());
        let e = suffix("a.tar", ".gz").unwrap_err();
        assert_eq!(e.kind(), "string_suffix");
        assert_eq!(e.msg(), "String should end with '.gz'");
        assert_eq!(ctx(&e, "suffix").as_deref(), Some(".gz"));
        assert!(suffix("", "z").is_err());
    }

    #[test]
    fn errors_hold_the_needle_not_the_input() {
        let secret = "hunter2-secret";
        for e in [
            contains(secret, "@").unwrap_err(),
            not_contains(secret, "2").unwrap_err(),
            prefix(secret, "x").unwrap_err(),
            suffix(secret, "x").unwrap_err(),
        ] {
            assert!(!format!("{e:?} {e}").contains("hunter"));
        }
    }

    #[test]
    fn wrappers_are_transparent() {
        assert!(contains(&Some("abc".to_string()), "z").is_err());
        assert!(contains(&None::<String>, "z").is_ok());
        assert!(not_contains(&Box::new("abc"), "a").is_err());
        assert!(not_contains(&None::<&str>, "").is_ok());
        assert!(prefix(&Rc::<str>::from("abc"), "b").is_err());
        assert!(prefix(&Arc::new("abc".to_string()), "a").is_ok());
        assert!(suffix(&Cow::Borrowed("abc"), "b").is_err());
        assert!(suffix(&&"abc", "c").is_ok());
    }
}
