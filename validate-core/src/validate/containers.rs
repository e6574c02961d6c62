//! [`Validate`] and [`ValidateIn`] through wrappers and collections, so
//! `nested` works on `Option<T>`, `Box<T>`, `Vec<T>`, maps and the like:
//! items are placed at their index (`tags[1]`; a set's index is its
//! iteration position), map values at their key (`by_name["home"]`).
//!
//! Sanitizing goes through `Option`, `Box`, `&mut`, lists, sets (rebuilt,
//! since a set item cannot change in place) and map values. Through `Rc`
//! and `Arc` it only happens when the pointer is not shared (otherwise the
//! value cannot change without cloning it); a `&T` cannot be sanitized.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, LinkedList, VecDeque};
use std::hash::{BuildHasher, Hash};
use std::rc::Rc;
use std::sync::Arc;

use super::{Validate, ValidateIn};
use crate::error::{LocChain, LocKey, ValidationErrors};

/// Pointers and `Option`: the value is checked where it is, with no loc step.
macro_rules! transparent {
    ($(<$t:ident> $ty:ty, |$s:ident| $get_mut:expr;)*) => {$(
        impl<$t: Validate + ?Sized> Validate for $ty {
            type Context = $t::Context;
            fn validate_into(&self, ctx: &Self::Context, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                (**self).validate_into(ctx, loc, errors)
            }
            fn sanitize(&mut self) {
                let $s = self;
                if let Some(inner) = $get_mut {
                    inner.sanitize();
                }
            }
        }
        impl<C: ?Sized, $t: ValidateIn<C> + ?Sized> ValidateIn<C> for $ty {
            fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                (**self).validate_in(ctx, loc, errors)
            }
        }
    )*};
}

transparent! {
    <T> Box<T>, |s| Some(&mut **s);
    <T> &mut T, |s| Some(&mut **s);
    <T> Rc<T>, |s| Rc::get_mut(s);
    <T> Arc<T>, |s| Arc::get_mut(s);
}

/// A shared reference is checked; it cannot be sanitized.
impl<T: Validate + ?Sized> Validate for &T {
    type Context = T::Context;
    fn validate_into(
        &self,
        ctx: &Self::Context,
        loc: &LocChain<'_>,
        errors: &mut ValidationErrors,
    ) {
        (**self).validate_into(ctx, loc, errors)
    }
}

impl<C: ?Sized, T: ValidateIn<C> + ?Sized> ValidateIn<C> for &T {
    fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        (**self).validate_in(ctx, loc, errors)
    }
}

/// `None` passes (use `required` to reject it); `Some` is checked in place.
impl<T: Validate> Validate for Option<T> {
    type Context = T::Context;
    fn validate_into(
        &self,
        ctx: &Self::Context,
        loc: &LocChain<'_>,
        errors: &mut ValidationErrors,
    ) {
        if let Some(inner) = self {
            inner.validate_into(ctx, loc, errors);
        }
    }
    fn sanitize(&mut self) {
        if let Some(inner) = self {
            inner.sanitize();
        }
    }
}

impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Option<T> {
    fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        if let Some(inner) = self {
            inner.validate_in(ctx, loc, errors);
        }
    }
}

