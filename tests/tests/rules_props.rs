//! Every rule on arbitrary strings, and on what every sanitizer makes of
//! them: no panic, and no error's `Display`, `Debug` or JSON contains any
//! piece of 8 characters of the input (or of the sanitized value), as the
//! fuzz targets check.

use std::collections::HashSet;

use proptest::prelude::*;
use tests::sanitizers::{SANITIZERS, run};
use validate_core::rules::{self, CharClass, Charset, LengthUnit};
use validate_core::{LocChain, ValidationError, ValidationErrors};

const Y2K: jiff::civil::Date = jiff::civil::date(2000, 1, 1);
const Y2030: jiff::civil::Date = jiff::civil::date(2030, 1, 1);
static USERNAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
static HEX: Charset = Charset::new(&[CharClass::Digits], "", &[('a', 'f')]);
static ZIP: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new("^[0-9]{5}$").expect("valid pattern"));

/// Every rule that takes a string, with fixed parameters.
fn all_rules(s: &str) -> Vec<Result<(), ValidationError>> {
    vec![
        rules::length(s, 3..=32),
        rules::length_in(s, 1..=5, LengthUnit::Bytes),
        rules::length_in(s, 2..=4, LengthUnit::Utf16),
        rules::length_in(s, 2..=4, LengthUnit::Graphemes),
        rules::pattern(s, &ZIP),
        rules::charset(s, &USERNAME),
        rules::charset(s, &HEX),
        rules::email(s),
        rules::url(s),
        rules::url_with_schemes(s, &["ftp"]),
        rules::ip(s),
        rules::ipv4(s),
        rules::ipv6(s),
        rules::uuid(s),
        rules::credit_card(s),
        rules::contains(s, "@"),
        rules::not_contains(s, "admin"),
        rules::prefix(s, "x-"),
        rules::suffix(s, ".png"),
        rules::one_of(s, &["red", "green", "blue"]),
        rules::no_invisible(s),
        rules::no_control(s),
        rules::single_script(s),
        rules::safe_filename(s),
        rules::hostname(s),
        rules::domain(s),
        rules::iban(s),
        rules::phone(s),
        rules::phone_strict(s),
        rules::date(s),
        rules::date_range(s, Y2K..Y2030),
        rules::datetime(s),
        rules::time(s),
    ]
}

/// Strings a fixed rule parameter or message contains: an input that is a
/// piece of them can appear in an error without being echoed.
const PARAMETERS: &[&str] = &[
    "^[0-9]{5}$",
    "'red', 'green' or 'blue'",
    "admin",
    ".png",
    "'http' or 'https'",
    "'ftp'",
    "greater than or equal to 2000-01-01",
    "less than 2030-01-01",
];

/// How many characters an echoed piece of input must have to count.
const ECHO_CHARS: usize = 8;

/// Every piece of [`ECHO_CHARS`] consecutive characters of `s`.
fn windows(s: &str) -> impl Iterator<Item = &str> {
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    (0..bounds.len().saturating_sub(ECHO_CHARS)).map(move |i| &s[bounds[i]..bounds[i + ECHO_CHARS]])
}

/// Panics when an error of `results` shows a piece of one of `inputs`: any
/// window of [`ECHO_CHARS`] characters, not only the whole input, so a rule
/// that quoted all but two characters fails. Pieces of the fixed
/// parameters are the library's own words, not an echo.
fn check_no_echo(inputs: &[&str], results: Vec<Result<(), ValidationError>>) {
    let pieces: HashSet<&str> = inputs
        .iter()
        .flat_map(|input| windows(input))
        .filter(|w| !PARAMETERS.iter().any(|p| p.contains(w)))
        .collect();
    if pieces.is_empty() {
        return;
    }
    let mut errors = ValidationErrors::new();
    for err in results.into_iter().filter_map(Result::err) {
        errors.push_at(&LocChain::ROOT.field("f"), err);
    }
    let texts = [
        errors.to_string(),
        format!("{errors:?}"),
        serde_json::to_string(&errors).expect("errors serialize"),
    ];
    for text in &texts {
        if let Some(w) = windows(text).find(|w| pieces.contains(w)) {
            panic!("input echoed: {w:?} appears in {text:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode(s in "\\PC*") {
        check_no_echo(&[&s], all_rules(&s));
    }

    #[test]
    fn controls_and_invisibles(s in "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{feff}a-z@.:/\\\\-]{0,64}") {
        check_no_echo(&[&s], all_rules(&s));
    }

    #[test]
    fn almost_formats(date in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt _]?[0-9:.,+\u{2212}Zz-]{0,24}", host in "[a-zäß0-9.-]{1,80}", phone in "\\+[0-9 -]{6,20}", iban in "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{8,32}") {
        for s in [&date, &host, &phone, &iban] {
            check_no_echo(&[s], all_rules(s));
        }
    }

    #[test]
    fn almost_valid(local in "[a-z0-9._%+-]{1,70}", domain in "[a-z0-9.-]{1,70}", scheme in "(https?|ftp|javascript|data|file)") {
        let email = format!("{local}@{domain}");
        check_no_echo(&[&email], all_rules(&email));
        let url = format!("{scheme}://{domain}/{local}");
        check_no_echo(&[&url], all_rules(&url));
    }
}

proptest! {
    // Sanitizers times rules: fewer cases keep the file to seconds.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_rule_after_every_sanitizer(s in "[\\PC\\x00-\\x1f\\u{85}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e} ]{8,48}") {
        for (_, sanitizer, _) in SANITIZERS {
            let out = run(*sanitizer, &s);
            check_no_echo(&[&s, &out], all_rules(&out));
        }
    }
}

/// The check itself: an error that quotes all of the input but its first
/// two characters is caught (the whole-input check let it through).
#[test]
#[should_panic(expected = "input echoed")]
fn a_partial_echo_is_caught() {
    let input = "hunter2-secret-password";
    let quoted = ValidationError::new("custom", format!("bad value {}", &input[2..]));
    check_no_echo(&[input], vec![Err(quoted)]);
}

#[test]
fn one_megabyte_strings() {
    for unit in ["a", "é", "👍🏽", "\u{0}", "\u{202e}", "1", "-", "."] {
        let s = unit.repeat(1 << 20 >> unit.len().min(3));
        check_no_echo(&[&s], all_rules(&s));
    }
}
