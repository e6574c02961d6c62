//! Helpers for the integration tests.

pub mod corpus;
pub mod shared_rules;
