//! `charset`: an allow-list of characters, checked by hand (an ASCII table
//! built at compile time, then per-class tests for the rest) rather than by
//! a regex.

use std::fmt;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// A named class of characters for [`Charset`]. The attribute name is the
/// snake_case of the variant (`ascii_alphanumeric` is
/// [`AsciiAlphanumeric`](CharClass::AsciiAlphanumeric)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CharClass {
    /// Every ASCII character, U+0000–007F, control characters included
    /// (add `no_control` to exclude them): [`char::is_ascii`].
    Ascii,
    /// `A`–`Z`, `a`–`z`, `0`–`9`: [`char::is_ascii_alphanumeric`].
    AsciiAlphanumeric,
    /// `A`–`Z`, `a`–`z`: [`char::is_ascii_alphabetic`].
    AsciiAlphabetic,
    /// `a`–`z`: [`char::is_ascii_lowercase`].
    AsciiLowercase,
    /// `A`–`Z`: [`char::is_ascii_uppercase`].
    AsciiUppercase,
    /// `0`–`9`, `a`–`f`, `A`–`F`: [`char::is_ascii_hexdigit`].
    AsciiHexdigit,
    /// Unicode letters and numbers: [`char::is_alphanumeric`] (the
    /// Alphabetic property, or General_Category Nd, Nl or No), so `é`, `ß`,
    /// `東`, `٣` and `½` are in.
    Alphanumeric,
    /// Unicode letters: [`char::is_alphabetic`] (the Alphabetic property).
    Alphabetic,
    /// The ASCII digits `0`–`9` only ([`char::is_ascii_digit`]); other
    /// scripts' digits are not in.
    Digits,
    /// What Python's `str.isprintable()` accepts: every character except
    /// those of General_Category Other (Cc control, Cf format, Cs
    /// surrogate, Co private use, Cn unassigned) or Separator (Zs, Zl, Zp),
    /// the ASCII space excepted. So tab and newline are not printable, nor
    /// are U+00A0, U+2028 and zero-width characters. Unicode 18.0 data (the
    /// `unicode-properties` crate).
    Printable,
}

impl CharClass {
    /// The ASCII members of the class, bit `b` standing for byte `b`.
    const fn ascii_mask(self) -> u128 {
        const fn span(lo: u8, hi: u8) -> u128 {
            // Bits lo..=hi; hi < 127 for every caller, so no shift overflows.
            ((1u128 << (hi + 1)) - 1) & !((1u128 << lo) - 1)
        }
        let digits = span(b'0', b'9');
        let upper = span(b'A', b'Z');
        let lower = span(b'a', b'z');
        match self {
            CharClass::Ascii => u128::MAX,
            CharClass::AsciiAlphanumeric | CharClass::Alphanumeric => digits | upper | lower,
            CharClass::AsciiAlphabetic | CharClass::Alphabetic => upper | lower,
            CharClass::AsciiLowercase => lower,
            CharClass::AsciiUppercase => upper,
            CharClass::AsciiHexdigit => digits | span(b'A', b'F') | span(b'a', b'f'),
            CharClass::Digits => digits,
            CharClass::Printable => span(b' ', b'~'),
        }
    }

    /// Whether the class has members outside ASCII.
    const fn has_non_ascii(self) -> bool {
        matches!(
            self,
            CharClass::Alphanumeric | CharClass::Alphabetic | CharClass::Printable
        )
    }

    /// Membership of a non-ASCII character.
    fn contains_non_ascii(self, c: char) -> bool {
        match self {
            CharClass::Alphanumeric => c.is_alphanumeric(),
            CharClass::Alphabetic => c.is_alphabetic(),
            CharClass::Printable => !matches!(
                c.general_category(),
                GeneralCategory::Control
                    | GeneralCategory::Format
                    | GeneralCategory::Surrogate
                    | GeneralCategory::PrivateUse
                    | GeneralCategory::Unassigned
                    | GeneralCategory::SpaceSeparator
                    | GeneralCategory::LineSeparator
                    | GeneralCategory::ParagraphSeparator
            ),
            _ => false,
        }
    }

    /// Whether `c` belongs to the class.
    ///
    /// ```
    /// use validate_core::rules::CharClass;
    /// assert!(CharClass::Alphanumeric.contains('ß'));
    /// assert!(!CharClass::AsciiAlphanumeric.contains('ß'));
    /// assert!(!CharClass::Printable.contains('\n'));
    /// ```
    pub fn contains(self, c: char) -> bool {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => self.ascii_mask() & (1 << b) != 0,
            _ => self.contains_non_ascii(c),
        }
    }

    /// How the class reads in a message (`ASCII letters and digits`).
    pub const fn description(self) -> &'static str {
        match self {
            CharClass::Ascii => "ASCII characters",
            CharClass::AsciiAlphanumeric => "ASCII letters and digits",
            CharClass::AsciiAlphabetic => "ASCII letters",
            CharClass::AsciiLowercase => "lowercase ASCII letters",
            CharClass::AsciiUppercase => "uppercase ASCII letters",
            CharClass::AsciiHexdigit => "hexadecimal digits",
            CharClass::Alphanumeric => "letters and digits",
            CharClass::Alphabetic => "letters",
            CharClass::Digits => "digits",
            CharClass::Printable => "printable characters",
        }
    }
}

