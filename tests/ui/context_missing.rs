use validate_core::{Validate, ValidationError};

struct Limits;

fn not_taken(_: &str, _: &Limits) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate)]
struct Signup {
    #[validate(custom(not_taken, context))]
    name: String,
}

#[derive(Validate)]
#[validate(context = Limits)]
struct Team {
    #[validate(nested)]
    owner: Owner,
}

#[derive(Validate)]
#[validate(context = String)]
struct Owner {
    #[validate(length(min = 1))]
    name: String,
}

fn main() {}
