//! Request bytes to `T`, a failure to one [`ValidationError`] in Pydantic's
//! words: `missing`, `json_invalid`, `int_parsing`, `string_type`,
//! `model_attributes_type`, ... with the path serde_path_to_error found.
//!
//! Serde's errors are messages, some of which quote the input
//! (`invalid type: string "hunter2", expected u32`). The text is only ever
//! classified here, never copied out: kinds come from the catalogue, field
//! and variant names and integer bounds from the type itself (see
//! [`probe`](crate::decode::probe)).

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use crate::de::{Rejection, capture_rejection};
use crate::decode::probe::{Shape, shape_at};
use crate::error::catalogue::{self, join_expected};
use crate::json::syntax as json_syntax;
use crate::{CtxValue, Loc, LocItem, ValidationError, ValidationErrors};

/// The UTF-8 byte order mark, which Python's `json.loads` skips.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a JSON body. The errors' loc is relative to the body: one error
/// (serde stops at the first), or the errors of a rule newtype that rejected
/// its value.
pub(crate) fn from_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ValidationErrors> {
    if body.is_empty() {
        return Err(catalogue::missing().into());
    }
    let body = body.strip_prefix(BOM).unwrap_or(body);
    let mut de = serde_json::Deserializer::from_slice(body);
    let (typed, rejection) =
        capture_rejection(|| serde_path_to_error::deserialize::<_, T>(&mut de));
    let typed = match typed {
        Ok(value) => match de.end() {
            Ok(()) => return Ok(value),
            Err(_) => None,
        },
        Err(e) => Some(e),
    };
    // Failure path only from here: a syntax error outranks a type error,
    // as FastAPI parses the whole body before validating it.
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let at = body.get(..e.valid_up_to()).unwrap_or_default();
            let pos = String::from_utf8_lossy(at).chars().count();
            let error = catalogue::json_invalid("Invalid UTF-8").with_loc([LocItem::Index(pos)]);
            return Err(error.into());
        }
    };
    if let Err(e) = json_syntax::check(text) {
        return Err(catalogue::json_invalid(e.msg)
            .with_loc([LocItem::Index(e.pos)])
            .into());
    }
    let Some(e) = typed else {
        // Unreachable in practice: `end` only fails on trailing data, which
        // the syntax check reports.
        return Err(catalogue::json_invalid("Extra data").into());
    };
    let path: Vec<&Segment> = e.path().iter().collect();
    let inner = e.inner();
    if let Some(errors) = rejected::<T>(rejection, inner, &path) {
        return Err(errors);
    }
    let msg = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    let msg = msg.strip_suffix(suffix.as_str()).unwrap_or(&msg);
    let error = match inner.classify() {
        serde_json::error::Category::Data => data_error::<T>(&path, msg, Format::Json),
        // What serde_json rejects and Python accepts: a lone surrogate, a
        // number out of f64 range, nesting past 128 levels. serde_json also
        // calls a number where an enum belongs a syntax error.
        _ => {
            let shapes = Shapes::of::<T>(&path);
            if let Shape::Enum(variants) = shapes.leaf() {
                return Err(placed(enum_error(variants), shapes.loc(&path)).into());
            }
            // serde_json's syntax messages are fixed texts, never the input.
            let pos = byte_offset(text, inner.line(), inner.column());
            let pos = json_syntax::char_offset(text, pos);
            catalogue::json_invalid(msg.to_owned()).with_loc([LocItem::Index(pos)])
        }
    };
    Err(error.into())
}

/// Reads an `application/x-www-form-urlencoded` body or a query string.
/// The errors' loc is relative to it (see [`from_json`]).
pub(crate) fn from_urlencoded<T: DeserializeOwned>(input: &[u8]) -> Result<T, ValidationErrors> {
    let de = serde_html_form::Deserializer::from_bytes(input);
    let (result, rejection) = capture_rejection(|| serde_path_to_error::deserialize::<_, T>(de));
    result.map_err(|e| {
        let path: Vec<&Segment> = e.path().iter().collect();
        rejected::<T>(rejection, e.inner(), &path).unwrap_or_else(|| {
            data_error::<T>(&path, &e.inner().to_string(), Format::Urlencoded).into()
        })
    })
}

/// The errors of the rule newtype whose rejection ended deserialization
/// (its message begins serde's error), placed where it is; `None` when
/// serde failed for another reason.
fn rejected<T: DeserializeOwned>(
    rejection: Option<Rejection>,
    error: &impl std::fmt::Display,
    path: &[&Segment],
) -> Option<ValidationErrors> {
    let rejection = rejection.filter(|r| r.explains(error))?;
    Some(rejection.into_errors_at(&Shapes::of::<T>(path).loc(path)))
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

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    /// Every value is a string there.
    Urlencoded,
}

/// The shape of the type at each prefix of an error path: `shapes[k]` is
/// the type at `path[..k]`.
struct Shapes(Vec<Shape>);

