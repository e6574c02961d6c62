//! Named rule sets (`rule_set!`, `#[validate(rule(..))]`) declared in
//! another crate (`tests::shared_rules`): the errors, compared as JSON, and
//! the sanitized values equal those of the same rules written inline, on
//! every field shape; no allocation when the value passes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use allocation_counter::measure;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tests::shared_rules::{
    AdminNameRules, AgeRules, EmailRules, EvenRules, SlugRules, TagRules, UsernameRules, ZipRules,
    even, slugify,
};
use validate_core::{Valid, Validate, ValidationError, ValidationErrors};

fn not_reserved(name: &str) -> Result<(), ValidationError> {
    if name == "root" {
        Err(ValidationError::new("reserved", "This name is reserved"))
    } else {
        Ok(())
    }
}

/// Every shape a rule set applies to, with the rules written inline.
#[derive(Debug, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Inline {
    #[validate(
        sanitize(trim, nfkc),
        length(min = 3, max = 32),
        charset(ascii_alphanumeric, "_"),
        custom(not_reserved)
    )]
    user_name: String,
    #[validate(sanitize(trim, lowercase), email)]
    email: Option<String>,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(range(min = 13, max = 130))]
    guardian_age: Option<u32>,
    #[validate(
        length(max = 3),
        each(
            sanitize(trim),
            length(min = 1, max = 20, message = "Tags have 1 to 20 characters")
        )
    )]
    tags: Vec<String>,
    #[validate(
        keys(
            sanitize(trim, nfkc),
            length(min = 3, max = 32),
            charset(ascii_alphanumeric, "_")
        ),
        values(pattern("^[0-9]{5}$"))
    )]
    zips: BTreeMap<String, String>,
    #[validate(
        sanitize(trim, nfkc),
        length(min = 3, max = 32, message = "Bad admin name", code = "admin_name"),
        charset(ascii_alphanumeric, "_", message = "Bad admin name", code = "admin_name"),
        // The override where the set is applied replaces the set's own.
        prefix("admin_", code = "admin_name", message = "Bad admin name")
    )]
    admin: Cow<'static, str>,
    #[validate(custom(even))]
    seats: Box<u32>,
    #[validate(sanitize(with = slugify), length(min = 1, max = 10))]
    slug: String,
}

/// The same, through the rule sets.
#[derive(Debug, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Named {
    #[validate(rule(UsernameRules), custom(not_reserved))]
    user_name: String,
    #[validate(rule(EmailRules))]
    email: Option<String>,
    #[validate(rule(AgeRules))]
    age: u32,
    #[validate(rule(AgeRules))]
    guardian_age: Option<u32>,
    #[validate(length(max = 3), each(rule(TagRules)))]
    tags: Vec<String>,
    #[validate(keys(rule(UsernameRules)), values(rule(ZipRules)))]
    zips: BTreeMap<String, String>,
    #[validate(rule(AdminNameRules, message = "Bad admin name", code = "admin_name"))]
    admin: Cow<'static, str>,
    #[validate(rule(EvenRules))]
    seats: Box<u32>,
    #[validate(rule(SlugRules))]
    slug: String,
}

fn valid_input() -> Value {
    json!({
        "userName": "  alice_1 ",
        "email": " Alice@Example.COM ",
        "age": 30,
        "guardianAge": null,
        "tags": [" rust ", "serde"],
        "zips": {" home ": "75001"},
        "admin": " admin_bob ",
        "seats": 4,
        "slug": " Hello Web "
    })
}

/// The valid input with `changes` applied, each a key and its new value.
fn with(changes: &[(&str, Value)]) -> Value {
    let mut input = valid_input();
    for (key, value) in changes {
        input[*key] = value.clone();
    }
    input
}

/// Sanitizes and validates `input` as `T`: the sanitized value, or the
/// errors, both as JSON.
fn run<T>(input: &Value) -> Result<Value, Value>
where
    T: for<'de> Deserialize<'de> + Serialize + Validate<Context = ()>,
{
    let value: T = serde_json::from_value(input.clone()).expect("the input has the shape");
    match Valid::new(value) {
        Ok(valid) => Ok(serde_json::to_value(&*valid).expect("value serializes")),
        Err(errors) => Err(serde_json::to_value(&errors).expect("errors serialize")),
    }
}

/// The inline and the named version agree on `input`: the same sanitized
/// value, or the same errors.
fn assert_same(input: &Value) -> Result<Value, Value> {
    let inline = run::<Inline>(input);
    let named = run::<Named>(input);
    assert_eq!(inline, named, "inline and named differ for {input}");
    named
}

#[test]
fn valid_input_passes_both_ways_with_the_same_sanitized_values() {
    let named = assert_same(&valid_input()).expect("valid");
    assert_eq!(
        named,
        json!({
            "userName": "alice_1",
            "email": "alice@example.com",
            "age": 30,
            "guardianAge": null,
            "tags": ["rust", "serde"],
            "zips": {"home": "75001"},
            "admin": "admin_bob",
            "seats": 4,
            "slug": "hello-web"
        })
    );
}

#[test]
fn none_passes_both_ways() {
    let named = assert_same(&with(&[("email", json!(null))])).expect("valid");
    assert_eq!(named["email"], Value::Null);
}

