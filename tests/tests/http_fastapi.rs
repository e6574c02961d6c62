//! The example server's 422 bodies against FastAPI's for the same model and
//! input: each `detail` list below is what FastAPI 0.165.0 (Pydantic 2.14.4)
//! answered, measured, with `input` (and `url`) removed.
//!
//! The FastAPI app measured:
//!
//! ```python
//! class Address(BaseModel):
//!     street: str = Field(min_length=1, max_length=100)
//!     city: str = Field(min_length=1, max_length=50)
//!     zip: str = Field(pattern=r"^[0-9]{5}$")
//!
//! class SignupRequest(BaseModel):
//!     model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
//!     user_name: Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True,
//!         min_length=3, max_length=32, pattern=r"^[a-zA-Z0-9_]+$")]
//!     email: Annotated[str, StringConstraints(strip_whitespace=True)]
//!     password: str = Field(min_length=12, max_length=128)
//!     age: int = Field(ge=13, le=130)
//!     website: Optional[str] = None
//!     tags: list[Annotated[str, Field(min_length=1, max_length=20)]] = Field(max_length=10)
//!     address: Address
//!
//! @app.post("/signup")
//! def signup(req: SignupRequest): ...
//!
//! @app.get("/search")
//! def search(q: Annotated[str, Query(min_length=2, max_length=100)],
//!            limit: Annotated[int, Query(ge=1, le=100)]): ...
//! ```

mod http_support;

use http_support::{Server, signup_with};
use serde_json::{Value, json};

async fn signup_detail(server: &Server, changes: &[(&str, Option<&str>)]) -> Value {
    let reply = server.post_json("/signup", &signup_with(changes)).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    reply.json()["detail"].clone()
}

