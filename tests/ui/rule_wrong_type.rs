use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3))]
    age: u32,
    #[validate(email)]
    years: u32,
    #[validate(range(min = 1.5))]
    count: u32,
    #[validate(required)]
    name: String,
    #[validate(each(range(max = 3)))]
    tags: String,
    #[validate(keys(length(max = 3)))]
    list: Vec<String>,
    #[validate(sanitize(trim))]
    score: u32,
}

fn main() {}
