//! The rule table, one rule at a time, on the schema shapes schemars and
//! Pydantic write.

use serde_json::{Number, Value, json};

use super::node::obj;
use super::*;
use crate::rules::{CharClass, Charset, LengthUnit};

/// `schema` after `rules`, as a `Value` to compare.
fn after(schema: Value, rules: &[SchemaRule<'_>]) -> Value {
    let mut s = obj(schema);
    for r in rules {
        apply(&mut s, r);
    }
    Value::Object(s)
}

fn len(min: Option<u64>, max: Option<u64>, unit: LengthUnit) -> SchemaRule<'static> {
    SchemaRule::Length { min, max, unit }
}

fn n(v: impl Into<Number>) -> Option<Number> {
    Some(v.into())
}

#[test]
fn length_counts_chars_items_or_properties() {
    let chars = len(Some(1), Some(5), LengthUnit::Chars);
    assert_eq!(
        after(json!({"type": "string"}), std::slice::from_ref(&chars)),
        json!({"type": "string", "minLength": 1, "maxLength": 5})
    );
    assert_eq!(
        after(
            json!({"type": "array", "items": {}}),
            std::slice::from_ref(&chars)
        ),
        json!({"type": "array", "items": {}, "minItems": 1, "maxItems": 5})
    );
    assert_eq!(
        after(json!({"type": "object"}), &[chars]),
        json!({"type": "object", "minProperties": 1, "maxProperties": 5})
    );
}

#[test]
fn other_units_are_marked_and_schemars_char_counts_taken_back() {
    // What schemars writes for `length(max = 10, unit = bytes)`.
    let s = after(
        json!({"type": "string", "maxLength": 10}),
        &[len(None, Some(10), LengthUnit::Bytes)],
    );
    assert_eq!(
        s,
        json!({"type": "string", "x-validate": [{"rule": "length", "max": 10, "unit": "bytes"}]})
    );
    // An unknown type (a `$ref`) keeps the rule as an entry too.
    let s = after(
        json!({"$ref": "#/$defs/Name"}),
        &[len(Some(2), None, LengthUnit::Chars)],
    );
    assert_eq!(
        s["x-validate"],
        json!([{"rule": "length", "min": 2, "unit": "chars"}])
    );
}

#[test]
fn range_sets_the_tighter_bounds() {
    // schemars gives a u32 `minimum: 0`; the rule's 13 is tighter, -1 is not.
    let s = after(
        json!({"type": "integer", "format": "uint32", "minimum": 0}),
        &[SchemaRule::Range {
            min: n(13),
            max: n(130),
            gt: None,
            lt: None,
        }],
    );
    assert_eq!(
        s,
        json!({"type": "integer", "format": "uint32", "minimum": 13, "maximum": 130})
    );
    let s = after(
        json!({"type": "integer", "minimum": 0}),
        &[SchemaRule::Range {
            min: n(-1),
            max: None,
            gt: None,
            lt: None,
        }],
    );
    assert_eq!(s, json!({"type": "integer", "minimum": 0}));
    let gt = Number::from_f64(0.0);
    let lt = Number::from_f64(1e6);
    let s = after(
        json!({"type": "number"}),
        &[SchemaRule::Range {
            min: None,
            max: None,
            gt,
            lt,
        }],
    );
    assert_eq!(
        s,
        json!({"type": "number", "exclusiveMinimum": 0.0, "exclusiveMaximum": 1e6})
    );
}

#[test]
fn range_on_a_non_number_is_marked() {
    let s = after(
        json!({"type": "string"}),
        &[SchemaRule::Range {
            min: n(1),
            max: None,
            gt: None,
            lt: None,
        }],
    );
    assert_eq!(
        s,
        json!({"type": "string", "x-validate": [{"rule": "range", "min": 1}]})
    );
}

