//! The syntax Pydantic (pydantic-core, through the speedate crate) reads a
//! date, time or datetime from a JSON string in strict mode, check by check
//! in speedate's order so the first failure gives Pydantic's reason. Only
//! the calendar (days in a month, leap years) is `jiff`'s.

/// A failure, worded as Pydantic words it in the error's `error` ctx.
pub(super) type Reason = &'static str;

const TOO_SHORT: Reason = "input is too short";
const EXTRA: Reason = "unexpected extra characters at the end of the input";
const DATETIME_SEP: Reason = "invalid datetime separator, expected `T`, `t`, `_` or space";
const DATE_SEP: Reason = "invalid date separator, expected `-`";
const NOT_EXACT: Reason = "Timestamp is not an exact date";
const YEAR_CHAR: Reason = "invalid character in year";
const MONTH_CHAR: Reason = "invalid character in month";
const DAY_CHAR: Reason = "invalid character in day";
const TIME_SEP: Reason = "invalid time separator, expected `:`";
const HOUR_CHAR: Reason = "invalid character in hour";
const MINUTE_CHAR: Reason = "invalid character in minute";
const SECOND_CHAR: Reason = "invalid character in second";
const TZ_SIGN: Reason = "invalid timezone sign";
const TZ_HOUR: Reason = "invalid timezone hour";
const TZ_MINUTE: Reason = "invalid timezone minute";
const TZ_MINUTE_RANGE: Reason = "timezone minute value is outside expected range of 0-59";
const TZ_RANGE: Reason = "timezone offset must be less than 24 hours";
const MONTH_RANGE: Reason = "month value is outside expected range of 1-12";
const DAY_RANGE: Reason = "day value is outside expected range";
const HOUR_RANGE: Reason = "hour value is outside expected range of 0-23";
const MINUTE_RANGE: Reason = "minute value is outside expected range of 0-59";
const SECOND_RANGE: Reason = "second value is outside expected range of 0-59";
const FRACTION_MISSING: Reason = "second fraction digits missing after `.`";
const TOO_SMALL: Reason = "dates before 0000 are not supported as unix timestamps";
const TOO_LARGE: Reason = "dates after 9999 are not supported as unix timestamps";
const TIME_TOO_LARGE: Reason = "numeric times may not exceed 86,399 seconds";
/// Python's own `date` refuses year 0, and Pydantic passes its words on.
const YEAR_ZERO: Reason = "year 0 is out of range";

/// Above this a number is a timestamp in milliseconds, not seconds.
const MS_WATERSHED: i64 = 20_000_000_000;
/// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z as Unix seconds.
const UNIX_0000: i64 = -62_167_219_200;
const UNIX_9999: i64 = 253_402_300_799;
/// 0001-01-01T00:00:00Z: before it, a timestamp is in year 0.
const UNIX_0001: i64 = -62_135_596_800;
const DAY_SECONDS: i64 = 86_400;

/// A date: `YYYY-MM-DD`, or an integer Unix timestamp (seconds, or
/// milliseconds above 2e10) at exactly midnight UTC; returns it, year 0
/// included (see [`python_date`]).
pub(super) fn date(s: &str) -> Result<jiff::civil::Date, Reason> {
    let bytes = s.as_bytes();
    let rfc = date_prefix(bytes).and_then(|date| {
        if bytes.len() > 10 {
            Err(EXTRA)
        } else {
            Ok(date)
        }
    });
    match rfc {
        Ok(date) => Ok(date),
        Err(e) => match s.parse::<i64>() {
            Ok(ts) => {
                let (seconds, micros) = seconds_micros(ts)?;
                in_range(seconds)?;
                if seconds.rem_euclid(DAY_SECONDS) != 0 || micros != 0 {
                    return Err(NOT_EXACT);
                }
                // In range, so jiff (years -9999 to 9999) holds it.
                let instant = jiff::Timestamp::from_second(seconds).map_err(|_| TOO_LARGE)?;
                Ok(jiff::tz::Offset::UTC.to_datetime(instant).date())
            }
            Err(_) => Err(e),
        },
    }
}

