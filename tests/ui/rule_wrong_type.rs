use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3))]
    age: u32,
    #[validate(range(min = 1.5))]
    count: u32,
    #[validate(required)]
    name: String,
    #[validate(each(range(max = 3)))]
    tags: String,
}

fn main() {}
