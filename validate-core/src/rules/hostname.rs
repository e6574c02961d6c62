//! `hostname` and `domain`: DNS names as RFC 1123 writes them, with IDN
//! labels checked through the same Punycode limits and character policy as
//! the `email` rule's domain. Hand-written: no regex, no allocation.

use super::input::StrInput;
use super::label::{self, LabelError, MAX_LABEL, MAX_NAME};
use crate::error::{ValidationError, catalogue};

const EMPTY: &str = "It is empty.";
const START_PERIOD: &str = "It cannot start with a period.";
const END_PERIOD: &str = "It cannot end with a period.";
const TWO_PERIODS: &str = "It cannot have two periods in a row.";
const EDGE_HYPHEN: &str = "A label cannot start or end with a hyphen.";
const INVALID: &str = "It contains invalid characters.";
const RESERVED_HYPHENS: &str =
    "A label cannot have two letters followed by two dashes, except Punycode.";
const INVALID_A_LABEL: &str = "A label is not valid IDNA (Invalid A-label).";
const LABEL_TOO_LONG: &str = "A label is too long (at most 63 characters, counted in Punycode).";
const TOO_LONG: &str = "It is too long (at most 253 characters, counted in Punycode).";
const NUMERIC_TLD: &str = "It is not within a valid top-level domain.";
const NO_PERIOD: &str = "It should have a period.";

/// Options of [`hostname_with`] and [`domain_with`].
///
/// ```
/// use validate_core::rules::{self, HostnamePolicy};
///
/// static FQDN: HostnamePolicy = HostnamePolicy::new().trailing_dot(true);
///
/// assert!(rules::domain_with("example.com.", &FQDN).is_ok());
/// assert!(rules::domain("example.com.").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostnamePolicy {
    trailing_dot: bool,
}

impl HostnamePolicy {
    /// The default policy, the one [`hostname`] and [`domain`] use: no
    /// trailing dot.
    pub const fn new() -> Self {
        HostnamePolicy {
            trailing_dot: false,
        }
    }

    /// Whether a name may end with the root's dot (`example.com.`, a fully
    /// qualified name in DNS zone syntax); off by default, as a user typing
    /// a host name does not mean it and the dot makes two spellings of one
    /// name.
    pub const fn trailing_dot(mut self, allow: bool) -> Self {
        self.trailing_dot = allow;
        self
    }
}

impl Default for HostnamePolicy {
    fn default() -> Self {
        Self::new()
    }
}

/// Checks that a string is a host name: dot-separated labels of letters,
/// digits and hyphens (RFC 1123 section 2.1), none empty, none starting or
/// ending with a hyphen, each at most 63 characters and the whole at most
/// 253.
///
/// - **IDN**: a label may be written in Unicode (`bücher.example`) or as an
///   `xn--` A-label, which must be valid Punycode. Both go through the
///   `email` rule's policy (letters with their combining marks; no
///   invisible, control, symbol, fullwidth or other compatibility
///   characters), and lengths count the A-label form.
/// - `??--` in a label's third and fourth characters is reserved (RFC 5891)
///   unless it is an `xn--` label.
/// - The last label may not be all digits, so an IPv4 address (`127.0.0.1`,
///   `2130706433`) is not a host name (RFC 1123 section 2.1 asks that a
///   host name never look like a dotted-decimal address); use `ip` for
///   those.
/// - No trailing dot (see [`hostname_with`]), no underscore, no port, no
///   brackets; one label (`localhost`) is fine: [`domain`] asks for two.
///
/// The error is `hostname_invalid`, `value is not a valid hostname:
/// <reason>`, the reason naming what is wrong without quoting the input.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::hostname("localhost").is_ok());
/// assert!(rules::hostname("db-1.internal.example.com").is_ok());
/// assert!(rules::hostname("bücher.example").is_ok());
/// assert!(rules::hostname(&None::<String>).is_ok());
/// let e = rules::hostname("my_host").expect_err("underscore");
/// assert_eq!(e.kind(), "hostname_invalid");
/// assert_eq!(e.msg(), "value is not a valid hostname: It contains invalid characters.");
/// assert!(rules::hostname("10.0.0.1").is_err());
/// ```
pub fn hostname<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    hostname_with(value, &HostnamePolicy::new())
}

