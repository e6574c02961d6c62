//! A JSON syntax check that words its first error as Python's `json` module
//! (3.13) does — the same message, at the same character offset — so a
//! malformed body gets the `json_invalid` error FastAPI sends:
//! `{"type": "json_invalid", "loc": ["body", 17], "msg": "JSON decode
//! error", "ctx": {"error": "Expecting property name enclosed in double
//! quotes"}}`.
//!
//! It follows CPython's `_json.c` scanner step by step, with one
//! difference: `NaN` and `Infinity` are rejected (`Expecting value`), as
//! serde_json cannot read them. It runs only after serde_json failed, to
//! tell a syntax error from a wrong type. It nests without recursion, so no
//! input can exhaust the stack.

/// The first syntax error: Python's message and the offset, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// Python's `JSONDecodeError.msg`.
    pub(crate) msg: &'static str,
    /// Python's `JSONDecodeError.pos`: characters from the start.
    pub(crate) pos: usize,
}

const EXPECTING_VALUE: &str = "Expecting value";
const EXPECTING_COMMA: &str = "Expecting ',' delimiter";
const EXPECTING_COLON: &str = "Expecting ':' delimiter";
const EXPECTING_NAME: &str = "Expecting property name enclosed in double quotes";

/// Checks `text` as Python's `json.loads` would.
pub(crate) fn check(text: &str) -> Result<(), SyntaxError> {
    Scanner {
        b: text.as_bytes(),
        stack: Vec::new(),
    }
    .document()
    .map_err(|(msg, at)| SyntaxError {
        msg,
        pos: char_offset(text, at),
    })
}

/// Byte offset to character offset. Every offset the scanner reports is at
/// the start of a character; a bad one counts all of `text` rather than
/// panic.
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    match text.get(..byte) {
        Some(head) => head.chars().count(),
        None => text.chars().count(),
    }
}

