// A validate-core of another version than the derive (here a stand-in
// without the derive's version stamp) fails with a first error that names
// the versions, before any missing helper.
mod other_core {
    pub use validate_core::{LocChain, Validate, ValidateIn, ValidationErrors};
    pub mod __private {}
}

#[derive(other_core::Validate)]
#[validate(crate = other_core)]
struct Signup {
    #[validate(custom(check))]
    name: String,
}

fn check(_: &String) -> Result<(), validate_core::ValidationError> {
    Ok(())
}

fn main() {}
