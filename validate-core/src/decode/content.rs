//! [`Content`]: one value buffered in memory, and a deserializer over it.
//!
//! Used where a value must be read twice or handed to code that is not the
//! decoder: a field whose type has only a serde impl (read through that
//! impl, so a failure cannot leave the input half read), the unknown keys a
//! `#[serde(flatten)]` field takes, untagged and internally tagged enums.
//! Serde keeps its own equivalent private. Buffering is bounded by the
//! nesting limit, and costs what the value's text costs.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// A buffered value.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// `true` / `false`.
    Bool(bool),
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// A float.
    F64(f64),
    /// A string.
    Str(String),
    /// `null` (and `None`, `()`).
    Null,
    /// An array.
    Seq(Vec<Content>),
    /// An object, its keys in input order.
    Map(Vec<(String, Content)>),
}

impl Content {
    /// Buffers the value `de` holds. Nesting deeper than
    /// [`max_depth`](crate::max_depth) is an error of the deserializer.
    pub fn read<'de, D: Deserializer<'de>>(de: D) -> Result<Content, D::Error> {
        Self::read_limited(de, crate::max_depth())
    }

    /// [`read`](Self::read) with `depth` levels allowed.
    pub(crate) fn read_limited<'de, D: Deserializer<'de>>(
        de: D,
        depth: usize,
    ) -> Result<Content, D::Error> {
        de.deserialize_any(ContentVisitor { depth })
    }

    /// A deserializer over this value.
    pub fn into_deserializer<E: de::Error>(self) -> ContentDeserializer<E> {
        ContentDeserializer {
            content: self,
            text: false,
            error: PhantomData,
        }
    }

    /// A deserializer over text input (a query string, a form): a string
    /// asked for as a number or a boolean is parsed, as Pydantic's lax
    /// mode reads it.
    pub(crate) fn into_text_deserializer<E: de::Error>(self) -> ContentDeserializer<E> {
        ContentDeserializer {
            content: self,
            text: true,
            error: PhantomData,
        }
    }
}

/// Reads a [`Content`] where a seed is wanted (a map value).
pub(crate) struct ContentSeed;

impl<'de> DeserializeSeed<'de> for ContentSeed {
    type Value = Content;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Content, D::Error> {
        Content::read(de)
    }
}

struct ContentVisitor {
    /// Levels still allowed below this one.
    depth: usize,
}

