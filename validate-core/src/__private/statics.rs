//! Rule entry points for the derive's `static` rule data: the text an
//! error carries (a charset's description, a pattern's source) is borrowed
//! from a `static`, so reporting allocates only the error itself.

use std::sync::OnceLock;

use regex::Regex;

use crate::error::{ValidationError, catalogue};
use crate::rules::{Charset, StrInput};

/// A text computed on first use and kept for the life of the process.
pub type CachedText = OnceLock<String>;

/// [`rules::charset`](crate::rules::charset) for a charset in a `static`:
/// its description is formatted once per process into `allowed`, and every
/// error borrows it from there.
pub fn charset<S: StrInput + ?Sized>(
    value: &S,
    set: &'static Charset,
    allowed: &'static CachedText,
) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => charset_str(s, set, allowed),
        None => Ok(()),
    }
}

fn charset_str(
    s: &str,
    set: &'static Charset,
    allowed: &'static CachedText,
) -> Result<(), ValidationError> {
    if set.allows_str(s) {
        return Ok(());
    }
    let allowed: &'static str = allowed.get_or_init(|| set.to_string());
    Err(catalogue::string_charset(allowed))
}

/// [`rules::pattern`](crate::rules::pattern) for a literal pattern:
/// `source` is the literal `regex` was compiled from (its `as_str()`),
/// borrowed by the error.
pub fn pattern<S: StrInput + ?Sized>(
    value: &S,
    regex: &Regex,
    source: &'static str,
) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => pattern_str(s, regex, source),
        None => Ok(()),
    }
}

fn pattern_str(s: &str, regex: &Regex, source: &'static str) -> Result<(), ValidationError> {
    if regex.is_match(s) {
        Ok(())
    } else {
        Err(catalogue::string_pattern_mismatch(source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{self, CharClass};

    static SET: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_'", &[('α', 'ω')]);
    static ALLOWED: CachedText = CachedText::new();

    #[test]
    fn same_errors_as_the_rules() {
        let re = Regex::new("^[0-9]{5}$").expect("compiles");
        for s in ["ok_1", "not ok", "", "αβ", "x\u{0}", "12345"] {
            assert_eq!(charset(s, &SET, &ALLOWED), rules::charset(s, &SET));
            assert_eq!(pattern(s, &re, "^[0-9]{5}$"), rules::pattern(s, &re));
        }
        assert!(charset(&None::<String>, &SET, &ALLOWED).is_ok());
    }
}
