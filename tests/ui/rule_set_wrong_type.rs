use validate_core::{Validate, rule_set};

rule_set! {
    pub Zip: str => pattern("^[0-9]{5}$");
    pub Age: u32 => range(min = 13);
    pub Username: str => sanitize(trim), length(min = 3, max = 32);
}

/// Not a rule set.
struct Plain;

#[derive(Validate)]
struct Signup<'a> {
    // A rule set for strings on a number.
    #[validate(rule(Zip))]
    age: u32,
    // A rule set for `u32` on a string.
    #[validate(rule(Age))]
    name: String,
    // A rule set that trims, on a value that cannot change.
    #[validate(rule(Username))]
    borrowed: &'a str,
    // Not a rule set at all.
    #[validate(rule(Plain))]
    other: String,
}

fn main() {}
