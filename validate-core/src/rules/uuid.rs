//! `uuid`: an RFC 9562 UUID in its canonical hyphenated text form, checked
//! by hand (no regex, no dependency, no allocation).

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// Group lengths of the hyphenated form `8-4-4-4-12`.
const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
/// Character index of the version digit (`xxxxxxxx-xxxx-Vxxx-...`).
const VERSION_AT: usize = 14;
/// Character index of the variant digit (`...-xxxx-Nxxx-...`).
const VARIANT_AT: usize = 19;

/// Checks that a string is a UUID written `8-4-4-4-12` in hex digits
/// (either case), such as `550e8400-e29b-41d4-a716-446655440000`.
///
/// Any RFC 9562 version is accepted (1 to 8) with the RFC variant (`8`,
/// `9`, `a` or `b` in the first digit of the fourth group), plus the nil
/// (`00000000-0000-0000-0000-000000000000`) and max (all `f`) UUIDs — the
/// semantics of validator.js `isUUID` and of what every UUID library
/// generates. Microsoft and NCS-variant values are rejected.
///
/// Only the canonical hyphenated form is accepted: the `uuid` crate (and so
/// Pydantic) also parses the 32-digit simple form, `{braced}` and
/// `urn:uuid:` forms, but accepting several spellings of one value lets two
/// strings that compare unequal name the same UUID (duplicate keys, cache
/// misses, filter bypasses). Normalize those forms before validating if you
/// need them.
///
/// The error is `uuid_parsing`, `Input should be a valid UUID, <error>`,
/// with `error` worded like the `uuid` crate's messages (`invalid length:
/// expected length 36 for hyphenated format, found 3`, `invalid group
/// count: expected 5, found 2`, `invalid character: expected [0-9a-fA-F-]
/// at 20`) but never quoting a character of the input; positions count
/// characters from 1.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::uuid("550e8400-e29b-41d4-a716-446655440000").is_ok());
/// assert!(rules::uuid("00000000-0000-0000-0000-000000000000").is_ok());
/// let e = rules::uuid("550e8400-e29b-41d4-a716-44665544000g").expect_err("should be rejected");
/// assert_eq!(e.kind(), "uuid_parsing");
/// assert_eq!(e.msg(), "Input should be a valid UUID, invalid character: expected [0-9a-fA-F-] at 36");
/// ```
pub fn uuid<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s).map_err(catalogue::uuid_parsing),
        None => Ok(()),
    }
}

fn check(s: &str) -> Result<(), String> {
    let bytes = s.as_bytes();
    // The fast path: exactly the canonical layout.
    if bytes.len() == 36 && canonical_layout(bytes) {
        return version_and_variant(bytes);
    }
    Err(describe(s))
}

fn canonical_layout(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().all(|(i, b)| match i {
        8 | 13 | 18 | 23 => *b == b'-',
        _ => b.is_ascii_hexdigit(),
    })
}

fn version_and_variant(bytes: &[u8]) -> Result<(), String> {
    let all = |d: u8| {
        bytes
            .iter()
            .all(|&b| b == b'-' || b.eq_ignore_ascii_case(&d))
    };
    if all(b'0') || all(b'f') {
        return Ok(());
    }
    if !matches!(bytes[VERSION_AT], b'1'..=b'8') {
        return Err(format!(
            "invalid version: expected a version from 1 to 8 at {}",
            VERSION_AT + 1
        ));
    }
    if !matches!(bytes[VARIANT_AT], b'8' | b'9' | b'a' | b'b' | b'A' | b'B') {
        return Err(format!(
            "invalid variant: expected the RFC 9562 variant (8, 9, a or b) at {}",
            VARIANT_AT + 1
        ));
    }
    Ok(())
}

