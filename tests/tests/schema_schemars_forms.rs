//! Deriving schemars' `JsonSchema` beside `Validate` compiles for every
//! form of the attribute language. schemars 1.x reads `#[validate(..)]`
//! itself and rejects `contains("x")`, `required(message = ..)`, bounds
//! that read a context and bounds of a type `serde_json::Value` cannot hold
//! (`char`, `u128`); those are written `contains(pattern = "x")` and
//! `r#required(..)`, `r#length(..)`, `r#range(..)` here, and validate as
//! the first spellings do.

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
struct Inner {
    #[validate(length(min = 1))]
    a: String,
}

#[derive(Validate, JsonSchema)]
#[serde(rename_all = "camelCase")]
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
