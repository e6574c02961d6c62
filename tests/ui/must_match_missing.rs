use validate_core::Validate;

#[derive(Validate)]
struct ChangePassword {
    password: String,
    #[validate(must_match(pasword))]
    confirm: String,
    #[validate(must_match(again))]
    again: String,
}

fn main() {}
