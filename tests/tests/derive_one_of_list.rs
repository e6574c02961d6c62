//! `one_of(PATH)`: the choices named by a constant slice or array.

use validate_core::Validate;

const COUNTRIES: &[&str] = &["us", "ca", "mx"];
const SIZES: [u8; 3] = [1, 2, 4];

#[derive(Validate)]
struct Order {
    #[validate(one_of(COUNTRIES))]
    country: String,
    #[validate(one_of(crate::SIZES))]
    size: Option<u8>,
}

#[test]
fn a_constant_slice_or_array_lists_the_choices() {
    let ok = Order {
        country: "ca".into(),
        size: Some(4),
    };
    assert!(ok.validate().is_ok());
    let bad = Order {
        country: "fr".into(),
        size: Some(3),
    };
    let errors = bad.validate().expect_err("both fail");
    assert_eq!(
        errors.to_string(),
        "country: Input should be 'us', 'ca' or 'mx'\nsize: Input should be 1, 2 or 4"
    );
}