#[test]
fn multiple_of_and_one_of() {
    assert_eq!(
        after(
            json!({"type": "integer"}),
            &[SchemaRule::MultipleOf(5.into())]
        ),
        json!({"type": "integer", "multipleOf": 5})
    );
    assert_eq!(
        after(
            json!({"type": ["string", "null"]}),
            &[SchemaRule::OneOf(vec![json!("a"), json!("b")])]
        ),
        json!({"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "null"}]})
    );
}

#[test]
fn patterns_accumulate_in_all_of() {
    let s = after(
        json!({"type": "string"}),
        &[
            SchemaRule::Pattern("^[a-z]+$"),
            SchemaRule::Contains("a.b"),
            SchemaRule::Prefix("x"),
            SchemaRule::Suffix("$"),
            SchemaRule::Pattern("^[a-z]+$"),
        ],
    );
    assert_eq!(
        s,
        json!({"type": "string", "pattern": "^[a-z]+$",
               "allOf": [{"pattern": "a\\.b"}, {"pattern": "^x"}, {"pattern": "\\$$"}]})
    );
    // schemars already wrote `contains(pattern = "@")` as the same pattern.
    let s = after(
        json!({"type": "string", "pattern": "@"}),
        &[SchemaRule::Contains("@")],
    );
    assert_eq!(s, json!({"type": "string", "pattern": "@"}));
}

#[test]
fn not_contains_is_not_a_pattern() {
    let s = after(
        json!({"type": "string"}),
        &[SchemaRule::NotContains(".."), SchemaRule::NotContains("/")],
    );
    assert_eq!(
        s,
        json!({"type": "string", "not": {"pattern": "\\.\\."}, "allOf": [{"not": {"pattern": "/"}}]})
    );
}

#[test]
fn charset_becomes_a_pattern() {
    static SET: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "-", &[]);
    let s = after(json!({"type": "string"}), &[SchemaRule::Charset(&SET)]);
    assert_eq!(s, json!({"type": "string", "pattern": "^[0-9A-Za-z\\-]*$"}));
}

#[test]
fn formats() {
    let s = after(json!({"type": "string"}), &[SchemaRule::Email]);
    assert_eq!(
        s,
        json!({"type": "string", "format": "email", "x-validate": [{"rule": "email"}]})
    );
    let s = after(
        json!({"type": "string", "format": "uri"}),
        &[SchemaRule::Url(&["https"])],
    );
    assert_eq!(
        s,
        json!({"type": "string", "format": "uri", "pattern": r"^(?:[hH][tT][tT][pP][sS]://[^/?#@:\\\x00-\x20])",
               "x-validate": [{"rule": "url", "schemes": ["https"]}]})
    );
    // schemars' `format: ip` is replaced; ipv4 / ipv6 are formats.
    let s = after(json!({"type": "string", "format": "ip"}), &[SchemaRule::Ip]);
    assert_eq!(
        s,
        json!({"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]})
    );
    assert_eq!(
        after(json!({"type": "string"}), &[SchemaRule::Ipv6])["format"],
        "ipv6"
    );
    let hostname = SchemaRule::Format {
        format: "hostname",
        rule: "hostname",
    };
    assert_eq!(
        after(json!({"type": "string"}), &[hostname]),
        json!({"type": "string", "format": "hostname", "x-validate": [{"rule": "hostname"}]})
    );
    let s = after(json!({"type": "string"}), &[SchemaRule::Uuid]);
    assert_eq!(s["format"], "uuid");
    assert!(
        s["pattern"]
            .as_str()
            .is_some_and(|p| p.starts_with("^(?:[0-9A-Fa-f]{8}-"))
    );
}

#[test]
fn required_drops_null() {
    assert_eq!(
        after(
            json!({"type": ["string", "null"], "maxLength": 3}),
            &[SchemaRule::Required]
        ),
        json!({"type": "string", "maxLength": 3})
    );
}

#[test]
fn unexpressed_rules_and_sanitizers_are_listed_once_in_order() {
    let custom = SchemaRule::Unexpressed {
        rule: "custom",
        params: obj(json!({"function": "no_spaces"})),
    };
    let s = after(
        json!({"type": "string"}),
        &[
            SchemaRule::Sanitizer {
                name: "trim",
                params: Object::new(),
            },
            SchemaRule::Unexpressed {
                rule: "single_script",
                params: Object::new(),
            },
            custom.clone(),
            custom,
        ],
    );
    assert_eq!(
        s["x-validate"],
        json!([{"sanitizer": "trim"}, {"rule": "single_script"}, {"rule": "custom", "function": "no_spaces"}])
    );
}

#[test]
fn applying_twice_changes_nothing_more() {
    let rules = [
        len(Some(1), Some(3), LengthUnit::Chars),
        SchemaRule::Ip,
        SchemaRule::NotContains("x"),
        SchemaRule::Pattern("^a"),
        SchemaRule::Contains("b"),
        SchemaRule::Email,
    ];
    let once = after(json!({"type": ["string", "null"]}), &rules);
    let twice = after(once.clone(), &rules);
    assert_eq!(once, twice);
}

#[test]
fn items_keys_and_values_of_a_field() {
    let mut o = obj(json!({
        "type": "object",
        "properties": {
            "tags": {"type": "array", "items": {"type": "string"}},
            "notes": {"type": "object", "additionalProperties": {"type": "string"}}
        }
    }));
    let tags = property(&mut o, "tags").expect("tags");
    apply(tags, &len(None, Some(10), LengthUnit::Chars));
    apply(
        items(tags).expect("items"),
        &len(Some(1), Some(20), LengthUnit::Chars),
    );
    let notes = property(&mut o, "notes").expect("notes");
    apply(
        property_names(notes),
        &len(Some(1), Some(20), LengthUnit::Chars),
    );
    apply(
        additional_properties(notes).expect("values"),
        &len(None, Some(200), LengthUnit::Chars),
    );
    assert_eq!(
        Value::Object(o),
        json!({
            "type": "object",
            "properties": {
                "tags": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 20}, "maxItems": 10},
                "notes": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 200},
                          "propertyNames": {"type": "string", "minLength": 1, "maxLength": 20}}
            }
        })
    );
}
