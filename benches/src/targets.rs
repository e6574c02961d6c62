//! The targets, checked against the figures of this run: one
//! `TARGET name PASS|MISS value limit` line each.

use crate::report::Figure;

/// How a figure is compared with its limit.
enum Limit {
    AtMost(f64),
}

fn find(figures: &[Figure], tag: &str, case: &str, name: &str) -> Option<f64> {
    figures
        .iter()
        .find(|f| f.tag == tag && f.case == case && f.name == name)
        .map(|f| f.value)
}

/// Prints one line per target whose figure this run produced.
pub fn print(figures: &[Figure]) {
    let mut checks: Vec<(String, Option<f64>, Limit)> = vec![
        (
            "valid.ours/garde".into(),
            find(figures, "RATIO", "valid", "ours/garde"),
            Limit::AtMost(0.5),
        ),
        (
            "valid.ours/floor".into(),
            find(figures, "RATIO", "valid", "ours/floor"),
            Limit::AtMost(1.25),
        ),
        (
            "valid.ours.allocs".into(),
            find(figures, "ALLOCS", "valid", "ours"),
            Limit::AtMost(0.0),
        ),
        (
            "invalid.ours/garde".into(),
            find(figures, "RATIO", "invalid", "ours/garde"),
            Limit::AtMost(0.5),
        ),
    ];
    // Reused rules (rule sets, newtypes) cost what inline rules cost: within
    // measurement noise, and nothing allocated when valid.
    for name in ["newtype/inline", "ruleset/inline"] {
        checks.push((
            format!("reuse.{name}"),
            find(figures, "RATIO", "reuse", name),
            Limit::AtMost(1.1),
        ));
    }
    checks.push((
        "reuse.newtype.allocs".into(),
        find(figures, "ALLOCS", "reuse", "newtype"),
        Limit::AtMost(0.0),
    ));
    // At most one allocation per reported error, plus two.
    if let (Some(allocs), Some(errors)) = (
        find(figures, "ALLOCS", "invalid", "ours"),
        find(figures, "ERRORS", "invalid", "ours"),
    ) {
        checks.push((
            "invalid.ours.allocs-errors".into(),
            Some(allocs - errors),
            Limit::AtMost(2.0),
        ));
    }
    for f in figures.iter().filter(|f| f.tag == "SCALE") {
        checks.push((
            format!("scale.{}", f.name),
            Some(f.value),
            Limit::AtMost(1.5),
        ));
    }
    println!();
    for (name, value, limit) in checks {
        let Some(v) = value else { continue };
        let Limit::AtMost(max) = limit;
        let verdict = if v <= max { "PASS" } else { "MISS" };
        println!("TARGET {name} {verdict} {v:.3} <= {max}");
    }
}