/// An error: Python's message and a byte offset.
type Fail = (&'static str, usize);

/// What [`Scanner::value`] did.
enum Step {
    /// The value ends before this index.
    Done(usize),
    /// A container was opened; its first value starts at this index.
    Opened(usize),
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Array,
    Object,
}

struct Scanner<'a> {
    b: &'a [u8],
    /// The containers open around the current position.
    stack: Vec<Open>,
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }

    fn document(&mut self) -> Result<(), Fail> {
        let mut i = self.skip_ws(0);
        loop {
            match self.value(i)? {
                Step::Opened(first) => i = first,
                Step::Done(end) => match self.after_value(end)? {
                    Some(next) => i = next,
                    None => return Ok(()),
                },
            }
        }
    }

    fn starts(&self, i: usize, literal: &[u8]) -> bool {
        self.b
            .get(i..)
            .is_some_and(|rest| rest.starts_with(literal))
    }

    /// Scans the value starting at `i`: a scalar or an empty container is
    /// consumed whole; any other container is opened.
    fn value(&mut self, i: usize) -> Result<Step, Fail> {
        match self.at(i) {
            Some(b'"') => self.string(i).map(Step::Done),
            Some(b'{') => {
                let j = self.skip_ws(i + 1);
                if self.at(j) == Some(b'}') {
                    return Ok(Step::Done(j + 1));
                }
                self.stack.push(Open::Object);
                self.key(j).map(Step::Opened)
            }
            Some(b'[') => {
                let j = self.skip_ws(i + 1);
                if self.at(j) == Some(b']') {
                    return Ok(Step::Done(j + 1));
                }
                self.stack.push(Open::Array);
                Ok(Step::Opened(j))
            }
            Some(b'n') if self.starts(i, b"null") => Ok(Step::Done(i + 4)),
            Some(b't') if self.starts(i, b"true") => Ok(Step::Done(i + 4)),
            Some(b'f') if self.starts(i, b"false") => Ok(Step::Done(i + 5)),
            _ => self.number(i).map(Step::Done),
        }
    }

    /// After a value: closes the containers it ends and returns where the
    /// next value starts, or `None` at the end of a well-formed document.
    fn after_value(&mut self, mut i: usize) -> Result<Option<usize>, Fail> {
        loop {
            let Some(&open) = self.stack.last() else {
                let end = self.skip_ws(i);
                return if end == self.b.len() {
                    Ok(None)
                } else {
                    Err(("Extra data", end))
                };
            };
            let (close, trailing) = match open {
                Open::Array => (b']', "Illegal trailing comma before end of array"),
                Open::Object => (b'}', "Illegal trailing comma before end of object"),
            };
            i = self.skip_ws(i);
            match self.at(i) {
                Some(c) if c == close => {
                    self.stack.pop();
                    i += 1;
                }
                Some(b',') => {
                    let next = self.skip_ws(i + 1);
                    if self.at(next) == Some(close) {
                        return Err((trailing, i));
                    }
                    return match open {
                        Open::Array => Ok(Some(next)),
                        Open::Object => self.key(next).map(Some),
                    };
                }
                _ => return Err((EXPECTING_COMMA, i)),
            }
        }
    }

    /// An object key at `i`, then `:`; returns where the value starts.
    fn key(&self, i: usize) -> Result<usize, Fail> {
        if self.at(i) != Some(b'"') {
            return Err((EXPECTING_NAME, i));
        }
        let j = self.skip_ws(self.string(i)?);
        if self.at(j) != Some(b':') {
            return Err((EXPECTING_COLON, j));
        }
        Ok(self.skip_ws(j + 1))
    }

    /// A string whose opening quote is at `begin`; returns the index after
    /// the closing quote. CPython's `scanstring_unicode`, strict mode.
    fn string(&self, begin: usize) -> Result<usize, Fail> {
        let len = self.b.len();
        let mut next = begin + 1;
        loop {
            // Plain characters up to a quote or a backslash.
            loop {
                match self.at(next) {
                    None => return Err(("Unterminated string starting at", begin)),
                    Some(b'"') => return Ok(next + 1),
                    Some(b'\\') => break,
                    Some(c) if c <= 0x1f => return Err(("Invalid control character at", next)),
                    Some(_) => next += 1,
                }
            }
            // A backslash at `next`.
            let esc = next + 1;
            match self.at(esc) {
                None => return Err(("Unterminated string starting at", begin)),
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => next = esc + 1,
                Some(b'u') => {
                    let end = esc + 5;
                    // Python wants a character after the four digits.
                    if end >= len {
                        return Err(("Invalid \\uXXXX escape", esc));
                    }
                    let unit = self.hex4(esc + 1).ok_or(("Invalid \\uXXXX escape", esc))?;
                    next = end;
                    // A high surrogate may be followed by its low half; the
                    // pair's digits are checked the same way.
                    if (0xd800..0xdc00).contains(&unit)
                        && next + 6 < len
                        && self.starts(next, b"\\u")
                    {
                        self.hex4(next + 2)
                            .ok_or(("Invalid \\uXXXX escape", next + 1))?;
                        next += 6;
                    }
                }
                Some(_) => return Err(("Invalid \\escape", next)),
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let digits = self.b.get(i..i + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(text, 16).ok()
    }

    /// A number at `start`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`,
    /// the optional parts taken only when complete, as Python does.
    fn number(&self, start: usize) -> Result<usize, Fail> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some(b'-') {
            i += 1;
        }
        match self.at(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while digit(i) {
                    i += 1;
                }
            }
            _ => return Err((EXPECTING_VALUE, start)),
        }
        if self.at(i) == Some(b'.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let digits_at = j;
            while digit(j) {
                j += 1;
            }
            if j > digits_at {
                i = j;
            }
        }
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, &'static str) {
        match check(text) {
            Ok(()) => panic!("accepted: {text:?}"),
            Err(e) => (e.pos, e.msg),
        }
    }

    /// Verdicts of CPython 3.13's `json.loads`, measured.
    #[test]
    fn messages_and_offsets_match_python() {
        let cases: &[(&str, usize, &str)] = &[
            (r#"{"userName": "x","#, 17, EXPECTING_NAME),
            (r#"{"userName" "x"}"#, 12, EXPECTING_COLON),
            (r#"{"a": 1} x"#, 9, "Extra data"),
            ("{'a': 1}", 1, EXPECTING_NAME),
            ("{\"a\": \"\u{e9}\u{e9}\" ,,}", 12, EXPECTING_NAME),
            (
                r#"{"a":1,}"#,
                6,
                "Illegal trailing comma before end of object",
            ),
            ("[1,]", 2, "Illegal trailing comma before end of array"),
            (
                r#"{"a":1,  }"#,
                6,
                "Illegal trailing comma before end of object",
            ),
            (r#"{"a":"x"#, 5, "Unterminated string starting at"),
            (r#"{"a":"\q"}"#, 6, "Invalid \\escape"),
            (r#"{"a": tru}"#, 6, EXPECTING_VALUE),
            (r#"{"a": 01}"#, 7, EXPECTING_COMMA),
            ("{\"a\": \"\t\"}", 7, "Invalid control character at"),
            (r#"{"a" 1}"#, 5, EXPECTING_COLON),
            ("[1 2]", 3, EXPECTING_COMMA),
            (r#"{"a":1 "b":2}"#, 7, EXPECTING_COMMA),
            ("{1:2}", 1, EXPECTING_NAME),
            (r#"{"a": -}"#, 6, EXPECTING_VALUE),
            (r#"{"a": 1.}"#, 7, EXPECTING_COMMA),
            ("{\"a\":\n  x}", 8, EXPECTING_VALUE),
            ("nul", 0, EXPECTING_VALUE),
            (r#"{"a":[1,2"#, 9, EXPECTING_COMMA),
            (r#"{"a":{"#, 6, EXPECTING_NAME),
            (r#""abc"#, 0, "Unterminated string starting at"),
            (r#"{"a":1}}"#, 7, "Extra data"),
            (r#"{"a":"\u12"}"#, 7, "Invalid \\uXXXX escape"),
            (r#""\u1234"#, 2, "Invalid \\uXXXX escape"),
            ("\"\\", 0, "Unterminated string starting at"),
            ("[", 1, EXPECTING_VALUE),
            ("{", 1, EXPECTING_NAME),
            ("[1,", 3, EXPECTING_VALUE),
            (r#"{"a""#, 4, EXPECTING_COLON),
            (r#"{"a":"#, 5, EXPECTING_VALUE),
            ("[1 ", 3, EXPECTING_COMMA),
            ("  ", 2, EXPECTING_VALUE),
            ("", 0, EXPECTING_VALUE),
            ("[1e]", 2, EXPECTING_COMMA),
            ("[1e+]", 2, EXPECTING_COMMA),
            ("-", 0, EXPECTING_VALUE),
            (r#"["\ud800\u12"]"#, 9, "Invalid \\uXXXX escape"),
            (r#"{"k": "\u00e9" "#, 15, EXPECTING_COMMA),
        ];
        for &(text, pos, msg) in cases {
            assert_eq!(err(text), (pos, msg), "{text:?}");
        }
    }

    #[test]
    fn accepts_what_python_accepts() {
        for text in [
            "{}",
            " [ ] ",
            r#"{"a": [1, -0.5e+3, 2E9, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"]}"#,
            r#""\ud800""#,
            r#""\ud83d\ude00""#,
            "[[[[[]]]]]",
            "\"\u{e9}\u{1F600}\"",
            "0",
        ] {
            assert_eq!(check(text), Ok(()), "{text:?}");
        }
    }

    #[test]
    fn rejects_non_finite_numbers_unlike_python() {
        assert_eq!(err(r#"{"a": NaN}"#), (6, EXPECTING_VALUE));
        assert_eq!(err("[-Infinity]"), (1, EXPECTING_VALUE));
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = "[".repeat(1_000_000);
        assert_eq!(err(&deep), (1_000_000, EXPECTING_VALUE));
    }
}
