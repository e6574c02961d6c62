use validate_core::Validate;

// A mistake on one field does not hide another field's empty list: both
// are reported by one build.
#[derive(Validate)]
struct Tags {
    #[validate(lenght(min = 1))]
    name: String,
    #[validate(each())]
    tags: Vec<String>,
    #[validate(sanitize())]
    bio: String,
}

fn main() {}
