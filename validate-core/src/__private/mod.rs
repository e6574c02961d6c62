//! Support for the code `#[derive(Validate)]` generates. Not a public API:
//! names here may change in any release.
//!
//! The generated code reaches everything through this module (or through
//! the public API) by absolute path, so a user's `mod std` or `Result`
//! alias cannot change its meaning.

mod ascii_pattern;
mod custom;
mod decode_impl;
mod items;
mod newtype;
mod presence;
mod report;
mod rule_input;
mod statics;

pub use ascii_pattern::{AsciiPattern, AsciiRun, ascii_pattern};
pub use custom::{StructRuleResult, call_custom, call_custom_with, must_match};
pub use items::{Each, EachMut, Map, MapMut, each_items, key_loc, map_entries};
pub use presence::{Presence, required};
pub use report::{push_field, push_index};
pub use rule_input::{RuleInput, RuleInputMut};
pub use statics::{CachedText, charset, pattern};

pub use crate::__decode_impl as decode_impl;
pub use crate::__newtype_serde as newtype_serde;
#[cfg(feature = "serde")]
pub use decode_impl::flattened;
#[cfg(feature = "serde")]
pub use newtype::rejected;
#[cfg(feature = "serde")]
pub use serde;

pub use crate::validate::DepthGuard;
pub use regex::Regex;
pub use std::sync::LazyLock;

/// Compiles a literal pattern for a `static LazyLock<Regex>`.
///
/// The derive has already parsed the pattern with `regex-syntax` and the
/// same syntax options as `Regex::new`, so this only fails when the
/// compiled program exceeds the regex crate's size limit; the panic then
/// names the pattern, once per process, on the first validation.
#[allow(clippy::panic)]
pub fn compile_pattern(pattern: &'static str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        Err(err) => panic!("#[validate(pattern({pattern:?}))] does not compile: {err}"),
    }
}
