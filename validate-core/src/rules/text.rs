//! Text hygiene rules: `no_invisible` (zero-width, bidi and other format
//! characters) and `no_control` (C0/C1 control codes), and the
//! [`is_invisible`] predicate the `strip_invisible` sanitizer shares.

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// Whether `c` is invisible: its General_Category is Cf (format) or it is a
/// Default_Ignorable_Code_Point (DerivedCoreProperties.txt).
///
/// These are the characters a renderer draws as nothing, which lets two
/// strings that look the same differ (`admin` and `adm\u{200B}in`) or text
/// display in another order than it is stored:
///
/// - every Cf character: soft hyphen U+00AD, the Arabic and Syriac
///   prepended marks (U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2),
///   U+061C ARABIC LETTER MARK, U+180E MONGOLIAN VOWEL SEPARATOR,
///   zero-width space/non-joiner/joiner and LRM/RLM (U+200B–200F), the bidi
///   embeddings, overrides and isolates (U+202A–202E, U+2066–2069), word
///   joiner and invisible operators (U+2060–2064), the deprecated format
///   characters U+206A–206F, the BOM / zero-width no-break space U+FEFF,
///   the interlinear annotation marks U+FFF9–FFFB, Kaithi number signs
///   (U+110BD, U+110CD), Egyptian hieroglyph format controls
///   (U+13430–1343F), shorthand format controls (U+1BCA0–1BCA3), musical
///   beam and slur controls (U+1D173–1D17A) and the tag characters
///   (U+E0001, U+E0020–E007F);
/// - the default-ignorable characters that are not Cf: U+034F COMBINING
///   GRAPHEME JOINER, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
///   the Khmer inherent vowels U+17B4–17B5, the Mongolian free variation
///   selectors (U+180B–180D, U+180F), the variation selectors (U+FE00–FE0F,
///   U+E0100–E01EF) and the code points Unicode reserves as default
///   ignorable for future use (U+2065, U+FFF0–FFF8, U+E0000–E0FFF).
///
/// The Cf set follows Unicode 18.0 (the `unicode-properties` crate) and the
/// default-ignorable set Unicode 16.0 (`regex-syntax`'s tables); a unit test
/// checks this function against both for every code point.
///
/// Spaces (U+00A0, U+3000, ...) are not invisible: they render as space.
/// Note that emoji presentation sequences use U+FE0F and emoji ZWJ
/// sequences U+200D, so `no_invisible` is meant for identifiers and names,
/// not for free text.
///
/// ```
/// use validate_core::rules::is_invisible;
/// assert!(is_invisible('\u{200B}')); // zero-width space
/// assert!(is_invisible('\u{202E}')); // right-to-left override
/// assert!(is_invisible('\u{3164}')); // Hangul filler
/// assert!(!is_invisible(' '));
/// assert!(!is_invisible('é'));
/// ```
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}'
        | '\u{890}'..='\u{891}' | '\u{8E2}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// Rejects a string that holds any [invisible](is_invisible) character:
/// zero-width characters, bidi controls (the "Trojan Source" overrides),
/// other format (Cf) characters and default-ignorable code points.
///
/// Error: `string_invisible_characters`, no ctx. The `strip_invisible`
/// sanitizer removes exactly these characters.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::no_invisible("admin").is_ok());
/// let e = rules::no_invisible("adm\u{200B}in").unwrap_err();
/// assert_eq!(e.kind(), "string_invisible_characters");
/// assert_eq!(e.msg(), "String should not contain invisible or bidirectional control characters");
/// assert!(rules::no_invisible(&None::<String>).is_ok());
/// ```
pub fn no_invisible<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    let Some(s) = value.input_str() else {
        return Ok(());
    };
    // No character below U+00AD is invisible: `is_ascii` checks a word at a
    // time, and the cheap comparison spares most characters the table.
    if s.is_ascii() || !s.chars().any(|c| c >= '\u{AD}' && is_invisible(c)) {
        Ok(())
    } else {
        Err(catalogue::string_invisible_characters())
    }
}

/// Rejects a string that holds any control character (General_Category Cc:
/// U+0000–001F, U+007F DELETE and the C1 controls U+0080–009F).
///
/// This includes tab, line feed and carriage return: the rule is meant for
/// single-line values (names, identifiers, titles). For multi-line text,
/// use a `charset` or the `strip_control(keep_whitespace)` sanitizer
/// instead. Pydantic has no such rule.
///
/// Error: `string_control_characters`, no ctx.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::no_control("Ada Lovelace").is_ok());
/// assert_eq!(rules::no_control("a\0b").unwrap_err().kind(), "string_control_characters");
/// assert!(rules::no_control("line\nbreak").is_err());
/// assert!(rules::no_control("\u{85}").is_err()); // NEXT LINE, a C1 control
/// ```
pub fn no_control<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    let Some(s) = value.input_str() else {
        return Ok(());
    };
    if may_have_control(s.as_bytes()) && has_control(s.as_bytes()) {
        Err(catalogue::string_control_characters())
    } else {
        Ok(())
    }
}

/// A branch-free pass the compiler vectorizes: false when no byte can
/// start a control character (C0, DELETE, or the C2 lead byte of C1).
fn may_have_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |seen, &b| {
        seen | (b < 0x20) | (b == 0x7F) | (b == 0xC2)
    })
}

