//! A signup service that answers bad input as FastAPI does.
//!
//! ```text
//! cargo run -p examples --example axum_server          # PORT=8080 to move it
//! curl -s localhost:3000/search?q=r\&limit=0
//! ```
//!
//! Listens on 127.0.0.1:$PORT (default 3000) and prints
//! `listening on http://127.0.0.1:PORT` once it accepts connections. The
//! routes and models are in `examples/axum_app.rs`.

use std::process::ExitCode;

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    let port = match std::env::var("PORT") {
        Err(_) => 3000,
        Ok(text) => match text.parse::<u16>() {
            Ok(port) => port,
            Err(_) => {
                eprintln!("PORT must be a port number (0-65535)");
                return ExitCode::FAILURE;
            }
        },
    };
    let listener = match TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The bound port: PORT=0 lets the system pick one.
    let port = listener.local_addr().map_or(port, |addr| addr.port());
    println!("listening on http://127.0.0.1:{port}");
    match axum::serve(listener, examples::axum_app::router()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server error: {e}");
            ExitCode::FAILURE
        }
    }
}
