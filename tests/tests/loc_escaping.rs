//! Every text that came from the input — map keys, unknown field names,
//! enum variants read by serde — is escaped in `Display`, on every path
//! that builds a loc (the derive, `de::deserialize_valid`, the axum
//! extractors): no key forges a line, a terminal colour or a path.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::FromRequest;
use axum::http::Request;
use serde::Deserialize;
use tests::shared_rules::Zip;
use validate_core::axum::ValidJson;
use validate_core::{Validate, de};

/// What a forged key tries: close the key, add a path, break the line,
/// colour the terminal, then write a fake second error.
const EVIL: &str = "a\"].admin\n\u{1b}[31mpassword: X";

/// The characters a log viewer or terminal treats as a line break or a
/// reordering: none may reach `Display` raw.
const BREAKERS: &[char] = &[
    '\n', '\r', '\u{b}', '\u{c}', '\u{1b}', '\u{85}', '\u{2028}', '\u{2029}', '\u{200e}',
    '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
    '\u{2068}', '\u{2069}', '\u{61c}',
];

fn assert_clean(text: &str) {
    for c in BREAKERS {
        assert!(!text.contains(*c), "{c:?} reached Display raw: {text:?}");
    }
    // An escaped quote (`\"`) is data; an unescaped one would close the key.
    let unescaped = text.replace("\\\"", "");
    assert!(
        !unescaped.contains("\"].admin"),
        "a key forged a path: {text:?}"
    );
}

// Read only through their errors: the tests never get a value back.
#[allow(dead_code)]
#[derive(Debug, Deserialize, Validate)]
struct Scores {
    scores: BTreeMap<String, Zip>,
}

#[test]
fn a_rejected_newtype_under_a_hostile_key_is_escaped() {
    let body = serde_json::json!({ "scores": { EVIL: "x" } }).to_string();
    let mut input = serde_json::Deserializer::from_str(&body);
    let err = de::deserialize_valid::<Scores, _>(&mut input).unwrap_err();
    let text = err.to_string();
    assert_clean(&text);
    assert_eq!(
        text,
        r#"scores["a\"].admin\u{a}\u{1b}[31mpassword: X"]: String should match pattern '^[0-9]{5}$'"#
    );
}

#[test]
fn every_breaker_in_a_key_is_escaped() {
    for c in BREAKERS {
        let key = format!("k{c}x");
        let body = serde_json::json!({ "scores": { key: "x" } }).to_string();
        let mut input = serde_json::Deserializer::from_str(&body);
        let text = de::deserialize_valid::<Scores, _>(&mut input)
            .unwrap_err()
            .to_string();
        assert_clean(&text);
        let escaped = format!("\\u{{{:x}}}", *c as u32);
        assert!(text.contains(&escaped), "{c:?} not escaped: {text:?}");
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Strict {
    #[validate(length(min = 1))]
    name: String,
}

#[test]
fn an_unknown_field_name_is_escaped_on_the_serde_path() {
    let body = serde_json::json!({ "name": "n", EVIL: 1, "\u{2028}x": 2 }).to_string();
    let mut input = serde_json::Deserializer::from_str(&body);
    let text = de::deserialize_valid::<Strict, _>(&mut input)
        .unwrap_err()
        .to_string();
    assert_clean(&text);
}

#[tokio::test]
async fn an_unknown_field_name_is_escaped_by_the_axum_extractor() {
    let body = serde_json::json!({ "name": "n", EVIL: 1 }).to_string();
    let request = Request::builder()
        .method("POST")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .expect("a request");
    let rejection = ValidJson::<Strict>::from_request(request, &())
        .await
        .expect_err("an unknown field");
    let errors = rejection.errors().expect("a 422");
    let text = errors.to_string();
    assert_clean(&text);
    assert_eq!(errors.len(), 1, "{text}");
    assert!(text.starts_with("body[\"a\\\"].admin\\u{a}"), "{text}");
    // The JSON keeps the key as it was sent: it is data, not a line.
    let json = serde_json::to_value(errors).expect("serializes");
    assert_eq!(json[0]["loc"][1], EVIL);
}

#[derive(Debug, Deserialize, Validate)]
enum Action {
    Run,
    #[serde(other)]
    Other,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize, Validate)]
struct Job {
    #[validate(skip)]
    action: Action,
    by_name: BTreeMap<String, Zip>,
}

#[test]
fn a_key_beside_an_enum_is_escaped() {
    let body =
        serde_json::json!({ "action": "\u{202e}nuR", "by_name": { "\u{2029}": "1" } }).to_string();
    let mut input = serde_json::Deserializer::from_str(&body);
    let text = de::deserialize_valid::<Job, _>(&mut input)
        .unwrap_err()
        .to_string();
    assert_clean(&text);
    assert!(text.starts_with(r#"by_name["\u{2029}"]"#), "{text}");
}

#[test]
fn the_decoder_writes_a_plain_unknown_name_bare_and_quotes_any_other() {
    let body = serde_json::json!({ "name": "n", "extra": 1, "a.b": 2 }).to_string();
    let text = validate_core::json::from_slice::<Strict>(body.as_bytes())
        .expect_err("unknown fields")
        .to_string();
    // One line per error: the only line breaks are those between errors.
    assert_eq!(
        text,
        "extra: Extra inputs are not permitted\n[\"a.b\"]: Extra inputs are not permitted"
    );
}
