//! How a rule set declared for a type `T` (other than `str`, which reads
//! through [`StrInput`](crate::rules::StrInput)) reaches the `T` inside a
//! field: the field itself, or through `Option` (a `None` passes) and
//! pointers.

use std::rc::Rc;
use std::sync::Arc;

/// A field value that holds a `T` to check, or nothing (`None`).
#[diagnostic::on_unimplemented(
    message = "this rule set checks `{T}` values, and `{Self}` is not one",
    label = "the rule set's rules are written for `{T}`",
    note = "a rule set for `T` applies to `T`, `Option<T>`, `Box<T>`, `Rc<T>`, `Arc<T>` and `&T` fields"
)]
pub trait RuleInput<T: ?Sized> {
    /// The value to check, or `None` when there is none.
    fn rule_input(&self) -> Option<&T>;
}

/// A field value that holds a `T` to sanitize, or nothing (`None`).
#[diagnostic::on_unimplemented(
    message = "this rule set sanitizes `{T}` values, and `{Self}` is not one it can change",
    label = "the rule set's sanitizers need a `{T}` they can change",
    note = "a rule set for `T` sanitizes `T`, `Option<T>`, `Box<T>` and `&mut T` fields"
)]
pub trait RuleInputMut<T: ?Sized> {
    /// The value to change, or `None` when there is none.
    fn rule_input_mut(&mut self) -> Option<&mut T>;
}

impl<T: ?Sized> RuleInput<T> for T {
    #[inline]
    fn rule_input(&self) -> Option<&T> {
        Some(self)
    }
}

impl<T> RuleInput<T> for Option<T> {
    #[inline]
    fn rule_input(&self) -> Option<&T> {
        self.as_ref()
    }
}

impl<T> RuleInput<T> for Option<Box<T>> {
    #[inline]
    fn rule_input(&self) -> Option<&T> {
        self.as_deref()
    }
}

macro_rules! read_through {
    ($($ty:ty),*) => {$(
        impl<T: ?Sized> RuleInput<T> for $ty {
            #[inline]
            fn rule_input(&self) -> Option<&T> {
                Some(self)
            }
        }
    )*};
}
read_through!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

impl<T: ?Sized> RuleInputMut<T> for T {
    #[inline]
    fn rule_input_mut(&mut self) -> Option<&mut T> {
        Some(self)
    }
}

impl<T> RuleInputMut<T> for Option<T> {
    #[inline]
    fn rule_input_mut(&mut self) -> Option<&mut T> {
        self.as_mut()
    }
}

impl<T> RuleInputMut<T> for Option<Box<T>> {
    #[inline]
    fn rule_input_mut(&mut self) -> Option<&mut T> {
        self.as_deref_mut()
    }
}

impl<T: ?Sized> RuleInputMut<T> for Box<T> {
    #[inline]
    fn rule_input_mut(&mut self) -> Option<&mut T> {
        Some(self)
    }
}

impl<T: ?Sized> RuleInputMut<T> for &mut T {
    #[inline]
    fn rule_input_mut(&mut self) -> Option<&mut T> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaches_the_value() {
        assert_eq!(RuleInput::<u32>::rule_input(&7u32), Some(&7));
        assert_eq!(RuleInput::<u32>::rule_input(&Some(7u32)), Some(&7));
        assert_eq!(RuleInput::<u32>::rule_input(&None::<u32>), None);
        assert_eq!(
            RuleInput::<u32>::rule_input(&Some(Box::new(7u32))),
            Some(&7)
        );
        assert_eq!(RuleInput::<u32>::rule_input(&Arc::new(7u32)), Some(&7));
        assert_eq!(RuleInput::<[u8]>::rule_input(&&[1u8][..]), Some(&[1u8][..]));
        let mut v = Some(3u32);
        if let Some(x) = RuleInputMut::<u32>::rule_input_mut(&mut v) {
            *x += 1;
        }
        assert_eq!(v, Some(4));
        let mut b = Box::new(String::from("a"));
        if let Some(s) = RuleInputMut::<String>::rule_input_mut(&mut b) {
            s.push('b');
        }
        assert_eq!(*b, "ab");
    }
}
