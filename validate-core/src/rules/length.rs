//! `length`: string length in chars, bytes, UTF-16 units or graphemes, and
//! collection size in items.

use std::ops::{Bound, RangeBounds};

use unicode_segmentation::UnicodeSegmentation;

use super::input::{HasLength, LengthUnit, Measured};
use crate::error::{ValidationError, catalogue};

/// The length of `s` in `unit`.
pub(crate) fn count(s: &str, unit: LengthUnit) -> usize {
    match unit {
        LengthUnit::Chars => s.chars().count(),
        LengthUnit::Bytes => s.len(),
        LengthUnit::Utf16 => s.chars().map(char::len_utf16).sum(),
        LengthUnit::Graphemes => s.graphemes(true).count(),
    }
}

/// Checks that a string has a length in `bounds` (counted in chars, as
/// Pydantic does), or a collection a number of items in `bounds`.
///
/// Errors: `string_too_short` / `string_too_long` for strings, `too_short` /
/// `too_long` for collections. An exclusive end (`3..33`) is turned into the
/// inclusive maximum Pydantic reports (`32`).
///
/// ```
/// use validate_core::rules;
/// assert!(rules::length("bob", 3..=32).is_ok());
/// assert_eq!(rules::length("bo", 3..=32).unwrap_err().kind(), "string_too_short");
/// assert_eq!(rules::length(&vec![1, 2, 3], ..=2).unwrap_err().msg(),
///            "List should have at most 2 items after validation, not 3");
/// assert!(rules::length(&None::<String>, 3..).is_ok());
/// ```
pub fn length<T, R>(value: &T, bounds: R) -> Result<(), ValidationError>
where
    T: HasLength + ?Sized,
    R: RangeBounds<usize>,
{
    length_in(value, bounds, LengthUnit::Chars)
}

/// [`length`] with an explicit [`LengthUnit`] for strings (collections always
/// count items).
///
/// ```
/// use validate_core::rules::{self, LengthUnit};
/// // "é" as e + combining accent: 2 chars, 1 grapheme, 3 bytes.
/// let s = "e\u{301}";
/// assert!(rules::length_in(s, ..=1, LengthUnit::Graphemes).is_ok());
/// assert!(rules::length_in(s, ..=1, LengthUnit::Chars).is_err());
/// assert!(rules::length_in(s, ..=2, LengthUnit::Bytes).is_err());
/// ```
pub fn length_in<T, R>(value: &T, bounds: R, unit: LengthUnit) -> Result<(), ValidationError>
where
    T: HasLength + ?Sized,
    R: RangeBounds<usize>,
{
    let min = match bounds.start_bound() {
        Bound::Included(&n) => Some(n),
        Bound::Excluded(&n) => Some(n.saturating_add(1)),
        Bound::Unbounded => None,
    };
    let max = match bounds.end_bound() {
        Bound::Included(&n) => Some(n),
        Bound::Excluded(&n) => Some(n.saturating_sub(1)),
        Bound::Unbounded => None,
    };
    let Some(measured) = value.measure(unit) else {
        return Ok(());
    };
    match measured {
        Measured::Text(n) => {
            if let Some(min) = min
                && n < min
            {
                return Err(catalogue::string_too_short(min));
            }
            if let Some(max) = max
                && n > max
            {
                return Err(catalogue::string_too_long(max));
            }
        }
        Measured::Items { count, field_type } => {
            if let Some(min) = min
                && count < min
            {
                return Err(catalogue::too_short(field_type, min, count));
            }
            if let Some(max) = max
                && count > max
            {
                return Err(catalogue::too_long(field_type, max, count));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};

    #[test]
    fn units_count_differently() {
        let s = "a👍🏽e\u{301}";
        assert_eq!(count(s, LengthUnit::Chars), 5);
        assert_eq!(count(s, LengthUnit::Bytes), 1 + 4 + 4 + 1 + 2);
        assert_eq!(count(s, LengthUnit::Utf16), 1 + 2 + 2 + 1 + 1);
        assert_eq!(count(s, LengthUnit::Graphemes), 3);
    }

    #[test]
    fn bounds_and_errors() {
        assert!(length("abc", 3..=3).is_ok());
        let e = length("abcd", 3..4).unwrap_err();
        assert_eq!(e.kind(), "string_too_long");
        assert_eq!(e.msg(), "String should have at most 3 characters");
        let e = length("", 1..).unwrap_err();
        assert_eq!(e.msg(), "String should have at least 1 character");
        let e = length(&String::from("a"), (Bound::Excluded(1), Bound::Unbounded)).unwrap_err();
        assert_eq!(e.msg(), "String should have at least 2 characters");
    }

    #[test]
    fn collections_report_actual_length() {
        let e = length(&vec![1], 2..).unwrap_err();
        assert_eq!(e.kind(), "too_short");
        assert_eq!(
            e.msg(),
            "List should have at least 2 items after validation, not 1"
        );
        let set: HashSet<u8> = [1, 2, 3].into_iter().collect();
        assert_eq!(
            length(&set, ..=1).unwrap_err().msg(),
            "Set should have at most 1 item after validation, not 3"
        );
        let map: BTreeMap<u8, u8> = BTreeMap::new();
        assert_eq!(
            length(&map, 1..).unwrap_err().msg(),
            "Dictionary should have at least 1 item after validation, not 0"
        );
        assert!(length(&[1, 2], 2..=2).is_ok());
    }

    #[test]
    fn wrappers_are_transparent() {
        use std::borrow::Cow;
        use std::rc::Rc;
        use std::sync::Arc;
        assert!(length(&Some("ab".to_string()), 3..).is_err());
        assert!(length(&None::<String>, 3..).is_ok());
        assert!(length(&Box::new("ab"), 3..).is_err());
        assert!(length(&Rc::<str>::from("ab"), 3..).is_err());
        assert!(length(&Arc::new(vec![1]), 2..).is_err());
        assert!(length(&Cow::Borrowed("ab"), 3..).is_err());
    }
}
