//! `single_script`: UTS #39 mixed-script detection, the guard against
//! identifiers that mix look-alike letters of different scripts.

use unicode_security::mixed_script::AugmentedScriptSet;

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// Rejects a string whose letters come from more than one script, per
/// [UTS #39 §5.1](https://www.unicode.org/reports/tr39/#Mixed_Script_Detection):
/// the string is single-script when its resolved script set (the
/// intersection of every character's Script_Extensions, Common and
/// Inherited matching any script, Han/Hiragana/Katakana/Hangul/Bopomofo
/// grouped as Japanese, Korean or Chinese writing) is not empty.
///
/// So `раypal` with a Cyrillic `р` and `а` fails, while `paypal`, `Straße`,
/// `ペイパル`, `東京タワー` (Japanese mixes Han and Katakana) and `user_1`
/// (digits and `_` are Common) pass. An all-ASCII string always passes.
/// Data: Unicode 18.0, from the `unicode-security` crate. Requires the
/// `unicode` feature (on by default).
///
/// Error: `string_mixed_script`, no ctx.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::single_script("paypal").is_ok());
/// let e = rules::single_script("раypal").unwrap_err();
/// assert_eq!(e.kind(), "string_mixed_script");
/// assert_eq!(e.msg(), "String should not mix scripts");
/// assert!(rules::single_script(&None::<String>).is_ok());
/// ```
pub fn single_script<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    let Some(s) = value.input_str() else {
        return Ok(());
    };
    // ASCII letters are all Latin and the rest of ASCII is Common.
    if s.is_ascii() || is_single_script(s) {
        Ok(())
    } else {
        Err(catalogue::string_mixed_script())
    }
}

/// `unicode_security::MixedScript::is_single_script`, many times faster.
/// The resolved script set is the intersection of every character's set,
/// and intersecting is idempotent: Common characters (all of ASCII but its
/// letters, which are Latin) intersect as "every script" and are skipped,
/// the Latin set is intersected once however many ASCII letters follow, and
/// the scan stops as soon as the set is empty. Tests check it against the
/// crate's function.
fn is_single_script(s: &str) -> bool {
    let mut resolved = AugmentedScriptSet::default();
    let mut latin_done = false;
    for c in s.chars() {
        if c.is_ascii() {
            if latin_done || !c.is_ascii_alphabetic() {
                continue;
            }
            latin_done = true;
        }
        resolved.intersect_with(AugmentedScriptSet::for_char(c));
        if resolved.is_empty() {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;

    #[test]
    fn single_scripts_pass() {
        for ok in [
            "",
            "paypal",
            "user_1",
            "Straße",
            "ペイパル",
            "東京タワー",
            "서울2024",
            "中文注音ㄓㄨˋ",
            "Ελληνικά",
            "москва-2",
            "café\u{301}",
            "١٢٣ مرحبا",
        ] {
            assert!(single_script(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn mixed_scripts_fail() {
        for bad in [
            "раypal",
            "pаypal",
            "Ωmega",
            "mоscow",
            "abcαβγ",
            "ペイpal",
            "한국ペ",
        ] {
            let e = single_script(bad).unwrap_err();
            assert_eq!(e.kind(), "string_mixed_script", "{bad}");
            assert_eq!(e.msg(), "String should not mix scripts");
            assert!(e.ctx().is_empty());
        }
    }

    #[test]
    fn ascii_is_latin_or_common() {
        let latin = AugmentedScriptSet::for_char('a');
        for c in (0..128u8).map(char::from) {
            let set = AugmentedScriptSet::for_char(c);
            if c.is_ascii_alphabetic() {
                assert_eq!(set, latin, "{c:?}");
            } else {
                assert!(set.is_all(), "{c:?}");
            }
        }
    }

    #[test]
    fn agrees_with_unicode_security_on_every_character() {
        use unicode_security::MixedScript;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(
                is_single_script(s),
                s.is_single_script(),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_unicode_security_on_mixtures(
            s in "[a-zA-Z0-9_ .\\-аруΩαβé\u{301}ß東京タワーペイひらがな한국ㄓㄨˋ٣مر\u{200D}\u{30FC}]{0,12}"
        ) {
            use unicode_security::MixedScript;
            proptest::prop_assert_eq!(is_single_script(&s), s.as_str().is_single_script());
        }
    }

    #[test]
    fn wrappers_are_transparent() {
        let bad = "pаypal";
        assert!(single_script(&Some(bad.to_string())).is_err());
        assert!(single_script(&None::<&str>).is_ok());
        assert!(single_script(&Box::new(bad)).is_err());
        assert!(single_script(&Rc::<str>::from(bad)).is_err());
        assert!(single_script(&Arc::new(bad.to_string())).is_err());
        assert!(single_script(&Cow::Borrowed(bad)).is_err());
        assert!(single_script(&&bad).is_err());
    }
}
