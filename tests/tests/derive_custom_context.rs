//! Custom field rules, struct-level rules, `must_match`, validation
//! contexts, and `skip`.

use std::collections::HashSet;

use serde_json::json;
use validate_core::{LocChain, Valid, Validate, ValidateIn, ValidationError, ValidationErrors};

fn errors<T: Validate<Context = ()>>(value: &T) -> ValidationErrors {
    value.validate().err().unwrap_or_default()
}

fn json_of(errors: &ValidationErrors) -> String {
    serde_json::to_string(errors).expect("errors serialize")
}

fn no_spaces(value: &str) -> Result<(), ValidationError> {
    if value.contains(' ') {
        Err(ValidationError::new(
            "no_spaces",
            "Value should not contain spaces",
        ))
    } else {
        Ok(())
    }
}

fn even(value: &u32) -> Result<(), ValidationError> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(ValidationError::new("even", "Value should be even").with_ctx("got_parity", "odd"))
    }
}

fn passwords_differ_from_name(form: &Signup) -> Result<(), ValidationError> {
    if form.password == form.name {
        Err(
            ValidationError::new("password_is_name", "Password should differ from the name")
                .with_loc(["password"]),
        )
    } else {
        Ok(())
    }
}

fn several(form: &Signup) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if form.name.starts_with('_') {
        errors.push(
            ValidationError::new("leading_underscore", "Name should not start with _")
                .with_loc(["name"]),
        );
    }
    if form.age == 0 {
        errors.push(ValidationError::new("zero_age", "Age is zero"));
    }
    errors.into_result()
}

#[derive(Validate)]
#[validate(custom(passwords_differ_from_name), custom(several))]
struct Signup {
    /// Field custom rules run in the order written, with the others;
    /// `&String` reaches a `fn(&str)` by deref.
    #[validate(length(min = 1), custom(no_spaces))]
    name: String,
    #[validate(
        custom(even),
        custom(even, message = "Pick an even number", code = "odd")
    )]
    age: u32,
    /// On `Option`, a custom rule sees the inner value and skips `None`.
    #[validate(custom(no_spaces))]
    nickname: Option<String>,
    password: String,
    #[validate(must_match(password))]
    password_confirm: String,
}

fn signup() -> Signup {
    Signup {
        name: "bob".into(),
        age: 30,
        nickname: None,
        password: "secret".into(),
        password_confirm: "secret".into(),
    }
}

#[test]
fn custom_field_rules() {
    assert!(signup().validate().is_ok());
    let value = Signup {
        name: "b b".into(),
        age: 31,
        nickname: Some("x y".into()),
        ..signup()
    };
    assert_eq!(
        json_of(&errors(&value)),
        json!([
            {"type": "no_spaces", "loc": ["name"], "msg": "Value should not contain spaces"},
            // The first failure ends the field: the second `custom` is not run.
            {"type": "even", "loc": ["age"], "msg": "Value should be even", "ctx": {"got_parity": "odd"}},
            {"type": "no_spaces", "loc": ["nickname"], "msg": "Value should not contain spaces"},
        ])
        .to_string()
    );
}

#[derive(Validate)]
struct Items {
    /// Inside `each`, a custom rule sees each item, through `Option`.
    #[validate(each(custom(no_spaces)))]
    names: Vec<Option<String>>,
}

#[test]
fn custom_rules_on_items() {
    let value = Items {
        names: vec![None, Some("a b".into()), Some("ab".into())],
    };
    assert_eq!(
        errors(&value).to_string(),
        "names[1]: Value should not contain spaces"
    );
}

#[derive(Validate)]
struct Overrides {
    #[validate(custom(even, message = "Pick an even number", code = "odd"))]
    a: u32,
    #[validate(length(min = 3, message = "Too short!"))]
    b: String,
    #[validate(range(max = 10, code = "too_big"))]
    c: u32,
}

#[test]
fn message_and_code_overrides() {
    let value = Overrides {
        a: 1,
        b: "a".into(),
        c: 1,
    };
    assert_eq!(
        json_of(&errors(&value)),
        json!([
            {"type": "odd", "loc": ["a"], "msg": "Pick an even number", "ctx": {"got_parity": "odd"}},
            {"type": "string_too_short", "loc": ["b"], "msg": "Too short!", "ctx": {"min_length": 3}},
        ])
        .to_string()
    );
    let value = Overrides {
        a: 2,
        b: "abc".into(),
        c: 11,
    };
    assert_eq!(
        json_of(&errors(&value)),
        json!([{"type": "too_big", "loc": ["c"], "msg": "Input should be less than or equal to 10", "ctx": {"le": 10}}])
            .to_string()
    );
}

