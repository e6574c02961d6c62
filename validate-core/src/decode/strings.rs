//! Text input for the decoder: a query string, a form body or path
//! parameters, where every value is a string and a key may repeat.
//!
//! [`Strings`] is a deserializer over such pairs. It shows them as an
//! object whose keys come in the order they first appear; a key's value is
//! its last string for a scalar field and all of its strings for a list
//! field, as FastAPI reads query parameters. The decoder parses numbers and
//! booleans from the strings (see [`DecodeCx::with_strings`]).
//!
//! [`DecodeCx::with_strings`]: super::DecodeCx::with_strings

use std::borrow::Cow;

use serde::de::value::{Error, SeqDeserializer};
use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};

/// Key-value pairs as an object: keys in order of first appearance, a
/// key's last value for a scalar, all of them for a list.
#[derive(Debug, Clone)]
pub struct Strings<'a> {
    /// Each distinct key with its values, in order of first appearance.
    groups: Vec<(&'a str, Vec<&'a str>)>,
}

impl<'a> Strings<'a> {
    /// Groups `pairs` by key.
    pub fn new(pairs: &'a [(Cow<'a, str>, Cow<'a, str>)]) -> Self {
        let mut groups: Vec<(&'a str, Vec<&'a str>)> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (key, value) in pairs {
            let key: &str = key;
            match index.get(key) {
                Some(&i) => {
                    if let Some((_, values)) = groups.get_mut(i) {
                        values.push(value.as_ref());
                    }
                }
                None => {
                    index.insert(key, groups.len());
                    groups.push((key, vec![value.as_ref()]));
                }
            }
        }
        Strings { groups }
    }
}

/// Decodes an `application/x-www-form-urlencoded` text (a query string or
/// a form body): `+` is a space, `%XX` a byte, bytes that are not UTF-8
/// become U+FFFD. Empty pieces (`a=1&&b=2`) are skipped; a piece without
/// `=` has an empty value.
pub fn parse_urlencoded(input: &[u8]) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    input
        .split(|&b| b == b'&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (key, value) = match piece.iter().position(|&b| b == b'=') {
                Some(i) => (&piece[..i], &piece[i + 1..]),
                None => (piece, &piece[piece.len()..]),
            };
            (unescape(key), unescape(value))
        })
        .collect()
}

fn unescape(text: &[u8]) -> Cow<'_, str> {
    if !text.iter().any(|&b| b == b'+' || b == b'%') {
        return String::from_utf8_lossy(text);
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3).and_then(|h| {
                    let h = std::str::from_utf8(h).ok()?;
                    u8::from_str_radix(h, 16).ok()
                });
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

impl<'de> Deserializer<'de> for Strings<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(Entries {
            groups: self.groups.into_iter(),
            values: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct Entries<'a> {
    groups: std::vec::IntoIter<(&'a str, Vec<&'a str>)>,
    values: Option<Vec<&'a str>>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.groups.next() {
            Some((key, values)) => {
                self.values = Some(values);
                seed.deserialize(key.into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let values = self.values.take().unwrap_or_default();
        seed.deserialize(Values(values))
    }
}

/// The values of one key.
struct Values<'a>(Vec<&'a str>);

impl<'de> Deserializer<'de> for Values<'_> {
    type Error = Error;

    /// A scalar: the last value wins, as FastAPI.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.last() {
            Some(last) => visitor.visit_str(last),
            None => visitor.visit_unit(),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    /// A list: every value.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut seq = SeqDeserializer::new(self.0.into_iter());
        let value = visitor.visit_seq(&mut seq)?;
        seq.end()?;
        Ok(value)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_text_is_unescaped() {
        let pairs = parse_urlencoded(b"q=a+b%21&&flag&x=%zz&t=%E2%82%AC");
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
            .collect();
        assert_eq!(
            pairs,
            [("q", "a b!"), ("flag", ""), ("x", "%zz"), ("t", "€")]
        );
    }

    #[test]
    fn keys_group_in_order_of_first_appearance() {
        let pairs = parse_urlencoded(b"b=1&a=2&b=3");
        let strings = Strings::new(&pairs);
        assert_eq!(strings.groups, [("b", vec!["1", "3"]), ("a", vec!["2"])]);
    }
}
