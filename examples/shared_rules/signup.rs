//! The signup service: a public form that must report every mistake at
//! once, so its request has plain fields checked by the shared rule sets;
//! the newtypes are built from the valid request.

use validate_core::ValidationErrors;

use crate::rules::{
    Directory, Email, EmailRules, PasswordRules, Profile, Username, UsernameRules, not_taken,
};

/// The signup form.
#[derive(Debug, serde::Deserialize, validate_core::Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Directory)]
pub(crate) struct SignupRequest {
    #[validate(rule(UsernameRules), custom(not_taken, context))]
    user_name: String,
    #[validate(rule(EmailRules))]
    email: String,
    #[validate(rule(PasswordRules))]
    password: String,
    #[validate(must_match(password))]
    password_confirm: String,
    #[validate(nested)]
    profile: Profile,
}

/// A new account.
#[derive(Debug)]
pub(crate) struct Account {
    /// Its name.
    pub(crate) name: Username,
    /// Where to write to.
    pub(crate) email: Email,
}

/// Handles one signup body: the new account, or every error.
pub(crate) fn handle(body: &str, directory: &Directory) -> Result<Account, ValidationErrors> {
    let request: SignupRequest = crate::read(body, directory)?;
    // The fields passed the same rules the newtypes run, already sanitized:
    // building the newtypes cannot fail here, and costs one check each.
    Ok(Account {
        name: Username::new(request.user_name)?,
        email: Email::new(request.email)?,
    })
}
