//! axum extractors that decode, sanitize and validate a request in one
//! step, with every error at once, and answer a bad one as FastAPI does:
//! `422 Unprocessable Entity`, `content-type: application/json`,
//! `{"detail": [{"type", "loc", "msg", "ctx"}, ...]}` — without the input.
//!
//! | extractor | reads | loc starts with | context |
//! |---|---|---|---|
//! | [`ValidJson<T>`] | a JSON body (`Content-Type: application/json` or `application/*+json`, else 415) | `"body"` | none |
//! | [`ValidQuery<T>`] | the query string | `"query"` | none |
//! | [`ValidForm<T>`] | an `application/x-www-form-urlencoded` body (the query string for `GET` / `HEAD`) | `"body"` (`"query"`) | none |
//! | [`ValidPath<T>`] | the path parameters (`/users/{id}`) | `"path"` | none |
//! | [`ValidHeaders<T>`] | the headers (names lowercase: `#[serde(rename = "x-request-id")]` or `rename_all = "kebab-case"`) | `"header"` | none |
//! | [`ValidRequest<P, Q, B>`] | path, query string and JSON body, all errors in one 422 | `"path"`, `"query"`, `"body"` | none |
//! | [`ValidJsonWith<T>`], [`ValidQueryWith<T>`], [`ValidFormWith<T>`] | as without `With` | the same | `T::Context` from the router state, by [`FromRef`] |
//!
//! Each holds a [`Valid<T>`] (the `.0` field), derefs to `T`, and gives `T`
//! back with `into_inner()`. `T` is read by the collecting decoder
//! ([`crate::decode`]), which `#[derive(Validate)]` implements.
//!
//! ```
//! use axum::{Router, routing::post};
//! use validate_core::Validate;
//! use validate_core::axum::ValidJson;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Signup {
//!     #[validate(sanitize(trim), length(min = 3, max = 32))]
//!     name: String,
//! }
//!
//! async fn signup(ValidJson(req): ValidJson<Signup>) -> String {
//!     // `req` is a `Valid<Signup>`: decoded, sanitized and validated.
//!     req.into_inner().name
//! }
//!
//! let app: Router = Router::new().route("/signup", post(signup));
//! ```
//!
//! # Errors
//!
//! Every problem of the request, in one list, in Pydantic's order (field
//! declaration order, depth first) and words:
//!
//! | input | `type` | `loc` |
//! |---|---|---|
//! | empty JSON body | `missing` | `["body"]` |
//! | malformed JSON | `json_invalid`, `msg` `JSON decode error`, `ctx.error` Python's reason (`Expecting value`) | `["body", <character offset>]` |
//! | absent field | `missing` | `["body", ..., "field"]` |
//! | not an object where a struct belongs | `model_attributes_type` | the struct's |
//! | wrong type | `string_type`, `int_type`, `int_parsing`, `int_from_float`, `float_type`, `float_parsing`, `bool_type`, `bool_parsing`, `list_type`, `dict_type` | the value's |
//! | integer out of the Rust type's range | the field's `range` bound when the number breaks it too, else `greater_than_equal` / `less_than_equal` with the type's bound | the value's |
//! | not a variant of an enum (read by serde) | `enum`, with `ctx.expected` | the value's |
//! | key refused by `deny_unknown_fields` | `extra_forbidden` | the key's |
//! | a rule newtype that rejects its value | its own errors | the value's |
//! | a rule of a field that decoded | the rule's error | the value's |
//!
//! A value that fails to decode is not checked further; struct-level rules
//! run only when every field passed.
//!
//! # Strict and lax
//!
//! JSON is read strictly by default (`"42"` is not an integer). FastAPI
//! reads it laxly; to answer as it does, add the mode to the router:
//! `.layer(axum::Extension(validate_core::decode::Mode::Lax))` (see
//! [`Mode`]). A query string, form or path is text, so numbers and booleans
//! are always parsed from it; a repeated key gives its last value to a
//! single field and all of them to a list, as in FastAPI.
//!
//! Differences from FastAPI:
//! - A missing or wrong `Content-Type` is 415 (FastAPI tries to read the
//!   body anyway), with `{"detail": "Expected request with `Content-Type:
//!   application/json`"}`.
//! - `NaN` and `Infinity` are malformed JSON, as the standard says; a body
//!   that is not UTF-8 is `json_invalid` (FastAPI answers 400).

