//! Rule newtypes (`#[validate(newtype)]`, declared in `tests::shared_rules`):
//! no way to build or deserialize an invalid one; their errors equal the
//! inline rules', and inside a request deserialized with
//! `de::deserialize_valid` they carry the field's loc, the JSON equal to the
//! inline version's.

use std::collections::BTreeMap;
use std::str::FromStr;

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{Value, json};
use tests::shared_rules::{Age, Email, Nickname, Tag, Username, Zip};
use validate_core::de::{self, DeserializeError};
use validate_core::{Valid, Validate, ValidationErrors};

fn json_of(errors: &ValidationErrors) -> Value {
    serde_json::to_value(errors).expect("errors serialize")
}

/// The username rules, inline.
#[derive(Debug, Deserialize, Validate)]
struct InlineName(
    #[validate(
        sanitize(trim, nfkc),
        length(min = 3, max = 32),
        charset(ascii_alphanumeric, "_")
    )]
    String,
);

#[test]
fn every_constructor_sanitizes_then_checks() {
    let name = Username::new("  alice_1 ").expect("valid");
    assert_eq!(
        name.as_str(),
        "alice_1",
        "Deref reaches the String's methods"
    );
    assert_eq!(
        Username::try_from(String::from("ｂｏｂ"))
            .expect("valid")
            .as_str(),
        "bob"
    );
    assert_eq!(
        Username::try_from(" carol ").expect("valid").as_str(),
        "carol"
    );
    assert_eq!(Username::from_str("dave").expect("valid").as_str(), "dave");
    let parsed: Username = "erin".parse().expect("valid");
    let inner: &String = parsed.as_ref();
    assert_eq!(inner, "erin");
    assert_eq!(parsed.into_inner(), "erin");

    let err = Username::new(" ab ").expect_err("short");
    assert_eq!(
        err.to_string(),
        "String should have at least 3 characters",
        "a newtype's own errors have an empty loc"
    );
    assert!(Username::try_from("bad name").is_err());
    assert!("x".repeat(33).parse::<Username>().is_err());

    assert_eq!(*Age::new(30u32).expect("valid"), 30);
    assert_eq!(
        Age::try_from(7).expect_err("young").to_string(),
        "Input should be greater than or equal to 13"
    );
    assert_eq!(
        Nickname::new("  x ").expect_err("short").to_string(),
        "String should have at least 2 characters"
    );
}

#[test]
fn a_newtype_is_valid_and_nests() {
    let name = Username::new("alice").expect("valid");
    assert!(name.validate().is_ok());
    let valid = Valid::new(name.clone()).expect("still valid");
    assert_eq!(valid.into_inner(), name);

    /// `nested` on a newtype field re-runs its rules (they pass: a newtype
    /// is valid by construction); a newtype field needs no attribute.
    #[derive(Validate)]
    struct Holder {
        #[validate(nested)]
        checked: Username,
        unchecked: Username,
    }
    let h = Holder {
        checked: name.clone(),
        unchecked: name,
    };
    assert!(h.validate().is_ok());
    assert_eq!(h.checked, h.unchecked);
}

proptest! {
    /// Whatever the string, every way to build a `Username` agrees with the
    /// inline rules: the same sanitized value, or the same errors; and a
    /// `Username` that exists passes its rules.
    #[test]
    fn cannot_be_built_invalid(s in "\\PC{0,40}|[ a-z_0-9\u{ff41}-\u{ff5a}]{0,40}") {
        let inline = Valid::new(InlineName(s.clone()));
        let built = Username::new(s.clone());
        let parsed = s.parse::<Username>();
        let read = serde_json::from_value::<Username>(json!(s));
        match (&inline, &built) {
            (Ok(i), Ok(b)) => {
                prop_assert_eq!(&i.0, &**b);
                prop_assert!(b.validate().is_ok());
                prop_assert_eq!(parsed.as_ref().ok(), Some(b));
                prop_assert_eq!(read.as_ref().ok(), Some(b));
            }
            (Err(i), Err(b)) => {
                prop_assert_eq!(json_of(i), json_of(b));
                prop_assert!(parsed.is_err());
                let message = read.expect_err("rejected").to_string();
                prop_assert!(message.starts_with(&b.to_string()), "{}", message);
            }
            _ => prop_assert!(false, "inline {:?} but newtype {:?}", inline, built),
        }
    }
}