/// Every collection of `crate::collections`. Lists: every item, at its
/// index. Sets: every item, at its iteration position; sanitizing rebuilds
/// the set, since an item's hash may change. Maps: every value, at its key;
/// keys are not validated by `nested` (use `keys(...)`).
macro_rules! containers {
    (
        lists: [$($(#[$lm:meta])* $list:literal => <$lt:ident $(, const $ln:ident: usize)?> $lty:ty;)*]
        sets: [$($(#[$sm:meta])* $set:literal => <$st:ident $(, $ss:ident)?> $sty:ty where [$($sb:tt)*];)*]
        maps: [$($(#[$mm:meta])* $map:literal => <$mk:ident, $mv:ident $(, $ms:ident)?> $($mpath:ident)::+ where [$($mb:tt)*];)*]
    ) => {
        $(
            $(#[$lm])*
            impl<$lt: Validate $(, const $ln: usize)?> Validate for $lty {
                type Context = $lt::Context;
                fn validate_into(&self, ctx: &Self::Context, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                    for (i, item) in self.iter().enumerate() {
                        item.validate_into(ctx, &loc.index(i), errors);
                    }
                }
                fn sanitize(&mut self) {
                    for item in self.iter_mut() {
                        item.sanitize();
                    }
                }
            }
            $(#[$lm])*
            impl<C: ?Sized, $lt: ValidateIn<C> $(, const $ln: usize)?> ValidateIn<C> for $lty {
                fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                    for (i, item) in self.iter().enumerate() {
                        item.validate_in(ctx, &loc.index(i), errors);
                    }
                }
            }
        )*
        $(
            $(#[$sm])*
            impl<$st: Validate + $($sb)* $(, $ss: BuildHasher + Default)?> Validate for $sty {
                type Context = $st::Context;
                fn validate_into(&self, ctx: &Self::Context, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                    for (i, item) in self.iter().enumerate() {
                        item.validate_into(ctx, &loc.index(i), errors);
                    }
                }
                fn sanitize(&mut self) {
                    for mut item in std::mem::take(self) {
                        item.sanitize();
                        self.insert(item);
                    }
                }
            }
            $(#[$sm])*
            impl<C: ?Sized, $st: ValidateIn<C> $(, $ss)?> ValidateIn<C> for $sty {
                fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                    for (i, item) in self.iter().enumerate() {
                        item.validate_in(ctx, &loc.index(i), errors);
                    }
                }
            }
        )*
        $(
            $(#[$mm])*
            impl<$mk: LocKey, $mv: Validate $(, $ms)?> Validate for $($mpath)::+<$mk, $mv $(, $ms)?> {
                type Context = $mv::Context;
                fn validate_into(&self, ctx: &Self::Context, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                    for (key, value) in self.iter() {
                        value.validate_into(ctx, &loc.key(key), errors);
                    }
                }
                fn sanitize(&mut self) {
                    for value in self.values_mut() {
                        value.sanitize();
                    }
                }
            }
            $(#[$mm])*
            impl<C: ?Sized, $mk: LocKey, $mv: ValidateIn<C> $(, $ms)?> ValidateIn<C> for $($mpath)::+<$mk, $mv $(, $ms)?> {
                fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
                    for (key, value) in self.iter() {
                        value.validate_in(ctx, &loc.key(key), errors);
                    }
                }
            }
        )*
    };
}

crate::collections::collections!(containers);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::catalogue;

    /// A value that fails when negative and is sanitized to its absolute
    /// value.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    struct Num(i32);

    impl Validate for Num {
        type Context = ();
        fn validate_into(&self, _: &(), loc: &LocChain<'_>, errors: &mut ValidationErrors) {
            if self.0 < 0 {
                errors.push_at(loc, catalogue::missing());
            }
        }
        fn sanitize(&mut self) {
            self.0 = self.0.abs();
        }
    }

    impl<C: ?Sized> ValidateIn<C> for Num {
        fn validate_in(&self, _: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
            self.validate_into(&(), loc, errors)
        }
    }

    fn locs<V: Validate<Context = ()> + ?Sized>(v: &V) -> Vec<String> {
        match v.validate() {
            Ok(()) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.loc().to_string()).collect(),
        }
    }

    #[test]
    fn lists_report_indices() {
        assert_eq!(locs(&vec![Num(1), Num(-1), Num(-2)]), ["[1]", "[2]"]);
        assert_eq!(locs(&[Num(-1), Num(1)]), ["[0]"]);
        assert_eq!(locs(&[Num(-1)][..]), ["[0]"]);
        assert_eq!(locs(&VecDeque::from([Num(1), Num(-1)])), ["[1]"]);
        assert_eq!(locs(&LinkedList::from([Num(-1)])), ["[0]"]);
    }

    #[test]
    fn wrappers_are_transparent() {
        assert_eq!(locs(&Some(Num(-1))), [""]);
        assert!(locs(&None::<Num>).is_empty());
        assert_eq!(locs(&Box::new(Num(-1))), [""]);
        assert_eq!(locs(&Rc::new(vec![Num(-1)])), ["[0]"]);
        assert_eq!(locs(&Arc::new(Num(-1))), [""]);
        assert_eq!(locs(&&Num(-1)), [""]);
    }

    #[test]
    fn maps_report_keys_and_sets_positions() {
        let map: BTreeMap<String, Num> = [("a".into(), Num(1)), ("b".into(), Num(-1))]
            .into_iter()
            .collect();
        assert_eq!(locs(&map), ["[\"b\"]"]);
        let map: HashMap<u32, Num> = [(7, Num(-1))].into_iter().collect();
        assert_eq!(locs(&map), ["[7]"]);
        let set: BTreeSet<Num> = [Num(-2), Num(1), Num(-1)].into_iter().collect();
        assert_eq!(locs(&set), ["[0]", "[1]"]);
    }

    #[test]
    fn validate_in_places_items_under_the_outer_loc() {
        let root = LocChain::ROOT;
        let field = root.field("nums");
        let mut errors = ValidationErrors::new();
        let list = vec![Some(Num(1)), None, Some(Num(-3))];
        ValidateIn::<str>::validate_in(&list, "any context", &field, &mut errors);
        assert_eq!(errors.to_string(), "nums[2]: Field required");
    }

    #[test]
    fn sanitize_reaches_items() {
        let mut v = vec![Some(Num(-1)), None];
        v.sanitize();
        assert_eq!(v, [Some(Num(1)), None]);
        let mut set: HashSet<Num> = [Num(-1), Num(1), Num(-2)].into_iter().collect();
        set.sanitize();
        let mut items: Vec<_> = set.into_iter().collect();
        items.sort();
        // -1 and 1 merge once sanitized.
        assert_eq!(items, [Num(1), Num(2)]);
        let mut map: BTreeMap<&str, Num> = [("k", Num(-5))].into_iter().collect();
        map.sanitize();
        assert_eq!(map["k"], Num(5));
        let mut shared = Rc::new(Num(-1));
        let other = Rc::clone(&shared);
        shared.sanitize();
        assert_eq!(*shared, Num(-1), "a shared Rc is left as it is");
        drop(other);
        shared.sanitize();
        assert_eq!(*shared, Num(1));
        let mut arr = [Num(-4)];
        arr.sanitize();
        assert_eq!(arr, [Num(4)]);
        let mut boxed = Box::new(Num(-2));
        let mut by_ref: &mut Box<Num> = &mut boxed;
        Validate::sanitize(&mut by_ref);
        assert_eq!(*boxed, Num(2));
    }
}
