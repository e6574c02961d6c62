use validate_core::Validate;

// `one_of(PATH)` reads a list; a lone constant value is not one.
const ADMIN: &str = "admin";

#[derive(Validate)]
struct Account {
    #[validate(one_of(ADMIN))]
    role: String,
}

fn main() {}
