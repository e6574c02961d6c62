//! [`Decode`] for lists, sets, arrays and tuples: every item is read, each
//! at its index; an item that fails is reported there and the rest are
//! still read, so a list of a million wrong items gives one error each.

use std::collections::{BTreeSet, HashSet, LinkedList, VecDeque};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::object::Partial;
use super::{Decode, DecodeCx};
use crate::LocChain;
use crate::error::{ValidationError, catalogue};

/// Reads one item with `T`'s [`Decode`] at `loc`.
pub(crate) struct Seed<'a, 'c, 'l, T, C: ?Sized> {
    pub(crate) cx: &'a mut DecodeCx<'c, C>,
    pub(crate) loc: &'a LocChain<'l>,
    pub(crate) item: PhantomData<T>,
}

impl<'de, T: Decode<C>, C: ?Sized> DeserializeSeed<'de> for Seed<'_, '_, '_, T, C> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<T>, D::Error> {
        T::decode(de, self.cx, self.loc)
    }
}

/// A collection built item by item.
trait Collect<T>: Default + 'static {
    /// Items keep their positions: a partial list can be checked.
    const INDEXED: bool = false;
    fn put(&mut self, item: T);
}

impl<T: 'static> Collect<T> for Vec<T> {
    const INDEXED: bool = true;
    fn put(&mut self, item: T) {
        self.push(item);
    }
}

impl<T: 'static> Collect<T> for VecDeque<T> {
    const INDEXED: bool = true;
    fn put(&mut self, item: T) {
        self.push_back(item);
    }
}

impl<T: 'static> Collect<T> for LinkedList<T> {
    const INDEXED: bool = true;
    fn put(&mut self, item: T) {
        self.push_back(item);
    }
}

impl<T: Eq + Hash + 'static, S: BuildHasher + Default + 'static> Collect<T> for HashSet<T, S> {
    fn put(&mut self, item: T) {
        self.insert(item);
    }
}

impl<T: Ord + 'static> Collect<T> for BTreeSet<T> {
    fn put(&mut self, item: T) {
        self.insert(item);
    }
}

#[cfg(feature = "indexmap")]
impl<T: Eq + Hash + 'static, S: BuildHasher + Default + 'static> Collect<T>
    for indexmap::IndexSet<T, S>
{
    fn put(&mut self, item: T) {
        self.insert(item);
    }
}

/// Reads a list: `Some` when every item decoded.
fn decode_list<'de, T, L, C, D>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Result<Option<L>, D::Error>
where
    T: Decode<C>,
    L: Collect<T>,
    C: ?Sized,
    D: Deserializer<'de>,
{
    let visitor = ListVisitor::<T, L, C> {
        cx,
        loc,
        out: PhantomData,
    };
    // Text input has no lists: a key repeated in a query string is one.
    let got = if visitor.cx.is_strings() {
        de.deserialize_seq(visitor)?
    } else {
        de.deserialize_any(visitor)?
    };
    Ok(got)
}

struct ListVisitor<'a, 'c, 'l, T, L, C: ?Sized> {
    cx: &'a mut DecodeCx<'c, C>,
    loc: &'a LocChain<'l>,
    out: PhantomData<(T, L)>,
}

impl<T, L, C: ?Sized> ListVisitor<'_, '_, '_, T, L, C> {
    fn wrong<R>(self, error: ValidationError) -> Option<R> {
        self.cx.push(self.loc, error);
        None
    }
}

/// The visit methods of a visitor whose value is `Option<_>` and that
/// refuses every scalar with one error: `$self.wrong(error)`.
macro_rules! refuse_scalars {
    ($error:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.wrong($error))
        }
    };
}
pub(crate) use refuse_scalars;

impl<'de, T, L, C> Visitor<'de> for ListVisitor<'_, '_, '_, T, L, C>
where
    T: Decode<C>,
    L: Collect<T>,
    C: ?Sized,
{
    type Value = Option<L>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    refuse_scalars!(catalogue::list_type());

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(self.wrong(catalogue::list_type()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let start = self.cx.errors().len();
        let mut out = L::default();
        // Once an item failed: the positions of the items kept (a list's
        // other items are still checked, as Pydantic does).
        let mut kept: Option<Vec<usize>> = None;
        let mut index = 0;
        loop {
            let loc = self.loc.index(index);
            let seed = Seed::<T, C> {
                cx: &mut *self.cx,
                loc: &loc,
                item: PhantomData,
            };
            match seq.next_element_seed(seed)? {
                None => break,
                Some(Some(item)) => {
                    out.put(item);
                    if let Some(kept) = &mut kept {
                        kept.push(index);
                    }
                }
                Some(None) if kept.is_none() => kept = Some((0..index).collect()),
                Some(None) => {}
            }
            index += 1;
        }
        match kept {
            None => Ok(Some(out)),
            Some(indices) => {
                if L::INDEXED {
                    let partial = Partial {
                        items: out,
                        indices,
                    };
                    self.cx.partial = Some((start, index, Box::new(partial)));
                }
                Ok(None)
            }
        }
    }
}

macro_rules! lists {
    ($(<$t:ident $(, $s:ident)?> $ty:ty $(where [$($bound:tt)*])?;)*) => {$(
        impl<C: ?Sized, $t: Decode<C> + 'static $(+ $($bound)*)? $(, $s: BuildHasher + Default + 'static)?> Decode<C> for $ty {
            fn decode<'de, D: Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                decode_list::<$t, Self, C, D>(de, cx, loc)
            }
        }
    )*};
}

