//! One model of the scenario per library, each built from the same
//! [`scenario`](crate::scenario) data.

pub mod floor;
pub mod garde_model;
pub mod ours;
pub mod reuse_models;
pub mod validator_model;
