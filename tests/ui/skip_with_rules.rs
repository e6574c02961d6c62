use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(skip, length(min = 3))]
    name: String,
}

fn main() {}
