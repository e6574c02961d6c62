//! The extractors on hand-built requests: status, headers and body of the
//! rejection, sanitization before validation, the context from state.

use ::axum::body::{Body, to_bytes};
use ::axum::http::{Request as HttpRequest, StatusCode};
use ::axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{Value, json};

use ::axum::extract::{FromRef, FromRequest, FromRequestParts, Request};

use super::*;
use crate::decode::{Decode, DecodeCx};
use crate::{LocChain, ValidationError, ValidationErrors, rules};

#[derive(Debug, Deserialize)]
struct Signup {
    name: String,
    age: u32,
}

impl Validate for Signup {
    type Context = ();
    fn validate_into(&self, _: &(), loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        if let Err(e) = rules::length(&self.name, 3..=8) {
            errors.push_at(&loc.field("name"), e);
        }
        if let Err(e) = rules::range(&self.age, 13..=130) {
            errors.push_at(&loc.field("age"), e);
        }
    }
    fn sanitize(&mut self) {
        self.name = self.name.trim().to_owned();
    }
}

/// Read through serde: these types implement `Validate` by hand.
macro_rules! decode_via_serde {
    ($($ty:ty)*) => {$(
        impl<C: ?Sized> Decode<C> for $ty {
            fn decode<'de, D: serde::Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                crate::decode::decode_via_serde(de, cx, loc)
            }
        }
    )*};
}

decode_via_serde!(Signup Claim);

/// A type whose rule needs outside data: the names already taken.
#[derive(Debug, Deserialize)]
struct Claim {
    name: String,
}

#[derive(Clone)]
struct Taken(Vec<&'static str>);

#[derive(Clone)]
struct AppState {
    taken: Taken,
}

impl FromRef<AppState> for Taken {
    fn from_ref(state: &AppState) -> Taken {
        state.taken.clone()
    }
}

impl Validate for Claim {
    type Context = Taken;
    fn validate_into(&self, taken: &Taken, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        if taken.0.contains(&self.name.as_str()) {
            errors.push_at(
                &loc.field("name"),
                ValidationError::new("name_taken", "Name is taken"),
            );
        }
    }
}

fn post(content_type: Option<&str>, body: &str) -> Request {
    let mut req = HttpRequest::post("/");
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

fn get(uri: &str) -> Request {
    HttpRequest::get(uri).body(Body::empty()).unwrap()
}

/// The response as (status, content type, JSON body).
async fn answer(rejection: ValidRejection) -> (StatusCode, String, Value) {
    let response = rejection.into_response();
    let status = response.status();
    let ct = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, ct, serde_json::from_slice(&bytes).unwrap())
}

#[tokio::test]
async fn json_valid_is_sanitized() {
    let req = post(
        Some("application/json"),
        r#"{"name": "  bob  ", "age": 20}"#,
    );
    let ValidJson(valid) = ValidJson::<Signup>::from_request(req, &()).await.unwrap();
    assert_eq!(valid.name, "bob");
    // `+json` media types and parameters are JSON too, as for axum's Json.
    let req = post(
        Some("application/vnd.api+json; charset=utf-8"),
        r#"{"name": "bob", "age": 20}"#,
    );
    let json = ValidJson::<Signup>::from_request(req, &()).await.unwrap();
    assert_eq!(json.age, 20);
    assert_eq!(json.into_inner().name, "bob");
}

#[tokio::test]
async fn json_invalid_is_422_with_every_error() {
    let req = post(
        Some("application/json"),
        r#"{"name": "a-very-long-secret", "age": 5}"#,
    );
    let rejection = ValidJson::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    assert_eq!(
        rejection.to_string(),
        "body.name: String should have at most 8 characters\n\
         body.age: Input should be greater than or equal to 13"
    );
    let (status, ct, body) = answer(rejection).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ct, "application/json");
    assert_eq!(
        body,
        json!({"detail": [
            {"type": "string_too_long", "loc": ["body", "name"],
             "msg": "String should have at most 8 characters", "ctx": {"max_length": 8}},
            {"type": "greater_than_equal", "loc": ["body", "age"],
             "msg": "Input should be greater than or equal to 13", "ctx": {"ge": 13}}
        ]})
    );
}

#[tokio::test]
async fn json_deserialization_errors_are_422() {
    let req = post(Some("application/json"), r#"{"name": "bob"}"#);
    let rejection = ValidJson::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    let (status, _, body) = answer(rejection).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        json!({"detail": [{"type": "missing", "loc": ["body", "age"], "msg": "Field required"}]})
    );
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    for ct in [None, Some("text/plain"), Some("application/jsonx")] {
        let req = post(ct, r#"{"name": "bob", "age": 20}"#);
        let rejection = ValidJson::<Signup>::from_request(req, &())
            .await
            .unwrap_err();
        let (status, content_type, body) = answer(rejection).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ct:?}");
        assert_eq!(content_type, "application/json");
        assert_eq!(
            body,
            json!({"detail": "Expected request with `Content-Type: application/json`"})
        );
    }
}

#[tokio::test]
async fn query_errors_start_with_query() {
    let mut parts = get("/?name=bo&age=abc").into_parts().0;
    let rejection = ValidQuery::<Signup>::from_request_parts(&mut parts, &())
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2,
        json!({"detail": [{"type": "int_parsing", "loc": ["query", "age"],
            "msg": "Input should be a valid integer, unable to parse string as an integer"}]})
    );
    let mut parts = get("/?name=bo&age=5").into_parts().0;
    let rejection = ValidQuery::<Signup>::from_request_parts(&mut parts, &())
        .await
        .unwrap_err();
    let (status, _, body) = answer(rejection).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["detail"][0]["loc"], json!(["query", "name"]));
    assert_eq!(body["detail"][1]["loc"], json!(["query", "age"]));
    let mut parts = get("/?name=%20bob%20&age=30").into_parts().0;
    let ValidQuery(ok) = ValidQuery::<Signup>::from_request_parts(&mut parts, &())
        .await
        .unwrap();
    assert_eq!(ok.name, "bob");
}

