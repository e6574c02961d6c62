//! Rule newtypes behind the axum extractors: a request typed with newtypes
//! answers a rejected value with the newtype's own errors at the field's
//! loc (under `body` / `query`), exactly as the same rules written on the
//! field do.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::Request;
use serde::Deserialize;
use serde_json::{Value, json};
use tests::shared_rules::{Tag, Username, Zip};
use validate_core::Validate;
use validate_core::axum::{ValidForm, ValidJson, ValidQuery, ValidRejection};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Typed {
    user_name: Username,
    tags: Vec<Tag>,
    zips: BTreeMap<String, Zip>,
    #[validate(range(min = 13))]
    age: u32,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Inline {
    #[validate(
        sanitize(trim, nfkc),
        length(min = 3, max = 32),
        charset(ascii_alphanumeric, "_")
    )]
    user_name: String,
    #[validate(each(
        sanitize(trim),
        length(min = 1, max = 20, message = "Tags have 1 to 20 characters")
    ))]
    tags: Vec<String>,
    #[validate(values(pattern("^[0-9]{5}$")))]
    zips: BTreeMap<String, String>,
    #[validate(range(min = 13))]
    age: u32,
}

fn errors_json(rejection: ValidRejection) -> Value {
    serde_json::to_value(rejection.errors().expect("a 422")).expect("serializes")
}

async fn json_body<T>(body: &Value) -> Result<T, Value>
where
    T: validate_core::decode::Decode + Validate<Context = ()> + Send,
{
    let request = Request::builder()
        .method("POST")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("a request");
    ValidJson::<T>::from_request(request, &())
        .await
        .map(ValidJson::into_inner)
        .map_err(errors_json)
}

fn body(changes: &[(&str, Value)]) -> Value {
    let mut body = json!({
        "userName": " alice ",
        "tags": ["rust"],
        "zips": {"home": "75001"},
        "age": 30
    });
    for (key, value) in changes {
        body[*key] = value.clone();
    }
    body
}

#[tokio::test]
async fn json_bodies_answer_like_the_inline_rules() {
    let ok: Typed = json_body(&body(&[])).await.expect("valid");
    assert_eq!(ok.user_name.as_str(), "alice");
    assert_eq!(ok.tags.len(), 1);
    assert_eq!(ok.zips["home"].as_str(), "75001");
    let cases = [
        ("userName", json!("a")),
        ("userName", json!("no spaces")),
        ("tags", json!(["ok", " "])),
        ("zips", json!({"home": "75001", "work": "lyon"})),
        ("age", json!(7)),
    ];
    for (key, value) in cases {
        let input = body(&[(key, value)]);
        let typed = json_body::<Typed>(&input).await.expect_err("invalid");
        let inline = json_body::<Inline>(&input).await.expect_err("invalid");
        assert_eq!(typed, inline, "{input}");
    }
    assert_eq!(
        json_body::<Typed>(&body(&[("tags", json!(["ok", ""]))]))
            .await
            .expect_err("invalid"),
        json!([{
            "type": "string_too_short",
            "loc": ["body", "tags", 1],
            "msg": "Tags have 1 to 20 characters",
            "ctx": {"min_length": 1}
        }])
    );
}

#[derive(Debug, Deserialize, Validate)]
struct Search {
    user: Username,
    #[validate(range(max = 50))]
    limit: u32,
}

#[tokio::test]
async fn queries_and_forms_too() {
    let request = Request::builder()
        .uri("/search?user=x&limit=5")
        .body(Body::empty())
        .expect("a request");
    let (mut parts, _) = request.into_parts();
    let rejection = ValidQuery::<Search>::from_request_parts(&mut parts, &())
        .await
        .expect_err("short user");
    assert_eq!(
        errors_json(rejection),
        json!([{
            "type": "string_too_short",
            "loc": ["query", "user"],
            "msg": "String should have at least 3 characters",
            "ctx": {"min_length": 3}
        }])
    );
    let request = Request::builder()
        .method("POST")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("user=+bob+&limit=5"))
        .expect("a request");
    let form = ValidForm::<Search>::from_request(request, &())
        .await
        .expect("valid");
    assert_eq!(form.user.as_str(), "bob");
    assert_eq!(form.limit, 5);
}
