use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(lenght(min = 3))]
    name: String,
    #[validate(trim)]
    email: String,
}

fn main() {}
