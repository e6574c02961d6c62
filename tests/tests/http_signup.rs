//! `POST /signup` of the example server over real HTTP: status codes and
//! exact JSON bodies for valid input, validation errors, deserialization
//! errors and a wrong content type; the password never comes back.

mod http_support;

use http_support::{Server, VALID_SIGNUP, signup_with};
use serde_json::json;

#[tokio::test]
async fn valid_body_answers_the_sanitized_value() {
    let server = Server::start().await;
    let reply = server.post_json("/signup", VALID_SIGNUP).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(
        reply.json(),
        json!({"userName": "alice_1", "email": "a@example.com"})
    );
}

#[tokio::test]
async fn several_invalid_fields_are_all_reported_in_order() {
    let server = Server::start().await;
    let body = signup_with(&[
        ("userName", Some(r#""ab""#)),
        ("password", Some(r#""short""#)),
        ("age", Some("5")),
        ("tags", Some(r#"["a", "", "b"]"#)),
        (
            "address",
            Some(r#"{"street": "", "city": "Paris", "zip": "7500"}"#),
        ),
    ]);
    let reply = server.post_json("/signup", &body).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(
        reply.json(),
        json!({"detail": [
            {"type": "string_too_short", "loc": ["body", "userName"],
             "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}},
            {"type": "string_too_short", "loc": ["body", "password"],
             "msg": "String should have at least 12 characters", "ctx": {"min_length": 12}},
            {"type": "greater_than_equal", "loc": ["body", "age"],
             "msg": "Input should be greater than or equal to 13", "ctx": {"ge": 13}},
            {"type": "string_too_short", "loc": ["body", "tags", 1],
             "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "string_too_short", "loc": ["body", "address", "street"],
             "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "string_pattern_mismatch", "loc": ["body", "address", "zip"],
             "msg": "String should match pattern '^[0-9]{5}$'", "ctx": {"pattern": "^[0-9]{5}$"}}
        ]})
    );
}

#[tokio::test]
async fn missing_field() {
    let server = Server::start().await;
    let reply = server
        .post_json("/signup", &signup_with(&[("age", None)]))
        .await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "missing", "loc": ["body", "age"], "msg": "Field required"}]})
    );
}

#[tokio::test]
async fn empty_body_is_missing_body() {
    let server = Server::start().await;
    let reply = server.post_json("/signup", "").await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "missing", "loc": ["body"], "msg": "Field required"}]})
    );
}

#[tokio::test]
async fn malformed_json() {
    let server = Server::start().await;
    let reply = server.post_json("/signup", r#"{"userName": "x","#).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.content_type, "application/json");
    // FastAPI's body for the same bytes, minus `input`.
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "json_invalid", "loc": ["body", 17], "msg": "JSON decode error",
                           "ctx": {"error": "Expecting property name enclosed in double quotes"}}]})
    );
}

#[tokio::test]
async fn wrong_types() {
    let server = Server::start().await;
    let cases = [
        (
            ("age", r#""thirty""#),
            json!({"type": "int_parsing", "loc": ["body", "age"],
                   "msg": "Input should be a valid integer, unable to parse string as an integer"}),
        ),
        (
            ("userName", "42"),
            json!({"type": "string_type", "loc": ["body", "userName"],
                   "msg": "Input should be a valid string"}),
        ),
        (
            ("tags", r#"["ok", 7]"#),
            json!({"type": "string_type", "loc": ["body", "tags", 1],
                   "msg": "Input should be a valid string"}),
        ),
        (
            ("address", r#""1 Main St, Paris""#),
            json!({"type": "model_attributes_type", "loc": ["body", "address"],
                   "msg": "Input should be a valid dictionary or object to extract fields from"}),
        ),
    ];
    for ((key, value), error) in cases {
        let reply = server
            .post_json("/signup", &signup_with(&[(key, Some(value))]))
            .await;
        assert_eq!(reply.status, 422, "{key}");
        assert_eq!(reply.json(), json!({ "detail": [error] }), "{key}");
    }
    let reply = server.post_json("/signup", "[1, 2]").await;
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "model_attributes_type", "loc": ["body"],
            "msg": "Input should be a valid dictionary or object to extract fields from"}]})
    );
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let server = Server::start().await;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let reply = server.post("/signup", content_type, VALID_SIGNUP).await;
        assert_eq!(reply.status, 415, "{content_type:?}");
        assert_eq!(reply.content_type, "application/json");
        assert_eq!(
            reply.json(),
            json!({"detail": "Expected request with `Content-Type: application/json`"})
        );
    }
}

#[tokio::test]
async fn the_password_never_comes_back() {
    let server = Server::start().await;
    let password = "Tr0ub4dor&3-hunter2";
    let bodies = [
        // Too long, beside another error.
        signup_with(&[
            ("password", Some(&format!("\"{}\"", password.repeat(8)))),
            ("age", Some("200")),
        ]),
        // Of the wrong type.
        signup_with(&[("password", Some(&format!("[\"{password}\"]")))]),
        // Where a number belongs.
        signup_with(&[("age", Some(&format!("\"{password}\"")))]),
        // In a body that is not JSON.
        format!(r#"{{"password": "{password}", "#),
        // As a key.
        format!(r#"{{"{password}": 1}}"#),
    ];
    for body in &bodies {
        let reply = server.post_json("/signup", body).await;
        assert_eq!(reply.status, 422, "{}", reply.text);
        assert!(
            !reply.text.contains("hunter2"),
            "body leaks: {}",
            reply.text
        );
        assert!(
            !reply.headers.contains("hunter2"),
            "headers leak: {}",
            reply.headers
        );
    }
}
