//! `safe_filename` and `safe_join` against the external corpora in
//! `tests/corpus`: path-traversal payloads (all hostile) and the
//! sanitize-filename crates' verdicts on file names.

use std::path::{Component, Path};

use serde_json::Value;
use validate_core::path::safe_join;
use validate_core::rules;

struct Row {
    input: String,
    expected_valid: bool,
    profile: String,
    tags: String,
}

fn load(file: &str) -> Vec<Row> {
    let path = tests::corpus::dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read corpus {}: {e}", path.display()));
    let rows: Vec<Value> = serde_json::from_str(&text).expect("corpus is a JSON array");
    let field = |row: &Value, key: &str| row[key].as_str().unwrap_or_default().to_owned();
    rows.iter()
        .map(|row| Row {
            input: field(row, "input"),
            expected_valid: field(row, "expected") == "valid",
            profile: field(row, "profile"),
            tags: field(row, "tags"),
        })
        .collect()
}

#[test]
fn safe_filename_rejects_every_literal_traversal_payload() {
    let rows = load("path_traversal.json");
    assert!(
        rows.len() > 1000,
        "corpus looks truncated: {} rows",
        rows.len()
    );
    let literal: Vec<&Row> = rows
        .iter()
        .filter(|r| !r.tags.contains("encoded-only"))
        .collect();
    let accepted: Vec<&str> = literal
        .iter()
        .filter(|r| rules::safe_filename(r.input.as_str()).is_ok())
        .map(|r| r.input.as_str())
        .collect();
    println!(
        "path_traversal.json: {} rows, {} not encoded-only, {} accepted by safe_filename",
        rows.len(),
        literal.len(),
        accepted.len()
    );
    assert!(accepted.is_empty(), "accepted payloads: {accepted:#?}");

    // The encoded-only rows are names made of `%`, letters and digits: a
    // literal check may accept them (they are dangerous only if decoded
    // after validation). Report how many are accepted anyway.
    let encoded_ok = rows
        .iter()
        .filter(|r| {
            r.tags.contains("encoded-only") && rules::safe_filename(r.input.as_str()).is_ok()
        })
        .count();
    println!("encoded-only rows accepted as literal names: {encoded_ok}");
}

/// What the brief calls a payload `safe_join` must refuse: a literal `..`
/// component (either separator), an absolute path, a drive prefix or NUL.
fn must_refuse(input: &str) -> bool {
    let dotdot = input.split(['/', '\\']).any(|part| part == "..");
    let absolute = input.starts_with(['/', '\\']);
    let b = input.as_bytes();
    let drive = b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':';
    dotdot || absolute || drive || input.contains('\0')
}

#[test]
fn safe_join_never_leaves_the_base_on_traversal_payloads() {
    let rows = load("path_traversal.json");
    let base = Path::new("/srv/uploads");
    let (mut refused, mut must, mut joined) = (0, 0, Vec::new());
    for row in &rows {
        let input = row.input.as_str();
        let result = safe_join(base, input);
        if must_refuse(input) {
            must += 1;
            assert!(result.is_err(), "safe_join accepted {input:?}: {result:?}");
        }
        match result {
            Err(_) => refused += 1,
            Ok(p) => {
                let rest = p.strip_prefix(base).expect("result starts with the base");
                assert!(
                    rest.components().all(|c| matches!(c, Component::Normal(_))),
                    "{input:?} -> {p:?}"
                );
                joined.push(input);
            }
        }
    }
    println!(
        "safe_join: {} rows, {} must be refused (all are), {} refused in total, {} joined under the base",
        rows.len(),
        must,
        refused,
        joined.len()
    );
    for input in joined.iter().take(10) {
        println!("  joined (stays under base): {input:?}");
    }
    assert!(must > 800, "the refusal set looks too small: {must}");
}

#[test]
fn safe_filename_agrees_with_sanitize_filename_corpus() {
    const PROFILE: &str = "sanitize-filename is_sanitized(windows=true,truncate=true)";
    let rows = load("filename.json");
    let mut profiles: Vec<&str> = rows.iter().map(|r| r.profile.as_str()).collect();
    profiles.sort_unstable();
    profiles.dedup();
    assert!(
        profiles.contains(&PROFILE),
        "profile {PROFILE:?} not in {profiles:?}"
    );

    let mut kardeiz_agreement = 0.0;
    for profile in &profiles {
        let subset: Vec<&Row> = rows.iter().filter(|r| r.profile == *profile).collect();
        println!("\n{profile}: {} rows", subset.len());
        println!("{:<50} {:>9} {:>9}  agree", "input", "expected", "ours");
        let mut agree = 0;
        let mut disagreements = Vec::new();
        for row in &subset {
            let ours = rules::safe_filename(row.input.as_str());
            let ours_valid = ours.is_ok();
            let shown = format!("{:?}", row.input);
            let shown: String = if shown.chars().count() > 48 {
                shown.chars().take(45).chain("...".chars()).collect()
            } else {
                shown
            };
            let verdict = |v: bool| if v { "valid" } else { "invalid" };
            println!(
                "{:<50} {:>9} {:>9}  {}",
                shown,
                verdict(row.expected_valid),
                verdict(ours_valid),
                if ours_valid == row.expected_valid {
                    "yes"
                } else {
                    "NO"
                }
            );
            if ours_valid == row.expected_valid {
                agree += 1;
            } else {
                let why = ours.err().map(|e| e.msg().into_owned()).unwrap_or_default();
                disagreements.push(format!(
                    "{shown}: expected {}, ours {} {why}",
                    verdict(row.expected_valid),
                    verdict(ours_valid)
                ));
            }
        }
        let ratio = agree as f64 / subset.len() as f64;
        println!(
            "agreement: {agree}/{} = {:.1}%",
            subset.len(),
            ratio * 100.0
        );
        for d in &disagreements {
            println!("  disagreement: {d}");
        }
        if *profile == PROFILE {
            kardeiz_agreement = ratio;
        }
    }
    assert!(
        kardeiz_agreement >= 0.95,
        "agreement with {PROFILE} is {:.1}%",
        kardeiz_agreement * 100.0
    );
}
