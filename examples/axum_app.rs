//! The signup service of `examples/axum_server.rs`: its models and its
//! router, in the library so the HTTP tests start the very same router.
//!
//! `POST /signup` takes a [`SignupRequest`] as JSON and answers with the
//! sanitized user name and email; `GET /search?q=..&limit=..` takes a
//! [`SearchQuery`]. Anything invalid gets FastAPI's 422 body.
//! `GET /openapi.json` serves the service's OpenAPI 3.1 document
//! ([`openapi`]): every route, its models with their rules as JSON Schema
//! keywords, and the 422 response as FastAPI describes it.

use std::sync::LazyLock;

use axum::routing::{get, post};
use axum::{Json, Router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use validate_core::Validate;
use validate_core::axum::{ValidJson, ValidQuery};

/// A new account, exactly the model of DESIGN.md.
#[derive(Debug, Deserialize, Validate, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct SignupRequest {
    /// 3 to 32 letters, digits or `_`, trimmed and lowercased first.
    #[validate(sanitize(trim, lowercase))]
    #[validate(length(min = 3, max = 32), pattern("^[a-zA-Z0-9_]+$"))]
    pub user_name: String,
    /// An email address, trimmed first.
    #[validate(sanitize(trim), email)]
    pub email: String,
    /// 12 to 128 characters; never echoed in an error.
    #[validate(length(min = 12, max = 128))]
    pub password: String,
    /// 13 to 130.
    #[validate(range(min = 13, max = 130))]
    pub age: u32,
    /// An optional URL.
    #[validate(url)]
    pub website: Option<String>,
    /// At most 10 tags of 1 to 20 characters.
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    pub tags: Vec<String>,
    /// A postal address.
    #[validate(nested)]
    pub address: Address,
}

/// A postal address inside [`SignupRequest`].
#[derive(Debug, Deserialize, Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct Address {
    /// 1 to 100 characters.
    #[validate(length(min = 1, max = 100))]
    pub street: String,
    /// 1 to 50 characters.
    #[validate(length(min = 1, max = 50))]
    pub city: String,
    /// Five digits.
    #[validate(pattern("^[0-9]{5}$"))]
    pub zip: String,
}

/// The answer to a signup: the sanitized name and email.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignupResponse {
    /// The user name as stored: trimmed and lowercased.
    pub user_name: String,
    /// The email as stored: trimmed.
    pub email: String,
}

/// The query string of `GET /search`.
#[derive(Debug, Deserialize, Serialize, Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct SearchQuery {
    /// 2 to 100 characters.
    #[validate(length(min = 2, max = 100))]
    pub q: String,
    /// 1 to 100 results.
    #[validate(range(min = 1, max = 100))]
    pub limit: u32,
}

/// `POST /signup`.
pub async fn signup(ValidJson(req): ValidJson<SignupRequest>) -> Json<SignupResponse> {
    let req = req.into_inner();
    Json(SignupResponse {
        user_name: req.user_name,
        email: req.email,
    })
}

/// `GET /search`: echoes the checked query.
pub async fn search(ValidQuery(query): ValidQuery<SearchQuery>) -> Json<SearchQuery> {
    Json(query.into_inner())
}

/// The service's OpenAPI 3.1 document: one operation per route of
/// [`router`] (`/openapi.json` aside), built once.
pub fn openapi() -> &'static Value {
    static DOC: LazyLock<Value> = LazyLock::new(|| {
        crate::openapi::OpenApi::new("signup service", "1.0.0")
            .json::<SignupRequest, SignupResponse>("post", "/signup", "signup")
            .query::<SearchQuery, SearchQuery>("get", "/search", "search")
            .build()
    });
    &DOC
}

/// `GET /openapi.json`.
pub async fn openapi_json() -> Json<&'static Value> {
    Json(openapi())
}

/// The service's routes.
pub fn router() -> Router {
    Router::new()
        .route("/signup", post(signup))
        .route("/search", get(search))
        .route("/openapi.json", get(openapi_json))
}
