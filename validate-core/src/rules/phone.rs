//! `phone`: an international phone number in E.164 form, as a sign-up form
//! takes it: `+`, the country code and the number, optionally grouped by
//! single spaces or dashes. Syntax only: whether the number exists in its
//! country's numbering plan needs libphonenumber's metadata.

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// E.164 section 6.1: at most 15 digits, country code included.
const MAX_DIGITS: usize = 15;
/// The shortest numbers in use (a 1-digit country code and a 7-digit
/// national number, as some small countries have).
const MIN_DIGITS: usize = 8;

/// Checks that a string is an international phone number: `+`, then 8 to
/// 15 digits (E.164), the first not `0` (no country code starts with 0),
/// with single spaces or dashes allowed between groups of digits
/// (`+1 415-555-2671`), not at either end and not two in a row.
///
/// Parentheses, dots, `00` for `+`, national numbers without a country
/// code and extensions are rejected: store the number in one form. Whether
/// the number is assigned in its country's plan is not checked (that needs
/// libphonenumber's metadata, which changes monthly).
///
/// The error is pydantic-extra-types' `PhoneNumber` one: `value_error`,
/// `value is not a valid phone number`, no ctx.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::phone("+14155552671").is_ok());
/// assert!(rules::phone("+44 20 7946 0958").is_ok());
/// assert!(rules::phone("+1-415-555-2671").is_ok());
/// assert!(rules::phone(&None::<String>).is_ok());
/// let e = rules::phone("0044 20 7946 0958").expect_err("no +");
/// assert_eq!(e.kind(), "value_error");
/// assert_eq!(e.msg(), "value is not a valid phone number");
/// assert!(rules::phone("+1  415").is_err());
/// ```
pub fn phone<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !is_phone(s) => Err(catalogue::phone()),
        _ => Ok(()),
    }
}

/// [`phone`], then the number must be valid in its country's numbering
/// plan, by libphonenumber's metadata (through the `phonenumber` crate):
/// a known country code, a national number of a length and prefix that
/// country assigns. `+1 415 555 2671` passes, `+1 011 555 2671` (no US
/// area code starts with 0) and `+44 20 7946` (too short for London) do
/// not. Same error as [`phone`]. The metadata is the crate's: update the
/// crate to follow numbering-plan changes. Unlike the other rules this one
/// allocates on valid input (the port parses into owned values).
///
/// ```
/// use validate_core::rules;
/// assert!(rules::phone_strict("+1 415 555 2671").is_ok());
/// assert!(rules::phone_strict("+44 20 7946 0958").is_ok());
/// assert!(rules::phone_strict("+1 011 555 2671").is_err());
/// assert!(rules::phone_strict("+44 20 7946").is_err());
/// ```
#[cfg(feature = "phonenumber")]
pub fn phone_strict<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        // The syntax check first: the port then sees only `+`, at most 15
        // digits, spaces and dashes, whatever the input was.
        Some(s) if !(is_phone(s) && in_plan(s)) => Err(catalogue::phone()),
        _ => Ok(()),
    }
}

#[cfg(feature = "phonenumber")]
fn in_plan(s: &str) -> bool {
    phonenumber::parse(None, s).is_ok_and(|n| phonenumber::is_valid(&n))
}

fn is_phone(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('+') else {
        return false;
    };
    if !rest
        .bytes()
        .next()
        .is_some_and(|b| matches!(b, b'1'..=b'9'))
    {
        return false;
    }
    let (mut digits, mut after_separator) = (0usize, false);
    for b in rest.bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > MAX_DIGITS {
                    return false;
                }
                after_separator = false;
            }
            b' ' | b'-' if !after_separator => after_separator = true,
            _ => return false,
        }
    }
    !after_separator && digits >= MIN_DIGITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_e164_with_groups() {
        for s in [
            "+14155552671",
            "+299 12 34 56",
            "+33642926829",
            "+33 6 42 92 68 29",
            "+1-415-555-2671",
            "+123456789012345",
            "+12345678",
        ] {
            assert!(is_phone(s), "{s:?}");
            assert!(phone(s).is_ok(), "{s:?}");
            assert!(phone(&Some(s.to_owned())).is_ok(), "{s:?}");
        }
        assert!(phone(&None::<&str>).is_ok());
    }

    #[test]
    fn rejects_other_forms() {
        for s in [
            "",
            "+",
            "14155552671",
            "0044 20 7946 0958",
            "+0 415 555 2671",
            "+1234567",
            "+1234567890123456",
            "+1 (415) 555-2671",
            "+1.415.555.2671",
            "+1  4155552671",
            "+1 -4155552671",
            "+14155552671 ",
            "+ 14155552671",
            "+14155552671-",
            "+1415555２671",
            "+14155552671 ext. 2",
            "TEXT",
        ] {
            assert!(!is_phone(s), "{s:?}");
        }
    }

    #[cfg(feature = "phonenumber")]
    #[test]
    fn strict_needs_the_syntax_and_the_numbering_plan() {
        for ok in ["+1 415 555 2671", "+44 20 7946 0958", "+33 6 42 92 68 29"] {
            assert!(phone_strict(ok).is_ok(), "{ok:?}");
        }
        // Right syntax, outside the plan; inside the plan, wrong syntax.
        for bad in [
            "+1 011 555 2671",
            "+44 20 7946",
            "+1 (415) 555-2671",
            "001 415 555 2671",
        ] {
            let e = phone_strict(bad).expect_err(bad);
            assert_eq!(e.kind(), "value_error");
            assert!(e.ctx().is_empty());
        }
        assert!(phone_strict(&None::<String>).is_ok());
        assert!(in_plan("+1 415 555 2671"));
        assert!(!in_plan("+1 011 555 2671"));
    }

    #[test]
    fn error_has_no_ctx() {
        let e = phone("+1").expect_err("too short");
        assert!(e.ctx().is_empty());
        assert!(phone(&"1".repeat(1 << 20)).is_err());
    }
}
