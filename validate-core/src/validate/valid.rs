//! [`Valid<T>`]: a value that has been sanitized and validated.

use std::ops::Deref;

use super::Validate;
use crate::error::ValidationErrors;

/// A value that has passed sanitization and validation. It can only be built
/// by [`Valid::new`] / [`Valid::new_with`] (or, with feature `serde`, by
/// deserializing), so a function that takes a `Valid<T>` never sees an
/// unchecked `T`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Valid<T>(T);

impl<T: Validate<Context = ()>> Valid<T> {
    /// Sanitizes `value`, then validates it.
    pub fn new(value: T) -> Result<Self, ValidationErrors> {
        Self::new_with(value, &())
    }
}

impl<T: Validate> Valid<T> {
    /// Sanitizes `value`, then validates it with `ctx`.
    pub fn new_with(mut value: T, ctx: &T::Context) -> Result<Self, ValidationErrors> {
        value.sanitize();
        value.validate_with(ctx)?;
        Ok(Valid(value))
    }

    /// The checked value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}
