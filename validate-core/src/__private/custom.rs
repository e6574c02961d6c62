//! Helpers for custom and cross-field rules.

use crate::error::{LocChain, ValidationError, ValidationErrors, catalogue};
use crate::rules::StrInput;

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

/// `must_match(other)`: `fields_mismatch` naming `other` (its wire name)
/// when the two values differ.
pub fn must_match<A, B>(
    value: &A,
    other: &B,
    other_name: &'static str,
) -> Result<(), ValidationError>
where
    A: PartialEq<B> + ?Sized,
    B: ?Sized,
{
    if value == other {
        Ok(())
    } else {
        Err(catalogue::fields_mismatch(other_name))
    }
}

/// `must_match(other)` when a side is a `secrecy` secret (no `PartialEq`):
/// the two strings compared, both `None` matching as `PartialEq` on
/// `Option` would. The comparison does not stop at the first differing
/// byte (the lengths still show in its time), and the error carries
/// neither value.
pub fn must_match_str<A, B>(
    value: &A,
    other: &B,
    other_name: &'static str,
) -> Result<(), ValidationError>
where
    A: StrInput + ?Sized,
    B: StrInput + ?Sized,
{
    let same = match (value.input_str(), other.input_str()) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.bytes()
                    .zip(b.bytes())
                    .fold(0u8, |diff, (x, y)| diff | (x ^ y))
                    == 0
        }
        (a, b) => a.is_none() && b.is_none(),
    };
    if same {
        Ok(())
    } else {
        Err(catalogue::fields_mismatch(other_name))
    }
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

    #[test]
    fn must_match_compares() {
        assert!(must_match("a", "a", "password").is_ok());
        let e = must_match(&String::from("a"), &String::from("b"), "password").expect_err("fails");
        assert_eq!(e.kind(), "fields_mismatch");
        assert_eq!(e.msg(), "Value should match field 'password'");
    }

    #[test]
    fn must_match_str_compares_strings_and_absence() {
        assert!(must_match_str("secret", &String::from("secret"), "p").is_ok());
        assert!(must_match_str(&None::<String>, &None::<&str>, "p").is_ok());
        for (a, b) in [
            ("secret", Some("secreT")),
            ("secret", Some("secret ")),
            ("", None),
        ] {
            let e = must_match_str(a, &b, "p").expect_err("differ");
            assert_eq!(e.kind(), "fields_mismatch");
            assert!(!format!("{e:?} {e}").contains("secret"));
        }
    }
}
