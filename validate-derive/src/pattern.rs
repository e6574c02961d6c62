//! Compile-time check of literal patterns, with the syntax options the
//! regex crate uses at run time (`Regex::new`'s defaults: Unicode on, so
//! `\d`, `\p{L}` and `(?i)` behave as they will when validating).

use regex_syntax::ast::ErrorKind;

/// `Ok` when `Regex::new(pattern)` will parse it; otherwise the message to
/// show, saying what to do.
pub(crate) fn check(pattern: &str) -> Result<(), String> {
    let err = match regex_syntax::ParserBuilder::new().build().parse(pattern) {
        Ok(_) => return Ok(()),
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

#[cfg(test)]
mod tests {
    use super::check;

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
