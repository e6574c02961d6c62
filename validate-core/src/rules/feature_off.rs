//! The rules whose cargo feature is off, as functions no value can call:
//! their bound is a trait nothing implements, whose diagnostic names the
//! feature. `#[validate(date)]` without `dates` then fails to compile with
//! "the `date`, `datetime` and `time` rules need validate-core's `dates`
//! feature" on the attribute, rather than "cannot find function `date`".
//!
//! Not shown in the docs; with the features on, the real rules take these
//! names and this module is not compiled.

use crate::error::ValidationError;

mod sealed {
    /// Keeps the marker traits unimplementable outside this module (and
    /// nothing inside implements them).
    pub trait Sealed {}
}

/// Implemented by nothing: the bound of `date`, `datetime` and `time`
/// when the `dates` feature is off.
#[cfg(not(feature = "dates"))]
#[diagnostic::on_unimplemented(
    message = "the `date`, `datetime` and `time` rules need validate-core's `dates` feature",
    label = "needs the `dates` feature",
    note = "turn it on: `validate-core = {{ version = \"..\", features = [\"dates\"] }}` (or `full`)"
)]
pub trait DatesFeature: sealed::Sealed {
    /// Never runs: no type implements the trait, so the functions below
    /// cannot be called.
    fn unavailable(&self) -> Result<(), ValidationError>;
}

/// `date` without the `dates` feature: cannot be called.
#[cfg(not(feature = "dates"))]
pub fn date<S: DatesFeature + ?Sized>(value: &S) -> Result<(), ValidationError> {
    value.unavailable()
}

/// `datetime` without the `dates` feature: cannot be called.
#[cfg(not(feature = "dates"))]
pub fn datetime<S: DatesFeature + ?Sized>(value: &S) -> Result<(), ValidationError> {
    value.unavailable()
}

/// `time` without the `dates` feature: cannot be called.
#[cfg(not(feature = "dates"))]
pub fn time<S: DatesFeature + ?Sized>(value: &S) -> Result<(), ValidationError> {
    value.unavailable()
}

/// `date_range` without the `dates` feature: cannot be called.
#[cfg(not(feature = "dates"))]
pub fn date_range<S: DatesFeature + ?Sized, R>(
    value: &S,
    _bounds: R,
) -> Result<(), ValidationError> {
    value.unavailable()
}

/// Implemented by nothing: the bound of `phone_strict` when the
/// `phonenumber` feature is off.
#[cfg(not(feature = "phonenumber"))]
#[diagnostic::on_unimplemented(
    message = "`phone(strict)` / `phone_strict` needs validate-core's `phonenumber` feature",
    label = "needs the `phonenumber` feature",
    note = "turn it on: `validate-core = {{ version = \"..\", features = [\"phonenumber\"] }}` (or `full`)"
)]
pub trait PhonenumberFeature: sealed::Sealed {
    /// Never runs: no type implements the trait, so `phone_strict` cannot
    /// be called.
    fn unavailable(&self) -> Result<(), ValidationError>;
}

/// `phone_strict` without the `phonenumber` feature: cannot be called.
#[cfg(not(feature = "phonenumber"))]
pub fn phone_strict<S: PhonenumberFeature + ?Sized>(value: &S) -> Result<(), ValidationError> {
    value.unavailable()
}
