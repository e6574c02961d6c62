//! Unicode normalization sanitizers: `nfc`, `nfkc` (feature `unicode`, by
//! the unicode-normalization crate).
//!
//! The quick check (`is_nfc_quick` / `is_nfkc_quick`) decides most strings
//! in one pass without allocating; only a `Maybe` answer runs the full
//! comparison, and only a string that is not normalized is rebuilt.

use unicode_normalization::{UnicodeNormalization, is_nfc, is_nfkc};

use super::edit::{Plan, SanitizeStr, StrEdit};

struct Nfc;

impl StrEdit for Nfc {
    fn plan(&self, s: &str) -> Plan {
        // `is_nfc` runs `is_nfc_quick` first and falls back to comparing
        // with the normalized stream only on `Maybe`.
        if is_nfc(s) { Plan::Keep } else { Plan::Rebuild }
    }

    fn rebuild(&self, s: &str) -> String {
        s.nfc().collect()
    }
}

struct Nfkc;

impl StrEdit for Nfkc {
    fn plan(&self, s: &str) -> Plan {
        if is_nfkc(s) {
            Plan::Keep
        } else {
            Plan::Rebuild
        }
    }

    fn rebuild(&self, s: &str) -> String {
        s.nfkc().collect()
    }
}

/// Normalizes to NFC (canonical composition): `e` + combining acute becomes
/// `é`, so equal-looking strings compare equal.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("Cafe\u{301}");
/// sanitize::nfc(&mut s);
/// assert_eq!(s, "Café");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "unicode")))]
pub fn nfc<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Nfc);
}

/// Normalizes to NFKC (compatibility composition): besides NFC, folds
/// compatibility variants — full-width forms, ligatures, superscripts — to
/// their plain form. Use it before comparing identifiers or file names.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("ｆｉｌｅ／ﬁ²");
/// sanitize::nfkc(&mut s);
/// assert_eq!(s, "file/fi2");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "unicode")))]
pub fn nfkc<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Nfkc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn normalizes_and_is_idempotent() {
        let mut s = String::from("A\u{30a}\u{212b}");
        nfc(&mut s);
        assert_eq!(s, "\u{c5}\u{c5}");
        let mut k = String::from("\u{2460}\u{fb01}");
        nfkc(&mut k);
        assert_eq!(k, "1fi");
        nfkc(&mut k);
        assert_eq!(k, "1fi");
    }

    #[test]
    fn normalized_cow_stays_borrowed() {
        // U+0301 after a base it cannot compose with: quick check says
        // Maybe, the full check says yes.
        let mut c = Cow::Borrowed("x\u{301} café");
        nfc(&mut c);
        assert!(matches!(c, Cow::Borrowed(_)));
        nfkc(&mut c);
        assert!(matches!(c, Cow::Borrowed(_)));
    }
}
