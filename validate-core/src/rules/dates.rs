//! `date`, `datetime` and `time` on strings: what Pydantic accepts for a
//! `datetime.date`, `datetime.datetime` or `datetime.time` field from a
//! JSON string in strict mode, with its error types, messages and ctx
//! (measured on Pydantic 2.14, see `tests/pydantic/`).

#[cfg(test)]
mod pydantic_tests;
mod scan;

use std::borrow::Cow;
use std::ops::RangeBounds;

use jiff::civil::Date;

use super::input::StrInput;
use crate::error::{CtxValue, IntoCtxValue, ValidationError, catalogue};

/// Checks that a string is a date as Pydantic reads one: `YYYY-MM-DD`
/// (RFC 3339 `full-date`, a real calendar day, year 0001 to 9999), or an
/// integer Unix timestamp at exactly midnight UTC (seconds, or
/// milliseconds when above 2e10), as Pydantic also accepts.
///
/// The error is `date_parsing`, `Input should be a valid date in the
/// format YYYY-MM-DD, <error>`, with Pydantic's reason in `error` (which
/// never quotes the input).
///
/// ```
/// use validate_core::rules;
/// assert!(rules::date("2024-02-29").is_ok());
/// assert!(rules::date(&None::<String>).is_ok());
/// let e = rules::date("2023-02-29").expect_err("not a leap year");
/// assert_eq!(e.kind(), "date_parsing");
/// assert_eq!(e.msg(), "Input should be a valid date in the format YYYY-MM-DD, \
///     day value is outside expected range");
/// let e = rules::date("2024-01-31T12:00:00").expect_err("a datetime");
/// assert_eq!(e.ctx().get("error").map(|v| v.to_string()).as_deref(),
///     Some("unexpected extra characters at the end of the input"));
/// ```
pub fn date<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => scan::date(s)
            .and_then(scan::python_date)
            .map_err(catalogue::date_parsing),
        None => Ok(()),
    }
}

/// [`date`], then the date must lie in `bounds`, with Pydantic's errors
/// for a `date` field with `Field(ge=..., lt=...)`: an included start is
/// `greater_than_equal`, an excluded one `greater_than`, an included end
/// `less_than_equal`, an excluded one `less_than`, the bound in ctx as
/// `YYYY-MM-DD` (`Input should be greater than or equal to 2000-01-01`).
/// Bounds are `jiff::civil::Date`s, which `jiff::civil::date(y, m, d)`
/// builds in a `const`.
///
/// ```
/// use jiff::civil::{Date, date};
/// use validate_core::rules;
///
/// const Y2K: Date = date(2000, 1, 1);
/// assert!(rules::date_range("2024-02-29", Y2K..).is_ok());
/// let e = rules::date_range("1999-12-31", Y2K..).expect_err("too early");
/// assert_eq!(e.kind(), "greater_than_equal");
/// assert_eq!(e.msg(), "Input should be greater than or equal to 2000-01-01");
/// let e = rules::date_range("2030-01-01", ..date(2030, 1, 1)).expect_err("too late");
/// assert_eq!(e.msg(), "Input should be less than 2030-01-01");
/// // A bad date fails as `date` does, before the bounds.
/// assert_eq!(rules::date_range("2023-02-29", Y2K..).unwrap_err().kind(), "date_parsing");
/// ```
pub fn date_range<S, R>(value: &S, bounds: R) -> Result<(), ValidationError>
where
    S: StrInput + ?Sized,
    R: RangeBounds<Date>,
{
    match value.input_str() {
        Some(s) => {
            // Pydantic's order: parse, compare, then convert to Python's
            // `date` (which refuses year 0).
            let parsed = scan::date(s).map_err(catalogue::date_parsing)?;
            super::range(&parsed, bounds)?;
            scan::python_date(parsed).map_err(catalogue::date_parsing)
        }
        None => Ok(()),
    }
}

