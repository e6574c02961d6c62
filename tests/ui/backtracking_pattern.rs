use validate_core::Validate;

// Patterns that only a backtracking engine can match: a backreference and
// a look-behind. The regex crate (linear time) rejects them, and so does
// the derive, at compile time.
#[derive(Validate)]
struct Signup {
    #[validate(pattern(r"^(\w+) \1$"))]
    repeated: String,
    #[validate(pattern("(?<!admin)@example\\.com$"))]
    login: String,
}

fn main() {}
