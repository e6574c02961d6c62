//! [`Decode`] for `bool`, the integers, the floats, `char` and `String`: each reads whatever value comes (`deserialize_any`) and turns a
//! value of the wrong type into Pydantic's error for it, at its loc.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::number::{parse_bool, parse_float, parse_int};
use super::{Decode, DecodeCx};
use crate::error::{CtxValue, LocChain, ValidationError, catalogue};

/// What a deserializer handed over, without its content for containers
/// (they are skipped).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Got<'a> {
    Bool(bool),
    Int(i128),
    /// An integer past `i128` (a `u128` above `i128::MAX`).
    BigInt,
    Float(f64),
    Str(&'a str),
    Null,
    Seq,
    Map,
    Other,
}

/// How a scalar type is built from what came.
pub(crate) trait FromGot: Sized {
    /// The value, or the error for it. `convert`: strings are read as
    /// numbers and booleans, and lax conversions apply.
    fn from_got(got: Got<'_>, convert: bool) -> Result<Self, ValidationError>;

    /// From an owned string (no copy for `String`).
    fn from_string(text: String, convert: bool) -> Result<Self, ValidationError> {
        Self::from_got(Got::Str(&text), convert)
    }
}

/// Reads one scalar, reporting a wrong one at `loc`.
pub(crate) fn decode_scalar<'de, T: FromGot, C: ?Sized, D: Deserializer<'de>>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Result<Option<T>, D::Error> {
    let convert = cx.converts_strings();
    match de.deserialize_any(GotVisitor::<T>(convert, PhantomData))? {
        Ok(value) => Ok(Some(value)),
        Err(error) => {
            cx.push(loc, error);
            Ok(None)
        }
    }
}

struct GotVisitor<T>(bool, PhantomData<T>);

impl<T: FromGot> GotVisitor<T> {
    fn got(&self, got: Got<'_>) -> Result<T, ValidationError> {
        T::from_got(got, self.0)
    }
}

impl<'de, T: FromGot> Visitor<'de> for GotVisitor<T> {
    type Value = Result<T, ValidationError>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(self.got(Got::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.got(Got::Int(v.into())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.got(Got::Int(v.into())))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Ok(self.got(Got::Int(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Ok(self.got(i128::try_from(v).map_or(Got::BigInt, Got::Int)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(self.got(Got::Float(v)))
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<Self::Value, E> {
        let mut buf = [0; 4];
        Ok(self.got(Got::Str(v.encode_utf8(&mut buf))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.got(Got::Str(v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(T::from_string(v, self.0))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
        Ok(self.got(Got::Other))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.got(Got::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.got(Got::Null))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.got(Got::Seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(self.got(Got::Map))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let (IgnoredAny, variant) = data.variant::<IgnoredAny>()?;
        de::VariantAccess::newtype_variant::<IgnoredAny>(variant).ok();
        Ok(self.got(Got::Other))
    }
}

impl FromGot for bool {
    fn from_got(got: Got<'_>, convert: bool) -> Result<Self, ValidationError> {
        match got {
            Got::Bool(b) => Ok(b),
            Got::Str(s) if convert => parse_bool(s).ok_or_else(catalogue::bool_parsing),
            Got::Int(0) if convert => Ok(false),
            Got::Int(1) if convert => Ok(true),
            Got::Int(_) | Got::BigInt if convert => Err(catalogue::bool_parsing()),
            Got::Float(f) if convert && f == 0.0 => Ok(false),
            Got::Float(f) if convert && f == 1.0 => Ok(true),
            _ => Err(catalogue::bool_type()),
        }
    }
}

/// An integer type: its bounds, and the conversion from `i128`.
#[doc(hidden)]
pub trait Int: Sized + Copy {
    #[doc(hidden)]
    const MIN: i128;
    #[doc(hidden)]
    const MAX: i128;
    #[doc(hidden)]
    fn from_i128(v: i128) -> Option<Self>;
}

/// The error for an integer outside `T`'s range: the type's bound, as
/// `ge` / `le`.
pub(crate) fn int_bound_error<T: Int>(v: i128) -> ValidationError {
    if v < T::MIN {
        catalogue::greater_than_equal(ctx_int(T::MIN))
    } else {
        catalogue::less_than_equal(ctx_int(T::MAX))
    }
}

fn ctx_int(v: i128) -> CtxValue {
    match (i64::try_from(v), u64::try_from(v)) {
        (Ok(v), _) => CtxValue::Int(v),
        (_, Ok(v)) => CtxValue::UInt(v),
        // Only `i128` / `u128` bounds, which JSON numbers cannot reach
        // exactly: the nearest float.
        _ => CtxValue::Float(v as f64),
    }
}

/// The integer an input stands for, or the error when it stands for none;
/// `Ok(Err(v))` for an integer outside `T`'s range.
pub(crate) fn int_value<T: Int>(
    got: Got<'_>,
    convert: bool,
) -> Result<Result<T, i128>, ValidationError> {
    let v = match got {
        Got::Int(v) => v,
        Got::BigInt => return Ok(Err(i128::MAX)),
        Got::Float(f) if convert => {
            if !f.is_finite() {
                return Err(catalogue::int_parsing());
            }
            if f.fract() != 0.0 {
                return Err(catalogue::int_from_float());
            }
            // Saturating: a float past i128 is out of every integer range.
            f as i128
        }
        Got::Str(s) if convert => parse_int(s).ok_or_else(catalogue::int_parsing)?,
        Got::Bool(b) if convert => i128::from(b),
        _ => return Err(catalogue::int_type()),
    };
    Ok(T::from_i128(v).ok_or(v))
}

macro_rules! ints {
    ($($t:ty)*) => {$(
        impl Int for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = if (<$t>::MAX as u128) > (i128::MAX as u128) {
                i128::MAX
            } else {
                <$t>::MAX as i128
            };
            fn from_i128(v: i128) -> Option<Self> {
                <$t>::try_from(v).ok()
            }
        }

        impl FromGot for $t {
            fn from_got(got: Got<'_>, convert: bool) -> Result<Self, ValidationError> {
                int_value::<$t>(got, convert)?.map_err(int_bound_error::<$t>)
            }
        }

        impl<C: ?Sized> Decode<C> for $t {
            fn decode<'de, D: Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                decode_int(de, cx, loc)
            }
        }
    )*};
}

/// An integer as read: the value, or (outside the type) the number.
struct Read<T>(Result<T, i128>);

impl<T: Int> FromGot for Read<T> {
    fn from_got(got: Got<'_>, convert: bool) -> Result<Self, ValidationError> {
        int_value::<T>(got, convert).map(Read)
    }
}

/// Reads an integer; one outside the type's range is reported with the
/// type's bound and remembered, so that a field's `range` can report its
/// own bound instead (see [`range_bound`]).
fn decode_int<'de, T: Int, C: ?Sized, D: Deserializer<'de>>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Result<Option<T>, D::Error> {
    match decode_scalar::<Read<T>, C, D>(de, cx, loc)? {
        Some(Read(Ok(value))) => Ok(Some(value)),
        Some(Read(Err(number))) => {
            cx.push(loc, int_bound_error::<T>(number));
            cx.out_of_range = Some((cx.errors().len() - 1, number));
            Ok(None)
        }
        None => Ok(None),
    }
}

/// After a field of integer type `T` with a `range` rule was read (its
/// errors from index `start` on): an integer outside `T` that also breaks
/// the range reports the range's error (`ge: 13`), as the model says, not
/// `T`'s bound (`ge: 0`). `range` runs the field's range rule on `T`'s
/// nearest value, which breaks the range exactly when the number does.
pub fn range_bound<T: Int, C: ?Sized>(
    cx: &mut DecodeCx<'_, C>,
    start: usize,
    range: impl FnOnce(&T) -> Option<ValidationError>,
) {
    let Some((index, number)) = cx.out_of_range.take() else {
        return;
    };
    if index < start {
        return;
    }
    let nearest = if number < T::MIN { T::MIN } else { T::MAX };
    let Some(nearest) = T::from_i128(nearest) else {
        return;
    };
    if let Some(mut error) = range(&nearest)
        && let Some(slot) = cx.errors_mut().get_mut(index)
    {
        *error.loc_mut() = slot.loc().clone();
        *slot = error;
    }
}

ints!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! floats {
    ($($t:ty)*) => {$(
        impl FromGot for $t {
            fn from_got(got: Got<'_>, convert: bool) -> Result<Self, ValidationError> {
                match got {
                    Got::Float(f) => Ok(f as $t),
                    Got::Int(i) => Ok(i as $t),
                    Got::BigInt => Ok(u128::MAX as $t),
                    Got::Str(s) if convert => {
                        parse_float(s).map(|f| f as $t).ok_or_else(catalogue::float_parsing)
                    }
                    Got::Bool(b) if convert => Ok(if b { 1.0 } else { 0.0 }),
                    _ => Err(catalogue::float_type()),
                }
            }
        }
    )*};
}

floats!(f32 f64);

/// A `String`: its own visitor, so the common case (a string) is a copy
/// and nothing else.
impl<C: ?Sized> Decode<C> for String {
    #[inline]
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<Self>, D::Error> {
        match de.deserialize_any(StringVisitor)? {
            Some(text) => Ok(Some(text)),
            None => {
                cx.push(loc, catalogue::string_type());
                Ok(None)
            }
        }
    }
}

/// A string, or `None` for anything else (skipped).
struct StringVisitor;

impl<'de> Visitor<'de> for StringVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// A `char` is a string of exactly one character.
impl FromGot for char {
    fn from_got(got: Got<'_>, _: bool) -> Result<Self, ValidationError> {
        match got {
            Got::Str(s) => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(c),
                    (None, _) => Err(catalogue::string_too_short(1)),
                    (Some(_), Some(_)) => Err(catalogue::string_too_long(1)),
                }
            }
            _ => Err(catalogue::string_type()),
        }
    }
}

macro_rules! plain {
    ($($t:ty)*) => {$(
        impl<C: ?Sized> Decode<C> for $t {
            fn decode<'de, D: Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                decode_scalar(de, cx, loc)
            }
        }
    )*};
}

plain!(bool f32 f64 char);
