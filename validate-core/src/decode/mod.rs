//! A decoder that collects: reads a value with any serde deserializer and
//! reports every problem at once, as Pydantic does — every missing field,
//! every value of the wrong type, every unknown field under
//! `deny_unknown_fields`, every rejected rule newtype, and the rule failures
//! of every field that did decode — in one list, in field declaration
//! order, depth first.
//!
//! Serde's own `Deserialize` stops at the first problem. [`Decode`] is the
//! trait that does not: a value of the wrong type is reported at its loc and
//! skipped, and decoding goes on with the next one. `#[derive(Validate)]`
//! implements it for every struct it derives (from the same
//! `#[serde(...)]` attributes serde reads: `rename`, `rename_all`, `alias`,
//! `default`, `skip_deserializing`, `deny_unknown_fields`, `flatten`,
//! `transparent`); validate-core implements it for the standard types
//! (integers, floats, `bool`, `char`, `String`, `Option`, `Box` / `Rc` /
//! `Arc`, lists, sets, maps with string keys, tuples, arrays, [`Valid<T>`]).
//! A field whose type has only a serde impl (a `Uuid`, a `chrono` date, an
//! enum without `#[derive(Validate)]`) is read through that impl, from a
//! buffered copy of its value, and reported as one error at its loc if it
//! fails.
//!
//! Most users call it through [`json::from_slice`](crate::json::from_slice)
//! or the axum extractors; [`decode`] runs it over any deserializer.
//!
//! # Design
//!
//! - **Streaming.** A struct is read key by key from the deserializer's map;
//!   keys are matched against the wire names without allocating, values go
//!   straight into their field's slot. Nothing is buffered on the success
//!   path (only a `#[serde(flatten)]` struct's unknown keys and values
//!   handled by a serde impl are), so a valid body costs about what
//!   `serde_json::from_slice` costs.
//! - **Validation runs once, at the end.** When every field of the root
//!   decoded, the root is sanitized and validated by the code
//!   `#[derive(Validate)]` writes for `validate()`, exactly as
//!   [`Valid::new`] does. When something failed, the struct that holds it
//!   checks each field that did decode (its sanitizers, then its rules) and
//!   reports those failures beside the decoding errors, in declaration
//!   order; a field that failed to decode is not checked further, and
//!   struct-level rules do not run (Pydantic's after-validators) — not
//!   even those marked `always`, which need the struct the failure kept
//!   from being built.
//! - **Bounded.** Only a syntax error ends the input (`Err`); anything else
//!   is one error at its loc, so work is linear in the input and a list of a
//!   million wrong items gives one error per item. No text of the input or
//!   of serde's messages is copied into an error.
//!
//! # Strict and lax
//!
//! Strict ([`Mode::Strict`], the default) accepts what serde accepts: a JSON
//! integer for an integer, a string for a string, `true` / `false` for a
//! `bool`. Lax ([`Mode::Lax`]) also accepts what Pydantic's lax mode accepts
//! from JSON:
//!
//! | field | also accepts |
//! |---|---|
//! | integer | a float with no fractional part (`30.0`), a numeric string (`"30"`, `" 30 "`, `"30.0"`), `true` / `false` |
//! | float | a numeric string (`"1.5"`, `"inf"`), `true` / `false` |
//! | `bool` | `0` / `1`, and the strings `"0"`, `"1"`, `"true"`, `"false"`, `"t"`, `"f"`, `"yes"`, `"no"`, `"y"`, `"n"`, `"on"`, `"off"` in any case |
//!
//! Query strings and forms are text, so there every value is read from its
//! string as in lax mode, whatever the mode.
//!
//! ```
//! use validate_core::{Validate, json};
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Signup {
//!     #[validate(length(min = 3))]
//!     user_name: String,
//!     #[validate(range(min = 13))]
//!     age: u32,
//!     email: String,
//! }
//!
//! let errors = json::from_slice::<Signup>(br#"{"userName": "al", "age": "x"}"#).unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "userName: String should have at least 3 characters\n\
//!      age: Input should be a valid integer\n\
//!      email: Field required"
//! );
//! ```

mod content;
mod cx;
mod fallback;
mod map;
mod number;
mod object;
pub(crate) mod probe;
mod scalar;
mod seq;
mod strings;
#[doc(hidden)]
pub mod tagged;
mod wrap;

pub use cx::{DecodeCx, Mode};
pub use fallback::decode_via_serde;
pub use map::DecodeKey;
#[doc(hidden)]
pub use scalar::{Int, range_bound};
pub use strings::{Strings, parse_urlencoded};

#[doc(hidden)]
pub use content::{Content, ContentDeserializer};
#[doc(hidden)]
pub use fallback::{
    Failure, FlattenAll, FlattenKeys, ViaDecode, ViaNothing, ViaSerde, Wrap, decode_with,
};
#[doc(hidden)]
pub use object::{DecodeStruct, ItemCount, Partial, StructState, decode_struct};

use serde::de::Deserializer;

use crate::{LocChain, Valid, Validate, ValidationErrors};

/// A type that can be read by the collecting decoder (see the
/// [module docs](self)).
///
/// `decode` reads one value from `de`:
/// - `Ok(Some(value))` when it was built; nothing was reported;
/// - `Ok(None)` when it could not be built; every reason is already in
///   `cx`, at `loc` or below;
/// - `Err` only for what ends the whole input (a syntax error).
///
/// `C` is the validation context (see [`Validate::Context`]): a struct
/// that fails checks its decoded fields, and their rules may need it.
/// Context-free types implement `Decode<C>` for every `C`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read by the collecting decoder",
    label = "`{Self}` needs `#[derive(Validate)]`",
    note = "`#[derive(Validate)]` implements `Decode` for structs without lifetime parameters"
)]
pub trait Decode<C: ?Sized = ()>: Sized {
    /// Reads one value (see the [trait docs](Decode)).
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<Self>, D::Error>;
}

/// Why [`decode`] failed.
#[derive(Debug)]
pub enum DecodeError<E> {
    /// The value was read but is invalid: every error, in declaration
    /// order.
    Invalid(ValidationErrors),
    /// The input ended the reading: bad syntax. The deserializer's error
    /// may quote the input; it is handed over as it is.
    Syntax(E),
}

/// Decodes a `T` from `de`, sanitizes and validates it: a [`Valid<T>`], or
/// every error (see the [module docs](self)).
///
/// ```
/// use validate_core::{Validate, decode::{self, DecodeCx, DecodeError}};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Point { x: i8, y: i8 }
///
/// let mut de = serde_json::Deserializer::from_str(r#"{"x": 300, "y": "1"}"#);
/// let Err(DecodeError::Invalid(errors)) = decode::decode::<Point, _>(&mut de, DecodeCx::new(&())) else {
///     panic!("both fields are wrong");
/// };
/// assert_eq!(errors.len(), 2);
/// ```
pub fn decode<'de, T, D>(
    de: D,
    mut cx: DecodeCx<'_, T::Context>,
) -> Result<Valid<T>, DecodeError<D::Error>>
where
    T: Decode<T::Context> + Validate,
    D: Deserializer<'de>,
{
    match T::decode(de, &mut cx, &LocChain::ROOT) {
        Err(e) => Err(DecodeError::Syntax(e)),
        Ok(Some(value)) => {
            let ctx = cx.ctx();
            Valid::new_with(value, ctx).map_err(DecodeError::Invalid)
        }
        Ok(None) => Err(DecodeError::Invalid(cx.into_errors())),
    }
}
