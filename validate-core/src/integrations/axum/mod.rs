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
//!     #[validate(length(min = 3, max = 32))]
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
//! - A list with an item that failed to decode reports that item's errors
//!   but does not check its other items (FastAPI checks every item).

mod rejection;

use std::ops::Deref;

use std::borrow::Cow;

use ::axum::body::Bytes;
use ::axum::extract::{FromRef, FromRequest, FromRequestParts, RawPathParams, Request};
use ::axum::http::request::Parts;
use ::axum::http::{HeaderMap, Method, header};

pub use rejection::ValidRejection;

use crate::decode::{Decode, DecodeCx, Mode, Strings, parse_urlencoded};
use crate::error::catalogue;
use crate::{LocChain, Valid, Validate, ValidationErrors};

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

/// The mode the router asked for with `.layer(Extension(Mode::Lax))`;
/// strict otherwise.
fn mode_of(extensions: &::axum::http::Extensions) -> Mode {
    extensions.get::<Mode>().copied().unwrap_or_default()
}

/// Decodes, sanitizes and validates one part of the request; every error
/// placed under `root`.
fn checked<T, F>(
    ctx: &T::Context,
    root: &'static str,
    decode: F,
) -> Result<Valid<T>, ValidationErrors>
where
    T: Validate,
    F: FnOnce(DecodeCx<'_, T::Context>) -> Result<T, ValidationErrors>,
{
    let placed = |errors: ValidationErrors| {
        let mut out = ValidationErrors::new();
        out.extend_at(&LocChain::ROOT.field(root), errors);
        out
    };
    let value = decode(DecodeCx::new(ctx)).map_err(placed)?;
    Valid::new_with(value, ctx).map_err(placed)
}

/// Reads key-value text (a query string, a form, path parameters).
fn from_pairs<T: Decode<C>, C: ?Sized>(
    pairs: &[(Cow<'_, str>, Cow<'_, str>)],
    cx: DecodeCx<'_, C>,
) -> Result<T, ValidationErrors> {
    let mut cx = cx.with_strings();
    match T::decode(Strings::new(pairs), &mut cx, &LocChain::ROOT) {
        Ok(Some(value)) => Ok(value),
        Ok(None) => Err(cx.into_errors()),
        // Text input has no syntax to break: only a deserializer error of
        // a type's own serde impl ends up here.
        Err(_) => Err(catalogue::value_error("invalid value").into()),
    }
}

fn query_part<T>(parts: &Parts, ctx: &T::Context) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    let query = parts.uri.query().unwrap_or_default();
    let pairs = parse_urlencoded(query.as_bytes());
    checked(ctx, "query", |cx| from_pairs(&pairs, cx))
}

/// Key-value text, owned.
type Pairs = Vec<(Cow<'static, str>, Cow<'static, str>)>;

/// The path parameters as text pairs: the async half of reading them.
async fn path_pairs<S: Send + Sync>(
    parts: &mut Parts,
    state: &S,
) -> Result<Pairs, ValidationErrors> {
    match RawPathParams::from_request_parts(parts, state).await {
        Ok(params) => Ok(params
            .iter()
            .map(|(k, v)| (Cow::Owned(k.to_owned()), Cow::Owned(v.to_owned())))
            .collect()),
        // A parameter that is not UTF-8 once percent-decoded, or a route
        // without parameters: one error, never axum's text (which quotes
        // the input).
        Err(_) => {
            let mut errors = ValidationErrors::new();
            let error = catalogue::value_error("invalid path parameters");
            errors.push_at(&LocChain::ROOT.field("path"), error);
            Err(errors)
        }
    }
}

fn path_part<T>(
    pairs: Result<Pairs, ValidationErrors>,
    ctx: &T::Context,
) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    checked(ctx, "path", |cx| from_pairs(&pairs?, cx))
}

/// A body in the format it should have, and the mode asked for.
enum Body {
    Json(Bytes, Mode),
    Form(Bytes),
    /// A form read from the query string (`GET`, `HEAD`).
    Query(Parts),
}

/// The body's bytes: the async half of reading it.
async fn body<S: Send + Sync>(req: Request, state: &S, form: bool) -> Result<Body, ValidRejection> {
    if form && (req.method() == Method::GET || req.method() == Method::HEAD) {
        return Ok(Body::Query(req.into_parts().0));
    }
    let (ok, expected) = match form {
        true => (is_form(req.headers()), FORM),
        false => (is_json(req.headers()), JSON),
    };
    if !ok {
        return Err(ValidRejection::UnsupportedMediaType(expected));
    }
    let mode = mode_of(req.extensions());
    let bytes = Bytes::from_request(req, state)
        .await
        .map_err(ValidRejection::Body)?;
    Ok(if form {
        Body::Form(bytes)
    } else {
        Body::Json(bytes, mode)
    })
}

