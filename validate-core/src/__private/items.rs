//! Iteration for `each(...)`, `keys(...)` and `values(...)`: the items of a
//! list or set and the entries of a map, through `Option` (a `None` has no
//! items) and pointers. Validation borrows ([`Each`], [`Map`]); sanitizing
//! changes items in place, or rebuilds a set or a map's keys ([`EachMut`],
//! [`MapMut`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, LinkedList, VecDeque};
use std::hash::{BuildHasher, Hash};
use std::rc::Rc;
use std::sync::Arc;

use crate::error::{LocChain, LocKey};

/// A collection whose items `each(...)` checks.
#[diagnostic::on_unimplemented(
    message = "`each(...)` applies to lists and sets, and `{Self}` is neither",
    label = "`each` needs a Vec, slice, array, VecDeque, LinkedList, HashSet, BTreeSet or IndexSet here",
    note = "for maps use `keys(...)` and `values(...)`"
)]
pub trait Each {
    /// The item type.
    type Item;
    /// The items, in iteration order (their index in a loc).
    fn each_items(&self) -> impl Iterator<Item = &Self::Item>;
}

/// A collection whose items `each(sanitize(...))` changes.
#[diagnostic::on_unimplemented(
    message = "`each(sanitize(...))` cannot change the items of `{Self}`",
    label = "sanitizing items needs an owned list or set (Vec, array, VecDeque, HashSet...) here"
)]
pub trait EachMut {
    /// The item type.
    type Item;
    /// Calls `f` on every item (a set is rebuilt from the changed items).
    fn sanitize_each(&mut self, f: impl FnMut(&mut Self::Item));
}

/// A map whose keys and values `keys(...)` / `values(...)` check.
#[diagnostic::on_unimplemented(
    message = "`keys(...)` and `values(...)` apply to maps, and `{Self}` is not one",
    label = "needs a HashMap, BTreeMap or IndexMap whose keys are strings, integers, chars or bools",
    note = "for lists and sets use `each(...)`"
)]
pub trait Map {
    /// The key type; it appears in the loc of an error.
    type Key: LocKey;
    /// The value type.
    type Value;
    /// The entries, in iteration order.
    fn map_entries(&self) -> impl Iterator<Item = (&Self::Key, &Self::Value)>;
}

/// A map whose keys and values `sanitize(...)` inside `keys` / `values`
/// changes.
#[diagnostic::on_unimplemented(
    message = "sanitizing the keys or values of `{Self}` is not supported",
    label = "needs an owned HashMap, BTreeMap or IndexMap here"
)]
pub trait MapMut {
    /// The key type.
    type Key;
    /// The value type.
    type Value;
    /// Calls `f` on every key. The map is rebuilt (keys cannot change in
    /// place); when two keys become equal, the later one in iteration order
    /// wins.
    fn sanitize_keys(&mut self, f: impl FnMut(&mut Self::Key));
    /// Calls `f` on every value, in place.
    fn sanitize_values(&mut self, f: impl FnMut(&mut Self::Value));
}

/// The items of `c`.
pub fn each_items<C: Each + ?Sized>(c: &C) -> impl Iterator<Item = &C::Item> {
    c.each_items()
}

/// The loc of the value at `key` in the map at `loc` (generic, so a key
/// type that is not a `LocKey` is reported once, at the `keys` rule).
pub fn key_loc<'a, K: LocKey>(loc: &'a LocChain<'a>, key: &'a K) -> LocChain<'a> {
    loc.key(key)
}

/// The entries of `m`.
pub fn map_entries<M: Map + ?Sized>(m: &M) -> impl Iterator<Item = (&M::Key, &M::Value)> {
    m.map_entries()
}

// ----- lists, sets and maps -------------------------------------------------

