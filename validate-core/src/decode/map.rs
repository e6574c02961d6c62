//! [`Decode`] for maps: every entry is read, its value at its key
//! (`["notes", "gift"]`), a key that is not of the key type at
//! `["notes", "x", "[key]"]` (Pydantic's marker). Keys are text in JSON, so
//! a number key is always parsed from its string.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::scalar::{FromGot, Got};
use super::seq::{Seed, refuse_scalars};
use super::{Decode, DecodeCx};
use crate::LocChain;
use crate::error::{KEY_MARKER, LocKey, ValidationError, catalogue};

/// A map key type: built from the key's text.
pub trait DecodeKey: Sized + LocKey {
    /// The key, or the error for text that is not one.
    fn from_key(text: &str) -> Result<Self, ValidationError>;

    /// From an owned string (no copy for `String`); the text back when
    /// it is not a key.
    fn from_key_string(text: String) -> Result<Self, String> {
        Self::from_key(&text).map_err(|_| text)
    }
}

impl DecodeKey for String {
    fn from_key(text: &str) -> Result<Self, ValidationError> {
        Ok(text.to_owned())
    }
    fn from_key_string(text: String) -> Result<Self, String> {
        Ok(text)
    }
}

macro_rules! parsed_keys {
    ($($t:ty)*) => {$(
        impl DecodeKey for $t {
            fn from_key(text: &str) -> Result<Self, ValidationError> {
                <$t as FromGot>::from_got(Got::Str(text), true)
            }
        }
    )*};
}

parsed_keys!(bool char i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// A map built entry by entry.
trait Insert<K, V>: Default {
    fn put(&mut self, key: K, value: V);
}

impl<K: Eq + Hash, V, S: BuildHasher + Default> Insert<K, V> for HashMap<K, V, S> {
    fn put(&mut self, key: K, value: V) {
        self.insert(key, value);
    }
}

impl<K: Ord, V> Insert<K, V> for BTreeMap<K, V> {
    fn put(&mut self, key: K, value: V) {
        self.insert(key, value);
    }
}

#[cfg(feature = "indexmap")]
impl<K: Eq + Hash, V, S: BuildHasher + Default> Insert<K, V> for indexmap::IndexMap<K, V, S> {
    fn put(&mut self, key: K, value: V) {
        self.insert(key, value);
    }
}

/// A key as read: the key, or its text when it is not one.
enum Key<K> {
    Ok(K),
    Bad(String),
}

struct KeySeed<K>(PhantomData<K>);

impl<'de, K: DecodeKey> DeserializeSeed<'de> for KeySeed<K> {
    type Value = Key<K>;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Key<K>, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de, K: DecodeKey> Visitor<'de> for KeySeed<K> {
    type Value = Key<K>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<K>, E> {
        Ok(K::from_key(v).map_or_else(|_| Key::Bad(v.to_owned()), Key::Ok))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<K>, E> {
        Ok(K::from_key_string(v).map_or_else(Key::Bad, Key::Ok))
    }
}

fn decode_map<'de, K, V, M, C, D>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Result<Option<M>, D::Error>
where
    K: DecodeKey,
    V: Decode<C>,
    M: Insert<K, V>,
    C: ?Sized,
    D: Deserializer<'de>,
{
    de.deserialize_any(MapVisitor::<K, V, M, C> {
        cx,
        loc,
        out: PhantomData,
    })
}

struct MapVisitor<'a, 'c, 'l, K, V, M, C: ?Sized> {
    cx: &'a mut DecodeCx<'c, C>,
    loc: &'a LocChain<'l>,
    out: PhantomData<(K, V, M)>,
}

impl<K, V, M, C: ?Sized> MapVisitor<'_, '_, '_, K, V, M, C> {
    fn wrong<R>(self, error: ValidationError) -> Option<R> {
        self.cx.push(self.loc, error);
        None
    }
}

impl<'de, K, V, M, C> Visitor<'de> for MapVisitor<'_, '_, '_, K, V, M, C>
where
    K: DecodeKey,
    V: Decode<C>,
    M: Insert<K, V>,
    C: ?Sized,
{
    type Value = Option<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    refuse_scalars!(catalogue::dict_type());

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.wrong(catalogue::dict_type()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = M::default();
        let mut ok = true;
        while let Some(key) = map.next_key_seed(KeySeed::<K>(PhantomData))? {
            match key {
                Key::Ok(key) => {
                    let loc = self.loc.key(&key);
                    let seed = Seed::<V, C> {
                        cx: &mut *self.cx,
                        loc: &loc,
                        item: PhantomData,
                    };
                    match map.next_value_seed(seed)? {
                        Some(value) if ok => out.put(key, value),
                        Some(_) => {}
                        None => {
                            ok = false;
                            out = M::default();
                        }
                    }
                }
                Key::Bad(text) => {
                    ok = false;
                    out = M::default();
                    let at = self.loc.key(&text);
                    let error = K::from_key(&text)
                        .err()
                        .unwrap_or_else(catalogue::string_type);
                    self.cx.push(&at.field(KEY_MARKER), error);
                    let seed = Seed::<V, C> {
                        cx: &mut *self.cx,
                        loc: &at,
                        item: PhantomData,
                    };
                    map.next_value_seed(seed)?;
                }
            }
        }
        Ok(ok.then_some(out))
    }
}

macro_rules! maps {
    ($(<$k:ident, $v:ident $(, $s:ident)?> $ty:ty where [$($bound:tt)*];)*) => {$(
        impl<C: ?Sized, $k: DecodeKey + $($bound)*, $v: Decode<C> $(, $s: BuildHasher + Default)?> Decode<C> for $ty {
            fn decode<'de, D: Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                decode_map::<$k, $v, Self, C, D>(de, cx, loc)
            }
        }
    )*};
}

maps! {
    <K, V, S> HashMap<K, V, S> where [Eq + Hash];
    <K, V> BTreeMap<K, V> where [Ord];
}

#[cfg(feature = "indexmap")]
maps! {
    <K, V, S> indexmap::IndexMap<K, V, S> where [Eq + Hash];
}
