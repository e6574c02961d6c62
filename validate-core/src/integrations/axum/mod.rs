//! axum extractors that deserialize, sanitize and validate a request in one
//! step, and answer a bad one as FastAPI does: `422 Unprocessable Entity`,
//! `content-type: application/json`,
//! `{"detail": [{"type", "loc", "msg", "ctx"}, ...]}` — without the input.
//!
//! | extractor | reads | loc starts with | context |
//! |---|---|---|---|
//! | [`ValidJson<T>`] | a JSON body (`Content-Type: application/json` or `application/*+json`, else 415) | `"body"` | none |
//! | [`ValidQuery<T>`] | the query string | `"query"` | none |
//! | [`ValidForm<T>`] | an `application/x-www-form-urlencoded` body (the query string for `GET` / `HEAD`) | `"body"` (`"query"`) | none |
//! | [`ValidJsonWith<T>`], [`ValidQueryWith<T>`], [`ValidFormWith<T>`] | the same | the same | `T::Context` from the router state, by [`FromRef`] |
//!
//! Each holds a [`Valid<T>`] (the `.0` field), derefs to `T`, and gives `T`
//! back with `into_inner()`.
//!
//! ```
//! use axum::{Router, routing::post};
//! use validate_core::axum::ValidJson;
//! use validate_core::{LocChain, Validate, ValidationErrors, rules};
//!
//! #[derive(serde::Deserialize)]
//! struct Signup {
//!     name: String,
//! }
//!
//! impl Validate for Signup {
//!     // `#[derive(Validate)]` writes this.
//!     type Context = ();
//!     fn validate_into(&self, _: &(), loc: &LocChain<'_>, errors: &mut ValidationErrors) {
//!         if let Err(e) = rules::length(&self.name, 3..=32) {
//!             errors.push_at(&loc.field("name"), e);
//!         }
//!     }
//! }
//!
//! async fn signup(ValidJson(req): ValidJson<Signup>) -> String {
//!     // `req` is a `Valid<Signup>`: sanitized and validated.
//!     req.into_inner().name
//! }
//!
//! let app: Router = Router::new().route("/signup", post(signup));
//! ```
//!
//! # Errors
//!
//! Validation errors are those of [`Validate`], every one, in field order,
//! each loc behind `"body"` / `"query"`.
//!
//! A request that cannot be deserialized gets one error in Pydantic's
//! words, at the path where serde failed:
//!
//! | input | `type` | `loc` |
//! |---|---|---|
//! | empty JSON body | `missing` | `["body"]` |
//! | malformed JSON | `json_invalid`, `msg` `JSON decode error`, `ctx.error` Python's reason (`Expecting value`) | `["body", <character offset>]` |
//! | absent field | `missing` | `["body", ..., "field"]` |
//! | not an object where a struct belongs | `model_attributes_type` | the struct's |
//! | wrong type | `string_type`, `int_type`, `int_parsing`, `int_from_float`, `float_type`, `float_parsing`, `bool_type`, `bool_parsing`, `list_type`, `dict_type` | the value's |
//! | integer out of the Rust type's range | `greater_than_equal` / `less_than_equal` with the type's bound | the value's |
//! | not a variant of an enum | `enum`, with `ctx.expected` | the value's |
//! | key refused by `deny_unknown_fields` | `extra_forbidden` | the key's |
//! | anything else (a custom `Deserialize` error) | `value_error`, `ctx.error` in our words | the value's |
//!
//! Differences from FastAPI, all due to serde:
//! - serde stops at the first error, so a body with several values of the
//!   wrong type, or several absent fields, reports the first only (FastAPI
//!   lists all). Validation errors are all reported, but only once the body
//!   deserializes.
//! - serde is strict where Pydantic's lax mode converts: `"42"` or `30.0`
//!   for an integer, `"true"` or `1` for a boolean, a number for a float
//!   field given as a string are refused. A query string or form is text, so
//!   numbers and booleans parse from it as in FastAPI.
//! - A negative number for an unsigned field (in a query string) is
//!   `int_parsing`, and an integer out of the Rust type's range reports the
//!   type's bound, where FastAPI reports the model's `ge` / `le`.
//! - A duplicate JSON key is an error (`value_error`, `duplicate field`)
//!   where Python keeps the last; a repeated query key for a single value is
//!   one too. `NaN` and `Infinity` are malformed JSON, as the standard says.
//! - A body that is not UTF-8 is `json_invalid` (FastAPI answers 400).
//! - A missing or wrong `Content-Type` is 415 (FastAPI tries to read the
//!   body anyway), with `{"detail": "Expected request with `Content-Type:
//!   application/json`"}`.
//! - serde accepts a JSON array for a struct (its fields in order) when
//!   every item fits; a wrong one is `model_attributes_type`, as in FastAPI.
//!
//! A `Valid<U>` field inside `T` turns `U`'s validation errors into one
//! `value_error` (serde keeps only a message): mark the field
//! `#[validate(nested)]` instead, which reports each error at its path.

