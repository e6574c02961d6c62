//! Starts the example's router (`examples::axum_app::router`) on an
//! ephemeral loopback port and talks to it over real HTTP with reqwest.

#![allow(dead_code)] // Each test file uses its own part of this module.

use serde_json::Value;
use tokio::net::TcpListener;

/// The example service, serving on 127.0.0.1 until the test's runtime ends.
pub(crate) struct Server {
    base: String,
    client: reqwest::Client,
}

/// One answer: status, `content-type` and the body as text.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) text: String,
    /// Every header, as `name: value` lines, to check nothing leaks there.
    pub(crate) headers: String,
}

impl Reply {
    /// The body as JSON; panics (fails the test) if it is not JSON.
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

/// A valid signup body (the same as in the FastAPI measurements).
pub(crate) const VALID_SIGNUP: &str = r#"{"userName": "  Alice_1 ", "email": " a@example.com ", "password": "correct horse battery", "age": 30, "tags": ["a"], "address": {"street": "1 Main St", "city": "Paris", "zip": "75001"}}"#;

/// [`VALID_SIGNUP`] with `key` set to `value` (raw JSON), or removed.
pub(crate) fn signup_with(changes: &[(&str, Option<&str>)]) -> String {
    let mut body: serde_json::Map<String, Value> =
        serde_json::from_str(VALID_SIGNUP).expect("VALID_SIGNUP is a JSON object");
    for (key, value) in changes {
        match value {
            Some(v) => {
                body.insert(
                    (*key).to_owned(),
                    serde_json::from_str(v).expect("a change is JSON"),
                );
            }
            None => {
                body.remove(*key);
            }
        }
    }
    Value::Object(body).to_string()
}

impl Server {
    /// Binds 127.0.0.1:0 and serves the example's router on it.
    pub(crate) async fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("the bound address");
        tokio::spawn(async move {
            axum::serve(listener, examples::axum_app::router())
                .await
                .expect("the server runs until the test ends");
        });
        // Loopback only: no proxy from the environment may intercept.
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("an HTTP client");
        Server {
            base: format!("http://{addr}"),
            client,
        }
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| format!("{k}: {}\n", String::from_utf8_lossy(v.as_bytes())))
            .collect();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let text = response.text().await.expect("a readable body");
        Reply {
            status,
            content_type,
            text,
            headers,
        }
    }

    /// `POST path` with the raw `body` and, if given, a `content-type`.
    pub(crate) async fn post(&self, path: &str, content_type: Option<&str>, body: &str) -> Reply {
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .body(body.to_owned());
        if let Some(ct) = content_type {
            request = request.header("content-type", ct);
        }
        self.send(request).await
    }

    /// `POST path` with a JSON body.
    pub(crate) async fn post_json(&self, path: &str, body: &str) -> Reply {
        self.post(path, Some("application/json"), body).await
    }

    /// `PUT path` with a JSON body.
    pub(crate) async fn put_json(&self, path: &str, body: &str) -> Reply {
        let request = self
            .client
            .put(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body.to_owned());
        self.send(request).await
    }

    /// `GET path_and_query`.
    pub(crate) async fn get(&self, path_and_query: &str) -> Reply {
        self.send(self.client.get(format!("{}{path_and_query}", self.base)))
            .await
    }
}