/// An allow-list of characters: some [`CharClass`]es, extra characters and
/// inclusive ranges. Build it in a `static` (`new` is a `const fn`), as
/// the derive does for `charset(ascii_alphanumeric, "_", 'a'..='f')`:
///
/// ```
/// use validate_core::rules::{self, CharClass, Charset};
/// static USERNAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_-", &[]);
/// assert!(rules::charset("bob_the-builder", &USERNAME).is_ok());
/// assert!(USERNAME.allows('_'));
/// assert_eq!(USERNAME.to_string(), "ASCII letters and digits, '_', or '-'");
/// ```
///
/// The ASCII part of the set is folded into a byte table when the `static`
/// is built, so checking an ASCII string is one branch-free table load per
/// byte (about twice as fast as the equivalent `regex`); other characters
/// are tested against each class, extra character and range in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charset {
    /// `ascii[b]`: byte `b` is an allowed ASCII character. Always false for
    /// bytes >= 0x80, which are parts of non-ASCII characters.
    ascii: [bool; 256],
    non_ascii: bool,
    classes: &'static [CharClass],
    extra: &'static str,
    ranges: &'static [(char, char)],
}

impl Charset {
    /// The set of characters in any of `classes`, in `extra`, or in one of
    /// the inclusive `ranges` (`('a', 'f')` is `'a'..='f'`; a range whose
    /// start is after its end is empty).
    pub const fn new(
        classes: &'static [CharClass],
        extra: &'static str,
        ranges: &'static [(char, char)],
    ) -> Self {
        let mut mask = 0u128;
        let mut non_ascii = false;
        let mut i = 0;
        while i < classes.len() {
            mask |= classes[i].ascii_mask();
            non_ascii |= classes[i].has_non_ascii();
            i += 1;
        }
        // In UTF-8 a byte below 0x80 is always a whole ASCII character, so
        // the bytes of `extra` can be scanned without decoding it.
        let bytes = extra.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                mask |= 1 << bytes[i];
            } else {
                non_ascii = true;
            }
            i += 1;
        }
        let mut i = 0;
        while i < ranges.len() {
            let (lo, hi) = (ranges[i].0 as u32, ranges[i].1 as u32);
            let mut c = lo;
            while c <= hi && c < 0x80 {
                mask |= 1 << c;
                c += 1;
            }
            if hi >= 0x80 && lo <= hi {
                non_ascii = true;
            }
            i += 1;
        }
        let mut ascii = [false; 256];
        let mut b = 0;
        while b < 128 {
            ascii[b] = mask & (1 << b) != 0;
            b += 1;
        }
        Charset {
            ascii,
            non_ascii,
            classes,
            extra,
            ranges,
        }
    }

    /// The classes, extra characters and ranges the set was built from (the
    /// JSON Schema `pattern` is written from them).
    #[cfg(feature = "schema")]
    pub(crate) fn parts(&self) -> (&'static [CharClass], &'static str, &'static [(char, char)]) {
        (self.classes, self.extra, self.ranges)
    }

    /// Whether `c` is in the set.
    pub fn allows(&self, c: char) -> bool {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => self.ascii[usize::from(b)],
            _ => self.allows_non_ascii(c),
        }
    }

    fn allows_non_ascii(&self, c: char) -> bool {
        self.non_ascii
            && (self.classes.iter().any(|k| k.contains_non_ascii(c))
                || self.extra.contains(c)
                || self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi))
    }

    /// Whether every character of `s` is in the set (`true` for `""`).
    pub fn allows_str(&self, s: &str) -> bool {
        // A branch-free pass the compiler vectorizes: true iff every byte
        // is an allowed ASCII character. Only when it fails and the set has
        // members beyond ASCII is the string decoded.
        let ascii_ok = s
            .bytes()
            .fold(true, |ok, b| ok & self.ascii[usize::from(b)]);
        ascii_ok || (self.non_ascii && self.allows_mixed(s))
    }

    /// The slow path: ASCII bytes by the table, only the other characters
    /// decoded and tested against the classes, extras and ranges.
    fn allows_mixed(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !self.ascii[usize::from(b)] {
                    return false;
                }
                i += 1;
            } else {
                // `i` is a char boundary: it only ever steps over whole
                // characters. `get` keeps this free of any panic path.
                match s.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) if self.allows_non_ascii(c) => i += c.len_utf8(),
                    _ => return false,
                }
            }
        }
        true
    }
}

