use validate_core::Validate;

struct Limits;

/// A visible field would let code build an unchecked value.
#[derive(Validate)]
#[validate(newtype)]
pub struct Username(#[validate(length(min = 3))] pub String);

#[derive(Validate)]
#[validate(newtype)]
struct Wrapper<T>(#[validate(nested)] T);

#[derive(Validate)]
#[validate(newtype, context = Limits)]
struct Bio(#[validate(length(max = 500))] String);

#[derive(Validate)]
#[validate(newtype)]
struct Named {
    #[validate(length(min = 1))]
    name: String,
}

#[derive(Validate)]
#[validate(newtype)]
enum Either {
    A(#[validate(length(min = 1))] String),
}

fn main() {}
