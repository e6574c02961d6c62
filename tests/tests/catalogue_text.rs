//! The exact Pydantic JSON of every error the string/number rules produce:
//! `type`, `loc`, `msg`, `ctx`, in that key order, as
//! `e.errors(include_url=False, include_input=False)` prints it.

use std::ops::Bound;

use regex::Regex;
use serde_json::json;
use validate_core::rules::{self, CharClass, Charset};
use validate_core::{LocChain, ValidationError, ValidationErrors};

/// The JSON text of one error placed at `field` (or `field[index]`).
fn at(field: &'static str, index: Option<usize>, err: ValidationError) -> String {
    let mut errors = ValidationErrors::new();
    let root = LocChain::ROOT;
    let f = root.field(field);
    match index {
        Some(i) => errors.push_at(&f.index(i), err),
        None => errors.push_at(&f, err),
    }
    serde_json::to_string(&errors).expect("errors serialize")
}

#[track_caller]
fn fail(r: Result<(), ValidationError>) -> ValidationError {
    match r {
        Ok(()) => panic!("the rule should have failed"),
        Err(e) => e,
    }
}

#[track_caller]
fn assert_row(got: String, want: serde_json::Value) {
    // Compare the text, not the value: key order is part of the contract.
    assert_eq!(got, want.to_string());
}

