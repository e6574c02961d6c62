use validate_core::Validate;

fn check(_: &str) -> Result<(), validate_core::ValidationError> {
    Ok(())
}

#[derive(Validate)]
struct Signup {
    // Two patterns and two custom rules are fine.
    #[validate(length(min = 3), pattern("^[a-z]"), pattern("[0-9]$"), custom(check), custom(check))]
    #[validate(length(max = 10))]
    name: String,
    #[validate(each(range(max = 3)), each(range(min = 1)))]
    scores: Vec<u8>,
}

fn main() {}
