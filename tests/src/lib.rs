//! Helpers for the integration tests.

pub mod corpus;
pub mod differential;
pub mod sanitizers;
pub mod shared_rules;