#[test]
fn serde_reads_through_the_constructor_and_writes_the_inner_value() {
    let name: Username = serde_json::from_str("\"  alice \"").expect("valid");
    assert_eq!(
        serde_json::to_string(&name).expect("serializes"),
        "\"alice\""
    );
    let age: Age = serde_json::from_str("30").expect("valid");
    assert_eq!(serde_json::to_string(&age).expect("serializes"), "30");

    let err = serde_json::from_str::<Username>("\"hunter 2\"").expect_err("bad charset");
    let text = err.to_string();
    // The errors' lines are the message (serde_json adds no position at
    // the top level).
    assert_eq!(
        text,
        "String should contain only ASCII letters and digits, or '_'"
    );
    assert!(!text.contains("hunter"), "{text}");
    assert!(serde_json::from_str::<Age>("7").is_err());
    assert!(serde_json::from_str::<Vec<Tag>>(r#"["ok", ""]"#).is_err());
}

// ----- inside a request ---------------------------------------------------

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Typed {
    user_name: Username,
    email: Email,
    age: Age,
    nickname: Option<Nickname>,
    tags: Vec<Tag>,
    address: TypedAddress,
    zips: BTreeMap<String, Zip>,
    #[validate(length(max = 20))]
    bio: String,
}

#[derive(Debug, Deserialize, Validate)]
struct TypedAddress {
    #[serde(rename = "postCode")]
    zip: Zip,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Inline {
    #[validate(
        sanitize(trim, nfkc),
        length(min = 3, max = 32),
        charset(ascii_alphanumeric, "_")
    )]
    user_name: String,
    #[validate(sanitize(trim, lowercase), email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(sanitize(trim), length(min = 2, max = 20), no_control)]
    nickname: Option<String>,
    #[validate(each(
        sanitize(trim),
        length(min = 1, max = 20, message = "Tags have 1 to 20 characters")
    ))]
    tags: Vec<String>,
    #[validate(nested)]
    address: InlineAddress,
    #[validate(values(pattern("^[0-9]{5}$")))]
    zips: BTreeMap<String, String>,
    #[validate(length(max = 20))]
    bio: String,
}