mod decode;

mod rejection;

use std::ops::Deref;

use ::axum::body::Bytes;
use ::axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use ::axum::http::request::Parts;
use ::axum::http::{HeaderMap, Method, header};
use serde::de::DeserializeOwned;

pub use rejection::ValidRejection;

use crate::{Valid, Validate, ValidationErrors};

macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name<T>(pub Valid<T>);

        impl<T: Validate> $name<T> {
            /// The checked value.
            pub fn into_inner(self) -> T {
                self.0.into_inner()
            }
        }

        impl<T> Deref for $name<T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }
    };
}

extractor! {
    /// A JSON body, deserialized, sanitized and validated; see the
    /// [module docs](self) for the errors. Needs
    /// `Content-Type: application/json` (or `application/*+json`), as
    /// axum's `Json` does; a body of zero bytes is `missing` at `["body"]`.
    ///
    /// ```
    /// # use validate_core::axum::ValidJson;
    /// # #[derive(serde::Deserialize)] struct Signup { name: String }
    /// # impl validate_core::Validate for Signup { type Context = ();
    /// #   fn validate_into(&self, _: &(), _: &validate_core::LocChain<'_>, _: &mut validate_core::ValidationErrors) {} }
    /// async fn signup(ValidJson(req): ValidJson<Signup>) -> String {
    ///     req.name.clone()
    /// }
    /// # let _ = axum::Router::<()>::new().route("/", axum::routing::post(signup));
    /// ```
    ValidJson
}

extractor! {
    /// Like [`ValidJson`], for a type whose [`Validate::Context`] comes
    /// from the router state (`T::Context: FromRef<S>`).
    ///
    /// ```
    /// use std::collections::HashSet;
    /// use std::sync::Arc;
    /// use axum::{Router, extract::FromRef, routing::post};
    /// use validate_core::axum::ValidJsonWith;
    /// use validate_core::{LocChain, Validate, ValidationError, ValidationErrors};
    ///
    /// #[derive(Clone)]
    /// struct Taken(Arc<HashSet<String>>);
    ///
    /// #[derive(Clone)]
    /// struct AppState {
    ///     taken: Taken,
    /// }
    ///
    /// impl FromRef<AppState> for Taken {
    ///     fn from_ref(state: &AppState) -> Taken {
    ///         state.taken.clone()
    ///     }
    /// }
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Signup {
    ///     name: String,
    /// }
    ///
    /// impl Validate for Signup {
    ///     type Context = Taken;
    ///     fn validate_into(&self, taken: &Taken, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
    ///         if taken.0.contains(&self.name) {
    ///             errors.push_at(&loc.field("name"), ValidationError::new("name_taken", "Name is taken"));
    ///         }
    ///     }
    /// }
    ///
    /// async fn signup(ValidJsonWith(req): ValidJsonWith<Signup>) -> String {
    ///     req.into_inner().name
    /// }
    ///
    /// let state = AppState { taken: Taken(Arc::new(HashSet::from(["root".to_owned()]))) };
    /// let app: Router = Router::new().route("/signup", post(signup)).with_state(state);
    /// ```
    ValidJsonWith
}

extractor! {
    /// The query string, deserialized (repeated keys fill a `Vec`, an empty
    /// value is `None` for an `Option`), sanitized and validated; locs
    /// start with `"query"`.
    ///
    /// ```
    /// # use validate_core::axum::ValidQuery;
    /// # #[derive(serde::Deserialize)] struct Search { q: String }
    /// # impl validate_core::Validate for Search { type Context = ();
    /// #   fn validate_into(&self, _: &(), _: &validate_core::LocChain<'_>, _: &mut validate_core::ValidationErrors) {} }
    /// async fn search(ValidQuery(query): ValidQuery<Search>) -> String {
    ///     query.q.clone()
    /// }
    /// # let _ = axum::Router::<()>::new().route("/", axum::routing::get(search));
    /// ```
    ValidQuery
}

extractor! {
    /// Like [`ValidQuery`], with the context from the router state.
    ValidQueryWith
}

extractor! {
    /// An `application/x-www-form-urlencoded` body (for `GET` and `HEAD`,
    /// the query string, as axum's `Form`), deserialized, sanitized and
    /// validated; locs start with `"body"` (`"query"`).
    ValidForm
}

extractor! {
    /// Like [`ValidForm`], with the context from the router state.
    ValidFormWith
}

const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";

/// The media type of the request, without parameters.
fn media_type(headers: &HeaderMap) -> Option<(&str, &str)> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value.split(';').next()?.trim();
    essence.split_once('/')
}