impl Shapes {
    fn of<T: DeserializeOwned>(path: &[&Segment]) -> Self {
        Shapes(
            (0..=path.len())
                .map(|k| shape_at::<T>(&path[..k]))
                .collect(),
        )
    }

    fn leaf(&self) -> Shape {
        self.0.last().copied().unwrap_or(Shape::Unknown)
    }

    /// The loc of `path` (of its first `len` segments): a key is a field
    /// where the type there is a struct that has it, a map key otherwise.
    fn loc_upto(&self, path: &[&Segment], len: usize) -> Loc {
        let mut loc = Loc::new();
        for (k, segment) in path.iter().take(len).enumerate() {
            match segment {
                Segment::Seq { index } => loc.push(LocItem::Index(*index)),
                Segment::Map { key } => loc.push(self.key_item(k, key)),
                Segment::Enum { variant } => loc.push(LocItem::Field(Cow::Owned(variant.clone()))),
                Segment::Unknown => {}
            }
        }
        loc
    }

    fn loc(&self, path: &[&Segment]) -> Loc {
        self.loc_upto(path, path.len())
    }

    fn key_item(&self, k: usize, key: &str) -> LocItem {
        match self.0.get(k) {
            Some(Shape::Struct(fields)) => match fields.iter().find(|f| **f == key) {
                Some(field) => LocItem::field(field),
                None => LocItem::Key(Cow::Owned(key.to_owned())),
            },
            _ => LocItem::Key(Cow::Owned(key.to_owned())),
        }
    }
}

/// What serde said it got, read from the start of its message.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Got {
    Str,
    Int {
        negative: bool,
    },
    Float {
        fractional: bool,
    },
    Bool,
    Null,
    Seq,
    Map,
    /// An array of the wrong length for a tuple, array or struct.
    Length,
    Other,
}

fn got(msg: &str, format: Format) -> Got {
    if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        if rest.starts_with("string ") {
            return Got::Str;
        }
        if let Some(n) = rest.strip_prefix("integer `") {
            return Got::Int {
                negative: n.starts_with('-'),
            };
        }
        if let Some(n) = rest.strip_prefix("floating point `") {
            let number = n.split('`').next().unwrap_or_default();
            let fractional = number.parse::<f64>().map_or(true, |v| v.fract() != 0.0);
            return Got::Float { fractional };
        }
        if rest.starts_with("boolean `") {
            return Got::Bool;
        }
        if rest.starts_with("null") || rest.starts_with("unit value") {
            return Got::Null;
        }
        if rest.starts_with("sequence") {
            return Got::Seq;
        }
        if rest.starts_with("map") {
            return Got::Map;
        }
        return Got::Other;
    }
    if msg.starts_with("invalid length ") {
        return Got::Length;
    }
    match format {
        Format::Json => Got::Other,
        // `str::parse` failures (`invalid digit found in string`): the value
        // was a string. Overflow is told apart by the sign it reports.
        Format::Urlencoded => match msg {
            "number too large to fit in target type" => Got::Int { negative: false },
            "number too small to fit in target type" => Got::Int { negative: true },
            // A repeated key where one value belongs.
            "unsupported value" => Got::Seq,
            _ => Got::Str,
        },
    }
}

/// A serde data error as one Pydantic error, its loc set.
fn data_error<T: DeserializeOwned>(
    path: &[&Segment],
    msg: &str,
    format: Format,
) -> ValidationError {
    let shapes = Shapes::of::<T>(path);
    // serde reads a struct from an array, so an array where an object
    // belongs fails inside it: report it where the struct is, as Pydantic.
    for (k, segment) in path.iter().enumerate() {
        if matches!(segment, Segment::Seq { .. })
            && matches!(shapes.0.get(k), Some(Shape::Struct(_)))
        {
            return placed(catalogue::model_attributes_type(), shapes.loc_upto(path, k));
        }
    }
    let mut loc = shapes.loc(path);
    let fields = match shapes.leaf() {
        Shape::Struct(fields) => fields,
        _ => &[],
    };
    if let Some(name) = quoted(msg, "missing field `") {
        loc.push(field_item(fields, name));
        return placed(catalogue::missing(), loc);
    }
    if let Some(name) = quoted(msg, "duplicate field `") {
        loc.push(field_item(fields, name));
        return placed(catalogue::value_error("duplicate field"), loc);
    }
    if msg.starts_with("unknown field `") {
        if let Some(key) = unknown_field(msg, fields) {
            loc.push(LocItem::Key(Cow::Owned(key.to_owned())));
        }
        return placed(catalogue::extra_forbidden(), loc);
    }
    let shape = match shapes.leaf() {
        Shape::Unknown => shape_from_expected(msg),
        shape => shape,
    };
    placed(type_error(shape, got(msg, format)), loc)
}

fn placed(mut error: ValidationError, loc: Loc) -> ValidationError {
    *error.loc_mut() = loc;
    error
}

