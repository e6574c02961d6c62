//! The rules the schema docs call exact: for generated values, the rule and
//! the keywords `validate_core::schema::apply` writes for it give the same
//! verdict, checked by a JSON Schema validator (the `jsonschema` crate,
//! formats asserted). So a client that checks the published schema never
//! refuses what the server accepts, and never accepts what it refuses.

use std::ops::Bound;
use std::sync::LazyLock;

use jsonschema::Validator;
use proptest::prelude::*;
use regex::Regex;
use serde_json::{Number, Value, json};
use validate_core::ValidationError;
use validate_core::rules::{self, CharClass, Charset, LengthUnit};
use validate_core::schema::{Object, SchemaRule, apply};

/// A validator for `{"type": t}` after `rule`.
fn schema_for(t: &str, rule: &SchemaRule<'_>) -> Validator {
    let mut schema = Object::new();
    schema.insert("type".into(), t.into());
    apply(&mut schema, rule);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&Value::Object(schema))
        .expect("the schema compiles")
}

/// Strings made of characters that sit on the rules' edges: ASCII letters,
/// digits and punctuation, regex syntax, controls, separators, letters and
/// digits of other scripts, invisible and astral characters.
fn text() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        4 => proptest::char::range('0', 'z'),
        2 => proptest::sample::select(vec![
            '-', '_', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$', '\\',
            '/', ':', '@', ' ', '\t', '\n', '\u{7f}', '\u{0}', '\u{a0}', '\u{2028}',
            '\u{200b}', '\u{feff}', 'é', 'ß', 'Ω', 'ж', '٣', '五', '\u{1d7ce}', '😀', '\u{e000}',
        ]),
        1 => any::<char>(),
    ];
    proptest::collection::vec(
        chars.prop_filter("assigned in both Unicode versions", assigned),
        0..12,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Whether the validator's regex tables know `c`: std (which the rules use)
/// follows a newer Unicode than the `regex` crate, and a character assigned
/// in between is a letter to one and unassigned to the other — the "same
/// Unicode version" the schema docs ask for `alphanumeric`, `alphabetic`
/// and `printable`.
fn assigned(c: &char) -> bool {
    static UNASSIGNED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Cn}$").expect("valid"));
    !UNASSIGNED.is_match(c.encode_utf8(&mut [0; 4]))
}

fn same_verdict(
    rule: Result<(), ValidationError>,
    schema: &Validator,
    value: &Value,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(rule.is_ok(), schema.is_valid(value), "value {}", value);
    Ok(())
}

static NAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_-.", &[]);
static GREEK: Charset = Charset::new(&[CharClass::Digits], "", &[('α', 'ω')]);
static WORDS: Charset = Charset::new(&[CharClass::Alphanumeric], " ", &[]);
static PRINTABLE: Charset = Charset::new(&[CharClass::Printable], "", &[]);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn length_in_chars(s in text()) {
        let rule = SchemaRule::Length { min: Some(2), max: Some(5), unit: LengthUnit::Chars };
        same_verdict(rules::length(s.as_str(), 2..=5), &schema_for("string", &rule), &json!(s))?;
    }

    #[test]
    fn charsets(s in text()) {
        for set in [&NAME, &GREEK, &WORDS, &PRINTABLE] {
            let schema = schema_for("string", &SchemaRule::Charset(set));
            same_verdict(rules::charset(s.as_str(), set), &schema, &json!(s))?;
        }
    }

    #[test]
    fn substrings(s in text(), needle in text()) {
        let v = json!(s);
        let s = s.as_str();
        let n = needle.as_str();
        same_verdict(rules::contains(s, n), &schema_for("string", &SchemaRule::Contains(n)), &v)?;
        same_verdict(rules::not_contains(s, n), &schema_for("string", &SchemaRule::NotContains(n)), &v)?;
        same_verdict(rules::prefix(s, n), &schema_for("string", &SchemaRule::Prefix(n)), &v)?;
        same_verdict(rules::suffix(s, n), &schema_for("string", &SchemaRule::Suffix(n)), &v)?;
    }

    #[test]
    fn substrings_of_the_value(s in text(), from in 0usize..12, len in 0usize..4) {
        // A needle taken from the value itself, so `contains` also passes.
        let chars: Vec<char> = s.chars().collect();
        let from = from.min(chars.len());
        let needle: String = chars[from..(from + len).min(chars.len())].iter().collect();
        let v = json!(s);
        let n = needle.as_str();
        same_verdict(rules::contains(s.as_str(), n), &schema_for("string", &SchemaRule::Contains(n)), &v)?;
        same_verdict(rules::prefix(s.as_str(), n), &schema_for("string", &SchemaRule::Prefix(n)), &v)?;
    }

    #[test]
    fn uuids(hex in "[0-9a-fA-F]{32}", hyphens in any::<bool>(), noise in text()) {
        let schema = schema_for("string", &SchemaRule::Uuid);
        let s = if hyphens {
            format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
        } else {
            hex.clone()
        };
        same_verdict(rules::uuid(s.as_str()), &schema, &json!(s))?;
        same_verdict(rules::uuid(noise.as_str()), &schema, &json!(noise))?;
    }

    #[test]
    fn integer_ranges(v in -300i64..300) {
        let rule = SchemaRule::Range { min: Some(13.into()), max: Some(130.into()), gt: None, lt: None };
        same_verdict(rules::range(&v, 13..=130), &schema_for("integer", &rule), &json!(v))?;
    }

    #[test]
    fn float_ranges(v in -2.0f64..2.0) {
        let rule = SchemaRule::Range {
            min: None,
            max: None,
            gt: Number::from_f64(0.0),
            lt: Number::from_f64(1.5),
        };
        let bounds = (Bound::Excluded(0.0), Bound::Excluded(1.5));
        same_verdict(rules::range(&v, bounds), &schema_for("number", &rule), &json!(v))?;
    }

    #[test]
    fn one_of(s in prop_oneof![Just("a".to_owned()), Just("b".to_owned()), text()]) {
        let rule = SchemaRule::OneOf(vec![json!("a"), json!("b")]);
        same_verdict(rules::one_of(s.as_str(), &["a", "b"]), &schema_for("string", &rule), &json!(s))?;
    }
}

#[test]
fn the_edges_of_each_exact_rule() {
    let length = schema_for(
        "string",
        &SchemaRule::Length {
            min: Some(2),
            max: Some(3),
            unit: LengthUnit::Chars,
        },
    );
    for s in ["é", "éé", "😀😀😀", "😀😀😀😀", "e\u{301}"] {
        assert_eq!(
            rules::length(s, 2..=3).is_ok(),
            length.is_valid(&json!(s)),
            "{s:?}"
        );
    }
    let uuid = schema_for("string", &SchemaRule::Uuid);
    for s in [
        "550e8400-e29b-41d4-a716-446655440000",
        "00000000-0000-0000-0000-000000000000",
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        "550e8400-e29b-91d4-a716-446655440000",
    ] {
        assert_eq!(rules::uuid(s).is_ok(), uuid.is_valid(&json!(s)), "{s}");
    }
}

/// `ip`, `ipv4` and `ipv6` are exact where the validator asserts the
/// `ipv4` / `ipv6` formats (RFC 2673 dotted quads without leading zeros,
/// RFC 4291 text without zone ids), as the Pydantic rules are.
#[test]
fn ip_formats_agree_on_the_edges() {
    let v4 = schema_for("string", &SchemaRule::Ipv4);
    let v6 = schema_for("string", &SchemaRule::Ipv6);
    let any = schema_for("string", &SchemaRule::Ip);
    for s in [
        "1.2.3.4",
        "01.2.3.4",
        "256.1.1.1",
        "1.2.3",
        "0.0.0.0",
        " 1.2.3.4",
        "1.2.3.4\n",
        "::1",
        "::",
        "1::",
        "fe80::1%eth0",
        "::ffff:1.2.3.4",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9",
        "[::1]",
        "1.2.3.04",
        "::ffff:01.2.3.4",
        "1:2:3:4:5:6:1.2.3.4",
        "ABCD::",
        "",
    ] {
        let j = json!(s);
        assert_eq!(rules::ipv4(s).is_ok(), v4.is_valid(&j), "ipv4 {s:?}");
        assert_eq!(rules::ipv6(s).is_ok(), v6.is_valid(&j), "ipv6 {s:?}");
        assert_eq!(rules::ip(s).is_ok(), any.is_valid(&j), "ip {s:?}");
    }
}
