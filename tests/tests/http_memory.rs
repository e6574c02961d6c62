//! Memory stays flat under a stream of invalid requests: 10,000 of them, in
//! sequence, over one keep-alive connection to the example server in this
//! process, and the resident set after warm-up does not grow past a fixed
//! bound. A leak of even a few hundred bytes per rejected request (an error
//! list, a body buffer, a connection's state) would fail it.
//!
//! Alone in its file, so no other test shares the process it measures.

mod http_support;

use std::time::{Duration, Instant};

use http_support::{Server, signup_with};

const WARM_UP: usize = 1_000;
const REQUESTS: usize = 10_000;
/// Growth allowed after warm-up: allocator and runtime caches settle within
/// it; a leak of 200 bytes per request (2 MB over the run) would not.
const BOUND: u64 = 1536 * 1024;

/// The process's resident set in bytes, from /proc/self/statm.
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("/proc/self/statm (Linux)");
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|field| field.parse().ok())
        .expect("statm's second field: resident pages");
    // The page size of every Linux target this runs on (x86_64, aarch64 with
    // 4 KiB pages).
    pages * 4096
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_invalid_requests_in_flat_memory() {
    let server = Server::start().await;
    let tags = serde_json::to_string(&["x"; 11]).unwrap();
    let password = "Tr0ub4dor&3-hunter2";
    // Four validation errors and a password that must not come back.
    let invalid = signup_with(&[
        ("userName", Some(r#""ab""#)),
        ("password", Some(&format!("\"{password}\""))),
        ("age", Some("5")),
        ("tags", Some(&tags)),
    ]);
    let malformed = r#"{"userName": "x","#;

    let send = async |i: usize| {
        let reply = if i.is_multiple_of(2) {
            server.post_json("/signup", &invalid).await
        } else {
            server.post_json("/signup", malformed).await
        };
        assert_eq!(reply.status, 422);
        assert!(!reply.text.contains("hunter2"));
        reply.text.len()
    };

    for i in 0..WARM_UP {
        send(i).await;
    }
    let before = resident_bytes();
    let mut chunk_times = Vec::new();
    let mut answered = 0;
    for chunk in 0..REQUESTS / 1000 {
        let start = Instant::now();
        for i in 0..1000 {
            answered += usize::from(send(chunk * 1000 + i).await > 0);
        }
        chunk_times.push(start.elapsed());
    }
    let after = resident_bytes();
    assert_eq!(answered, REQUESTS);
    let growth = after.saturating_sub(before);
    eprintln!(
        "resident: {} KiB after warm-up, {} KiB after {REQUESTS} requests (+{} KiB); \
         per 1000 requests: {chunk_times:?}",
        before / 1024,
        after / 1024,
        growth / 1024
    );
    assert!(
        growth <= BOUND,
        "resident memory grew by {} KiB over {REQUESTS} invalid requests (bound {} KiB)",
        growth / 1024,
        BOUND / 1024
    );
    // Time per request stays flat too: no chunk is far slower than the
    // fastest (a generous factor, as CI machines are shared).
    let fastest = chunk_times.iter().min().copied().unwrap_or(Duration::ZERO);
    let slowest = chunk_times.iter().max().copied().unwrap_or(Duration::ZERO);
    assert!(
        slowest <= fastest * 10,
        "per-1000 times drift: fastest {fastest:?}, slowest {slowest:?}"
    );
}
