//! The scenario for the `validator` crate (0.21), in its idiomatic
//! attributes.
//!
//! Differences from the scenario, all from what validator offers:
//! - validator has no rule for the items of a `Vec<String>`: the tags are
//!   checked by a `custom` function, which reports one error for the whole
//!   field instead of one per failing item (so it reports 10 errors on the
//!   invalid request where the others report 11).
//! - every rule of a field runs (no stop at the first failure); on the
//!   scenario's inputs each field fails one rule only, so the counts agree.
//! - validator's own email check (HTML5-like, IDN-aware) and `url::Url::parse`
//!   for the url, which accepts any scheme.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::scenario;

static USERNAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^[a-zA-Z0-9_]+$").unwrap_or_else(|e| unreachable!("a literal regex: {e}"))
});
static ZIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^[0-9]{5}$").unwrap_or_else(|e| unreachable!("a literal regex: {e}"))
});

/// The request, for validator.
#[derive(Clone, Debug, Validate)]
pub struct SignupRequest {
    #[validate(length(min = 3, max = 32), regex(path = *USERNAME))]
    username: String,
    #[validate(email)]
    email: String,
    #[validate(length(min = 12, max = 128))]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), custom(function = "tags_items"))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
    #[validate(length(max = 500))]
    bio: String,
}

/// The nested address, for validator.
#[derive(Clone, Debug, Validate)]
pub struct Address {
    #[validate(length(min = 1, max = 100))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(regex(path = *ZIP))]
    zip: String,
}

/// Each tag 1..=20 chars: validator has no per-item rule.
fn tags_items(tags: &[String]) -> Result<(), ValidationError> {
    if tags.iter().all(|t| (1..=20).contains(&t.chars().count())) {
        Ok(())
    } else {
        Err(ValidationError::new("length").with_message(Cow::Borrowed("each tag: 1 to 20 chars")))
    }
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

/// The scaling series' list of nested items.
#[derive(Debug, Validate)]
pub struct Items {
    #[validate(nested)]
    items: Vec<Address>,
}

impl From<&[scenario::Address]> for Items {
    fn from(items: &[scenario::Address]) -> Self {
        Items {
            items: items.iter().map(Address::from).collect(),
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

/// The scaling series' long string under the username pattern.
#[derive(Debug, Validate)]
pub struct Word {
    #[validate(regex(path = *USERNAME))]
    s: String,
}

/// The number of leaf errors in validator's tree of errors.
pub fn count(errors: &ValidationErrors) -> usize {
    errors
        .errors()
        .values()
        .map(|kind| match kind {
            ValidationErrorsKind::Field(list) => list.len(),
            ValidationErrorsKind::Struct(inner) => count(inner),
            ValidationErrorsKind::List(items) => items.values().map(|e| count(e)).sum(),
        })
        .sum()
}

impl From<String> for Word {
    fn from(s: String) -> Self {
        Word { s }
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
        // One error for the two failing tags: see the module docs.
        assert_eq!(count(&errors), scenario::INVALID_FAILURES - 1);
    }
}
