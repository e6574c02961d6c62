//! The collecting decoder against serde: reading the signup body as JSON
//! and validating it, `validate_core::json::from_slice` (every error at
//! once) against `serde_json::from_slice` + `validate()` on the valid body,
//! and against the first-error path (`de::deserialize_valid`: serde, which
//! stops at the first wrong value, then sanitize and validate) on the
//! scenario's invalid body (every field breaks a rule) and on a mixed one
//! (the same with `age` a string: serde stops there, before the rest of
//! the body). Prints tables, `RATIO decode.valid/serde_validate x.xx`,
//! `RATIO decode.invalid/first_error x.xx` and
//! `RATIO decode.mixed/first_error x.xx`.

use std::hint::black_box;

use serde::Deserialize;
use validate_core::{Validate, de, json};

use crate::harness::{self, BATCH, Contender};
use crate::report::{Figure, Table};
use crate::scenario::{self, Signup};

/// Rounds per case: odd, so the median is one measured round.
const ROUNDS: usize = 31;

/// The scenario's model, read from JSON: the same rules as
/// `models::ours`, with serde's derive beside.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct DecodeSignup {
    #[validate(length(min = 3, max = 32), charset(ascii_alphanumeric, "_"))]
    username: String,
    #[validate(email)]
    email: String,
    #[validate(length(min = 12, max = 128))]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: DecodeAddress,
    #[validate(length(max = 500))]
    bio: String,
}

/// The nested address.
#[derive(Debug, Deserialize, Validate)]
pub struct DecodeAddress {
    #[validate(length(min = 1, max = 100))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

/// The scenario as a JSON body; `age` as given (a number, or a string to
/// make it the wrong type).
fn body(s: &Signup, age: serde_json::Value) -> Vec<u8> {
    serde_json::json!({
        "username": s.username,
        "email": s.email,
        "password": s.password,
        "age": age,
        "website": s.website,
        "tags": s.tags,
        "address": {"street": s.address.street, "city": s.address.city, "zip": s.address.zip},
        "bio": s.bio,
    })
    .to_string()
    .into_bytes()
}

fn decoded(body: &[u8]) -> usize {
    json::from_slice::<DecodeSignup>(body).map_or_else(|e| e.len(), |_| 0)
}

/// Today's path before the decoder: serde, then `validate()`.
fn serde_then_validate(body: &[u8]) -> usize {
    match serde_json::from_slice::<DecodeSignup>(body) {
        Ok(value) => value.validate().map_or_else(|e| e.len(), |()| 0),
        Err(_) => 1,
    }
}

/// The first-error path: serde with the failing path tracked, stopping at
/// the first wrong value, then sanitize + validate.
fn first_error(body: &[u8]) -> usize {
    let mut de = serde_json::Deserializer::from_slice(body);
    match de::deserialize_valid::<DecodeSignup, _>(&mut de) {
        Ok(_) => 0,
        Err(de::DeserializeError::Invalid(e)) => e.len(),
        Err(de::DeserializeError::Malformed(_)) => 1,
    }
}

fn case(label: &'static str, base: &'static str, cs: &[Contender<'_>]) -> Vec<Figure> {
    let m = harness::run(cs, ROUNDS, BATCH);
    let mut t = Table::new(&["reader", "ns/call", "x base", "errors", "allocs", "bytes"]);
    let mut out = Vec::new();
    for (i, c) in cs.iter().enumerate() {
        t.row(vec![
            c.name.to_owned(),
            format!("{:.0}", m.per_call(i) * 1e9),
            format!("{:.3}", m.ratio(i, 0)),
            c.errors.to_string(),
            format!("{:.1}", c.allocs.count),
            format!("{:.0}", c.allocs.bytes),
        ]);
        out.push(Figure::new(
            "NS",
            format!("decode_{label}"),
            c.name,
            m.per_call(i) * 1e9,
        ));
        out.push(Figure::new(
            "ALLOCS",
            format!("decode_{label}"),
            c.name,
            c.allocs.count,
        ));
        out.push(Figure::new(
            "ERRORS",
            format!("decode_{label}"),
            c.name,
            c.errors as f64,
        ));
    }
    out.push(Figure::new(
        "RATIO",
        "decode",
        format!("{label}/{base}"),
        m.ratio(1, 0),
    ));
    println!("\ndecode, {label} body: medians of {ROUNDS} rounds of ~20 ms batches");
    t.print();
    out
}

/// Runs both cases; returns every figure.
pub fn run() -> Vec<Figure> {
    let valid = body(&scenario::valid(), serde_json::json!(scenario::valid().age));
    let invalid = body(
        &scenario::invalid(),
        serde_json::json!(scenario::invalid().age),
    );
    let mixed = body(&scenario::invalid(), serde_json::json!("seven"));
    let (v1, v2) = (valid.clone(), valid);
    let mut figures = case(
        "valid",
        "serde_validate",
        &[
            Contender::new("serde_validate", move || {
                serde_then_validate(black_box(&v1))
            }),
            Contender::new("decode", move || decoded(black_box(&v2))),
        ],
    );
    let (i1, i2) = (invalid.clone(), invalid);
    figures.extend(case(
        "invalid",
        "first_error",
        &[
            Contender::new("first_error", move || first_error(black_box(&i1))),
            Contender::new("decode", move || decoded(black_box(&i2))),
        ],
    ));
    let (m1, m2) = (mixed.clone(), mixed);
    figures.extend(case(
        "mixed",
        "first_error",
        &[
            Contender::new("first_error", move || first_error(black_box(&m1))),
            Contender::new("decode", move || decoded(black_box(&m2))),
        ],
    ));
    figures
}

/// Calls one reader `iterations` times (for a profiler): `decode` or
/// `serde` on the valid body, `decode-invalid` or `first-error` on the
/// invalid one, `decode-mixed` or `first-error-mixed` on the mixed one.
/// `false` for an unknown reader.
pub fn profile(reader: &str, iterations: u64) -> bool {
    let valid = body(&scenario::valid(), serde_json::json!(scenario::valid().age));
    let invalid = body(
        &scenario::invalid(),
        serde_json::json!(scenario::invalid().age),
    );
    let mixed = body(&scenario::invalid(), serde_json::json!("seven"));
    let (read, body): (fn(&[u8]) -> usize, _) = match reader {
        "decode" => (decoded, valid),
        "serde" => (serde_then_validate, valid),
        "decode-invalid" => (decoded, invalid),
        "first-error" => (first_error, invalid),
        "decode-mixed" => (decoded, mixed),
        "first-error-mixed" => (first_error, mixed),
        _ => return false,
    };
    for _ in 0..iterations {
        black_box(read(black_box(&body)));
    }
    true
}
