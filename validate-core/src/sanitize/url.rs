//! `url` (feature `url`): rewrites a URL to its WHATWG serialization, the
//! form a browser resolves, so that later string comparisons and
//! deny-lists see what will actually be fetched.

use super::edit::{Plan, SanitizeStr, StrEdit};

struct CanonicalUrl;

impl CanonicalUrl {
    /// The WHATWG serialization of `s`, when it parses and the
    /// serialization is stable (parsing it again gives itself, so the
    /// sanitizer is idempotent); `None` leaves the value as it is.
    fn serialize(s: &str) -> Option<String> {
        let parsed = ::url::Url::parse(s).ok()?;
        let out = String::from(parsed);
        let again = ::url::Url::parse(&out).ok()?;
        (again.as_str() == out).then_some(out)
    }
}

impl StrEdit for CanonicalUrl {
    fn plan(&self, s: &str) -> Plan {
        match Self::serialize(s) {
            Some(out) if out != s => Plan::Rebuild,
            _ => Plan::Keep,
        }
    }

    fn rebuild(&self, s: &str) -> String {
        Self::serialize(s).unwrap_or_else(|| s.to_owned())
    }
}

/// Rewrites a URL to its WHATWG serialization, as the `url` crate (and a
/// browser) gives it: the host IDNA-mapped and lowercased (`http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ`
/// becomes `http://localhost/`, `http://ａ.com` becomes `http://a.com/`),
/// the scheme lowercased, a default port dropped, `.` and `..` path
/// segments resolved, characters that need it percent-encoded, and an
/// empty path written `/`. The stored string is then the one that will be
/// fetched, so a later comparison or deny-list cannot be bypassed by a
/// spelling the parser maps.
///
/// A string that does not parse as a URL is left unchanged, for the `url`
/// rule to reject; run this sanitizer, then the rule
/// (`#[validate(sanitize(url), url)]`). What the rule refuses but the
/// parser repairs (leading spaces, tabs, backslashes) is repaired here, and
/// what the rule refuses in any spelling (credentials, other schemes)
/// stays refused. Idempotent; a URL already in this form is not rewritten
/// (a borrowed `Cow` stays borrowed), but checking it parses the URL, which
/// allocates: the one sanitizer that does.
///
/// ```
/// use validate_core::{rules, sanitize};
/// let mut s = String::from("HTTP://ｅｘａｍｐｌｅ.COM:80/a/./b/../c d");
/// sanitize::url(&mut s);
/// assert_eq!(s, "http://example.com/a/c%20d");
/// assert!(rules::url(&s).is_ok());
///
/// let mut not_a_url = String::from("example.com");
/// sanitize::url(&mut not_a_url);
/// assert_eq!(not_a_url, "example.com");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "url")))]
pub fn url<V: SanitizeStr + ?Sized>(value: &mut V) {
    value.sanitize_str(&CanonicalUrl);
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn canonical(s: &str) -> String {
        let mut v = s.to_owned();
        url(&mut v);
        v
    }

    #[test]
    fn hosts_are_what_a_browser_resolves() {
        assert_eq!(canonical("http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ"), "http://localhost/");
        assert_eq!(canonical("http://ａ.com"), "http://a.com/");
        assert_eq!(canonical("https://EXAMPLE.com:443"), "https://example.com/");
        assert_eq!(
            canonical("http://例子.测试/路径"),
            "http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84"
        );
        assert_eq!(canonical(" http://a.com/x\\y "), "http://a.com/x/y");
    }

    #[test]
    fn what_does_not_parse_is_left_alone() {
        for s in [
            "",
            "example.com",
            "http://",
            "http://a b.com",
            "http://[::1",
        ] {
            assert_eq!(canonical(s), s);
        }
    }

    #[test]
    fn canonical_urls_stay_borrowed() {
        let mut c = Cow::Borrowed("https://example.com/a?b=c#d");
        url(&mut c);
        assert!(matches!(c, Cow::Borrowed(_)));
        let mut c = Cow::Borrowed("HTTPS://example.com");
        url(&mut c);
        assert_eq!(c, "https://example.com/");
    }

    #[test]
    fn wrappers() {
        let mut o: Option<String> = Some("http://A.com".into());
        url(&mut o);
        assert_eq!(o.as_deref(), Some("http://a.com/"));
        let mut none: Option<String> = None;
        url(&mut none);
        assert!(none.is_none());
    }
}
