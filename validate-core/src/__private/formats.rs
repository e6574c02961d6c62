//! The variants of format rules that the derive selects by a flag
//! (`#[validate(hostname(trailing_dot))]`) and that are a public rule with
//! fixed arguments: the derive's table calls a function of the value alone.

use crate::error::ValidationError;
use crate::rules::{self, HostnamePolicy, StrInput};

/// A fully qualified name may end with the root's dot.
const TRAILING_DOT: HostnamePolicy = HostnamePolicy::new().trailing_dot(true);

/// `#[validate(hostname(trailing_dot))]`.
pub fn hostname_trailing_dot<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    rules::hostname_with(value, &TRAILING_DOT)
}

/// `#[validate(domain(trailing_dot))]`.
pub fn domain_trailing_dot<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    rules::domain_with(value, &TRAILING_DOT)
}
