//! `url`: an absolute http(s) URL (or one of a list of schemes), checked by
//! a hand-written WHATWG "valid URL string" test that does not allocate; the
//! `url` crate is asked only for the message once a value has failed.

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use ::url::{ParseError, SyntaxViolation};
use idna::uts46::{AsciiDenyList, ErrorPolicy, Hyphens, ProcessingSuccess, Uts46};

use super::bytes::byte_table;
use super::input::StrInput;
use super::label::{MAX_LABEL, MAX_NAME};
use crate::error::{ValidationError, catalogue};

const DEFAULT_SCHEMES: &[&str] = &["http", "https"];

/// The error text of a host label over [`MAX_LABEL`] octets in ASCII form
/// (the `url` crate has none: its parser does not check DNS lengths).
const LABEL_TOO_LONG: &str = "domain label too long (over 63 bytes in ASCII form)";

/// The error text of a host over [`MAX_NAME`] octets in ASCII form.
const HOST_TOO_LONG: &str = "domain name too long (over 253 bytes in ASCII form)";

/// WHATWG special schemes that this module checks by hand (`file` is special
/// too, but has no required host and goes to the `url` crate).
const HAND_CHECKED: &[&str] = &["http", "https", "ws", "wss", "ftp"];

/// Checks that a string is an absolute `http` or `https` URL with a host.
///
/// The test is the WHATWG URL Standard's *valid URL string*, not merely
/// "what a browser's parser recovers from": where the parser silently
/// repairs input (and the `url` crate, which Pydantic uses, accepts it), the
/// rule rejects it, because two programs may repair it differently.
/// Rejected although `url::Url::parse` accepts:
///
/// - leading or trailing spaces or controls, and tabs or newlines anywhere
///   (`"http://exa\nmple.com"` parses as `example.com`);
/// - backslashes for slashes, and a missing `//` (`http:example.com`);
/// - user info (`http://user:pass@host`, `https://bank.com@evil.com`);
/// - characters that must be percent-encoded (space, `"`, `<`, `>`, `{`,
///   `}`, `|`, `^`, `` ` ``, C1 controls) and a `%` not followed by two hex
///   digits;
/// - hosts with characters other than letters, digits, `-`, `_` and `.`
///   (including percent-encoded hosts), and hosts that end in a number but
///   are not a dotted-quad IPv4 address (`http://127.1`, `http://0x7f.0.0.1`:
///   the parser turns them into IP addresses, a known SSRF filter bypass);
/// - hosts over the DNS limits of WHATWG's strict domain-to-ASCII: a label
///   over 63 bytes or a host over 253 (its root dot not counted), measured
///   on the ASCII form, IDN labels as their `xn--` A-labels, as `email`
///   measures them (the parser accepts a host of any length).
///
/// Internationalized hosts (`http://例子.测试`) are accepted when UTS #46
/// (the `idna` crate, with the `url` crate's own settings) accepts them.
/// IPv6 hosts are bracketed (`http://[::1]:8080/`).
///
/// Errors are Pydantic's: `url_parsing` with `error` = the `url` crate's own
/// text — its `ParseError` (`relative URL without a base`, `empty host`,
/// `invalid port number`, ...) when it rejects the value, else the
/// description of the syntax violation the rule refused (`backslash`,
/// `non-URL code point`, `embedding authentication information ...`) — and
/// `url_scheme` with `expected_schemes` = `'http' or 'https'` for a URL that
/// parses with another scheme (`ftp://`, `javascript:`, `data:`, `file:`).
///
/// ```
/// use validate_core::rules;
/// assert!(rules::url("https://example.com/a?b=c#d").is_ok());
/// assert!(rules::url(&None::<String>).is_ok());
/// let e = rules::url("example.com").expect_err("should be rejected");
/// assert_eq!((e.kind(), &*e.msg()), ("url_parsing", "Input should be a valid URL, relative URL without a base"));
/// let e = rules::url("javascript:alert(1)").expect_err("should be rejected");
/// assert_eq!((e.kind(), &*e.msg()), ("url_scheme", "URL scheme should be 'http' or 'https'"));
/// assert_eq!(rules::url("http://").expect_err("should be rejected").msg(), "Input should be a valid URL, empty host");
/// assert_eq!(rules::url("http://a.com\\x").expect_err("should be rejected").msg(), "Input should be a valid URL, backslash");
/// ```
pub fn url<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    url_with_schemes(value, DEFAULT_SCHEMES)
}

/// [`url()`] with another list of allowed schemes (compared ASCII
/// case-insensitively), e.g. `&["http", "https", "ftp"]`.
///
/// `http`, `https`, `ws`, `wss` and `ftp` URLs are checked by hand as
/// described on [`url()`], without allocating. Other listed schemes (`file`,
/// `mailto`, `data`, any non-special scheme) are checked by the `url` crate
/// itself, which allocates, with the same refusal of syntax violations; for
/// them a host is not required (`mailto:a@b.c`). `javascript:`, `data:` and
/// `file:` URLs are rejected unless their scheme is listed.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::url_with_schemes("ftp://files.example.com/a.txt", &["http", "ftp"]).is_ok());
/// assert!(rules::url_with_schemes("mailto:someone@example.com", &["mailto"]).is_ok());
/// let e = rules::url_with_schemes("https://example.com", &["ftp"]).expect_err("should be rejected");
/// assert_eq!(e.msg(), "URL scheme should be 'ftp'");
/// ```
pub fn url_with_schemes<S: StrInput + ?Sized>(
    value: &S,
    schemes: &[&str],
) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s, schemes),
        None => Ok(()),
    }
}

