//! The side-by-side comparison on the signup scenario: builds every
//! library's model of the valid and the invalid request, measures them
//! interleaved, prints the table and the machine-readable lines.

use std::hint::black_box;

use crate::harness::{self, BATCH, Contender, Measurement};
use crate::models::{floor, garde_model, ours, validator_model};
use crate::report::{Figure, Table};
use crate::scenario::{self, Signup};

/// Rounds per case: odd, so the median is one measured round.
const ROUNDS: usize = 31;

/// The contenders for one input, the floor first.
fn contenders(input: &Signup) -> Vec<Contender<'static>> {
    let f = floor::SignupRequest::from(input);
    let o = ours::SignupRequest::from(input);
    let v = validator_model::SignupRequest::from(input);
    let g = garde_model::SignupRequest::from(input);
    vec![
        Contender::new("floor", move || match black_box(&f).validate() {
            Ok(()) => 0,
            Err(e) => e.len(),
        }),
        Contender::new("ours", move || {
            use validate_core::Validate as _;
            match black_box(&o).validate() {
                Ok(()) => 0,
                Err(e) => e.len(),
            }
        }),
        Contender::new("validator", move || {
            use validator::Validate as _;
            match black_box(&v).validate() {
                Ok(()) => 0,
                Err(e) => validator_model::count(&e),
            }
        }),
        Contender::new("garde", move || {
            use garde::Validate as _;
            match black_box(&g).validate() {
                Ok(()) => 0,
                Err(e) => e.iter().count(),
            }
        }),
    ]
}

/// Measures one case and returns its figures, after printing its table.
fn case(label: &'static str, input: &Signup) -> Vec<Figure> {
    let cs = contenders(input);
    let m = harness::run(&cs, ROUNDS, BATCH);
    print_table(label, &cs, &m);
    figures(label, &cs, &m)
}

fn print_table(label: &str, cs: &[Contender<'_>], m: &Measurement) {
    let mut t = Table::new(&[
        "library", "ns/call", "x floor", "x garde", "errors", "allocs", "bytes",
    ]);
    let floor = m.index("floor").unwrap_or(0);
    let garde = m.index("garde").unwrap_or(0);
    for (i, c) in cs.iter().enumerate() {
        t.row(vec![
            c.name.to_owned(),
            format!("{:.0}", m.per_call(i) * 1e9),
            format!("{:.2}", m.ratio(i, floor)),
            format!("{:.2}", m.ratio(i, garde)),
            c.errors.to_string(),
            format!("{:.1}", c.allocs.count),
            format!("{:.0}", c.allocs.bytes),
        ]);
    }
    println!("\n{label} request: medians of {ROUNDS} rounds of ~20 ms batches");
    t.print();
}

/// The ratios that matter (each library against the floor, ours against
/// each peer, the peers against each other), allocations and error counts.
fn figures(label: &'static str, cs: &[Contender<'_>], m: &Measurement) -> Vec<Figure> {
    let pairs = [
        ("ours", "floor"),
        ("ours", "garde"),
        ("ours", "validator"),
        ("garde", "floor"),
        ("validator", "floor"),
        ("garde", "validator"),
    ];
    let mut out = Vec::new();
    for (a, b) in pairs {
        if let (Some(i), Some(j)) = (m.index(a), m.index(b)) {
            out.push(Figure::ratio(label, a, b, m.ratio(i, j)));
        }
    }
    for (i, c) in cs.iter().enumerate() {
        out.push(Figure::new("NS", label, c.name, m.per_call(i) * 1e9));
        out.push(Figure::new("ALLOCS", label, c.name, c.allocs.count));
        out.push(Figure::new("BYTES", label, c.name, c.allocs.bytes));
        out.push(Figure::new("ERRORS", label, c.name, c.errors as f64));
    }
    out
}

/// Calls one library's check on one case `iterations` times and nothing
/// else, for a profiler: `valgrind --tool=callgrind target/release/bench
/// profile valid ours`. Returns false when the case or library is unknown.
pub fn profile(case: &str, library: &str, iterations: u64) -> bool {
    let input = match case {
        "valid" => scenario::valid(),
        "invalid" => scenario::invalid(),
        _ => return false,
    };
    let Some(c) = contenders(&input).into_iter().find(|c| c.name == library) else {
        return false;
    };
    c.run(iterations);
    true
}

/// Runs the valid and the invalid case; returns every figure.
pub fn run() -> Vec<Figure> {
    let mut figures = case("valid", &scenario::valid());
    figures.extend(case("invalid", &scenario::invalid()));
    figures
}
