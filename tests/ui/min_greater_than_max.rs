use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 10, max = 3))]
    name: String,
    #[validate(range(min = 130, max = 13))]
    age: u32,
    #[validate(range(gt = 1.5, lt = 1.5))]
    score: f64,
}

fn main() {}
