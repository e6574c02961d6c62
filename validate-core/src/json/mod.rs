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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::{Value, json};

    use super::*;

    fn read(body: &[u8]) -> Value {
        match decode::<BTreeMap<String, u32>, ()>(body, DecodeCx::new(&())) {
            Ok(map) => json!({ "ok": map.len() }),
            Err(errors) => serde_json::to_value(&errors).expect("serializes"),
        }
    }

    fn invalid(pos: usize, error: &str) -> Value {
        json!([{"type": "json_invalid", "loc": [pos], "msg": "JSON decode error",
                "ctx": {"error": error}}])
    }

    #[test]
    fn malformed_json_is_json_invalid_at_the_character_offset() {
        let cases = [
            (
                r#"{"userName": 1,"#,
                15,
                "Expecting property name enclosed in double quotes",
            ),
            (r#"{"userName" 1}"#, 12, "Expecting ':' delimiter"),
            (r#"{"a": 1} x"#, 9, "Extra data"),
            (
                "{\"\u{e9}\u{e9}\": 1 ,,}",
                10,
                "Expecting property name enclosed in double quotes",
            ),
            ("  ", 2, "Expecting value"),
            ("nul", 0, "Expecting value"),
            (r#"{"a":"x"#, 5, "Unterminated string starting at"),
            ("{\"a\":\n  x}", 8, "Expecting value"),
        ];
        for (input, pos, error) in cases {
            assert_eq!(read(input.as_bytes()), invalid(pos, error), "{input:?}");
        }
    }

    #[test]
    fn a_float_is_the_nearest_double_to_what_was_sent() {
        // Just under a million: serde_json's fast parse (without
        // `float_roundtrip`) rounds it up to 1000000.0, which a bound
        // `lt = 1000000.0` then refuses although the client's number
        // passes it.
        let body = b"[999999.9999999999, 0.1, 1e-300, 179769313486231570000e288]";
        let read = decode::<Vec<f64>, ()>(body, DecodeCx::new(&())).expect("numbers");
        assert_eq!(read, [999_999.999_999_999_9, 0.1, 1e-300, f64::MAX]);
        assert!(read[0] < 1_000_000.0);
    }

    #[test]
    fn a_syntax_error_outranks_every_other_error() {
        // `"x"` is the wrong type, but the body is not JSON at all.
        assert_eq!(read(br#"{"a": "x"}}"#), invalid(10, "Extra data"));
    }

    #[test]
    fn empty_body_bom_and_bad_utf8() {
        assert_eq!(
            read(b""),
            json!([{"type": "missing", "loc": [], "msg": "Field required"}])
        );
        assert_eq!(read(b"\xEF\xBB\xBF{\"a\": 1}"), json!({"ok": 1}));
        assert_eq!(read(b"{\"a\": \"\xff\"}"), invalid(7, "Invalid UTF-8"));
    }

    #[test]
    fn odd_numbers_and_deep_values_are_one_error() {
        // A number past f64 (Python reads `inf`, serde_json refuses it):
        // one `json_invalid` in serde_json's fixed words, never the input.
        let huge = read(br#"{"a": 1e999}"#);
        assert_eq!(huge[0]["type"], "json_invalid");
        // A value nested 200 deep where a number belongs is skipped without
        // recursion: one error.
        let deep = format!(r#"{{"a": {}{}}}"#, "[".repeat(200), "]".repeat(200));
        let deep = read(deep.as_bytes());
        assert_eq!(deep.as_array().map(Vec::len), Some(1), "{deep}");
        assert_eq!(deep[0]["type"], "int_type");
    }
}
