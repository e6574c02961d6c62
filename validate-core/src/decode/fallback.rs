//! How the generated decoder reads one field: with the field type's
//! [`Decode`] when it has one, else through its serde impl from a buffered
//! copy of the value (so a failure is one error at the field's loc and the
//! rest of the input is still read), else — a type with neither, which only
//! a struct without `#[derive(Deserialize)]` can hold — one error.
//!
//! The choice is made at compile time by autoref specialization: the
//! generated code calls `(&&&Wrap::<T, C>::new()).decode_value(..)`, and
//! method resolution picks the impl on `&&Wrap` (`T: Decode<C>`) before the
//! one on `&Wrap` (`T: DeserializeOwned`) before the one on `Wrap`.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny};
use serde_path_to_error::Segment;

use super::content::Content;
use super::probe::{Shape, shape_at};
use super::{Decode, DecodeCx};
use crate::error::catalogue::{self, join_expected};
use crate::{CtxValue, LocChain, LocItem, ValidationError};

/// The type a field is read as, to choose how to read it by autoref
/// specialization: `Decode`, else serde, else nothing.
pub struct Wrap<T, C: ?Sized>(PhantomData<fn() -> T>, PhantomData<fn(&C)>);

impl<T, C: ?Sized> Wrap<T, C> {
    /// The marker.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Wrap(PhantomData, PhantomData)
    }
}