/// The rule over a plain `&str`: not generic, so a user's crate does not
/// compile it once per input type.
fn check(s: &str, schemes: &[&str]) -> Result<(), ValidationError> {
    if fast_accept(s, schemes) {
        return Ok(());
    }
    let scheme = match scheme_of(s) {
        Ok(scheme) => scheme,
        Err(fail) => return Err(parsing_error(s, fail)),
    };
    if !schemes
        .iter()
        .any(|allowed| allowed.eq_ignore_ascii_case(scheme))
    {
        return Err(match ::url::Url::parse(s) {
            Err(e) => catalogue::url_parsing(parse_error_text(e)),
            Ok(_) => scheme_error(schemes),
        });
    }
    let verdict = if HAND_CHECKED.iter().any(|h| h.eq_ignore_ascii_case(scheme)) {
        check_special(&s[scheme.len() + 1..])
    } else {
        check_with_url_crate(s)
    };
    verdict.map_err(|fail| parsing_error(s, fail))
}

/// Bytes allowed in a host name on the fast path: letters, digits, `-`, `_`.
const HOST_BYTES: [bool; 256] = byte_table(b"-_");

/// The ASCII URL code points (WHATWG), which path, query and fragment may
/// hold as they are; `%`, `#` and `?` are handled apart.
const TAIL_BYTES: [bool; 256] = byte_table(b"!$&'()*+,-./:;=@_~");

/// The common case in one pass over the bytes, without the IDNA machinery:
/// `http://` or `https://` (a listed scheme), a host of non-empty labels of
/// letters, digits, `-` and `_` (none starting `xn--`, the last not a
/// number), an optional port, then ASCII URL code points and `%XX` escapes
/// with at most one `#`. `true` only where the full check accepts too (the
/// UTS #46 mapping of such a host is its lowercase form, never an error);
/// anything else (`false`) goes to the full check, which decides and names
/// the error.
fn fast_accept(s: &str, schemes: &[&str]) -> bool {
    let bytes = s.as_bytes();
    let scheme_len = match bytes.get(..8) {
        Some(head) if head.eq_ignore_ascii_case(b"https://") => 5,
        _ => match bytes.get(..7) {
            Some(head) if head.eq_ignore_ascii_case(b"http://") => 4,
            _ => return false,
        },
    };
    let scheme = s.get(..scheme_len).unwrap_or_default();
    if !schemes.iter().any(|a| a.eq_ignore_ascii_case(scheme)) {
        return false;
    }
    let mut rest = bytes.get(scheme_len + 3..).unwrap_or_default().iter();
    // The host, label by label.
    let mut label_start = rest.as_slice();
    let mut label_len = 0usize;
    let mut host_len = 0usize;
    let end = loop {
        let at = rest.as_slice();
        let Some(&b) = rest.next() else { break None };
        if HOST_BYTES[usize::from(b)] {
            if label_len == 0 && at.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--")) {
                return false;
            }
            label_len += 1;
            host_len += 1;
            if label_len > MAX_LABEL {
                return false;
            }
        } else if b == b'.' && label_len > 0 {
            host_len += 1;
            label_start = rest.as_slice();
            label_len = 0;
        } else if matches!(b, b':' | b'/' | b'?' | b'#') {
            break Some(b);
        } else {
            return false;
        }
    };
    let last_label = label_start.get(..label_len).unwrap_or_default();
    if label_len == 0 || ends_in_a_number(last_label) {
        return false;
    }
    // Such a host is its own ASCII form: the DNS limits apply to it as it is
    // (the full check names the one that failed).
    if host_len > MAX_NAME {
        return false;
    }
    let mut next = end;
    if next == Some(b':') {
        let mut port = 0u32;
        next = loop {
            match rest.next() {
                Some(&b) if b.is_ascii_digit() => {
                    port = port * 10 + u32::from(b - b'0');
                    if port > u32::from(u16::MAX) {
                        return false;
                    }
                }
                Some(&b) if matches!(b, b'/' | b'?' | b'#') => break Some(b),
                Some(_) => return false,
                None => break None,
            }
        };
    }
    // Path, query and fragment: `next` is their first byte, if any.
    let mut in_fragment = next == Some(b'#');
    while let Some(&b) = rest.next() {
        if TAIL_BYTES[usize::from(b)] || b == b'?' {
            continue;
        }
        match b {
            b'%' => {
                let hex = |h: Option<&u8>| h.is_some_and(u8::is_ascii_hexdigit);
                if !(hex(rest.next()) && hex(rest.next())) {
                    return false;
                }
            }
            b'#' if !in_fragment => in_fragment = true,
            _ => return false,
        }
    }
    true
}

