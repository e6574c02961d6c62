use validate_core::Validate;

// `contains(pattern = ..)` is the spelling schemars also reads; the text
// given twice is a mistake, reported on the second one.
#[derive(Validate)]
struct Signup {
    #[validate(contains(pattern = "x", "y"))]
    name: String,
}

fn main() {}
