use validate_core::{Validate, ValidationError};

fn check(_: &Address) -> Result<(), ValidationError> {
    Ok(())
}

fn check_zip(_: &str) -> Result<(), ValidationError> {
    Ok(())
}

// `field = ..` names a field that exists; `always` is a struct-level flag.
#[derive(Validate)]
#[validate(custom(check, field = postal_cod), custom(check, sometimes))]
struct Address {
    #[validate(custom(check_zip, always))]
    postal_code: String,
}

fn main() {}
