//! Deriving schemars' `JsonSchema` beside `Validate` compiles for every
//! form of the attribute language. schemars 1.x reads `#[validate(..)]`
//! itself and rejects `contains("x")`, `required(message = ..)`, bounds
//! that read a context and bounds of a type `serde_json::Value` cannot hold
//! (`char`, `u128`); those are written `contains(pattern = "x")` and
//! `r#required(..)`, `r#length(..)`, `r#range(..)` here, and validate as
//! the first spellings do.
//!
//! With `#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]`
//! the schema holds every rule the derive checks: a keyword where one says
//! the same, an `x-validate` entry where none does.

// The types exist to be derived: some fields and variants are read by
// nothing but the generated code.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use schemars::{JsonSchema, schema_for};
use serde_json::{Value, json};
use validate_core::{Validate, ValidationError, rule_set};

const MAX: usize = 10;
const MIN_I: i64 = -5;
const AT: &str = "@";
static STARTS_A: LazyLock<Regex> = LazyLock::new(|| Regex::new("^a").expect("valid regex"));

fn no_spaces(s: &str) -> Result<(), ValidationError> {
    match s.contains(' ') {
        true => Err(ValidationError::new("no_spaces", "No spaces")),
        false => Ok(()),
    }
}

fn shout(s: String) -> String {
    s.to_ascii_uppercase()
}

rule_set! {
    /// A short name.
    pub Short: str => length(min = 1, max = 5);
}

#[derive(Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct Inner {
    #[validate(length(min = 1))]
    a: String,
}

#[derive(Validate, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct EveryForm {
    #[validate(length(min = 3, max = 32))]
    chars: String,
    #[validate(length(equal = 5))]
    equal: String,
    #[validate(length(max = 10, unit = bytes))]
    bytes: String,
    #[validate(length(max = 10, unit = utf16))]
    utf16: String,
    #[validate(length(max = 10, unit = graphemes, message = "m", code = "c"))]
    graphemes: String,
    #[validate(length(min = 1, max = MAX))]
    list: Vec<String>,
    #[validate(length(max = 3))]
    map: BTreeMap<String, String>,
    #[validate(range(min = 13, max = 130, message = "m"))]
    age: u32,
    #[validate(range(gt = 0.0, lt = 1.5))]
    ratio: f64,
    #[validate(range(min = MIN_I))]
    signed: i64,
    #[validate(r#range(min = 'a', max = 'z'))]
    letter: char,
    #[validate(r#range(max = 10u128))]
    huge: u128,
    #[validate(multiple_of(5))]
    step: u32,
    #[validate(pattern("^[a-z]+$"), pattern(STARTS_A))]
    pattern: String,
    #[validate(charset(ascii_alphanumeric, "_-", 'a'..='f'))]
    charset: String,
    #[validate(email(message = "m"))]
    email: String,
    #[validate(url)]
    url: String,
    #[validate(url(schemes = ["https"]))]
    https: String,
    #[validate(ip)]
    ip: String,
    #[validate(ipv4)]
    ipv4: String,
    #[validate(ipv6)]
    ipv6: String,
    #[validate(uuid, credit_card)]
    ids: String,
    #[validate(contains(pattern = "x", message = "m"))]
    contains: String,
    #[validate(contains(pattern = AT))]
    contains_const: String,
    #[validate(not_contains("x"), prefix("x"), suffix("x"))]
    substrings: String,
    #[validate(one_of("a", "b"))]
    choice: String,
    #[validate(one_of(1, 2))]
    number_choice: u32,
    #[validate(no_invisible, no_control, single_script)]
    text: String,
    #[validate(safe_filename)]
    file: String,
    #[validate(safe_filename(extensions = ["png"], allow_leading_dot = true))]
    image: String,
    #[validate(required)]
    present: Option<String>,
    #[validate(r#required(message = "give a value", code = "absent"))]
    present_with_message: Option<String>,
    #[validate(custom(no_spaces), rule(Short))]
    custom: String,
    #[validate(must_match(custom))]
    confirm: String,
    #[validate(nested)]
    inner: Inner,
    #[validate(length(max = 3), each(length(max = 3), contains("x")))]
    each: Vec<String>,
    #[validate(keys(length(min = 1)), values(nested))]
    by_key: BTreeMap<String, Inner>,
    #[validate(skip)]
    skipped: String,
    #[validate(sanitize(trim, lowercase, truncate(5), with = shout))]
    sanitized: String,
    #[validate(rename = "renamedForLocs")]
    renamed: String,
}