/// Whether UTF-8 `bytes` encode a Cc character. C0 and DELETE are single
/// bytes; the C1 controls U+0080–009F are `C2 80`–`C2 9F`, and `C2` is only
/// ever a lead byte, so a byte scan is exact.
fn has_control(bytes: &[u8]) -> bool {
    let mut prev_c2 = false;
    for &b in bytes {
        if b < 0x20 || b == 0x7F || (prev_c2 && (0x80..=0x9F).contains(&b)) {
            return true;
        }
        prev_c2 = b == 0xC2;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_syntax::hir::{Class, HirKind};
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

    fn default_ignorable() -> Vec<(char, char)> {
        let hir = regex_syntax::Parser::new()
            .parse(r"\p{Default_Ignorable_Code_Point}")
            .expect("regex-syntax knows the property");
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            other => panic!("unexpected HIR {other:?}"),
        }
    }

    #[test]
    fn invisible_is_exactly_cf_or_default_ignorable() {
        let di = default_ignorable();
        assert!(!di.is_empty());
        let is_di = |c: char| di.iter().any(|&(lo, hi)| (lo..=hi).contains(&c));
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = c.general_category() == GeneralCategory::Format || is_di(c);
            assert_eq!(is_invisible(c), want, "U+{:04X}", u32::from(c));
            checked += 1;
        }
        assert_eq!(checked, 0x110000 - 0x800);
    }

    #[test]
    fn control_is_exactly_cc() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let encoded = c.encode_utf8(&mut buf);
            let is_cc = c.general_category() == GeneralCategory::Control;
            assert_eq!(
                has_control(encoded.as_bytes()),
                is_cc,
                "U+{:04X}",
                u32::from(c)
            );
            assert!(may_have_control(encoded.as_bytes()) || !is_cc);
        }
        // `¢` is C2 A2: a C2 lead byte that does not start a C1 control.
        assert!(!has_control("¢".as_bytes()));
    }

    #[test]
    fn no_invisible_errors() {
        assert!(no_invisible("").is_ok());
        assert!(no_invisible("Zoë 東京 ❤").is_ok());
        for bad in [
            "a\u{200B}b",
            "\u{FEFF}bom",
            "evil\u{202E}txt.exe",
            "\u{2066}x",
            "\u{E0041}",
            "x\u{3164}",
            "\u{AD}",
        ] {
            let e = no_invisible(bad).unwrap_err();
            assert_eq!(e.kind(), "string_invisible_characters");
            assert_eq!(
                e.msg(),
                "String should not contain invisible or bidirectional control characters"
            );
            assert!(e.ctx().is_empty());
        }
    }

    /// The pre-pass is exact about what it lets through: text without a
    /// C0 byte, DELETE or the C1 lead byte skips the exact scan.
    #[test]
    fn control_pre_pass_lets_plain_text_through() {
        assert!(!may_have_control(b""));
        assert!(!may_have_control(b"plain text, spaces ~ and digits 0123"));
        assert!(!may_have_control("é€👍 ü ß ÿ".as_bytes()));
        for hit in ["\0", "\u{1f}", "\u{7f}", "\u{80}", "é\u{a0}", "ab\0\0"] {
            assert!(may_have_control(hit.as_bytes()), "{hit:?}");
        }
    }

    #[test]
    fn no_control_errors() {
        assert!(no_control("").is_ok());
        assert!(no_control("plain, ¢ and € are fine").is_ok());
        for bad in ["\t", "a\nb", "\r", "\u{7F}", "\u{80}", "x\u{9F}y", "\0"] {
            let e = no_control(bad).unwrap_err();
            assert_eq!(e.kind(), "string_control_characters");
            assert_eq!(e.msg(), "String should not contain control characters");
            assert!(e.ctx().is_empty());
        }
    }

    proptest::proptest! {
        #[test]
        fn rules_agree_with_their_predicates(s in "\\PC*|.*|[a-z\u{0}-\u{a0}\u{200b}-\u{200f}\u{fe0f}¢]*") {
            proptest::prop_assert_eq!(no_invisible(s.as_str()).is_err(), s.chars().any(is_invisible));
            proptest::prop_assert_eq!(no_control(s.as_str()).is_err(), s.chars().any(char::is_control));
        }
    }

    #[test]
    fn wrappers_are_transparent() {
        let bad = "a\u{200B}";
        assert!(no_invisible(&Some(bad.to_string())).is_err());
        assert!(no_invisible(&None::<String>).is_ok());
        assert!(no_invisible(&Box::new(bad)).is_err());
        assert!(no_invisible(&Rc::<str>::from(bad)).is_err());
        assert!(no_invisible(&Arc::new(bad.to_string())).is_err());
        assert!(no_invisible(&Cow::Borrowed(bad)).is_err());
        assert!(no_invisible(&&bad).is_err());
        let bad = "a\u{1}";
        assert!(no_control(&Some(bad)).is_err());
        assert!(no_control(&None::<&str>).is_ok());
        assert!(no_control(&Box::new(bad.to_string())).is_err());
        assert!(no_control(&Rc::new(bad)).is_err());
        assert!(no_control(&Arc::<str>::from(bad)).is_err());
        assert!(no_control(&Cow::<str>::Owned(bad.into())).is_err());
        assert!(no_control(bad).is_err());
    }
}