/// The error for a value of the wrong type or out of range.
fn type_error(shape: Shape, got: Got) -> ValidationError {
    match (shape, got) {
        (Shape::Struct(_), _) => catalogue::model_attributes_type(),
        (Shape::Enum(variants), _) => enum_error(variants),
        (Shape::Int { .. }, Got::Str) => catalogue::int_parsing(),
        (Shape::Int { min, .. }, Got::Int { negative: true }) => match i64::try_from(min) {
            Ok(min) => catalogue::greater_than_equal(CtxValue::Int(min)),
            Err(_) => catalogue::int_type(),
        },
        (Shape::Int { max, .. }, Got::Int { negative: false }) => match u64::try_from(max) {
            Ok(max) => catalogue::less_than_equal(match i64::try_from(max) {
                Ok(max) => CtxValue::Int(max),
                Err(_) => CtxValue::UInt(max),
            }),
            Err(_) => catalogue::int_type(),
        },
        (Shape::Int { .. }, Got::Float { fractional: true }) => catalogue::int_from_float(),
        (Shape::Int { .. }, _) => catalogue::int_type(),
        (Shape::Float, Got::Str) => catalogue::float_parsing(),
        (Shape::Float, _) => catalogue::float_type(),
        (Shape::Bool, Got::Str | Got::Int { .. } | Got::Float { .. }) => catalogue::bool_parsing(),
        (Shape::Bool, _) => catalogue::bool_type(),
        (Shape::Str | Shape::Char, Got::Str) => catalogue::value_error("invalid value"),
        (Shape::Str | Shape::Char, _) => catalogue::string_type(),
        (Shape::Seq, Got::Length | Got::Seq) => catalogue::value_error("wrong number of items"),
        (Shape::Seq, _) => catalogue::list_type(),
        (Shape::Map, Got::Map) => catalogue::value_error("invalid value"),
        (Shape::Map, _) => catalogue::dict_type(),
        (Shape::Bytes | Shape::Unit | Shape::Unknown, _) => catalogue::value_error("invalid value"),
    }
}

fn enum_error(variants: &'static [&'static str]) -> ValidationError {
    let choices: Vec<CtxValue> = variants.iter().map(|v| CtxValue::from(*v)).collect();
    catalogue::enum_variant(join_expected(&choices))
}

/// The text between `prefix` and the closing backtick that ends `msg`.
fn quoted<'m>(msg: &'m str, prefix: &str) -> Option<&'m str> {
    msg.strip_prefix(prefix)?.strip_suffix('`')
}

/// A field name serde reported, as the struct's own `&'static str` when the
/// struct is known.
fn field_item(fields: &'static [&'static str], name: &str) -> LocItem {
    match fields.iter().find(|f| **f == name) {
        Some(field) => LocItem::field(field),
        None => LocItem::Field(Cow::Owned(name.to_owned())),
    }
}

/// The key of `unknown field `KEY`, expected ...`. The key is the input's
/// and may hold backticks, so the tail serde appends is rebuilt from the
/// struct's field list and cut off exactly.
fn unknown_field<'m>(msg: &'m str, fields: &[&str]) -> Option<&'m str> {
    let rest = msg.strip_prefix("unknown field `")?;
    let tail = match fields {
        [] => return None,
        [one] => format!("`, expected `{one}`"),
        [a, b] => format!("`, expected `{a}` or `{b}`"),
        many => {
            let names: Vec<String> = many.iter().map(|f| format!("`{f}`")).collect();
            format!("`, expected one of {}", names.join(", "))
        }
    };
    rest.strip_suffix(tail.as_str())
}

/// The expected type named at the end of serde's message, for types the
/// probe cannot see into (a `#[serde(flatten)]`, a custom impl).
fn shape_from_expected(msg: &str) -> Shape {
    let Some((_, expected)) = msg.rsplit_once(", expected ") else {
        return Shape::Unknown;
    };
    let int = |min: i128, max: u128| Shape::Int { min, max };
    match expected {
        "a string" | "a borrowed string" => Shape::Str,
        "a character" => Shape::Char,
        "a boolean" => Shape::Bool,
        "f32" | "f64" => Shape::Float,
        "u8" => int(0, u8::MAX.into()),
        "u16" => int(0, u16::MAX.into()),
        "u32" => int(0, u32::MAX.into()),
        "u64" => int(0, u64::MAX.into()),
        "i8" => int(i8::MIN.into(), i8::MAX.unsigned_abs().into()),
        "i16" => int(i16::MIN.into(), i16::MAX.unsigned_abs().into()),
        "i32" => int(i32::MIN.into(), i32::MAX.unsigned_abs().into()),
        "i64" => int(i64::MIN.into(), i64::MAX.unsigned_abs().into()),
        "a sequence" => Shape::Seq,
        "a map" => Shape::Map,
        other if other.starts_with("struct ") => Shape::Struct(&[]),
        other if other.starts_with("a tuple") || other.starts_with("tuple struct ") => Shape::Seq,
        _ => Shape::Unknown,
    }
}

#[cfg(test)]
mod tests;
