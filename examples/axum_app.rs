//! The signup service of `examples/axum_server.rs`: its models and its
//! router, in the library so the HTTP tests start the very same router.
//!
//! `POST /signup` takes a [`SignupRequest`] as JSON and answers with the
//! sanitized user name and email; `GET /search?q=..&limit=..` takes a
//! [`SearchQuery`]; `POST /orders` an [`OrderRequest`]; `PUT /users/{id}`
//! a `u64` path id, a `notify` query flag and a [`RenameRequest`] body.
//! Anything invalid gets FastAPI's 422 body with every error at once; the
//! router reads JSON in lax mode (`"30"` for an integer), as FastAPI does.
//! `GET /openapi.json` serves the service's OpenAPI 3.1 document
//! ([`openapi`]): every route, its models with their rules as JSON Schema
//! keywords, and the 422 response as FastAPI describes it.

use std::sync::LazyLock;

use axum::routing::{get, post, put};
use axum::{Extension, Json, Router};
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use validate_core::Validate;
use validate_core::axum::{ValidJson, ValidQuery, ValidRequest};
use validate_core::decode::Mode;

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

/// An order: the model the schema comparison with Pydantic uses too.
#[derive(Debug, Deserialize, Validate, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct OrderRequest {
    /// 1 to 64 ASCII letters, digits or `-`.
    #[validate(length(min = 1, max = 64), charset(ascii_alphanumeric, "-"))]
    pub customer_id: String,
    /// 1 to 50 items, each checked.
    #[validate(length(min = 1, max = 50), nested)]
    pub items: Vec<OrderItem>,
    /// `standard` or `express`.
    #[validate(one_of("standard", "express"))]
    pub shipping: String,
    /// Where to ship.
    #[validate(nested)]
    pub address: Address,
    /// Notes by name: names of 1 to 20 characters, notes of at most 200.
    #[validate(keys(length(min = 1, max = 20)), values(length(max = 200)))]
    pub notes: IndexMap<String, String>,
    /// An optional coupon code.
    #[validate(length(max = 200))]
    pub coupon: Option<String>,
}

/// One line of an [`OrderRequest`].
#[derive(Debug, Deserialize, Validate, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct OrderItem {
    /// `ABC-1234`.
    #[validate(pattern("^[A-Z]{3}-[0-9]{4}$"))]
    pub sku: String,
    /// 1 to 100.
    #[validate(range(min = 1, max = 100))]
    pub quantity: u32,
    /// More than 0, less than a million.
    #[validate(range(gt = 0.0, lt = 1000000.0))]
    pub unit_price: f64,
}

/// The answer to an order: how many items it holds.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OrderResponse {
    /// The number of items.
    pub items: usize,
}

/// `POST /orders`.
pub async fn orders(ValidJson(req): ValidJson<OrderRequest>) -> Json<OrderResponse> {
    Json(OrderResponse {
        items: req.items.len(),
    })
}

/// The path of `PUT /users/{id}`.
#[derive(Debug, Deserialize, Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct UserPath {
    /// The user's id, 1 or more.
    #[validate(range(min = 1))]
    pub id: u64,
}

/// The query string of `PUT /users/{id}`.
#[derive(Debug, Deserialize, Validate, JsonSchema)]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct NotifyQuery {
    /// Whether to tell the user.
    #[serde(default)]
    pub notify: bool,
}

/// The body of `PUT /users/{id}`: a new user name.
#[derive(Debug, Deserialize, Serialize, Validate, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
pub struct RenameRequest {
    /// 3 to 32 letters, digits or `_`.
    #[validate(sanitize(trim), length(min = 3, max = 32), pattern("^[a-zA-Z0-9_]+$"))]
    pub user_name: String,
}

/// The answer to a rename.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RenameResponse {
    /// The user's id.
    pub id: u64,
    /// Whether the user is told.
    pub notify: bool,
    /// The new name, trimmed.
    pub user_name: String,
}

/// `PUT /users/{id}?notify=..`: path, query and body errors in one 422.
pub async fn rename(
    ValidRequest(path, query, body): ValidRequest<UserPath, NotifyQuery, RenameRequest>,
) -> Json<RenameResponse> {
    Json(RenameResponse {
        id: path.id,
        notify: query.notify,
        user_name: body.into_inner().user_name,
    })
}

/// The service's OpenAPI 3.1 document: one operation per route of
/// [`router`] (`/openapi.json` aside), built once.
pub fn openapi() -> &'static Value {
    static DOC: LazyLock<Value> = LazyLock::new(|| {
        crate::openapi::OpenApi::new("signup service", "1.0.0")
            .json::<SignupRequest, SignupResponse>("post", "/signup", "signup")
            .query::<SearchQuery, SearchQuery>("get", "/search", "search")
            .json::<OrderRequest, OrderResponse>("post", "/orders", "orders")
            .request::<UserPath, NotifyQuery, RenameRequest, RenameResponse>(
                "put",
                "/users/{id}",
                "rename",
            )
            .build()
    });
    &DOC
}

/// `GET /openapi.json`.
pub async fn openapi_json() -> Json<&'static Value> {
    Json(openapi())
}

/// The service's routes; JSON is read in lax mode, as FastAPI reads it.
pub fn router() -> Router {
    Router::new()
        .route("/signup", post(signup))
        .route("/search", get(search))
        .route("/orders", post(orders))
        .route("/users/{id}", put(rename))
        .route("/openapi.json", get(openapi_json))
        .layer(Extension(Mode::Lax))
}
