//! `secrecy::SecretString` (`SecretBox<str>`) fields: the string rules read
//! the secret through [`StrInput`] and [`HasLength`], the sanitizers edit
//! it through [`SanitizeStr`], and nothing else sees it. Errors carry no
//! input (as for every rule), and the field's own `Debug` prints
//! `[REDACTED]`, so neither a log line of the request nor of `Valid<T>`
//! shows the value.
//!
//! ```
//! use secrecy::{ExposeSecret, SecretString};
//! use validate_core::{rules, sanitize};
//!
//! let mut password = SecretString::from("  correct horse battery staple ");
//! sanitize::trim(&mut password);
//! assert_eq!(password.expose_secret(), "correct horse battery staple");
//! assert!(rules::length(&password, 12..=128).is_ok());
//! let e = rules::not_contains(&password, "horse").expect_err("contains it");
//! assert!(!format!("{e:?} {e}").contains("battery"));
//! assert!(!format!("{password:?}").contains("battery"));
//! ```

use secrecy::zeroize::Zeroize;
use secrecy::{ExposeSecret, SecretBox, SecretString};

use crate::rules::{HasLength, LengthUnit, Measured, StrInput};
use crate::sanitize::{Plan, SanitizeStr, StrEdit};

impl StrInput for SecretBox<str> {
    fn input_str(&self) -> Option<&str> {
        Some(self.expose_secret())
    }
}

impl HasLength for SecretBox<str> {
    fn measure(&self, unit: LengthUnit) -> Option<Measured> {
        self.expose_secret().measure(unit)
    }
}

impl SanitizeStr for SecretBox<str> {
    /// A `SecretBox<str>` cannot grow or shrink in place: a changed value
    /// is copied into a new box of its exact size (the old one is zeroed
    /// when dropped, by `secrecy`), and the intermediate `String` is zeroed
    /// here before it is freed.
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E) {
        let current = self.expose_secret();
        let replacement = match edit.plan(current) {
            Plan::Keep => return,
            // `get` keeps a faulty plan from panicking, as for `Cow`.
            Plan::Slice(range) => match current.get(range) {
                Some(slice) => SecretString::from(slice),
                None => return,
            },
            Plan::Rebuild => {
                let mut rebuilt = edit.rebuild(current);
                let secret = SecretString::from(rebuilt.as_str());
                rebuilt.zeroize();
                secret
            }
        };
        *self = replacement;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rules, sanitize};

    #[test]
    fn string_rules_read_the_secret() {
        let s = SecretString::from("hunter2hunter2");
        assert!(rules::length(&s, 8..=64).is_ok());
        assert!(rules::length(&s, 20..=64).is_err());
        assert!(rules::contains(&s, "2").is_ok());
        assert!(rules::no_control(&s).is_ok());
        assert!(rules::length(&Some(SecretString::from("ab")), 3..=4).is_err());
        assert!(rules::length(&None::<SecretString>, 3..=4).is_ok());
    }

    #[test]
    fn sanitizers_replace_the_box() {
        let mut s = SecretString::from(" Ab ");
        sanitize::trim(&mut s);
        sanitize::lowercase(&mut s);
        assert_eq!(s.expose_secret(), "ab");
        let mut kept = SecretString::from("ab");
        let before = kept.expose_secret().as_ptr();
        sanitize::trim(&mut kept);
        assert_eq!(kept.expose_secret().as_ptr(), before, "kept in place");
        let mut o = Some(SecretString::from(" x"));
        sanitize::trim(&mut o);
        assert_eq!(o.as_ref().map(|s| s.expose_secret()), Some("x"));
    }
}
