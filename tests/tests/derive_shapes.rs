//! Shapes the derive accepts: tuple structs, enums and their serde tagging,
//! generics, and `Option` / pointers as transparent wrappers.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use serde_json::json;
use validate_core::{Validate, ValidationErrors};

fn errors<T: Validate<Context = ()>>(value: &T) -> ValidationErrors {
    value.validate().err().unwrap_or_default()
}

fn json_of<T: Validate<Context = ()>>(value: &T) -> String {
    serde_json::to_string(&errors(value)).expect("errors serialize")
}

fn too_short(loc: serde_json::Value, min: usize) -> serde_json::Value {
    let s = if min == 1 { "" } else { "s" };
    json!({"type": "string_too_short", "loc": loc, "msg": format!("String should have at least {min} character{s}"), "ctx": {"min_length": min}})
}

/// A newtype is its inner value on the wire: no loc step.
#[derive(Validate)]
struct Username(#[validate(length(min = 3))] String);

/// A tuple struct of several fields: its positions.
#[derive(Validate)]
struct Pair(
    #[validate(length(min = 1))] String,
    #[validate(range(max = 9))] u8,
);

#[derive(Validate)]
struct HasNewtype {
    #[validate(nested)]
    user: Username,
    #[validate(nested)]
    pair: Pair,
}

#[test]
fn tuple_structs() {
    assert_eq!(
        json_of(&Username("ab".into())),
        json!([too_short(json!([]), 3)]).to_string()
    );
    assert_eq!(
        errors(&Pair(String::new(), 10)).to_string(),
        "[0]: String should have at least 1 character\n[1]: Input should be less than or equal to 9"
    );
    let outer = HasNewtype {
        user: Username("ab".into()),
        pair: Pair("x".into(), 10),
    };
    assert_eq!(
        json_of(&outer),
        json!([
            too_short(json!(["user"]), 3),
            {"type": "less_than_equal", "loc": ["pair", 1], "msg": "Input should be less than or equal to 9", "ctx": {"le": 9}},
        ])
        .to_string()
    );
}

/// Externally tagged (serde's default): `{"Card": {"number": ..}}`.
#[derive(Validate, serde::Deserialize)]
enum Payment {
    Card {
        #[validate(length(min = 12))]
        number: String,
    },
    Iban(#[validate(length(min = 15))] String),
    Split(
        #[validate(range(min = 1))] u32,
        #[validate(range(min = 1))] u32,
    ),
    #[serde(rename = "cash_payment")]
    Cash {
        #[validate(range(max = 1000))]
        amount: u32,
    },
    Free,
}

#[test]
fn externally_tagged_enums_add_the_variant() {
    let card = Payment::Card { number: "1".into() };
    assert_eq!(
        json_of(&card),
        json!([too_short(json!(["Card", "number"]), 12)]).to_string()
    );
    let iban = Payment::Iban("DE".into());
    assert_eq!(
        json_of(&iban),
        json!([too_short(json!(["Iban"]), 15)]).to_string()
    );
    assert_eq!(
        errors(&Payment::Split(0, 0)).to_string(),
        "Split[0]: Input should be greater than or equal to 1\nSplit[1]: Input should be greater than or equal to 1"
    );
    assert_eq!(
        errors(&Payment::Cash { amount: 2000 }).to_string(),
        "cash_payment.amount: Input should be less than or equal to 1000"
    );
    assert!(Payment::Free.validate().is_ok());
    // The loc follows what serde reads.
    let parsed: Payment =
        serde_json::from_str(r#"{"cash_payment": {"amount": 5000}}"#).expect("parses");
    assert_eq!(
        errors(&parsed)
            .iter()
            .next()
            .map(|e| e.loc().to_string())
            .as_deref(),
        Some("cash_payment.amount")
    );
}

/// Internally tagged: the fields sit beside the tag, no variant step.
#[derive(Validate, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Shape {
    Circle {
        #[validate(range(gt = 0.0))]
        radius: f64,
    },
    Rect {
        #[validate(range(gt = 0.0))]
        width: f64,
    },
}

/// Adjacently tagged: the fields are under the content key.
#[derive(Validate, serde::Deserialize)]
#[serde(tag = "t", content = "c")]
enum Message {
    Text(#[validate(length(min = 1))] String),
    Ping {
        #[validate(range(max = 10))]
        count: u8,
    },
}

/// Untagged: no step at all.
#[derive(Validate, serde::Deserialize)]
#[serde(untagged)]
enum Id {
    Num(#[validate(range(min = 1))] u64),
    Name {
        #[validate(length(min = 2))]
        name: String,
    },
}

#[test]
fn tagged_and_untagged_enums_do_not_add_the_variant() {
    assert_eq!(
        json_of(&Shape::Circle { radius: 0.0 }),
        json!([{"type": "greater_than", "loc": ["radius"], "msg": "Input should be greater than 0", "ctx": {"gt": 0.0}}]).to_string()
    );
    let parsed: Shape = serde_json::from_str(r#"{"kind": "rect", "width": -1.0}"#).expect("parses");
    assert_eq!(
        errors(&parsed).to_string(),
        "width: Input should be greater than 0"
    );
    assert_eq!(
        json_of(&Message::Text(String::new())),
        json!([too_short(json!(["c"]), 1)]).to_string()
    );
    assert_eq!(
        errors(&Message::Ping { count: 11 }).to_string(),
        "c.count: Input should be less than or equal to 10"
    );
    assert_eq!(
        errors(&Id::Num(0)).to_string(),
        "Input should be greater than or equal to 1"
    );
    assert_eq!(
        errors(&Id::Name { name: "x".into() }).to_string(),
        "name: String should have at least 2 characters"
    );
}

/// Bounds are added only for the type parameters rules need.
#[derive(Validate)]
struct Page<T, M> {
    #[validate(length(max = 2), nested)]
    items: Vec<T>,
    #[validate(length(min = 1))]
    title: M,
    /// No rule: no bound on `U`-like parameters that are only carried.
    note: std::marker::PhantomData<fn() -> M>,
}

#[derive(Validate)]
struct Labeled<T>
where
    T: Clone,
{
    #[validate(length(max = 3))]
    label: T,
}

/// Not `Validate`: fine, since no rule reads it.
struct Opaque;

#[derive(Validate)]
struct Carrier<T> {
    #[validate(range(min = 1))]
    count: u32,
    payload: T,
}

#[test]
fn generic_types() {
    let page = Page {
        items: vec![Username("ok!".into()), Username("no".into())],
        title: String::new(),
        note: std::marker::PhantomData,
    };
    assert_eq!(
        json_of(&page),
        json!([
            too_short(json!(["items", 1]), 3),
            too_short(json!(["title"]), 1)
        ])
        .to_string()
    );
    let page: Page<Username, Cow<'_, str>> = Page {
        items: vec![],
        title: Cow::Borrowed("t"),
        note: std::marker::PhantomData,
    };
    assert!(page.validate().is_ok());
    assert_eq!(
        errors(&Labeled {
            label: vec![1, 2, 3, 4]
        })
        .to_string(),
        "label: List should have at most 3 items after validation, not 4"
    );
    let carrier = Carrier {
        count: 0,
        payload: Opaque,
    };
    assert_eq!(errors(&carrier).len(), 1);
    let _ = &carrier.payload;
}

#[derive(Validate)]
struct Wrappers<'a> {
    #[validate(length(min = 2))]
    optional: Option<String>,
    #[validate(required, length(min = 2))]
    required: Option<String>,
    #[validate(length(min = 2))]
    boxed: Box<str>,
    #[validate(length(min = 2))]
    rc: Rc<str>,
    #[validate(length(min = 2))]
    arc: Arc<String>,
    #[validate(length(min = 2))]
    cow: Cow<'a, str>,
    #[validate(length(min = 2))]
    borrowed: &'a str,
    #[validate(range(min = 2))]
    number: Option<u8>,
}

#[test]
fn option_and_pointers_are_transparent() {
    let all_short = Wrappers {
        optional: Some("a".into()),
        required: Some("a".into()),
        boxed: "a".into(),
        rc: "a".into(),
        arc: Arc::new("a".into()),
        cow: Cow::Borrowed("a"),
        borrowed: "a",
        number: Some(1),
    };
    let locs: Vec<String> = errors(&all_short)
        .iter()
        .map(|e| e.loc().to_string())
        .collect();
    assert_eq!(
        locs,
        [
            "optional", "required", "boxed", "rc", "arc", "cow", "borrowed", "number"
        ]
    );
    let absent = Wrappers {
        optional: None,
        required: None,
        boxed: "ok".into(),
        rc: "ok".into(),
        arc: Arc::new("ok".into()),
        cow: Cow::Owned("ok".into()),
        borrowed: "ok",
        number: None,
    };
    // None passes every rule but `required`.
    assert_eq!(
        json_of(&absent),
        json!([{"type": "missing", "loc": ["required"], "msg": "Field required"}]).to_string()
    );
}

#[derive(Validate)]
struct Empty {}

#[derive(Validate)]
struct Unit;

#[derive(Validate)]
enum NoFieldsChecked {
    A,
    B(#[allow(dead_code)] u8),
}

#[test]
fn types_without_rules_validate() {
    assert!(Empty {}.validate().is_ok());
    assert!(Unit.validate().is_ok());
    assert!(NoFieldsChecked::A.validate().is_ok());
    assert!(NoFieldsChecked::B(1).validate().is_ok());
}
