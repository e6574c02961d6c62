//! The extractors' `FromRequest` / `FromRequestParts` impls, and
//! [`ValidRequest`]: path, query and body in one 422.

use ::axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use ::axum::http::request::Parts;

use super::read::{
    body, body_part, checked, from_pairs, header_part, path_pairs, path_part, query_part,
};
use super::{
    ValidForm, ValidFormWith, ValidHeaders, ValidJson, ValidJsonWith, ValidPath, ValidQuery,
    ValidQueryWith, ValidRejection,
};
use crate::decode::{Decode, parse_urlencoded};
use crate::{Valid, Validate, ValidationErrors};

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

impl<T, S> FromRequestParts<S> for ValidHeaders<T>
where
    T: Decode<()> + Validate<Context = ()>,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ValidRejection> {
        header_part(parts, &())
            .map(ValidHeaders)
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
