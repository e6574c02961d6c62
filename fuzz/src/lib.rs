//! What the fuzz targets check, in one place: the list of every string rule
//! and sanitizer, the "no input echo" oracle, and the conversion of raw
//! fuzzer bytes into strings.
#![forbid(unsafe_code)]

/// Every built-in sanitizer by name: the property tests' list, shared from
/// the `tests` package so that a new sanitizer is fuzzed as soon as it is
/// listed there.
#[path = "../../tests/src/sanitizers.rs"]
pub mod sanitizers;

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use validate_core::rules::{self, CharClass, Charset, FilenamePolicy, HostnamePolicy, LengthUnit};
use validate_core::{LocChain, ValidationError, ValidationErrors};

/// The fuzzer's bytes as text: as they are when they are UTF-8, else with
/// each invalid sequence replaced by U+FFFD (so no input is wasted).
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

static USERNAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
static HEX: Charset = Charset::new(&[CharClass::Digits], "-", &[('a', 'f'), ('A', 'F')]);
static WIDE: Charset = Charset::new(
    &[
        CharClass::Alphanumeric,
        CharClass::Alphabetic,
        CharClass::Printable,
    ],
    "\u{200b}\u{301}",
    &[('\u{4e00}', '\u{9fff}'), ('z', 'a')],
);
static ASCII_CLASSES: Charset = Charset::new(
    &[
        CharClass::Ascii,
        CharClass::AsciiAlphabetic,
        CharClass::AsciiLowercase,
        CharClass::AsciiUppercase,
        CharClass::AsciiHexdigit,
        CharClass::Digits,
    ],
    "",
    &[],
);
static DOCS: FilenamePolicy = FilenamePolicy::new()
    .extensions(&["pdf", "tar.gz", "png"])
    .allow_leading_dot(true)
    .max_bytes(64);
static FQDN: HostnamePolicy = HostnamePolicy::new().trailing_dot(true);
static ZIP: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[0-9]{5}$").expect("valid pattern"));
static WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{L}+(?: \p{L}+)*$").expect("valid pattern"));

