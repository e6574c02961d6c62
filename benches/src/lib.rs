//! The comparison benchmark of validate against validator, garde and
//! hand-written Rust: the signup scenario, its scaling series, the measuring
//! harness. `cargo run --release --manifest-path benches/Cargo.toml` runs it
//! all; see `run`.
#![forbid(unsafe_code)]

pub mod alloc;
pub mod compare;
pub mod harness;
pub mod models;
pub mod report;
pub mod scaling;
pub mod scenario;
pub mod targets;

/// Runs the comparison (unless `only` is `Some("scaling")`) and the scaling
/// series (unless `only` is `Some("compare")`), printing tables, then one
/// machine-readable line per figure, then the targets.
pub fn run(only: Option<&str>) {
    let mut figures = Vec::new();
    if only != Some("scaling") {
        figures.extend(compare::run());
    }
    if only != Some("compare") {
        figures.extend(scaling::run());
    }
    println!();
    for f in &figures {
        println!("{f}");
    }
    targets::print(&figures);
}
