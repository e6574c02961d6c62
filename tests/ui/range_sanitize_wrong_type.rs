use validate_core::Validate;

// `range` on a string and a sanitizer on a number: each error names the
// rule and the type, as `length`'s does.
#[derive(Validate)]
struct Signup {
    #[validate(range(min = 1, max = 10))]
    name: String,
    #[validate(sanitize(trim))]
    age: u32,
}

fn main() {}
