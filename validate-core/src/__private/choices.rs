//! `one_of(COUNTRIES)`: the choices of a path to a constant slice or array.

use crate::error::{IntoCtxValue, ValidationError};
use crate::rules::{OneOfInput, one_of};

/// A list of choices of type `T` that `one_of(PATH)` reads: a slice, an
/// array, or a reference to one (`const COUNTRIES: &[&str]`,
/// `const SIZES: [u8; 3]`).
#[diagnostic::on_unimplemented(
    message = "`one_of(PATH)` reads its choices from a constant slice or array, and `{Self}` \
               is neither",
    label = "needs a `const` of type `&[T]` or `[T; N]`",
    note = "write the choices themselves as literals: `one_of(\"a\", \"b\")`, or name one \
            list: `const CHOICES: &[&str] = &[\"a\", \"b\"];` and `one_of(CHOICES)`"
)]
pub trait ChoiceList<T> {
    /// The choices, in order.
    fn choices(&self) -> &[T];
}

impl<T> ChoiceList<T> for [T] {
    fn choices(&self) -> &[T] {
        self
    }
}

impl<T, const N: usize> ChoiceList<T> for [T; N] {
    fn choices(&self) -> &[T] {
        self
    }
}

// References are listed one by one rather than as `&L` for every list
// `L`: a lone `&str` then fails on `&str` itself, not on `str` behind it.
impl<T> ChoiceList<T> for &[T] {
    fn choices(&self) -> &[T] {
        self
    }
}

impl<T, const N: usize> ChoiceList<T> for &[T; N] {
    fn choices(&self) -> &[T] {
        *self
    }
}

/// `one_of(PATH)` as the derive calls it: [`one_of`] over the list's
/// choices.
pub fn one_of_list<V, T, L>(value: &V, list: &L) -> Result<(), ValidationError>
where
    V: OneOfInput<T> + ?Sized,
    T: IntoCtxValue,
    L: ChoiceList<T> + ?Sized,
{
    one_of(value, list.choices())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_arrays_and_references_list_their_choices() {
        const SLICE: &[&str] = &["us", "ca"];
        const ARRAY: [u8; 3] = [1, 2, 3];
        assert!(one_of_list("ca", &SLICE).is_ok());
        assert!(one_of_list(&2u8, &ARRAY).is_ok());
        assert!(one_of_list(&2u8, &&ARRAY).is_ok());
        let e = one_of_list(&5u8, &ARRAY).expect_err("not listed");
        assert_eq!(e.msg(), "Input should be 1, 2 or 3");
    }
}
