use validate_core::Validate;

struct Address {
    street: String,
}

#[derive(Validate)]
struct Signup {
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    others: Vec<Address>,
}

fn main() {}