#[tokio::test]
async fn string_too_short_and_too_long() {
    let server = Server::start().await;
    assert_eq!(
        signup_detail(&server, &[("userName", Some(r#""ab""#))]).await,
        json!([{"type": "string_too_short", "loc": ["body", "userName"],
                "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}}])
    );
    let long = format!("\"{}\"", "a".repeat(33));
    assert_eq!(
        signup_detail(&server, &[("userName", Some(&long))]).await,
        json!([{"type": "string_too_long", "loc": ["body", "userName"],
                "msg": "String should have at most 32 characters", "ctx": {"max_length": 32}}])
    );
}

#[tokio::test]
async fn pattern() {
    let server = Server::start().await;
    assert_eq!(
        signup_detail(&server, &[("userName", Some(r#""al ice""#))]).await,
        json!([{"type": "string_pattern_mismatch", "loc": ["body", "userName"],
                "msg": "String should match pattern '^[a-zA-Z0-9_]+$'",
                "ctx": {"pattern": "^[a-zA-Z0-9_]+$"}}])
    );
}

#[tokio::test]
async fn ge_and_le() {
    let server = Server::start().await;
    assert_eq!(
        signup_detail(&server, &[("age", Some("12"))]).await,
        json!([{"type": "greater_than_equal", "loc": ["body", "age"],
                "msg": "Input should be greater than or equal to 13", "ctx": {"ge": 13}}])
    );
    assert_eq!(
        signup_detail(&server, &[("age", Some("131"))]).await,
        json!([{"type": "less_than_equal", "loc": ["body", "age"],
                "msg": "Input should be less than or equal to 130", "ctx": {"le": 130}}])
    );
}

#[tokio::test]
async fn list_too_long() {
    let server = Server::start().await;
    let tags = serde_json::to_string(&["a"; 11]).unwrap();
    assert_eq!(
        signup_detail(&server, &[("tags", Some(&tags))]).await,
        json!([{"type": "too_long", "loc": ["body", "tags"],
                "msg": "List should have at most 10 items after validation, not 11",
                "ctx": {"field_type": "List", "max_length": 10, "actual_length": 11}}])
    );
}

#[tokio::test]
async fn missing_field() {
    let server = Server::start().await;
    assert_eq!(
        signup_detail(&server, &[("password", None)]).await,
        json!([{"type": "missing", "loc": ["body", "password"], "msg": "Field required"}])
    );
}

#[tokio::test]
async fn nested_field() {
    let server = Server::start().await;
    let address = r#"{"street": "x", "city": "P", "zip": "123"}"#;
    assert_eq!(
        signup_detail(&server, &[("address", Some(address))]).await,
        json!([{"type": "string_pattern_mismatch", "loc": ["body", "address", "zip"],
                "msg": "String should match pattern '^[0-9]{5}$'",
                "ctx": {"pattern": "^[0-9]{5}$"}}])
    );
}

#[tokio::test]
async fn list_item_field() {
    let server = Server::start().await;
    let tags = format!(r#"["a", "", "{}"]"#, "b".repeat(21));
    assert_eq!(
        signup_detail(&server, &[("tags", Some(&tags))]).await,
        json!([
            {"type": "string_too_short", "loc": ["body", "tags", 1],
             "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "string_too_long", "loc": ["body", "tags", 2],
             "msg": "String should have at most 20 characters", "ctx": {"max_length": 20}}
        ])
    );
}

#[tokio::test]
async fn several_fields_in_order() {
    let server = Server::start().await;
    let tags = serde_json::to_string(&["x"; 11]).unwrap();
    let changes = [
        ("userName", Some(r#""ab""#)),
        ("password", Some(r#""short""#)),
        ("age", Some("5")),
        ("tags", Some(tags.as_str())),
    ];
    assert_eq!(
        signup_detail(&server, &changes).await,
        json!([
            {"type": "string_too_short", "loc": ["body", "userName"],
             "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}},
            {"type": "string_too_short", "loc": ["body", "password"],
             "msg": "String should have at least 12 characters", "ctx": {"min_length": 12}},
            {"type": "greater_than_equal", "loc": ["body", "age"],
             "msg": "Input should be greater than or equal to 13", "ctx": {"ge": 13}},
            {"type": "too_long", "loc": ["body", "tags"],
             "msg": "List should have at most 10 items after validation, not 11",
             "ctx": {"field_type": "List", "max_length": 10, "actual_length": 11}}
        ])
    );
}

#[tokio::test]
async fn deserialization_errors() {
    let server = Server::start().await;
    let cases = [
        (
            ("age", r#""abc""#),
            json!([{"type": "int_parsing", "loc": ["body", "age"],
                    "msg": "Input should be a valid integer, unable to parse string as an integer"}]),
        ),
        (
            ("age", "1.5"),
            json!([{"type": "int_from_float", "loc": ["body", "age"],
                    "msg": "Input should be a valid integer, got a number with a fractional part"}]),
        ),
        (
            ("age", "[1]"),
            json!([{"type": "int_type", "loc": ["body", "age"],
                    "msg": "Input should be a valid integer"}]),
        ),
        (
            ("userName", "5"),
            json!([{"type": "string_type", "loc": ["body", "userName"],
                    "msg": "Input should be a valid string"}]),
        ),
        (
            ("tags", r#""abc""#),
            json!([{"type": "list_type", "loc": ["body", "tags"],
                    "msg": "Input should be a valid list"}]),
        ),
        (
            ("address", "[1]"),
            json!([{"type": "model_attributes_type", "loc": ["body", "address"],
                    "msg": "Input should be a valid dictionary or object to extract fields from"}]),
        ),
    ];
    for ((key, value), detail) in cases {
        assert_eq!(
            signup_detail(&server, &[(key, Some(value))]).await,
            detail,
            "{key}: {value}"
        );
    }
    for (body, pos, error) in [
        (r#"{"userName" "x"}"#, 12, "Expecting ':' delimiter"),
        (r#"{"a": 1} x"#, 9, "Extra data"),
        (
            "{'a': 1}",
            1,
            "Expecting property name enclosed in double quotes",
        ),
        (
            "{\"a\": \"\u{e9}\u{e9}\" ,,}",
            12,
            "Expecting property name enclosed in double quotes",
        ),
        ("  ", 2, "Expecting value"),
    ] {
        let reply = server.post_json("/signup", body).await;
        assert_eq!(
            reply.json(),
            json!({"detail": [{"type": "json_invalid", "loc": ["body", pos],
                               "msg": "JSON decode error", "ctx": {"error": error}}]}),
            "{body}"
        );
    }
    for body in ["[1, 2]", r#""x""#, "null", "5"] {
        let reply = server.post_json("/signup", body).await;
        assert_eq!(
            reply.json(),
            json!({"detail": [{"type": "model_attributes_type", "loc": ["body"],
                "msg": "Input should be a valid dictionary or object to extract fields from"}]}),
            "{body}"
        );
    }
}

#[tokio::test]
async fn query_string() {
    let server = Server::start().await;
    let cases = [
        (
            "q=r&limit=0",
            json!([
                {"type": "string_too_short", "loc": ["query", "q"],
                 "msg": "String should have at least 2 characters", "ctx": {"min_length": 2}},
                {"type": "greater_than_equal", "loc": ["query", "limit"],
                 "msg": "Input should be greater than or equal to 1", "ctx": {"ge": 1}}
            ]),
        ),
        (
            "limit=10",
            json!([{"type": "missing", "loc": ["query", "q"], "msg": "Field required"}]),
        ),
        (
            "q=rust&limit=abc",
            json!([{"type": "int_parsing", "loc": ["query", "limit"],
                    "msg": "Input should be a valid integer, unable to parse string as an integer"}]),
        ),
        (
            "q=rust&limit=101",
            json!([{"type": "less_than_equal", "loc": ["query", "limit"],
                    "msg": "Input should be less than or equal to 100", "ctx": {"le": 100}}]),
        ),
        (
            "q=&limit=5",
            json!([{"type": "string_too_short", "loc": ["query", "q"],
                    "msg": "String should have at least 2 characters", "ctx": {"min_length": 2}}]),
        ),
    ];
    for (query, detail) in cases {
        let reply = server.get(&format!("/search?{query}")).await;
        assert_eq!(reply.status, 422, "{query}");
        assert_eq!(reply.json()["detail"], detail, "{query}");
    }
}
