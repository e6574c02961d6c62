//! Integrations with other crates, each behind its cargo feature.

#[cfg(feature = "serde")]
pub mod serde;

#[cfg(feature = "serde")]
pub mod de;

#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "secrecy")]
mod secrecy;