/// Python's `date` cannot hold year 0, which speedate parses: Pydantic
/// compares the parsed date with a field's bounds first, then fails here.
pub(super) fn python_date(date: jiff::civil::Date) -> Result<(), Reason> {
    if date.year() == 0 {
        Err(YEAR_ZERO)
    } else {
        Ok(())
    }
}

/// A datetime: a date, `T`, `t`, `_` or a space, a [`time`]; or a Unix
/// timestamp, integer or decimal.
pub(super) fn datetime(s: &str) -> Result<(), Reason> {
    let bytes = s.as_bytes();
    let rfc = date_prefix(bytes).and_then(|date| {
        match bytes.get(10) {
            Some(b'T' | b't' | b' ' | b'_') => {}
            _ => return Err(DATETIME_SEP),
        }
        time_at(bytes, 11).map(|()| date)
    });
    match rfc {
        Ok(date) => python_date(date),
        Err(e) => match number(s) {
            Number::Int(ts) => from_timestamp(ts, 0),
            Number::Float(f) => {
                let normalized = if f.abs() > MS_WATERSHED as f64 {
                    f / 1000.0
                } else {
                    f
                };
                // `as` saturates (infinities, NaN): out of range, never a panic.
                let seconds = normalized.floor() as i64;
                let micros = ((normalized - seconds as f64) * 1_000_000.0).round() as u32;
                from_timestamp(seconds, micros)
            }
            Number::Not => Err(e),
        },
    }
}

/// A time: `HH:MM`, optional `:SS` and a fraction of any length (digits
/// past the sixth are dropped), optional `Z` or `±HH:MM` / `±HHMM` offset
/// (U+2212 MINUS SIGN allowed, as ISO 8601 does).
pub(super) fn time(s: &str) -> Result<(), Reason> {
    time_at(s.as_bytes(), 0)
}

fn digit(bytes: &[u8], i: usize, err: Reason) -> Result<u8, Reason> {
    match bytes.get(i) {
        Some(b) if b.is_ascii_digit() => Ok(b - b'0'),
        _ => Err(err),
    }
}

fn two_digits(bytes: &[u8], i: usize, err: Reason) -> Result<u8, Reason> {
    Ok(digit(bytes, i, err)? * 10 + digit(bytes, i + 1, err)?)
}

/// `YYYY-MM-DD` at the start.
fn date_prefix(bytes: &[u8]) -> Result<jiff::civil::Date, Reason> {
    if bytes.len() < 10 {
        return Err(TOO_SHORT);
    }
    let year = u16::from(two_digits(bytes, 0, YEAR_CHAR)?) * 100
        + u16::from(two_digits(bytes, 2, YEAR_CHAR)?);
    if bytes[4] != b'-' {
        return Err(DATE_SEP);
    }
    let month = two_digits(bytes, 5, MONTH_CHAR)?;
    if bytes[7] != b'-' {
        return Err(DATE_SEP);
    }
    let day = two_digits(bytes, 8, DAY_CHAR)?;
    if !(1..=12).contains(&month) {
        return Err(MONTH_RANGE);
    }
    // Year, month and day are at most 9999, 12 and 99: the casts are exact.
    jiff::civil::Date::new(year as i16, month as i8, day as i8).map_err(|_| DAY_RANGE)
}

