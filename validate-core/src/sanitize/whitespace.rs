//! Whitespace sanitizers: `trim`, `trim_start`, `trim_end`,
//! `collapse_whitespace`. Whitespace is Unicode `White_Space`
//! ([`char::is_whitespace`]): ASCII blanks, NBSP, the `U+2000` spaces, line
//! and paragraph separators, the ideographic space...

use super::edit::{Plan, SanitizeStr, StrEdit};

/// Which ends `Trim` cuts.
struct Trim {
    start: bool,
    end: bool,
}

impl StrEdit for Trim {
    fn plan(&self, s: &str) -> Plan {
        let after_start = if self.start { s.trim_start() } else { s };
        let kept = if self.end {
            after_start.trim_end()
        } else {
            after_start
        };
        if kept.len() == s.len() {
            return Plan::Keep;
        }
        let start = s.len() - after_start.len();
        Plan::Slice(start..start + kept.len())
    }

    fn rebuild(&self, s: &str) -> String {
        // Never planned: trimming is always a slice.
        s.to_owned()
    }
}

/// Removes leading and trailing whitespace (Unicode `White_Space`).
///
/// In place on a `String` (no reallocation); a borrowed `Cow` stays borrowed.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("\u{a0} Bob\t\n");
/// sanitize::trim(&mut s);
/// assert_eq!(s, "Bob");
/// ```
pub fn trim<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Trim {
        start: true,
        end: true,
    });
}

/// Removes leading whitespace (Unicode `White_Space`).
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("  Bob  ");
/// sanitize::trim_start(&mut s);
/// assert_eq!(s, "Bob  ");
/// ```
pub fn trim_start<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Trim {
        start: true,
        end: false,
    });
}

/// Removes trailing whitespace (Unicode `White_Space`).
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from("  Bob\u{3000}");
/// sanitize::trim_end(&mut s);
/// assert_eq!(s, "  Bob");
/// ```
pub fn trim_end<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Trim {
        start: false,
        end: true,
    });
}

struct Collapse;

impl StrEdit for Collapse {
    fn plan(&self, s: &str) -> Plan {
        let mut prev_space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                if prev_space || c != ' ' {
                    return Plan::Rebuild;
                }
                prev_space = true;
            } else {
                prev_space = false;
            }
        }
        Plan::Keep
    }

    fn rebuild(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut prev_space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(c);
                prev_space = false;
            }
        }
        out
    }
}

/// Replaces every run of whitespace (Unicode `White_Space`: tabs, newlines,
/// NBSP, ...) with one ASCII space.
///
/// It does **not** trim: a leading or trailing run becomes one space. Combine
/// it with [`trim`] (`sanitize(trim, collapse_whitespace)`) for both.
///
/// ```
/// use validate_core::sanitize;
/// let mut s = String::from(" New\t\tYork\u{a0} City ");
/// sanitize::collapse_whitespace(&mut s);
/// assert_eq!(s, " New York City ");
/// sanitize::trim(&mut s);
/// assert_eq!(s, "New York City");
/// ```
pub fn collapse_whitespace<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&Collapse);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn run(f: fn(&mut String), s: &str) -> String {
        let mut v = s.to_owned();
        f(&mut v);
        v
    }

    #[test]
    fn trims_unicode_white_space() {
        assert_eq!(run(trim, "\u{2028}\u{3000} a b \u{85}"), "a b");
        assert_eq!(run(trim, "   "), "");
        assert_eq!(run(trim, ""), "");
        assert_eq!(run(trim_start, " \ta "), "a ");
        assert_eq!(run(trim_end, " a \r\n"), " a");
        // Zero-width space is not White_Space: strip_invisible handles it.
        assert_eq!(run(trim, "\u{200b}a"), "\u{200b}a");
    }

    #[test]
    fn trim_reuses_the_buffer() {
        let mut s = String::from("  abc  ");
        let ptr = s.as_ptr();
        trim(&mut s);
        assert_eq!((s.as_str(), s.as_ptr()), ("abc", ptr));
    }

    #[test]
    fn trim_keeps_cow_borrowed() {
        let mut c = Cow::Borrowed("  abc ");
        trim(&mut c);
        assert!(matches!(c, Cow::Borrowed("abc")));
    }

    #[test]
    fn collapses_runs_without_trimming() {
        assert_eq!(run(collapse_whitespace, "a \t\n b"), "a b");
        assert_eq!(run(collapse_whitespace, "a\u{a0}b"), "a b");
        assert_eq!(run(collapse_whitespace, "  a  "), " a ");
        assert_eq!(run(collapse_whitespace, " a b "), " a b ");
        let mut c = Cow::Borrowed("a b");
        collapse_whitespace(&mut c);
        assert!(matches!(c, Cow::Borrowed(_)));
    }
}
