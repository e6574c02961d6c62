//! The inputs: one realistic valid signup and one where every field fails,
//! as plain data that each library's model is built from, so every library
//! checks exactly the same strings.

/// The fields of DESIGN.md's `SignupRequest` plus `bio`, library-neutral.
#[derive(Clone, Debug)]
pub struct Signup {
    /// 3..=32 chars of `[a-zA-Z0-9_]`.
    pub username: String,
    /// An email address.
    pub email: String,
    /// 12..=128 chars.
    pub password: String,
    /// 13..=130.
    pub age: u32,
    /// An http(s) URL, when given.
    pub website: Option<String>,
    /// At most 10, each 1..=20 chars.
    pub tags: Vec<String>,
    /// Checked as a nested value.
    pub address: Address,
    /// At most 500 chars.
    pub bio: String,
}

/// The nested part.
#[derive(Clone, Debug)]
pub struct Address {
    /// 1..=100 chars.
    pub street: String,
    /// 1..=50 chars.
    pub city: String,
    /// Five ASCII digits.
    pub zip: String,
}

/// A realistic valid request: bio of about 300 chars (a few of them
/// non-ASCII, so counting chars and counting bytes differ), 5 tags, website
/// set.
pub fn valid() -> Signup {
    let bio = "Backend engineer in Zürich, mostly Rust and a bit of Go. \
               I maintain a couple of small crates for parsing and validation, \
               write about API design and error handling, and spend weekends \
               cycling around the lake. Café owner's daughter; fluent in German, \
               French and English. Currently learning about distributed tracing."
        .to_owned();
    Signup {
        username: "alice_smith42".to_owned(),
        email: "alice.smith@mail.example.com".to_owned(),
        password: "correct horse battery staple".to_owned(),
        age: 34,
        website: Some("https://alice.example.com/about?tab=profile".to_owned()),
        tags: ["rust", "backend", "security", "open-source", "cycling"]
            .map(str::to_owned)
            .to_vec(),
        address: Address {
            street: "221B Baker Street".to_owned(),
            city: "London".to_owned(),
            zip: "12345".to_owned(),
        },
        bio,
    }
}

/// A request where every field fails, each on exactly one rule (so every
/// library that stops or not at a field's first failure reports the same):
/// 11 failures — 2 of them inside `tags`, 3 inside `address`.
pub fn invalid() -> Signup {
    Signup {
        // Right length, wrong characters: fails the pattern / charset only.
        username: "no spaces allowed".to_owned(),
        email: "not-an-email".to_owned(),
        password: "short".to_owned(),
        age: 7,
        // No scheme: every URL parser rejects it (relative URL without a base).
        website: Some("www.example.com/about".to_owned()),
        tags: vec![
            "ok".to_owned(),
            String::new(),
            "this-tag-is-far-too-long".to_owned(),
        ],
        address: Address {
            street: String::new(),
            city: String::new(),
            zip: "ABCDE".to_owned(),
        },
        bio: "é".repeat(501),
    }
}

/// The number of failures [`invalid`] holds, by the rules of the scenario.
pub const INVALID_FAILURES: usize = 11;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_fits_the_scenario() {
        let v = valid();
        assert!((250..=350).contains(&v.bio.chars().count()));
        assert!(v.bio.len() > v.bio.chars().count());
        assert_eq!(v.tags.len(), 5);
    }

    #[test]
    fn invalid_bio_is_long_in_chars_not_only_bytes() {
        assert_eq!(invalid().bio.chars().count(), 501);
    }
}
