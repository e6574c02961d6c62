//! `cargo run --release --manifest-path benches/Cargo.toml [compare|scaling|reuse]`:
//! validate against validator, garde and hand-written Rust, side by side.
//! `bench profile CASE LIBRARY [ITERATIONS]` only calls one library's check
//! on one case (`valid` / `invalid`), for callgrind or perf;
//! `bench profile-decode READER [ITERATIONS]` does the same for the decoder
//! benchmark's readers.
#![forbid(unsafe_code)]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    if arg(0) == Some("profile-decode") {
        let iterations = arg(2).and_then(|n| n.parse().ok()).unwrap_or(100_000);
        if !bench::decode::profile(arg(1).unwrap_or("decode"), iterations) {
            eprintln!(
                "usage: bench profile-decode decode|serde|decode-invalid|first-error|decode-mixed|first-error-mixed [ITERATIONS]"
            );
            std::process::exit(2);
        }
        return;
    }
    if arg(0) == Some("profile") {
        let iterations = arg(3).and_then(|n| n.parse().ok()).unwrap_or(100_000);
        let (case, library) = (arg(1).unwrap_or("valid"), arg(2).unwrap_or("ours"));
        if !bench::compare::profile(case, library, iterations) {
            eprintln!("usage: bench profile valid|invalid floor|ours|validator|garde [ITERATIONS]");
            std::process::exit(2);
        }
        return;
    }
    bench::run(arg(0));
}