/// `application/json` or `application/<anything>+json`, as axum's `Json`.
fn is_json(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|(kind, sub)| {
        kind.eq_ignore_ascii_case("application")
            && (sub.eq_ignore_ascii_case("json")
                || sub
                    .rsplit_once('+')
                    .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json")))
    })
}

fn is_form(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|(kind, sub)| {
        kind.eq_ignore_ascii_case("application")
            && sub.eq_ignore_ascii_case("x-www-form-urlencoded")
    })
}

async fn read_json<T, S>(req: Request, state: &S) -> Result<T, ValidRejection>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    if !is_json(req.headers()) {
        return Err(ValidRejection::UnsupportedMediaType(JSON));
    }
    let bytes = Bytes::from_request(req, state)
        .await
        .map_err(ValidRejection::Body)?;
    decode::from_json(&bytes).map_err(|e| ValidRejection::at("body", e))
}

fn read_query<T: DeserializeOwned>(parts: &Parts) -> Result<T, ValidRejection> {
    let query = parts.uri.query().unwrap_or_default();
    decode::from_urlencoded(query.as_bytes()).map_err(|e| ValidRejection::at("query", e))
}

/// The form and the loc root its errors go under.
async fn read_form<T, S>(req: Request, state: &S) -> Result<(T, &'static str), ValidRejection>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    if req.method() == Method::GET || req.method() == Method::HEAD {
        let (parts, _) = req.into_parts();
        return read_query(&parts).map(|value| (value, "query"));
    }
    if !is_form(req.headers()) {
        return Err(ValidRejection::UnsupportedMediaType(FORM));
    }
    let bytes = Bytes::from_request(req, state)
        .await
        .map_err(ValidRejection::Body)?;
    decode::from_urlencoded(&bytes)
        .map(|value| (value, "body"))
        .map_err(|e| ValidRejection::at("body", e))
}

/// Sanitizes and validates, placing the errors under `root`.
fn check<T: Validate>(
    value: T,
    ctx: &T::Context,
    root: &'static str,
) -> Result<Valid<T>, ValidRejection> {
    Valid::new_with(value, ctx).map_err(|errors: ValidationErrors| ValidRejection::at(root, errors))
}

impl<T, S> FromRequest<S> for ValidJson<T>
where
    T: DeserializeOwned + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
        let value = read_json::<T, S>(req, state).await?;
        check(value, &(), "body").map(ValidJson)
    }
}

impl<T, S> FromRequest<S> for ValidJsonWith<T>
where
    T: DeserializeOwned + Validate,
    T::Context: FromRef<S> + Sized,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
        let value = read_json::<T, S>(req, state).await?;
        let ctx = T::Context::from_ref(state);
        check(value, &ctx, "body").map(ValidJsonWith)
    }
}

impl<T, S> FromRequestParts<S> for ValidQuery<T>
where
    T: DeserializeOwned + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ValidRejection> {
        let value = read_query::<T>(parts)?;
        check(value, &(), "query").map(ValidQuery)
    }
}

impl<T, S> FromRequestParts<S> for ValidQueryWith<T>
where
    T: DeserializeOwned + Validate,
    T::Context: FromRef<S> + Sized,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ValidRejection> {
        let value = read_query::<T>(parts)?;
        let ctx = T::Context::from_ref(state);
        check(value, &ctx, "query").map(ValidQueryWith)
    }
}

impl<T, S> FromRequest<S> for ValidForm<T>
where
    T: DeserializeOwned + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
        let (value, root) = read_form::<T, S>(req, state).await?;
        check(value, &(), root).map(ValidForm)
    }
}

impl<T, S> FromRequest<S> for ValidFormWith<T>
where
    T: DeserializeOwned + Validate,
    T::Context: FromRef<S> + Sized,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
        let (value, root) = read_form::<T, S>(req, state).await?;
        let ctx = T::Context::from_ref(state);
        check(value, &ctx, root).map(ValidFormWith)
    }
}

#[cfg(test)]
mod tests;
