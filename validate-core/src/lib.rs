//! Validate and sanitize untrusted input.
//!
//! `#[derive(Validate)]` on a request struct, rules and sanitizers on its
//! fields, `.validate()` in the handler: every failure comes back at once as
//! [`ValidationErrors`], whose JSON (feature `serde`) is Pydantic v2's and so
//! FastAPI's — without ever echoing the rejected value.
//!
//! ```
//! use validate_core::{Valid, Validate};
//!
//! #[derive(Debug, Validate)]
//! struct UserInput {
//!     #[validate(sanitize(trim), length(min = 3, max = 50), pattern("^[a-zA-Z0-9_]+$"))]
//!     username: String,
//!     #[validate(range(min = 13, max = 130))]
//!     age: u32,
//! }
//!
//! let ok = Valid::new(UserInput { username: " good_name_1 ".into(), age: 30 }).unwrap();
//! assert_eq!(ok.username, "good_name_1");
//!
//! let errors = UserInput { username: "bad name!".into(), age: 7 }.validate().unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "username: String should match pattern '^[a-zA-Z0-9_]+$'\n\
//!      age: Input should be greater than or equal to 13"
//! );
//! ```
//!
//! Where things are:
//! - [`Validate`] (the trait and its derive: the attribute language is
//!   documented on the derive), [`Valid`] (a value that passed);
//! - [`error`]: [`ValidationErrors`], [`ValidationError`], [`Loc`] and the
//!   [`catalogue`](error::catalogue) of kinds, messages and ctx keys;
//! - [`rules`]: every rule as a plain function; [`sanitize`]: the
//!   sanitizers; [`path`]: `safe_join`;
//! - [`RuleSet`] and [`rule_set!`], with `#[validate(newtype)]` on the
//!   derive: rules written once and reused by name or by type;
//! - [`decode`] (feature `serde`): the collecting decoder, which reads a
//!   request and reports every problem at once — missing fields, values of
//!   the wrong type, unknown fields, rule failures — as Pydantic does;
//!   [`json::from_slice`] (feature `json`) on top of it;
//! - [`integrations`]: serde (and axum: extractors that answer 422 like
//!   FastAPI), each behind its cargo feature; [`de`]: serde's own
//!   deserialization with structured errors (feature `serde`);
//! - `schema` (feature `schema`, with `schemars`): the rules as JSON Schema
//!   keywords.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod collections;
#[cfg(feature = "serde")]
pub mod decode;
pub mod error;
pub mod integrations;
#[cfg(feature = "json")]
pub mod json;
pub mod path;
pub mod rules;
pub mod sanitize;
#[cfg(feature = "schema")]
pub mod schema;
mod validate;

#[doc(hidden)]
pub mod __private;

// The README's Rust examples run as doctests (with the features they use;
// CI runs them with all features).
#[cfg(all(doctest, feature = "serde", feature = "secrecy"))]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

pub use error::{
    Ctx, CtxValue, IntoCtxValue, Kind, Loc, LocChain, LocItem, LocKey, ValidationError,
    ValidationErrors,
};
pub use validate::{
    DEFAULT_MAX_DEPTH, RuleSet, RuleSetSanitize, Valid, Validate, ValidateIn, max_depth,
    set_max_depth,
};

#[cfg(feature = "serde")]
pub use integrations::de;

#[cfg(feature = "derive")]
#[doc = include_str!("derive.md")]
pub use validate_derive::Validate;

#[cfg(feature = "derive")]
#[doc = include_str!("rule_set.md")]
pub use validate_derive::rule_set;

#[cfg(feature = "axum")]
pub use integrations::axum;

/// The `jiff` crate (feature `dates`), re-exported so the `Date` bounds of
/// [`rules::date_range`] can be written without depending on it directly:
/// `validate_core::jiff::civil::date(2000, 1, 1)`.
#[cfg(feature = "dates")]
pub use jiff;

/// The `secrecy` crate (feature `secrecy`), whose `SecretString` fields the
/// string rules and sanitizers accept.
#[cfg(feature = "secrecy")]
pub use secrecy;