#[test]
fn every_failure_is_the_inline_one() {
    let cases: Vec<Vec<(&str, Value)>> = vec![
        vec![("userName", json!("ab"))],
        vec![("userName", json!("   a b c   "))],
        vec![("userName", json!("x".repeat(33)))],
        // NFKC turns the full-width letters into ASCII ones.
        vec![("userName", json!("ｒｏｏｔ"))],
        vec![("userName", json!("bad-name"))],
        vec![("email", json!("not an email"))],
        vec![("age", json!(12)), ("guardianAge", json!(131))],
        vec![("tags", json!(["", " ok ", "x".repeat(21)]))],
        vec![("tags", json!(["a", "b", "c", "d"]))],
        vec![(
            "zips",
            json!({"ab": "75001", "good_key": "7500", " x ": "x"}),
        )],
        vec![("admin", json!("bob_admin"))],
        vec![("admin", json!("a"))],
        vec![("admin", json!("admin-bob"))],
        vec![("seats", json!(3))],
        vec![("slug", json!("   "))],
        vec![("slug", json!("a very long title"))],
        // Everything at once.
        vec![
            ("userName", json!("a")),
            ("email", json!("@")),
            ("age", json!(200)),
            ("tags", json!([""])),
            ("admin", json!("admin_")),
            ("seats", json!(1)),
        ],
    ];
    for changes in cases {
        let input = with(&changes);
        let errors = assert_same(&input).expect_err("invalid");
        assert!(errors.as_array().is_some_and(|a| !a.is_empty()), "{errors}");
    }
}

#[test]
fn errors_as_pydantic_writes_them() {
    let input = with(&[
        ("userName", json!(" root ")),
        ("tags", json!([" ", "x".repeat(21)])),
        ("admin", json!("admin-x")),
    ]);
    let errors = assert_same(&input).expect_err("invalid");
    assert_eq!(
        errors,
        json!([
            {"type": "reserved", "loc": ["userName"], "msg": "This name is reserved"},
            {"type": "string_too_short", "loc": ["tags", 0], "msg": "Tags have 1 to 20 characters",
             "ctx": {"min_length": 1}},
            {"type": "string_too_long", "loc": ["tags", 1], "msg": "Tags have 1 to 20 characters",
             "ctx": {"max_length": 20}},
            {"type": "admin_name", "loc": ["admin"], "msg": "Bad admin name",
             "ctx": {"allowed": "ASCII letters and digits, or '_'"}}
        ])
    );
}

/// A set that sanitizes applies wherever the field can be changed; one
/// that does not (or a numeric one) also to borrowed and shared values.
#[derive(Validate)]
struct Borrowed<'a> {
    #[validate(rule(ZipRules))]
    zip: &'a str,
    #[validate(rule(ZipRules))]
    shared: std::sync::Arc<str>,
    #[validate(rule(AgeRules))]
    age: &'a u32,
    #[validate(rule(AgeRules))]
    boxed: Option<Box<u32>>,
}

#[test]
fn borrowed_and_shared_values() {
    let age = 12;
    let b = Borrowed {
        zip: "7500",
        shared: "75001".into(),
        age: &age,
        boxed: Some(Box::new(131)),
    };
    assert_eq!(
        b.validate().expect_err("invalid").to_string(),
        "zip: String should match pattern '^[0-9]{5}$'\n\
         age: Input should be greater than or equal to 13\n\
         boxed: Input should be less than or equal to 130"
    );
}

/// A generic field gets the bound `UsernameRules: RuleSet<T>`.
#[derive(Validate)]
struct Generic<T> {
    #[validate(rule(UsernameRules))]
    name: T,
}

#[test]
fn generic_fields() {
    let mut g = Generic {
        name: Some(String::from(" ab ")),
    };
    g.sanitize();
    assert_eq!(g.name.as_deref(), Some("ab"));
    assert_eq!(
        g.validate().expect_err("short").to_string(),
        "name: String should have at least 3 characters"
    );
    assert!(
        Generic {
            name: None::<String>
        }
        .validate()
        .is_ok()
    );
    assert!(
        Generic {
            name: String::from("bob")
        }
        .validate()
        .is_ok()
    );
}

#[test]
fn the_rule_set_is_a_plain_function_too() {
    use validate_core::{RuleSet, RuleSetSanitize};
    assert!(<UsernameRules as RuleSet<str>>::check("bob").is_ok());
    let err = <UsernameRules as RuleSet<str>>::check("b").expect_err("short");
    assert_eq!(err.kind(), "string_too_short");
    let mut s = String::from("  ｂｏｂ ");
    <UsernameRules as RuleSetSanitize<String>>::sanitize(&mut s);
    assert_eq!(s, "bob");
    assert!(<AgeRules as RuleSet<Option<u32>>>::check(&None).is_ok());
    assert_eq!(
        <AgeRules as RuleSet<u32>>::check(&7)
            .expect_err("young")
            .kind(),
        "greater_than_equal"
    );
}

#[test]
fn passing_values_cost_no_allocation() {
    let input = valid_input();
    let named: Named = serde_json::from_value(input.clone()).expect("shape");
    let named = Valid::new(named).expect("valid").into_inner();
    let inline: Inline = serde_json::from_value(input).expect("shape");
    let inline = Valid::new(inline).expect("valid").into_inner();
    let mut result: Result<(), ValidationErrors> = Ok(());
    let named_allocs = measure(|| result = std::hint::black_box(&named).validate());
    assert!(result.is_ok());
    let inline_allocs = measure(|| result = std::hint::black_box(&inline).validate());
    assert!(result.is_ok());
    assert_eq!(named_allocs.count_total, 0, "{named_allocs:?}");
    assert_eq!(inline_allocs.count_total, 0, "{inline_allocs:?}");
    // Sanitizing clean values costs what the inline sanitizers cost (the
    // map is rebuilt to sanitize its keys, either way).
    let (mut named, mut inline) = (named, inline);
    let named_allocs = measure(|| named.sanitize());
    let inline_allocs = measure(|| inline.sanitize());
    assert_eq!(named_allocs.count_total, inline_allocs.count_total);
    assert_eq!(named_allocs.bytes_total, inline_allocs.bytes_total);
}
