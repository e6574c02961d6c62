//! The profile service: its update request is typed with the shared
//! newtypes, so a handler can never see an invalid name or email. A
//! rejected newtype is reported with its field's loc (see `crate::read`),
//! then the request's own rules run.

use validate_core::ValidationErrors;

use crate::rules::{Directory, Email, Profile, Username, not_taken};

/// A partial update of an account.
#[derive(Debug, serde::Deserialize, validate_core::Validate)]
#[validate(context = Directory)]
pub(crate) struct ProfileUpdate {
    /// A new name: already a valid `Username`; whether it is free is the
    /// directory's to say.
    #[validate(custom(not_taken, context))]
    pub(crate) user_name: Option<Username>,
    /// A new email.
    pub(crate) email: Option<Email>,
    /// The new profile.
    #[validate(nested)]
    pub(crate) profile: Profile,
}

/// Handles one update body: the checked update, or its errors.
pub(crate) fn handle(body: &str, directory: &Directory) -> Result<ProfileUpdate, ValidationErrors> {
    crate::read(body, directory)
}