/// The first choice: `T: Decode<C>`.
pub trait ViaDecode<T, C: ?Sized> {
    /// Reads the value as [`Decode::decode`] does.
    fn decode_value<'de, D: Deserializer<'de>>(
        &self,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<T>, D::Error>;
}

impl<T: Decode<C>, C: ?Sized> ViaDecode<T, C> for &&Wrap<T, C> {
    #[inline]
    fn decode_value<'de, D: Deserializer<'de>>(
        &self,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<T>, D::Error> {
        T::decode(de, cx, loc)
    }
}

/// The second choice: `T`'s serde impl, over a buffered copy.
pub trait ViaSerde<T, C: ?Sized> {
    /// Reads the value with its serde impl; a failure is one error at `loc`.
    fn decode_value<'de, D: Deserializer<'de>>(
        &self,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<T>, D::Error>;
}

impl<T: DeserializeOwned, C: ?Sized> ViaSerde<T, C> for &Wrap<T, C> {
    fn decode_value<'de, D: Deserializer<'de>>(
        &self,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<T>, D::Error> {
        decode_via_serde(de, cx, loc)
    }
}

/// Reads a `T` through its serde impl, from a buffered copy of the value,
/// for [`Decode`] impls written by hand: a failure is one error at `loc`
/// (or below, where serde stopped), in Pydantic's words.
///
/// ```
/// use validate_core::decode::{Decode, DecodeCx, decode_via_serde};
/// use validate_core::LocChain;
///
/// #[derive(serde::Deserialize)]
/// struct Point { x: i32, y: i32 }
///
/// impl<C: ?Sized> Decode<C> for Point {
///     fn decode<'de, D: serde::Deserializer<'de>>(
///         de: D,
///         cx: &mut DecodeCx<'_, C>,
///         loc: &LocChain<'_>,
///     ) -> Result<Option<Self>, D::Error> {
///         decode_via_serde(de, cx, loc)
///     }
/// }
/// ```
pub fn decode_via_serde<'de, T, C, D>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Result<Option<T>, D::Error>
where
    T: DeserializeOwned,
    C: ?Sized,
    D: Deserializer<'de>,
{
    let content = Content::read(de)?;
    Ok(via_serde::<T, C>(content, cx, loc))
}

/// The last choice: a type that cannot be read from input.
pub trait ViaNothing<T, C: ?Sized> {
    /// Skips the value and reports it as unreadable.
    fn decode_value<'de, D: Deserializer<'de>>(
        &self,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<T>, D::Error>;
}

impl<T, C: ?Sized> ViaNothing<T, C> for Wrap<T, C> {
    fn decode_value<'de, D: Deserializer<'de>>(
        &self,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<T>, D::Error> {
        de.deserialize_ignored_any(IgnoredAny)?;
        cx.push(
            loc,
            catalogue::value_error("this value cannot be read from input"),
        );
        Ok(None)
    }
}

/// A field with `#[serde(deserialize_with = "f")]` (or `with`): `f` over a
/// buffered copy of the value; a failure is one `value_error` at `loc`.
pub fn decode_with<'de, T, C, D, F>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
    f: F,
) -> Result<Option<T>, D::Error>
where
    C: ?Sized,
    D: Deserializer<'de>,
    F: FnOnce(super::ContentDeserializer<Failure>) -> Result<T, Failure>,
{
    let content = Content::read(de)?;
    match f(content.into_deserializer()) {
        Ok(value) => Ok(Some(value)),
        Err(_) => {
            cx.push(loc, catalogue::value_error("invalid value"));
            Ok(None)
        }
    }
}

/// A flattened field's keys: a struct's own keys are taken from the
/// unknown ones, so a later flattened field does not see them (as serde).
pub trait FlattenKeys<T, C: ?Sized> {
    /// Whether the flattened field's type reads `key`.
    fn knows(&self, key: &str) -> bool;
}

impl<T: super::DecodeStruct<C>, C: ?Sized> FlattenKeys<T, C> for &&Wrap<T, C> {
    fn knows(&self, key: &str) -> bool {
        T::field(key).is_some()
    }
}

/// A flattened map (or a type read by serde) takes no key of its own.
pub trait FlattenAll<T, C: ?Sized> {
    /// Always `false`.
    fn knows(&self, key: &str) -> bool;
}

impl<T, C: ?Sized> FlattenAll<T, C> for &Wrap<T, C> {
    fn knows(&self, _: &str) -> bool {
        false
    }
}

/// A serde error as the fallback sees it: its message, used only to
/// classify (never copied into an error).
#[derive(Debug)]
pub struct Failure(String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value could not be read")
    }
}

impl std::error::Error for Failure {}

impl de::Error for Failure {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Failure(msg.to_string())
    }
}

/// `T` from `content` through its serde impl; a failure is reported at
/// `loc` plus the path serde reached, in Pydantic's words.
pub(crate) fn via_serde<T: DeserializeOwned, C: ?Sized>(
    content: Content,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Option<T> {
    // The copy keeps what was there for the error, should there be one;
    // this path is for types without `Decode` only.
    let copy = match cx.is_strings() {
        true => content.clone().into_text_deserializer::<Failure>(),
        false => content.clone().into_deserializer::<Failure>(),
    };
    let error = match serde_path_to_error::deserialize::<_, T>(copy) {
        Ok(value) => return Some(value),
        Err(error) => error,
    };
    let path: Vec<&Segment> = error.path().iter().collect();
    let mut at = loc.to_loc();
    let mut here = Some(&content);
    for segment in &path {
        match segment {
            Segment::Seq { index } => {
                at.push(LocItem::Index(*index));
                here = match here {
                    Some(Content::Seq(items)) => items.get(*index),
                    _ => None,
                };
            }
            Segment::Map { key } => {
                at.push(LocItem::from_input(key.as_str()));
                here = match here {
                    Some(Content::Map(entries)) => {
                        entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
                    }
                    _ => None,
                };
            }
            Segment::Enum { variant } => at.push(LocItem::from_input(variant.as_str())),
            Segment::Unknown => {}
        }
    }
    let shape = shape_at::<T>(&path);
    let message = &error.inner().0;
    let mut err = match missing_field(message) {
        Some(field) => {
            at.push(LocItem::Field(Cow::Owned(field.to_owned())));
            catalogue::missing()
        }
        None => classify(shape, here, cx.converts_strings()),
    };
    *err.loc_mut() = at;
    cx.errors_mut().push(err);
    None
}

/// The field of serde's `missing field `name`` (a name from the type's
/// code, not the input).
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.strip_suffix('`')
}

/// The error for a value of `shape` that serde refused, given what was
/// there.
fn classify(shape: Shape, got: Option<&Content>, convert: bool) -> ValidationError {
    use Content as G;
    match (shape, got) {
        (Shape::Enum(variants), _) => enum_error(variants),
        (Shape::Struct(_), Some(G::Map(_))) => catalogue::value_error("invalid value"),
        (Shape::Struct(_), _) => catalogue::model_attributes_type(),
        (Shape::Int { min, max }, Some(G::U64(_) | G::I64(_))) => {
            let below = matches!(got, Some(G::I64(v)) if i128::from(*v) < min);
            if below {
                catalogue::greater_than_equal(
                    i64::try_from(min).map_or(CtxValue::Float(min as f64), CtxValue::Int),
                )
            } else {
                catalogue::less_than_equal(match (i64::try_from(max), u64::try_from(max)) {
                    (Ok(v), _) => CtxValue::Int(v),
                    (_, Ok(v)) => CtxValue::UInt(v),
                    _ => CtxValue::Float(max as f64),
                })
            }
        }
        (Shape::Int { .. }, Some(G::Str(_))) if convert => catalogue::int_parsing(),
        (Shape::Int { .. }, Some(G::F64(f))) if convert && f.fract() != 0.0 => {
            catalogue::int_from_float()
        }
        (Shape::Int { .. }, _) => catalogue::int_type(),
        (Shape::Float, Some(G::Str(_))) if convert => catalogue::float_parsing(),
        (Shape::Float, _) => catalogue::float_type(),
        (Shape::Bool, Some(G::Str(_) | G::U64(_) | G::I64(_))) if convert => {
            catalogue::bool_parsing()
        }
        (Shape::Bool, _) => catalogue::bool_type(),
        (Shape::Str | Shape::Char, Some(G::Str(_))) => catalogue::value_error("invalid value"),
        (Shape::Str | Shape::Char, _) => catalogue::string_type(),
        (Shape::Seq, Some(G::Seq(_))) => catalogue::value_error("wrong number of items"),
        (Shape::Seq, _) => catalogue::list_type(),
        (Shape::Map, Some(G::Map(_))) => catalogue::value_error("invalid value"),
        (Shape::Map, _) => catalogue::dict_type(),
        (Shape::Bytes | Shape::Unit | Shape::Unknown, _) => catalogue::value_error("invalid value"),
    }
}

/// `enum`: `Input should be 'a' or 'b'`.
pub(crate) fn enum_error(variants: &'static [&'static str]) -> ValidationError {
    let choices: Vec<CtxValue> = variants.iter().map(|v| CtxValue::from(*v)).collect();
    catalogue::enum_variant(join_expected(&choices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LocChain;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Role {
        Admin,
        User,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Plain {
        id: u8,
        role: Role,
    }

    fn run<T: DeserializeOwned>(json: &str) -> (Option<T>, String) {
        let mut cx = DecodeCx::new(&());
        let content = Content::read(&mut serde_json::Deserializer::from_str(json)).unwrap();
        let root = LocChain::ROOT;
        let loc = root.field("f");
        let out = via_serde::<T, ()>(content, &mut cx, &loc);
        let text = serde_json::to_string(cx.errors()).unwrap();
        (out, text)
    }

    #[test]
    fn serde_types_fail_with_one_error_at_their_path() {
        let (ok, _) = run::<Role>(r#""admin""#);
        assert_eq!(ok, Some(Role::Admin));
        let (_, e) = run::<Role>(r#""root""#);
        assert_eq!(
            e,
            r#"[{"type":"enum","loc":["f"],"msg":"Input should be 'admin' or 'user'","ctx":{"expected":"'admin' or 'user'"}}]"#
        );
        let (_, e) = run::<Plain>(r#"{"id": 300, "role": "user"}"#);
        assert!(
            e.contains(r#""loc":["f","id"]"#) && e.contains("less_than_equal"),
            "{e}"
        );
        let (_, e) = run::<Plain>(r#"{"id": 3}"#);
        assert!(e.contains(r#""type":"missing","loc":["f","role"]"#), "{e}");
        let (_, e) = run::<Plain>(r#"[1]"#);
        assert!(e.contains("model_attributes_type"), "{e}");
    }
}