struct Limits {
    max: usize,
    min: u32,
}

#[derive(Validate, JsonSchema)]
#[validate(context = Limits)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct WithContext {
    #[validate(r#length(max = ctx.max))]
    name: String,
    #[validate(r#range(min = ctx.min))]
    count: u32,
}

fn whole(_: &Tagged) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate, JsonSchema)]
#[serde(tag = "kind")]
#[validate(custom(whole))]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
enum Tagged {
    #[validate(rename = "A")]
    A {
        #[validate(length(min = 1))]
        a: String,
    },
    B {
        #[validate(range(min = 1))]
        b: u32,
    },
}

#[derive(Validate, JsonSchema)]
#[validate(newtype)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct Name(#[validate(sanitize(trim), length(min = 1))] String);

#[test]
fn the_second_spellings_validate_as_the_first() {
    #[derive(Validate)]
    struct First {
        #[validate(contains("@"))]
        a: String,
        #[validate(required(message = "give b"))]
        b: Option<String>,
        #[validate(range(min = 'a', max = 'c'))]
        c: char,
    }
    #[derive(Validate, JsonSchema)]
    struct Second {
        #[validate(contains(pattern = "@"))]
        a: String,
        #[validate(r#required(message = "give b"))]
        b: Option<String>,
        #[validate(r#range(min = 'a', max = 'c'))]
        c: char,
    }
    let first = First {
        a: "x".into(),
        b: None,
        c: 'z',
    }
    .validate();
    let second = Second {
        a: "x".into(),
        b: None,
        c: 'z',
    }
    .validate();
    let lines =
        "a: String should contain '@'\nb: give b\nc: Input should be less than or equal to c";
    assert_eq!(first.expect_err("fails").to_string(), lines);
    assert_eq!(second.expect_err("fails").to_string(), lines);

    let with = WithContext {
        name: "abc".into(),
        count: 1,
    };
    let err = with
        .validate_with(&Limits { max: 2, min: 2 })
        .expect_err("fails");
    assert_eq!(
        err.to_string(),
        "name: String should have at most 2 characters\ncount: Input should be greater than or equal to 2"
    );
}

#[test]
fn every_form_has_a_schema() {
    let schema = schema_for!(EveryForm).to_value();
    let props = &schema["properties"];
    // Wire names follow serde, as the errors' locs do.
    assert!(props.get("numberChoice").is_some());
    // What schemars reads of `#[validate]` on its own: `contains(pattern)`
    // as an escaped pattern, and `required` as required and non-null.
    assert_eq!(props["contains"]["pattern"], json!("x"));
    assert_eq!(props["present"]["type"], json!("string"));
    let required = schema["required"].as_array().expect("a required list");
    assert!(required.contains(&json!("present")));
    for t in [
        schema_for!(WithContext),
        schema_for!(Tagged),
        schema_for!(Name),
    ] {
        assert!(matches!(t.to_value(), Value::Object(_)));
    }
}