/// The item traits for every collection of `crate::collections`: lists
/// change items in place, sets and maps are rebuilt when their items or
/// keys change (a hash or an order may change).
macro_rules! items {
    (
        lists: [$($(#[$lm:meta])* $list:literal => <$lt:ident $(, const $ln:ident: usize)?> $lty:ty;)*]
        sets: [$($(#[$sm:meta])* $set:literal => <$st:ident $(, $ss:ident)?> $sty:ty where [$($sb:tt)*];)*]
        maps: [$($(#[$mm:meta])* $map:literal => <$mk:ident, $mv:ident $(, $ms:ident)?> $($mpath:ident)::+ where [$($mb:tt)*];)*]
    ) => {
        $(
            $(#[$lm])*
            impl<$lt $(, const $ln: usize)?> Each for $lty {
                type Item = $lt;
                fn each_items(&self) -> impl Iterator<Item = &$lt> {
                    self.iter()
                }
            }
            $(#[$lm])*
            impl<$lt $(, const $ln: usize)?> EachMut for $lty {
                type Item = $lt;
                fn sanitize_each(&mut self, f: impl FnMut(&mut $lt)) {
                    self.iter_mut().for_each(f);
                }
            }
        )*
        $(
            $(#[$sm])*
            impl<$st $(, $ss)?> Each for $sty {
                type Item = $st;
                fn each_items(&self) -> impl Iterator<Item = &$st> {
                    self.iter()
                }
            }
            $(#[$sm])*
            impl<$st: $($sb)* $(, $ss: BuildHasher + Default)?> EachMut for $sty {
                type Item = $st;
                fn sanitize_each(&mut self, mut f: impl FnMut(&mut $st)) {
                    for mut item in std::mem::take(self) {
                        f(&mut item);
                        self.insert(item);
                    }
                }
            }
        )*
        $(
            $(#[$mm])*
            impl<$mk: LocKey, $mv $(, $ms)?> Map for $($mpath)::+<$mk, $mv $(, $ms)?> {
                type Key = $mk;
                type Value = $mv;
                fn map_entries(&self) -> impl Iterator<Item = (&$mk, &$mv)> {
                    self.iter()
                }
            }
            $(#[$mm])*
            impl<$mk: $($mb)*, $mv $(, $ms: BuildHasher + Default)?> MapMut for $($mpath)::+<$mk, $mv $(, $ms)?> {
                type Key = $mk;
                type Value = $mv;
                fn sanitize_keys(&mut self, mut f: impl FnMut(&mut $mk)) {
                    for (mut key, value) in std::mem::take(self) {
                        f(&mut key);
                        self.insert(key, value);
                    }
                }
                fn sanitize_values(&mut self, f: impl FnMut(&mut $mv)) {
                    self.values_mut().for_each(f);
                }
            }
        )*
    };
}

crate::collections::collections!(items);

// ----- through Option and pointers ------------------------------------------

impl<C: Each> Each for Option<C> {
    type Item = C::Item;
    fn each_items(&self) -> impl Iterator<Item = &C::Item> {
        self.iter().flat_map(Each::each_items)
    }
}

impl<C: EachMut> EachMut for Option<C> {
    type Item = C::Item;
    fn sanitize_each(&mut self, f: impl FnMut(&mut C::Item)) {
        if let Some(c) = self {
            c.sanitize_each(f);
        }
    }
}

impl<M: Map> Map for Option<M> {
    type Key = M::Key;
    type Value = M::Value;
    fn map_entries(&self) -> impl Iterator<Item = (&M::Key, &M::Value)> {
        self.iter().flat_map(Map::map_entries)
    }
}

impl<M: MapMut> MapMut for Option<M> {
    type Key = M::Key;
    type Value = M::Value;
    fn sanitize_keys(&mut self, f: impl FnMut(&mut M::Key)) {
        if let Some(m) = self {
            m.sanitize_keys(f);
        }
    }
    fn sanitize_values(&mut self, f: impl FnMut(&mut M::Value)) {
        if let Some(m) = self {
            m.sanitize_values(f);
        }
    }
}

macro_rules! read_through {
    ($($c:ident => $ty:ty),*) => {$(
        impl<$c: Each + ?Sized> Each for $ty {
            type Item = $c::Item;
            fn each_items(&self) -> impl Iterator<Item = &$c::Item> {
                (**self).each_items()
            }
        }
        impl<$c: Map + ?Sized> Map for $ty {
            type Key = $c::Key;
            type Value = $c::Value;
            fn map_entries(&self) -> impl Iterator<Item = (&$c::Key, &$c::Value)> {
                (**self).map_entries()
            }
        }
    )*};
}
read_through!(C => &C, C => &mut C, C => Box<C>, C => Rc<C>, C => Arc<C>);

macro_rules! write_through {
    ($($c:ident => $ty:ty),*) => {$(
        impl<$c: EachMut + ?Sized> EachMut for $ty {
            type Item = $c::Item;
            fn sanitize_each(&mut self, f: impl FnMut(&mut $c::Item)) {
                (**self).sanitize_each(f)
            }
        }
        impl<$c: MapMut + ?Sized> MapMut for $ty {
            type Key = $c::Key;
            type Value = $c::Value;
            fn sanitize_keys(&mut self, f: impl FnMut(&mut $c::Key)) {
                (**self).sanitize_keys(f)
            }
            fn sanitize_values(&mut self, f: impl FnMut(&mut $c::Value)) {
                (**self).sanitize_values(f)
            }
        }
    )*};
}
write_through!(C => &mut C, C => Box<C>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_through_option_and_pointers() {
        let v = Some(Box::new(vec![1, 2, 3]));
        assert_eq!(each_items(&v).copied().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(each_items(&None::<Vec<u8>>).count(), 0);
        assert_eq!(each_items(&[4u8, 5][..]).count(), 2);
        let set: BTreeSet<u8> = [3, 1].into_iter().collect();
        assert_eq!(
            each_items(&Rc::new(set)).copied().collect::<Vec<_>>(),
            [1, 3]
        );
    }

    #[test]
    fn entries_through_option() {
        let m: BTreeMap<&str, u8> = [("a", 1), ("b", 2)].into_iter().collect();
        let got: Vec<_> = map_entries(&Some(&m)).map(|(k, v)| (*k, *v)).collect();
        assert_eq!(got, [("a", 1), ("b", 2)]);
    }

    #[test]
    fn sanitize_items_keys_and_values() {
        let mut v = Some(vec![1i32, -2]);
        v.sanitize_each(|x| *x = x.abs());
        assert_eq!(v, Some(vec![1, 2]));
        let mut set: HashSet<i32> = [1i32, -1, 2].into_iter().collect();
        set.sanitize_each(|x| *x = x.abs());
        assert_eq!(set.len(), 2);
        let mut m: BTreeMap<String, i32> = [("B".to_string(), 1), ("a".to_string(), -2)]
            .into_iter()
            .collect();
        m.sanitize_keys(|k| *k = k.to_lowercase());
        m.sanitize_values(|v| *v = v.abs());
        let got: Vec<_> = m.into_iter().collect();
        assert_eq!(got, [("a".to_string(), 2), ("b".to_string(), 1)]);
    }
}
