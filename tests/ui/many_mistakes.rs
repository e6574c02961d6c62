use validate_core::Validate;

// Every mistake below is reported by one build.
#[derive(Validate)]
#[validate(contxt = u8)]
struct Signup {
    #[validate(lenght(min = 3))]
    name: String,
    #[validate(length(min = 5, max = 1), range(mn = 1))]
    login: String,
    #[validate(pattern("(unclosed"))]
    code: String,
    #[validate(must_match(nope))]
    confirm: String,
    #[validate(skip, nested)]
    other: String,
    #[validate(charset(ascii_alnum, 'z'..='a'))]
    handle: String,
    #[validate(sanitize(strip))]
    bio: String,
}

fn main() {}