/// A rule applied to a string, with its name for failure messages.
pub type StrRule = (&'static str, fn(&str) -> Result<(), ValidationError>);

/// Every rule function that takes a string, with fixed parameters chosen
/// to reach each code path (each unit, each char class, hand-checked and
/// `url`-crate-checked schemes, a filename policy with extensions).
pub const STR_RULES: &[StrRule] = &[
    ("length", |s| rules::length(s, 3..=32)),
    ("length(bytes)", |s| {
        rules::length_in(s, 1..=5, LengthUnit::Bytes)
    }),
    ("length(utf16)", |s| {
        rules::length_in(s, 2..=4, LengthUnit::Utf16)
    }),
    ("length(graphemes)", |s| {
        rules::length_in(s, 2..4, LengthUnit::Graphemes)
    }),
    ("length(chars, equal)", |s| {
        rules::length_in(s, 8..=8, LengthUnit::Chars)
    }),
    ("pattern", |s| rules::pattern(s, &ZIP)),
    ("pattern(unicode)", |s| rules::pattern(s, &WORDS)),
    ("charset(username)", |s| rules::charset(s, &USERNAME)),
    ("charset(hex)", |s| rules::charset(s, &HEX)),
    ("charset(wide)", |s| rules::charset(s, &WIDE)),
    ("charset(ascii classes)", |s| {
        rules::charset(s, &ASCII_CLASSES)
    }),
    ("email", |s| rules::email(s)),
    ("url", |s| rules::url(s)),
    ("url(ftp, ws, wss)", |s| {
        rules::url_with_schemes(s, &["ftp", "WS", "wss"])
    }),
    ("url(mailto, file, data, x-app)", |s| {
        rules::url_with_schemes(s, &["mailto", "file", "data", "x-app"])
    }),
    ("ip", |s| rules::ip(s)),
    ("ipv4", |s| rules::ipv4(s)),
    ("ipv6", |s| rules::ipv6(s)),
    ("uuid", |s| rules::uuid(s)),
    ("credit_card", |s| rules::credit_card(s)),
    ("contains", |s| rules::contains(s, "@")),
    ("not_contains", |s| rules::not_contains(s, "admin")),
    ("prefix", |s| rules::prefix(s, "x-")),
    ("suffix", |s| rules::suffix(s, ".png")),
    ("one_of", |s| rules::one_of(s, &["red", "green", "blue"])),
    ("no_invisible", |s| rules::no_invisible(s)),
    ("no_control", |s| rules::no_control(s)),
    ("single_script", |s| rules::single_script(s)),
    ("safe_filename", |s| rules::safe_filename(s)),
    ("safe_filename(policy)", |s| {
        rules::safe_filename_with(s, &DOCS)
    }),
    ("hostname", |s| rules::hostname(s)),
    ("hostname(trailing dot)", |s| rules::hostname_with(s, &FQDN)),
    ("domain", |s| rules::domain(s)),
    ("domain(trailing dot)", |s| rules::domain_with(s, &FQDN)),
    ("iban", |s| rules::iban(s)),
    ("phone", |s| rules::phone(s)),
    ("phone_strict", |s| rules::phone_strict(s)),
    ("date", |s| rules::date(s)),
    ("date_range", |s| {
        let y2k = validate_core::jiff::civil::date(2000, 1, 1);
        rules::date_range(s, y2k..validate_core::jiff::civil::date(2030, 1, 1))
    }),
    ("datetime", |s| rules::datetime(s)),
    ("time", |s| rules::time(s)),
];

/// The three texts an error list is seen as: `Display`, `Debug`, JSON.
pub fn texts(errors: &ValidationErrors) -> [String; 3] {
    [
        errors.to_string(),
        format!("{errors:?}"),
        serde_json::to_string(errors).expect("errors serialize"),
    ]
}

/// What each error says beside its `loc` (which shows field names and map
/// keys by design): its `type`, message, and ctx as `Debug` and JSON.
pub fn texts_beside_loc(errors: &ValidationErrors) -> Vec<String> {
    let mut out = Vec::new();
    for e in errors.iter() {
        out.push(e.kind().to_owned());
        out.push(e.msg().to_string());
        out.push(format!("{:?}", e.ctx()));
        out.push(serde_json::to_string(e.ctx()).expect("ctx serializes"));
    }
    out
}

/// The errors of `results`, each at `loc = ["f"]`.
pub fn collect(results: impl IntoIterator<Item = Result<(), ValidationError>>) -> ValidationErrors {
    let mut errors = ValidationErrors::new();
    for err in results.into_iter().filter_map(Result::err) {
        errors.push_at(&LocChain::ROOT.field("f"), err);
    }
    errors
}

/// How many characters an echoed piece of input must have to count.
pub const ECHO_CHARS: usize = 8;

/// The pieces of `ECHO_CHARS` characters of `s`, each as a slice of `s`.
fn windows(s: &str) -> impl Iterator<Item = &str> {
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    (0..bounds.len().saturating_sub(ECHO_CHARS)).map(move |i| &s[bounds[i]..bounds[i + ECHO_CHARS]])
}

/// Inputs that drive the rules into every error message and ctx they
/// have. The library's own wording (messages, fixed parameters, the `url`
/// crate's texts) may contain anything a fuzzer writes; only text that
/// comes from the input is an echo. Windows of these texts are exempt.
const CANNED: &[&str] = &[
    "",
    "x",
    "ab",
    "@",
    "a@",
    "@a",
    "a@b",
    "a@b@c.d",
    "Name <a@b.co>",
    "\"q\"@b.co",
    ".a@b.co",
    "a.@b.co",
    "a..b@b.co",
    "a b@b.co",
    "a\u{200b}@b.co",
    "a@[1.2.3.4]",
    "a@.b.co",
    "a@b.co.",
    "a@b..co",
    "a@-b.co",
    "a@b-",
    "a@b.-c.co",
    "a@b_c.co",
    "a@ｂ.co",
    "a@yy--0.co",
    "a@xn--0.co",
    "a@localhost",
    "a@1.2.3.4",
    "a@中11111111111111111111111111111111111111111111111111111111.co",
    "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.co",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b.co",
    "http://",
    "http:",
    "http:x",
    "http://a b",
    "http://a:99999",
    "http://a:x",
    "http://[::1",
    "http://[zz]",
    "http://a@b",
    "http://a\\b",
    "http://a/%zz",
    "http://127.1",
    "http://%41",
    "http://a/\u{0}",
    " http://a",
    "http://a\tb",
    "javascript:x",
    "ftp://a",
    "mailto:",
    "data:,",
    "file:///",
    "file://a b",
    "x-app:\\",
    "://",
    "1.2.3",
    "::g",
    "12",
    "123456789012",
    "12345678901234567890",
    "1234-5678-9012-3456",
    "1234x",
    "0000-",
    "zzzzzzzz-zzzz",
    "00000000-0000-0000-0000-00000000000",
    "00000000-0000-0000-0000-000000000000-",
    "00000000000000000000000000000000",
    "a-b-c-d-e-f",
    "a-b-c-d-e",
    "12345678-1234-0234-8234-123456789012",
    "12345678-1234-1234-0234-123456789012",
    "\u{202e}",
    "\u{0}",
    "\u{7}",
    "Latin Кириллица",
    "con",
    "con.txt",
    "..",
    "a..b",
    "a/b",
    "a\\b",
    "a:b",
    ".a",
    "a.",
    "a ",
    "a.exe.pdf",
    "a.exe",
    "a.PDF",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf",
    "é",
    "-",
    ".",
    "admin",
    "x-",
    "a.png",
    "my_host",
    "a..b.",
    "-a.b",
    "ab--c.d",
    "xn--0.d",
    "1.2.3",
    "localhost",
    "GB29NWBK60161331926818",
    "GB29NWBK6016133192681",
    "1B29NWBK60161331926819",
    "ZZ29NWBK60161331926819",
    "GBX9NWBK60161331926819",
    "GB29NWBK6016133192681-",
    "+1",
    "2024-13-01",
    "2024-02-30",
    "2024/01/31",
    "2024-01-31x",
    "0000-01-01",
    "2024-01-31T24:00:00",
    "2024-01-31T12:60:00",
    "2024-01-31T12:00:60",
    "2024-01-31T12:00:00.",
    "2024-01-31T12:00:00+24:00",
    "2024-01-31T12:00:00+01:60",
    "2024-01-31T12:00:00+1",
    "2024-01-31T12:00:00+01",
    "2024-01-31T12:00:00 ",
    "2024-01-31T1:00:00",
    "2024-01-31T12:0:00",
    "2024-01-31T12:00:0",
    "x024-01-31",
    "2024-x1-31",
    "2024-01-x1",
    "12x00",
    "86401",
    "9223372036854775807",
    "-9223372036854775808",
    "1999-12-31",
    "2030-01-01",
];

/// Windows of every error text the library gives on [`CANNED`] inputs.
static KNOWN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut known = HashSet::new();
    for input in CANNED {
        let long = input.repeat(40);
        for s in [*input, long.as_str()] {
            let errors = collect(STR_RULES.iter().map(|(_, rule)| rule(s)));
            for text in texts(&errors) {
                known.extend(windows(&text).map(str::to_owned));
            }
        }
    }
    known
});

/// Panics when a piece of `input` of [`ECHO_CHARS`] or more characters
/// appears in one of `texts`, unless the library's own wording contains
/// that piece too (see [`CANNED`]).
pub fn assert_no_echo(input: &str, texts: &[String]) {
    assert_no_echo_except(input, texts, &[]);
}

/// [`assert_no_echo`], also exempting pieces of `shown_by_design` (the
/// library's wording for this input's rules and parameters).
pub fn assert_no_echo_except(input: &str, texts: &[String], shown_by_design: &[String]) {
    let pieces: HashSet<&str> = windows(input).collect();
    if pieces.is_empty() {
        return;
    }
    let by_design: HashSet<&str> = shown_by_design.iter().flat_map(|k| windows(k)).collect();
    for text in texts {
        for w in windows(text) {
            if pieces.contains(w) && !KNOWN.contains(w) && !by_design.contains(w) {
                panic!("input echoed: {w:?} of {input:?} appears in {text:?}");
            }
        }
    }
}
