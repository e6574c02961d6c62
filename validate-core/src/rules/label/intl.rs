//! Which non-ASCII text the email rule accepts: letters and digits with
//! their combining marks, never invisible, control, spacing or
//! compatibility characters (fullwidth or mathematical letters that look
//! like ASCII ones).

use unicode_segmentation::UnicodeSegmentation;

use crate::rules::text::is_invisible;

/// Unicode's `Default_Ignorable_Code_Point` characters that are not format
/// (Cf) characters: they render as nothing, so they hide inside an address
/// (U+3164 HANGUL FILLER is a known spoofing character).
fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{34F}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}' | '\u{180B}'..='\u{180F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// Compatibility blocks whose letters fold to ASCII or to other letters under
/// NFKC / IDNA mapping: fullwidth and halfwidth forms, mathematical
/// alphanumerics, enclosed and letterlike symbols, super- and subscripts,
/// number forms, modifier letters, `ª` and `º`.
fn is_compatibility_letter(c: char) -> bool {
    matches!(c,
        '\u{AA}' | '\u{BA}' | '\u{2B0}'..='\u{2FF}' | '\u{1D2C}'..='\u{1D6A}'
        | '\u{2070}'..='\u{209F}' | '\u{2100}'..='\u{218F}' | '\u{2460}'..='\u{24FF}'
        | '\u{3200}'..='\u{33FF}' | '\u{FF00}'..='\u{FFEF}' | '\u{1D400}'..='\u{1D7FF}'
        | '\u{1F100}'..='\u{1F1FF}')
}

/// Emoji skin-tone modifiers: they extend a grapheme but are pictures.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// A character that may open a non-ASCII grapheme: a letter (`Alphabetic`),
/// or in the local part also a digit of any script (`Numeric`).
fn is_base(c: char, allow_numeric: bool) -> bool {
    let letter = c.is_alphabetic() || (allow_numeric && c.is_numeric());
    letter && !is_compatibility_letter(c) && !is_default_ignorable(c)
}

/// A character that may follow the base inside a grapheme: a combining mark
/// or a conjunct joiner, never something invisible, a control or a space.
fn is_extender_ok(c: char) -> bool {
    !c.is_ascii()
        && !c.is_control()
        && !c.is_whitespace()
        && !is_invisible(c)
        && !is_default_ignorable(c)
        && !is_emoji_modifier(c)
}

/// Whether `c` would join the grapheme before it (a combining mark, a
/// joiner): such a character cannot open a part, or it would attach to the
/// character in front of the address when the address is displayed.
fn is_extender(c: char) -> bool {
    let mut buf = [0u8; 5];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => s.graphemes(true).nth(1).is_none(),
        Err(_) => true,
    }
}

/// Checks a local part or a domain label that has non-ASCII characters:
/// every single ASCII character must satisfy `ascii_ok`, every other
/// grapheme must open with a letter (or, with `allow_numeric`, a digit) and
/// continue with combining marks only, and the text must not open with a
/// combining mark.
pub(crate) fn intl_text_ok(text: &str, allow_numeric: bool, ascii_ok: fn(u8) -> bool) -> bool {
    if text.chars().next().is_some_and(is_extender) {
        return false;
    }
    text.graphemes(true).all(|g| {
        let mut chars = g.chars();
        match (chars.next(), chars.as_str().is_empty()) {
            (Some(c), true) if c.is_ascii() => ascii_ok(c as u8),
            (Some(c), _) => {
                (c.is_ascii_alphanumeric() || is_base(c, allow_numeric))
                    && chars.all(is_extender_ok)
            }
            (None, _) => false,
        }
    })
}

/// Whether the decoded characters of an `xn--` label are acceptable: the
/// same rule as for a label written in Unicode.
pub(crate) fn decoded_label_ok(chars: &[char]) -> bool {
    // At most 59 characters of at most 4 bytes each.
    let mut buf = [0u8; 4 * super::punycode::MAX_DECODED];
    let mut len = 0;
    for &c in chars {
        let Some(slot) = buf.get_mut(len..len + c.len_utf8()) else {
            return false;
        };
        len += c.encode_utf8(slot).len();
    }
    match std::str::from_utf8(&buf[..len]) {
        Ok(label) => intl_text_ok(label, false, |b| b.is_ascii_alphanumeric() || b == b'-'),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> bool {
        intl_text_ok(s, true, |b| b.is_ascii_alphanumeric())
    }

    #[test]
    fn letters_and_marks() {
        assert!(local("ñoñó"));
        assert!(local("परीक्ष")); // virama (a mark that is not Alphabetic) inside a cluster
        assert!(local("葉士豪"));
        assert!(local("٣٤")); // Arabic-Indic digits in a local part
        assert!(local("e\u{301}"));
    }

    /// The buffer holds the longest label Punycode can decode to, in any
    /// width of UTF-8.
    #[test]
    fn decoded_labels_of_every_width() {
        let max = super::super::punycode::MAX_DECODED;
        for c in ['é', 'ñ', '葉', '\u{10400}'] {
            assert!(decoded_label_ok(&vec![c; max]), "{c:?} x {max}");
        }
        assert!(!decoded_label_ok(&['\u{301}', 'e']));
        // ASCII inside a decoded label: letters, digits and the hyphen.
        assert!(decoded_label_ok(&['a', '-', '9', 'é']));
        assert!(!decoded_label_ok(&['a', '_', 'é']));
    }

    #[test]
    fn rejected_characters() {
        assert!(!local("\u{301}e"), "opens with a combining mark");
        assert!(!local("\u{93E}k"), "opens with a spacing mark");
        assert!(!local("a\u{200B}b"), "zero-width space");
        assert!(!local("a\u{202E}b"), "bidi override");
        assert!(!local("\u{3164}"), "hangul filler");
        assert!(!local("ｐａｙｐａｌ"), "fullwidth letters");
        assert!(!local("\u{1D41A}"), "mathematical bold a");
        assert!(!local("⒈"), "enclosed digit");
        assert!(!local("😆"), "emoji");
        assert!(!local("a\u{1F3FD}"), "skin tone modifier");
        assert!(!local("＠"), "fullwidth at");
        assert!(!local("a\u{A0}b"), "no-break space");
        assert!(!local("a\u{85}"), "C1 control");
        assert!(!local("e\u{301}\u{FE0F}"), "variation selector");
    }
}