fn body_part<T>(body: Body, ctx: &T::Context) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    match body {
        Body::Json(bytes, mode) => checked(ctx, "body", |cx| {
            crate::json::decode(&bytes, cx.with_mode(mode))
        }),
        Body::Form(bytes) => {
            let pairs = parse_urlencoded(&bytes);
            checked(ctx, "body", |cx| from_pairs(&pairs, cx))
        }
        Body::Query(parts) => query_part(&parts, ctx),
    }
}

macro_rules! body_extractors {
    ($($name:ident $with:ident $form:literal;)*) => {$(
        impl<T, S> FromRequest<S> for $name<T>
        where
            T: Decode<()> + Validate<Context = ()>,
            S: Send + Sync,
        {
            type Rejection = ValidRejection;

            async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
                let body = body(req, state, $form).await?;
                body_part(body, &()).map($name).map_err(ValidRejection::Invalid)
            }
        }

        impl<T, S> FromRequest<S> for $with<T>
        where
            T: Decode<T::Context> + Validate,
            T::Context: FromRef<S> + Sized,
            S: Send + Sync,
        {
            type Rejection = ValidRejection;

            async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
                let body = body(req, state, $form).await?;
                let ctx = T::Context::from_ref(state);
                body_part(body, &ctx).map($with).map_err(ValidRejection::Invalid)
            }
        }
    )*};
}

body_extractors! {
    ValidJson ValidJsonWith false;
    ValidForm ValidFormWith true;
}

impl<T, S> FromRequestParts<S> for ValidQuery<T>
where
    T: Decode<()> + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ValidRejection> {
        query_part(parts, &())
            .map(ValidQuery)
            .map_err(ValidRejection::Invalid)
    }
}

impl<T, S> FromRequestParts<S> for ValidQueryWith<T>
where
    T: Decode<T::Context> + Validate,
    T::Context: FromRef<S> + Sized,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ValidRejection> {
        let ctx = T::Context::from_ref(state);
        query_part(parts, &ctx)
            .map(ValidQueryWith)
            .map_err(ValidRejection::Invalid)
    }
}

impl<T, S> FromRequestParts<S> for ValidPath<T>
where
    T: Decode<()> + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ValidRejection> {
        let pairs = path_pairs(parts, state).await;
        path_part(pairs, &())
            .map(ValidPath)
            .map_err(ValidRejection::Invalid)
    }
}

/// A request's path parameters, query string and JSON body, each decoded,
/// sanitized and validated, with every error of the three in one 422, as
/// FastAPI answers: path first, then query, then body. `P`, `Q` and `B` are
/// the `T` of [`ValidPath`], [`ValidQuery`] and [`ValidJson`].
///
/// ```
/// use validate_core::Validate;
/// use validate_core::axum::ValidRequest;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct UserPath { id: u64 }
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Notify { #[serde(default)] notify: bool }
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Rename { #[validate(length(min = 3))] name: String }
///
/// async fn rename(ValidRequest(path, query, body): ValidRequest<UserPath, Notify, Rename>) -> String {
///     format!("{} {} {}", path.id, query.notify, body.name)
/// }
/// # let _ = axum::Router::<()>::new().route("/users/{id}", axum::routing::put(rename));
/// ```
#[derive(Debug, Clone)]
pub struct ValidRequest<P, Q, B>(pub Valid<P>, pub Valid<Q>, pub Valid<B>);

impl<P, Q, B, S> FromRequest<S> for ValidRequest<P, Q, B>
where
    P: Decode<()> + Validate<Context = ()>,
    Q: Decode<()> + Validate<Context = ()>,
    B: Decode<()> + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, ValidRejection> {
        let (mut parts, raw) = req.into_parts();
        let pairs = path_pairs(&mut parts, state).await;
        let query = parts.uri.query().unwrap_or_default().to_owned();
        // 415 or 413 is not a validation answer: it comes alone.
        let raw = body(Request::from_parts(parts, raw), state, false).await?;
        let query = parse_urlencoded(query.as_bytes());
        let query = checked(&(), "query", |cx| from_pairs::<Q, ()>(&query, cx));
        let mut errors = ValidationErrors::new();
        let path = path_part::<P>(pairs, &())
            .map_err(|e| errors.extend(e))
            .ok();
        let query = query.map_err(|e| errors.extend(e)).ok();
        let body = body_part::<B>(raw, &()).map_err(|e| errors.extend(e)).ok();
        match (path, query, body) {
            (Some(p), Some(q), Some(b)) => Ok(ValidRequest(p, q, b)),
            _ => Err(ValidRejection::Invalid(errors)),
        }
    }
}

#[cfg(test)]
mod tests;
