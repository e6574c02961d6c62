//! The [`Validate`] trait family and [`Valid<T>`].

mod containers;
mod depth;
mod rule_set;
mod valid;

pub use depth::{DEFAULT_MAX_DEPTH, DepthGuard, max_depth, set_max_depth};
pub use rule_set::{RuleSet, RuleSetSanitize};
pub use valid::Valid;

use crate::error::{LocChain, ValidationErrors};

/// A value that can be sanitized and validated. Derive it with
/// `#[derive(Validate)]`.
///
/// The derive implements [`validate_into`](Validate::validate_into) (every
/// rule of every field, errors placed at `loc`) and
/// [`sanitize`](Validate::sanitize); the other methods are provided.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    label = "`{Self}` needs `#[derive(Validate)]`",
    note = "`nested`, `Valid<T>` and `validate()` need a type that derives `Validate` (or a list, set, map, Option or pointer of one)"
)]
pub trait Validate {
    /// Outside data the rules need (a set of taken names, a limit from
    /// config); `()` for types that need none.
    type Context: ?Sized;

    /// Checks every rule and pushes each failure, placed under `loc`, onto
    /// `errors`. Does not allocate when the value is valid.
    fn validate_into(&self, ctx: &Self::Context, loc: &LocChain<'_>, errors: &mut ValidationErrors);

    /// Canonicalizes the value in place, per its `sanitize(...)` entries,
    /// recursing through `nested`. The default does nothing.
    fn sanitize(&mut self) {}

    /// Checks the value with a context; every failure, in field order.
    fn validate_with(&self, ctx: &Self::Context) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_into(ctx, &LocChain::ROOT, &mut errors);
        errors.into_result()
    }

    /// Checks the value; every failure, in field order.
    fn validate(&self) -> Result<(), ValidationErrors>
    where
        Self: Validate<Context = ()>,
    {
        self.validate_with(&())
    }
}

/// Validation inside an outer value whose context is `C`: what `nested`
/// calls. The derive implements it for every `C` when the type needs no
/// context (so a context-free type nests inside any other), and for its own
/// context type otherwise.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be validated as a nested value with context `{C}`",
    label = "`nested` needs a type that derives `Validate` (or a list, set, map, Option or pointer of one)",
    note = "a type with `#[validate(context = X)]` nests only inside types with the same context"
)]
pub trait ValidateIn<C: ?Sized> {
    /// Checks every rule, placing failures under `loc`.
    fn validate_in(&self, ctx: &C, loc: &LocChain<'_>, errors: &mut ValidationErrors);
}
