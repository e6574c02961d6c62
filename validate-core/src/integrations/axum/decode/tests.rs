//! Deserialization errors against FastAPI 0.165 / Pydantic 2.14's answers
//! for the same model and input (measured; `input` left out).

use std::collections::BTreeMap;
use std::fmt::Debug;

use serde::Deserialize;
use serde_json::{Value, json};

use super::*;
use crate::{LocChain, ValidationErrors};

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Signup {
    user_name: String,
    email: String,
    password: String,
    age: u32,
    website: Option<String>,
    tags: Vec<String>,
    address: Address,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Address {
    street: String,
    city: String,
    zip: String,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Flags {
    on: bool,
    ratio: f64,
    n: i64,
    items: Vec<i64>,
    m: BTreeMap<String, i64>,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Color {
    Red,
    Green,
    Blue,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Strict {
    x: String,
    c: Option<Color>,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Search {
    q: String,
    limit: u32,
    b: Option<bool>,
    f: Option<f32>,
    n: Option<i8>,
    tags: Option<Vec<String>>,
}

fn placed(root: &'static str, error: ValidationErrors) -> Value {
    let mut errors = ValidationErrors::new();
    errors.extend_at(&LocChain::ROOT.field(root), error);
    serde_json::to_value(&errors).unwrap()
}

fn body<T: DeserializeOwned + Debug>(input: &str) -> Value {
    placed("body", from_json::<T>(input.as_bytes()).unwrap_err())
}

fn query<T: DeserializeOwned + Debug>(input: &str) -> Value {
    placed("query", from_urlencoded::<T>(input.as_bytes()).unwrap_err())
}

const VALID: &str = r#"{"userName": "  Alice_1 ", "email": " a@example.com ", "password": "correct horse battery", "age": 30, "tags": ["a"], "address": {"street": "1 Main St", "city": "Paris", "zip": "75001"}}"#;

/// `VALID` with `key` set to `value` (raw JSON), or removed.
fn with(key: &str, value: Option<&str>) -> String {
    let mut map: serde_json::Map<String, Value> = serde_json::from_str(VALID).unwrap();
    match value {
        Some(v) => {
            map.insert(key.into(), serde_json::from_str(v).unwrap());
        }
        None => {
            map.remove(key);
        }
    }
    Value::Object(map).to_string()
}

fn one(kind: &str, loc: Value, msg: &str) -> Value {
    json!([{"type": kind, "loc": loc, "msg": msg}])
}

#[test]
fn valid_input_deserializes() {
    let s: Signup = from_json(VALID.as_bytes()).unwrap();
    assert_eq!(s.age, 30);
    // Python's json.loads skips a UTF-8 byte order mark; so do we.
    let with_bom = format!("\u{feff}{VALID}");
    assert!(from_json::<Signup>(with_bom.as_bytes()).is_ok());
}

#[test]
fn empty_body_is_missing() {
    assert_eq!(
        body::<Signup>(""),
        one("missing", json!(["body"]), "Field required")
    );
}

#[test]
fn malformed_json_is_json_invalid_at_the_character_offset() {
    let cases = [
        (
            r#"{"userName": "x","#,
            17,
            "Expecting property name enclosed in double quotes",
        ),
        (r#"{"userName" "x"}"#, 12, "Expecting ':' delimiter"),
        (r#"{"a": 1} x"#, 9, "Extra data"),
        (
            "{\"a\": \"\u{e9}\u{e9}\" ,,}",
            12,
            "Expecting property name enclosed in double quotes",
        ),
        ("  ", 2, "Expecting value"),
        ("nul", 0, "Expecting value"),
        (r#"{"a":"x"#, 5, "Unterminated string starting at"),
        ("{\"a\":\n  x}", 8, "Expecting value"),
    ];
    for (input, pos, error) in cases {
        assert_eq!(
            body::<Signup>(input),
            json!([{"type": "json_invalid", "loc": ["body", pos], "msg": "JSON decode error",
                    "ctx": {"error": error}}]),
            "{input:?}"
        );
    }
}

#[test]
fn a_syntax_error_outranks_a_type_error() {
    // serde alone would report the missing field first.
    assert_eq!(
        body::<Signup>(r#"{"a":1}}"#),
        json!([{"type": "json_invalid", "loc": ["body", 7], "msg": "JSON decode error",
                "ctx": {"error": "Extra data"}}])
    );
}

#[test]
fn missing_field() {
    assert_eq!(
        body::<Signup>(&with("password", None)),
        one("missing", json!(["body", "password"]), "Field required")
    );
    let nested = with("address", Some(r#"{"street": "x", "zip": "1"}"#));
    assert_eq!(
        body::<Signup>(&nested),
        one(
            "missing",
            json!(["body", "address", "city"]),
            "Field required"
        )
    );
}

#[test]
fn wrong_types_speak_pydantic() {
    let cases = [
        (
            "age",
            r#""abc""#,
            "int_parsing",
            json!(["body", "age"]),
            "Input should be a valid integer, unable to parse string as an integer",
        ),
        (
            "age",
            "1.5",
            "int_from_float",
            json!(["body", "age"]),
            "Input should be a valid integer, got a number with a fractional part",
        ),
        (
            "age",
            "[1]",
            "int_type",
            json!(["body", "age"]),
            "Input should be a valid integer",
        ),
        (
            "age",
            "null",
            "int_type",
            json!(["body", "age"]),
            "Input should be a valid integer",
        ),
        (
            "userName",
            "5",
            "string_type",
            json!(["body", "userName"]),
            "Input should be a valid string",
        ),
        (
            "userName",
            "null",
            "string_type",
            json!(["body", "userName"]),
            "Input should be a valid string",
        ),
        (
            "tags",
            r#""abc""#,
            "list_type",
            json!(["body", "tags"]),
            "Input should be a valid list",
        ),
        (
            "tags",
            r#"["a", 5]"#,
            "string_type",
            json!(["body", "tags", 1]),
            "Input should be a valid string",
        ),
        (
            "address",
            r#""x""#,
            "model_attributes_type",
            json!(["body", "address"]),
            "Input should be a valid dictionary or object to extract fields from",
        ),
        (
            "address",
            "[1]",
            "model_attributes_type",
            json!(["body", "address"]),
            "Input should be a valid dictionary or object to extract fields from",
        ),
        (
            "address",
            "[]",
            "model_attributes_type",
            json!(["body", "address"]),
            "Input should be a valid dictionary or object to extract fields from",
        ),
    ];
    for (key, value, kind, loc, msg) in cases {
        assert_eq!(
            body::<Signup>(&with(key, Some(value))),
            one(kind, loc, msg),
            "{key}: {value}"
        );
    }
}

#[test]
fn a_non_object_body_is_model_attributes_type() {
    for input in ["[1, 2]", r#""x""#, "null", "5", "[]", "true"] {
        assert_eq!(
            body::<Signup>(input),
            one(
                "model_attributes_type",
                json!(["body"]),
                "Input should be a valid dictionary or object to extract fields from"
            ),
            "{input}"
        );
    }
}

#[test]
fn scalar_and_container_types() {
    let base = json!({"on": true, "ratio": 1, "n": 1, "items": [], "m": {}});
    let cases = [
        (
            "on",
            json!("maybe"),
            "bool_parsing",
            "Input should be a valid boolean, unable to interpret input",
        ),
        (
            "on",
            json!(2),
            "bool_parsing",
            "Input should be a valid boolean, unable to interpret input",
        ),
        (
            "on",
            json!(null),
            "bool_type",
            "Input should be a valid boolean",
        ),
        (
            "on",
            json!([]),
            "bool_type",
            "Input should be a valid boolean",
        ),
        (
            "ratio",
            json!("x"),
            "float_parsing",
            "Input should be a valid number, unable to parse string as a number",
        ),
        (
            "ratio",
            json!([]),
            "float_type",
            "Input should be a valid number",
        ),
        (
            "n",
            json!(null),
            "int_type",
            "Input should be a valid integer",
        ),
        (
            "n",
            json!({}),
            "int_type",
            "Input should be a valid integer",
        ),
        (
            "items",
            json!({}),
            "list_type",
            "Input should be a valid list",
        ),
        (
            "m",
            json!([]),
            "dict_type",
            "Input should be a valid dictionary",
        ),
    ];
    for (key, value, kind, msg) in cases {
        let mut input = base.clone();
        input[key] = value.clone();
        assert_eq!(
            body::<Flags>(&input.to_string()),
            one(kind, json!(["body", key]), msg),
            "{key}: {value}"
        );
    }
    let mut input = base;
    input["m"] = json!({"k": "v"});
    assert_eq!(
        body::<Flags>(&input.to_string()),
        one(
            "int_parsing",
            json!(["body", "m", "k"]),
            "Input should be a valid integer, unable to parse string as an integer"
        )
    );
}

#[test]
fn enums_and_unknown_fields() {
    let expected = json!([{"type": "enum", "loc": ["body", "c"],
        "msg": "Input should be 'red', 'green' or 'blue'",
        "ctx": {"expected": "'red', 'green' or 'blue'"}}]);
    assert_eq!(body::<Strict>(r#"{"x": "a", "c": "pink"}"#), expected);
    // serde_json calls a number where a unit enum belongs a syntax error.
    assert_eq!(body::<Strict>(r#"{"x": "a", "c": 5}"#), expected);
    assert_eq!(
        body::<Strict>(r#"{"x": "a", "zz`, expected `x` or `c": 1}"#),
        one(
            "extra_forbidden",
            json!(["body", "zz`, expected `x` or `c"]),
            "Extra inputs are not permitted"
        )
    );
}

#[test]
fn integers_out_of_the_rust_range_report_its_bounds() {
    assert_eq!(
        body::<Signup>(&with("age", Some("-1"))),
        json!([{"type": "greater_than_equal", "loc": ["body", "age"],
                "msg": "Input should be greater than or equal to 0", "ctx": {"ge": 0}}])
    );
    assert_eq!(
        body::<Signup>(&with("age", Some("99999999999"))),
        json!([{"type": "less_than_equal", "loc": ["body", "age"],
                "msg": "Input should be less than or equal to 4294967295",
                "ctx": {"le": 4294967295u64}}])
    );
}

#[test]
fn duplicates_and_bad_utf8() {
    assert_eq!(
        body::<Signup>(r#"{"userName": "a", "userName": "b"}"#),
        json!([{"type": "value_error", "loc": ["body", "userName"],
                "msg": "Value error, duplicate field", "ctx": {"error": "duplicate field"}}])
    );
    assert_eq!(
        placed(
            "body",
            from_json::<Signup>(b"{\"userName\": \"\xff\"}").unwrap_err()
        ),
        json!([{"type": "json_invalid", "loc": ["body", 14], "msg": "JSON decode error",
                "ctx": {"error": "Invalid UTF-8"}}])
    );
}

#[test]
fn never_the_input() {
    let secret = "hunter2-SECRET";
    let inputs = [
        format!(r#"{{"age": "{secret}"}}"#),
        with("age", Some(&format!("\"{secret}\""))),
        with("tags", Some(&format!("\"{secret}\""))),
        with("address", Some(&format!("[\"{secret}\"]"))),
        format!(r#"{{"{secret}": 1}}"#),
        format!(r#"{{"userName": "{secret}", "userName": 1}}"#),
        format!(r#"{{"userName": "{secret}"#),
        format!(r#"["{secret}"]"#),
    ];
    for input in &inputs {
        let text = body::<Signup>(input).to_string();
        assert!(!text.contains("hunter2"), "{input} -> {text}");
    }
    let text = body::<Strict>(&format!(r#"{{"x": "a", "c": "{secret}"}}"#)).to_string();
    assert!(!text.contains("hunter2"), "{text}");
    for input in [
        format!("q=ab&limit={secret}"),
        format!("q=ab&limit=5&b={secret}"),
        format!("q=ab&limit=5&f={secret}"),
    ] {
        let text = query::<Search>(&input).to_string();
        assert!(!text.contains("hunter2"), "{input} -> {text}");
    }
}

#[test]
fn query_strings() {
    let int_parsing = "Input should be a valid integer, unable to parse string as an integer";
    for input in ["q=ab&limit=abc", "q=ab&limit=", "q=ab&limit=1.5"] {
        assert_eq!(
            query::<Search>(input),
            one("int_parsing", json!(["query", "limit"]), int_parsing),
            "{input}"
        );
    }
    assert_eq!(
        query::<Search>("limit=5"),
        one("missing", json!(["query", "q"]), "Field required")
    );
    assert_eq!(
        query::<Search>(""),
        one("missing", json!(["query", "q"]), "Field required")
    );
    assert_eq!(
        query::<Search>("q=ab&limit=5&b=maybe"),
        one(
            "bool_parsing",
            json!(["query", "b"]),
            "Input should be a valid boolean, unable to interpret input"
        )
    );
    assert_eq!(
        query::<Search>("q=ab&limit=5&f=x"),
        one(
            "float_parsing",
            json!(["query", "f"]),
            "Input should be a valid number, unable to parse string as a number"
        )
    );
    assert_eq!(
        query::<Search>("q=ab&limit=99999999999"),
        json!([{"type": "less_than_equal", "loc": ["query", "limit"],
                "msg": "Input should be less than or equal to 4294967295",
                "ctx": {"le": 4294967295u64}}])
    );
    assert_eq!(
        query::<Search>("q=ab&limit=5&n=-300"),
        json!([{"type": "greater_than_equal", "loc": ["query", "n"],
                "msg": "Input should be greater than or equal to -128", "ctx": {"ge": -128}}])
    );
    let ok: Search = from_urlencoded(b"q=ab&limit=5&tags=a&tags=b&f=").unwrap();
    assert_eq!(ok.tags, Some(vec!["a".to_owned(), "b".to_owned()]));
    assert_eq!(ok.f, None);
}
