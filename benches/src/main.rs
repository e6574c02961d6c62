//! `cargo run --release --manifest-path benches/Cargo.toml [compare|scaling]`:
//! validate against validator, garde and hand-written Rust, side by side.
#![forbid(unsafe_code)]

fn main() {
    let only = std::env::args().nth(1);
    bench::run(only.as_deref());
}