/// The WHATWG "ends in a number" test of an ASCII label: all decimal
/// digits, or `0x` followed by hexadecimal digits.
fn ends_in_a_number(label: &[u8]) -> bool {
    match label {
        [b'0', b'x' | b'X', hex @ ..] => hex.iter().all(u8::is_ascii_hexdigit),
        _ => label.iter().all(u8::is_ascii_digit),
    }
}

/// Why a URL failed, in the `url` crate's own terms, so the message is one of
/// its texts even where the rule is stricter than its parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fail {
    Parse(ParseError),
    Violation(SyntaxViolation),
    /// A finding the `url` crate has no text for (DNS lengths).
    Own(&'static str),
}

/// `url_parsing`: the `url` crate's error when it rejects the value too,
/// else the text of the rule's own finding.
fn parsing_error(s: &str, fail: Fail) -> ValidationError {
    // Without a scheme the parser stops where the check did (its first
    // step after trimming, which the check refused before), so its error
    // is known without parsing again.
    if fail == Fail::Parse(ParseError::RelativeUrlWithoutBase) {
        return catalogue::url_parsing(parse_error_text(ParseError::RelativeUrlWithoutBase));
    }
    let text = match ::url::Url::parse(s) {
        Err(e) => parse_error_text(e),
        Ok(_) => match fail {
            Fail::Parse(e) => parse_error_text(e),
            Fail::Violation(v) => Cow::Borrowed(v.description()),
            Fail::Own(text) => Cow::Borrowed(text),
        },
    };
    catalogue::url_parsing(text)
}

/// The `url` crate's `Display` of a [`ParseError`], borrowed where the text
/// is known (a test holds them equal), so the error does not allocate it.
fn parse_error_text(e: ParseError) -> Cow<'static, str> {
    Cow::Borrowed(match e {
        ParseError::EmptyHost => "empty host",
        ParseError::IdnaError => "invalid international domain name",
        ParseError::InvalidPort => "invalid port number",
        ParseError::InvalidIpv4Address => "invalid IPv4 address",
        ParseError::InvalidIpv6Address => "invalid IPv6 address",
        ParseError::InvalidDomainCharacter => "invalid domain character",
        ParseError::RelativeUrlWithoutBase => "relative URL without a base",
        _ => return Cow::Owned(e.to_string()),
    })
}

fn scheme_error(schemes: &[&str]) -> ValidationError {
    catalogue::url_scheme(catalogue::join_quoted(schemes))
}

/// The scheme (`http` in `http://...`), after refusing what the parser would
/// strip before reading it.
fn scheme_of(s: &str) -> Result<&str, Fail> {
    let bytes = s.as_bytes();
    let c0_or_space = |b: &u8| *b <= b' ';
    if bytes.first().is_some_and(c0_or_space) || bytes.last().is_some_and(c0_or_space) {
        return Err(Fail::Violation(SyntaxViolation::C0SpaceIgnored));
    }
    if bytes.iter().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return Err(Fail::Violation(SyntaxViolation::TabOrNewlineIgnored));
    }
    let no_base = Fail::Parse(ParseError::RelativeUrlWithoutBase);
    let end = bytes.iter().position(|&b| b == b':').ok_or(no_base)?;
    let scheme = &s[..end];
    let mut chars = scheme.bytes();
    let first_ok = chars.next().is_some_and(|b| b.is_ascii_alphabetic());
    if !first_ok || !chars.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) {
        return Err(no_base);
    }
    Ok(scheme)
}

/// A special-scheme URL after its `scheme:`: `//host[:port][/path][?query][#fragment]`.
fn check_special(rest: &str) -> Result<(), Fail> {
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(if rest.starts_with('\\') || rest.starts_with("/\\") {
            Fail::Violation(SyntaxViolation::Backslash)
        } else {
            Fail::Violation(SyntaxViolation::ExpectedDoubleSlash)
        });
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err(Fail::Violation(SyntaxViolation::EmbeddedCredentials));
    }
    let (host, port) = split_port(authority)?;
    check_port(port)?;
    check_host(host)?;
    check_tail(tail)
}

/// Splits `host[:port]`; the colons of a bracketed IPv6 host do not count.
fn split_port(authority: &str) -> Result<(&str, Option<&str>), Fail> {
    let host_end = if authority.starts_with('[') {
        match authority.find(']') {
            Some(i) => i + 1,
            None => return Err(Fail::Parse(ParseError::InvalidIpv6Address)),
        }
    } else {
        authority.find(':').unwrap_or(authority.len())
    };
    let (host, after) = authority.split_at(host_end);
    match after.strip_prefix(':') {
        Some(port) => Ok((host, Some(port))),
        None if after.is_empty() => Ok((host, None)),
        None => Err(Fail::Parse(ParseError::InvalidIpv6Address)),
    }
}

fn check_port(port: Option<&str>) -> Result<(), Fail> {
    let Some(port) = port else { return Ok(()) };
    let mut value = 0u32;
    for b in port.bytes() {
        if !b.is_ascii_digit() {
            return Err(Fail::Parse(ParseError::InvalidPort));
        }
        value = value * 10 + u32::from(b - b'0');
        if value > u32::from(u16::MAX) {
            return Err(Fail::Parse(ParseError::InvalidPort));
        }
    }
    Ok(())
}

