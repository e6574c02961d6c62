//! Text to numbers and booleans as Pydantic's lax mode reads them (measured
//! against pydantic-core 2.14): surrounding whitespace is ignored, an
//! integer may have a sign, `_` between digits and a fraction of zeros
//! (`"30.0"`), a boolean is one of twelve words.

/// An integer from text, or `None` when it is not one.
pub(crate) fn parse_int(text: &str) -> Option<i128> {
    let text = text.trim();
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    // A fraction of zeros only: "30.0", "30.".
    let digits = match digits.split_once('.') {
        Some((whole, frac)) if frac.bytes().all(|b| b == b'0') => whole,
        Some(_) => return None,
        None => digits,
    };
    let mut value: i128 = 0;
    let mut last_digit = false;
    for (i, b) in digits.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
                last_digit = true;
            }
            // Python's rule: `_` only between digits.
            b'_' if last_digit && digits.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit) => {
                last_digit = false;
            }
            _ => return None,
        }
    }
    if !last_digit {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// A float from text (`"1.5"`, `" 1e3 "`, `"inf"`, `"nan"`), or `None`.
pub(crate) fn parse_float(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if !text.contains('_') {
        return text.parse().ok();
    }
    // `_` only between digits, as Python's `float`.
    let bytes = text.as_bytes();
    let mut plain = String::with_capacity(text.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let around = i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !around {
                return None;
            }
        } else {
            plain.push(char::from(b));
        }
    }
    plain.parse().ok()
}

/// A boolean from text, as Pydantic's lax mode: `None` when the text is
/// not one of its words.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    const TRUE: [&str; 6] = ["1", "on", "t", "true", "y", "yes"];
    const FALSE: [&str; 6] = ["0", "off", "f", "false", "n", "no"];
    let text = text.trim();
    if TRUE.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        Some(true)
    } else if FALSE.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_as_pydantic_reads_them() {
        assert_eq!(parse_int("30"), Some(30));
        assert_eq!(parse_int(" 30 "), Some(30));
        assert_eq!(parse_int("+30"), Some(30));
        assert_eq!(parse_int("-30"), Some(-30));
        assert_eq!(parse_int("30.0"), Some(30));
        assert_eq!(parse_int("1_000"), Some(1000));
        for bad in [
            "", "30.5", "1e3", "0x10", "abc", "_1", "1_", "1__0", "-", "+",
        ] {
            assert_eq!(parse_int(bad), None, "{bad}");
        }
        assert_eq!(parse_int(&"9".repeat(60)), None, "overflow is not a number");
    }

    #[test]
    fn floats_and_booleans() {
        assert_eq!(parse_float(" 1.5 "), Some(1.5));
        assert_eq!(parse_float("1_000.5"), Some(1000.5));
        assert!(parse_float("inf").is_some_and(f64::is_infinite));
        assert_eq!(parse_float("abc"), None);
        assert_eq!(parse_float(""), None);
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_bool("YES"), Some(true));
        assert_eq!(parse_bool("off"), Some(false));
        assert_eq!(parse_bool("2"), None);
    }
}