/// [`hostname`] under a [`HostnamePolicy`] (a trailing dot allowed or not).
///
/// ```
/// use validate_core::rules::{self, HostnamePolicy};
/// let fqdn = HostnamePolicy::new().trailing_dot(true);
/// assert!(rules::hostname_with("localhost.", &fqdn).is_ok());
/// assert!(rules::hostname_with("localhost..", &fqdn).is_err());
/// ```
pub fn hostname_with<S: StrInput + ?Sized>(
    value: &S,
    policy: &HostnamePolicy,
) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s, policy).map(drop).map_err(catalogue::hostname),
        None => Ok(()),
    }
}

/// Checks that a string is a domain name: a [`hostname`] with at least two
/// labels (`example.com`, not `localhost`) whose top-level label is not all
/// digits (`example.123` is rejected; `example.x123` passes: no TLD list is
/// consulted, so the rule does not age).
///
/// The error is `domain_invalid`, `value is not a valid domain name:
/// <reason>`.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::domain("example.com").is_ok());
/// assert!(rules::domain("xn--bcher-kva.example").is_ok());
/// let e = rules::domain("localhost").expect_err("one label");
/// assert_eq!(e.kind(), "domain_invalid");
/// assert_eq!(e.msg(), "value is not a valid domain name: It should have a period.");
/// assert!(rules::domain("iana.123").is_err());
/// ```
pub fn domain<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    domain_with(value, &HostnamePolicy::new())
}

/// [`domain`] under a [`HostnamePolicy`].
///
/// ```
/// use validate_core::rules::{self, HostnamePolicy};
/// let fqdn = HostnamePolicy::new().trailing_dot(true);
/// assert!(rules::domain_with("example.com.", &fqdn).is_ok());
/// assert!(rules::domain_with("com.", &fqdn).is_err());
/// ```
pub fn domain_with<S: StrInput + ?Sized>(
    value: &S,
    policy: &HostnamePolicy,
) -> Result<(), ValidationError> {
    let Some(s) = value.input_str() else {
        return Ok(());
    };
    match check(s, policy) {
        Ok(labels) if labels >= 2 => Ok(()),
        Ok(_) => Err(catalogue::domain(NO_PERIOD)),
        Err(reason) => Err(catalogue::domain(reason)),
    }
}

