//! The collecting decoder fed arbitrary bytes: `json::from_slice` in strict
//! and lax mode on a request with nested structs, a list of them, a map, an
//! `Option`, a tagged enum and an enum read through serde. Checks: no panic;
//! no error's type, message or ctx contains 8 or more characters of a
//! string value of the input; and strict mode agrees with serde — whatever
//! the decoder accepts, serde accepts too (from the same document written
//! without duplicate keys or a byte order mark, which Python's `json` and
//! the decoder tolerate and serde does not), with the same value after
//! sanitize and validate.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde_json::Value;
use validate_core::decode::Mode;
use validate_core::error::catalogue;
use validate_core::{Validate, json};
use validate_fuzz::{assert_no_echo_except, texts_beside_loc};

#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Order {
    #[validate(sanitize(trim), length(min = 1, max = 16), charset(ascii_alphanumeric, "-"))]
    customer_id: String,
    #[validate(length(min = 1, max = 4), nested)]
    items: Vec<Item>,
    shipping: Shipping,
    #[validate(keys(length(min = 1, max = 8)), values(length(max = 12)))]
    notes: BTreeMap<String, String>,
    #[validate(length(max = 10))]
    coupon: Option<String>,
    #[validate(nested)]
    kind: Kind,
    #[serde(default)]
    #[validate(range(min = 1, max = 9))]
    count: u8,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Item {
    #[validate(pattern("^[A-Z]{3}-[0-9]{4}$"))]
    sku: String,
    #[validate(range(min = 1, max = 100))]
    quantity: u32,
    #[validate(range(gt = 0.0, lt = 1000.0))]
    unit_price: f64,
    tags: Option<Vec<String>>,
}

/// No `Validate`: read through its serde impl.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Shipping {
    Standard,
    Express,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(tag = "type")]
enum Kind {
    Gift {
        #[validate(length(min = 1, max = 20))]
        to: String,
    },
    Plain,
}

/// Every string value in the document (not the object keys).
fn strings(v: &Value, values: &mut Vec<String>) {
    match v {
        Value::String(s) => values.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings(i, values)),
        Value::Object(map) => map.values().for_each(|i| strings(i, values)),
        _ => {}
    }
}

/// An order that breaks rules in every field: with `bad` values at the
/// low end (`true`) or the high end.
fn failing(low: bool, items: usize) -> Order {
    let text = if low { String::new() } else { "x".repeat(30) };
    let item = Item {
        sku: "bad".to_owned(),
        quantity: if low { 0 } else { 101 },
        unit_price: if low { 0.0 } else { 2000.0 },
        tags: None,
    };
    Order {
        customer_id: if low { String::new() } else { "!!".to_owned() },
        items: vec![item; items],
        shipping: Shipping::Standard,
        notes: BTreeMap::from([(text.clone(), text.clone())]),
        coupon: Some(text.clone()),
        kind: Kind::Gift { to: text },
        count: if low { 0 } else { 10 },
    }
}

/// The library's own words for this model, which an error may show
/// whatever the input.
fn wording() -> Vec<String> {
    let mut words: Vec<String> = ["Dictionary", "List", "Tuple", "standard", "express", "Gift", "Plain"]
        .map(str::to_owned)
        .to_vec();
    words.push("^[A-Z]{3}-[0-9]{4}$".to_owned());
    words.push("ASCII letters and digits, or '-'".to_owned());
    // The decoder's fixed messages and kinds.
    let fixed = [
        catalogue::missing(),
        catalogue::model_attributes_type(),
        catalogue::string_type(),
        catalogue::int_type(),
        catalogue::int_parsing(),
        catalogue::int_from_float(),
        catalogue::float_type(),
        catalogue::float_parsing(),
        catalogue::bool_type(),
        catalogue::bool_parsing(),
        catalogue::list_type(),
        catalogue::dict_type(),
        catalogue::extra_forbidden(),
        catalogue::value_error("invalid value"),
        catalogue::value_error("wrong number of items"),
        catalogue::json_invalid("Expecting value"),
    ];
    words.extend(fixed.iter().map(|e| e.msg().into_owned()));
    words.extend(fixed.iter().map(|e| e.kind().to_owned()));
    // The rules' words: every rule of the model broken, at both ends.
    for (low, items) in [(true, 1), (false, 1), (true, 0), (false, 5)] {
        if let Err(errors) = failing(low, items).validate() {
            words.extend(texts_beside_loc(&errors));
        }
    }
    words
}

fuzz_target!(|data: &[u8]| {
    for mode in [Mode::Strict, Mode::Lax] {
        let Err(errors) = json::from_slice_with::<Order>(data, &(), mode) else {
            continue;
        };
        assert!(!errors.is_empty());
        let shown = texts_beside_loc(&errors);
        let mut values = Vec::new();
        if let Ok(doc) = serde_json::from_slice::<Value>(data) {
            strings(&doc, &mut values);
        }
        let words = wording();
        for value in &values {
            assert_no_echo_except(value, &shown, &words);
        }
    }
    let Ok(ours) = json::from_slice::<Order>(data) else {
        return;
    };
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let doc: Value = serde_json::from_slice(body).expect("the decoder accepted it: it is JSON");
    let canonical = serde_json::to_vec(&doc).expect("a JSON value serializes");
    let mut theirs: Order =
        serde_json::from_slice(&canonical).expect("the decoder accepted what serde refuses");
    theirs.sanitize();
    theirs.validate().expect("the decoder accepted what validate refuses");
    // NaN cannot come from JSON, so equality is total here.
    assert_eq!(ours.into_inner(), theirs, "the decoder and serde read different values");
});