lists! {
    <T> Vec<T>;
    <T> VecDeque<T>;
    <T> LinkedList<T>;
    <T, S> HashSet<T, S> where [Eq + Hash];
    <T> BTreeSet<T> where [Ord];
}

#[cfg(feature = "indexmap")]
lists! {
    <T, S> indexmap::IndexSet<T, S> where [Eq + Hash];
}

/// An array: a list of exactly `N` items (`too_short` / `too_long`
/// otherwise, as a Pydantic list with both lengths set).
impl<C: ?Sized, T: Decode<C> + 'static, const N: usize> Decode<C> for [T; N] {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<Self>, D::Error> {
        let Some(items) = decode_list::<T, Vec<T>, C, D>(de, cx, loc)? else {
            return Ok(None);
        };
        let len = items.len();
        match <[T; N]>::try_from(items) {
            Ok(array) => Ok(Some(array)),
            Err(_) => {
                let error = if len < N {
                    catalogue::too_short("List", N, len)
                } else {
                    catalogue::too_long("List", N, len)
                };
                cx.push(loc, error);
                Ok(None)
            }
        }
    }
}

/// A tuple: a list whose items have their own types; a missing item is
/// `missing` at its index, extra items `too_long`, as Pydantic's tuples.
macro_rules! tuples {
    ($($n:literal => ($($i:tt $t:ident)+);)*) => {$(
        impl<C: ?Sized, $($t: Decode<C>),+> Decode<C> for ($($t,)+) {
            fn decode<'de, D: Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                struct V<'a, 'c, 'l, C: ?Sized, $($t),+> {
                    cx: &'a mut DecodeCx<'c, C>,
                    loc: &'a LocChain<'l>,
                    items: PhantomData<($($t,)+)>,
                }
                impl<C: ?Sized, $($t),+> V<'_, '_, '_, C, $($t),+> {
                    fn wrong<R>(self, error: ValidationError) -> Option<R> {
                        self.cx.push(self.loc, error);
                        None
                    }
                }
                impl<'de, C: ?Sized, $($t: Decode<C>),+> Visitor<'de> for V<'_, '_, '_, C, $($t),+> {
                    type Value = Option<($($t,)+)>;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a tuple")
                    }
                    refuse_scalars!(catalogue::list_type());
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                        Ok(self.wrong(catalogue::list_type()))
                    }
                    #[allow(non_snake_case)]
                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                        let mut ended = false;
                        let items = ($({
                            let loc = self.loc.index($i);
                            if ended {
                                self.cx.push(&loc, catalogue::missing());
                                None
                            } else {
                                let seed = Seed::<$t, C> { cx: &mut *self.cx, loc: &loc, item: PhantomData };
                                match seq.next_element_seed(seed)? {
                                    Some(item) => item,
                                    None => {
                                        ended = true;
                                        self.cx.push(&loc, catalogue::missing());
                                        None
                                    }
                                }
                            }
                        },)+);
                        if !ended {
                            let mut extra = 0;
                            while seq.next_element::<IgnoredAny>()?.is_some() {
                                extra += 1;
                            }
                            if extra > 0 {
                                self.cx.push(self.loc, catalogue::too_long("Tuple", $n, $n + extra));
                                return Ok(None);
                            }
                        }
                        Ok(match items {
                            ($(Some($t),)+) => Some(($($t,)+)),
                            _ => None,
                        })
                    }
                }
                let visitor = V::<C, $($t),+> { cx, loc, items: PhantomData };
                de.deserialize_any(visitor)
            }
        }
    )*};
}

tuples! {
    1 => (0 T0);
    2 => (0 T0 1 T1);
    3 => (0 T0 1 T1 2 T2);
    4 => (0 T0 1 T1 2 T2 3 T3);
    5 => (0 T0 1 T1 2 T2 3 T3 4 T4);
    6 => (0 T0 1 T1 2 T2 3 T3 4 T4 5 T5);
}
