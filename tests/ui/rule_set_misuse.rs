use validate_core::{Validate, rule_set};

fn taken(_: &str, _: &()) -> Result<(), validate_core::ValidationError> {
    Ok(())
}

rule_set! {
    /// Rules that belong on a field, not in a rule set.
    pub Everything: str => each(length(max = 3)), nested, required, custom(taken, context),
        sanitize(with = str::make_ascii_lowercase), lenght(min = 1);
    pub Nothing: str =>;
}

#[derive(Validate)]
struct Form {
    #[validate(rule("Everything"))]
    a: String,
    #[validate(rule)]
    b: String,
}

fn main() {}