#[derive(Debug, Deserialize, Validate)]
struct InlineAddress {
    #[serde(rename = "postCode")]
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

fn valid_request() -> Value {
    json!({
        "userName": " alice ",
        "email": "Alice@Example.com",
        "age": 30,
        "nickname": null,
        "tags": ["rust", " serde "],
        "address": {"postCode": "75001"},
        "zips": {"home": "75001", "work": "69002"},
        "bio": "Hello"
    })
}

fn request(changes: &[(&str, Value)]) -> String {
    let mut input = valid_request();
    for (key, value) in changes {
        input[*key] = value.clone();
    }
    input.to_string()
}

/// Deserializes, sanitizes and validates `input` as `T`: the errors' JSON
/// on failure.
fn errors_of<T>(input: &str) -> Result<Valid<T>, Value>
where
    T: for<'de> Deserialize<'de> + Validate<Context = ()>,
{
    let mut reader = serde_json::Deserializer::from_str(input);
    match de::deserialize_valid::<T, _>(&mut reader) {
        Ok(valid) => Ok(valid),
        Err(DeserializeError::Invalid(errors)) => Err(json_of(&errors)),
        Err(other) => panic!("{input}: {other}"),
    }
}

#[test]
fn valid_requests_agree() {
    let typed = errors_of::<Typed>(&request(&[])).expect("valid");
    let inline = errors_of::<Inline>(&request(&[])).expect("valid");
    assert_eq!(typed.user_name.as_str(), inline.user_name);
    assert_eq!(typed.email.as_str(), inline.email);
    assert_eq!(*typed.age, inline.age);
    assert_eq!(typed.nickname, None);
    assert_eq!(typed.tags[1].as_str(), inline.tags[1]);
    assert_eq!(typed.tags[1].as_str(), "serde");
    assert_eq!(typed.address.zip.as_str(), inline.address.zip);
    assert_eq!(typed.zips["work"].as_str(), inline.zips["work"]);
}

#[test]
fn a_failing_newtype_has_the_loc_of_the_inline_rules() {
    let cases: Vec<(&str, Value)> = vec![
        ("userName", json!("ab")),
        ("userName", json!("bad name!")),
        ("email", json!("nope")),
        ("age", json!(200)),
        ("nickname", json!(" x ")),
        ("tags", json!(["ok", "  ", "fine"])),
        ("tags", json!(["x".repeat(21)])),
        ("address", json!({"postCode": "7500"})),
        ("zips", json!({"home": "75001", "work": "lyon"})),
    ];
    for (key, value) in cases {
        let input = request(&[(key, value)]);
        let typed = errors_of::<Typed>(&input).expect_err("invalid");
        let inline = errors_of::<Inline>(&input).expect_err("invalid");
        assert_eq!(typed, inline, "{input}");
        assert_eq!(typed.as_array().map(Vec::len), Some(1), "{typed}");
    }
}

#[test]
fn locs_as_pydantic_writes_them() {
    let input = request(&[("zips", json!({"home": "75001", "work": "lyon"}))]);
    assert_eq!(
        errors_of::<Typed>(&input).expect_err("invalid"),
        json!([{
            "type": "string_pattern_mismatch",
            "loc": ["zips", "work"],
            "msg": "String should match pattern '^[0-9]{5}$'",
            "ctx": {"pattern": "^[0-9]{5}$"}
        }])
    );
    let input = request(&[("address", json!({"postCode": "x"}))]);
    let errors = errors_of::<Typed>(&input).expect_err("invalid");
    assert_eq!(errors[0]["loc"], json!(["address", "postCode"]));
}

#[test]
fn a_newtype_failure_ends_deserialization_the_outer_rules_run_after() {
    // Serde stops at the first newtype that rejects its value (in input
    // order), as at a type error: the typed request reports that one, the
    // inline request every failure.
    let input = request(&[
        ("userName", json!("a")),
        ("age", json!(3)),
        ("bio", json!("x".repeat(21))),
    ]);
    let typed = errors_of::<Typed>(&input).expect_err("invalid");
    let inline = errors_of::<Inline>(&input).expect_err("invalid");
    assert_eq!(inline.as_array().map(Vec::len), Some(3));
    assert_eq!(typed, json!([inline[0].clone()]));

    // With every newtype valid, the request's own rules run.
    let input = request(&[("bio", json!("x".repeat(21)))]);
    assert_eq!(
        errors_of::<Typed>(&input).expect_err("invalid"),
        errors_of::<Inline>(&input).expect_err("invalid")
    );
}

#[test]
fn malformed_input_is_not_a_rule_failure_and_is_not_echoed() {
    let input = request(&[("age", json!("hunter2"))]);
    let mut reader = serde_json::Deserializer::from_str(&input);
    let err = de::deserialize_valid::<Typed, _>(&mut reader).expect_err("wrong type");
    let DeserializeError::Malformed(m) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(m.loc().to_string(), "age");
    assert!(
        m.error().to_string().contains("hunter2"),
        "serde's own text"
    );
    assert_eq!(err.to_string(), "age: Input could not be read");
    assert!(!format!("{err:?}").contains("hunter2"));

    let mut reader = serde_json::Deserializer::from_str("{");
    assert!(matches!(
        de::deserialize::<Typed, _>(&mut reader),
        Err(DeserializeError::Malformed(_))
    ));
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Contact {
    Email(Email),
    Phone(u64),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Handle {
    Email(Email),
    Name(String),
}

#[test]
fn a_rejection_serde_recovered_from_is_not_reported() {
    // The `Email` variant rejects the value, then `Name` takes it.
    let mut reader = serde_json::Deserializer::from_str("\"not an email\"");
    let handle: Handle = de::deserialize(&mut reader).expect("a name");
    let Handle::Name(name) = handle else {
        panic!("{handle:?}")
    };
    assert_eq!(name, "not an email");
    let mut reader = serde_json::Deserializer::from_str("\"a@b.fr\"");
    match de::deserialize::<Handle, _>(&mut reader) {
        Ok(Handle::Email(email)) => assert_eq!(email.as_str(), "a@b.fr"),
        other => panic!("{other:?}"),
    }
    // Every variant fails: serde's own error, not the stale rejection.
    let mut reader = serde_json::Deserializer::from_str("\"not an email\"");
    let err = de::deserialize::<Contact, _>(&mut reader);
    assert!(
        matches!(err, Err(DeserializeError::Malformed(_))),
        "{err:?}"
    );
    let mut reader = serde_json::Deserializer::from_str("\"Bob@example.com\"");
    match de::deserialize::<Contact, _>(&mut reader) {
        Ok(Contact::Email(email)) => assert_eq!(email.as_str(), "bob@example.com"),
        other => panic!("{other:?}"),
    }
    let mut reader = serde_json::Deserializer::from_str("33");
    match de::deserialize::<Contact, _>(&mut reader) {
        Ok(Contact::Phone(n)) => assert_eq!(n, 33),
        other => panic!("{other:?}"),
    }
}

#[test]
fn plain_serde_still_rejects_with_the_message() {
    let input = request(&[("tags", json!(["ok", ""]))]);
    let err = serde_json::from_str::<Typed>(&input).expect_err("invalid tag");
    assert!(
        err.to_string()
            .starts_with("Tags have 1 to 20 characters at line"),
        "{err}"
    );
    let zip: Result<Zip, _> = serde_json::from_str("\"75001\"");
    assert!(zip.is_ok());
}
