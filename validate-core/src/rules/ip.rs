//! `ip`, `ipv4`, `ipv6`: IP address literals, parsed by the standard
//! library (no allocation, no leading-zero octets, no zone ids).

use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use super::input::StrInput;
use crate::error::{ValidationError, catalogue};

/// Checks that a string is an IPv4 or an IPv6 address
/// (`ip_any_address`, `value is not a valid IPv4 or IPv6 address`).
///
/// The forms are those of [`ipv4`] and [`ipv6`]: no leading-zero octets, no
/// zone id, no CIDR suffix, no surrounding spaces or brackets.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::ip("192.168.0.1").is_ok());
/// assert!(rules::ip("::1").is_ok());
/// let e = rules::ip("localhost").expect_err("should be rejected");
/// assert_eq!((e.kind(), &*e.msg()), ("ip_any_address", "value is not a valid IPv4 or IPv6 address"));
/// ```
pub fn ip<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !is_ipv4(s) && !is_ipv6(s) => Err(catalogue::ip_any_address()),
        _ => Ok(()),
    }
}

/// Checks that a string is an IPv4 address in dotted-decimal form
/// (`ip_v4_address`, `Input is not a valid IPv4 address`).
///
/// Exactly four decimal octets of at most 255, as [`Ipv4Addr::from_str`]
/// parses them. An octet with a leading zero (`010.0.0.1`) is rejected: C's
/// `inet_aton` and many URL parsers read it as octal (`010` = 8), so the same
/// string would name different hosts in different programs. Shorthand and
/// hexadecimal forms (`127.1`, `0x7f.0.0.1`) are rejected for the same
/// reason.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::ipv4("127.0.0.1").is_ok());
/// assert!(rules::ipv4("0127.0.0.1").is_err());
/// assert_eq!(rules::ipv4("::1").expect_err("should be rejected").msg(), "Input is not a valid IPv4 address");
/// ```
pub fn ipv4<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !is_ipv4(s) => Err(catalogue::ip_v4_address()),
        _ => Ok(()),
    }
}

/// Checks that a string is an IPv6 address (`ip_v6_address`, `Input is not
/// a valid IPv6 address`), in any RFC 4291 text form that
/// [`Ipv6Addr::from_str`] parses, including `::` compression and an
/// embedded IPv4 tail (`::ffff:192.0.2.1`).
///
/// A zone id (`fe80::1%eth0`, RFC 4007) is rejected: it names an interface of
/// the machine that reads the address, so it means nothing to a server
/// receiving it and is a way to smuggle arbitrary text (the part after `%`
/// is free-form) through an "IP address" field. Strip it before validating
/// if your application needs link-local addresses.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::ipv6("2001:db8::1").is_ok());
/// assert!(rules::ipv6("::ffff:192.0.2.1").is_ok());
/// assert!(rules::ipv6("fe80::1%eth0").is_err());
/// assert_eq!(rules::ipv6("1.2.3.4").expect_err("should be rejected").kind(), "ip_v6_address");
/// ```
pub fn ipv6<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) if !is_ipv6(s) => Err(catalogue::ip_v6_address()),
        _ => Ok(()),
    }
}

fn is_ipv4(s: &str) -> bool {
    Ipv4Addr::from_str(s).is_ok()
}

fn is_ipv6(s: &str) -> bool {
    Ipv6Addr::from_str(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_forms() {
        for ok in ["0.0.0.0", "255.255.255.255", "1.2.3.4"] {
            assert!(ipv4(ok).is_ok(), "{ok}");
            assert!(ip(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "1.2.3",
            "1.2.3.4.5",
            "256.0.0.1",
            "01.2.3.4",
            "1.2.3.4 ",
            " 1.2.3.4",
            "1.2.3.4/24",
            "0x7f.0.0.1",
            "127.1",
            "1.2.3.-4",
            "١.٢.٣.٤",
            "1.2.3.4\0",
        ] {
            assert!(ipv4(bad).is_err(), "{bad:?}");
            assert!(ip(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn v6_forms() {
        for ok in [
            "::",
            "::1",
            "2001:db8::8a2e:370:7334",
            "::ffff:1.2.3.4",
            "FE80::1",
        ] {
            assert!(ipv6(ok).is_ok(), "{ok}");
            assert!(ip(ok).is_ok(), "{ok}");
            assert!(ipv4(ok).is_err(), "{ok}");
        }
        for bad in [
            "fe80::1%eth0",
            "[::1]",
            "1::2::3",
            "::ffff:01.2.3.4",
            "12345::",
            ":::",
            "::1/128",
        ] {
            assert!(ipv6(bad).is_err(), "{bad:?}");
            assert!(ip(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn errors_and_wrappers() {
        let e = ipv6("x").expect_err("should be rejected");
        assert_eq!(
            (e.kind(), &*e.msg()),
            ("ip_v6_address", "Input is not a valid IPv6 address")
        );
        assert!(e.ctx().is_empty());
        let e = ipv4(&Some("x".to_string())).expect_err("should be rejected");
        assert_eq!(
            (e.kind(), &*e.msg()),
            ("ip_v4_address", "Input is not a valid IPv4 address")
        );
        assert!(ip(&None::<String>).is_ok());
        assert!(ip(&Box::new(std::borrow::Cow::Borrowed("::1"))).is_ok());
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_std_display(a in proptest::prelude::any::<u32>(), b in proptest::prelude::any::<u128>()) {
            let v4 = Ipv4Addr::from(a).to_string();
            let v6 = Ipv6Addr::from(b).to_string();
            proptest::prop_assert!(ipv4(&v4).is_ok() && ip(&v4).is_ok() && ipv6(&v4).is_err());
            proptest::prop_assert!(ipv6(&v6).is_ok() && ip(&v6).is_ok() && ipv4(&v6).is_err());
        }

        #[test]
        fn no_panic_on_any_string(s in proptest::prelude::any::<String>()) {
            let _ = (ip(&s), ipv4(&s), ipv6(&s));
        }
    }
}
