//! Shared models for the examples.
