//! `GET /search?q=..&limit=..` of the example server over real HTTP: the
//! query string's validation and parsing errors, located under `"query"`.

mod http_support;

use http_support::Server;
use serde_json::json;

#[tokio::test]
async fn valid_query() {
    let server = Server::start().await;
    let reply = server.get("/search?q=rust%20lang&limit=10").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json(), json!({"q": "rust lang", "limit": 10}));
}

#[tokio::test]
async fn invalid_values_are_all_reported() {
    let server = Server::start().await;
    let reply = server.get("/search?q=r&limit=0").await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(
        reply.json(),
        json!({"detail": [
            {"type": "string_too_short", "loc": ["query", "q"],
             "msg": "String should have at least 2 characters", "ctx": {"min_length": 2}},
            {"type": "greater_than_equal", "loc": ["query", "limit"],
             "msg": "Input should be greater than or equal to 1", "ctx": {"ge": 1}}
        ]})
    );
    let long = "a".repeat(101);
    let reply = server.get(&format!("/search?q={long}&limit=101")).await;
    assert_eq!(
        reply.json(),
        json!({"detail": [
            {"type": "string_too_long", "loc": ["query", "q"],
             "msg": "String should have at most 100 characters", "ctx": {"max_length": 100}},
            {"type": "less_than_equal", "loc": ["query", "limit"],
             "msg": "Input should be less than or equal to 100", "ctx": {"le": 100}}
        ]})
    );
}

#[tokio::test]
async fn unparsable_and_missing_parameters() {
    let server = Server::start().await;
    let int_parsing = json!({"detail": [{"type": "int_parsing", "loc": ["query", "limit"],
        "msg": "Input should be a valid integer, unable to parse string as an integer"}]});
    for query in ["q=rust&limit=ten", "q=rust&limit=", "q=rust&limit=1.5"] {
        let reply = server.get(&format!("/search?{query}")).await;
        assert_eq!(reply.status, 422, "{query}");
        assert_eq!(reply.json(), int_parsing, "{query}");
    }
    let reply = server.get("/search?limit=10").await;
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "missing", "loc": ["query", "q"], "msg": "Field required"}]})
    );
    // Every missing parameter, as FastAPI.
    let reply = server.get("/search").await;
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "missing", "loc": ["query", "q"], "msg": "Field required"},
            {"type": "missing", "loc": ["query", "limit"], "msg": "Field required"}]})
    );
    // Past `u32` and past the field's `range`: the range's bound, as
    // FastAPI (the model says 100; the Rust type is an implementation).
    let reply = server.get("/search?q=rust&limit=99999999999").await;
    assert_eq!(
        reply.json(),
        json!({"detail": [{"type": "less_than_equal", "loc": ["query", "limit"],
            "msg": "Input should be less than or equal to 100", "ctx": {"le": 100}}]})
    );
}

#[tokio::test]
async fn query_values_never_come_back() {
    let server = Server::start().await;
    for query in [
        "q=x&limit=hunter2",
        "q=hunter2&limit=-1",
        // A repeated key: the last value is the one read, as in FastAPI.
        "q=hunter2&q=a&limit=5",
    ] {
        let reply = server.get(&format!("/search?{query}")).await;
        assert_eq!(reply.status, 422, "{query}: {}", reply.text);
        assert!(!reply.text.contains("hunter2"), "{query}: {}", reply.text);
    }
}