/// A date bound in ctx as Pydantic's JSON writes it: `"2000-01-01"`.
impl IntoCtxValue for Date {
    fn to_ctx_value(&self) -> CtxValue {
        CtxValue::Str(Cow::Owned(self.to_string()))
    }
}

/// Checks that a string is a datetime as Pydantic reads one: a date, then
/// `T`, `t`, `_` or a space, then a time as [`time`] takes it (`Z` or a
/// `±HH:MM` offset optional: naive datetimes pass, as in Pydantic's
/// `datetime`); or a Unix timestamp, integer or decimal (seconds, or
/// milliseconds above 2e10), from year 0000 to 9999.
///
/// The error is `datetime_parsing`, `Input should be a valid datetime,
/// <error>`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::datetime("2024-01-31T12:34:56Z").is_ok());
/// assert!(rules::datetime("2024-01-31 12:34:56.123456+01:00").is_ok());
/// assert!(rules::datetime("1700000000").is_ok());
/// let e = rules::datetime("2024-01-31T24:00:00").expect_err("hour 24");
/// assert_eq!(e.kind(), "datetime_parsing");
/// assert_eq!(e.msg(), "Input should be a valid datetime, \
///     hour value is outside expected range of 0-23");
/// ```
pub fn datetime<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => scan::datetime(s).map_err(catalogue::datetime_parsing),
        None => Ok(()),
    }
}

