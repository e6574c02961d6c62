//! Literal patterns the derive compiles to byte checks (`^[0-9]{5}$` and
//! the like) report exactly what the regex reports: same verdict, same
//! error, on arbitrary strings. Patterns it leaves to the regex are in the
//! mix too.

use proptest::prelude::*;
use std::sync::LazyLock;

use regex::Regex;
use validate_core::{Validate, ValidationErrors, rules};

#[derive(Validate)]
struct Patterns {
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
    #[validate(pattern("^[a-zA-Z0-9_]+$"))]
    word: String,
    #[validate(pattern("^[A-Z]{3}[0-9]{3}$"))]
    code: String,
    #[validate(pattern("^[a-z]*$"))]
    lower: String,
    #[validate(pattern("^[0-9]{2,4}$"))]
    short: String,
    #[validate(pattern("^a-[0-9]{0,2}$"))]
    dashed: String,
    #[validate(pattern("^(?i)[a-c]{1,3}$"))]
    folded: String,
    #[validate(pattern("^([0-9]{2}):[0-9]{2}$"))]
    time: String,
    #[validate(pattern("^$"))]
    empty: String,
    #[validate(pattern("^[\\x00-\\x7f]{3}$"))]
    ascii: String,
    // Left to the regex: unanchored, Unicode classes, variable heads.
    #[validate(pattern("[0-9]{5}"))]
    anywhere: String,
    #[validate(pattern(r"^\d{3}$"))]
    digits: String,
    #[validate(pattern("^x?[0-9]+$"))]
    optional: String,
}

const FIELDS: [(&str, &str); 13] = [
    ("zip", "^[0-9]{5}$"),
    ("word", "^[a-zA-Z0-9_]+$"),
    ("code", "^[A-Z]{3}[0-9]{3}$"),
    ("lower", "^[a-z]*$"),
    ("short", "^[0-9]{2,4}$"),
    ("dashed", "^a-[0-9]{0,2}$"),
    ("folded", "^(?i)[a-c]{1,3}$"),
    ("time", "^([0-9]{2}):[0-9]{2}$"),
    ("empty", "^$"),
    ("ascii", "^[\\x00-\\x7f]{3}$"),
    ("anywhere", "[0-9]{5}"),
    ("digits", r"^\d{3}$"),
    ("optional", "^x?[0-9]+$"),
];

static REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    FIELDS
        .iter()
        .map(|(_, pattern)| Regex::new(pattern).expect("the test patterns compile"))
        .collect()
});

/// What `rules::pattern` with the compiled regex reports for every field.
fn by_regex(s: &str) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    for ((field, _), regex) in FIELDS.iter().zip(REGEXES.iter()) {
        if let Err(e) = rules::pattern(s, regex) {
            errors.push(e.with_loc([*field]));
        }
    }
    errors.into_result()
}

fn derived(s: &str) -> Result<(), ValidationErrors> {
    let s = s.to_owned();
    Patterns {
        zip: s.clone(),
        word: s.clone(),
        code: s.clone(),
        lower: s.clone(),
        short: s.clone(),
        dashed: s.clone(),
        folded: s.clone(),
        time: s.clone(),
        empty: s.clone(),
        ascii: s.clone(),
        anywhere: s.clone(),
        digits: s.clone(),
        optional: s,
    }
    .validate()
}

#[test]
fn known_cases() {
    for s in [
        "",
        "12345",
        "1234",
        "123456",
        "ABC123",
        "abc",
        "a-",
        "a-12",
        "12:34",
        "١٢٣",
        "Ab",
        "é",
        "\u{0}a\u{7f}",
        "x12",
        "k",
        "\u{212A}",
    ] {
        assert_eq!(derived(s), by_regex(s), "{s:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn same_errors_as_the_regex(s in "[0-9a-cA-CxX_:\\-é\u{212A}\u{0}\u{7f} ]{0,8}") {
        prop_assert_eq!(derived(&s), by_regex(&s), "{:?}", s);
    }

    #[test]
    fn same_errors_on_any_string(s in any::<String>()) {
        prop_assert_eq!(derived(&s), by_regex(&s), "{:?}", s);
    }
}
