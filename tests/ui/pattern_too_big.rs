use validate_core::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern("^\\w{1000}{1000}$"))]
    code: String,
}

fn main() {}
