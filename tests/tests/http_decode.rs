//! Every error at once over HTTP: path, query and body errors in one 422
//! (`PUT /users/{id}`), a path parameter of the wrong type (never axum's
//! plain-text 400), a query with several bad parameters, and an order
//! body with errors at every level. The expected bodies are FastAPI's for
//! the same models (path first, then query, then body).

mod http_support;

use http_support::Server;
use serde_json::json;

#[tokio::test]
async fn path_query_and_body_errors_come_together() {
    let server = Server::start().await;
    let reply = server
        .put_json("/users/abc?notify=maybe", r#"{"userName": "a"}"#)
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(
        reply.json(),
        json!({"detail": [
            {"type": "int_parsing", "loc": ["path", "id"],
             "msg": "Input should be a valid integer, unable to parse string as an integer"},
            {"type": "bool_parsing", "loc": ["query", "notify"],
             "msg": "Input should be a valid boolean, unable to interpret input"},
            {"type": "string_too_short", "loc": ["body", "userName"],
             "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}}
        ]})
    );
    assert!(
        !reply.text.contains("abc") && !reply.text.contains("maybe"),
        "{}",
        reply.text
    );
}

#[tokio::test]
async fn a_path_parameter_is_checked_like_a_field() {
    let server = Server::start().await;
    let reply = server
        .put_json("/users/0", r#"{"userName": "alice"}"#)
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "greater_than_equal", "loc": ["path", "id"],
            "msg": "Input should be greater than or equal to 1", "ctx": {"ge": 1}}]})
    );
    let reply = server
        .put_json("/users/18446744073709551616", r#"{"userName": "alice"}"#)
        .await;
    assert_eq!(reply.json()["detail"][0]["type"], "less_than_equal");
    let reply = server
        .put_json("/users/7?notify=yes", r#"{"userName": " alice "}"#)
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        reply.json(),
        json!({"id": 7, "notify": true, "userName": "alice"})
    );
}

#[tokio::test]
async fn a_query_reports_every_bad_parameter() {
    let server = Server::start().await;
    let reply = server.get("/search?q=r&limit=x").await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(
        reply.json(),
        json!({"detail": [
            {"type": "string_too_short", "loc": ["query", "q"],
             "msg": "String should have at least 2 characters", "ctx": {"min_length": 2}},
            {"type": "int_parsing", "loc": ["query", "limit"],
             "msg": "Input should be a valid integer, unable to parse string as an integer"}
        ]})
    );
    // A repeated key: the last value wins for a single value, as FastAPI.
    let reply = server.get("/search?q=rust&limit=500&limit=5").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json()["limit"], 5);
}

#[tokio::test]
async fn an_order_reports_every_level() {
    let server = Server::start().await;
    let body = r#"{"customerId": "bad id", "items": [{"sku": "ABC-1234", "quantity": "2", "unitPrice": 1}, 5],
        "shipping": "overnight", "address": {"street": "x", "city": "y"}, "notes": {"": "x"}, "extra": 1}"#;
    let reply = server.post_json("/orders", body).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    let detail = reply.json()["detail"].clone();
    let kinds: Vec<(String, String)> = detail
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap_or_default().to_owned(),
                e["loc"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("string_charset", r#"["body","customerId"]"#),
            ("model_attributes_type", r#"["body","items",1]"#),
            ("literal_error", r#"["body","shipping"]"#),
            ("missing", r#"["body","address","zip"]"#),
            ("string_too_short", r#"["body","notes","","[key]"]"#),
            ("extra_forbidden", r#"["body","extra"]"#),
        ]
        .map(|(k, l)| (k.to_owned(), l.to_owned()))
    );
    let valid = r#"{"customerId": "c-1", "items": [{"sku": "ABC-1234", "quantity": "2", "unitPrice": 1}],
        "shipping": "express", "address": {"street": "x", "city": "y", "zip": "12345"}, "notes": {}}"#;
    let reply = server.post_json("/orders", valid).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json(), json!({"items": 1}));
}

#[tokio::test]
async fn the_readme_order_gets_every_error() {
    let server = Server::start().await;
    let body = r#"{"customerId": "c 1", "items": [{"sku": "abc", "quantity": 0, "unitPrice": "9.5"}, 7], "shipping": "overnight", "address": {"street": "1 Main St", "city": "Paris"}, "notes": {}, "gift": true}"#;
    let reply = server.post_json("/orders", body).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    let locs: Vec<String> = reply.json()["detail"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| format!("{} {}", e["type"].as_str().unwrap_or_default(), e["loc"]))
        .collect();
    assert_eq!(
        locs,
        [
            r#"string_charset ["body","customerId"]"#,
            r#"string_pattern_mismatch ["body","items",0,"sku"]"#,
            r#"greater_than_equal ["body","items",0,"quantity"]"#,
            r#"model_attributes_type ["body","items",1]"#,
            r#"literal_error ["body","shipping"]"#,
            r#"missing ["body","address","zip"]"#,
            r#"extra_forbidden ["body","gift"]"#,
        ]
    );
}
