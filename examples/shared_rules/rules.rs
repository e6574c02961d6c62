//! The shared rules: what a username, an email, a password and a profile
//! are, written once. In a real system this module is its own crate that
//! every service depends on.
//!
//! Rule sets (`UsernameRules`...) apply to plain fields by name; newtypes
//! (`Username`...) are the types a value becomes once it passed them; the
//! `Directory` is the service state that some rules need.

// This module stands for the shared crate, whose items are public.
#![allow(unreachable_pub)]

use std::collections::HashSet;

use validate_core::{Validate, ValidationError, rule_set};

rule_set! {
    /// 3 to 32 ASCII letters, digits or `_`, compared case-insensitively.
    pub UsernameRules: str => sanitize(trim, nfkc, lowercase), length(min = 3, max = 32),
        charset(ascii_alphanumeric, "_");
    /// An email address, trimmed and lowercased.
    pub EmailRules: str => sanitize(trim, lowercase), length(max = 254), email;
    /// A password: long enough, no control characters, never trimmed.
    pub PasswordRules: str => length(min = 12, max = 128), no_control;
    /// A short text shown to other users.
    pub DisplayTextRules: str => sanitize(trim, strip_invisible, collapse_whitespace),
        no_control;
}

/// A username that passed [`UsernameRules`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Validate)]
#[validate(newtype)]
pub struct Username(#[validate(rule(UsernameRules))] String);

/// An email address that passed [`EmailRules`].
#[derive(Debug, Clone, PartialEq, Eq, Validate)]
#[validate(newtype)]
pub struct Email(#[validate(rule(EmailRules))] String);

/// What the rules need from the running service: the names already taken
/// and the configured limits.
pub struct Directory {
    /// Usernames in use.
    pub taken: HashSet<String>,
    /// The longest bio, from the configuration.
    pub max_bio: usize,
}

/// `custom(not_taken, context)`: the name is free.
pub fn not_taken(name: &str, directory: &Directory) -> Result<(), ValidationError> {
    if directory.taken.contains(name) {
        Err(ValidationError::new(
            "username_taken",
            "This username is already taken",
        ))
    } else {
        Ok(())
    }
}

/// The public profile, part of the signup and of the profile update.
#[derive(Debug, serde::Deserialize, Validate)]
#[validate(context = Directory)]
pub struct Profile {
    /// Shown on the profile page.
    #[validate(rule(DisplayTextRules), length(max = ctx.max_bio))]
    pub bio: String,
    /// A personal page.
    #[validate(url(schemes = ["https"]))]
    pub website: Option<String>,
}
