//! Rule sets and rule newtypes shared by the `reuse_*` tests. They are
//! declared in this library crate and used by the test crates, as a team's
//! shared rules crate is used by its services.

use validate_core::{Validate, ValidationError, rule_set};

rule_set! {
    /// 3 to 32 ASCII letters, digits or `_`, after trimming and NFKC.
    pub UsernameRules: str => sanitize(trim, nfkc), length(min = 3, max = 32),
        charset(ascii_alphanumeric, "_");
    /// An email address, trimmed and lowercased.
    pub EmailRules: str => sanitize(trim, lowercase), email;
    /// An age in years.
    pub AgeRules: u32 => range(min = 13, max = 130);
    /// A tag, with its own message.
    pub TagRules: str => sanitize(trim),
        length(min = 1, max = 20, message = "Tags have 1 to 20 characters");
    /// A French postal code.
    pub ZipRules: str => pattern("^[0-9]{5}$");
    /// A username that starts with `admin_`: another rule set, then a rule.
    pub AdminNameRules: str => rule(UsernameRules), prefix("admin_", code = "admin_prefix");
    /// An even number, by a custom function.
    pub EvenRules: u32 => custom(even);
    /// A slug: a custom sanitizer on the owned `String`, then a length.
    pub SlugRules: String => sanitize(with = slugify), length(min = 1, max = 10);
}

/// `custom` function of [`EvenRules`].
pub fn even(value: &u32) -> Result<(), ValidationError> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(ValidationError::new("even", "Value should be even"))
    }
}

/// `with` sanitizer of [`SlugRules`]: trimmed, lowercase, spaces to
/// dashes. A slug is left as it is (no allocation).
pub fn slugify(value: &mut String) {
    let clean =
        value.trim() == value && !value.contains(' ') && value.chars().all(|c| !c.is_uppercase());
    if !clean {
        *value = value.trim().to_lowercase().replace(' ', "-");
    }
}

/// A username that passed [`UsernameRules`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Validate)]
#[validate(newtype)]
pub struct Username(#[validate(rule(UsernameRules))] String);

/// An email address that passed [`EmailRules`].
#[derive(Debug, Clone, PartialEq, Eq, Validate)]
#[validate(newtype)]
pub struct Email(#[validate(rule(EmailRules))] String);

/// An age that passed [`AgeRules`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Validate)]
#[validate(newtype)]
pub struct Age(#[validate(rule(AgeRules))] u32);

/// A tag that passed [`TagRules`].
#[derive(Debug, Clone, PartialEq, Eq, Validate)]
#[validate(newtype)]
pub struct Tag(#[validate(rule(TagRules))] String);

/// A postal code that passed [`ZipRules`].
#[derive(Debug, Clone, PartialEq, Eq, Validate)]
#[validate(newtype)]
pub struct Zip(#[validate(rule(ZipRules))] String);

/// A nickname whose rules are written inline, not through a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Validate)]
#[validate(newtype)]
pub struct Nickname(#[validate(sanitize(trim), length(min = 2, max = 20), no_control)] String);
