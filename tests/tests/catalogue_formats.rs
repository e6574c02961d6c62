//! The exact JSON (Pydantic's `e.errors(include_url=False,
//! include_input=False)` shape: `type`, `loc`, `msg`, `ctx`) of every error
//! the format rules produce, placed in a `ValidationErrors` at a loc.

use validate_core::{LocChain, ValidationError, ValidationErrors, rules};

/// The error of a failing rule, placed at `contact.<field>[0]`, as JSON.
fn json_at(field: &'static str, result: Result<(), ValidationError>) -> String {
    let err = result.expect_err("the rule should fail");
    let root = LocChain::ROOT;
    let contact = root.field("contact");
    let at = contact.field(field);
    let mut errors = ValidationErrors::new();
    errors.push_at(&at.index(0), err);
    serde_json::to_string(&errors).expect("errors serialize")
}

#[test]
fn email_value_error() {
    assert_eq!(
        json_at("email", rules::email("hello.world")),
        r#"[{"type":"value_error","loc":["contact","email",0],"msg":"value is not a valid email address: An email address must have an @-sign.","ctx":{"reason":"An email address must have an @-sign."}}]"#
    );
    assert_eq!(
        json_at(
            "email",
            rules::email(&format!("{}@example.com", "a".repeat(66)))
        ),
        r#"[{"type":"value_error","loc":["contact","email",0],"msg":"value is not a valid email address: The email address is too long before the @-sign (2 characters too many).","ctx":{"reason":"The email address is too long before the @-sign (2 characters too many)."}}]"#
    );
}

#[test]
fn url_parsing_and_scheme() {
    assert_eq!(
        json_at("website", rules::url("example.com")),
        r#"[{"type":"url_parsing","loc":["contact","website",0],"msg":"Input should be a valid URL, relative URL without a base","ctx":{"error":"relative URL without a base"}}]"#
    );
    assert_eq!(
        json_at("website", rules::url("http://")),
        r#"[{"type":"url_parsing","loc":["contact","website",0],"msg":"Input should be a valid URL, empty host","ctx":{"error":"empty host"}}]"#
    );
    assert_eq!(
        json_at("website", rules::url("ftp://example.com")),
        r#"[{"type":"url_scheme","loc":["contact","website",0],"msg":"URL scheme should be 'http' or 'https'","ctx":{"expected_schemes":"'http' or 'https'"}}]"#
    );
    assert_eq!(
        json_at(
            "website",
            rules::url_with_schemes("http://example.com", &["https"])
        ),
        r#"[{"type":"url_scheme","loc":["contact","website",0],"msg":"URL scheme should be 'https'","ctx":{"expected_schemes":"'https'"}}]"#
    );
}

#[test]
fn ip_addresses() {
    assert_eq!(
        json_at("ip", rules::ip("localhost")),
        r#"[{"type":"ip_any_address","loc":["contact","ip",0],"msg":"value is not a valid IPv4 or IPv6 address"}]"#
    );
    assert_eq!(
        json_at("ip", rules::ipv4("::1")),
        r#"[{"type":"ip_v4_address","loc":["contact","ip",0],"msg":"Input is not a valid IPv4 address"}]"#
    );
    assert_eq!(
        json_at("ip", rules::ipv6("1.2.3.4")),
        r#"[{"type":"ip_v6_address","loc":["contact","ip",0],"msg":"Input is not a valid IPv6 address"}]"#
    );
}

#[test]
fn uuid_parsing() {
    assert_eq!(
        json_at("id", rules::uuid("934859")),
        r#"[{"type":"uuid_parsing","loc":["contact","id",0],"msg":"Input should be a valid UUID, invalid length: expected length 36 for hyphenated format, found 6","ctx":{"error":"invalid length: expected length 36 for hyphenated format, found 6"}}]"#
    );
    assert_eq!(
        json_at("id", rules::uuid("a987fbc9-4bed-3078-cf07-9141ba07c9f3")),
        r#"[{"type":"uuid_parsing","loc":["contact","id",0],"msg":"Input should be a valid UUID, invalid variant: expected the RFC 9562 variant (8, 9, a or b) at 20","ctx":{"error":"invalid variant: expected the RFC 9562 variant (8, 9, a or b) at 20"}}]"#
    );
}

#[test]
fn payment_card_numbers() {
    assert_eq!(
        json_at("card", rules::credit_card("4242424242424241")),
        r#"[{"type":"payment_card_number_luhn","loc":["contact","card",0],"msg":"Card number is not luhn valid"}]"#
    );
    assert_eq!(
        json_at("card", rules::credit_card("4242-4242-4242-424x")),
        r#"[{"type":"payment_card_number_digits","loc":["contact","card",0],"msg":"Card number is not all digits"}]"#
    );
    assert_eq!(
        json_at("card", rules::credit_card("4242")),
        r#"[{"type":"string_too_short","loc":["contact","card",0],"msg":"String should have at least 12 characters","ctx":{"min_length":12}}]"#
    );
}
