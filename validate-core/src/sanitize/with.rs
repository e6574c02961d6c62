//! `apply_with`: a custom sanitizer function (`with = path` in the derive),
//! written either as `fn(&mut T)` or as `fn(T) -> T`.
//!
//! The two shapes are told apart by a marker type parameter ([`ByRef`],
//! [`ByValue`]) that the compiler infers: a function type implements at most
//! one of the two [`WithFn`] impls, so the caller never names the marker.

use std::mem;

/// Marker for a sanitizer function that edits in place: `fn(&mut T)`.
#[derive(Debug, Clone, Copy)]
pub struct ByRef;

/// Marker for a sanitizer function that takes and returns the value:
/// `fn(T) -> T`.
#[derive(Debug, Clone, Copy)]
pub struct ByValue;

/// A function [`apply_with`] can run on a `T`; `Marker` is [`ByRef`] or
/// [`ByValue`] and is inferred.
pub trait WithFn<T: ?Sized, Marker> {
    /// Runs the function on `value`.
    fn call_with(self, value: &mut T);
}

impl<T: ?Sized, F: FnOnce(&mut T)> WithFn<T, ByRef> for F {
    fn call_with(self, value: &mut T) {
        self(value);
    }
}

impl<T: Default, F: FnOnce(T) -> T> WithFn<T, ByValue> for F {
    fn call_with(self, value: &mut T) {
        // `take` moves the value out without cloning; the function's result
        // replaces the default left behind.
        *value = self(mem::take(value));
    }
}

/// Runs a custom sanitizer on `value`: `f` is either `fn(&mut T)` or
/// `fn(T) -> T` (the latter needs `T: Default`, to move the value out and
/// back without a clone).
///
/// ```
/// use validate_core::sanitize;
///
/// fn strip_plus(s: &mut String) {
///     s.retain(|c| c != '+');
/// }
/// fn shout(s: String) -> String {
///     s.to_uppercase()
/// }
///
/// let mut v = String::from("a+b");
/// sanitize::apply_with(&mut v, strip_plus);
/// sanitize::apply_with(&mut v, shout);
/// assert_eq!(v, "AB");
///
/// let mut n = 7u32;
/// sanitize::apply_with(&mut n, |x: u32| x.min(5));
/// assert_eq!(n, 5);
/// ```
pub fn apply_with<T, Marker, F>(value: &mut T, f: F)
where
    T: ?Sized,
    F: WithFn<T, Marker>,
{
    f.call_with(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_ref(v: &mut Vec<u8>) {
        v.push(1);
    }

    fn by_value(mut v: Vec<u8>) -> Vec<u8> {
        v.push(2);
        v
    }

    #[test]
    fn both_shapes() {
        let mut v = vec![0u8];
        apply_with(&mut v, by_ref);
        apply_with(&mut v, by_value);
        assert_eq!(v, [0, 1, 2]);
        let mut o: Option<String> = Some("x".into());
        apply_with(&mut o, |o: Option<String>| o.filter(|s| s.len() > 1));
        assert_eq!(o, None);
    }

    #[test]
    fn unsized_targets_by_ref() {
        let s: &mut str = &mut String::from("abc").into_boxed_str();
        apply_with(s, |s: &mut str| s.make_ascii_uppercase());
        assert_eq!(s, "ABC");
    }
}
