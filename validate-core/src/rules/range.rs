//! `range`: inclusive and exclusive bounds on any `PartialOrd` value.

use std::ops::{Bound, RangeBounds};

use super::input::RangeInput;
use crate::error::{IntoCtxValue, ValidationError, catalogue};

/// Checks that `value` lies in `bounds`. An included start is Pydantic's
/// `ge`, an excluded start `gt`, an included end `le`, an excluded end `lt`:
///
/// ```
/// use std::ops::Bound;
/// use validate_core::rules;
/// assert!(rules::range(&30u32, 13..=130).is_ok());
/// let e = rules::range(&12u32, 13..=130).unwrap_err();
/// assert_eq!(e.msg(), "Input should be greater than or equal to 13");
/// let e = rules::range(&1.5f64, 0.0..1.5).unwrap_err();
/// assert_eq!((e.kind(), &*e.msg()), ("less_than", "Input should be less than 1.5"));
/// let gt0 = (Bound::Excluded(0i64), Bound::Unbounded);
/// assert_eq!(rules::range(&0i64, gt0).unwrap_err().kind(), "greater_than");
/// assert!(rules::range(&None::<u32>, 13..).is_ok());
/// ```
///
/// A value that is not comparable with a bound (a float `NaN`) fails that
/// bound, as in Pydantic.
pub fn range<V, B, R>(value: &V, bounds: R) -> Result<(), ValidationError>
where
    V: RangeInput<B> + ?Sized,
    B: PartialOrd + IntoCtxValue,
    R: RangeBounds<B>,
{
    let Some(v) = value.range_value() else {
        return Ok(());
    };
    use std::cmp::Ordering::{Equal, Greater, Less};
    let cmp = |b: &B| v.partial_cmp(b);
    match bounds.start_bound() {
        Bound::Included(min) if !matches!(cmp(min), Some(Greater | Equal)) => {
            return Err(catalogue::greater_than_equal(min.to_ctx_value()));
        }
        Bound::Excluded(min) if cmp(min) != Some(Greater) => {
            return Err(catalogue::greater_than(min.to_ctx_value()));
        }
        _ => {}
    }
    match bounds.end_bound() {
        Bound::Included(max) if !matches!(cmp(max), Some(Less | Equal)) => {
            Err(catalogue::less_than_equal(max.to_ctx_value()))
        }
        Bound::Excluded(max) if cmp(max) != Some(Less) => {
            Err(catalogue::less_than(max.to_ctx_value()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bound_kind() {
        assert_eq!(
            range(&131u8, 13..=130).unwrap_err().msg(),
            "Input should be less than or equal to 130"
        );
        assert_eq!(
            range(&5i8, (Bound::Excluded(5i8), Bound::Unbounded))
                .unwrap_err()
                .msg(),
            "Input should be greater than 5"
        );
        assert_eq!(
            range(&13.0f32, ..13.0f32).unwrap_err().msg(),
            "Input should be less than 13"
        );
        assert!(range(&f64::NAN, 0.0..).is_err());
        assert!(range(&f64::NAN, ..=0.0).is_err());
        // Inside each kind of bound, and at an inclusive one.
        assert!(range(&6i8, (Bound::Excluded(5i8), Bound::Excluded(7i8))).is_ok());
        assert!(range(&5i8, 5..=5).is_ok());
        assert!(range(&0.5f64, (Bound::Excluded(0.0), Bound::Excluded(1.0))).is_ok());
        assert_eq!(
            range(&7i8, (Bound::Excluded(5i8), Bound::Excluded(7i8)))
                .unwrap_err()
                .msg(),
            "Input should be less than 7"
        );
        assert!(range(&"b", "a"..="c").is_ok());
        assert_eq!(
            range(&"d", "a"..="c").unwrap_err().msg(),
            "Input should be less than or equal to c"
        );
    }

    #[test]
    fn wrappers() {
        assert!(range(&Some(12u32), 13..).is_err());
        assert!(range(&Box::new(12u32), 13..).is_err());
        assert!(range(&std::sync::Arc::new(14u32), 13..).is_ok());
        assert!(range(&std::rc::Rc::new(12u32), 13..).is_err());
        assert!(range(&&12u32, 13..).is_err());
        assert!(range(&Some(Box::new(12u32)), 13..).is_err());
        assert!(range(&None::<Box<u32>>, 13..).is_ok());
    }
}
