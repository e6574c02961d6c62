//! `pattern`: a string must match a regular expression (the `regex` crate,
//! linear time), as Pydantic's `pattern` constraint.

use regex::Regex;

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// Checks that `regex` matches somewhere in the string.
///
/// Like Pydantic v2 (whose default engine is this same `regex` crate), the
/// match is a search, not anchored: write `^...$` to match the whole
/// string. The derive compiles a literal pattern once per process (a
/// `static LazyLock<Regex>`, or a byte loop for a simple ASCII pattern
/// such as `^[0-9]{5}$`); pass the same `&Regex` when calling by hand.
///
/// Error: `string_pattern_mismatch`, ctx `pattern` = the regex source
/// ([`Regex::as_str`]).
///
/// ```
/// use regex::Regex;
/// use validate_core::rules;
/// let zip = Regex::new("^[0-9]{5}$").unwrap();
/// assert!(rules::pattern("75001", &zip).is_ok());
/// let e = rules::pattern("7500", &zip).unwrap_err();
/// assert_eq!(e.kind(), "string_pattern_mismatch");
/// assert_eq!(e.msg(), "String should match pattern '^[0-9]{5}$'");
/// // Unanchored: a match anywhere is enough.
/// assert!(rules::pattern("zip 75001", &Regex::new("[0-9]{5}").unwrap()).is_ok());
/// assert!(rules::pattern(&None::<String>, &zip).is_ok());
/// ```
pub fn pattern<S: StrInput + ?Sized>(value: &S, regex: &Regex) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s, regex),
        None => Ok(()),
    }
}

/// The rule over a plain `&str`: not generic, so a user's crate does not
/// compile the regex search once per input type.
fn check(s: &str, regex: &Regex) -> Result<(), ValidationError> {
    if regex.is_match(s) {
        Ok(())
    } else {
        Err(catalogue::string_pattern_mismatch(
            regex.as_str().to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;

    fn re(src: &str) -> Regex {
        Regex::new(src).expect("test pattern compiles")
    }

    #[test]
    fn matches_and_mismatches() {
        let word = re("^[a-z]+$");
        assert!(pattern("abc", &word).is_ok());
        let e = pattern("abc1", &word).unwrap_err();
        assert_eq!(e.kind(), "string_pattern_mismatch");
        assert_eq!(e.msg(), "String should match pattern '^[a-z]+$'");
        assert_eq!(
            e.ctx().get("pattern").map(ToString::to_string).as_deref(),
            Some("^[a-z]+$")
        );
        assert_eq!(e.ctx().len(), 1);
        // The empty string is a value too.
        assert!(pattern("", &word).is_err());
        assert!(pattern("", &re("")).is_ok());
    }

    #[test]
    fn search_is_unanchored_and_unicode_aware() {
        assert!(pattern("xx42yy", &re(r"\d+")).is_ok());
        assert!(pattern("Ωmega", &re(r"^\w+$")).is_ok());
        assert!(pattern("no digits", &re(r"\d")).is_err());
    }

    #[test]
    fn wrappers_are_transparent() {
        let digits = re("^[0-9]+$");
        assert!(pattern(&Some("12a".to_string()), &digits).is_err());
        assert!(pattern(&Some("12".to_string()), &digits).is_ok());
        assert!(pattern(&None::<&str>, &digits).is_ok());
        assert!(pattern(&Box::new("x"), &digits).is_err());
        assert!(pattern(&Rc::<str>::from("x"), &digits).is_err());
        assert!(pattern(&Arc::new(String::from("x")), &digits).is_err());
        assert!(pattern(&Cow::Borrowed("x"), &digits).is_err());
        assert!(pattern(&&"x", &digits).is_err());
    }
}
