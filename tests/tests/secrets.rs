//! `secrecy::SecretString` fields through the derive: string rules and
//! sanitizers apply to the secret, and neither the errors nor the `Debug`
//! of the request or of `Valid<T>` show it.

use secrecy::{ExposeSecret, SecretString};
use validate_core::{Valid, Validate, ValidationErrors};

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

/// `must_match` between secrets: `SecretBox` has no `PartialEq`, and the
/// two sides are strings, so the strings are compared (and the error shows
/// neither).
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
    assert_mismatches(
        &errors,
        &[
            ("confirm", "new_password"),
            ("typed_again", "new_password"),
            ("plain", "new_password"),
        ],
        "horse",
    );
}

/// `errors` are exactly `fields_mismatch` at each `(field, other)`, in
/// order, in Pydantic's JSON; and no form of them shows `secret`.
fn assert_mismatches(errors: &ValidationErrors, expected: &[(&str, &str)], secret: &str) {
    let json = serde_json::to_value(errors).expect("errors serialize");
    let expected: Vec<_> = expected
        .iter()
        .map(|(field, other)| {
            serde_json::json!({"type": "fields_mismatch", "loc": [field],
                "msg": format!("Value should match field '{other}'"), "ctx": {"other": other}})
        })
        .collect();
    assert_eq!(json, serde_json::Value::Array(expected));
    let shown = format!("{json} {errors} {errors:?}");
    assert!(!shown.contains(secret), "{shown}");
}

/// The comparison follows the types, not their names: an alias of
/// `SecretString`, a re-export under another name and `Option` of either
/// compare as strings.
type Password = SecretString;
use secrecy::SecretString as Hidden;

#[derive(Debug, Validate)]
struct AliasedPasswords {
    password: Password,
    #[validate(must_match(password))]
    confirm: Option<Password>,
    #[validate(must_match(password))]
    hidden: Hidden,
    #[validate(must_match(hidden))]
    plain: Option<String>,
}

#[test]
fn must_match_sees_through_aliases() {
    let form = |confirm: Option<&str>, hidden: &str, plain: Option<&str>| AliasedPasswords {
        password: "tr0ub4dor&3".into(),
        confirm: confirm.map(Password::from),
        hidden: hidden.into(),
        plain: plain.map(String::from),
    };
    let same = "tr0ub4dor&3";
    assert!(form(Some(same), same, Some(same)).validate().is_ok());
    let errors = form(None, "tr0ub4dor&4", Some(same))
        .validate()
        .expect_err("three differ");
    assert_mismatches(
        &errors,
        &[
            ("confirm", "password"),
            ("hidden", "password"),
            ("plain", "hidden"),
        ],
        "tr0ub4dor",
    );
}

/// A generic field compares by the bound written on it: `PartialEq` for
/// `T: PartialEq`, the strings for `S: StrInput` (which a secret, with no
/// `PartialEq`, meets).
#[derive(Debug, Validate)]
struct Twice<T: PartialEq> {
    first: T,
    #[validate(must_match(first))]
    second: T,
}

#[derive(Debug, Validate)]
struct TwiceSecret<S: validate_core::rules::StrInput> {
    first: S,
    #[validate(must_match(first))]
    second: S,
}

#[test]
fn must_match_on_generic_fields() {
    assert!(
        Twice {
            first: 7u32,
            second: 7
        }
        .validate()
        .is_ok()
    );
    let errors = Twice {
        first: 7u32,
        second: 8,
    }
    .validate()
    .expect_err("they differ");
    assert_eq!(
        errors.to_string(),
        "second: Value should match field 'first'"
    );
    let same = TwiceSecret {
        first: Password::from("hunter22"),
        second: Password::from("hunter22"),
    };
    assert!(same.validate().is_ok());
    let errors = TwiceSecret {
        first: Password::from("hunter22"),
        second: Password::from("hunter23"),
    }
    .validate()
    .expect_err("they differ");
    assert_mismatches(&errors, &[("second", "first")], "hunter");
}
