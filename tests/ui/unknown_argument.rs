use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3, maxx = 10))]
    name: String,
    #[validate(range(min = 1, ge = 2))]
    age: u32,
}

fn main() {}
