//! What a rule function accepts. Every rule works through `Option` (a `None`
//! passes; `required` is the rule that rejects it), `Box`, `Rc`, `Arc`, `Cow`
//! and references, so the derive can call the same function whatever wraps
//! the field.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

/// A value a string rule can read: `str`, `String`, and any of them inside
/// `Option`, `Box`, `Rc`, `Arc`, `Cow` or a reference.
#[diagnostic::on_unimplemented(
    message = "this rule checks strings, and `{Self}` is not one",
    label = "needs str, String or Cow<str>, possibly in Option, Box, Rc, Arc or a reference"
)]
pub trait StrInput {
    /// The string to check, or `None` when there is no value (`Option::None`),
    /// in which case the rule passes.
    fn input_str(&self) -> Option<&str>;
}

impl StrInput for str {
    fn input_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl StrInput for String {
    fn input_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: StrInput> StrInput for Option<T> {
    fn input_str(&self) -> Option<&str> {
        self.as_ref().and_then(StrInput::input_str)
    }
}

impl<B: StrInput + ToOwned + ?Sized> StrInput for Cow<'_, B> {
    fn input_str(&self) -> Option<&str> {
        self.as_ref().input_str()
    }
}

macro_rules! forward_pointers {
    ($tr:ident :: $method:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty) => {
        impl<T: $tr + ?Sized> $tr for &T {
            fn $method(&self $(, $arg: $ty)*) -> $ret { (**self).$method($($arg),*) }
        }
        impl<T: $tr + ?Sized> $tr for &mut T {
            fn $method(&self $(, $arg: $ty)*) -> $ret { (**self).$method($($arg),*) }
        }
        impl<T: $tr + ?Sized> $tr for Box<T> {
            fn $method(&self $(, $arg: $ty)*) -> $ret { (**self).$method($($arg),*) }
        }
        impl<T: $tr + ?Sized> $tr for Rc<T> {
            fn $method(&self $(, $arg: $ty)*) -> $ret { (**self).$method($($arg),*) }
        }
        impl<T: $tr + ?Sized> $tr for Arc<T> {
            fn $method(&self $(, $arg: $ty)*) -> $ret { (**self).$method($($arg),*) }
        }
    };
}
forward_pointers!(StrInput::input_str() -> Option<&str>);

/// How `length` counts a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LengthUnit {
    /// Unicode scalar values, as Pydantic and Python's `len` count.
    #[default]
    Chars,
    /// UTF-8 bytes, for storage limits.
    Bytes,
    /// UTF-16 code units, as HTML `maxlength` and JavaScript count.
    Utf16,
    /// Extended grapheme clusters (UAX #29), what a reader sees as one
    /// character: `"e\u{301}"` and `"👍🏽"` are one each.
    Graphemes,
}

/// The size of a value, as `length` measures it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measured {
    /// A string of this many units.
    Text(usize),
    /// A collection of `count` items; `field_type` is Pydantic's name for it
    /// in `too_short` / `too_long` (`List`, `Set`, `Dictionary`, `Tuple`).
    Items {
        /// The number of items.
        count: usize,
        /// Pydantic's name for the collection.
        field_type: &'static str,
    },
}

/// A value `length` can measure: strings (by [`LengthUnit`]) and collections
/// (by item count), through `Option` and pointers.
#[diagnostic::on_unimplemented(
    message = "`length` measures strings and collections, and `{Self}` is neither",
    label = "needs a string or a collection (Vec, slice, array, set, map), possibly in Option or a pointer"
)]
pub trait HasLength {
    /// The size, or `None` when there is no value.
    fn measure(&self, unit: LengthUnit) -> Option<Measured>;
}

impl HasLength for str {
    #[inline]
    fn measure(&self, unit: LengthUnit) -> Option<Measured> {
        Some(Measured::Text(super::length::count(self, unit)))
    }
}

impl HasLength for String {
    #[inline]
    fn measure(&self, unit: LengthUnit) -> Option<Measured> {
        self.as_str().measure(unit)
    }
}

impl<T: HasLength> HasLength for Option<T> {
    fn measure(&self, unit: LengthUnit) -> Option<Measured> {
        self.as_ref().and_then(|v| v.measure(unit))
    }
}

impl<B: HasLength + ToOwned + ?Sized> HasLength for Cow<'_, B> {
    fn measure(&self, unit: LengthUnit) -> Option<Measured> {
        self.as_ref().measure(unit)
    }
}

forward_pointers!(HasLength::measure(unit: LengthUnit) -> Option<Measured>);

/// Every collection of `crate::collections`, measured by its item count
/// under Pydantic's name for its kind.
macro_rules! has_length {
    (
        lists: [$($(#[$lm:meta])* $list:literal => <$lt:ident $(, const $ln:ident: usize)?> $lty:ty;)*]
        sets: [$($(#[$sm:meta])* $set:literal => <$st:ident $(, $ss:ident)?> $sty:ty where [$($sb:tt)*];)*]
        maps: [$($(#[$mm:meta])* $map:literal => <$mk:ident, $mv:ident $(, $ms:ident)?> $($mpath:ident)::+ where [$($mb:tt)*];)*]
    ) => {
        $(has_length!(@one "List", [$(#[$lm])*], [$lt $(, const $ln: usize)?], $lty);)*
        $(has_length!(@one "Set", [$(#[$sm])*], [$st $(, $ss)?], $sty);)*
        // Keys are `T` here (rustc lists the impls by these names in its
        // help for a type that has no length).
        $(has_length!(@one "Dictionary", [$(#[$mm])*], [T, $mv $(, $ms)?], $($mpath)::+<T, $mv $(, $ms)?>);)*
    };
    (@one $field_type:literal, [$(#[$m:meta])*], [$($g:tt)*], $ty:ty) => {
        $(#[$m])*
        impl<$($g)*> HasLength for $ty {
            fn measure(&self, _unit: LengthUnit) -> Option<Measured> {
                Some(Measured::Items { count: self.len(), field_type: $field_type })
            }
        }
    };
}

crate::collections::collections!(has_length);

/// A value `range` and `multiple_of` can compare with bounds of type `B`:
/// `B` itself, or `B` inside `Option` (a `None` passes) or a pointer.
#[diagnostic::on_unimplemented(
    message = "`range` and `multiple_of` compare a value with bounds of its own type, \
               and `{Self}` cannot be compared with `{B}`",
    label = "compared with `{B}` here",
    note = "write the bounds in the field's type: `range(min = 1)` for an integer, \
            `range(min = 0.5)` for a float; `length(...)` measures a string"
)]
pub trait RangeInput<B> {
    /// The value, or `None` when there is none.
    fn range_value(&self) -> Option<&B>;
}

impl<B> RangeInput<B> for B {
    fn range_value(&self) -> Option<&B> {
        Some(self)
    }
}

impl<B> RangeInput<B> for Option<B> {
    fn range_value(&self) -> Option<&B> {
        self.as_ref()
    }
}

impl<B> RangeInput<B> for Box<B> {
    fn range_value(&self) -> Option<&B> {
        Some(self)
    }
}

impl<B> RangeInput<B> for Rc<B> {
    fn range_value(&self) -> Option<&B> {
        Some(self)
    }
}

impl<B> RangeInput<B> for Arc<B> {
    fn range_value(&self) -> Option<&B> {
        Some(self)
    }
}

impl<B> RangeInput<B> for &B {
    fn range_value(&self) -> Option<&B> {
        Some(self)
    }
}

impl<B> RangeInput<B> for Option<Box<B>> {
    fn range_value(&self) -> Option<&B> {
        self.as_deref()
    }
}
