//! The scenario for this library, `#[derive(Validate)]` as DESIGN.md writes
//! it, with `charset(ascii_alphanumeric, "_")` for the username (a hand-made
//! check, where the peers run a regex).
//!
//! Semantics: lengths in chars; every field checked; a field's first failure
//! ends that field; a `tags` list over its maximum reports only that, else
//! each failing tag at its index. `url` accepts `http` and `https` only
//! (Pydantic's `HttpUrl`), where validator and garde take any scheme.

use validate_core::Validate;

use crate::scenario;

/// The request.
#[derive(Clone, Debug, Validate)]
pub struct SignupRequest {
    #[validate(length(min = 3, max = 32), charset(ascii_alphanumeric, "_"))]
    username: String,
    #[validate(email)]
    email: String,
    #[validate(length(min = 12, max = 128))]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
    #[validate(length(max = 500))]
    bio: String,
}

/// The nested address.
#[derive(Clone, Debug, Validate)]
pub struct Address {
    #[validate(length(min = 1, max = 100))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
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

/// The scaling series' long string under the username pattern.
#[derive(Debug, Validate)]
pub struct Word {
    #[validate(pattern("^[a-zA-Z0-9_]+$"))]
    s: String,
}

/// The scaling series' long string under the username charset.
#[derive(Debug, Validate)]
pub struct Charset {
    #[validate(charset(ascii_alphanumeric, "_"))]
    s: String,
}

/// The scaling series' long text, counted in graphemes. `min = 2` makes the
/// count necessary: with a maximum alone, a text of fewer bytes than the
/// maximum passes uncounted.
#[derive(Debug, Validate)]
pub struct Graphemes {
    #[validate(length(min = 2, max = 20_000_000, unit = graphemes))]
    s: String,
}

impl From<String> for Word {
    fn from(s: String) -> Self {
        Word { s }
    }
}

impl From<String> for Charset {
    fn from(s: String) -> Self {
        Charset { s }
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
        let errors = SignupRequest::from(&scenario::invalid())
            .validate()
            .expect_err("every field of the invalid request fails");
        assert_eq!(errors.len(), scenario::INVALID_FAILURES);
        let kinds: Vec<&str> = errors.iter().map(|e| e.kind()).collect();
        assert_eq!(
            kinds,
            [
                "string_charset",
                "value_error",
                "string_too_short",
                "greater_than_equal",
                "url_parsing",
                "string_too_short",
                "string_too_long",
                "string_too_short",
                "string_too_short",
                "string_pattern_mismatch",
                "string_too_long",
            ]
        );
        assert_eq!(
            errors.iter().nth(6).map(|e| e.loc().to_string()).as_deref(),
            Some("tags[2]")
        );
    }

    #[test]
    fn scaling_models_accept_their_inputs() {
        assert!(Word::from("a_1".to_owned()).validate().is_ok());
        assert!(Word::from("a 1".to_owned()).validate().is_err());
        assert!(Charset::from("a_1".to_owned()).validate().is_ok());
        assert!(Charset::from("a 1".to_owned()).validate().is_err());
        assert!(Graphemes::from("e\u{301}".to_owned()).validate().is_ok());
        let valid = scenario::valid().address;
        assert!(Items::from(std::slice::from_ref(&valid)).validate().is_ok());
    }
}