fn check_host(host: &str) -> Result<(), Fail> {
    if host.is_empty() {
        return Err(Fail::Parse(ParseError::EmptyHost));
    }
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']').unwrap_or(inner);
        return match Ipv6Addr::from_str(inner) {
            Ok(_) => Ok(()),
            Err(_) => Err(Fail::Parse(ParseError::InvalidIpv6Address)),
        };
    }
    // Letters, digits, `-`, `_`, `.` and non-ASCII: the WHATWG parser also
    // takes `!$&'()*+,;=~{}` and percent-decodes, which filters can miss.
    let ascii_ok = |b: u8| !b.is_ascii() || b.is_ascii_alphanumeric() || b"-_.".contains(&b);
    if !host.bytes().all(ascii_ok) {
        return Err(Fail::Parse(ParseError::InvalidDomainCharacter));
    }
    let mut shape = LastLabel::default();
    let processed = Uts46::new().process(
        host.as_bytes(),
        AsciiDenyList::URL,
        Hyphens::Allow,
        ErrorPolicy::FailFast,
        |_, _, _| false,
        &mut shape,
        None,
    );
    match processed {
        Ok(ProcessingSuccess::Passthrough) => shape.feed(host),
        Ok(ProcessingSuccess::WroteToSink) => {}
        Err(_) => return Err(Fail::Parse(ParseError::IdnaError)),
    }
    if shape.written == 0 {
        return Err(Fail::Parse(ParseError::EmptyHost));
    }
    if shape.longest_label > MAX_LABEL {
        return Err(Fail::Own(LABEL_TOO_LONG));
    }
    // The root label's dot does not count (`example.com.`).
    if shape.written - usize::from(shape.current.len == 0) > MAX_NAME {
        return Err(Fail::Own(HOST_TOO_LONG));
    }
    if shape.ends_in_a_number() && (!host.is_ascii() || Ipv4Addr::from_str(host).is_err()) {
        return Err(Fail::Parse(ParseError::InvalidIpv4Address));
    }
    Ok(())
}

/// Follows the ASCII form of a host as the `idna` crate writes it (IDN
/// labels as `xn--` A-labels), keeping only what the checks need: its
/// length and its longest label's (the DNS limits), and whether the last
/// non-empty label is a decimal or `0x` hexadecimal number (the WHATWG
/// "ends in a number" test).
#[derive(Default)]
struct LastLabel {
    /// Characters written, all ASCII so also bytes; mapping can leave
    /// nothing (`\u{AD}` maps away).
    written: usize,
    longest_label: usize,
    current: LabelShape,
    previous: LabelShape,
}

#[derive(Default, Clone, Copy)]
struct LabelShape {
    len: usize,
    all_digits: bool,
    hex_prefixed: bool,
    hex_tail: bool,
}

impl LabelShape {
    fn push(&mut self, c: char) {
        self.all_digits = c.is_ascii_digit() && (self.len == 0 || self.all_digits);
        match self.len {
            0 => self.hex_prefixed = c == '0',
            1 => self.hex_prefixed = self.hex_prefixed && matches!(c, 'x' | 'X'),
            _ => self.hex_tail = c.is_ascii_hexdigit() && (self.len == 2 || self.hex_tail),
        }
        if self.len == 1 {
            self.hex_tail = true;
        }
        self.len += 1;
    }

    /// An empty label is no number: both flags start `false`.
    fn is_number(&self) -> bool {
        self.all_digits || (self.hex_prefixed && self.len >= 2 && self.hex_tail)
    }
}

impl LastLabel {
    fn feed(&mut self, s: &str) {
        s.chars().for_each(|c| self.push(c));
    }

    fn push(&mut self, c: char) {
        self.written += 1;
        if c == '.' {
            self.previous = self.current;
            self.current = LabelShape::default();
        } else {
            self.current.push(c);
            self.longest_label = self.longest_label.max(self.current.len);
        }
    }

    fn ends_in_a_number(&self) -> bool {
        if self.current.len == 0 {
            self.previous.is_number()
        } else {
            self.current.is_number()
        }
    }
}

impl std::fmt::Write for LastLabel {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.feed(s);
        Ok(())
    }
}

/// Path, query and fragment: URL code points and `%XX` escapes only.
fn check_tail(tail: &str) -> Result<(), Fail> {
    let (mut in_query, mut in_fragment) = (false, false);
    let mut chars = tail.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => {
                let mut hex = chars.clone().take(2);
                if !(hex.next().is_some_and(|h| h.is_ascii_hexdigit())
                    && hex.next().is_some_and(|h| h.is_ascii_hexdigit()))
                {
                    return Err(Fail::Violation(SyntaxViolation::PercentDecode));
                }
            }
            // A path separator in the path; elsewhere just a non-URL code point.
            '\\' if !in_query && !in_fragment => {
                return Err(Fail::Violation(SyntaxViolation::Backslash));
            }
            '?' => in_query = true,
            '#' if !in_fragment => in_fragment = true,
            c if is_url_code_point(c) => {}
            _ => return Err(Fail::Violation(SyntaxViolation::NonUrlCodePoint)),
        }
    }
    Ok(())
}