impl ContentVisitor {
    fn inner<E: de::Error>(&self) -> Result<ContentVisitor, E> {
        match self.depth.checked_sub(1) {
            Some(depth) => Ok(ContentVisitor { depth }),
            None => Err(E::custom("nesting too deep")),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ContentVisitor {
    type Value = Content;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Content, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = Content;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Content, E> {
        Ok(Content::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Content, E> {
        Ok(match u64::try_from(v) {
            Ok(u) => Content::U64(u),
            Err(_) => Content::I64(v),
        })
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Content, E> {
        Ok(Content::U64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Content, E> {
        Ok(Content::F64(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Content, E> {
        Ok(Content::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Content, E> {
        Ok(Content::Str(v))
    }
    fn visit_none<E: de::Error>(self) -> Result<Content, E> {
        Ok(Content::Null)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Content, E> {
        Ok(Content::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Content, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Content, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ContentVisitor { depth: inner.depth })? {
            items.push(item);
        }
        Ok(Content::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content, A::Error> {
        let inner = self.inner()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ContentVisitor { depth: inner.depth })?;
            entries.push((key, value));
        }
        Ok(Content::Map(entries))
    }
}

/// A deserializer over a [`Content`].
pub struct ContentDeserializer<E> {
    content: Content,
    /// Strings are text input: parse them where a number is asked for.
    text: bool,
    error: PhantomData<E>,
}

/// `deserialize_<number>` of a text deserializer: a string that parses is
/// handed over as the number, anything else as it is.
macro_rules! parse_text {
    ($($method:ident $visit:ident $parse:ident $t:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
            if self.text
                && let Content::Str(text) = &self.content
                && let Some(value) = super::number::$parse(text).and_then(|v| <$t>::try_from(v).ok())
            {
                return visitor.$visit(value);
            }
            self.deserialize_any(visitor)
        }
    )*};
}

impl<E: de::Error> IntoDeserializer<'_, E> for Content {
    type Deserializer = ContentDeserializer<E>;
    fn into_deserializer(self) -> ContentDeserializer<E> {
        Content::into_deserializer(self)
    }
}

impl<E: de::Error> IntoDeserializer<'_, E> for ContentDeserializer<E> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de, E: de::Error> Deserializer<'de> for ContentDeserializer<E> {
    type Error = E;

    parse_text! {
        deserialize_i8 visit_i64 parse_int i64;
        deserialize_i16 visit_i64 parse_int i64;
        deserialize_i32 visit_i64 parse_int i64;
        deserialize_i64 visit_i64 parse_int i64;
        deserialize_u8 visit_u64 parse_int u64;
        deserialize_u16 visit_u64 parse_int u64;
        deserialize_u32 visit_u64 parse_int u64;
        deserialize_u64 visit_u64 parse_int u64;
        deserialize_f32 visit_f64 parse_float f64;
        deserialize_f64 visit_f64 parse_float f64;
        deserialize_bool visit_bool parse_bool bool;
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.content {
            Content::Bool(v) => visitor.visit_bool(v),
            Content::U64(v) => visitor.visit_u64(v),
            Content::I64(v) => visitor.visit_i64(v),
            Content::F64(v) => visitor.visit_f64(v),
            Content::Str(v) => visitor.visit_string(v),
            Content::Null => visitor.visit_unit(),
            Content::Seq(items) => {
                let text = self.text;
                let items = items.into_iter().map(|c| ContentDeserializer {
                    content: c,
                    text,
                    error: PhantomData,
                });
                let mut seq = SeqDeserializer::new(items);
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Content::Map(entries) => {
                let text = self.text;
                let entries = entries.into_iter().map(|(k, c)| {
                    let value = ContentDeserializer {
                        content: c,
                        text,
                        error: PhantomData,
                    };
                    (k, value)
                });
                let mut map = MapDeserializer::new(entries);
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    /// Text input: a single string where a list is asked for is a list of
    /// one, as a query string's key given once.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.content {
            Content::Str(_) if self.text => {
                let mut seq = SeqDeserializer::new(std::iter::once(self));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.content {
            Content::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match self.content {
            Content::Str(variant) => visitor.visit_enum(ContentEnum {
                variant,
                value: None,
                error: PhantomData,
            }),
            Content::Map(mut entries) if entries.len() == 1 => {
                let (variant, value) = entries.remove(0);
                visitor.visit_enum(ContentEnum {
                    variant,
                    value: Some(value),
                    error: PhantomData,
                })
            }
            other => Deserializer::deserialize_any(other.into_deserializer(), visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An externally tagged variant: its name and content.
struct ContentEnum<E> {
    variant: String,
    value: Option<Content>,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> EnumAccess<'de> for ContentEnum<E> {
    type Error = E;
    type Variant = ContentVariant<E>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), E> {
        let name: StringDeserializer<E> = self.variant.into_deserializer();
        let value = seed.deserialize(name)?;
        Ok((
            value,
            ContentVariant {
                value: self.value,
                error: PhantomData,
            },
        ))
    }
}

struct ContentVariant<E> {
    value: Option<Content>,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> VariantAccess<'de> for ContentVariant<E> {
    type Error = E;

    fn unit_variant(self) -> Result<(), E> {
        match self.value {
            None | Some(Content::Null) => Ok(()),
            Some(_) => Err(E::invalid_type(de::Unexpected::Map, &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, E> {
        seed.deserialize(self.value.unwrap_or(Content::Null).into_deserializer())
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, E> {
        Deserializer::deserialize_any(
            self.value.unwrap_or(Content::Null).into_deserializer(),
            visitor,
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        Deserializer::deserialize_any(
            self.value.unwrap_or(Content::Null).into_deserializer(),
            visitor,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    enum Shape {
        Dot,
        Circle { r: u8 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Doc {
        name: String,
        tags: Vec<String>,
        shape: Shape,
        other: Option<Shape>,
        n: i32,
    }

    #[test]
    fn round_trips_through_serde_impls() {
        let text = r#"{"name":"a","tags":["x"],"shape":{"Circle":{"r":3}},"other":"Dot","n":-4}"#;
        let mut json = serde_json::Deserializer::from_str(text);
        let content = Content::read(&mut json).unwrap();
        let doc = Doc::deserialize(content.into_deserializer::<serde_json::Error>()).unwrap();
        assert_eq!(doc.shape, Shape::Circle { r: 3 });
        assert_eq!(doc.other, Some(Shape::Dot));
        assert_eq!(doc.n, -4);
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let mut json = serde_json::Deserializer::from_str(&deep);
        assert!(Content::read(&mut json).is_ok());
        let mut json = serde_json::Deserializer::from_str(&deep);
        assert!(Content::read_limited(&mut json, 10).is_err());
    }
}