#[test]
fn length_rows() {
    assert_row(
        at("name", None, fail(rules::length("", 1..))),
        json!([{"type": "string_too_short", "loc": ["name"],
                "msg": "String should have at least 1 character", "ctx": {"min_length": 1}}]),
    );
    assert_row(
        at("name", None, fail(rules::length("ab", 3..=32))),
        json!([{"type": "string_too_short", "loc": ["name"],
                "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}}]),
    );
    assert_row(
        at("tags", Some(1), fail(rules::length("abc", ..=2))),
        json!([{"type": "string_too_long", "loc": ["tags", 1],
                "msg": "String should have at most 2 characters", "ctx": {"max_length": 2}}]),
    );
    assert_row(
        at("tags", None, fail(rules::length(&vec![1], 2..))),
        json!([{"type": "too_short", "loc": ["tags"],
                "msg": "List should have at least 2 items after validation, not 1",
                "ctx": {"field_type": "List", "min_length": 2, "actual_length": 1}}]),
    );
    assert_row(
        at("tags", None, fail(rules::length(&vec![1, 2, 3], ..=2))),
        json!([{"type": "too_long", "loc": ["tags"],
                "msg": "List should have at most 2 items after validation, not 3",
                "ctx": {"field_type": "List", "max_length": 2, "actual_length": 3}}]),
    );
}

#[test]
fn range_rows() {
    assert_row(
        at("age", None, fail(rules::range(&12u32, 13..=130))),
        json!([{"type": "greater_than_equal", "loc": ["age"],
                "msg": "Input should be greater than or equal to 13", "ctx": {"ge": 13}}]),
    );
    assert_row(
        at("age", None, fail(rules::range(&131u32, 13..=130))),
        json!([{"type": "less_than_equal", "loc": ["age"],
                "msg": "Input should be less than or equal to 130", "ctx": {"le": 130}}]),
    );
    assert_row(
        at(
            "count",
            None,
            fail(rules::range(&0i64, (Bound::Excluded(0), Bound::Unbounded))),
        ),
        json!([{"type": "greater_than", "loc": ["count"],
                "msg": "Input should be greater than 0", "ctx": {"gt": 0}}]),
    );
    assert_row(
        at("price", None, fail(rules::range(&1.5f64, ..1.5))),
        json!([{"type": "less_than", "loc": ["price"],
                "msg": "Input should be less than 1.5", "ctx": {"lt": 1.5}}]),
    );
}

#[test]
fn pattern_row() {
    let zip = Regex::new("^[0-9]{5}$").expect("pattern compiles");
    assert_row(
        at("zip", None, fail(rules::pattern("1234", &zip))),
        json!([{"type": "string_pattern_mismatch", "loc": ["zip"],
                "msg": "String should match pattern '^[0-9]{5}$'",
                "ctx": {"pattern": "^[0-9]{5}$"}}]),
    );
}

#[test]
fn multiple_of_rows() {
    assert_row(
        at("qty", None, fail(rules::multiple_of(&7u32, 5))),
        json!([{"type": "multiple_of", "loc": ["qty"],
                "msg": "Input should be a multiple of 5", "ctx": {"multiple_of": 5}}]),
    );
    assert_row(
        at("step", None, fail(rules::multiple_of(&0.35f64, 0.1))),
        json!([{"type": "multiple_of", "loc": ["step"],
                "msg": "Input should be a multiple of 0.1", "ctx": {"multiple_of": 0.1}}]),
    );
}

#[test]
fn one_of_rows() {
    assert_row(
        at("color", None, fail(rules::one_of("d", &["a", "b", "c"]))),
        json!([{"type": "literal_error", "loc": ["color"],
                "msg": "Input should be 'a', 'b' or 'c'",
                "ctx": {"expected": "'a', 'b' or 'c'"}}]),
    );
    assert_row(
        at(
            "color",
            None,
            fail(rules::one_of(&String::from("b"), &["a"])),
        ),
        json!([{"type": "literal_error", "loc": ["color"],
                "msg": "Input should be 'a'", "ctx": {"expected": "'a'"}}]),
    );
    assert_row(
        at(
            "level",
            Some(0),
            fail(rules::one_of(&Some(4u8), &[1, 2, 3])),
        ),
        json!([{"type": "literal_error", "loc": ["level", 0],
                "msg": "Input should be 1, 2 or 3", "ctx": {"expected": "1, 2 or 3"}}]),
    );
}

#[test]
fn charset_row() {
    static USERNAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
    assert_row(
        at(
            "user_name",
            None,
            fail(rules::charset("bob smith", &USERNAME)),
        ),
        json!([{"type": "string_charset", "loc": ["user_name"],
                "msg": "String should contain only ASCII letters and digits, or '_'",
                "ctx": {"allowed": "ASCII letters and digits, or '_'"}}]),
    );
}

#[test]
fn substring_rows() {
    assert_row(
        at("email", None, fail(rules::contains("bob", "@"))),
        json!([{"type": "string_contains", "loc": ["email"],
                "msg": "String should contain '@'", "ctx": {"substring": "@"}}]),
    );
    assert_row(
        at("path", None, fail(rules::not_contains("../etc", ".."))),
        json!([{"type": "string_not_contains", "loc": ["path"],
                "msg": "String should not contain '..'", "ctx": {"substring": ".."}}]),
    );
    assert_row(
        at("key", None, fail(rules::prefix("pk_1", "sk_"))),
        json!([{"type": "string_prefix", "loc": ["key"],
                "msg": "String should start with 'sk_'", "ctx": {"prefix": "sk_"}}]),
    );
    assert_row(
        at("file", None, fail(rules::suffix("a.gif", ".png"))),
        json!([{"type": "string_suffix", "loc": ["file"],
                "msg": "String should end with '.png'", "ctx": {"suffix": ".png"}}]),
    );
}

#[test]
fn text_hygiene_rows() {
    assert_row(
        at("name", None, fail(rules::no_invisible("adm\u{200B}in"))),
        json!([{"type": "string_invisible_characters", "loc": ["name"],
                "msg": "String should not contain invisible or bidirectional control characters"}]),
    );
    assert_row(
        at("name", None, fail(rules::no_control("a\u{7}b"))),
        json!([{"type": "string_control_characters", "loc": ["name"],
                "msg": "String should not contain control characters"}]),
    );
    assert_row(
        at("name", None, fail(rules::single_script("раypal"))),
        json!([{"type": "string_mixed_script", "loc": ["name"],
                "msg": "String should not mix scripts"}]),
    );
}

#[test]
fn no_error_echoes_its_input() {
    let secret = "zq9\u{200B}\u{7}ет-qx7";
    let zip = Regex::new("^[0-9]{5}$").expect("pattern compiles");
    static DIGITS: Charset = Charset::new(&[CharClass::Digits], "", &[]);
    let errors = [
        fail(rules::pattern(secret, &zip)),
        fail(rules::charset(secret, &DIGITS)),
        fail(rules::one_of(secret, &["a"])),
        fail(rules::contains(secret, "@")),
        fail(rules::not_contains(secret, "q")),
        fail(rules::prefix(secret, "x")),
        fail(rules::suffix(secret, "x")),
        fail(rules::no_invisible(secret)),
        fail(rules::no_control(secret)),
        fail(rules::single_script(secret)),
    ];
    for e in errors {
        let text = format!("{e} {e:?} {}", at("f", None, e.clone()));
        assert!(!text.contains("zq9") && !text.contains("qx7"), "{text}");
    }
}

/// Float bounds as Pydantic 2.14.4 writes them (measured): the number in
/// `msg` with Rust's `f64` `Display` (pydantic-core's), the number in `ctx`
/// a float (`0.0`, `1e+20`).
#[test]
fn float_bounds_read_as_pydantic_writes_them() {
    let gt0 = (Bound::Excluded(0.0f64), Bound::Unbounded);
    let rows: [(ValidationError, &str, &str, f64); 5] = [
        (
            fail(rules::range(&0.0f64, gt0)),
            "Input should be greater than 0",
            "gt",
            0.0,
        ),
        (
            fail(rules::range(&1.0f64, 13.0..)),
            "Input should be greater than or equal to 13",
            "ge",
            13.0,
        ),
        (
            fail(rules::range(&2e20f64, ..1e20)),
            "Input should be less than 100000000000000000000",
            "lt",
            1e20,
        ),
        (
            fail(rules::range(&1.0f64, ..=1e-7)),
            "Input should be less than or equal to 0.0000001",
            "le",
            1e-7,
        ),
        (
            fail(rules::multiple_of(&0.7f64, 0.5)),
            "Input should be a multiple of 0.5",
            "multiple_of",
            0.5,
        ),
    ];
    for (err, msg, key, bound) in rows {
        assert_eq!(err.msg(), msg);
        let ctx = err.ctx().get(key).expect("the bound is in ctx").clone();
        assert_eq!(ctx, validate_core::CtxValue::Float(bound), "{key}");
        // The ctx keeps Python's float form where it is shown as text.
        let json = ctx_of(&err);
        assert!(json[key].is_f64(), "{key}: {json}");
    }
    // f32 bounds read as their shortest decimal, as in Python.
    assert_eq!(
        fail(rules::range(&1.0f32, ..=0.1f32)).msg(),
        "Input should be less than or equal to 0.1"
    );
}

fn ctx_of(err: &ValidationError) -> serde_json::Value {
    let mut errors = ValidationErrors::new();
    errors.push(err.clone());
    serde_json::to_value(&errors).expect("serializes")[0]["ctx"].clone()
}