/// What the set allows, as the error's `allowed` reads: the class
/// descriptions, then each extra character and range quoted, joined like
/// `ASCII letters and digits, '_', or 'a'-'f'`. Characters are escaped as
/// Rust's `escape_debug` does (`'\t'`, `'\''`, `'\u{200b}'`).
impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.classes.len() + self.extra.chars().count() + self.ranges.len();
        if total == 0 {
            return f.write_str("no characters");
        }
        let mut written = 0;
        let mut sep = |f: &mut fmt::Formatter<'_>| {
            written += 1;
            match (written, total) {
                (1, _) => Ok(()),
                (n, t) if n == t => f.write_str(", or "),
                _ => f.write_str(", "),
            }
        };
        for class in self.classes {
            sep(f)?;
            f.write_str(class.description())?;
        }
        for c in self.extra.chars() {
            sep(f)?;
            write!(f, "'{}'", c.escape_debug())?;
        }
        for &(lo, hi) in self.ranges {
            sep(f)?;
            write!(f, "'{}'-'{}'", lo.escape_debug(), hi.escape_debug())?;
        }
        Ok(())
    }
}

/// Checks that every character of the string is in `set`. The empty string
/// passes.
///
/// Error: `string_charset`, ctx `allowed` = what the set allows (see
/// [`Charset`]'s `Display`), never the offending character.
///
/// ```
/// use validate_core::rules::{self, CharClass, Charset};
/// static SLUG: Charset = Charset::new(&[CharClass::AsciiLowercase, CharClass::Digits], "-", &[]);
/// assert!(rules::charset("hello-world-2", &SLUG).is_ok());
/// let e = rules::charset("Hello", &SLUG).unwrap_err();
/// assert_eq!(e.kind(), "string_charset");
/// assert_eq!(e.msg(), "String should contain only lowercase ASCII letters, digits, or '-'");
/// assert!(rules::charset(&None::<String>, &SLUG).is_ok());
/// ```
pub fn charset<S: StrInput + ?Sized>(value: &S, set: &Charset) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s, set),
        None => Ok(()),
    }
}

/// The rule over a plain `&str`, not generic.
fn check(s: &str, set: &Charset) -> Result<(), ValidationError> {
    if set.allows_str(s) {
        Ok(())
    } else {
        Err(catalogue::string_charset(set.to_string()))
    }
}

