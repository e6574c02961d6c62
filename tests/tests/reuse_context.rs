//! Shared context: one service state (taken names, a configured limit,
//! blocked domains) checked through `validate_with(&ctx)` by two request
//! types and the nested type they share, beside shared rule sets and
//! newtypes. The rules that need the state are written on the fields, after
//! the context-free ones.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::{Value, json};
use tests::shared_rules::{EmailRules, Username, ZipRules};
use validate_core::de::{self, DeserializeError};
use validate_core::{Valid, Validate, ValidationError, ValidationErrors};

/// What the services know, from their database and configuration.
struct Services {
    taken: HashSet<String>,
    max_bio: usize,
    blocked_domains: Vec<&'static str>,
}

fn services() -> Services {
    Services {
        taken: ["admin", "alice"].into_iter().map(String::from).collect(),
        max_bio: 10,
        blocked_domains: vec!["spam.example"],
    }
}

fn not_taken(name: &str, ctx: &Services) -> Result<(), ValidationError> {
    if ctx.taken.contains(name) {
        Err(ValidationError::new(
            "name_taken",
            "This name is already taken",
        ))
    } else {
        Ok(())
    }
}

fn allowed_domain(email: &str, ctx: &Services) -> Result<(), ValidationError> {
    let domain = email.rsplit('@').next().unwrap_or_default();
    if ctx.blocked_domains.contains(&domain) {
        Err(
            ValidationError::new("domain_blocked", "This email domain is not accepted")
                .with_ctx("domain", domain.to_owned()),
        )
    } else {
        Ok(())
    }
}

/// Shared by both requests, and checked with their context.
#[derive(Debug, Deserialize, Validate)]
#[validate(context = Services)]
struct Profile {
    #[validate(sanitize(trim), length(max = ctx.max_bio))]
    bio: String,
    #[validate(rule(ZipRules))]
    zip: Option<String>,
}

/// Context-free, nested in a context type all the same.
#[derive(Debug, Deserialize, Validate)]
struct Avatar {
    #[validate(url(schemes = ["https"]))]
    url: String,
}

#[derive(Debug, Deserialize, Validate)]
#[validate(context = Services)]
struct Signup {
    /// A newtype is already valid; the check that needs the state is on
    /// the field (`&Username` reaches the `fn(&str, ..)` by deref).
    #[validate(custom(not_taken, context))]
    user_name: Username,
    /// A rule set, then the context: the first failure ends the field.
    #[validate(rule(EmailRules), custom(allowed_domain, context))]
    email: String,
    #[validate(nested)]
    profile: Profile,
    #[validate(nested)]
    avatar: Option<Avatar>,
}

fn differs(update: &ProfileUpdate) -> Result<(), ValidationError> {
    match &update.new_name {
        Some(name) if name.as_str() == update.old_name => Err(ValidationError::new(
            "unchanged",
            "The new name is the old one",
        )
        .with_loc(["new_name"])),
        _ => Ok(()),
    }
}

/// A struct-level rule with the context: the account must exist.
fn known_account(update: &ProfileUpdate, ctx: &Services) -> Result<(), ValidationError> {
    if ctx.taken.contains(&update.old_name) {
        Ok(())
    } else {
        Err(ValidationError::new("unknown_account", "No such account").with_loc(["old_name"]))
    }
}

#[derive(Debug, Deserialize, Validate)]
#[validate(context = Services, custom(differs), custom(known_account, context))]
struct ProfileUpdate {
    old_name: String,
    /// On an `Option`, the custom rule sees the `Username` inside.
    #[validate(custom(not_taken, context))]
    new_name: Option<Username>,
    #[validate(nested)]
    profile: Profile,
}

