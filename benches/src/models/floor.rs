//! The floor: the scenario's rules written by hand in plain Rust, no library.
//! What a careful engineer would write for this one struct; how close a
//! derive's generated code can get to it is what the benchmark measures.
//!
//! Same semantics as the other models: lengths in chars (not bytes), every
//! field checked, the first failure of a field ends that field, a `tags` list
//! over its maximum reports only that. Differences, all in strictness of the
//! formats, none on the scenario's inputs:
//! - email: ASCII only (an internationalized address is rejected), no quoted
//!   local part, no IP-literal domain; otherwise RFC 5321 sizes and the usual
//!   atext / dot / hostname-label rules.
//! - url: `http` / `https` only, the host a DNS name or IPv4 address (no
//!   IPv6 literal, no userinfo, no IDN), an optional numeric port, and no
//!   space or control character in the rest; no percent-decoding check.

use crate::scenario;

/// The request, checked by hand.
#[derive(Clone, Debug)]
pub struct SignupRequest {
    username: String,
    email: String,
    password: String,
    age: u32,
    website: Option<String>,
    tags: Vec<String>,
    address: Address,
    bio: String,
}

/// The nested address.
#[derive(Clone, Debug)]
pub struct Address {
    street: String,
    city: String,
    zip: String,
}

/// One failure: where (a field, an index inside it, or a nested field) and
/// a static code. As cheap as an error report gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field, e.g. `"tags"` or `"address.zip"`.
    field: &'static str,
    /// The item index inside the field, for list items.
    index: Option<usize>,
    /// What failed, e.g. `"string_too_short"`.
    code: &'static str,
}

impl From<&scenario::Signup> for SignupRequest {
    fn from(s: &scenario::Signup) -> Self {
        SignupRequest {
            username: s.username.clone(),
            email: s.email.clone(),
            password: s.password.clone(),
            age: s.age,
            website: s.website.clone(),
            tags: s.tags.clone(),
            address: Address::from(&s.address),
            bio: s.bio.clone(),
        }
    }
}

impl From<&scenario::Address> for Address {
    fn from(a: &scenario::Address) -> Self {
        Address {
            street: a.street.clone(),
            city: a.city.clone(),
            zip: a.zip.clone(),
        }
    }
}

/// `None` when `s` has `min..=max` chars, else the code.
fn chars_between(s: &str, min: usize, max: usize) -> Option<&'static str> {
    // A char is 1 to 4 bytes: when the byte length alone puts the count in
    // bounds, skip counting (the trick validate's `length` uses too, so the
    // floor is not slower for lack of it).
    if s.len() <= max && s.len().div_ceil(4) >= min {
        return None;
    }
    let n = s.chars().count();
    if n < min {
        Some("string_too_short")
    } else if n > max {
        Some("string_too_long")
    } else {
        None
    }
}

