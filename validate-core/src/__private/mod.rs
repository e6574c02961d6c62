//! Support for the code `#[derive(Validate)]` generates. Not a public API:
//! names here may change in any release.
//!
//! The generated code reaches everything through this module (or through
//! the public API) by absolute path, so a user's `mod std` or `Result`
//! alias cannot change its meaning.

mod ascii_pattern;
mod choices;
mod custom;
mod decode_impl;
mod formats;
mod items;
mod must_match;
mod newtype;
mod presence;
mod report;
mod rule_input;
mod statics;

pub use crate::collections::{EACH_NAMES, MAP_NAMES};
pub use ascii_pattern::{AsciiPattern, AsciiRun, ascii_pattern};
pub use choices::{ChoiceList, one_of_list};
pub use custom::{StructRuleResult, call_custom, call_custom_with};
pub use formats::{domain_trailing_dot, hostname_trailing_dot};
pub use items::{Each, EachMut, Map, MapMut, each_items, key_loc, map_entries};
pub use must_match::{ByEq, ByStr, MatchBy, MatchEq, MatchPair};
pub use presence::{Presence, required};
pub use report::{push_field, push_index};
pub use rule_input::{RuleInput, RuleInputMut};
pub use statics::{CachedText, charset, pattern};
#[cfg(feature = "derive")]
pub use validate_derive::{
    __collection_names as collection_names, __ctx_key_table as ctx_key_table,
    __rule_table as rule_table,
};

pub use crate::__newtype_serde as newtype_serde;
#[cfg(feature = "serde")]
pub use decode_impl::flattened;
#[cfg(feature = "serde")]
pub use newtype::rejected;
#[cfg(feature = "serde")]
pub use serde;
#[cfg(feature = "schema")]
pub use serde_json;

pub use crate::validate::DepthGuard;
pub use regex::Regex;
pub use std::sync::LazyLock;

/// `range(...)` as the derive calls it: the bounds first, so their type is
/// settled by the literals before the value's, and a value of another type
/// fails on [`RangeInput`](crate::rules::RangeInput), whose message names
/// the rule (with the value first, inference would take the bounds' type
/// from the value and blame the literals).
pub fn range<V, B>(
    lower: std::ops::Bound<B>,
    upper: std::ops::Bound<B>,
    value: &V,
) -> Result<(), crate::ValidationError>
where
    V: crate::rules::RangeInput<B> + ?Sized,
    B: PartialOrd + crate::error::IntoCtxValue,
{
    crate::rules::range(value, (lower, upper))
}

/// The version stamp: the derive of version X.Y.Z refers to
/// `VALIDATE_DERIVE_X_Y_Z_NEEDS_VALIDATE_CORE_X_Y_Z` once per derive, so a
/// validate-derive that is not this crate's own version fails to compile
/// with this name in the error instead of a missing helper. Cargo pins the
/// two crates to each other (`=`); this catches a `crate = path` or a
/// patched dependency that breaks the pin. Rename it with every release
/// (every derive test fails until it is).
pub const VALIDATE_DERIVE_0_1_0_NEEDS_VALIDATE_CORE_0_1_0: () = ();

/// `crate::schema` under the version stamp's name, the path the derive's
/// `ValidateSchema` impls take (see the stamp).
#[cfg(feature = "schema")]
pub use crate::schema as VALIDATE_DERIVE_0_1_0_NEEDS_VALIDATE_CORE_0_1_0;

/// Compiles a literal pattern for a `static LazyLock<Regex>`.
///
/// The derive has already compiled the pattern with `Regex::new` (the same
/// options, the same size limit), so a derived call never fails here: a
/// pattern that does not compile, or is over the size limit, is a compile
/// error on the pattern. The panic is for a hand-written call only, and
/// names the pattern.
#[allow(clippy::panic)]
pub fn compile_pattern(pattern: &'static str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        Err(err) => panic!("#[validate(pattern({pattern:?}))] does not compile: {err}"),
    }
}

/// `decode_impl!` (the decoder the derive writes, kept only with feature
/// `serde`) under the version stamp's name, in the macro namespace: the
/// path the derive takes to it, so a mismatched validate-core reports the
/// versions there too (see the stamp).
pub use crate::__decode_impl as VALIDATE_DERIVE_0_1_0_NEEDS_VALIDATE_CORE_0_1_0;
