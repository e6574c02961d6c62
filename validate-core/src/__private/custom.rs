//! Helpers for custom and cross-field rules.

use crate::error::{LocChain, ValidationError, ValidationErrors};

/// What a struct-level `custom(path)` function may return:
/// `Result<(), ValidationError>` or `Result<(), ValidationErrors>`.
#[diagnostic::on_unimplemented(
    message = "a struct-level `custom` rule must return `Result<(), ValidationError>` or \
               `Result<(), ValidationErrors>`, not `{Self}`"
)]
pub trait StructRuleResult {
    /// Pushes the errors, each placed under `loc` (in front of the loc the
    /// rule chose).
    fn push_into(self, loc: &LocChain<'_>, errors: &mut ValidationErrors);
}

impl StructRuleResult for Result<(), ValidationError> {
    fn push_into(self, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        if let Err(err) = self {
            errors.push_at(loc, err);
        }
    }
}

impl StructRuleResult for Result<(), ValidationErrors> {
    fn push_into(self, loc: &LocChain<'_>, errors: &mut ValidationErrors) {
        if let Err(list) = self {
            errors.extend_at(loc, list);
        }
    }
}

/// Calls a custom rule given as an expression (a closure...) rather than a
/// path, so the generated code never calls a closure where it is written.
pub fn call_custom<T: ?Sized, R>(rule: impl FnOnce(&T) -> R, value: &T) -> R {
    rule(value)
}

/// [`call_custom`] for `custom(expr, context)`.
pub fn call_custom_with<T: ?Sized, C: ?Sized, R>(
    rule: impl FnOnce(&T, &C) -> R,
    value: &T,
    ctx: &C,
) -> R {
    rule(value, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_result_shapes_push_under_the_loc() {
        let mut errors = ValidationErrors::new();
        let root = LocChain::ROOT;
        let at = root.field("form");
        let one: Result<(), ValidationError> =
            Err(ValidationError::new("x", "one").with_loc(["a"]));
        one.push_into(&at, &mut errors);
        let many: Result<(), ValidationErrors> = Err([
            ValidationError::new("y", "two"),
            ValidationError::new("z", "three").with_loc(["b"]),
        ]
        .into_iter()
        .collect());
        many.push_into(&root, &mut errors);
        Ok::<(), ValidationError>(()).push_into(&root, &mut errors);
        assert_eq!(errors.to_string(), "form.a: one\ntwo\nb: three");
    }
}