/// Checks that a string is a time of day as Pydantic reads one: `HH:MM`,
/// then optionally `:SS` and a fraction after `.` or `,` (digits past the
/// sixth are dropped), then optionally `Z` or an offset under 24 hours
/// (`+01:00`, `+0100`). No leap second (`:60`), no `24:00`.
///
/// The error is `time_parsing`, `Input should be in a valid time format,
/// <error>`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::time("12:34").is_ok());
/// assert!(rules::time("23:59:59.999999-08:00").is_ok());
/// let e = rules::time("23:59:60").expect_err("leap second");
/// assert_eq!(e.kind(), "time_parsing");
/// assert_eq!(e.msg(), "Input should be in a valid time format, \
///     second value is outside expected range of 0-59");
/// ```
pub fn time<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => scan::time(s).map_err(catalogue::time_parsing),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(r: Result<(), ValidationError>) -> String {
        let e = r.expect_err("should be rejected");
        e.ctx()
            .get("error")
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    #[test]
    fn calendar_days() {
        assert!(date("2000-02-29").is_ok());
        assert!(date("1900-02-29").is_err());
        assert!(date("2024-04-30").is_ok());
        assert!(date("2024-04-31").is_err());
        assert_eq!(error(date("0000-01-01")), "year 0 is out of range");
        assert_eq!(
            error(date("2024-13-01")),
            "month value is outside expected range of 1-12"
        );
    }

    #[test]
    fn timestamps() {
        assert!(date("86400").is_ok());
        assert!(date("86400000").is_ok());
        assert_eq!(error(date("86401")), "Timestamp is not an exact date");
        assert!(datetime("-1.5").is_ok());
        assert!(datetime(".5").is_ok());
        assert!(datetime("1e3").is_err());
        assert_eq!(
            error(datetime("9223372036854775807")),
            "dates after 9999 are not supported as unix timestamps"
        );
        assert_eq!(
            error(datetime("-9223372036854775808")),
            "dates before 0000 are not supported as unix timestamps"
        );
        // Decimal timestamps above 2e10 are milliseconds, as integer ones
        // are (both valid for Pydantic 2.13.4; as seconds they would be
        // past 9999).
        assert!(datetime("300000000000.5").is_ok());
        assert!(datetime("-300000000000.5").is_ok());
        assert!(datetime("253402300799999.5").is_ok());
        assert!(datetime("1e999.5").is_err());
        assert!(datetime("1.5e999").is_err());
        assert!(datetime("-1.5e999").is_err());
    }

    /// Edges measured with Pydantic 2.13.4 (strict, JSON string): offsets
    /// just past 24 hours, millisecond timestamps at each end of the range
    /// and of year 0,
    /// a decimal whose whole part is past `i64`. `""` is valid.
    #[test]
    fn measured_edges() {
        type Rule = fn(&str) -> Result<(), ValidationError>;
        let rows: [(Rule, &str, &str); 24] = [
            (datetime, "-62135596800000", ""),
            (datetime, "-62135596800001", "year 0 is out of range"),
            (date, "-62135596800000", ""),
            (date, "-62135596800001", "Timestamp is not an exact date"),
            (datetime, "12:00+24:01", "invalid character in year"),
            (
                datetime,
                "2024-01-01T12:00+24:01",
                "timezone offset must be less than 24 hours",
            ),
            (
                datetime,
                "99999999999999999999.5",
                "invalid date separator, expected `-`",
            ),
            (datetime, "-62167219200000", "year 0 is out of range"),
            (
                datetime,
                "-62167219200001",
                "dates before 0000 are not supported as unix timestamps",
            ),
            (datetime, "253402300799000", ""),
            (datetime, "253402300799999", ""),
            (
                datetime,
                "253402300800000",
                "dates after 9999 are not supported as unix timestamps",
            ),
            (datetime, "-62167219200000.5", ""),
            (
                date,
                "2024-01-01T12:00+24:01",
                "unexpected extra characters at the end of the input",
            ),
            (
                date,
                "99999999999999999999.5",
                "invalid date separator, expected `-`",
            ),
            (date, "-62167219200000", "year 0 is out of range"),
            (
                date,
                "-62167219200001",
                "dates before 0000 are not supported as unix timestamps",
            ),
            (date, "253402300799000", "Timestamp is not an exact date"),
            (
                date,
                "253402300800000",
                "dates after 9999 are not supported as unix timestamps",
            ),
            (date, "-62167219200000.5", "invalid character in year"),
            (
                time,
                "12:00+24:01",
                "timezone offset must be less than 24 hours",
            ),
            (
                time,
                "2024-01-01T12:00+24:01",
                "invalid time separator, expected `:`",
            ),
            (
                time,
                "99999999999999999999.5",
                "invalid time separator, expected `:`",
            ),
            (time, "-62167219200000", "invalid character in hour"),
        ];
        for (rule, input, want) in rows {
            let got = match rule(input) {
                Ok(()) => String::new(),
                failed => error(failed),
            };
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn offsets() {
        assert!(time("12:00+23:59").is_ok());
        assert!(time("12:00\u{2212}01:00").is_ok());
        assert_eq!(
            error(time("12:00+24:00")),
            "timezone offset must be less than 24 hours"
        );
        assert_eq!(error(time("12:00+01")), "invalid timezone minute");
        assert_eq!(error(time("12:00\u{2212}")), "invalid timezone hour");
        assert_eq!(error(time("12:00\u{2213}01:00")), "invalid timezone sign");
        assert_eq!(error(time("12:00 ")), "invalid timezone sign");
    }

    #[test]
    fn bounds_take_timestamps_too() {
        let y2k = jiff::civil::date(2000, 1, 1);
        assert!(date_range("946684800", y2k..=y2k).is_ok());
        assert_eq!(
            date_range("946598400", y2k..).unwrap_err().kind(),
            "greater_than_equal"
        );
        let e = date_range("2000-01-02", ..=y2k).unwrap_err();
        assert_eq!(e.kind(), "less_than_equal");
        assert_eq!(
            e.ctx().get("le").map(ToString::to_string).as_deref(),
            Some("2000-01-01")
        );
        assert!(date_range(&None::<String>, y2k..).is_ok());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "\u{e2}",
            "2024-01-31T\u{e2}",
            "2024-01-31T12:00:00.",
            "9".repeat(400).as_str(),
            "é".repeat(20).as_str(),
            "2024-01-31T12:00+",
            "12:00:00,",
            "12:0\u{0}",
        ] {
            let _ = (date(s), datetime(s), time(s));
        }
    }
}
