//! `one_of`: the value must equal one of a fixed list of choices, as a
//! Pydantic `Literal[...]` field.

use super::input::{RangeInput, StrInput};
use crate::error::{CtxValue, IntoCtxValue, ValidationError, catalogue};

/// A type `one_of` compares by equality with choices of the same type:
/// every primitive integer, `f32`, `f64`, `bool` and `char`.
///
/// Implement it for your own `PartialEq + IntoCtxValue` type (a fieldless
/// enum, say) to use that type with `one_of`. Strings do not need it: any
/// string input is compared with `&str` choices.
pub trait Choice: PartialEq + IntoCtxValue {}

macro_rules! choices {
    ($($t:ty)*) => {$( impl Choice for $t {} )*};
}
choices!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char);

/// A value `one_of` can look up among choices of type `T`: any string input
/// ([`StrInput`]: `String`, `&str`, `Cow<str>`, through `Option`, `Box`,
/// `Rc`, `Arc`, `&`) among `&str` choices, and any [`Choice`] (through
/// `Option`, `Box`, `Rc`, `Arc`, `&`) among choices of its own type.
pub trait OneOfInput<T> {
    /// Whether the value is among `choices`; `true` when there is no value
    /// (`None`).
    fn is_among(&self, choices: &[T]) -> bool;
}

impl<S: StrInput + ?Sized> OneOfInput<&str> for S {
    fn is_among(&self, choices: &[&str]) -> bool {
        match self.input_str() {
            Some(s) => choices.contains(&s),
            None => true,
        }
    }
}

impl<V, B> OneOfInput<B> for V
where
    V: RangeInput<B> + ?Sized,
    B: Choice,
{
    fn is_among(&self, choices: &[B]) -> bool {
        match self.range_value() {
            Some(v) => choices.contains(v),
            None => true,
        }
    }
}

/// Checks that the value equals one of `choices` (strings: exact,
/// case-sensitive).
///
/// Error: `literal_error`, ctx `expected` = the choices joined as Pydantic
/// does ([`join_expected`](catalogue::join_expected)): `'a', 'b' or 'c'`,
/// strings and chars quoted, numbers not. An empty `choices` rejects every
/// value but `None`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::one_of("b", &["a", "b", "c"]).is_ok());
/// let e = rules::one_of(&String::from("d"), &["a", "b", "c"]).unwrap_err();
/// assert_eq!(e.kind(), "literal_error");
/// assert_eq!(e.msg(), "Input should be 'a', 'b' or 'c'");
/// assert_eq!(rules::one_of(&4u8, &[1, 2, 3]).unwrap_err().msg(), "Input should be 1, 2 or 3");
/// assert!(rules::one_of(&Some(2i64), &[1, 2, 3]).is_ok());
/// assert!(rules::one_of(&None::<String>, &["a"]).is_ok());
/// assert!(rules::one_of(&'y', &['y', 'n']).is_ok());
/// ```
pub fn one_of<V, T>(value: &V, choices: &[T]) -> Result<(), ValidationError>
where
    V: OneOfInput<T> + ?Sized,
    T: IntoCtxValue,
{
    if value.is_among(choices) {
        return Ok(());
    }
    let expected: Vec<CtxValue> = choices.iter().map(IntoCtxValue::to_ctx_value).collect();
    Err(catalogue::literal_error(catalogue::join_expected(
        &expected,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;

    fn expected(e: &ValidationError) -> Option<String> {
        e.ctx().get("expected").map(ToString::to_string)
    }

    #[test]
    fn strings() {
        assert!(one_of("a", &["a"]).is_ok());
        assert!(one_of("A", &["a"]).is_err());
        assert!(one_of("", &["", "x"]).is_ok());
        let e = one_of("z", &["a"]).unwrap_err();
        assert_eq!(e.msg(), "Input should be 'a'");
        assert_eq!(expected(&e).as_deref(), Some("'a'"));
        let e = one_of("z", &["a", "b"]).unwrap_err();
        assert_eq!(e.msg(), "Input should be 'a' or 'b'");
        assert_eq!(e.ctx().len(), 1);
        assert_eq!(
            one_of("z", &[] as &[&str]).unwrap_err().kind(),
            "literal_error"
        );
    }

    #[test]
    fn numbers_bools_and_chars() {
        assert!(one_of(&3u32, &[1, 2, 3]).is_ok());
        let e = one_of(&-1i64, &[1, 2, 3]).unwrap_err();
        assert_eq!(e.msg(), "Input should be 1, 2 or 3");
        assert_eq!(expected(&e).as_deref(), Some("1, 2 or 3"));
        assert!(one_of(&0.5f64, &[0.5, 1.5]).is_ok());
        assert_eq!(
            one_of(&1.0f64, &[0.5, 1.5]).unwrap_err().msg(),
            "Input should be 0.5 or 1.5"
        );
        assert!(one_of(&f64::NAN, &[f64::NAN]).is_err());
        assert_eq!(
            one_of(&false, &[true]).unwrap_err().msg(),
            "Input should be True"
        );
        assert_eq!(
            one_of(&'x', &['y', 'n']).unwrap_err().msg(),
            "Input should be 'y' or 'n'"
        );
    }

    #[test]
    fn every_field_type_of_the_derive_compiles() {
        let s = String::from("b");
        let choices = &["a", "b"];
        assert!(one_of(&s, choices).is_ok());
        assert!(one_of(&s.as_str(), choices).is_ok());
        assert!(one_of(&Some(s.clone()), choices).is_ok());
        assert!(one_of(&None::<String>, choices).is_ok());
        assert!(one_of(&Cow::Borrowed("c"), choices).is_err());
        assert!(one_of(&Cow::<str>::Owned("a".into()), choices).is_ok());
        assert!(one_of(&Box::new(s.clone()), choices).is_ok());
        assert!(one_of(&Rc::<str>::from("x"), choices).is_err());
        assert!(one_of(&Arc::new(s), choices).is_ok());
        assert!(one_of(&Some("c"), choices).is_err());

        assert!(one_of(&2u8, &[1, 2, 3]).is_ok());
        assert!(one_of(&2i128, &[1, 2, 3]).is_ok());
        assert!(one_of(&Some(5usize), &[1, 2, 3]).is_err());
        assert!(one_of(&None::<i32>, &[1, 2, 3]).is_ok());
        assert!(one_of(&Box::new(3i16), &[1, 2, 3]).is_ok());
        assert!(one_of(&Arc::new(4u64), &[1, 2, 3]).is_err());
        assert!(one_of(&&1i8, &[1, 2, 3]).is_ok());
        assert!(one_of(&Some('n'), &['y', 'n']).is_ok());
    }
}
