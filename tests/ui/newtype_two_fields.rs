use validate_core::Validate;

#[derive(Validate)]
#[validate(newtype)]
struct FullName(#[validate(length(min = 1))] String, #[validate(length(min = 1))] String);

fn main() {}
