//! The date literals of `date(min = "2000-01-01", lt = "2030-01-01")`:
//! read at compile time, so a date that does not exist is an error on its
//! token, and emitted as `jiff::civil::date(y, m, d)` constants.
//!
//! Only `YYYY-MM-DD` for years 0001 to 9999, the dates the `date` rule
//! accepts (Python's `date` range); the calendar check is the Gregorian
//! month lengths, the one fact needed to refuse `2023-02-29` here rather
//! than as a panic in a constant.

use std::cmp::Ordering;
use std::ops::Bound;

use syn::LitStr;

use crate::ctxt::Ctxt;

/// A calendar date, ordered by time.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct CivilDate {
    pub(crate) year: i16,
    pub(crate) month: i8,
    pub(crate) day: i8,
}

/// The date `text` spells as `YYYY-MM-DD`, or what is wrong with it.
pub(crate) fn parse(text: &str) -> Result<CivilDate, String> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(format!(
            "`{text}` is not a date: write `YYYY-MM-DD`, e.g. \"2000-01-31\""
        ));
    }
    let num = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0i16, |n, c| n * 10 + i16::from(c - b'0'))
    };
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if year == 0 {
        return Err("year 0000 is not a date the `date` rule accepts: years run from 0001".into());
    }
    if !(1..=12).contains(&month) {
        return Err(format!("`{text}`: the month is 01 to 12"));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&day) {
        return Err(format!(
            "`{text}` does not exist: that month has {days} days"
        ));
    }
    // Month and day are at most 31: they fit.
    Ok(CivilDate {
        year,
        month: month as i8,
        day: day as i8,
    })
}

/// The bound `incl` (inclusive) or `excl` (exclusive) sets, when its date
/// exists (`check` reported one that does not).
pub(crate) fn bound(incl: Option<&LitStr>, excl: Option<&LitStr>) -> Option<Bound<CivilDate>> {
    Some(match (incl, excl) {
        (Some(lit), _) => Bound::Included(parse(&lit.value()).ok()?),
        (None, Some(lit)) => Bound::Excluded(parse(&lit.value()).ok()?),
        (None, None) => Bound::Unbounded,
    })
}

/// Reports every mistake in `date(min, max, gt, lt)`: a date that does
/// not exist, two lower (or upper) bounds, bounds that no date lies
/// between.
pub(crate) fn check(cx: &Ctxt, [min, max, gt, lt]: [Option<&LitStr>; 4]) {
    for lit in [min, max, gt, lt].into_iter().flatten() {
        if let Err(message) = parse(&lit.value()) {
            cx.error_spanned_by(lit, message);
        }
    }
    for (incl, excl, side, i, e) in [
        (min, gt, "lower", "min", "gt"),
        (max, lt, "upper", "max", "lt"),
    ] {
        if let (Some(_), Some(excl)) = (incl, excl) {
            cx.error_spanned_by(
                excl,
                format!("`{i}` and `{e}` both set the {side} bound: keep one (`{i}` is inclusive, `{e}` exclusive)"),
            );
        }
    }
    let (Some(lower), Some(upper)) = (bound(min, gt), bound(max, lt)) else {
        return;
    };
    let empty = match (lower, upper) {
        (Bound::Included(a), Bound::Included(b)) => a > b,
        (Bound::Included(a) | Bound::Excluded(a), Bound::Included(b) | Bound::Excluded(b)) => {
            a.cmp(&b) != Ordering::Less
        }
        _ => false,
    };
    if empty && let Some(lit) = min.or(gt) {
        cx.error_spanned_by(
            lit,
            "this lower bound is not below the upper bound: no date can pass",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_only_when_they_exist() {
        let d = |y, m, d| {
            Ok(CivilDate {
                year: y,
                month: m,
                day: d,
            })
        };
        assert_eq!(parse("2000-02-29"), d(2000, 2, 29));
        assert_eq!(parse("2024-12-31"), d(2024, 12, 31));
        assert_eq!(parse("0001-01-01"), d(1, 1, 1));
        for bad in [
            "1900-02-29",
            "2023-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "0000-01-01",
            "2024-1-01",
            "2024/01/01",
            "20240101",
            "+2024-01-01",
            "2024-01-01T00:00",
            "",
            "２０２４-01-01",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse("2000-01-01") < parse("2000-01-02"));
        assert!(parse("1999-12-31") < parse("2000-01-01"));
    }
}
