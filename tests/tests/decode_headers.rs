//! `ValidHeaders` on a derived type: headers by their lowercase names, a
//! repeated one filling a list, every error at `["header", name, ...]`.

use axum::body::Body;
use axum::extract::FromRequestParts;
use axum::http::Request;
use serde::Deserialize;
use validate_core::Validate;
use validate_core::axum::ValidHeaders;

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "kebab-case")]
struct Tracing {
    #[validate(range(min = 1))]
    x_request_id: u64,
    #[serde(default)]
    #[validate(each(length(max = 3)))]
    x_tag: Vec<String>,
}

async fn read(headers: &[(&str, &str)]) -> Result<Tracing, String> {
    let mut request = Request::builder();
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut parts = request
        .body(Body::empty())
        .expect("a request")
        .into_parts()
        .0;
    ValidHeaders::<Tracing>::from_request_parts(&mut parts, &())
        .await
        .map(ValidHeaders::into_inner)
        .map_err(|rejection| rejection.to_string())
}

#[tokio::test]
async fn repeated_headers_fill_a_list_and_every_error_is_reported() {
    let ok = read(&[("X-Request-Id", "7"), ("x-tag", "a"), ("x-tag", "bc")])
        .await
        .expect("valid");
    assert_eq!(
        (ok.x_request_id, ok.x_tag),
        (7, vec!["a".to_owned(), "bc".to_owned()])
    );
    let errors = read(&[("x-request-id", "zero"), ("x-tag", "a"), ("x-tag", "abcd")])
        .await
        .expect_err("two errors");
    assert_eq!(
        errors,
        "header.x-request-id: Input should be a valid integer, unable to parse string as an integer\n\
         header.x-tag[1]: String should have at most 3 characters"
    );
    let errors = read(&[]).await.expect_err("missing");
    assert_eq!(errors, "header.x-request-id: Field required");
}
