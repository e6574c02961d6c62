use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(pattern("^[a-z+$"))]
    name: String,
    #[validate(pattern("^(?!admin).*$"))]
    login: String,
    #[validate(pattern(r"^\p{L}+\d*(?i)x$"))]
    fine: String,
}

fn main() {}