#[cfg(test)]
impl CharClass {
    /// Every class, for the tests that go through them all.
    pub(crate) const ALL: [CharClass; 10] = [
        CharClass::Ascii,
        CharClass::AsciiAlphanumeric,
        CharClass::AsciiAlphabetic,
        CharClass::AsciiLowercase,
        CharClass::AsciiUppercase,
        CharClass::AsciiHexdigit,
        CharClass::Alphanumeric,
        CharClass::Alphabetic,
        CharClass::Digits,
        CharClass::Printable,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;

    static ALL_CLASSES: [CharClass; 10] = CharClass::ALL;

    /// Each class as its documentation defines it, written independently of
    /// the mask.
    fn reference(class: CharClass, c: char) -> bool {
        match class {
            CharClass::Ascii => c.is_ascii(),
            CharClass::AsciiAlphanumeric => c.is_ascii_alphanumeric(),
            CharClass::AsciiAlphabetic => c.is_ascii_alphabetic(),
            CharClass::AsciiLowercase => c.is_ascii_lowercase(),
            CharClass::AsciiUppercase => c.is_ascii_uppercase(),
            CharClass::AsciiHexdigit => c.is_ascii_hexdigit(),
            CharClass::Alphanumeric => c.is_alphanumeric(),
            CharClass::Alphabetic => c.is_alphabetic(),
            CharClass::Digits => c.is_ascii_digit(),
            CharClass::Printable => {
                use GeneralCategory::*;
                c == ' '
                    || !matches!(
                        c.general_category(),
                        Control
                            | Format
                            | Surrogate
                            | PrivateUse
                            | Unassigned
                            | SpaceSeparator
                            | LineSeparator
                            | ParagraphSeparator
                    )
            }
        }
    }

    #[test]
    fn classes_match_their_definition_on_every_code_point() {
        let sets: Vec<Charset> = ALL_CLASSES
            .iter()
            .map(|class| Charset::new(std::slice::from_ref(class), "", &[]))
            .collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s: &str = c.encode_utf8(&mut buf);
            for (class, set) in ALL_CLASSES.iter().zip(&sets) {
                let want = reference(*class, c);
                assert_eq!(class.contains(c), want, "{class:?} U+{:04X}", u32::from(c));
                assert_eq!(set.allows(c), want, "{class:?} U+{:04X}", u32::from(c));
                assert_eq!(set.allows_str(s), want, "{class:?} U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn extras_and_ranges() {
        static SET: Charset = Charset::new(&[CharClass::Digits], "_é", &[('a', 'f'), ('α', 'ω')]);
        for ok in ["", "0123", "cafe_", "é", "αβγ", "f00d", "_"] {
            assert!(SET.allows_str(ok), "{ok}");
        }
        for bad in ["g", "A", "é\u{301}", "Ω", " ", "ab-", "\u{0}"] {
            assert!(!SET.allows_str(bad), "{bad}");
        }
        // A reversed range is empty.
        static REVERSED: Charset = Charset::new(&[], "", &[('z', 'a'), ('ω', 'α')]);
        assert!(!REVERSED.allows('m'));
        assert!(!REVERSED.allows('β'));
        assert!(REVERSED.allows_str(""));
        // A range straddling ASCII and beyond.
        static WIDE: Charset = Charset::new(&[], "", &[('~', 'ÿ')]);
        assert!(WIDE.allows_str("~\u{7F}\u{80}ÿ"));
        assert!(!WIDE.allows_str("}"));
        assert!(!WIDE.allows_str("Ā"));
    }

    #[test]
    fn ascii_only_sets_reject_non_ascii_fast() {
        static SET: Charset = Charset::new(&[CharClass::Ascii], "", &[]);
        assert!(SET.allows_str("\u{0}\u{7F} any ASCII"));
        assert!(!SET.allows_str("abcé"));
        assert!(!SET.non_ascii);
    }

    #[test]
    fn descriptions() {
        static EMPTY: Charset = Charset::new(&[], "", &[]);
        assert_eq!(EMPTY.to_string(), "no characters");
        static ONE: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "", &[]);
        assert_eq!(ONE.to_string(), "ASCII letters and digits");
        static TWO: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
        assert_eq!(TWO.to_string(), "ASCII letters and digits, or '_'");
        static MANY: Charset = Charset::new(
            &[CharClass::Alphabetic, CharClass::Digits],
            "'\t ",
            &[('a', 'f')],
        );
        assert_eq!(
            MANY.to_string(),
            r"letters, digits, '\'', '\t', ' ', or 'a'-'f'"
        );
        static EXTRA_ONLY: Charset = Charset::new(&[], "\u{200B}", &[]);
        assert_eq!(EXTRA_ONLY.to_string(), r"'\u{200b}'");
    }

    #[test]
    fn error_says_what_is_allowed_not_what_was_given() {
        static SET: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
        let e = charset("pass word!", &SET).unwrap_err();
        assert_eq!(e.kind(), "string_charset");
        assert_eq!(
            e.msg(),
            "String should contain only ASCII letters and digits, or '_'"
        );
        assert_eq!(
            e.ctx().get("allowed").map(ToString::to_string).as_deref(),
            Some("ASCII letters and digits, or '_'")
        );
        assert_eq!(e.ctx().len(), 1);
        assert!(!format!("{e:?}").contains('!'));
    }

    proptest::proptest! {
        #[test]
        fn string_check_is_the_per_character_check(s in "\\PC*|[a-z_é\u{0}-\u{a0}]*") {
            static SETS: [Charset; 4] = [
                Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]),
                Charset::new(&[CharClass::Printable], "\n", &[]),
                Charset::new(&[CharClass::Alphabetic], "é_", &[('\u{80}', '\u{9f}')]),
                Charset::new(&[], "", &[]),
            ];
            for set in &SETS {
                proptest::prop_assert_eq!(set.allows_str(&s), s.chars().all(|c| set.allows(c)));
                proptest::prop_assert_eq!(charset(s.as_str(), set).is_ok(), set.allows_str(&s));
            }
        }
    }

    #[test]
    fn wrappers_are_transparent() {
        static SET: Charset = Charset::new(&[CharClass::Digits], "", &[]);
        assert!(charset(&Some("12a".to_string()), &SET).is_err());
        assert!(charset(&Some("12".to_string()), &SET).is_ok());
        assert!(charset(&None::<&str>, &SET).is_ok());
        assert!(charset(&Box::new("x"), &SET).is_err());
        assert!(charset(&Rc::<str>::from("x"), &SET).is_err());
        assert!(charset(&Arc::new(String::from("1")), &SET).is_ok());
        assert!(charset(&Cow::Borrowed("x"), &SET).is_err());
        assert!(charset(&&"x", &SET).is_err());
    }
}
