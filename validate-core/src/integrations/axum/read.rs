//! Reading the parts of a request: the async half (the body's bytes, the
//! path parameters) apart from the decoding, so that no reference to a
//! context is held across an `.await`; then each part decoded, sanitized
//! and validated, its errors placed under `body`, `query` or `path`.

use std::borrow::Cow;

use ::axum::body::Bytes;
use ::axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use ::axum::http::request::Parts;
use ::axum::http::{HeaderMap, Method, header};

use super::ValidRejection;
use crate::decode::{Decode, DecodeCx, Mode, Strings, parse_urlencoded};
use crate::error::catalogue;
use crate::{LocChain, Valid, Validate, ValidationErrors};

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
pub(super) fn checked<T, F>(
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
pub(super) fn from_pairs<T: Decode<C>, C: ?Sized>(
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

pub(super) fn query_part<T>(parts: &Parts, ctx: &T::Context) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    let query = parts.uri.query().unwrap_or_default();
    let pairs = parse_urlencoded(query.as_bytes());
    checked(ctx, "query", |cx| from_pairs(&pairs, cx))
}

pub(super) fn header_part<T>(parts: &Parts, ctx: &T::Context) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    let pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (
                Cow::Borrowed(name.as_str()),
                String::from_utf8_lossy(value.as_bytes()),
            )
        })
        .collect();
    checked(ctx, "header", |cx| from_pairs(&pairs, cx))
}

/// Key-value text, owned.
type Pairs = Vec<(Cow<'static, str>, Cow<'static, str>)>;

/// The path parameters as text pairs: the async half of reading them.
pub(super) async fn path_pairs<S: Send + Sync>(
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

pub(super) fn path_part<T>(
    pairs: Result<Pairs, ValidationErrors>,
    ctx: &T::Context,
) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    checked(ctx, "path", |cx| from_pairs(&pairs?, cx))
}

/// A body in the format it should have, and the mode asked for.
pub(super) enum Body {
    Json(Bytes, Mode),
    Form(Bytes),
    /// A form read from the query string (`GET`, `HEAD`).
    Query(Parts),
}

/// The body's bytes: the async half of reading it.
pub(super) async fn body<S: Send + Sync>(
    req: Request,
    state: &S,
    form: bool,
) -> Result<Body, ValidRejection> {
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

pub(super) fn body_part<T>(body: Body, ctx: &T::Context) -> Result<Valid<T>, ValidationErrors>
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
