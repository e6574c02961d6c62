//! The comparison benchmark of validate against validator, garde and
//! hand-written Rust: the signup scenario, its scaling series, the measuring
//! harness, the collecting decoder against serde. `cargo run --release --manifest-path benches/Cargo.toml` runs it
//! all; see `run`.
#![forbid(unsafe_code)]

pub mod alloc;
pub mod compare;
pub mod decode;
pub mod harness;
pub mod models;
pub mod report;
pub mod reuse;
pub mod scaling;
pub mod scenario;
pub mod targets;

/// Runs the comparison, the scaling series and the reuse cases (or only the
/// one `only` names: `compare`, `scaling`, `reuse` or `decode`), printing tables, then
/// one machine-readable line per figure, then the targets.
pub fn run(only: Option<&str>) {
    let mut figures = Vec::new();
    if only.is_none_or(|o| o == "compare") {
        figures.extend(compare::run());
    }
    if only.is_none_or(|o| o == "scaling") {
        figures.extend(scaling::run());
    }
    if only.is_none_or(|o| o == "reuse") {
        figures.extend(reuse::run());
    }
    if only.is_none_or(|o| o == "decode") {
        figures.extend(decode::run());
    }
    println!();
    for f in &figures {
        println!("{f}");
    }
    targets::print(&figures);
}
