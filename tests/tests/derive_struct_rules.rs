//! Struct-level rules: they run only when every field passed (Pydantic's
//! after-validators), unless marked `always`, and `field = name` places
//! their error at that field's wire name.

use serde::Deserialize;
use validate_core::{Validate, ValidationError, ValidationErrors};

/// A US postal code is five digits, or five, a hyphen and four.
fn us_zip(address: &Address) -> Result<(), ValidationError> {
    let zip = address.postal_code.as_bytes();
    let digits = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
    let ok = match zip.len() {
        5 => digits(zip),
        10 => digits(&zip[..5]) && zip[5] == b'-' && digits(&zip[6..]),
        _ => false,
    };
    if address.country != "US" || ok {
        Ok(())
    } else {
        Err(ValidationError::new(
            "us_postal_code",
            "A US postal code has 5 or 9 digits",
        ))
    }
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(custom(us_zip, field = postal_code))]
struct Address {
    #[validate(length(equal = 2))]
    country: String,
    #[validate(pattern("^[0-9A-Z -]{3,10}$"))]
    postal_code: String,
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(custom(us_zip_always, field = postal_code, always))]
struct AddressAlways {
    #[validate(length(equal = 2))]
    country: String,
    #[validate(pattern("^[0-9A-Z -]{3,10}$"))]
    postal_code: String,
}

fn us_zip_always(a: &AddressAlways) -> Result<(), ValidationError> {
    us_zip(&Address {
        country: a.country.clone(),
        postal_code: a.postal_code.clone(),
    })
}

fn lines(errors: ValidationErrors) -> String {
    errors.to_string()
}

#[test]
fn a_struct_rule_waits_for_every_field_to_pass() {
    let address = Address {
        country: "US".into(),
        postal_code: "7".into(),
    };
    assert_eq!(
        lines(address.validate().expect_err("pattern fails")),
        "postalCode: String should match pattern '^[0-9A-Z -]{3,10}$'"
    );
    let address = Address {
        country: "US".into(),
        postal_code: "ABCDE".into(),
    };
    assert_eq!(
        lines(address.validate().expect_err("the struct rule fails")),
        "postalCode: A US postal code has 5 or 9 digits"
    );
    let address = Address {
        country: "US".into(),
        postal_code: "12345-6789".into(),
    };
    assert!(address.validate().is_ok());
}

#[test]
fn always_runs_after_a_field_failed() {
    let address = AddressAlways {
        country: "US".into(),
        postal_code: "7".into(),
    };
    assert_eq!(
        lines(address.validate().expect_err("both fail")),
        "postalCode: String should match pattern '^[0-9A-Z -]{3,10}$'\n\
         postalCode: A US postal code has 5 or 9 digits"
    );
}

/// A nested struct's failure is a failure of the field that holds it.
#[derive(Validate)]
#[validate(custom(never_called))]
struct Order {
    #[validate(nested)]
    ship_to: Address,
}

fn never_called(_: &Order) -> Result<(), ValidationError> {
    Err(ValidationError::new(
        "order",
        "runs only when every field passed",
    ))
}

#[test]
fn a_nested_failure_holds_back_the_outer_struct_rule() {
    let order = Order {
        ship_to: Address {
            country: "USA".into(),
            postal_code: "12345".into(),
        },
    };
    assert_eq!(
        lines(order.validate().expect_err("nested fails")),
        "ship_to.country: String should have at most 2 characters"
    );
}
