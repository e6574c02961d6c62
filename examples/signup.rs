//! The quick start: validate a sample signup request and print every error,
//! as text and as the JSON a FastAPI front end expects.
//!
//! Run with `cargo run -p examples --example signup`.

use validate_core::{Valid, Validate, ValidationErrors};

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct SignupRequest {
    #[validate(sanitize(trim, lowercase))]
    #[validate(length(min = 3, max = 32), pattern("^[a-zA-Z0-9_]+$"))]
    user_name: String,
    #[validate(sanitize(trim), email)]
    email: String,
    #[validate(length(min = 12, max = 128))]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
}

#[derive(Debug, serde::Deserialize, Validate)]
struct Address {
    #[validate(length(min = 1, max = 100))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let good: SignupRequest = serde_json::from_str(
        r#"{
            "userName": "  Ada_Lovelace ",
            "email": " ada@example.com",
            "password": "correct horse battery staple",
            "age": 36,
            "website": "https://example.com/ada",
            "tags": ["math", "engines"],
            "address": {"street": "12 St James's Square", "city": "London", "zip": "12345"}
        }"#,
    )?;
    let good = Valid::new(good)?;
    println!("valid: user_name = {:?} (sanitized)\n", good.user_name);

    let bad: SignupRequest = serde_json::from_str(
        r#"{
            "userName": "a!",
            "email": "ada.example.com",
            "password": "hunter2",
            "age": 12,
            "website": "javascript:alert(1)",
            "tags": ["math", ""],
            "address": {"street": "", "city": "London", "zip": "1234x"}
        }"#,
    )?;
    match Valid::new(bad) {
        Ok(_) => println!("unexpectedly valid"),
        Err(errors) => print_errors(&errors)?,
    }
    Ok(())
}

fn print_errors(errors: &ValidationErrors) -> Result<(), serde_json::Error> {
    println!("{} errors:\n{errors}\n", errors.len());
    println!("as JSON:\n{}", serde_json::to_string_pretty(errors)?);
    Ok(())
}