/// A time starting at `start`, to the end of `bytes`.
fn time_at(bytes: &[u8], start: usize) -> Result<(), Reason> {
    if bytes.len().saturating_sub(start) < 5 {
        return Err(TOO_SHORT);
    }
    let hour = two_digits(bytes, start, HOUR_CHAR)?;
    if bytes[start + 2] != b':' {
        return Err(TIME_SEP);
    }
    let minute = two_digits(bytes, start + 3, MINUTE_CHAR)?;
    if hour > 23 {
        return Err(HOUR_RANGE);
    }
    if minute > 59 {
        return Err(MINUTE_RANGE);
    }
    let mut pos = start + 5;
    if bytes.get(pos) == Some(&b':') {
        if two_digits(bytes, pos + 1, SECOND_CHAR)? > 59 {
            return Err(SECOND_RANGE);
        }
        pos += 3;
        if matches!(bytes.get(pos), Some(b'.' | b',')) {
            pos += 1;
            let fraction = bytes[pos..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if fraction == 0 {
                return Err(FRACTION_MISSING);
            }
            pos += fraction;
        }
    }
    let end = offset_end(bytes, pos)?;
    if bytes.len() > end {
        return Err(EXTRA);
    }
    Ok(())
}

/// Reads an optional `Z` or `±HH[:]MM` at `pos`; returns where it ends.
fn offset_end(bytes: &[u8], mut pos: usize) -> Result<usize, Reason> {
    let Some(&first) = bytes.get(pos) else {
        return Ok(pos);
    };
    pos += 1;
    match first {
        b'Z' | b'z' => return Ok(pos),
        b'+' | b'-' => {}
        // U+2212 MINUS SIGN is E2 88 92 in UTF-8.
        0xE2 if bytes.get(pos..pos + 2) == Some(&[0x88, 0x92]) => pos += 2,
        _ => return Err(TZ_SIGN),
    }
    let hours = two_digits(bytes, pos, TZ_HOUR)?;
    let minutes = match bytes.get(pos + 2) {
        Some(b':') => two_digits(bytes, pos + 3, TZ_MINUTE)?,
        Some(b) if b.is_ascii_digit() => two_digits(bytes, pos + 2, TZ_MINUTE)?,
        _ => return Err(TZ_MINUTE),
    };
    let colon = usize::from(bytes[pos + 2] == b':');
    if minutes > 59 {
        return Err(TZ_MINUTE_RANGE);
    }
    if u32::from(hours) * 60 + u32::from(minutes) >= 24 * 60 {
        return Err(TZ_RANGE);
    }
    Ok(pos + 4 + colon)
}

/// A string as Pydantic reads a number: an `i64`, or a decimal when the
/// first character that stops the integer is a `.`.
enum Number {
    Int(i64),
    Float(f64),
    Not,
}

fn number(s: &str) -> Number {
    if let Ok(int) = s.parse::<i64>() {
        return Number::Int(int);
    }
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let whole = body.bytes().take_while(u8::is_ascii_digit).count();
    let fits = whole == 0 || body[..whole].parse::<i64>().is_ok();
    match (body.as_bytes().get(whole), s.parse::<f64>()) {
        (Some(b'.'), Ok(f)) if fits && !body.is_empty() => Number::Float(f),
        _ => Number::Not,
    }
}

/// An integer timestamp as seconds and microseconds: milliseconds when its
/// magnitude is above 2e10 (later than 2603 in seconds).
fn seconds_micros(ts: i64) -> Result<(i64, u32), Reason> {
    let magnitude = ts.checked_abs().ok_or(TOO_SMALL)?;
    if magnitude <= MS_WATERSHED {
        return Ok((ts, 0));
    }
    // rem_euclid(1000) is in 0..1000, so the product fits.
    Ok((ts.div_euclid(1000), (ts.rem_euclid(1000) * 1000) as u32))
}

fn in_range(seconds: i64) -> Result<(), Reason> {
    if seconds < UNIX_0000 {
        Err(TOO_SMALL)
    } else if seconds > UNIX_9999 {
        Err(TOO_LARGE)
    } else {
        Ok(())
    }
}

fn from_timestamp(ts: i64, micros: u32) -> Result<(), Reason> {
    let (mut seconds, extra) = seconds_micros(ts)?;
    let total = micros.checked_add(extra).ok_or(TIME_TOO_LARGE)?;
    seconds = seconds
        .checked_add(i64::from(total / 1_000_000))
        .ok_or(TIME_TOO_LARGE)?;
    in_range(seconds)?;
    // Python's `datetime` has no year 0 either (see [`python_date`]).
    if seconds < UNIX_0001 {
        Err(YEAR_ZERO)
    } else {
        Ok(())
    }
}
