//! `iban`: an International Bank Account Number (ISO 13616): the country's
//! length from the IBAN registry, then the ISO 7064 mod-97 check, computed
//! digit by digit (no big integers, no allocation).

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// IBAN lengths per country, from the SWIFT IBAN registry (the ISO 13616
/// registration authority), sorted by country code for a binary search.
/// Territories that use another country's prefix (Åland: `FI`, French
/// overseas departments: `FR`) need no entry of their own.
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

/// Checks that a string is an IBAN, in the order and with the error codes
/// of pydantic-extra-types' `IBAN` type: spaces (U+0020) are ignored
/// anywhere and letters may be lowercase (`gb29 nwbk 6016 1331 9268 19`
/// passes), then
///
/// 1. at least 5 characters (`iban_invalid_length`, `Invalid IBAN: too
///    short`);
/// 2. two ASCII letters, a country with an IBAN format
///    (`iban_invalid_country_code`);
/// 3. that country's length (`iban_invalid_length`, with `expected_length`
///    and `actual_length` in ctx);
/// 4. only ASCII letters and digits (`iban_invalid_characters`);
/// 5. digits as the third and fourth characters
///    (`iban_invalid_check_digits`);
/// 6. the ISO 7064 mod-97 remainder is 1 (`iban_invalid_checksum`).
///
/// Unlike pydantic-extra-types, no message quotes the country code (it is
/// part of the input). The country's own BBAN layout (where letters may
/// stand) is not checked: the checksum catches typing errors, the bank
/// catches the rest.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::iban("GB29NWBK60161331926819").is_ok());
/// assert!(rules::iban("de89 3704 0044 0532 0130 00").is_ok());
/// assert!(rules::iban(&None::<String>).is_ok());
/// let e = rules::iban("GB29NWBK60161331926818").expect_err("checksum");
/// assert_eq!(e.kind(), "iban_invalid_checksum");
/// assert_eq!(e.msg(), "Invalid IBAN: checksum validation failed");
/// let e = rules::iban("DE8937040044053201300").expect_err("one digit short");
/// assert_eq!(e.msg(), "Invalid IBAN: expected 22 characters, got 21");
/// ```
pub fn iban<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s),
        None => Ok(()),
    }
}

fn check(s: &str) -> Result<(), ValidationError> {
    let chars = || s.chars().filter(|&c| c != ' ');
    let len = chars().count();
    if len < 5 {
        return Err(catalogue::iban_too_short());
    }
    let mut head = chars().map(|c| c.to_ascii_uppercase());
    let country = match (head.next(), head.next()) {
        (Some(a), Some(b)) if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            [a as u8, b as u8]
        }
        _ => return Err(catalogue::iban_country_not_letters()),
    };
    let Ok(found) = LENGTHS.binary_search_by(|(code, _)| code.as_slice().cmp(&country)) else {
        return Err(catalogue::iban_unknown_country());
    };
    let expected = LENGTHS[found].1;
    if len != expected {
        return Err(catalogue::iban_invalid_length(expected, len));
    }
    if !chars().skip(2).all(|c| c.is_ascii_alphanumeric()) {
        return Err(catalogue::iban_invalid_characters());
    }
    if !chars().skip(2).take(2).all(|c| c.is_ascii_digit()) {
        return Err(catalogue::iban_invalid_check_digits());
    }
    // The first four characters move to the end; letters count as 10..35.
    let remainder =
        chars()
            .skip(4)
            .chain(chars().take(4))
            .fold(0u32, |r, c| match c.to_digit(36) {
                Some(d) if d < 10 => (r * 10 + d) % 97,
                Some(d) => (r * 100 + d) % 97,
                None => r,
            });
    if remainder == 1 {
        Ok(())
    } else {
        Err(catalogue::iban_invalid_checksum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    fn code(s: &str) -> String {
        iban(s).expect_err("should be rejected").kind().to_owned()
    }

    #[test]
    fn table_is_sorted_for_the_binary_search() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn accepts_registry_examples() {
        // The SWIFT registry's example IBAN of several countries.
        for s in [
            "GB29NWBK60161331926819",
            "DE89370400440532013000",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "NO9386011117947",
            "BE68539007547034",
            "CH9300762011623852957",
            "MT84MALT011000012345MTLCAST001S",
            "LC55HEMM000100010012001200023015",
            "RU0304452522540817810538091310419",
            "gb29 nwbk 6016 1331 9268 19",
        ] {
            assert!(iban(s).is_ok(), "{s:?}: {:?}", iban(s));
        }
    }

    #[test]
    fn codes_follow_pydantic_extra_types() {
        assert_eq!(code(""), "iban_invalid_length");
        assert_eq!(code("GB2 9"), "iban_invalid_length");
        assert_eq!(code("1B29NWBK60161331926819"), "iban_invalid_country_code");
        assert_eq!(code("ÄB29NWBK60161331926819"), "iban_invalid_country_code");
        assert_eq!(code("ZZ29NWBK60161331926819"), "iban_invalid_country_code");
        assert_eq!(code("GB29NWBK6016133192681"), "iban_invalid_length");
        assert_eq!(code("GB29NWBK6016133192681-"), "iban_invalid_characters");
        assert_eq!(code("GB29NWBK6016133192681é"), "iban_invalid_characters");
        assert_eq!(code("GBX9NWBK60161331926819"), "iban_invalid_check_digits");
        assert_eq!(code("GB28NWBK60161331926819"), "iban_invalid_checksum");
        let e = iban("GB29NWBK6016133192681").expect_err("short");
        assert_eq!(
            e.ctx().get("expected_length").map(ToString::to_string),
            Some("22".into())
        );
        assert_eq!(
            e.ctx().get("actual_length").map(ToString::to_string),
            Some("21".into())
        );
    }

    /// Kinds that share a code differ in their message: each reason at its
    /// edge.
    #[test]
    fn each_reason_at_its_edge() {
        let kind = |s: &str| iban(s).map_err(|e| e.catalogue_kind()).err();
        assert_eq!(kind("GB29"), Some(Kind::IbanTooShort));
        assert_eq!(kind("GB 2 9"), Some(Kind::IbanTooShort));
        assert_eq!(kind("GB29N"), Some(Kind::IbanInvalidLength));
        for not_letters in ["1B29NWBK60161331926819", "G129NWBK60161331926819", "12345"] {
            assert_eq!(
                kind(not_letters),
                Some(Kind::IbanCountryNotLetters),
                "{not_letters}"
            );
        }
        assert_eq!(
            kind("ZZ29NWBK60161331926819"),
            Some(Kind::IbanUnknownCountry)
        );
        assert_eq!(kind("gb29NWBK60161331926819"), None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        assert!(iban(&"9".repeat(1 << 20)).is_err());
        assert!(iban(&"Z".repeat(1 << 20)).is_err());
        assert!(iban(&" ".repeat(1000)).is_err());
        assert!(iban("GB\u{0}\u{0}").is_err());
    }
}
