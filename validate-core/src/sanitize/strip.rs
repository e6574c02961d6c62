//! Character-removing sanitizers: `strip_invisible`, `strip_control`. On a
//! `String` they remove in place (`String::retain`), so they never allocate.

use super::edit::{Plan, SanitizeStr, StrEdit};
use crate::rules::is_invisible;

/// Removes every char for which `drop` holds.
struct Strip<F>(F);

impl<F: Fn(char) -> bool> StrEdit for Strip<F> {
    fn plan(&self, s: &str) -> Plan {
        if s.chars().any(&self.0) {
            Plan::Rebuild
        } else {
            Plan::Keep
        }
    }

    fn rebuild(&self, s: &str) -> String {
        s.chars().filter(|&c| !(self.0)(c)).collect()
    }

    fn rebuild_in_place(&self, s: &mut String) {
        s.retain(|c| !(self.0)(c));
    }
}

/// Removes invisible characters: exactly those for which
/// [`rules::is_invisible`](crate::rules::is_invisible) holds (zero-width
/// characters, bidi controls, the BOM and other format (Cf) characters), so
/// the result always passes `no_invisible`.
///
/// ```
/// use validate_core::sanitize;
/// // A zero-width space and a right-to-left override hidden in a name.
/// let mut s = String::from("ad\u{200b}min\u{202e}");
/// sanitize::strip_invisible(&mut s);
/// assert_eq!(s, "admin");
/// ```
pub fn strip_invisible<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Strip(is_invisible));
}

/// Removes control characters (general category Cc: U+0000–001F and
/// U+007F–009F). With `keep_whitespace`, keeps tab, line feed and carriage
/// return, for multi-line text.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("a\0b\x1b[31m\tc\r\n");
/// sanitize::strip_control(&mut s, false);
/// assert_eq!(s, "ab[31mc");
///
/// let mut t = String::from("line 1\r\n\x07line 2\t!");
/// sanitize::strip_control(&mut t, true);
/// assert_eq!(t, "line 1\r\nline 2\t!");
/// ```
pub fn strip_control<V: SanitizeStr + ?Sized>(value: &mut V, keep_whitespace: bool) {
    if keep_whitespace {
        value.sanitize_str(&Strip(|c: char| {
            c.is_control() && !matches!(c, '\t' | '\n' | '\r')
        }));
    } else {
        value.sanitize_str(&Strip(char::is_control));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn strips_in_place() {
        let mut s = String::from("\u{feff}a\u{200d}b");
        let ptr = s.as_ptr();
        strip_invisible(&mut s);
        assert_eq!((s.as_str(), s.as_ptr()), ("ab", ptr));
    }

    #[test]
    fn control_is_cc_only() {
        let mut s = String::from("\u{85}\u{9f}\u{a0}\u{7f}x\u{200b}");
        strip_control(&mut s, true);
        // NBSP (Zs) and ZWSP (Cf) are not Cc.
        assert_eq!(s, "\u{a0}x\u{200b}");
    }

    #[test]
    fn clean_cow_stays_borrowed() {
        let mut c = Cow::Borrowed("tab\there");
        strip_control(&mut c, true);
        strip_invisible(&mut c);
        assert!(matches!(c, Cow::Borrowed("tab\there")));
        strip_control(&mut c, false);
        assert!(matches!(&c, Cow::Owned(s) if s == "tabhere"));
    }
}
