//! Reused rules cost nothing: the signup scenario checked through rule sets
//! (`rule(Name)` on plain fields) and through newtypes (fields typed with
//! them, `nested` re-running their rules), against the same rules written
//! inline; and building the checked request from raw data, newtype by
//! newtype, against sanitizing and validating the inline model. Prints a
//! table and `RATIO reuse.newtype/inline x.xx` and the like.

use std::hint::black_box;

use validate_core::{Valid, Validate as _};

use crate::harness::{self, BATCH, Contender};
use crate::models::ours;
use crate::models::reuse_models::{SignupNewtypes, SignupRuleSets};
use crate::report::{Figure, Table};
use crate::scenario::{self, Signup};

/// Rounds per case: odd, so the median is one measured round.
const ROUNDS: usize = 31;

fn count(result: Result<(), validate_core::ValidationErrors>) -> usize {
    result.map_or_else(|e| e.len(), |()| 0)
}

/// Validating a built request: inline rules, rule sets and, for a valid
/// input, newtypes (an invalid newtype cannot be built).
fn validating(input: &Signup) -> Vec<Contender<'static>> {
    let inline = ours::SignupRequest::from(input);
    let named = SignupRuleSets::from(input);
    let mut cs = vec![
        Contender::new("inline", move || count(black_box(&inline).validate())),
        Contender::new("ruleset", move || count(black_box(&named).validate())),
    ];
    if let Ok(typed) = SignupNewtypes::build(input) {
        cs.push(Contender::new("newtype", move || {
            count(black_box(&typed).validate())
        }));
    }
    cs
}

/// Building the checked request from raw data: the inline model cloned,
/// sanitized and validated, against each newtype built and checked.
fn building(input: &Signup) -> Vec<Contender<'static>> {
    let a = input.clone();
    let b = input.clone();
    vec![
        Contender::new("inline", move || {
            let request = ours::SignupRequest::from(black_box(&a));
            Valid::new(request).map_or_else(|e| e.len(), |_| 0)
        }),
        Contender::new("newtype", move || {
            SignupNewtypes::build(black_box(&b)).map_or_else(|e| e.len(), |_| 0)
        }),
    ]
}

fn case(label: &'static str, cs: &[Contender<'static>]) -> Vec<Figure> {
    let m = harness::run(cs, ROUNDS, BATCH);
    let mut t = Table::new(&["model", "ns/call", "x inline", "errors", "allocs"]);
    let mut out = Vec::new();
    for (i, c) in cs.iter().enumerate() {
        t.row(vec![
            c.name.to_owned(),
            format!("{:.0}", m.per_call(i) * 1e9),
            format!("{:.3}", m.ratio(i, 0)),
            c.errors.to_string(),
            format!("{:.1}", c.allocs.count),
        ]);
        out.push(Figure::new("NS", label, c.name, m.per_call(i) * 1e9));
        out.push(Figure::new("ALLOCS", label, c.name, c.allocs.count));
        if i > 0 {
            out.push(Figure::ratio(label, c.name, "inline", m.ratio(i, 0)));
        }
    }
    println!("\n{label}: medians of {ROUNDS} rounds of ~20 ms batches");
    t.print();
    out
}

/// Runs the three cases; returns every figure.
pub fn run() -> Vec<Figure> {
    let mut figures = case("reuse", &validating(&scenario::valid()));
    figures.extend(case("reuse_invalid", &validating(&scenario::invalid())));
    figures.extend(case("reuse_build", &building(&scenario::valid())));
    figures
}