fn messages(errors: &ValidationErrors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn signup(name: &str, email: &str, bio: &str) -> Signup {
    Signup {
        user_name: Username::new(name).expect("a valid username"),
        email: email.into(),
        profile: Profile {
            bio: bio.into(),
            zip: None,
        },
        avatar: None,
    }
}

#[test]
fn one_context_for_both_requests_and_their_nested_type() {
    let ctx = services();
    let ok = Valid::new_with(signup("bob", " Bob@Example.com ", " hello "), &ctx).expect("valid");
    assert_eq!(ok.email, "bob@example.com");
    assert_eq!(ok.profile.bio, "hello");

    let bad = signup("alice", "eve@spam.example", "far too long a bio");
    assert_eq!(
        messages(&bad.validate_with(&ctx).expect_err("invalid")),
        [
            "user_name: This name is already taken",
            "email: This email domain is not accepted",
            "profile.bio: String should have at most 10 characters",
        ]
    );

    let update = ProfileUpdate {
        old_name: "alice".into(),
        new_name: Some(Username::new("admin").expect("valid")),
        profile: Profile {
            bio: "x".repeat(11),
            zip: Some("7500".into()),
        },
    };
    assert_eq!(
        messages(&update.validate_with(&ctx).expect_err("invalid")),
        [
            "new_name: This name is already taken",
            "profile.bio: String should have at most 10 characters",
            "profile.zip: String should match pattern '^[0-9]{5}$'",
        ]
    );
    let unchanged = ProfileUpdate {
        old_name: "alice".into(),
        new_name: Some(Username::new("alice").expect("valid")),
        profile: Profile {
            bio: String::new(),
            zip: None,
        },
    };
    // `alice` is taken (by this very account) and unchanged: the field
    // failed, so the struct-level `differs` waits instead of repeating it.
    assert_eq!(
        messages(&unchanged.validate_with(&ctx).expect_err("invalid")),
        ["new_name: This name is already taken"]
    );
    let no_name = ProfileUpdate {
        old_name: "alice".into(),
        new_name: None,
        profile: Profile {
            bio: String::new(),
            zip: Some("75001".into()),
        },
    };
    assert!(no_name.validate_with(&ctx).is_ok());
    let unknown = ProfileUpdate {
        old_name: "mallory".into(),
        ..no_name
    };
    assert_eq!(
        messages(&unknown.validate_with(&ctx).expect_err("unknown")),
        ["old_name: No such account"]
    );
}

#[test]
fn the_context_decides() {
    let s = signup("bob", "bob@example.com", "twelve chars");
    assert!(s.validate_with(&services()).is_err());
    let generous = Services {
        max_bio: 500,
        ..services()
    };
    assert!(s.validate_with(&generous).is_ok());
    let strict = Services {
        taken: ["bob".to_owned()].into_iter().collect(),
        ..generous
    };
    assert_eq!(
        messages(&s.validate_with(&strict).expect_err("taken")),
        ["user_name: This name is already taken"]
    );
}

#[test]
fn the_context_free_rules_run_first() {
    // Not an email: the rule set's failure ends the field before the
    // domain check.
    let s = signup("bob", "nope@", "");
    let errors = s.validate_with(&services()).expect_err("invalid");
    assert_eq!(
        errors.iter().map(|e| e.kind()).collect::<Vec<_>>(),
        ["value_error"]
    );
    // A context-free nested type inside a context type.
    let mut s = signup("bob", "bob@example.com", "");
    s.avatar = Some(Avatar {
        url: "http://example.com/a.png".into(),
    });
    assert_eq!(
        messages(&s.validate_with(&services()).expect_err("http")),
        ["avatar.url: URL scheme should be 'https'"]
    );
}

fn read(input: Value) -> Result<Valid<Signup>, Value> {
    let text = input.to_string();
    let mut reader = serde_json::Deserializer::from_str(&text);
    match de::deserialize_valid_with::<Signup, _>(&mut reader, &services()) {
        Ok(valid) => Ok(valid),
        Err(DeserializeError::Invalid(errors)) => {
            Err(serde_json::to_value(&errors).expect("serializes"))
        }
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn deserialized_with_the_context() {
    let ok = read(json!({
        "user_name": " bob ",
        "email": "bob@example.com",
        "profile": {"bio": "hi", "zip": "75001"},
        "avatar": null
    }))
    .expect("valid");
    assert_eq!(ok.user_name.as_str(), "bob");
    // The newtype rejects while being read: its loc, no context needed.
    assert_eq!(
        read(json!({
            "user_name": "b",
            "email": "bob@example.com",
            "profile": {"bio": "hi", "zip": null},
            "avatar": null
        }))
        .expect_err("short name"),
        json!([{
            "type": "string_too_short",
            "loc": ["user_name"],
            "msg": "String should have at least 3 characters",
            "ctx": {"min_length": 3}
        }])
    );
    // Read completely: the context rules run.
    assert_eq!(
        read(json!({
            "user_name": "alice",
            "email": "x@spam.example",
            "profile": {"bio": "hi", "zip": null},
            "avatar": null
        }))
        .expect_err("taken, blocked"),
        json!([
            {"type": "name_taken", "loc": ["user_name"], "msg": "This name is already taken"},
            {"type": "domain_blocked", "loc": ["email"], "msg": "This email domain is not accepted",
             "ctx": {"domain": "spam.example"}}
        ])
    );
}
