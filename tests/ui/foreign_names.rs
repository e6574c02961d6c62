use validate_core::Validate;

// The names of the validator and garde crates, each answered with this
// library's spelling.
#[derive(Validate)]
struct Moved {
    #[validate(dive)]
    address: Address,
    #[validate(inner(length(max = 20)))]
    tags: Vec<String>,
    #[validate(regex(path = *crate::USERNAME))]
    name: String,
    #[validate(regex = "USERNAME")]
    login: String,
    #[validate(ascii)]
    code: String,
    #[validate(alphanumeric)]
    handle: String,
    #[validate(matches(password))]
    confirm: String,
    #[validate(must_match(other = "password"))]
    confirm2: String,
    #[validate(custom(function = "check_password"))]
    password: String,
    #[validate(does_not_contain("admin"))]
    nick: String,
}

#[derive(Validate)]
struct Address {
    #[validate(length(min = 1))]
    city: String,
}

fn main() {}