/// What the derive writes for each form (through the transform), beside
/// what schemars writes from the types and serde's attributes.
#[test]
fn the_derive_writes_every_rule_or_an_entry() {
    let schema = schema_for!(EveryForm).to_value();
    let expected = [
        (
            "chars",
            json!({"type": "string", "minLength": 3, "maxLength": 32}),
        ),
        (
            "equal",
            json!({"type": "string", "minLength": 5, "maxLength": 5}),
        ),
        (
            "bytes",
            json!({"type": "string", "x-validate": [{"rule": "length", "max": 10, "unit": "bytes"}]}),
        ),
        (
            "utf16",
            json!({"type": "string", "x-validate": [{"rule": "length", "max": 10, "unit": "utf16"}]}),
        ),
        (
            "graphemes",
            json!({"type": "string", "x-validate": [{"rule": "length", "max": 10, "unit": "graphemes"}]}),
        ),
        (
            "list",
            json!({"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 10}),
        ),
        (
            "map",
            json!({"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 3}),
        ),
        (
            "age",
            json!({"type": "integer", "format": "uint32", "minimum": 13, "maximum": 130}),
        ),
        (
            "ratio",
            json!({"type": "number", "format": "double", "exclusiveMinimum": 0.0, "exclusiveMaximum": 1.5}),
        ),
        (
            "signed",
            json!({"type": "integer", "format": "int64", "minimum": -5}),
        ),
        (
            "letter",
            json!({"type": "string", "minLength": 1, "maxLength": 1, "x-validate": [{"rule": "range"}]}),
        ),
        (
            "huge",
            json!({"type": "integer", "format": "uint128", "minimum": 0, "maximum": 10}),
        ),
        (
            "step",
            json!({"type": "integer", "format": "uint32", "minimum": 0, "multipleOf": 5}),
        ),
        (
            "pattern",
            json!({"type": "string", "pattern": "^[a-z]+$", "allOf": [{"pattern": "^a"}]}),
        ),
        (
            "charset",
            json!({"type": "string", "pattern": "^[0-9A-Za-z_\\-a-f]*$"}),
        ),
        (
            "email",
            json!({"type": "string", "format": "email", "x-validate": [{"rule": "email"}]}),
        ),
        (
            "url",
            json!({"type": "string", "format": "uri", "pattern": r"^(?:[hH][tT][tT][pP]://[^/?#@:\\\x00-\x20]|[hH][tT][tT][pP][sS]://[^/?#@:\\\x00-\x20])", "x-validate": [{"rule": "url", "schemes": ["http", "https"]}]}),
        ),
        (
            "https",
            json!({"type": "string", "format": "uri", "pattern": r"^(?:[hH][tT][tT][pP][sS]://[^/?#@:\\\x00-\x20])", "x-validate": [{"rule": "url", "schemes": ["https"]}]}),
        ),
        (
            "ip",
            json!({"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}),
        ),
        ("ipv4", json!({"type": "string", "format": "ipv4"})),
        ("ipv6", json!({"type": "string", "format": "ipv6"})),
        (
            "ids",
            json!({"type": "string", "format": "uuid", "pattern": "^(?:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[1-8][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|[Ff]{8}-[Ff]{4}-[Ff]{4}-[Ff]{4}-[Ff]{12})$", "x-validate": [{"rule": "credit_card"}]}),
        ),
        ("contains", json!({"type": "string", "pattern": "x"})),
        ("containsConst", json!({"type": "string", "pattern": "@"})),
        (
            "substrings",
            json!({"type": "string", "not": {"pattern": "x"}, "pattern": "^x", "allOf": [{"pattern": "x$"}]}),
        ),
        ("choice", json!({"type": "string", "enum": ["a", "b"]})),
        (
            "numberChoice",
            json!({"type": "integer", "format": "uint32", "minimum": 0, "enum": [1, 2]}),
        ),
        (
            "text",
            json!({"type": "string", "x-validate": [{"rule": "no_invisible"}, {"rule": "no_control"}, {"rule": "single_script"}]}),
        ),
        (
            "file",
            json!({"type": "string", "x-validate": [{"rule": "safe_filename"}]}),
        ),
        (
            "image",
            json!({"type": "string", "x-validate": [{"rule": "safe_filename", "extensions": ["png"], "allow_leading_dot": true}]}),
        ),
        ("present", json!({"type": "string"})),
        ("presentWithMessage", json!({"type": "string"})),
        (
            "custom",
            json!({"type": "string", "x-validate": [{"rule": "custom", "function": "no_spaces"}], "minLength": 1, "maxLength": 5}),
        ),
        (
            "confirm",
            json!({"type": "string", "x-validate": [{"rule": "must_match", "field": "custom"}]}),
        ),
        ("inner", json!({"$ref": "#/$defs/Inner"})),
        (
            "each",
            json!({"type": "array", "items": {"type": "string", "maxLength": 3, "pattern": "x"}, "maxItems": 3}),
        ),
        (
            "byKey",
            json!({"type": "object", "additionalProperties": {"$ref": "#/$defs/Inner"}, "propertyNames": {"type": "string", "minLength": 1}}),
        ),
        ("skipped", json!({"type": "string"})),
        (
            "sanitized",
            json!({"type": "string", "x-validate": [{"sanitizer": "trim"}, {"sanitizer": "lowercase"}, {"sanitizer": "truncate", "max": 5, "unit": "chars"}, {"sanitizer": "with", "function": "shout"}]}),
        ),
        ("renamed", json!({"type": "string"})),
    ];
    let props = schema["properties"].as_object().expect("properties");
    assert_eq!(props.len(), expected.len());
    for (name, want) in expected {
        assert_eq!(props[name], want, "{name}");
    }
    assert_eq!(
        schema["$defs"]["Inner"]["properties"]["a"],
        json!({"type": "string", "minLength": 1})
    );

    // A bound read from the context: an entry, no keyword.
    assert_eq!(
        schema_for!(WithContext).to_value()["properties"],
        json!({
            "name": {"type": "string", "x-validate": [{"rule": "length", "context": true}]},
            "count": {"type": "integer", "format": "uint32", "minimum": 0,
                      "x-validate": [{"rule": "range", "context": true}]}
        })
    );
    // Enum variants by their serde representation; a struct-level rule
    // on the whole schema.
    let tagged = schema_for!(Tagged).to_value();
    assert_eq!(tagged["oneOf"][0]["properties"]["a"]["minLength"], 1);
    assert_eq!(tagged["oneOf"][1]["properties"]["b"]["minimum"], 1);
    assert_eq!(
        tagged["x-validate"],
        json!([{"rule": "custom", "function": "whole"}])
    );
    // A newtype's rules on its own schema.
    assert_eq!(
        schema_for!(Name).to_value(),
        json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Name",
               "type": "string", "minLength": 1, "x-validate": [{"sanitizer": "trim"}]})
    );
}

#[derive(Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct Wire {
    // The schema names fields as serde does; `#[validate(rename)]` names
    // the loc only.
    #[serde(rename = "serdeName")]
    #[validate(rename = "locName", length(max = 3))]
    a: String,
    #[serde(skip)]
    #[validate(r#required)]
    skipped: Option<String>,
    #[serde(flatten)]
    #[validate(nested)]
    inner: Inner,
}

#[derive(Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct Pair(
    #[validate(length(max = 2))] String,
    #[validate(range(max = 5))] u32,
);

#[derive(Validate, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
enum External {
    Code(#[validate(pattern("^[A-Z]+$"))] String),
    Named {
        #[validate(each(length(min = 2)))]
        names: Vec<String>,
    },
}

#[test]
fn fields_are_found_as_serde_writes_them() {
    let wire = schema_for!(Wire).to_value();
    // The flattened fields carry their own type's rules; a skipped field
    // is in neither the properties nor `required`.
    assert_eq!(
        (&wire["properties"], &wire["required"]),
        (
            &json!({"serdeName": {"type": "string", "maxLength": 3},
                    "a": {"type": "string", "minLength": 1}}),
            &json!(["serdeName", "a"])
        )
    );
    let pair = schema_for!(Pair).to_value();
    assert_eq!(
        pair["prefixItems"],
        json!([{"type": "string", "maxLength": 2},
               {"type": "integer", "format": "uint32", "minimum": 0, "maximum": 5}])
    );
    let external = schema_for!(External).to_value();
    assert_eq!(
        external["oneOf"][0]["properties"]["code"],
        json!({"type": "string", "pattern": "^[A-Z]+$"})
    );
    assert_eq!(
        external["oneOf"][1]["properties"]["named"]["properties"]["names"]["items"],
        json!({"type": "string", "minLength": 2})
    );
}

/// A rule set written by hand, not with `rule_set!`: it has no
/// `ValidateSchema`, so its schema says only that it is there.
struct NoSpaces;

impl validate_core::RuleSet<String> for NoSpaces {
    fn check(value: &String) -> Result<(), ValidationError> {
        no_spaces(value)
    }
}

impl validate_core::RuleSetSanitize<String> for NoSpaces {}

fn fresh_regex() -> Regex {
    Regex::new("^b").expect("valid regex")
}

#[derive(Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct FreshPattern {
    // A regex built on each use: it lives as long as the rule's use.
    #[validate(pattern(fresh_regex()))]
    b: String,
}

#[derive(Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct WithSets {
    #[validate(rule(Short))]
    declared: String,
    #[validate(rule(NoSpaces))]
    by_hand: String,
}

#[test]
fn a_pattern_expression_is_its_regex() {
    let schema = schema_for!(FreshPattern).to_value();
    assert_eq!(schema["properties"]["b"]["pattern"], "^b");
}

#[test]
fn rule_sets_carry_their_rules_or_their_name() {
    let schema = schema_for!(WithSets).to_value();
    assert_eq!(
        schema["properties"],
        json!({
            "declared": {"type": "string", "minLength": 1, "maxLength": 5},
            "by_hand": {"type": "string", "x-validate": [{"rule": "rule", "set": "NoSpaces"}]}
        })
    );
}

#[derive(Validate, JsonSchema)]
#[serde(tag = "t", content = "c")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
enum Adjacent {
    Code(#[validate(length(max = 4))] String),
}

#[derive(Validate, JsonSchema)]
#[serde(untagged)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
enum Untagged {
    Number(#[validate(range(max = 9))] u8),
    Text(#[validate(length(min = 2))] String),
}

#[test]
fn variants_are_found_in_every_representation() {
    let adjacent = schema_for!(Adjacent).to_value();
    assert_eq!(
        adjacent["oneOf"][0]["properties"]["c"],
        json!({"type": "string", "maxLength": 4})
    );
    let untagged = schema_for!(Untagged).to_value();
    assert_eq!(
        untagged["anyOf"],
        json!([{"type": "integer", "format": "uint8", "minimum": 0, "maximum": 9},
               {"type": "string", "minLength": 2}])
    );
}

const SIZES: &[&str] = &["s", "m"];

#[derive(Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct MoreFormats {
    #[validate(hostname)]
    host: String,
    #[validate(domain(trailing_dot))]
    fqdn: String,
    #[validate(iban, phone)]
    bank: String,
    #[validate(date(min = "2000-01-01", lt = "2100-01-01"))]
    day: String,
    #[validate(datetime)]
    at: String,
    #[validate(time)]
    clock: String,
    #[validate(one_of(SIZES))]
    size: String,
}

#[test]
fn format_rows_carry_their_schema_form() {
    let schema = schema_for!(MoreFormats).to_value();
    assert_eq!(
        schema["properties"],
        json!({
            "host": {"type": "string", "format": "idn-hostname", "x-validate": [{"rule": "hostname"}]},
            "fqdn": {"type": "string", "x-validate": [{"rule": "domain"}]},
            "bank": {"type": "string", "x-validate": [{"rule": "iban"}, {"rule": "phone"}]},
            "day": {"type": "string",
                    "x-validate": [{"rule": "date", "min": "2000-01-01", "lt": "2100-01-01"}]},
            "at": {"type": "string", "format": "date-time", "x-validate": [{"rule": "datetime"}]},
            "clock": {"type": "string", "format": "time", "x-validate": [{"rule": "time"}]},
            "size": {"type": "string", "enum": ["s", "m"]}
        })
    );
}
