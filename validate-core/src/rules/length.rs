//! `length`: string length in chars, bytes, UTF-16 units or graphemes, and
//! collection size in items.

use std::ops::{Bound, RangeBounds};

use unicode_segmentation::UnicodeSegmentation;

use super::input::{HasLength, LengthUnit, Measured};
use crate::error::{ValidationError, catalogue};

/// The length of `s` in `unit`. Inlined so that a constant unit (the derive
/// always passes one) leaves only its own counting loop.
#[inline]
pub(crate) fn count(s: &str, unit: LengthUnit) -> usize {
    match unit {
        LengthUnit::Chars => s.chars().count(),
        LengthUnit::Bytes => s.len(),
        LengthUnit::Utf16 => count_utf16(s),
        LengthUnit::Graphemes => count_graphemes(s),
    }
}

/// Out of line (as [`count_graphemes`]): a user's crate that measures
/// strings does not compile these loops.
#[inline(never)]
fn count_utf16(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[inline(never)]
fn count_graphemes(s: &str) -> usize {
    s.graphemes(true).count()
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
    // Inlined so that the derive's constant bounds fold away and a value
    // that passes costs a few instructions; the rest is out of line.
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
    // Bytes first: free for a string (and a collection's item count, whatever
    // the unit). Most valid strings are settled by their byte length alone,
    // so the chars (or graphemes) are counted only near a bound.
    let Some(measured) = value.measure(LengthUnit::Bytes) else {
        return Ok(());
    };
    let settled = match measured {
        Measured::Text(bytes) => within_by_bytes(bytes, unit, min, max),
        Measured::Items { count, .. } => within(count, min, max),
    };
    if settled {
        Ok(())
    } else {
        length_measured(value, measured, min, max, unit)
    }
}

/// The rest of [`length_in`], when the byte length did not settle it:
/// counts in `unit` and reports.
#[inline(never)]
fn length_measured<T: HasLength + ?Sized>(
    value: &T,
    measured: Measured,
    min: Option<usize>,
    max: Option<usize>,
    unit: LengthUnit,
) -> Result<(), ValidationError> {
    let measured = match measured {
        Measured::Text(_) if unit != LengthUnit::Bytes => match value.measure(unit) {
            Some(measured) => measured,
            None => return Ok(()),
        },
        measured => measured,
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

/// Whether `n` is within `min..=max`.
#[inline]
fn within(n: usize, min: Option<usize>, max: Option<usize>) -> bool {
    min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max)
}

/// Whether a string of `bytes` UTF-8 bytes has a length within `min..=max`
/// in `unit` whatever its characters: at most `bytes` of any unit, and at
/// least a quarter as many chars (4 bytes at most per char), a third as many
/// UTF-16 units (a 4-byte char is 2 units) and one grapheme when not empty.
#[inline]
fn within_by_bytes(bytes: usize, unit: LengthUnit, min: Option<usize>, max: Option<usize>) -> bool {
    let fewest = match unit {
        LengthUnit::Bytes => bytes,
        LengthUnit::Chars => bytes.div_ceil(4),
        LengthUnit::Utf16 => bytes.div_ceil(3),
        LengthUnit::Graphemes => usize::from(bytes > 0),
    };
    min.is_none_or(|min| fewest >= min) && max.is_none_or(|max| bytes <= max)
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
    fn byte_bounds_never_settle_a_wrong_verdict() {
        // Strings whose unit counts sit at each extreme of the byte bounds.
        let samples = [
            "",
            "a",
            "é",
            "€",
            "👍",
            "e\u{301}",
            "aé€👍",
            "👍👍👍",
            "€€€",
            "abcd",
            "🇨🇭🇨🇭",
        ];
        let units = [
            LengthUnit::Bytes,
            LengthUnit::Chars,
            LengthUnit::Utf16,
            LengthUnit::Graphemes,
        ];
        for s in samples {
            for unit in units {
                let n = count(s, unit);
                for min in 0..=14 {
                    for max in min..=14 {
                        assert_eq!(
                            length_in(s, min..=max, unit).is_ok(),
                            (min..=max).contains(&n),
                            "{s:?} {unit:?} {min}..={max}"
                        );
                    }
                }
                if n > 0 {
                    assert!(length_in(s, ..n, unit).is_err(), "{s:?} {unit:?}");
                }
                assert!(length_in(&Some(s), n.., unit).is_ok());
            }
        }
    }

    /// The byte length alone settles what it can: a string whose every
    /// possible count is in range, and every collection in range, without
    /// counting.
    #[test]
    fn byte_length_settles_the_common_case() {
        assert!(within(3, Some(1), Some(5)));
        assert!(within(1, Some(1), Some(1)));
        assert!(!within(6, Some(1), Some(5)));
        assert!(!within(0, Some(1), None));
        // 12 bytes: 3 to 12 chars, 4 to 12 UTF-16 units, 1 to 12 graphemes.
        assert!(within_by_bytes(12, LengthUnit::Chars, Some(3), Some(12)));
        assert!(within_by_bytes(12, LengthUnit::Utf16, Some(4), Some(12)));
        assert!(within_by_bytes(
            12,
            LengthUnit::Graphemes,
            Some(1),
            Some(12)
        ));
        assert!(within_by_bytes(12, LengthUnit::Bytes, Some(12), Some(12)));
        assert!(!within_by_bytes(12, LengthUnit::Chars, Some(4), None));
        assert!(!within_by_bytes(12, LengthUnit::Chars, None, Some(11)));
        assert!(!within_by_bytes(0, LengthUnit::Graphemes, Some(1), None));
    }

    /// A reversed range passes nothing; each bound is reported as written.
    #[test]
    fn reversed_ranges_fail_on_the_bound_crossed() {
        // Bounds computed at run time (clippy refuses a literal `5..=3`).
        let (min, max) = (5, 3);
        assert_eq!(length(&[0; 5], min..=max).unwrap_err().kind(), "too_long");
        assert_eq!(length(&[0; 4], min..=max).unwrap_err().kind(), "too_short");
        assert_eq!(
            length("aaaaé", min..=max).unwrap_err().kind(),
            "string_too_long"
        );
        assert_eq!(
            length("aaé", min..=max).unwrap_err().kind(),
            "string_too_short"
        );
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
