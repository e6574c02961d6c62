//! Locs use the names on the wire: serde's `rename` / `rename_all` (every
//! case), `#[validate(rename)]`, raw identifiers, `flatten`, `transparent`.

use serde_json::json;
use validate_core::{Validate, ValidationErrors};

fn errors<T: Validate<Context = ()>>(value: &T) -> ValidationErrors {
    value.validate().err().unwrap_or_default()
}

fn locs<T: Validate<Context = ()>>(value: &T) -> Vec<String> {
    errors(value)
        .iter()
        .map(|e| serde_json::to_string(e.loc()).expect("loc serializes"))
        .collect()
}

macro_rules! case_struct {
    ($name:ident, $case:literal) => {
        #[derive(Validate, serde::Deserialize)]
        #[serde(rename_all = $case)]
        struct $name {
            #[validate(length(min = 1))]
            user_name: String,
            #[validate(length(min = 1))]
            a: String,
        }
    };
}

case_struct!(Lower, "lowercase");
case_struct!(Upper, "UPPERCASE");
case_struct!(Pascal, "PascalCase");
case_struct!(Camel, "camelCase");
case_struct!(Snake, "snake_case");
case_struct!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
case_struct!(Kebab, "kebab-case");
case_struct!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

#[test]
fn every_serde_case() {
    macro_rules! check {
        ($ty:ident, $user:literal, $a:literal) => {
            let value = $ty {
                user_name: String::new(),
                a: String::new(),
            };
            assert_eq!(
                locs(&value),
                [format!("[\"{}\"]", $user), format!("[\"{}\"]", $a)],
                stringify!($ty)
            );
        };
    }
    check!(Lower, "user_name", "a");
    check!(Upper, "USER_NAME", "A");
    check!(Pascal, "UserName", "A");
    check!(Camel, "userName", "a");
    check!(Snake, "user_name", "a");
    check!(ScreamingSnake, "USER_NAME", "A");
    check!(Kebab, "user-name", "a");
    check!(ScreamingKebab, "USER-NAME", "A");
}

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Renames {
    /// serde's rename wins over rename_all.
    #[serde(rename = "login")]
    #[validate(length(min = 3))]
    user_name: String,
    /// Different names each way: the input's (deserialize) name.
    #[serde(rename(serialize = "out", deserialize = "in"))]
    #[validate(length(min = 3))]
    both_ways: String,
    /// `validate(rename)` is the explicit override for errors.
    #[validate(rename = "e-mail", length(min = 3))]
    email_address: String,
    /// Raw identifiers lose their `r#`, then rename_all applies.
    #[validate(length(min = 3))]
    r#type: String,
    #[validate(length(min = 3))]
    r#loop_count: String,
}

#[test]
fn field_renames() {
    let value = Renames {
        user_name: String::new(),
        both_ways: String::new(),
        email_address: String::new(),
        r#type: String::new(),
        r#loop_count: String::new(),
    };
    assert_eq!(
        locs(&value),
        [
            r#"["login"]"#,
            r#"["in"]"#,
            r#"["e-mail"]"#,
            r#"["type"]"#,
            r#"["loopCount"]"#
        ]
    );
}

/// Without serde: the Rust names, or `#[validate(rename_all)]`.
#[derive(Validate)]
#[validate(rename_all = "kebab-case")]
struct Plain {
    #[validate(range(max = 1))]
    max_items: u8,
    #[validate(rename = "Total", range(max = 1))]
    total_count: u8,
}

#[test]
fn validate_rename_all_without_serde() {
    assert_eq!(
        locs(&Plain {
            max_items: 2,
            total_count: 2
        }),
        [r#"["max-items"]"#, r#"["Total"]"#]
    );
}

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE", rename_all_fields = "camelCase")]
enum Event {
    UserCreated {
        #[validate(length(min = 1))]
        user_name: String,
    },
    #[serde(rename_all = "PascalCase")]
    UserDeleted {
        #[validate(length(min = 1))]
        user_name: String,
    },
    #[validate(rename = "renamed")]
    Other(#[validate(range(max = 1))] u8),
}

#[test]
fn enum_variant_and_field_names() {
    assert_eq!(
        locs(&Event::UserCreated {
            user_name: String::new()
        }),
        [r#"["USER_CREATED","userName"]"#]
    );
    assert_eq!(
        locs(&Event::UserDeleted {
            user_name: String::new()
        }),
        [r#"["USER_DELETED","UserName"]"#]
    );
    assert_eq!(locs(&Event::Other(2)), [r#"["renamed"]"#]);
    // The names are the ones serde reads.
    let parsed: Event =
        serde_json::from_str(r#"{"USER_DELETED": {"UserName": ""}}"#).expect("parses");
    assert_eq!(locs(&parsed), [r#"["USER_DELETED","UserName"]"#]);
}

#[derive(Validate, serde::Deserialize)]
struct Pagination {
    #[validate(range(max = 100))]
    per_page: u32,
}

#[derive(Validate, serde::Deserialize)]
struct Query {
    #[validate(length(min = 1))]
    q: String,
    #[serde(flatten)]
    #[validate(nested)]
    page: Pagination,
}

#[derive(Validate, serde::Deserialize)]
#[serde(transparent)]
struct Email {
    #[validate(length(min = 3))]
    value: String,
}

#[derive(Validate, serde::Deserialize)]
struct Contact {
    #[validate(nested)]
    email: Email,
}

#[test]
fn flatten_and_transparent_add_no_step() {
    let parsed: Query = serde_json::from_str(r#"{"q": "", "per_page": 500}"#).expect("parses");
    assert_eq!(
        serde_json::to_string(&errors(&parsed)).expect("json"),
        json!([
            {"type": "string_too_short", "loc": ["q"], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "less_than_equal", "loc": ["per_page"], "msg": "Input should be less than or equal to 100", "ctx": {"le": 100}},
        ])
        .to_string()
    );
    let contact: Contact = serde_json::from_str(r#"{"email": "a"}"#).expect("parses");
    assert_eq!(locs(&contact), [r#"["email"]"#]);
}
