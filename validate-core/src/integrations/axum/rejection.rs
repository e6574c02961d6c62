//! [`ValidRejection`]: why an extractor refused a request, and the response
//! FastAPI would send for it.

use ::axum::extract::rejection::BytesRejection;
use ::axum::http::{HeaderValue, StatusCode, header};
use ::axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::{LocChain, ValidationErrors};

/// Why an extractor of this module ([`ValidJson`](super::ValidJson),
/// [`ValidQuery`](super::ValidQuery), [`ValidPath`](super::ValidPath), ...)
/// refused a request.
///
/// As a response, every variant is JSON in FastAPI's shape:
///
/// | variant | status | body |
/// |---|---|---|
/// | [`Invalid`](Self::Invalid) | 422 | `{"detail": [{"type", "loc", "msg", "ctx"}, ...]}` |
/// | [`UnsupportedMediaType`](Self::UnsupportedMediaType) | 415 | `{"detail": "Expected request with `Content-Type: application/json`"}` |
/// | [`Body`](Self::Body) | 413 / 400 | `{"detail": "Failed to buffer the request body: ..."}` |
///
/// No body contains the input. `Display` gives the errors' `loc: msg`
/// lines, or the reason the body was refused; a `Body` rejection keeps
/// axum's as its `source()`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ValidRejection {
    /// The request was read but is invalid: every error, in field order,
    /// whether a value could not be decoded or broke a rule. Each loc
    /// starts with `"body"`, `"query"`, `"path"` or `"header"`.
    #[error("{0}")]
    Invalid(ValidationErrors),
    /// The `Content-Type` is not the one the extractor reads; holds the one
    /// it expects (`application/json`).
    #[error("Expected request with `Content-Type: {0}`")]
    UnsupportedMediaType(&'static str),
    /// The body could not be read: over the size limit (413, see axum's
    /// `DefaultBodyLimit`) or a broken connection (400).
    #[error("{}", .0.body_text())]
    Body(#[source] BytesRejection),
}

impl ValidRejection {
    /// Errors found in the request part `root` (`"body"`, `"query"`): each
    /// loc gets `root` in front.
    pub fn at(root: &'static str, errors: ValidationErrors) -> Self {
        let mut placed = ValidationErrors::new();
        placed.extend_at(&LocChain::ROOT.field(root), errors);
        ValidRejection::Invalid(placed)
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        match self {
            ValidRejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ValidRejection::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ValidRejection::Body(rejection) => rejection.status(),
        }
    }

    /// The errors, for [`Invalid`](Self::Invalid).
    pub fn errors(&self) -> Option<&ValidationErrors> {
        match self {
            ValidRejection::Invalid(errors) => Some(errors),
            _ => None,
        }
    }
}

#[derive(Serialize)]
struct Detail<T> {
    detail: T,
}

impl IntoResponse for ValidRejection {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match &self {
            ValidRejection::Invalid(errors) => serde_json::to_vec(&Detail { detail: errors }),
            ValidRejection::UnsupportedMediaType(_) | ValidRejection::Body(_) => {
                serde_json::to_vec(&Detail {
                    detail: self.to_string(),
                })
            }
        };
        // Serializing strings and numbers cannot fail; should it ever, the
        // client still gets the status and a well-formed body.
        let body = body.unwrap_or_else(|_| br#"{"detail":[]}"#.to_vec());
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}
