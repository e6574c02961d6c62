//! Validate and sanitize untrusted input.
//!
//! `#[derive(Validate)]` on a request struct, rules and sanitizers on its
//! fields, `.validate()` in the handler: every failure comes back at once as
//! [`ValidationErrors`], whose JSON (feature `serde`) is Pydantic v2's and so
//! FastAPI's — without ever echoing the rejected value.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod error;
pub mod integrations;
pub mod path;
pub mod rules;
pub mod sanitize;
mod validate;

#[doc(hidden)]
pub mod __private;

pub use error::{
    Ctx, CtxValue, IntoCtxValue, Kind, Loc, LocChain, LocItem, LocKey, ValidationError,
    ValidationErrors,
};
pub use validate::{Valid, Validate, ValidateIn};

#[cfg(feature = "derive")]
#[doc = include_str!("derive.md")]
pub use validate_derive::Validate;

#[cfg(feature = "axum")]
pub use integrations::axum;
