//! What type sits at a path inside `T`, learned from `T`'s own `Deserialize`
//! impl: a deserializer that feeds no data, follows the path a failed
//! deserialization reported, and records which `deserialize_*` method the
//! type calls there.
//!
//! Serde's error messages say little about the expected type (`expected
//! struct Address`, `expected u32`, or a custom text), and a JSON array is
//! even accepted for a struct. The probe gives the decoder a trustworthy
//! answer instead: field names, variant names and integer bounds come from
//! the type's code, never from the input. It runs only after an error.

use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde_path_to_error::Segment;

/// The type expected at a path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shape {
    Bool,
    /// An integer type with its bounds.
    Int {
        min: i128,
        max: u128,
    },
    Float,
    Char,
    Str,
    Bytes,
    Unit,
    Seq,
    Map,
    Struct(&'static [&'static str]),
    Enum(&'static [&'static str]),
    /// The type reads whatever comes (`deserialize_any`), or the path could
    /// not be followed.
    Unknown,
}

/// The shape of the type at `path` inside `T`; [`Shape::Unknown`] when the
/// path cannot be followed (a `#[serde(flatten)]`, an untagged enum, a
/// custom impl).
pub(crate) fn shape_at<T: de::DeserializeOwned>(path: &[&Segment]) -> Shape {
    match T::deserialize(Probe { path }) {
        Err(Stop::Found(shape)) => shape,
        Err(Stop::Lost) | Ok(_) => Shape::Unknown,
    }
}

/// The probe's error: the answer, or that the path was lost. Returning the
/// answer as an error makes every visitor stop and hand it back up.
#[derive(Debug)]
enum Stop {
    Found(Shape),
    Lost,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("type probe")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Stop::Lost
    }
}

struct Probe<'p> {
    path: &'p [&'p Segment],
}

impl Probe<'_> {
    /// At the end of the path: the answer. Before it: lost, since a scalar
    /// has nothing inside.
    fn leaf<T>(&self, shape: Shape) -> Result<T, Stop> {
        if self.path.is_empty() {
            Err(Stop::Found(shape))
        } else {
            Err(Stop::Lost)
        }
    }

    fn int<T>(&self, min: i128, max: u128) -> Result<T, Stop> {
        self.leaf(Shape::Int { min, max })
    }
}

macro_rules! signed {
    ($($method:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            self.int(i128::from(<$t>::MIN), u128::from(<$t>::MAX.unsigned_abs()))
        }
    )*};
}

macro_rules! unsigned {
    ($($method:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            self.int(0, u128::from(<$t>::MAX))
        }
    )*};
}

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Unknown)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Bool)
    }

    signed!(deserialize_i8 i8, deserialize_i16 i16, deserialize_i32 i32, deserialize_i64 i64);
    unsigned!(deserialize_u8 u8, deserialize_u16 u16, deserialize_u32 u32, deserialize_u64 u64);

    fn deserialize_i128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.int(i128::MIN, i128::MAX.unsigned_abs())
    }

    fn deserialize_u128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.int(0, u128::MAX)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Float)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Float)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Char)
    }

    fn deserialize_str<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Str)
    }

    fn deserialize_string<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Str)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Bytes)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Bytes)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        // `Option` is transparent: the error was about the `Some` value.
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Unit)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Stop> {
        self.leaf(Shape::Unit)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            None => Err(Stop::Found(Shape::Seq)),
            Some((Segment::Seq { .. }, rest)) => visitor.visit_seq(ProbeSeq { rest: Some(rest) }),
            Some(_) => Err(Stop::Lost),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            None => Err(Stop::Found(Shape::Map)),
            Some((Segment::Map { key }, rest)) => visitor.visit_map(ProbeMap {
                key: Some(key),
                rest,
            }),
            Some(_) => Err(Stop::Lost),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            None => Err(Stop::Found(Shape::Struct(fields))),
            Some((Segment::Map { key }, rest)) => visitor.visit_map(ProbeMap {
                key: Some(key),
                rest,
            }),
            // serde reads a struct from an array too: the struct is the answer
            // the caller looks for, one level up.
            Some(_) => Err(Stop::Lost),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            None => Err(Stop::Found(Shape::Enum(variants))),
            Some((Segment::Enum { variant }, rest)) => {
                visitor.visit_enum(ProbeEnum { variant, rest })
            }
            Some(_) => Err(Stop::Lost),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        self.leaf(Shape::Unknown)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        // The type skipped the key the path follows: nothing to learn.
        Err(Stop::Lost)
    }
}

