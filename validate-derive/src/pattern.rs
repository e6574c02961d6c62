//! Compile-time check of literal patterns, with the syntax options the
//! regex crate uses at run time (`Regex::new`'s defaults: Unicode on, so
//! `\d`, `\p{L}` and `(?i)` behave as they will when validating).

use regex_syntax::ast::ErrorKind;
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// How a literal pattern runs: decided once, at derive time.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Compiled {
    /// A pattern of ASCII runs: a byte loop, no regex at run time.
    Bytes(Vec<AsciiRun>),
    /// Any other pattern: a regex, which the regex crate is known to build.
    Regex,
}

/// How `pattern` will run, when `Regex::new(pattern)` accepts it;
/// otherwise the message to show, saying what to do. The pattern is parsed
/// once here; emit only writes the decision out.
pub(crate) fn compile(pattern: &str) -> Result<Compiled, String> {
    let err = match regex_syntax::ParserBuilder::new().build().parse(pattern) {
        Ok(hir) => {
            if let Some(runs) = runs_of(&hir) {
                return Ok(Compiled::Bytes(runs));
            }
            // Parsing is not all: compiling can still fail (the size limit),
            // and that must be a compile error here, not a panic at first
            // use.
            return regex::Regex::new(pattern)
                .map(|_| Compiled::Regex)
                .map_err(|err| {
                    format!("this pattern does not compile with the regex crate:\n{err}")
                });
        }
        Err(err) => err,
    };
    let backtracking = matches!(
        &err,
        regex_syntax::Error::Parse(e)
            if matches!(e.kind(), ErrorKind::UnsupportedLookAround | ErrorKind::UnsupportedBackreference)
    );
    let mut message = format!("this pattern does not compile with the regex crate:\n{err}");
    if backtracking {
        message.push_str(
            "\nnote: look-around and backreferences need a backtracking engine; the regex crate \
             matches in linear time and rejects them, so untrusted input cannot make validation \
             slow. Rewrite the pattern without them, or check that part in a `custom(path)` rule",
        );
    }
    Err(message)
}

/// One run of a pattern compiled to byte checks: `min..=max` characters
/// (`max` `None`: unbounded) of an ASCII set, bit `b` of `set` standing for
/// byte `b`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct AsciiRun {
    pub(crate) set: u128,
    pub(crate) min: u32,
    pub(crate) max: Option<u32>,
}

/// A bound on every count, so a pattern is never cheaper to compile as runs
/// than as a regex that would exceed the regex crate's size limit.
const MAX_COUNT: u32 = 1000;

/// [`runs_of`] of a pattern's text.
#[cfg(test)]
fn ascii_runs(pattern: &str) -> Option<Vec<AsciiRun>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    runs_of(&hir)
}

/// The runs of a pattern that matches whole strings made of ASCII
/// character classes (or literal characters), each repeated a fixed number
/// of times but the last: `^[0-9]{5}$`, `^[A-Z]{2}[0-9]{2,4}$`,
/// `^[a-zA-Z0-9_]+$`. Such a pattern matches exactly when the string's
/// bytes are those runs in order, which a loop decides without a regex.
/// `None` for every other pattern (anything unanchored, an alternation, a
/// class with a non-ASCII member such as `\d` or `(?i)k`, a variable count
/// before the last run...), which stays a regex.
fn runs_of(hir: &Hir) -> Option<Vec<AsciiRun>> {
    let HirKind::Concat(items) = hir.kind() else {
        return None;
    };
    let (first, rest) = items.split_first()?;
    let (last, middle) = rest.split_last()?;
    if first.kind() != &HirKind::Look(Look::Start) || last.kind() != &HirKind::Look(Look::End) {
        return None;
    }
    let mut runs = Vec::new();
    for item in middle {
        push_runs(item, &mut runs)?;
    }
    let fixed = runs.len().saturating_sub(1);
    if runs.iter().take(fixed).any(|r| r.max != Some(r.min)) {
        return None;
    }
    Some(runs)
}