/// Why `s` is not in the hyphenated layout, in the order the `uuid` crate
/// reports: a foreign character, then the length (no hyphens at all), the
/// group count, a group length.
fn describe(s: &str) -> String {
    if let Some(at) = s.chars().position(|c| !(c.is_ascii_hexdigit() || c == '-')) {
        return format!("invalid character: expected [0-9a-fA-F-] at {}", at + 1);
    }
    if !s.contains('-') {
        return format!(
            "invalid length: expected length 36 for hyphenated format, found {}",
            s.len()
        );
    }
    let count = s.split('-').count();
    if count != GROUPS.len() {
        return format!("invalid group count: expected 5, found {count}");
    }
    for (group, (part, expected)) in s.split('-').zip(GROUPS).enumerate() {
        if part.len() != expected {
            return format!(
                "invalid group length in group {group}: expected {expected}, found {}",
                part.len()
            );
        }
    }
    // Unreachable for a string that failed the layout test, kept total.
    "invalid length: expected length 36 for hyphenated format".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(s: &str) -> String {
        let e = uuid(s).expect_err("should be rejected");
        assert_eq!(e.kind(), "uuid_parsing");
        e.ctx()
            .get("error")
            .map(|v| v.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn accepts_every_version_nil_and_max() {
        for v in '1'..='8' {
            let s = format!("a987fbc9-4bed-{v}078-af07-9141ba07c9f3");
            assert!(uuid(&s).is_ok(), "{s}");
        }
        for s in [
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "A987FBC9-4BED-4078-8F07-9141BA07C9F3",
            "018c544a-d384-7000-bb74-3b1738abe43c",
        ] {
            assert!(uuid(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn error_texts() {
        assert_eq!(
            error(""),
            "invalid length: expected length 36 for hyphenated format, found 0"
        );
        assert_eq!(
            error("934859"),
            "invalid length: expected length 36 for hyphenated format, found 6"
        );
        assert_eq!(
            error("a987fbc94bed4078af079141ba07c9f3"),
            "invalid length: expected length 36 for hyphenated format, found 32"
        );
        assert_eq!(
            error("a987fbc9-4bed"),
            "invalid group count: expected 5, found 2"
        );
        assert_eq!(
            error("987FBC9-4BED-3078-CF07A-9141BA07C9F3"),
            "invalid group length in group 0: expected 8, found 7"
        );
        assert_eq!(
            error("AAAAAAAA-1111-1111-AAAG-111111111111"),
            "invalid character: expected [0-9a-fA-F-] at 23"
        );
        assert_eq!(
            error("{a987fbc9-4bed-4078-8f07-9141ba07c9f3}"),
            "invalid character: expected [0-9a-fA-F-] at 1"
        );
        assert_eq!(
            error("a987fbc9-4bed-0078-8f07-9141ba07c9f3"),
            "invalid version: expected a version from 1 to 8 at 15"
        );
        assert_eq!(
            error("A987FBC9-4BED-3078-CF07-9141BA07C9F3"),
            "invalid variant: expected the RFC 9562 variant (8, 9, a or b) at 20"
        );
        // Positions count characters, not bytes, and the character is not shown.
        assert_eq!(error("é"), "invalid character: expected [0-9a-fA-F-] at 1");
        assert_eq!(error("0é"), "invalid character: expected [0-9a-fA-F-] at 2");
    }

    #[test]
    fn wrappers() {
        assert!(uuid(&None::<String>).is_ok());
        assert!(uuid(&Some("00000000-0000-0000-0000-000000000000".to_string())).is_ok());
        assert!(uuid(&std::rc::Rc::<str>::from("x")).is_err());
        let e = uuid(&Box::new("zz")).expect_err("should be rejected");
        assert_eq!(
            e.msg(),
            "Input should be a valid UUID, invalid character: expected [0-9a-fA-F-] at 1"
        );
    }

    proptest::proptest! {
        #[test]
        fn no_panic_and_no_echo(s in proptest::prelude::any::<String>(), secret in "[g-z]{6}") {
            let _ = uuid(&s);
            if let Err(e) = uuid(&format!("{s}{secret}")) {
                let shown = format!("{e} {e:?}");
                proptest::prop_assert!(!shown.contains(&secret), "{}", shown);
            }
        }

        #[test]
        fn every_hyphenated_rfc_uuid_passes(v in 1u8..=8, variant in 8u8..=11, bits in proptest::prelude::any::<u128>()) {
            let hex = format!("{bits:032x}");
            let s = format!(
                "{}-{}-{:x}{}-{:x}{}-{}",
                &hex[..8], &hex[8..12], v, &hex[13..16], variant, &hex[17..20], &hex[20..]
            );
            proptest::prop_assert!(uuid(&s).is_ok(), "{}", s);
            proptest::prop_assert!(uuid(&s.to_uppercase()).is_ok(), "{}", s);
        }
    }
}