mod extract;
mod read;
mod rejection;

use std::ops::Deref;

#[cfg(doc)]
use ::axum::extract::FromRef;

pub use extract::ValidRequest;
pub use rejection::ValidRejection;

#[cfg(doc)]
use crate::decode::Mode;
use crate::{Valid, Validate};

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
    /// A JSON body, decoded (strict unless the router adds
    /// `Extension(Mode::Lax)`), sanitized and validated; see the
    /// [module docs](self) for the errors. Needs
    /// `Content-Type: application/json` (or `application/*+json`), as
    /// axum's `Json` does; a body of zero bytes is `missing` at `["body"]`.
    ///
    /// ```
    /// # use validate_core::axum::ValidJson;
    /// # #[derive(serde::Deserialize, validate_core::Validate)] struct Signup { name: String }
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
    /// use validate_core::decode::{Decode, DecodeCx, decode_via_serde};
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
    /// // `#[derive(Validate)]` writes this too; by hand, read through serde.
    /// impl<C: ?Sized> Decode<C> for Signup {
    ///     fn decode<'de, D: serde::Deserializer<'de>>(
    ///         de: D,
    ///         cx: &mut DecodeCx<'_, C>,
    ///         loc: &LocChain<'_>,
    ///     ) -> Result<Option<Self>, D::Error> {
    ///         decode_via_serde(de, cx, loc)
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
    /// The query string, decoded (numbers and booleans parsed from the
    /// text; a repeated key fills a `Vec`, its last value is kept for a
    /// single field), sanitized and validated; locs start with `"query"`.
    ///
    /// ```
    /// # use validate_core::axum::ValidQuery;
    /// # #[derive(serde::Deserialize, validate_core::Validate)] struct Search { q: String }
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
    /// The path parameters (`/users/{id}`), read as text (`abc` for a
    /// `u64` is `int_parsing`), sanitized and validated; locs start with
    /// `"path"`. A bad one is a 422 like any other, never axum's plain-text
    /// 400 (which quotes the input).
    ///
    /// ```
    /// # use validate_core::{Validate, axum::ValidPath};
    /// #[derive(serde::Deserialize, Validate)]
    /// struct UserId { #[validate(range(min = 1))] id: u64 }
    ///
    /// async fn show(ValidPath(user): ValidPath<UserId>) -> String {
    ///     user.id.to_string()
    /// }
    /// # let _ = axum::Router::<()>::new().route("/users/{id}", axum::routing::get(show));
    /// ```
    ValidPath
}

extractor! {
    /// The request's headers, read as text under their lowercase names (a
    /// repeated header fills a `Vec`, its last value is kept for a single
    /// field; a value that is not UTF-8 is read with U+FFFD), sanitized and
    /// validated; locs start with `"header"`.
    ///
    /// ```
    /// # use validate_core::{Validate, axum::ValidHeaders};
    /// #[derive(serde::Deserialize, Validate)]
    /// #[serde(rename_all = "kebab-case")]
    /// struct Tracing {
    ///     #[validate(uuid)]
    ///     x_request_id: String,
    /// }
    ///
    /// async fn traced(ValidHeaders(headers): ValidHeaders<Tracing>) -> String {
    ///     headers.x_request_id.clone()
    /// }
    /// # let _ = axum::Router::<()>::new().route("/", axum::routing::get(traced));
    /// ```
    ValidHeaders
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

#[cfg(test)]
mod tests;