fn push_runs(hir: &Hir, runs: &mut Vec<AsciiRun>) -> Option<()> {
    match hir.kind() {
        HirKind::Concat(items) => {
            for item in items {
                push_runs(item, runs)?;
            }
        }
        HirKind::Capture(capture) => push_runs(&capture.sub, runs)?,
        HirKind::Repetition(rep) => {
            if rep.min > MAX_COUNT || rep.max.is_some_and(|max| max > MAX_COUNT) {
                return None;
            }
            runs.push(AsciiRun {
                set: one_char_set(&rep.sub)?,
                min: rep.min,
                max: rep.max,
            });
        }
        _ => {
            let one = |set| AsciiRun {
                set,
                min: 1,
                max: Some(1),
            };
            match hir.kind() {
                HirKind::Literal(lit) => {
                    for &b in lit.0.iter() {
                        runs.push(one(ascii_bit(u32::from(b))?));
                    }
                }
                _ => runs.push(one(one_char_set(hir)?)),
            }
        }
    }
    Some(())
}

/// The set of a one-character pattern (a class or a single literal
/// character), when all its members are ASCII.
fn one_char_set(hir: &Hir) -> Option<u128> {
    match hir.kind() {
        HirKind::Literal(lit) => match &*lit.0 {
            [b] => ascii_bit(u32::from(*b)),
            _ => None,
        },
        HirKind::Class(Class::Unicode(class)) => ascii_ranges(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ),
        HirKind::Class(Class::Bytes(class)) => ascii_ranges(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ),
        _ => None,
    }
}

fn ascii_ranges(ranges: impl Iterator<Item = (u32, u32)>) -> Option<u128> {
    let mut set = 0;
    for (start, end) in ranges {
        for c in start..=end {
            set |= ascii_bit(c)?;
        }
    }
    Some(set)
}

fn ascii_bit(c: u32) -> Option<u128> {
    if c < 128 { Some(1 << c) } else { None }
}

#[cfg(test)]
mod tests {
    use super::{AsciiRun, Compiled, ascii_runs, compile};

    fn check(pattern: &str) -> Result<Compiled, String> {
        compile(pattern)
    }

    #[test]
    fn simple_patterns_become_runs() {
        let digits = ((1u128 << 10) - 1) << b'0';
        let run = |set, min, max| AsciiRun { set, min, max };
        assert_eq!(
            ascii_runs("^[0-9]{5}$"),
            Some(vec![run(digits, 5, Some(5))])
        );
        assert_eq!(ascii_runs("^([0-9]+)$"), Some(vec![run(digits, 1, None)]));
        assert_eq!(
            ascii_runs("^a-[0-9]{2,}$"),
            Some(vec![
                run(1 << b'a', 1, Some(1)),
                run(1 << b'-', 1, Some(1)),
                run(digits, 2, None)
            ])
        );
        assert_eq!(ascii_runs("^$"), Some(vec![]));
        assert_eq!(
            compile("^[0-9]{5}$"),
            Ok(Compiled::Bytes(vec![run(digits, 5, Some(5))]))
        );
        assert_eq!(compile(r"^\d{5}$"), Ok(Compiled::Regex));
        // The parser folds an alternation of characters into a class.
        let ab = (1 << b'a') | (1 << b'b');
        assert_eq!(ascii_runs("^(a|b)$"), Some(vec![run(ab, 1, Some(1))]));
        for regex in [
            "[0-9]{5}",
            "^[0-9]{5}",
            "[0-9]{5}$",
            r"^\d{5}$",
            "^(?i)[a-k]+$",
            "^[^a]+$",
            "^.$",
            "^é$",
            "^[a-z]+[0-9]$",
            "^[a-z]?[0-9]$",
            "^(ab)+$",
            "^(ab|c)$",
            "(?m)^a$",
            "^[0-9]{1001}$",
            "^x{0,2000}$",
        ] {
            assert_eq!(ascii_runs(regex), None, "{regex}");
        }
    }

    #[test]
    fn runtime_syntax_is_accepted() {
        for ok in [
            r"^\d+$",
            r"^\p{L}+$",
            r"(?i)^abc$",
            r"^[a-zA-Z0-9_]+$",
            r"^\w{3,32}$",
            "é+",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn errors_explain() {
        let e = check("^(unclosed$").expect_err("fails");
        assert!(e.contains("unclosed group"), "{e}");
        let e = check("(?=x)y").expect_err("fails");
        assert!(e.contains("look-around"), "{e}");
        assert!(e.contains("linear time"), "{e}");
        let e = check(r"(a)\1").expect_err("fails");
        assert!(e.contains("backreferences"), "{e}");
        assert!(check(r"\p{NotAScript}").is_err());
    }
}
