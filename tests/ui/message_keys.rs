use validate_core::{Validate, ValidationError};

fn check(_: &str) -> Result<(), ValidationError> {
    Ok(())
}

// A message names only ctx keys every error of its rule has.
#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3, message = "at least {max_length} characters"))]
    name: String,
    #[validate(length(min = 1, max = 9, message = "between {min_length} and {max_length}"))]
    nick: String,
    #[validate(custom(check, message = "bad {value}"))]
    code: String,
    #[validate(email(message = "not {reason"))]
    email: String,
}

fn main() {}