#[test]
fn struct_rules_and_must_match_run_in_order() {
    let value = Signup {
        name: "_me".into(),
        age: 0,
        password: "_me".into(),
        password_confirm: "other".into(),
        ..signup()
    };
    // A field failed: the struct-level rules wait.
    assert_eq!(
        json_of(&errors(&value)),
        json!([
            {"type": "fields_mismatch", "loc": ["password_confirm"], "msg": "Value should match field 'password'", "ctx": {"other": "password"}},
        ])
        .to_string()
    );
    let value = Signup {
        password_confirm: "_me".into(),
        ..value
    };
    assert_eq!(
        json_of(&errors(&value)),
        json!([
            // Struct-level rules come last, each at the loc it chose.
            {"type": "password_is_name", "loc": ["password"], "msg": "Password should differ from the name"},
            {"type": "leading_underscore", "loc": ["name"], "msg": "Name should not start with _"},
            {"type": "zero_age", "loc": [], "msg": "Age is zero"},
        ])
        .to_string()
    );
}

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChangePassword {
    new_password: String,
    #[validate(must_match(new_password))]
    repeat_password: String,
}

#[test]
fn must_match_names_the_wire_name() {
    let value = ChangePassword {
        new_password: "a".into(),
        repeat_password: "b".into(),
    };
    assert_eq!(
        json_of(&errors(&value)),
        json!([{"type": "fields_mismatch", "loc": ["repeatPassword"], "msg": "Value should match field 'newPassword'", "ctx": {"other": "newPassword"}}])
            .to_string()
    );
}

/// Outside data for validation.
struct Limits {
    max_name: usize,
    taken: HashSet<String>,
    min_age: u32,
}

fn not_taken(name: &str, limits: &Limits) -> Result<(), ValidationError> {
    if limits.taken.contains(name) {
        Err(ValidationError::new(
            "name_taken",
            "This name is already taken",
        ))
    } else {
        Ok(())
    }
}

fn adult_if_admin(form: &Registration, limits: &Limits) -> Result<(), ValidationError> {
    if form.admin && form.age < limits.min_age + 5 {
        Err(ValidationError::new("admin_too_young", "Admins should be older").with_loc(["age"]))
    } else {
        Ok(())
    }
}

/// A context-free type, nested inside a context type.
#[derive(Validate)]
struct Address {
    #[validate(length(min = 1))]
    city: String,
}

#[derive(Validate)]
// `always`: the struct rule runs although fields failed.
#[validate(context = Limits, custom(adult_if_admin, context, always))]
struct Registration {
    #[validate(length(min = 1, max = ctx.max_name), custom(not_taken, context))]
    name: String,
    #[validate(range(min = ctx.min_age))]
    age: u32,
    admin: bool,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    friends: Vec<Friend>,
}

/// A context type nested in another of the same context.
#[derive(Validate)]
#[validate(context = Limits)]
struct Friend {
    #[validate(custom(not_taken, context))]
    name: String,
}

fn limits() -> Limits {
    Limits {
        max_name: 5,
        taken: ["admin".to_string()].into_iter().collect(),
        min_age: 18,
    }
}

#[test]
fn context_reaches_arguments_custom_rules_and_nested_types() {
    let value = Registration {
        name: "admin".into(),
        age: 20,
        admin: true,
        address: Address {
            city: String::new(),
        },
        friends: vec![
            Friend { name: "ok".into() },
            Friend {
                name: "admin".into(),
            },
        ],
    };
    let errors = value.validate_with(&limits()).expect_err("invalid");
    assert_eq!(
        json_of(&errors),
        json!([
            {"type": "name_taken", "loc": ["name"], "msg": "This name is already taken"},
            {"type": "string_too_short", "loc": ["address", "city"], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "name_taken", "loc": ["friends", 1, "name"], "msg": "This name is already taken"},
            {"type": "admin_too_young", "loc": ["age"], "msg": "Admins should be older"},
        ])
        .to_string()
    );
    let value = Registration {
        name: "toolong".into(),
        age: 17,
        admin: false,
        address: Address { city: "x".into() },
        friends: vec![],
    };
    assert_eq!(
        value
            .validate_with(&limits())
            .expect_err("invalid")
            .to_string(),
        "name: String should have at most 5 characters\nage: Input should be greater than or equal to 18"
    );
    let ok = Registration {
        name: "bob".into(),
        age: 30,
        admin: true,
        address: Address { city: "x".into() },
        friends: vec![],
    };
    assert!(ok.validate_with(&limits()).is_ok());
    assert!(Valid::new_with(ok, &limits()).is_ok());
}

#[test]
fn a_context_free_type_validates_in_any_context() {
    let address = Address {
        city: String::new(),
    };
    let mut errors = ValidationErrors::new();
    let root = LocChain::ROOT;
    ValidateIn::<Limits>::validate_in(&address, &limits(), &root.field("home"), &mut errors);
    assert_eq!(
        errors.to_string(),
        "home.city: String should have at least 1 character"
    );
}

#[derive(Validate)]
struct Skips {
    #[validate(skip)]
    internal: String,
    #[validate(length(min = 1))]
    checked: String,
}

#[test]
fn skip_leaves_a_field_unchecked() {
    let value = Skips {
        internal: String::new(),
        checked: String::new(),
    };
    assert_eq!(
        errors(&value).to_string(),
        "checked: String should have at least 1 character"
    );
    assert!(value.internal.is_empty());
}