#[tokio::test]
async fn forms_read_the_body_or_the_query() {
    let req = post(Some("application/x-www-form-urlencoded"), "name=bo&age=x");
    let rejection = ValidForm::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2["detail"][0]["loc"],
        json!(["body", "age"])
    );
    let req = post(Some("application/json"), "name=bob&age=20");
    let rejection = ValidForm::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2,
        json!({"detail": "Expected request with `Content-Type: application/x-www-form-urlencoded`"})
    );
    let req = get("/?name=bo&age=20");
    let rejection = ValidForm::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2["detail"][0]["loc"],
        json!(["query", "name"])
    );
    let req = post(Some("application/x-www-form-urlencoded"), "name=bob&age=20");
    let ValidForm(ok) = ValidForm::<Signup>::from_request(req, &()).await.unwrap();
    assert_eq!(ok.age, 20);
}

#[tokio::test]
async fn context_comes_from_state() {
    let state = AppState {
        taken: Taken(vec!["root"]),
    };
    let req = post(Some("application/json"), r#"{"name": "root"}"#);
    let rejection = ValidJsonWith::<Claim>::from_request(req, &state)
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2,
        json!({"detail": [{"type": "name_taken", "loc": ["body", "name"], "msg": "Name is taken"}]})
    );
    let req = post(Some("application/json"), r#"{"name": "alice"}"#);
    let ok = ValidJsonWith::<Claim>::from_request(req, &state)
        .await
        .unwrap();
    assert_eq!(ok.name, "alice");
    let mut parts = get("/?name=root").into_parts().0;
    let rejection = ValidQueryWith::<Claim>::from_request_parts(&mut parts, &state)
        .await
        .unwrap_err();
    assert_eq!(rejection.errors().map(|e| e.len()), Some(1), "{rejection}");
    let req = post(Some("application/x-www-form-urlencoded"), "name=root");
    let rejection = ValidFormWith::<Claim>::from_request(req, &state)
        .await
        .unwrap_err();
    assert_eq!(rejection.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn body_over_the_limit_is_413_json() {
    let big = format!(
        r#"{{"name": "{}", "age": 20}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    // Over axum's default limit of 2 MB, which applies without a layer.
    let req = post(Some("application/json"), &big);
    let rejection = ValidJson::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    let (status, ct, body) = answer(rejection).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(ct, "application/json");
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("Failed to buffer the request body")),
        "{body}"
    );
}

#[tokio::test]
async fn a_body_rejection_keeps_axum_s_as_its_source() {
    let big = "x".repeat(3 * 1024 * 1024);
    let req = post(Some("application/json"), &big);
    let rejection = ValidJson::<Signup>::from_request(req, &())
        .await
        .unwrap_err();
    let source = std::error::Error::source(&rejection).expect("axum's rejection");
    assert!(
        source.to_string().contains("length limit exceeded"),
        "{source}"
    );
    assert!(
        rejection
            .to_string()
            .starts_with("Failed to buffer the request body")
    );
    let invalid = ValidRejection::at("body", ValidationErrors::new());
    assert!(std::error::Error::source(&invalid).is_none());
}

/// Headers, by their lowercase names. (Read through serde, a repeated
/// header keeps its last value; a derived type gets them all.)
#[derive(Debug, Deserialize)]
struct Tracing {
    #[serde(rename = "x-request-id")]
    request_id: u64,
    #[serde(rename = "x-tag", default)]
    tags: Vec<String>,
}

impl Validate for Tracing {
    type Context = ();
    fn validate_into(&self, _: &(), loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        for (i, tag) in self.tags.iter().enumerate() {
            if let Err(e) = rules::length(tag, 1..=3) {
                errors.push_at(&loc.field("x-tag").index(i), e);
            }
        }
    }
}

decode_via_serde!(Tracing);

#[tokio::test]
async fn headers_are_read_as_text_under_their_names() {
    let request = |id: &str| {
        HttpRequest::builder()
            .header("X-Request-Id", id)
            .header("x-tag", "abcd")
            .body(Body::empty())
            .expect("a request")
    };
    let mut parts = request("12").into_parts().0;
    let rejection = ValidHeaders::<Tracing>::from_request_parts(&mut parts, &())
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2,
        json!({"detail": [{"type": "string_too_long", "loc": ["header", "x-tag", 0],
            "msg": "String should have at most 3 characters", "ctx": {"max_length": 3}}]})
    );
    let mut parts = request("twelve").into_parts().0;
    let rejection = ValidHeaders::<Tracing>::from_request_parts(&mut parts, &())
        .await
        .unwrap_err();
    assert_eq!(
        answer(rejection).await.2["detail"][0]["loc"],
        json!(["header", "x-request-id"])
    );
    let mut parts = HttpRequest::builder()
        .header("x-request-id", "12")
        .body(Body::empty())
        .expect("a request")
        .into_parts()
        .0;
    let ValidHeaders(ok) = ValidHeaders::<Tracing>::from_request_parts(&mut parts, &())
        .await
        .unwrap();
    assert_eq!((ok.request_id, ok.tags.len()), (12, 0));
}
