use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(sanitize(trim, lowercse))]
    name: String,
    #[validate(sanitize(email))]
    email: String,
}

fn main() {}
