//! Case sanitizers: `lowercase`, `uppercase`, by the full Unicode case
//! mappings of [`str::to_lowercase`] / [`str::to_uppercase`] (`ß` becomes
//! `SS`, a final `Σ` becomes `ς`).

use super::edit::{Plan, SanitizeStr, StrEdit};

struct Lower;

impl StrEdit for Lower {
    fn plan(&self, s: &str) -> Plan {
        // A char that maps to itself alone is kept by `str::to_lowercase`
        // too (its only context rule, final sigma, is for `Σ`, which does
        // not map to itself), so this check agrees with the rebuild.
        let stable = s.chars().all(|c| {
            let mut m = c.to_lowercase();
            m.next() == Some(c) && m.next().is_none()
        });
        if stable { Plan::Keep } else { Plan::Rebuild }
    }

    fn rebuild(&self, s: &str) -> String {
        s.to_lowercase()
    }

    fn rebuild_in_place(&self, s: &mut String) {
        if s.is_ascii() {
            s.make_ascii_lowercase();
        } else {
            *s = s.to_lowercase();
        }
    }
}

struct Upper;

impl StrEdit for Upper {
    fn plan(&self, s: &str) -> Plan {
        let stable = s.chars().all(|c| {
            let mut m = c.to_uppercase();
            m.next() == Some(c) && m.next().is_none()
        });
        if stable { Plan::Keep } else { Plan::Rebuild }
    }

    fn rebuild(&self, s: &str) -> String {
        s.to_uppercase()
    }

    fn rebuild_in_place(&self, s: &mut String) {
        if s.is_ascii() {
            s.make_ascii_uppercase();
        } else {
            *s = s.to_uppercase();
        }
    }
}

/// Lowercases by the full Unicode mapping ([`str::to_lowercase`]).
///
/// ASCII strings are lowered in place; an already-lowercase value is not
/// touched.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("Bob@Example.COM");
/// sanitize::lowercase(&mut s);
/// assert_eq!(s, "bob@example.com");
/// let mut g = String::from("ΟΔΟΣ");
/// sanitize::lowercase(&mut g);
/// assert_eq!(g, "οδος");
/// ```
pub fn lowercase<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Lower);
}

/// Uppercases by the full Unicode mapping ([`str::to_uppercase`]); the result
/// may be longer (`ß` becomes `SS`).
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("straße");
/// sanitize::uppercase(&mut s);
/// assert_eq!(s, "STRASSE");
/// ```
pub fn uppercase<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Upper);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn ascii_in_place() {
        let mut s = String::from("ABC");
        let ptr = s.as_ptr();
        lowercase(&mut s);
        assert_eq!((s.as_str(), s.as_ptr()), ("abc", ptr));
        uppercase(&mut s);
        assert_eq!((s.as_str(), s.as_ptr()), ("ABC", ptr));
    }

    #[test]
    fn unicode_mappings() {
        let mut s = String::from("İSTANBUL ΣΊΣΥΦΟΣ");
        lowercase(&mut s);
        assert_eq!(s, "i\u{307}stanbul σίσυφος");
        let again = s.clone();
        lowercase(&mut s);
        assert_eq!(s, again);
    }

    #[test]
    fn unchanged_cow_stays_borrowed() {
        let mut c = Cow::Borrowed("déjà vu 42");
        lowercase(&mut c);
        assert!(matches!(c, Cow::Borrowed(_)));
        let mut c = Cow::Borrowed("Déjà");
        lowercase(&mut c);
        assert!(matches!(&c, Cow::Owned(s) if s == "déjà"));
        let mut c = Cow::Borrowed("DÉJÀ 42");
        uppercase(&mut c);
        assert!(matches!(c, Cow::Borrowed(_)));
        let mut c = Cow::Borrowed("straße");
        uppercase(&mut c);
        assert!(matches!(&c, Cow::Owned(s) if s == "STRASSE"));
    }
}
