//! Reading JSON into a checked value with every error at once:
//! [`from_slice`] for any framework, the entry point the axum extractors
//! use too.
//!
//! The body is read by the collecting decoder ([`crate::decode`]), then
//! sanitized and validated as [`Valid::new`] does. Every problem comes back
//! in one [`ValidationErrors`], in Pydantic's order and words:
//!
//! | input | error |
//! |---|---|
//! | empty body | `missing` at `[]` |
//! | malformed JSON | one `json_invalid` at `[<character offset>]`, `ctx.error` Python's reason (`Expecting value`) |
//! | an absent field | `missing` at the field |
//! | a value of the wrong type | `int_parsing` / `int_type`, `string_type`, `bool_type`, `list_type`, `model_attributes_type`, ... at the value |
//! | an unknown key under `deny_unknown_fields` | `extra_forbidden` at the key |
//! | a rule failure | the rule's error at the value |
//!
//! ```
//! use validate_core::{Validate, json};
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! struct Item {
//!     #[validate(length(min = 1))]
//!     name: String,
//!     #[validate(range(min = 1))]
//!     quantity: u32,
//! }
//!
//! let item = json::from_slice::<Item>(br#"{"name": "tea", "quantity": 2}"#).unwrap();
//! assert_eq!(item.quantity, 2);
//!
//! let errors = json::from_slice::<Item>(br#"{"name": "", "quantity": "2"}"#).unwrap_err();
//! assert_eq!(errors.len(), 2);
//! // Pydantic's lax mode reads "2" as 2: so does `from_slice_lax`.
//! let errors = json::from_slice_lax::<Item>(br#"{"name": "", "quantity": "2"}"#).unwrap_err();
//! assert_eq!(errors.to_string(), "name: String should have at least 1 character");
//! ```

pub(crate) mod syntax;

use crate::decode::{Decode, DecodeCx, Mode};
use crate::error::catalogue;
use crate::{LocChain, LocItem, Valid, Validate, ValidationErrors};

/// The UTF-8 byte order mark, which Python's `json.loads` skips.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads `T` from a JSON body in strict mode, then sanitizes and validates
/// it (see the [module docs](self)).
pub fn from_slice<T>(body: &[u8]) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<()> + Validate<Context = ()>,
{
    from_slice_with(body, &(), Mode::Strict)
}

/// [`from_slice`] in lax mode: `"30"` for an integer, `"true"` for a `bool`,
/// as Pydantic's default mode (see [`Mode::Lax`]).
pub fn from_slice_lax<T>(body: &[u8]) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<()> + Validate<Context = ()>,
{
    from_slice_with(body, &(), Mode::Lax)
}

/// [`from_slice`] for a type with a validation context, in either mode.
pub fn from_slice_with<T>(
    body: &[u8],
    ctx: &T::Context,
    mode: Mode,
) -> Result<Valid<T>, ValidationErrors>
where
    T: Decode<T::Context> + Validate,
{
    let value = decode::<T, T::Context>(body, DecodeCx::new(ctx).with_mode(mode))?;
    Valid::new_with(value, ctx)
}

/// Decodes `T` from a JSON body: every decoding error, or the value (not
/// yet sanitized nor validated).
pub(crate) fn decode<T: Decode<C>, C: ?Sized>(
    body: &[u8],
    mut cx: DecodeCx<'_, C>,
) -> Result<T, ValidationErrors> {
    if body.is_empty() {
        return Err(catalogue::missing().into());
    }
    let body = body.strip_prefix(BOM).unwrap_or(body);
    let mut de = serde_json::Deserializer::from_slice(body);
    let decoded = T::decode(&mut de, &mut cx, &LocChain::ROOT);
    let error = match decoded {
        Ok(value) => match de.end() {
            Ok(()) => return value.ok_or_else(|| cx.into_errors()),
            Err(e) => e,
        },
        Err(e) => e,
    };
    Err(syntax_error(body, &error).into())
}

/// The error for a body serde_json could not read: Python's wording and
/// position where Python also refuses it, else serde_json's (fixed texts,
/// never the input: a lone surrogate, a number out of range, nesting past
/// 128 levels).
fn syntax_error(body: &[u8], error: &serde_json::Error) -> crate::ValidationError {
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let at = body.get(..e.valid_up_to()).unwrap_or_default();
            let pos = String::from_utf8_lossy(at).chars().count();
            return catalogue::json_invalid("Invalid UTF-8").with_loc([LocItem::Index(pos)]);
        }
    };
    if let Err(e) = syntax::check(text) {
        return catalogue::json_invalid(e.msg).with_loc([LocItem::Index(e.pos)]);
    }
    let msg = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let msg = msg.strip_suffix(suffix.as_str()).unwrap_or(&msg).to_owned();
    let pos = syntax::char_offset(text, byte_offset(text, error.line(), error.column()));
    catalogue::json_invalid(msg).with_loc([LocItem::Index(pos)])
}

/// serde_json's position (1-based line, byte column) as a byte offset.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(n) => text
            .match_indices('\n')
            .nth(n)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}
