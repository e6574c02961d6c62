//! The `pattern`s written for rules that have no keyword of their own:
//! `charset`, `prefix` / `suffix` / `contains`, the schemes of `url`, the
//! canonical form of `uuid`.
//!
//! A JSON Schema `pattern` is an ECMA-262 regex (matched with the `u` flag
//! by most validators) and matches anywhere in the string; the patterns
//! here use only syntax that ECMA-262 in `u` mode and the `regex` crate
//! read the same way, so the schema and the server agree on them.

use std::fmt::Write as _;

use crate::rules::{CharClass, Charset};

/// `text` as a regex that matches exactly it: the ECMA-262 syntax
/// characters escaped (`u` mode rejects escapes of anything else), control
/// characters as `\xHH`.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '^' | '$' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_control() => push_hex(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A character inside `[...]`: `\`, `]`, `[`, `^` and `-` escaped, controls
/// and non-ASCII characters that are not letters or digits as code points
/// (an invisible or combining character written raw would be unreadable).
fn push_class_char(out: &mut String, c: char) {
    match c {
        '\\' | ']' | '[' | '^' | '-' => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_ascii_control() => push_hex(out, c),
        c if !c.is_ascii() && !c.is_alphanumeric() => {
            // `\u{..}` is read by ECMA-262 (`u` mode) and by the regex crate.
            let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

fn push_hex(out: &mut String, c: char) {
    let _ = write!(out, "\\x{:02X}", u32::from(c));
}

/// The inside of a `[...]` class for one named class.
fn class_body(class: CharClass) -> &'static str {
    match class {
        CharClass::Ascii => "\\x00-\\x7F",
        CharClass::AsciiAlphanumeric => "0-9A-Za-z",
        CharClass::AsciiAlphabetic => "A-Za-z",
        CharClass::AsciiLowercase => "a-z",
        CharClass::AsciiUppercase => "A-Z",
        CharClass::AsciiHexdigit => "0-9A-Fa-f",
        // `char::is_alphanumeric` is Alphabetic or a number (Nd, Nl, No).
        CharClass::Alphanumeric => "\\p{Alphabetic}\\p{N}",
        CharClass::Alphabetic => "\\p{Alphabetic}",
        CharClass::Digits => "0-9",
        // Its non-ASCII part is a negated class, added as an alternative.
        CharClass::Printable => "\\x20-\\x7E",
    }
}

/// `^...*$` over the characters `charset` allows: the same verdict as
/// [`Charset::allows_str`] for every string, up to the Unicode version the
/// schema's validator knows for `alphanumeric`, `alphabetic` and
/// `printable`.
pub(crate) fn charset(charset: &Charset) -> String {
    let (classes, extra, ranges) = charset.parts();
    let mut body = String::new();
    for &class in classes {
        body.push_str(class_body(class));
    }
    for c in extra.chars() {
        push_class_char(&mut body, c);
    }
    for &(lo, hi) in ranges {
        if lo <= hi {
            push_class_char(&mut body, lo);
            body.push('-');
            push_class_char(&mut body, hi);
        }
    }
    // `printable` outside ASCII: everything but controls, format
    // characters, surrogates, private use, unassigned (\p{C}) and
    // separators (\p{Z}), as `CharClass::Printable` says.
    let printable = classes.contains(&CharClass::Printable);
    match (body.is_empty(), printable) {
        // An empty class `[]` is an error for the regex crate.
        (true, _) => "^$".to_owned(),
        (false, false) => format!("^[{body}]*$"),
        (false, true) => format!("^(?:[{body}]|[^\\x00-\\x7F\\p{{C}}\\p{{Z}}])*$"),
    }
}

/// The schemes whose URLs the `url` rule checks by hand and requires a
/// host for (`scheme://host`): the WHATWG special schemes but `file`.
pub(crate) const HOST_SCHEMES: &[&str] = &["http", "https", "ws", "wss", "ftp"];

/// `^(?:scheme|...):` with each scheme matched ASCII-case-insensitively,
/// as URL schemes compare, and for the [`HOST_SCHEMES`] `://` and the
/// first character of a host (the rule refuses `http:x`, an empty host and
/// user info): what the `url` rule's first checks accept, and no more than
/// the start of the value.
pub(crate) fn url_schemes(schemes: &[&str]) -> String {
    let mut out = String::from("^(?:");
    for (i, scheme) in schemes.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in scheme.chars() {
            if c.is_ascii_alphabetic() {
                let _ = write!(
                    out,
                    "[{}{}]",
                    c.to_ascii_lowercase(),
                    c.to_ascii_uppercase()
                );
            } else {
                out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
            }
        }
        out.push(':');
        if HOST_SCHEMES.iter().any(|h| h.eq_ignore_ascii_case(scheme)) {
            out.push_str(r"//[^/?#@:\\\x00-\x20]");
        }
    }
    out.push(')');
    out
}

/// The `uuid` rule exactly: hyphenated, either case, versions 1 to 8 with
/// the RFC variant, or the nil or max UUID.
pub(crate) const UUID: &str = "^(?:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[1-8][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|[Ff]{8}-[Ff]{4}-[Ff]{4}-[Ff]{4}-[Ff]{12})$";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;
    use regex::Regex;

    fn re(p: &str) -> Regex {
        Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    #[test]
    fn escaped_text_matches_itself_only() {
        let text = "a.b*c+(d)[e]{f}|g^h$i\\j?k-l/m\u{1}n é";
        let p = re(&format!("^{}$", escape(text)));
        assert!(p.is_match(text));
        assert!(!p.is_match("aXb*c+(d)[e]{f}|g^h$i\\j?k-l/m\u{1}n é"));
        assert_eq!(escape("1.5"), "1\\.5");
        assert_eq!(escape("a-b/c"), "a-b/c");
    }

    /// The pattern and the charset agree on every character of a sample
    /// that covers each class's edges, except those the `regex` crate's
    /// Unicode tables and std's (or `unicode-properties`') assign in
    /// different Unicode versions: the "same Unicode version" of the docs.
    fn agree(set: &Charset) {
        use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
        let pattern = re(&charset(set));
        let unassigned = re(r"^\p{Cn}$");
        let sample = (0u32..0x3000)
            .chain([
                0xFEFF, 0x200B, 0x202E, 0xE000, 0x1F600, 0x10FFFF, 0x1D7CE, 0xFF10,
            ])
            .filter_map(char::from_u32)
            .filter(|&c| {
                !unassigned.is_match(c.encode_utf8(&mut [0; 4]))
                    && c.general_category() != GeneralCategory::Unassigned
            });
        for c in sample {
            let s = c.to_string();
            assert_eq!(
                pattern.is_match(&s),
                set.allows(c),
                "{c:?} with {}",
                charset(set)
            );
        }
        assert!(pattern.is_match(""));
    }

    #[test]
    fn every_class_agrees_with_the_rule() {
        for class in CharClass::ALL {
            let classes: &'static [CharClass] = Box::leak(Box::new([class]));
            agree(&Charset::new(classes, "", &[]));
        }
    }

    #[test]
    fn extras_and_ranges_are_escaped() {
        static SET: Charset = Charset::new(
            &[CharClass::Digits],
            "_-]^\\[\u{200B}é\t",
            &[('a', 'f'), ('\u{3b1}', '\u{3c9}'), ('z', 'a')],
        );
        agree(&SET);
        static PRINTABLE_PLUS: Charset = Charset::new(
            &[CharClass::Printable, CharClass::AsciiLowercase],
            "\n",
            &[],
        );
        agree(&PRINTABLE_PLUS);
        assert_eq!(charset(&Charset::new(&[], "", &[])), "^$");
    }

    #[test]
    fn whole_strings_agree() {
        static SET: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
        let p = re(&charset(&SET));
        for s in ["abc_1", "", "a b", "é", "a\n"] {
            assert_eq!(p.is_match(s), SET.allows_str(s), "{s:?}");
        }
    }

    #[test]
    fn url_schemes_match_the_scheme_only() {
        let p = re(&url_schemes(&["http", "https"]));
        for (s, ok) in [
            ("https://a.com", true),
            ("HTTP://a.com", true),
            ("http://[::1]/", true),
            ("http://例子.测试", true),
            ("ftp://a.com", false),
            ("xhttp://a.com", false),
            ("httpx://a.com", false),
            ("HTTP:", false),
            ("http:a.com", false),
            ("http://", false),
            ("http:///a", false),
            ("http://@a.com", false),
            ("http://:80", false),
            ("http:// a.com", false),
        ] {
            assert_eq!(p.is_match(s), ok, "{s}");
        }
        let any = re(&url_schemes(&["git+ssh", "mailto"]));
        assert!(any.is_match("git+ssh://h") && any.is_match("mailto:a@b.c"));
    }

    #[test]
    fn uuid_pattern_is_the_rule() {
        let p = re(UUID);
        for s in [
            "550e8400-e29b-41d4-a716-446655440000",
            "550E8400-E29B-41D4-A716-446655440000",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "550e8400e29b41d4a716446655440000",
            "550e8400-e29b-91d4-a716-446655440000",
            "550e8400-e29b-41d4-c716-446655440000",
            "{550e8400-e29b-41d4-a716-446655440000}",
            " 550e8400-e29b-41d4-a716-446655440000",
        ] {
            assert_eq!(p.is_match(s), rules::uuid(s).is_ok(), "{s}");
        }
    }
}
