//! `credit_card`: a payment card number (PAN) — 12 to 19 digits, optionally
//! grouped by single spaces or hyphens — that passes the Luhn check.

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// ISO/IEC 7812: a PAN has 12 to 19 digits (Pydantic's `PaymentCardNumber`
/// bounds).
const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;

/// Checks that a string is a payment card number: 12 to 19 digits that pass
/// the Luhn checksum.
///
/// The digits may be grouped by single spaces or hyphens, as printed on a
/// card or typed into a form (`4929 7226 5379 7141`,
/// `4716-2210-5188-5662`), as validator.js allows; a separator may not
/// lead, trail or be doubled. The card brand (IIN prefix) is not checked.
///
/// Errors, as Pydantic's `PaymentCardNumber`:
/// - any other character: `payment_card_number_digits`, `Card number is not
///   all digits`;
/// - fewer than 12 or more than 19 digits: `string_too_short` /
///   `string_too_long` with `min_length` 12 / `max_length` 19 (counting
///   digits);
/// - a failed checksum: `payment_card_number_luhn`, `Card number is not luhn
///   valid`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::credit_card("4539 5711 4764 7251").is_ok());
/// assert_eq!(rules::credit_card("4539571147647250").expect_err("should be rejected").kind(), "payment_card_number_luhn");
/// assert_eq!(rules::credit_card("4539x71147647251").expect_err("should be rejected").msg(), "Card number is not all digits");
/// assert_eq!(rules::credit_card("5421").expect_err("should be rejected").msg(), "String should have at least 12 characters");
/// ```
pub fn credit_card<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    let Some(s) = value.input_str() else {
        return Ok(());
    };
    let digits = digit_count(s).ok_or_else(catalogue::payment_card_number_digits)?;
    if digits < MIN_DIGITS {
        return Err(catalogue::string_too_short(MIN_DIGITS));
    }
    if digits > MAX_DIGITS {
        return Err(catalogue::string_too_long(MAX_DIGITS));
    }
    if luhn_valid(s) {
        Ok(())
    } else {
        Err(catalogue::payment_card_number_luhn())
    }
}

/// The number of digits, or `None` when a character is neither a digit nor
/// a single separator between two digits.
fn digit_count(s: &str) -> Option<usize> {
    let mut count = 0;
    let mut after_digit = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                count += 1;
                after_digit = true;
            }
            b' ' | b'-' if after_digit => after_digit = false,
            _ => return None,
        }
    }
    after_digit.then_some(count)
}

/// The Luhn checksum over the digits of `s` (separators skipped).
fn luhn_valid(s: &str) -> bool {
    let sum: u32 = s
        .bytes()
        .rev()
        .filter(u8::is_ascii_digit)
        .map(|b| u32::from(b - b'0'))
        .enumerate()
        .map(|(i, d)| match (i % 2 == 1, d * 2) {
            (false, _) => d,
            (true, doubled) if doubled > 9 => doubled - 9,
            (true, doubled) => doubled,
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_test_numbers() {
        for ok in [
            "4242424242424242",
            "378282246310005",
            "6011111111111117",
            "3056930009020004",
            "4716-2210-5188-5662",
            "4929 7226 5379 7141",
            "000000000000",
        ] {
            assert!(credit_card(ok).is_ok(), "{ok}");
        }
        let e = credit_card("4242424242424240").expect_err("should be rejected");
        assert_eq!(
            (e.kind(), &*e.msg()),
            ("payment_card_number_luhn", "Card number is not luhn valid")
        );
        assert!(e.ctx().is_empty());
    }

    #[test]
    fn digits_and_separators() {
        for bad in [
            "",
            "foo",
            " 4242424242424242",
            "4242424242424242 ",
            "4242  4242424242424242",
            "4242--424242424242",
            "4242 -424242424242",
            "424242424242424X",
            "４２４２４２４２４２４２４２４２",
            "4242424242424242\n",
            "+4242424242424242",
        ] {
            let e = credit_card(bad).expect_err("should be rejected");
            assert_eq!(
                (e.kind(), &*e.msg()),
                (
                    "payment_card_number_digits",
                    "Card number is not all digits"
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn length_bounds() {
        let e = credit_card("42424242424").expect_err("should be rejected");
        assert_eq!(
            (e.kind(), &*e.msg()),
            (
                "string_too_short",
                "String should have at least 12 characters"
            )
        );
        let e = credit_card("42424242424242424242").expect_err("should be rejected");
        assert_eq!(
            (e.kind(), &*e.msg()),
            (
                "string_too_long",
                "String should have at most 19 characters"
            )
        );
        // Both bounds are inclusive: Luhn-valid numbers of 12 and 19 digits.
        assert!(credit_card("400000000002").is_ok());
        assert!(credit_card("4000000000000000006").is_ok());
        assert!(credit_card("4000 0000 0000 0000 006").is_ok());
    }

    #[test]
    fn wrappers() {
        assert!(credit_card(&None::<String>).is_ok());
        assert!(credit_card(&Some("4242424242424242".to_string())).is_ok());
        assert!(credit_card(&Box::new("4242424242424241")).is_err());
    }

    proptest::proptest! {
        #[test]
        fn no_panic_on_any_string(s in proptest::prelude::any::<String>()) {
            let _ = credit_card(&s);
        }

        /// Changing one digit of a valid number always breaks the checksum.
        #[test]
        fn luhn_catches_single_digit_errors(body in "[0-9]{15}", at in 0usize..16, delta in 1u8..=9) {
            let check = (0..=9u8).find(|d| luhn_valid(&format!("{body}{d}")));
            let Some(check) = check else { return Ok(()) };
            let valid = format!("{body}{check}");
            proptest::prop_assert!(credit_card(&valid).is_ok());
            let mut bytes = valid.into_bytes();
            bytes[at] = b'0' + (bytes[at] - b'0' + delta) % 10;
            let broken = String::from_utf8(bytes).unwrap_or_default();
            let err = credit_card(&broken).expect_err("should be rejected");
            proptest::prop_assert_eq!(err.kind(), "payment_card_number_luhn");
        }
    }
}
