//! The constraint keywords of the signup, address, search and order models
//! (schemars 1.x with `#[derive(Validate)]`'s `ValidateSchema` through
//! `validate_core::schema::schemars::transform`) against Pydantic 2.14's
//! `model_json_schema()` for the same models (`tests/schema/pydantic/`):
//! equal, except the differences listed in `KNOWN`, each with its reason.
//!
//! The models are those of the example server (`examples/axum_app.rs`).

use std::collections::BTreeMap;

use examples::axum_app::{Address, OrderItem, OrderRequest, SearchQuery, SignupRequest};
use schemars::schema_for;
use serde_json::Value;

// ----- the comparison ------------------------------------------------------

/// Keywords that constrain a value (titles, defaults and extensions aside).
const CONSTRAINTS: &[&str] = &[
    "type",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "pattern",
    "enum",
    "const",
    "format",
    "required",
    "additionalProperties",
];

/// Every constraint of `schema` by `path keyword`, a `$ref` as the name it
/// points to (the `$defs` are compared on their own), `anyOf` branches and
/// `items` /
/// `propertyNames` / `additionalProperties` walked, numbers compared by
/// value (`0` and `0.0` are one bound).
fn constraints(schema: &Value, path: &str, out: &mut BTreeMap<String, String>) {
    let Value::Object(s) = schema else { return };
    if let Some(Value::String(r)) = s.get("$ref") {
        let name = r.trim_start_matches("#/$defs/");
        out.insert(format!("{path} $ref"), name.to_owned());
        return;
    }
    for key in CONSTRAINTS {
        let Some(v) = s.get(*key) else { continue };
        // schemars' integer formats (`uint32`, `double`) name the Rust type,
        // not a rule.
        if *key == "format"
            && !v
                .as_str()
                .is_some_and(|f| ["email", "uri", "uuid", "ipv4", "ipv6"].contains(&f))
        {
            continue;
        }
        if *key == "type" && s.contains_key("anyOf") {
            continue;
        }
        let v = match v {
            Value::Number(n) => n.as_f64().map_or(v.to_string(), |f| f.to_string()),
            Value::Object(_) => continue,
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        // Map keys are strings: `propertyNames` says so or not.
        if *key == "type" && path.ends_with("propertyNames") {
            continue;
        }
        out.insert(format!("{path} {key}"), v);
    }
    if let Some(Value::Array(branches)) = s.get("anyOf") {
        for (i, b) in branches.iter().enumerate() {
            constraints(b, &format!("{path}.anyOf[{i}]"), out);
        }
    }
    for key in ["items", "propertyNames", "additionalProperties"] {
        if let Some(sub) = s.get(key).filter(|v| v.is_object()) {
            constraints(sub, &format!("{path}.{key}"), out);
        }
    }
    if let Some(Value::Object(props)) = s.get("properties") {
        for (name, p) in props {
            constraints(p, &format!("{path}.{name}"), out);
        }
    }
}

fn all_constraints(schema: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    constraints(schema, "", &mut out);
    if let Some(Value::Object(defs)) = schema.get("$defs") {
        for (name, d) in defs {
            constraints(d, &format!("$defs.{name}"), &mut out);
        }
    }
    out
}

/// The differences, with why they are right.
const KNOWN: &[(&str, &str, &str, &str)] = &[
    // (model, "path keyword", ours / theirs, why)
    (
        "signup",
        ".website.anyOf[0] maxLength",
        "- / 2083",
        "Pydantic's HttpUrl caps URLs at 2083 characters; our `url` has no length limit of its own",
    ),
    (
        "signup",
        ".website.anyOf[0] minLength",
        "- / 1",
        "Pydantic's HttpUrl; an empty string is no URL for either, and `pattern` already needs a scheme",
    ),
    (
        "signup",
        ".website.anyOf[0] pattern",
        r"^(?:[hH][tT][tT][pP]://[^/?#@:\\\x00-\x20]|[hH][tT][tT][pP][sS]://[^/?#@:\\\x00-\x20]) / -",
        "our `url` accepts http(s) URLs with a host only and says so; Pydantic's only in its validator",
    ),
    (
        "order",
        ".customerId pattern",
        "^[0-9A-Za-z\\-]*$ / ^[A-Za-z0-9-]+$",
        "the same language once minLength 1 holds: `charset` allows the empty string, the `+` of the hand-written pattern does not",
    ),
];

fn compare(model: &str, ours: &Value, file: &str) {
    let path = format!("{}/schema/pydantic/{file}", env!("CARGO_MANIFEST_DIR"));
    let theirs: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("json");
    let (ours, theirs) = (all_constraints(ours), all_constraints(&theirs));
    let mut found = Vec::new();
    for key in ours.keys().chain(theirs.keys()) {
        let (a, b) = (ours.get(key), theirs.get(key));
        if a != b && !found.iter().any(|(k, _): &(String, String)| k == key) {
            let show = |v: Option<&String>| v.map_or("-".to_owned(), String::clone);
            found.push((key.clone(), format!("{} / {}", show(a), show(b))));
        }
    }
    found.sort();
    let mut expected: Vec<(String, String)> = KNOWN
        .iter()
        .filter(|k| k.0 == model)
        .map(|k| (k.1.to_owned(), k.2.to_owned()))
        .collect();
    expected.sort();
    assert_eq!(
        found, expected,
        "{model}: ours {ours:#?}\ntheirs {theirs:#?}"
    );
}

#[test]
fn signup_and_address_match_pydantic() {
    compare(
        "signup",
        &schema_for!(SignupRequest).to_value(),
        "signup.json",
    );
    compare("address", &schema_for!(Address).to_value(), "address.json");
}

#[test]
fn search_matches_pydantic() {
    compare(
        "search",
        &schema_for!(SearchQuery).to_value(),
        "search.json",
    );
}

#[test]
fn order_matches_pydantic() {
    compare("order", &schema_for!(OrderRequest).to_value(), "order.json");
    compare(
        "order_item",
        &schema_for!(OrderItem).to_value(),
        "order_item.json",
    );
}
