//! The DNS length limits that `email` and `url` apply to a domain, both
//! measured on its ASCII form (IDN labels as their `xn--` A-labels), as
//! UTS #46's VerifyDnsLength and WHATWG's strict domain-to-ASCII do.

/// The most octets in one label (RFC 1035 section 2.3.4).
pub(super) const MAX_LABEL: usize = 63;

/// The most octets in a domain name, written dotted without the root
/// label's dot (RFC 1035 section 2.3.4).
pub(super) const MAX_NAME: usize = 253;
