use validate_core::Validate;

/// Neither two strings nor `PartialEq`: the error names both types, on the
/// rule.
#[derive(Validate)]
struct Order {
    quantity: u32,
    #[validate(must_match(quantity))]
    quantity_text: String,
}

/// A generic field without a `PartialEq` bound.
#[derive(Validate)]
struct Pair<T> {
    first: T,
    #[validate(must_match(first))]
    second: T,
}

fn main() {}
