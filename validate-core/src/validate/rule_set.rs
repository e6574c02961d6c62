//! [`RuleSet`] and [`RuleSetSanitize`]: a named list of rules and
//! sanitizers, declared once (with [`rule_set!`](crate::rule_set!) or by
//! hand) and applied to fields by name with `#[validate(rule(Name))]`.
//!
//! Checking and sanitizing are two traits because they apply to different
//! types: a set that trims checks a `&str` as well as a `String`, but can
//! only sanitize the `String`.

use crate::error::ValidationError;

/// The rules of a named rule set, for values of type `V`, applied to a field
/// with `#[validate(rule(Name))]` exactly as if they were written there:
/// same order, same first-failure-ends-the-field, same errors. Its
/// sanitizers are the [`RuleSetSanitize`] impl.
///
/// Declare one with [`rule_set!`](crate::rule_set!), which implements both
/// traits for every field type the rules can read (`String`, `&str`,
/// `Option<String>`, `Box<str>`...). By hand, implement them generically the
/// same way, so that the set applies to every shape of the value:
///
/// ```
/// use validate_core::{RuleSet, RuleSetSanitize, Validate, ValidationError, rules, sanitize};
/// use validate_core::rules::{CharClass, Charset, HasLength, StrInput};
/// use validate_core::sanitize::SanitizeStr;
///
/// /// A country code: two ASCII capitals, after trimming and uppercasing.
/// pub struct Country;
///
/// static CAPITALS: Charset = Charset::new(&[CharClass::AsciiUppercase], "", &[]);
///
/// impl<V: StrInput + HasLength + ?Sized> RuleSet<V> for Country {
///     fn check(value: &V) -> Result<(), ValidationError> {
///         rules::length(value, 2..=2)?;
///         rules::charset(value, &CAPITALS)
///     }
/// }
///
/// impl<V: SanitizeStr + ?Sized> RuleSetSanitize<V> for Country {
///     fn sanitize(value: &mut V) {
///         sanitize::trim(value);
///         sanitize::uppercase(value);
///     }
/// }
///
/// #[derive(Validate)]
/// struct Address {
///     #[validate(rule(Country))]
///     country: String,
///     #[validate(rule(Country))]
///     billing_country: Option<String>,
/// }
///
/// let mut a = Address { country: " fr ".into(), billing_country: Some("Deu".into()) };
/// a.sanitize();
/// assert_eq!(a.country, "FR");
/// let err = a.validate().unwrap_err();
/// assert_eq!(err.to_string(), "billing_country: String should have at most 2 characters");
/// // A plain function too.
/// assert!(<Country as RuleSet<str>>::check("FR").is_ok());
/// ```
#[diagnostic::on_unimplemented(
    message = "rule set `{Self}` cannot check a `{V}`",
    label = "`rule(..)` names a rule set, declared with `validate_core::rule_set!`",
    note = "a rule set for `str` applies to strings (`String`, `&str`, `Cow<str>`, also in `Option` or a pointer), a rule set for `T` to `T`, `Option<T>` and pointers to `T`"
)]
pub trait RuleSet<V: ?Sized> {
    /// Runs the rules on `value`, in order: the first failure, or `Ok`.
    /// Does not allocate when the value passes.
    fn check(value: &V) -> Result<(), ValidationError>;
}

/// The sanitizers of a named rule set, for values of type `V`: what
/// `#[validate(rule(Name))]` runs when the field is sanitized, where it
/// stands among the field's sanitizers. A set without sanitizers
/// implements it for every type, with the default (empty) method.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no sanitizers for a `{V}`: it is not a rule set, or lacks its `RuleSetSanitize` impl",
    label = "`rule(..)` names a rule set, declared with `validate_core::rule_set!`",
    note = "a rule set written by hand implements `RuleSetSanitize` too: an empty impl when it has no sanitizer"
)]
pub trait RuleSetSanitize<V: ?Sized> {
    /// Runs the sanitizers on `value`, in order. The default does nothing.
    fn sanitize(value: &mut V) {
        let _ = value;
    }
}