impl SignupRequest {
    /// Every failure, in field order.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, index, code| {
            errors.push(FieldError { field, index, code });
        };
        if let Some(code) = chars_between(&self.username, 3, 32) {
            fail("username", None, code);
        } else if !is_word(&self.username) {
            fail("username", None, "string_pattern_mismatch");
        }
        if !is_email(&self.email) {
            fail("email", None, "value_error");
        }
        if let Some(code) = chars_between(&self.password, 12, 128) {
            fail("password", None, code);
        }
        if self.age < 13 {
            fail("age", None, "greater_than_equal");
        } else if self.age > 130 {
            fail("age", None, "less_than_equal");
        }
        if let Some(website) = &self.website
            && !is_http_url(website)
        {
            fail("website", None, "url_parsing");
        }
        if self.tags.len() > 10 {
            fail("tags", None, "too_long");
        } else {
            for (i, tag) in self.tags.iter().enumerate() {
                if let Some(code) = chars_between(tag, 1, 20) {
                    fail("tags", Some(i), code);
                }
            }
        }
        self.address.check(&ADDRESS, None, &mut fail);
        if let Some(code) = chars_between(&self.bio, 0, 500) {
            fail("bio", None, code);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The field names of an address at `address` in the request.
const ADDRESS: [&str; 3] = ["address.street", "address.city", "address.zip"];
/// The field names of an address in the scaling series' `items`.
const ITEMS: [&str; 3] = ["items.street", "items.city", "items.zip"];

impl Address {
    /// Reports each failing field to `fail`, named from `names`.
    fn check(
        &self,
        names: &[&'static str; 3],
        index: Option<usize>,
        fail: &mut impl FnMut(&'static str, Option<usize>, &'static str),
    ) {
        if let Some(code) = chars_between(&self.street, 1, 100) {
            fail(names[0], index, code);
        }
        if let Some(code) = chars_between(&self.city, 1, 50) {
            fail(names[1], index, code);
        }
        if !(self.zip.len() == 5 && self.zip.bytes().all(|b| b.is_ascii_digit())) {
            fail(names[2], index, "string_pattern_mismatch");
        }
    }
}

/// The scaling series' list of nested items.
pub struct Items {
    items: Vec<Address>,
}

impl From<&[scenario::Address]> for Items {
    fn from(items: &[scenario::Address]) -> Self {
        Items {
            items: items.iter().map(Address::from).collect(),
        }
    }
}

impl Items {
    /// Every failing field of every item.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, index, code| {
            errors.push(FieldError { field, index, code });
        };
        for (i, item) in self.items.iter().enumerate() {
            item.check(&ITEMS, Some(i), &mut fail);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The username rule by hand: `^[a-zA-Z0-9_]+$`, which is also the charset
/// `ascii_alphanumeric` plus `_`.
pub fn is_word(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The number of extended grapheme clusters: the one rule no one writes by
/// hand, so the floor of that series is `unicode-segmentation` called
/// directly.
pub fn graphemes(s: &str) -> usize {
    unicode_segmentation::UnicodeSegmentation::graphemes(s, true).count()
}

/// The characters RFC 5322 allows unquoted in a local part, besides `.`.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

/// A DNS host name: dot-separated labels of 1..=63 letters, digits and
/// inner hyphens, 253 bytes at most.
fn is_hostname(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b.len() <= 63
                && b.first() != Some(&b'-')
                && b.last() != Some(&b'-')
                && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
        })
}

/// A plain ASCII address `local@domain`: local part of atext and single
/// inner dots, at most 64 bytes; domain a host name of two labels or more
/// whose last is not all digits.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let l = local.as_bytes();
    let local_ok = !l.is_empty()
        && l.len() <= 64
        && l.first() != Some(&b'.')
        && l.last() != Some(&b'.')
        && !l.windows(2).any(|w| w == b"..")
        && l.iter().all(|&b| b == b'.' || is_atext(b));
    let tld_ok = match domain.rsplit_once('.') {
        Some((_, tld)) => !tld.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    };
    local_ok && tld_ok && is_hostname(domain)
}

/// An absolute `http` / `https` URL with a host name (or IPv4 address), an
/// optional port, and no space or control character after it.
pub fn is_http_url(s: &str) -> bool {
    let rest = if let Some(r) = strip_prefix_ignore_case(s, "https://") {
        r
    } else if let Some(r) = strip_prefix_ignore_case(s, "http://") {
        r
    } else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let port_ok = match port {
        None => true,
        Some(p) => !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok(),
    };
    port_ok && is_hostname(host) && !tail.bytes().any(|b| b <= b' ' || b == 0x7f)
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_verdicts() {
        assert!(SignupRequest::from(&scenario::valid()).validate().is_ok());
        let errors = SignupRequest::from(&scenario::invalid())
            .validate()
            .expect_err("every field of the invalid request fails");
        assert_eq!(errors.len(), scenario::INVALID_FAILURES);
        assert_eq!(errors[5].field, "tags");
        assert_eq!(errors[5].index, Some(1));
    }

    #[test]
    fn email() {
        for ok in ["a@b.co", "first.last+tag@sub.example.org", "x_y@a-b.io"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "@b.co",
            "a@",
            "a@b",
            ".a@b.co",
            "a.@b.co",
            "a..b@c.co",
            "a@-b.co",
            "a@b-.co",
            "a@b..co",
            "a@b.123",
            "a b@c.co",
            "é@b.co",
            "a@b@c.co",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn url() {
        for ok in [
            "http://a.com",
            "HTTPS://a.com:8080/x?y#z",
            "https://10.0.0.1/",
            "https://alice.example.com/about?tab=profile",
        ] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in [
            "",
            "a.com",
            "ftp://a.com",
            "http://",
            "http://a.com:",
            "http://a.com:99999",
            "http://a b.com",
            "http://a.com/x y",
            "http://-a.com",
            "https://é.com",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn lengths_count_chars() {
        assert_eq!(chars_between("ééé", 3, 3), None);
        assert_eq!(chars_between("éé", 3, 3), Some("string_too_short"));
        assert_eq!(chars_between("éééé", 0, 3), Some("string_too_long"));
    }
}
