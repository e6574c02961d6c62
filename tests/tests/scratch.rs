//! scratch
#![deny(warnings)]
use std::collections::BTreeMap;
use validate_core::{Validate, ValidationErrors};

#[derive(Debug, Validate, serde::Deserialize)]
#[validate(crate = validate_core)]
struct Address {
    #[validate(length(min = 1, max = 5))]
    city: String,
}

#[derive(Debug, Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Form {
    #[validate(length(min = 3, max = 5))]
    user_name: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(length(max = 2), each(length(min = 1, max = 3)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
    #[validate(each(each(length(max = 2))))]
    grid: Vec<Vec<String>>,
    #[validate(keys(length(max = 2)), values(range(max = 3)))]
    m: BTreeMap<String, u8>,
    #[validate(required, length(min = 2))]
    nick: Option<String>,
}

fn json(e: &ValidationErrors) -> String {
    serde_json::to_string(e).unwrap()
}

#[test]
fn scratch() {
    let f = Form {
        user_name: "ab".into(),
        age: 7,
        tags: vec!["".into(), "abcd".into()],
        address: Address { city: "".into() },
        grid: vec![vec!["abc".into()]],
        m: [("abc".to_string(), 9u8)].into_iter().collect(),
        nick: None,
    };
    let e = f.validate().unwrap_err();
    println!("{}", json(&e));
    println!("{e}");
}