/// The WHATWG URL code points.
fn is_url_code_point(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '!' | '$' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | '-' | '.' | '/' | ':' | ';'
        | '=' | '?' | '@' | '_' | '~' => true,
        '\u{A0}'..='\u{10FFFD}' => {
            let c = u32::from(c);
            !(0xFDD0..=0xFDEF).contains(&c) && (c & 0xFFFE) != 0xFFFE
        }
        _ => false,
    }
}

/// Schemes the hand-written check does not cover: the `url` crate decides,
/// refusing syntax violations as the hand-written check does.
fn check_with_url_crate(s: &str) -> Result<(), Fail> {
    let violation = std::cell::Cell::new(None);
    let record = |v| {
        if violation.get().is_none() {
            violation.set(Some(v));
        }
    };
    let parsed = ::url::Url::options()
        .syntax_violation_callback(Some(&record))
        .parse(s);
    match (parsed, violation.get()) {
        (Err(e), _) => Err(Fail::Parse(e)),
        (Ok(_), Some(v)) => Err(Fail::Violation(v)),
        (Ok(_), None) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(s: &str) -> (String, String) {
        let e = url(s).expect_err("should be rejected");
        let key = if e.kind() == "url_parsing" {
            "error"
        } else {
            "expected_schemes"
        };
        (
            e.kind().to_owned(),
            e.ctx().get(key).map(|v| v.to_string()).unwrap_or_default(),
        )
    }

    #[test]
    fn accepts_http_urls() {
        for s in [
            "http://example.com",
            "HTTPS://Example.COM/",
            "https://example.com:8443/a/b.html?x=1&y=%20#frag",
            "http://localhost:8080",
            "http://192.168.0.1/",
            "http://[::1]:80/",
            "http://a_b.example.com/",
            "http://例子.测试/路径",
            "http://xn--fsqu00a.xn--0zwm56d/",
            "http://example.com./",
            "http://example.com?",
            "http://example.com#",
            "http://example.com/a/../b",
            "http://example.com:/",
        ] {
            assert!(url(s).is_ok(), "{s:?}: {:?}", url(s));
        }
    }

    #[test]
    fn errors_use_the_url_crate_texts() {
        let p = |m: &str| ("url_parsing".to_owned(), m.to_owned());
        assert_eq!(error(""), p("relative URL without a base"));
        assert_eq!(error("example.com"), p("relative URL without a base"));
        assert_eq!(error("//example.com"), p("relative URL without a base"));
        assert_eq!(error("http://"), p("empty host"));
        assert_eq!(error("http://:80"), p("empty host"));
        assert_eq!(error("http://a.com:99999"), p("invalid port number"));
        assert_eq!(error("http://a.com:8o"), p("invalid port number"));
        assert_eq!(error("http://[::1"), p("invalid IPv6 address"));
        assert_eq!(error("http://256.0.0.1"), p("invalid IPv4 address"));
        assert_eq!(error("http://127.1"), p("invalid IPv4 address"));
        assert_eq!(error("http://0x7f.0.0.1"), p("invalid IPv4 address"));
        assert_eq!(
            error("http://a b.com"),
            p("invalid international domain name")
        );
        assert_eq!(error("http://ex%61mple.com"), p("invalid domain character"));
        assert_eq!(error("http://a!b.com"), p("invalid domain character"));
        assert_eq!(
            error("http://xn--0.com"),
            p("invalid international domain name")
        );
        assert_eq!(
            error(" http://a.com"),
            p("leading or trailing control or space character are ignored in URLs")
        );
        assert_eq!(
            error("http://a.\ncom"),
            p("tabs or newlines are ignored in URLs")
        );
        assert_eq!(error("http:a.com"), p("expected //"));
        assert_eq!(error("http:\\\\a.com"), p("backslash"));
        assert_eq!(error("http://a.com\\b"), p("backslash"));
        assert_eq!(error("http://a.com/b c"), p("non-URL code point"));
        assert_eq!(error("http://a.com/?a\\b"), p("non-URL code point"));
        for s in [
            "http://a.com/%zz",
            "http://a.com/%2z",
            "http://a.com/%z2",
            "http://a.com/%2",
        ] {
            assert_eq!(error(s), p("expected 2 hex digits after %"), "{s}");
        }
        assert_eq!(error("http://a.com/#a#b"), p("non-URL code point"));
        assert_eq!(
            error("https://bank.com@evil.com/"),
            p(
                "embedding authentication information (username or password) in an URL is not recommended"
            )
        );
        let s = |m: &str| ("url_scheme".to_owned(), m.to_owned());
        assert_eq!(error("ftp://example.com"), s("'http' or 'https'"));
        assert_eq!(error("javascript:alert(1)"), s("'http' or 'https'"));
        assert_eq!(error("data:text/html,<b>x</b>"), s("'http' or 'https'"));
        assert_eq!(error("file:///etc/passwd"), s("'http' or 'https'"));
        assert_eq!(error("ftp://"), p("empty host"));
    }

    /// WHATWG's strict domain-to-ASCII limits (UTS #46 VerifyDnsLength),
    /// measured on the A-label form as `email` measures them.
    #[test]
    fn host_length_limits_on_the_ascii_form() {
        let p = |m: &str| ("url_parsing".to_owned(), m.to_owned());
        let l63 = "a".repeat(63);
        assert!(url(&format!("http://{l63}.com/")).is_ok());
        assert_eq!(error(&format!("http://{l63}b.com/")), p(LABEL_TOO_LONG));
        assert_eq!(error(&format!("http://x.{l63}b/")), p(LABEL_TOO_LONG));
        // 63 * 3 + 61 + 3 dots = 253, with or without the root's dot.
        let host253 = format!("{l63}.{l63}.{l63}.{}", "b".repeat(61));
        assert!(url(&format!("http://{host253}/")).is_ok());
        assert!(url(&format!("https://{host253}:8080")).is_ok());
        assert!(url(&format!("http://{host253}./")).is_ok());
        assert_eq!(error(&format!("http://{host253}b/")), p(HOST_TOO_LONG));
        assert_eq!(error(&format!("http://{host253}b./")), p(HOST_TOO_LONG));
        let huge = format!("http://{}.com/", "a.".repeat(1 << 20));
        assert_eq!(error(&huge), p(HOST_TOO_LONG));
        // Unicode labels count in their A-label form: 40 CJK characters
        // are 120 bytes of UTF-8 and 40 characters, but an `xn--` label
        // of more than 63.
        let cjk: String = (0..40u32)
            .filter_map(|i| char::from_u32(0x4E00 + i * 7))
            .collect();
        let alabel = idna::domain_to_ascii(&cjk).expect("an IDN");
        assert!(cjk.chars().count() < 63 && alabel.len() > 63, "{alabel}");
        assert_eq!(error(&format!("http://{cjk}.com/")), p(LABEL_TOO_LONG));
        let short: String = cjk.chars().take(10).collect();
        assert!(idna::domain_to_ascii(&short).expect("an IDN").len() <= 63);
        assert!(url(&format!("http://{short}.com/")).is_ok());
    }

    #[test]
    fn listed_schemes() {
        let three = ["http", "https", "ftp"];
        assert!(url_with_schemes("ftp://a.com/x", &three).is_ok());
        let e = url_with_schemes("ws://a.com", &three).expect_err("should be rejected");
        assert_eq!(e.msg(), "URL scheme should be 'http', 'https' or 'ftp'");
        assert!(url_with_schemes("file:///tmp/x", &["file"]).is_ok());
        assert!(url_with_schemes("data:text/plain,hi", &["data"]).is_ok());
        let e = url_with_schemes("mailto:a b@c", &["mailto"]).expect_err("should be rejected");
        assert_eq!(
            e.ctx().get("error").map(|v| v.to_string()).as_deref(),
            Some("non-URL code point")
        );
        assert!(url_with_schemes("HTTP://a.com", &["http"]).is_ok());
        assert!(url_with_schemes("http://a.com", &["HTTP"]).is_ok());
    }

    #[test]
    fn wrappers_and_odd_input() {
        assert!(url(&Some("http://a.com".to_string())).is_ok());
        assert!(url(&Box::new("http://a.com")).is_ok());
        assert!(url(&std::borrow::Cow::Borrowed("nope")).is_err());
        for s in [
            "http://\u{0}",
            "http://[",
            "http://]",
            "http://a.com/\u{FFFF}",
            "h\u{301}ttp://a",
            ":",
            "http:",
            "http://.",
            "http://..",
            "http://-",
        ] {
            let _ = url(s);
        }
        assert!(url("http://a.com/\u{FDD0}").is_err());
        // Noncharacters are not URL code points; U+FFFD is.
        for c in ['\u{FFFE}', '\u{FFFF}', '\u{2FFFE}', '\u{10FFFF}'] {
            let e = url(&format!("http://a.com/{c}")).expect_err("a noncharacter");
            assert_eq!(
                e.ctx().get("error").map(|v| v.to_string()).as_deref(),
                Some("non-URL code point")
            );
        }
        assert!(url("http://a.com/\u{FFFD}").is_ok());
    }

    #[test]
    fn never_quotes_the_input() {
        for s in [
            "http://secret b.com",
            "https://user:hunter2@x.com",
            "javascript:secret()",
        ] {
            let e = url(s).expect_err("should be rejected");
            let shown = format!("{e} {e:?}");
            assert!(
                !shown.contains("secret") && !shown.contains("hunter2"),
                "{shown}"
            );
        }
    }

    fn url_crate_strict(s: &str) -> bool {
        let violated = std::cell::Cell::new(false);
        let record = |_| violated.set(true);
        let parsed = ::url::Url::options()
            .syntax_violation_callback(Some(&record))
            .parse(s);
        parsed.is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty())
                && !violated.get()
        })
    }

    fn url_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let scheme =
            prop::sample::select(vec!["http", "https", "HTTP", "ftp", "javascript", "h", ""]);
        let sep = prop::sample::select(vec![
            "://", ":/", ":", "://u:p@", ":\\\\", "://[", " http://",
        ]);
        let host = r"[a-zA-Z0-9._%:@!~ \x{E9}\x{4F8B}\x{AD}\x{FF11}\x{FF0E}\[\]\-]{0,12}";
        let tail = r"[/?#a-z0-9%. \\\x{E9}\x{AD}\x{0}\x{FDD0}\t]{0,10}";
        (scheme, sep, host, tail).prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"))
    }

    /// The full check alone, as before the fast path.
    fn full_check(s: &str, schemes: &[&str]) -> bool {
        let Ok(scheme) = scheme_of(s) else {
            return false;
        };
        schemes.iter().any(|a| a.eq_ignore_ascii_case(scheme))
            && if HAND_CHECKED.iter().any(|h| h.eq_ignore_ascii_case(scheme)) {
                check_special(&s[scheme.len() + 1..]).is_ok()
            } else {
                check_with_url_crate(s).is_ok()
            }
    }

    #[test]
    fn fast_path_takes_the_common_urls() {
        for s in [
            "https://alice.example.com/about?tab=profile",
            "HTTP://Example.COM:8080/a%20b?x=1&y=2#frag",
            "http://a_b.example.com",
            "http://localhost:/",
            "https://example.com?#",
        ] {
            assert!(fast_accept(s, DEFAULT_SCHEMES), "{s:?}");
            assert!(full_check(s, DEFAULT_SCHEMES), "{s:?}");
        }
        // Left to the full check (which may accept them).
        for s in [
            "http://xn--fsqu00a.xn--0zwm56d/",
            "http://XN--fsqu00a.com/",
            "http://192.168.0.1/",
            "http://a.0x1f",
            "http://example.com./",
            "http://[::1]:80/",
            "http://例子.测试/",
            "http://a.com/é",
            "http://a.com/#a#b",
            "http://a.com:65536/",
            "http://a.com/%2",
            "ftp://a.com/",
            "http:/a.com",
            "http://a.com ",
        ] {
            assert!(!fast_accept(s, DEFAULT_SCHEMES), "{s:?}");
        }
        assert!(!fast_accept("https://a.com", &["http"]));
        // Empty labels, and the DNS limits: up to them the fast path
        // decides, past them (or on an empty label) the full check does.
        assert!(!fast_accept("http://a..b/", DEFAULT_SCHEMES));
        assert!(!fast_accept("http://.a/", DEFAULT_SCHEMES));
        let l63 = "a".repeat(63);
        let host253 = format!("{l63}.{l63}.{l63}.{}", "b".repeat(61));
        for (s, fast) in [
            (format!("http://{l63}.com/"), true),
            (format!("http://{l63}b.com/"), false),
            (format!("http://{host253}/"), true),
            (format!("http://{host253}b/"), false),
        ] {
            assert_eq!(fast_accept(&s, DEFAULT_SCHEMES), fast, "{s}");
            assert_eq!(full_check(&s, DEFAULT_SCHEMES), fast, "{s}");
        }
        assert!(fast_accept("https://a.com", &["HTTPS"]));
    }

    #[test]
    fn known_error_texts_are_the_url_crate_texts() {
        // The texts the rule reports are borrowed (an error does not
        // allocate its text); the rest are the crate's own `Display`.
        let borrowed = [
            ParseError::EmptyHost,
            ParseError::IdnaError,
            ParseError::InvalidPort,
            ParseError::InvalidIpv4Address,
            ParseError::InvalidIpv6Address,
            ParseError::InvalidDomainCharacter,
            ParseError::RelativeUrlWithoutBase,
        ];
        let owned = [
            ParseError::RelativeUrlWithCannotBeABaseBase,
            ParseError::SetHostOnCannotBeABaseUrl,
            ParseError::Overflow,
        ];
        for e in borrowed.into_iter().chain(owned) {
            assert_eq!(parse_error_text(e), e.to_string());
        }
        for e in borrowed {
            assert!(matches!(parse_error_text(e), Cow::Borrowed(_)), "{e:?}");
        }
    }

    /// The host-side "ends in a number" test (on the ASCII form, char by
    /// char) agrees with the fast path's (on bytes), on every host of up to
    /// four characters over the alphabet that matters.
    #[test]
    fn label_shapes_agree_with_ends_in_a_number() {
        const ALPHABET: &[u8] = b"0x1Xfg.";
        let mut hosts = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = hosts
                .iter()
                .flat_map(|h| {
                    ALPHABET.iter().map(move |&b| {
                        let mut h = h.clone();
                        h.push(b);
                        h
                    })
                })
                .collect();
            hosts.extend(longer);
        }
        hosts.sort();
        hosts.dedup();
        for host in &hosts {
            let text = std::str::from_utf8(host).expect("ASCII");
            let mut shape = LastLabel::default();
            shape.feed(text);
            // The last non-empty label, as WHATWG takes it (one root dot
            // ignored).
            let trimmed = host.strip_suffix(b".").unwrap_or(host);
            let last = trimmed.rsplit(|&b| b == b'.').next().unwrap_or_default();
            let expected = !last.is_empty() && ends_in_a_number(last);
            assert_eq!(shape.ends_in_a_number(), expected, "{text:?}");
            assert_eq!(shape.written, host.len());
        }
    }

    #[test]
    fn port_bounds_on_both_paths() {
        // The fast path (plain host) and the full check (a root dot).
        for host in ["a.com", "a.com."] {
            assert!(url(&format!("http://{host}:65535/")).is_ok(), "{host}");
            assert!(url(&format!("http://{host}:0/")).is_ok(), "{host}");
            assert_eq!(
                error(&format!("http://{host}:65536/")).1,
                "invalid port number"
            );
        }
        assert!(fast_accept("http://a.com:65535", DEFAULT_SCHEMES));
        assert!(!fast_accept("http://a.com:65536", DEFAULT_SCHEMES));
        assert_eq!(check_port(Some("65535")), Ok(()));
        assert_eq!(
            check_port(Some("65536")),
            Err(Fail::Parse(ParseError::InvalidPort))
        );
    }

    #[test]
    fn spaces_at_either_end_are_refused() {
        let text = "leading or trailing control or space character are ignored in URLs";
        for s in [
            "http://a.com ",
            " http://a.com",
            "http://a.com\u{1}",
            "\u{0}http://a.com",
        ] {
            assert_eq!(error(s).1, text, "{s:?}");
            assert_eq!(
                scheme_of(s),
                Err(Fail::Violation(SyntaxViolation::C0SpaceIgnored))
            );
        }
    }

    #[test]
    fn schemes_start_with_a_letter_and_hold_only_scheme_characters() {
        let no_base = Err(Fail::Parse(ParseError::RelativeUrlWithoutBase));
        for s in [
            "1http://a.com",
            "+x://a.com",
            "ht tp://a.com",
            "h_t://a.com",
            "://a.com",
        ] {
            assert_eq!(scheme_of(s), no_base, "{s:?}");
        }
        assert_eq!(scheme_of("a+b-c.d://x"), Ok("a+b-c.d"));
    }

    #[test]
    fn nothing_but_a_port_may_follow_a_bracketed_host() {
        assert_eq!(
            split_port("[::1]x"),
            Err(Fail::Parse(ParseError::InvalidIpv6Address))
        );
        assert_eq!(split_port("[::1]"), Ok(("[::1]", None)));
        assert_eq!(split_port("[::1]:8"), Ok(("[::1]", Some("8"))));
        assert_eq!(error("http://[::1]x/").1, "invalid IPv6 address");
    }

    fn fast_path_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let scheme =
            prop::sample::select(vec!["http://", "https://", "HtTpS://", "http:/", "ftp://"]);
        // Mostly what the fast path takes, with a few of everything it must
        // leave to the full check.
        let label = prop_oneof![
            8 => "[a-zA-Z0-9_-]{1,4}",
            1 => "",
            1 => "[xX][nN]--[a-z0-9]{0,3}",
            1 => "0[xX][0-9a-fA-F]{0,2}",
            1 => "[0-9]{1,3}",
            1 => "[a-z]{0,2}\u{E9}",
        ];
        let host = prop::collection::vec(label, 1..5).prop_map(|labels| labels.join("."));
        let port = prop_oneof![3 => Just(String::new()), 1 => ":[0-9]{0,6}"];
        let piece = prop_oneof![
            12 => "[a-zA-Z0-9/?:@!$&'()*+,;=._~-]",
            2 => "%[0-9a-fA-F]{2}",
            1 => "%[0-9a-gG]{0,2}",
            1 => "#",
            1 => "[\\\\ \t\u{E9}\"<>^`{}|\u{7F}]",
        ];
        let tail = prop_oneof![
            1 => Just(String::new()),
            4 => ("[/?#]", prop::collection::vec(piece, 0..10))
                .prop_map(|(first, rest)| format!("{first}{}", rest.concat())),
        ];
        (scheme, host, port, tail).prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The fast path accepts only what the full check accepts, so the
        /// rule's verdicts and errors are the full check's.
        #[test]
        fn fast_path_accepts_only_what_the_full_check_accepts(s in fast_path_like()) {
            if fast_accept(&s, DEFAULT_SCHEMES) {
                proptest::prop_assert!(full_check(&s, DEFAULT_SCHEMES), "{:?}", s);
            }
        }

        /// The hand-written check is never more lenient than the `url`
        /// crate without syntax violations, and a failure always carries the
        /// `url` crate's own error text when the crate rejects the value.
        #[test]
        fn never_more_lenient_than_the_url_crate(s in url_like()) {
            match url(&s) {
                Ok(()) => proptest::prop_assert!(url_crate_strict(&s), "accepted {:?}", s),
                Err(e) if e.kind() == "url_parsing" => {
                    if let Err(parse) = ::url::Url::parse(&s) {
                        let text = e.ctx().get("error").map(|v| v.to_string());
                        proptest::prop_assert_eq!(text, Some(parse.to_string()));
                    }
                }
                Err(e) => proptest::prop_assert_eq!(e.kind(), "url_scheme"),
            }
        }

        #[test]
        fn no_panic_on_any_string(s in proptest::prelude::any::<String>()) {
            let _ = url(&s);
            let _ = url_with_schemes(&s, &["mailto", "file", "ws"]);
        }
    }
}
