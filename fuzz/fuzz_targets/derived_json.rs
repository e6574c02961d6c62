//! A derived request struct fed from arbitrary JSON, as a handler gets it:
//! `serde_json::from_slice`, then `sanitize`, then `validate`. Checks: no
//! panic; no error's type, message or ctx contains 8 or more characters of
//! a string value of the request (the `loc` shows field names and map keys
//! by design, and is left out); sanitizing twice changes nothing more;
//! `Valid::new` agrees with sanitize-then-validate.
#![no_main]

use std::collections::BTreeMap;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde_json::Value;
use validate_core::{Valid, Validate};
use validate_fuzz::{assert_no_echo_except, texts_beside_loc};

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Validate)]
#[serde(default, rename_all = "camelCase")]
struct SignupRequest {
    #[validate(sanitize(trim, lowercase))]
    #[validate(length(min = 3, max = 32), pattern("^[a-z0-9_]+$"))]
    user_name: String,
    #[validate(sanitize(trim), email)]
    email: String,
    #[validate(length(min = 12, max = 128))]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    website: Option<String>,
    #[validate(
        length(max = 10),
        each(sanitize(strip_invisible, trim), length(min = 1, max = 20), no_control)
    )]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
    #[validate(sanitize(filename), safe_filename)]
    avatar: Option<String>,
    #[validate(keys(sanitize(nfkc), length(max = 16), single_script), values(uuid))]
    devices: BTreeMap<String, String>,
    #[validate(ip)]
    last_ip: Option<String>,
    #[validate(credit_card)]
    card: Option<String>,
    #[validate(
        sanitize(collapse_whitespace, truncate(500)),
        no_invisible,
        charset(printable)
    )]
    bio: Option<String>,
    #[validate(one_of("free", "pro"))]
    plan: Option<String>,
    #[validate(nested)]
    referrer: Option<Box<SignupRequest>>,
    #[validate(nested)]
    invited: Vec<SignupRequest>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Validate)]
#[serde(default)]
struct Address {
    #[validate(sanitize(nfc, strip_control), length(min = 1, max = 100))]
    street: String,
    #[validate(length(min = 1, max = 50), single_script)]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

/// The library's wording for this struct's rules and parameters: what it
/// says about an empty request (every field fails) and about the seed.
static WORDING: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut empty = SignupRequest::default();
    empty.referrer = Some(Box::default());
    empty.tags = vec![String::new(); 11];
    let mut wording = empty
        .validate()
        .map(|()| Vec::new())
        .unwrap_or_else(|e| texts_beside_loc(&e));
    wording.extend(["Dictionary", "List"].map(str::to_owned));
    wording
});

/// Every string value in the document (not the object keys).
fn strings(v: &Value, values: &mut Vec<String>) {
    match v {
        Value::String(s) => values.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings(i, values)),
        Value::Object(map) => map.values().for_each(|i| strings(i, values)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(request) = serde_json::from_slice::<SignupRequest>(data) else {
        return;
    };
    let mut sanitized = request.clone();
    sanitized.sanitize();
    let mut again = sanitized.clone();
    again.sanitize();
    assert_eq!(again, sanitized, "sanitize is not idempotent");

    let verdict = sanitized.validate();
    let valid = Valid::new(request.clone());
    assert_eq!(valid.is_ok(), verdict.is_ok(), "Valid::new disagrees");

    if let Err(errors) = verdict {
        assert!(!errors.is_empty());
        let shown = texts_beside_loc(&errors);
        let mut values = Vec::new();
        if let Ok(doc) = serde_json::from_slice::<Value>(data) {
            strings(&doc, &mut values);
        }
        let wording = &*WORDING;
        // The sanitized values are the input as well.
        values.extend(
            [
                &sanitized.user_name,
                &sanitized.email,
                &sanitized.address.street,
            ]
            .map(String::clone),
        );
        for value in &values {
            assert_no_echo_except(value, &shown, wording);
        }
    }
});
