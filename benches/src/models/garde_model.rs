//! The scenario for the `garde` crate (0.23), in its idiomatic attributes.
//!
//! Differences from the scenario, all from what garde offers:
//! - garde's `length` counts bytes unless told otherwise: every length here
//!   says `chars`.
//! - every rule of a field runs (no stop at the first failure), and a `tags`
//!   list over its maximum still has its items checked; on the scenario's
//!   inputs each field fails one rule only, so the counts agree.
//! - garde has no charset rule with extra characters: the username uses
//!   `pattern`, as a garde user would.
//! - garde's own email parser (a regex for the local part) and
//!   `url::Url::parse` for the url, which accepts any scheme.

use garde::Validate;

use crate::scenario;

/// The request, for garde.
#[derive(Clone, Debug, Validate)]
pub struct SignupRequest {
    #[garde(length(chars, min = 3, max = 32), pattern(r"^[a-zA-Z0-9_]+$"))]
    username: String,
    #[garde(email)]
    email: String,
    #[garde(length(chars, min = 12, max = 128))]
    password: String,
    #[garde(range(min = 13, max = 130))]
    age: u32,
    #[garde(url)]
    website: Option<String>,
    #[garde(length(max = 10), inner(length(chars, min = 1, max = 20)))]
    tags: Vec<String>,
    #[garde(dive)]
    address: Address,
    #[garde(length(chars, max = 500))]
    bio: String,
}

/// The nested address, for garde.
#[derive(Clone, Debug, Validate)]
pub struct Address {
    #[garde(length(chars, min = 1, max = 100))]
    street: String,
    #[garde(length(chars, min = 1, max = 50))]
    city: String,
    #[garde(pattern(r"^[0-9]{5}$"))]
    zip: String,
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

/// The scaling series' list of nested items.
#[derive(Debug, Validate)]
pub struct Items {
    #[garde(dive)]
    items: Vec<Address>,
}

impl From<&[scenario::Address]> for Items {
    fn from(items: &[scenario::Address]) -> Self {
        Items {
            items: items.iter().map(Address::from).collect(),
        }
    }
}

/// The scaling series' long string under the username pattern.
#[derive(Debug, Validate)]
pub struct Word {
    #[garde(pattern(r"^[a-zA-Z0-9_]+$"))]
    s: String,
}

/// The scaling series' long text, counted in graphemes.
#[derive(Debug, Validate)]
pub struct Graphemes {
    #[garde(length(graphemes, min = 2, max = 20_000_000))]
    s: String,
}

impl From<String> for Word {
    fn from(s: String) -> Self {
        Word { s }
    }
}

impl From<String> for Graphemes {
    fn from(s: String) -> Self {
        Graphemes { s }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_verdicts() {
        assert!(SignupRequest::from(&scenario::valid()).validate().is_ok());
        let report = SignupRequest::from(&scenario::invalid())
            .validate()
            .expect_err("every field of the invalid request fails");
        assert_eq!(report.iter().count(), scenario::INVALID_FAILURES);
    }
}
