//! `secrecy::SecretString` fields through the derive: string rules and
//! sanitizers apply to the secret, and neither the errors nor the `Debug`
//! of the request or of `Valid<T>` show it.

use secrecy::{ExposeSecret, SecretString};
use validate_core::{Valid, Validate};

#[derive(Debug, Validate)]
struct Login {
    #[validate(length(min = 3, max = 32), charset(ascii_alphanumeric, "_"))]
    user: String,
    #[validate(sanitize(trim), length(min = 12, max = 128), not_contains("password"))]
    #[validate(no_control)]
    password: SecretString,
    #[validate(pattern("^[0-9]{6}$"))]
    otp: Option<SecretString>,
    #[validate(sanitize(trim, uppercase), pattern("^[A-Z0-9]{4}-[A-Z0-9]{4}$"))]
    recovery: Option<SecretString>,
}

fn login(password: &str, otp: Option<&str>) -> Login {
    Login {
        user: "alice".into(),
        password: password.into(),
        otp: otp.map(SecretString::from),
        recovery: Some(" ab12-cd34 ".into()),
    }
}

const SECRET: &str = "  my password is swordfish1 ";

#[test]
fn rules_and_sanitizers_reach_the_secret() {
    let valid =
        Valid::new(login("  correct horse battery  ", Some("123456"))).expect("a valid login");
    assert_eq!(valid.password.expose_secret(), "correct horse battery");
    assert_eq!(
        valid.recovery.as_ref().map(|r| r.expose_secret()),
        Some("AB12-CD34")
    );
    let debug = format!("{valid:?}");
    assert!(!debug.contains("horse"), "{debug}");
    assert!(!debug.contains("AB12"), "{debug}");
}

#[test]
fn errors_never_carry_the_secret() {
    let errors = Valid::new(login(SECRET, Some("12345x"))).expect_err("two failures");
    let kinds: Vec<_> = errors.iter().map(|e| e.kind().to_owned()).collect();
    assert_eq!(kinds, ["string_not_contains", "string_pattern_mismatch"]);
    let texts = [
        errors.to_string(),
        format!("{errors:?}"),
        serde_json::to_string(&errors).expect("errors serialize"),
    ];
    for text in texts {
        assert!(!text.contains("swordfish"), "{text}");
        assert!(!text.contains("12345x"), "{text}");
    }
    let short = login("short", None);
    let errors = short.validate().expect_err("too short");
    assert_eq!(
        errors.iter().next().map(|e| e.kind().to_owned()).as_deref(),
        Some("string_too_short")
    );
    assert!(!format!("{short:?}").contains("short\""), "{short:?}");
}

/// `must_match` between secrets: `SecretBox` has no `PartialEq`, so the
/// derive compares the strings (and the error shows neither).
#[derive(Debug, Validate)]
struct ChangePassword {
    #[validate(length(min = 12))]
    new_password: SecretString,
    #[validate(must_match(new_password))]
    confirm: SecretString,
    #[validate(must_match(new_password))]
    typed_again: Option<SecretString>,
    #[validate(must_match(new_password))]
    plain: String,
}

#[test]
fn must_match_compares_secrets() {
    let change = |confirm: &str, again: Option<&str>, plain: &str| ChangePassword {
        new_password: "correct horse battery".into(),
        confirm: confirm.into(),
        typed_again: again.map(SecretString::from),
        plain: plain.into(),
    };
    let same = "correct horse battery";
    assert!(change(same, Some(same), same).validate().is_ok());
    let errors = change("correct horse battery ", None, "Correct horse battery")
        .validate()
        .expect_err("two differ");
    let json = serde_json::to_value(&errors).expect("errors serialize");
    assert_eq!(
        json,
        serde_json::json!([
            {"type": "fields_mismatch", "loc": ["confirm"],
             "msg": "Value should match field 'new_password'", "ctx": {"other": "new_password"}},
            {"type": "fields_mismatch", "loc": ["typed_again"],
             "msg": "Value should match field 'new_password'", "ctx": {"other": "new_password"}},
            {"type": "fields_mismatch", "loc": ["plain"],
             "msg": "Value should match field 'new_password'", "ctx": {"other": "new_password"}},
        ])
    );
    let shown = format!("{json} {errors} {errors:?}");
    assert!(!shown.contains("horse"), "{shown}");
}
