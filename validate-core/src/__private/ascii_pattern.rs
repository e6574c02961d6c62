//! Literal patterns the derive compiles to byte checks instead of a regex:
//! a whole-string match of ASCII character classes, each repeated a fixed
//! number of times but the last (`^[0-9]{5}$`, `^[A-Z]{2}[0-9]{2,4}$`,
//! `^[a-zA-Z0-9_]+$`). The error is the one `rules::pattern` reports.

use crate::error::{ValidationError, catalogue};
use crate::rules::StrInput;

/// `min..=max` characters of an ASCII set (`max` = `usize::MAX`:
/// unbounded). The set is a byte table: a non-ASCII byte is in no set, so
/// every matched character is one byte.
pub struct AsciiRun {
    table: [bool; 256],
    min: usize,
    max: usize,
}

impl AsciiRun {
    /// The run of `min..=max` characters of the set whose bit `b` stands
    /// for byte `b`.
    pub const fn new(set: u128, min: usize, max: usize) -> Self {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 128 {
            table[b] = set & (1 << b) != 0;
            b += 1;
        }
        AsciiRun { table, min, max }
    }

    /// Whether every byte is in the set.
    fn all_in(&self, bytes: &[u8]) -> bool {
        // Branch-free, as `Charset::allows_str`: short runs are done in a
        // few instructions, long ones without a mispredicted exit per byte.
        bytes
            .iter()
            .fold(true, |ok, &b| ok & self.table[usize::from(b)])
    }
}

/// A pattern as its runs, every run but the last of a fixed count
/// (`min == max`), with the literal it came from for the error.
pub struct AsciiPattern {
    source: &'static str,
    runs: &'static [AsciiRun],
}

impl AsciiPattern {
    /// The pattern `source`, matched as `runs`.
    pub const fn new(source: &'static str, runs: &'static [AsciiRun]) -> Self {
        AsciiPattern { source, runs }
    }

    /// Whether the whole string is the runs in order.
    fn is_match(&self, s: &str) -> bool {
        let mut rest = s.as_bytes();
        let Some((last, fixed)) = self.runs.split_last() else {
            return rest.is_empty();
        };
        for run in fixed {
            match rest.split_at_checked(run.min) {
                Some((head, tail)) if run.all_in(head) => rest = tail,
                _ => return false,
            }
        }
        (last.min..=last.max).contains(&rest.len()) && last.all_in(rest)
    }

    fn check(&self, s: &str) -> Result<(), ValidationError> {
        if self.is_match(s) {
            Ok(())
        } else {
            Err(catalogue::string_pattern_mismatch(self.source))
        }
    }
}

/// `rules::pattern` for a pattern the derive compiled to [`AsciiRun`]s:
/// the same verdict and error as the regex, without running one.
pub fn ascii_pattern<S: StrInput + ?Sized>(
    value: &S,
    pattern: &'static AsciiPattern,
) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => pattern.check(s),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGITS: u128 = ((1 << 10) - 1) << b'0';
    const UPPER: u128 = ((1 << 26) - 1) << b'A';

    static ZIP: AsciiPattern = AsciiPattern::new("^[0-9]{5}$", &[AsciiRun::new(DIGITS, 5, 5)]);
    static CODE: AsciiPattern = AsciiPattern::new(
        "^[A-Z]{2}[0-9]{2,4}$",
        &[AsciiRun::new(UPPER, 2, 2), AsciiRun::new(DIGITS, 2, 4)],
    );
    static NUMBER: AsciiPattern =
        AsciiPattern::new("^[0-9]+$", &[AsciiRun::new(DIGITS, 1, usize::MAX)]);
    static EMPTY: AsciiPattern = AsciiPattern::new("^$", &[]);

    #[test]
    fn whole_string_runs() {
        assert!(ZIP.is_match("12345"));
        for s in ["1234", "123456", "1234a", "١٢٣٤٥", "", "12 45"] {
            assert!(!ZIP.is_match(s), "{s:?}");
        }
        for s in ["AB12", "AB123", "XY1234"] {
            assert!(CODE.is_match(s), "{s:?}");
        }
        for s in ["A123", "AB1", "AB12345", "ab12", "ABC12", "É12"] {
            assert!(!CODE.is_match(s), "{s:?}");
        }
        assert!(NUMBER.is_match("0") && NUMBER.is_match(&"9".repeat(1000)));
        assert!(!NUMBER.is_match("") && !NUMBER.is_match("1\n"));
        assert!(EMPTY.is_match("") && !EMPTY.is_match("a"));
    }

    #[test]
    fn error_is_the_pattern_error() {
        let e = ascii_pattern("1234", &ZIP).expect_err("too short");
        assert_eq!(e, catalogue::string_pattern_mismatch("^[0-9]{5}$"));
        assert!(ascii_pattern(&None::<String>, &ZIP).is_ok());
        assert!(ascii_pattern(&Some("12345".to_owned()), &ZIP).is_ok());
    }
}
