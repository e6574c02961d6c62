//! Length-capping sanitizers: `truncate` (chars) and `truncate_graphemes`
//! (extended grapheme clusters). Both cut at a boundary, in place.

use unicode_segmentation::UnicodeSegmentation;

use super::edit::{Plan, SanitizeStr, StrEdit};

struct Chars(usize);

impl StrEdit for Chars {
    fn plan(&self, s: &str) -> Plan {
        match s.char_indices().nth(self.0) {
            Some((end, _)) => Plan::Slice(0..end),
            None => Plan::Keep,
        }
    }

    fn rebuild(&self, s: &str) -> String {
        // Never planned: truncation is always a slice.
        s.to_owned()
    }
}

struct Graphemes(usize);

impl StrEdit for Graphemes {
    fn plan(&self, s: &str) -> Plan {
        match s.grapheme_indices(true).nth(self.0) {
            Some((end, _)) => Plan::Slice(0..end),
            None => Plan::Keep,
        }
    }

    fn rebuild(&self, s: &str) -> String {
        s.to_owned()
    }
}

/// Keeps at most `max_chars` chars (Unicode scalar values, what `length`
/// counts by default), cutting at a char boundary.
///
/// A char-level cut can split a grapheme (an emoji with a skin tone, a
/// letter and its accent); use [`truncate_graphemes`] for text people read.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("héllo wörld");
/// sanitize::truncate(&mut s, 5);
/// assert_eq!(s, "héllo");
/// ```
pub fn truncate<V: SanitizeStr + ?Sized>(value: &mut V, max_chars: usize) {
    value.sanitize_str(&Chars(max_chars));
}

/// Keeps at most `max_graphemes` extended grapheme clusters (UAX #29), so
/// no visible character is cut in half.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("e\u{301}👍🏽xyz");
/// sanitize::truncate_graphemes(&mut s, 2);
/// assert_eq!(s, "e\u{301}👍🏽");
/// ```
pub fn truncate_graphemes<V: SanitizeStr + ?Sized>(value: &mut V, max_graphemes: usize) {
    value.sanitize_str(&Graphemes(max_graphemes));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn cuts_at_boundaries() {
        let mut s = String::from("a👍🏽");
        truncate(&mut s, 2);
        assert_eq!(s, "a👍");
        truncate(&mut s, 0);
        assert_eq!(s, "");
        let mut g = String::from("a👍🏽");
        truncate_graphemes(&mut g, 1);
        assert_eq!(g, "a");
    }

    #[test]
    fn short_values_are_kept() {
        let mut c = Cow::Borrowed("abc");
        truncate(&mut c, 3);
        truncate_graphemes(&mut c, 3);
        assert!(matches!(c, Cow::Borrowed("abc")));
        truncate(&mut c, 1);
        assert!(matches!(c, Cow::Borrowed("a")));
    }
}
