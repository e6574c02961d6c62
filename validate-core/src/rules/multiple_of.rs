//! `multiple_of`: a number must be an integer multiple of `n` — exactly for
//! integers, within Pydantic's rounding tolerance for floats.

use super::input::RangeInput;
use crate::error::{IntoCtxValue, ValidationError, catalogue};

/// A number `multiple_of` can divide: every primitive integer, `f32` and
/// `f64`.
///
/// For all of them, `0` is a multiple of every `n` (0 = 0·n) and a divisor
/// of `0` accepts only `0`: nothing panics, whatever `n` is.
pub trait Multiple: Copy {
    /// Whether `self` is a multiple of `n`.
    fn is_multiple_of_n(self, n: Self) -> bool;
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl Multiple for $t {
            fn is_multiple_of_n(self, n: Self) -> bool {
                // `wrapping_rem` because `MIN % -1` overflows (its true
                // remainder, 0, is what `wrapping_rem` returns).
                if n == 0 { self == 0 } else { self.wrapping_rem(n) == 0 }
            }
        }
    )*};
}
integers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// Pydantic's float test, from `pydantic-core/src/validators/float.rs`
/// (`ConstrainedFloatValidator::validate`, pydantic repository at commit
/// 0ff654dfc1d3): `(v - (v / n).round() * n).abs() > 1e-9` fails. It
/// replaced a `v % n` test that rejected some negative multiples
/// (pydantic#9871); it is sign-symmetric and
/// forgives the representation error of decimal steps (`0.3` is a multiple
/// of `0.1` although `0.3 % 0.1 != 0`).
///
/// Where Pydantic's formula yields NaN (a NaN or infinite value, `n` zero,
/// infinite or NaN) the comparison is false and Pydantic accepts; here the
/// value fails, except `0`, which is a multiple of anything.
impl Multiple for f64 {
    fn is_multiple_of_n(self, n: Self) -> bool {
        if self == 0.0 {
            return true;
        }
        let diff = (self - (self / n).round() * n).abs();
        // `<=` rather than `!(>)`, so that NaN fails.
        diff <= 1e-9
    }
}

/// The same rounding test, computed in `f64` with a tolerance scaled to
/// `f32`'s precision (`f32::EPSILON · max(|v|, |n|)`): an absolute `1e-9`
/// would reject most decimal multiples, since `0.1f32` is off by `1.5e-9`.
impl Multiple for f32 {
    fn is_multiple_of_n(self, n: Self) -> bool {
        if self == 0.0 {
            return true;
        }
        let (v, n) = (f64::from(self), f64::from(n));
        let diff = (v - (v / n).round() * n).abs();
        diff <= f64::from(f32::EPSILON) * v.abs().max(n.abs())
    }
}

