//! The pieces of catalogue messages: Pydantic's plural, the template
//! reader the catalogue's tests use, and joining lists of choices the way
//! Pydantic words them.

use std::fmt;

use super::{Ctx, CtxValue};

/// The ctx keys a template reads, or `None` when a brace is not closed.
#[cfg(test)]
pub(crate) fn holes(template: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let hole = &after[..close];
        out.push(hole.strip_suffix(":s").unwrap_or(hole));
        rest = &after[close + 1..];
    }
    (!rest.contains('}')).then_some(out)
}

/// Writes a message template (`ValidationError::with_message_template`):
/// `{key}` is the ctx value of `key`, `{{` and `}}` are braces, and a hole
/// whose key the ctx lacks, or a brace left open, is written as it stands.
pub(crate) fn render(template: &str, ctx: &Ctx, f: &mut dyn fmt::Write) -> fmt::Result {
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        f.write_str(&rest[..i])?;
        let (brace, after) = rest[i..].split_at(1);
        if after.starts_with(brace) {
            // `{{` or `}}`: one brace.
            f.write_str(brace)?;
            rest = &after[1..];
            continue;
        }
        let value = (brace == "{")
            .then(|| after.find('}'))
            .flatten()
            .and_then(|close| Some((close, ctx.get(&after[..close])?)));
        match value {
            Some((close, value)) => {
                write!(f, "{value}")?;
                rest = &after[close + 1..];
            }
            None => {
                f.write_str(brace)?;
                rest = after;
            }
        }
    }
    f.write_str(rest)
}

/// Pydantic's `expected_plural`: `""` for 1, `"s"` otherwise.
pub(crate) fn plural(n: Option<&CtxValue>) -> &'static str {
    match n {
        Some(CtxValue::Int(1)) | Some(CtxValue::UInt(1)) => "",
        _ => "s",
    }
}

/// Joins choices as Pydantic does for `literal_error` and `url_scheme`:
/// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. Strings are quoted, numbers not.
pub fn join_expected(choices: &[CtxValue]) -> String {
    join(choices.iter().map(|v| match v {
        CtxValue::Str(s) => Expected::Quoted(s),
        other => Expected::Plain(other),
    }))
}

/// [`join_expected`] for strings, every one quoted: `'http' or 'https'`.
pub fn join_quoted(choices: &[&str]) -> String {
    join(choices.iter().map(|s| Expected::Quoted(s)))
}

/// One choice as a joined list shows it.
enum Expected<'a> {
    Quoted(&'a str),
    Plain(&'a CtxValue),
}

impl fmt::Display for Expected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Quoted(s) => write!(f, "'{s}'"),
            Expected::Plain(v) => fmt::Display::fmt(v, f),
        }
    }
}

/// `a`, `a or b`, `a, b or c`, written into one string.
fn join<'a>(choices: impl ExactSizeIterator<Item = Expected<'a>>) -> String {
    use fmt::Write as _;
    let last = choices.len().saturating_sub(1);
    let mut out = String::new();
    for (i, choice) in choices.enumerate() {
        if i > 0 {
            out.push_str(if i == last { " or " } else { ", " });
        }
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{choice}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_lists_join_like_pydantic() {
        let s = |x: &'static str| CtxValue::from(x);
        assert_eq!(join_expected(&[s("a")]), "'a'");
        assert_eq!(join_expected(&[s("a"), s("b")]), "'a' or 'b'");
        assert_eq!(join_expected(&[s("a"), s("b"), s("c")]), "'a', 'b' or 'c'");
        assert_eq!(join_expected(&[]), "");
        assert_eq!(
            join_quoted(&["http", "https", "ftp"]),
            "'http', 'https' or 'ftp'"
        );
        assert_eq!(join_quoted(&["ws"]), "'ws'");
        assert_eq!(
            join_expected(&[CtxValue::Int(1), CtxValue::Int(2), CtxValue::Int(3)]),
            "1, 2 or 3"
        );
    }

    #[test]
    fn templates_fill_ctx_keys_and_unescape_braces() {
        let mut ctx = Ctx::new();
        ctx.insert("min_length", 3usize);
        ctx.insert("pattern", "^[a-z]+$");
        let r = |t: &str| {
            let mut out = String::new();
            render(t, &ctx, &mut out).expect("writing to a String");
            out
        };
        assert_eq!(r("at least {min_length} chars"), "at least 3 chars");
        assert_eq!(r("{pattern}{min_length}"), "^[a-z]+$3");
        assert_eq!(r("{{min_length}} is {min_length}"), "{min_length} is 3");
        assert_eq!(r("a }} b {{"), "a } b {");
        assert_eq!(r("{other} stays"), "{other} stays");
        assert_eq!(
            r("open { and } alone {min_length"),
            "open { and } alone {min_length"
        );
        assert_eq!(r("é{min_length}ü"), "é3ü");
    }

    #[test]
    fn holes_are_read_and_braces_checked() {
        assert_eq!(holes("a {x} b{y:s}"), Some(vec!["x", "y"]));
        assert_eq!(holes("a {x"), None);
        assert_eq!(holes("a x}"), None);
    }
}