/// A sequence whose one element is the rest of the path.
struct ProbeSeq<'p> {
    rest: Option<&'p [&'p Segment]>,
}

impl<'de> SeqAccess<'de> for ProbeSeq<'_> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        match self.rest.take() {
            Some(path) => seed.deserialize(Probe { path }).map(Some),
            None => Ok(None),
        }
    }
}

/// A map whose one entry is the key the path names, its value the rest of
/// the path.
struct ProbeMap<'p> {
    key: Option<&'p str>,
    rest: &'p [&'p Segment],
}

impl<'de> MapAccess<'de> for ProbeMap<'_> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        match self.key.take() {
            Some(key) => {
                let key: StrDeserializer<'_, Stop> = key.into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        seed.deserialize(Probe { path: self.rest })
    }
}

/// The variant the path names, its content the rest of the path.
struct ProbeEnum<'p> {
    variant: &'p str,
    rest: &'p [&'p Segment],
}

impl<'de, 'p> EnumAccess<'de> for ProbeEnum<'p> {
    type Error = Stop;
    type Variant = Probe<'p>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Probe<'p>), Stop> {
        let variant: StrDeserializer<'_, Stop> = self.variant.into_deserializer();
        let value = seed.deserialize(variant)?;
        Ok((value, Probe { path: self.rest }))
    }
}

impl<'de> VariantAccess<'de> for Probe<'_> {
    type Error = Stop;

    fn unit_variant(self) -> Result<(), Stop> {
        Err(Stop::Lost)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Stop> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.deserialize_struct("", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[allow(dead_code)]
    #[derive(serde::Deserialize)]
    struct Outer {
        name: String,
        age: Option<u32>,
        tags: Vec<String>,
        address: Box<Inner>,
        scores: HashMap<String, f64>,
        color: Color,
        #[serde(rename = "kind")]
        shape: Shapes,
    }

    #[allow(dead_code)]
    #[derive(serde::Deserialize)]
    struct Inner {
        zip: String,
        lines: Vec<Line>,
    }

    #[allow(dead_code)]
    #[derive(serde::Deserialize)]
    struct Line(u8);

    #[allow(dead_code)]
    #[derive(serde::Deserialize)]
    enum Color {
        Red,
        Green,
    }

    #[allow(dead_code)]
    #[derive(serde::Deserialize)]
    enum Shapes {
        Circle { radius: i16 },
    }

    fn at(path: &[Segment]) -> Shape {
        let refs: Vec<&Segment> = path.iter().collect();
        shape_at::<Outer>(&refs)
    }

    fn key(k: &str) -> Segment {
        Segment::Map { key: k.to_owned() }
    }

    #[test]
    fn follows_fields_items_options_and_boxes() {
        assert_eq!(
            at(&[]),
            Shape::Struct(&["name", "age", "tags", "address", "scores", "color", "kind"])
        );
        assert_eq!(at(&[key("name")]), Shape::Str);
        assert_eq!(
            at(&[key("age")]),
            Shape::Int {
                min: 0,
                max: u32::MAX.into()
            }
        );
        assert_eq!(at(&[key("tags")]), Shape::Seq);
        assert_eq!(at(&[key("tags"), Segment::Seq { index: 3 }]), Shape::Str);
        assert_eq!(at(&[key("address")]), Shape::Struct(&["zip", "lines"]));
        let line = [key("address"), key("lines"), Segment::Seq { index: 0 }];
        assert_eq!(at(&line), Shape::Int { min: 0, max: 255 });
        assert_eq!(at(&[key("scores")]), Shape::Map);
        assert_eq!(at(&[key("scores"), key("any")]), Shape::Float);
        assert_eq!(at(&[key("color")]), Shape::Enum(&["Red", "Green"]));
        let radius = [
            key("kind"),
            Segment::Enum {
                variant: "Circle".into(),
            },
            key("radius"),
        ];
        assert_eq!(
            at(&radius),
            Shape::Int {
                min: i16::MIN.into(),
                max: i16::MAX as u128
            }
        );
    }

    #[test]
    fn lost_paths_are_unknown() {
        assert_eq!(at(&[key("nope")]), Shape::Unknown);
        assert_eq!(at(&[key("name"), key("x")]), Shape::Unknown);
        assert_eq!(at(&[Segment::Unknown]), Shape::Unknown);
        assert_eq!(shape_at::<serde_json::Value>(&[]), Shape::Unknown);
    }
}