/// Checks that the value is a multiple of `n`.
///
/// Integers: `v % n == 0`, exact. Floats: within Pydantic's tolerance (see
/// [`Multiple`]): `0.3` is a multiple of `0.1`; NaN and infinities are not
/// multiples of anything. `None` passes.
///
/// Error: `multiple_of`, ctx `multiple_of` = `n`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::multiple_of(&15u32, 5).is_ok());
/// let e = rules::multiple_of(&7i64, 5).unwrap_err();
/// assert_eq!((e.kind(), &*e.msg()), ("multiple_of", "Input should be a multiple of 5"));
/// assert!(rules::multiple_of(&0.3f64, 0.1).is_ok());
/// assert_eq!(rules::multiple_of(&0.35f64, 0.1).unwrap_err().msg(),
///            "Input should be a multiple of 0.1");
/// assert!(rules::multiple_of(&None::<u8>, 2).is_ok());
/// assert!(rules::multiple_of(&3i32, 0).is_err()); // no panic
/// ```
pub fn multiple_of<V, B>(value: &V, n: B) -> Result<(), ValidationError>
where
    V: RangeInput<B> + ?Sized,
    B: Multiple + IntoCtxValue,
{
    match value.range_value() {
        Some(v) if !v.is_multiple_of_n(n) => Err(catalogue::multiple_of(n.to_ctx_value())),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;
    use std::sync::Arc;

    #[test]
    fn integers_are_exact() {
        assert!(multiple_of(&10u8, 5).is_ok());
        assert!(multiple_of(&-10i8, 5).is_ok());
        assert!(multiple_of(&10i8, -5).is_ok());
        assert!(multiple_of(&0u64, 7).is_ok());
        let e = multiple_of(&11u16, 5).unwrap_err();
        assert_eq!(e.kind(), "multiple_of");
        assert_eq!(e.msg(), "Input should be a multiple of 5");
        assert_eq!(e.ctx().get("multiple_of"), Some(&crate::CtxValue::Int(5)));
        assert_eq!(e.ctx().len(), 1);
        assert!(multiple_of(&u128::MAX, 3).is_ok());
        assert!(multiple_of(&u128::MAX, 2).is_err());
    }

    #[test]
    fn integer_edge_cases_never_panic() {
        assert!(multiple_of(&0i32, 0).is_ok());
        assert!(multiple_of(&1i32, 0).is_err());
        assert!(multiple_of(&i64::MIN, -1).is_ok());
        assert!(multiple_of(&i8::MIN, -1).is_ok());
        assert!(multiple_of(&i128::MIN, i128::MIN).is_ok());
        assert!(multiple_of(&i128::MAX, i128::MIN).is_err());
        assert!(multiple_of(&isize::MIN, 2).is_ok());
    }

    #[test]
    fn floats_follow_pydantic() {
        assert!(multiple_of(&0.3f64, 0.1).is_ok());
        assert!(multiple_of(&-0.3f64, 0.1).is_ok());
        assert!(multiple_of(&-0.09f64, 0.01).is_ok()); // pydantic#9871
        assert!(multiple_of(&2.5f64, 0.5).is_ok());
        assert!(multiple_of(&2.5f64, -0.5).is_ok());
        assert!(multiple_of(&7.5f64, 5.0).is_err());
        let e = multiple_of(&1.0f64, 0.3).unwrap_err();
        assert_eq!(e.msg(), "Input should be a multiple of 0.3");
        assert_eq!(
            e.ctx().get("multiple_of"),
            Some(&crate::CtxValue::Float(0.3))
        );
        // Within 1e-9 absolute, as Pydantic.
        assert!(multiple_of(&(1.0f64 + 5e-10), 1.0).is_ok());
        assert!(multiple_of(&(1.0f64 + 5e-9), 1.0).is_err());
    }

    #[test]
    fn decimal_grids_pass_and_midpoints_fail() {
        for k in -20_000i32..=20_000 {
            let v64 = f64::from(k) / 100.0;
            assert!(multiple_of(&v64, 0.01).is_ok(), "{v64}");
            let v32: f32 = v64.to_string().parse().expect("decimal parses");
            assert!(multiple_of(&v32, 0.01f32).is_ok(), "{v32}");
            let mid64 = (f64::from(k) + 0.5) / 100.0;
            assert!(multiple_of(&mid64, 0.01).is_err(), "{mid64}");
            let mid32: f32 = mid64.to_string().parse().expect("decimal parses");
            assert!(multiple_of(&mid32, 0.01f32).is_err(), "{mid32}");
        }
    }

    #[test]
    fn non_finite_values_and_divisors_fail() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(multiple_of(&v, 1.0).is_err());
            assert!(multiple_of(&(v as f32), 1.0f32).is_err());
        }
        for n in [0.0, f64::NAN, f64::INFINITY] {
            assert!(multiple_of(&1.5f64, n).is_err());
            assert!(multiple_of(&0.0f64, n).is_ok());
            assert!(multiple_of(&1.5f32, n as f32).is_err());
        }
        assert_eq!(
            multiple_of(&1.0f32, 0.3f32).unwrap_err().msg(),
            "Input should be a multiple of 0.3"
        );
    }

    #[test]
    fn wrappers_are_transparent() {
        assert!(multiple_of(&Some(7u32), 2).is_err());
        assert!(multiple_of(&None::<u32>, 2).is_ok());
        assert!(multiple_of(&Box::new(7u32), 2).is_err());
        assert!(multiple_of(&Rc::new(8u32), 2).is_ok());
        assert!(multiple_of(&Arc::new(0.5f64), 0.25).is_ok());
        assert!(multiple_of(&&9i16, 3).is_ok());
        assert!(multiple_of(&Some(Box::new(9i16)), 2).is_err());
    }
}
