//! Shared models for the examples.

pub mod axum_app;
pub mod openapi;
