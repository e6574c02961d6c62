//! The one list of collection types the crate supports: `each(...)`,
//! `keys(...)` / `values(...)` (`__private::items`), `nested`
//! (`validate::containers`) and `length` (`rules::input`) all implement
//! their traits from it, so a collection added here reaches every rule. The
//! derive recognises the same type names (`validate-derive/src/names.rs`,
//! checked against [`crate::__private::COLLECTION_NAMES`] by a test).

/// Calls `$callback!` with every collection, grouped as lists, sets and
/// maps; each row gives its name, its generics, its type (a map's as a path,
/// its generics in the row's order) and (sets and maps) the bounds a
/// rebuilt one needs on its items or keys. A row may carry
/// `#[cfg(...)]` for an optional dependency.
macro_rules! collections {
    ($callback:ident) => {
        $callback! {
            lists: [
                "Vec" => <T> Vec<T>;
                "[T]" => <T> [T];
                "[T; N]" => <T, const N: usize> [T; N];
                "VecDeque" => <T> VecDeque<T>;
                "LinkedList" => <T> LinkedList<T>;
            ]
            sets: [
                "HashSet" => <T, S> HashSet<T, S> where [Eq + Hash];
                "BTreeSet" => <T> BTreeSet<T> where [Ord];
                #[cfg(feature = "indexmap")]
                "IndexSet" => <T, S> indexmap::IndexSet<T, S> where [Eq + Hash];
            ]
            maps: [
                "HashMap" => <K, V, S> HashMap where [Eq + Hash];
                "BTreeMap" => <K, V> BTreeMap where [Ord];
                #[cfg(feature = "indexmap")]
                "IndexMap" => <K, V, S> indexmap::IndexMap where [Eq + Hash];
            ]
        }
    };
}

pub(crate) use collections;

/// The names of the rows, whatever the features: the derive recognises a
/// type by name before any feature is known.
macro_rules! names {
    (
        lists: [$($(#[$lm:meta])* $list:literal => <$lt:ident $(, const $ln:ident: usize)?> $lty:ty;)*]
        sets: [$($(#[$sm:meta])* $set:literal => <$st:ident $(, $ss:ident)?> $sty:ty where [$($sb:tt)*];)*]
        maps: [$($(#[$mm:meta])* $map:literal => <$mk:ident, $mv:ident $(, $ms:ident)?> $($mpath:ident)::+ where [$($mb:tt)*];)*]
    ) => {
        /// The lists and sets `each(...)` reads, by name (`[T]` and
        /// `[T; N]` for slices and arrays).
        pub const EACH_NAMES: &[&str] = &[$($list,)* $($set,)*];
        /// The maps `keys(...)` and `values(...)` read, by name.
        pub const MAP_NAMES: &[&str] = &[$($map),*];
    };
}

collections!(names);