/// Checks the name and returns its number of labels.
fn check(s: &str, policy: &HostnamePolicy) -> Result<usize, &'static str> {
    let name = match s.strip_suffix('.') {
        Some(name) if policy.trailing_dot && !name.is_empty() => name,
        _ => s,
    };
    if name.is_empty() {
        return Err(EMPTY);
    }
    if name.starts_with('.') {
        return Err(START_PERIOD);
    }
    if name.ends_with('.') {
        return Err(if name.len() < s.len() || name.ends_with("..") {
            TWO_PERIODS
        } else {
            END_PERIOD
        });
    }
    let (mut total, mut labels, mut tld) = (0usize, 0usize, "");
    for part in name.split('.') {
        if part.is_empty() {
            return Err(TWO_PERIODS);
        }
        let len = label::label_len(part).map_err(|e| match e {
            LabelError::Invalid => INVALID,
            LabelError::ReservedHyphens => RESERVED_HYPHENS,
            LabelError::InvalidALabel => INVALID_A_LABEL,
            LabelError::IdnTooLong => LABEL_TOO_LONG,
        })?;
        // After the character check, so `-` is known to be the only
        // non-alphanumeric ASCII a label can hold.
        if part.starts_with('-') || part.ends_with('-') {
            return Err(EDGE_HYPHEN);
        }
        if len > MAX_LABEL {
            return Err(LABEL_TOO_LONG);
        }
        total += len + usize::from(labels > 0);
        labels += 1;
        tld = part;
    }
    if total > MAX_NAME {
        return Err(TOO_LONG);
    }
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NUMERIC_TLD);
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> &'static str {
        match check(s, &HostnamePolicy::new()) {
            Ok(_) => panic!("{s:?} should be rejected"),
            Err(r) => r,
        }
    }

    #[test]
    fn accepts_host_names() {
        for s in [
            "localhost",
            "a",
            "4-oh-4",
            "1337.com",
            "foo--bar.com",
            "xn--froschgrn-x9a.com",
            "kräuter.com",
            "sub1.sub2.sample.co.uk",
            "a.x123",
            &"a".repeat(63),
            &["a".repeat(63).as_str(); 4].join(".")[..253],
        ] {
            assert!(hostname(s).is_ok(), "{s:?}: {:?}", hostname(s));
        }
    }

    #[test]
    fn reasons_name_the_fault() {
        let long_label = "a".repeat(64);
        let long_name = ["a".repeat(63).as_str(); 4].join(".");
        let cases = [
            ("", EMPTY),
            (".a", START_PERIOD),
            ("a.", END_PERIOD),
            ("a..b", TWO_PERIODS),
            ("-a.com", EDGE_HYPHEN),
            ("a-.com", EDGE_HYPHEN),
            ("a_b.com", INVALID),
            ("a b", INVALID),
            ("a:80", INVALID),
            ("[::1]", INVALID),
            ("*.example.com", INVALID),
            ("domain.co\u{2028}m", INVALID),
            ("ab--c.com", RESERVED_HYPHENS),
            ("xn--0.com", INVALID_A_LABEL),
            (long_label.as_str(), LABEL_TOO_LONG),
            (long_name.as_str(), TOO_LONG),
            ("127.0.0.1", NUMERIC_TLD),
            ("2130706433", NUMERIC_TLD),
        ];
        for (s, want) in cases {
            assert_eq!(reason(s), want, "{s:?}");
        }
    }

    #[test]
    fn trailing_dot_only_when_asked() {
        let fqdn = HostnamePolicy::new().trailing_dot(true);
        assert!(hostname_with("example.com.", &fqdn).is_ok());
        assert!(hostname_with("a.", &fqdn).is_ok());
        assert_eq!(check(".", &fqdn), Err(START_PERIOD));
        assert_eq!(check("a..", &fqdn), Err(TWO_PERIODS));
        assert_eq!(check("a.", &HostnamePolicy::new()), Err(END_PERIOD));
        assert_eq!(check("3.cn.", &fqdn), Ok(2));
        assert!(domain_with("3.cn.", &fqdn).is_ok());
        assert!(domain_with("cn.", &fqdn).is_err());
    }

    #[test]
    fn domain_needs_two_labels() {
        assert!(domain("example.com").is_ok());
        let e = domain("localhost").expect_err("one label");
        assert_eq!(e.kind(), "domain_invalid");
        assert_eq!(
            e.ctx().get("reason").map(|r| r.to_string()).as_deref(),
            Some(NO_PERIOD)
        );
        let e = domain("a_b.com").expect_err("underscore");
        assert_eq!(
            e.msg(),
            "value is not a valid domain name: It contains invalid characters."
        );
    }

    #[test]
    fn errors_never_quote_the_input() {
        for s in [
            "secret_password_123",
            "secretpassword.123",
            "sécret\u{200b}x.com",
        ] {
            for e in [hostname(s), domain(s)].into_iter().filter_map(Result::err) {
                let texts = [e.msg().into_owned(), format!("{e:?}"), e.to_string()];
                assert!(texts.iter().all(|t| !t.contains("secret")), "{texts:?}");
            }
        }
    }

    #[test]
    fn wrappers_and_odd_input() {
        assert!(hostname(&Some(String::from("a.b"))).is_ok());
        assert!(domain(&None::<String>).is_ok());
        assert!(hostname(&std::sync::Arc::new(String::from("a_b"))).is_err());
        assert!(hostname(&"ü".repeat(100_000)).is_err());
        assert!(hostname(&"a.".repeat(100_000)).is_err());
    }
}
