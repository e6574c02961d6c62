//! `date`, `datetime`, `time` and `date_range` against what Pydantic 2.14
//! answers in strict mode for the same JSON strings: verdict, type, msg and
//! ctx, for every input of `pydantic.json` (written by
//! `tests/pydantic/measure_dates.py`; the test reads the JSON and needs no
//! Python). A unit test, beside the scanner it checks, so that the crate's
//! own tests (and its mutation run) hold the scanner to Pydantic.

use jiff::civil::date;
use serde_json::Value;

use crate::error::ValidationError;
use crate::rules;

/// The rule's answer in the fixture's shape.
fn ours(result: Result<(), ValidationError>) -> Value {
    match result {
        Ok(()) => serde_json::json!({ "valid": true }),
        Err(e) => {
            let mut out = serde_json::json!({
                "valid": false,
                "type": e.kind(),
                "msg": e.msg(),
            });
            if !e.ctx().is_empty() {
                let ctx: serde_json::Map<String, Value> = e
                    .ctx()
                    .iter()
                    .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
                    .collect();
                out["ctx"] = Value::Object(ctx);
            }
            out
        }
    }
}

#[test]
fn every_fixture_row_matches_pydantic() {
    let fixture: Value =
        serde_json::from_str(include_str!("pydantic.json")).expect("the fixture is JSON");
    let rows = fixture["rows"].as_array().expect("rows");
    assert!(rows.len() > 100, "fixture too small: {}", rows.len());
    let mut mismatches = Vec::new();
    for row in rows {
        let input = row["input"].as_str().expect("input is a string");
        for (rule, result) in [
            ("date", rules::date(input)),
            ("datetime", rules::datetime(input)),
            ("time", rules::time(input)),
            (
                "date_2000_to_2030",
                rules::date_range(input, date(2000, 1, 1)..date(2030, 1, 1)),
            ),
        ] {
            let got = ours(result);
            if got != row[rule] {
                mismatches.push(format!(
                    "{rule}({input:?}): ours {got}, pydantic {}",
                    row[rule]
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
