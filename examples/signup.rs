//! Placeholder until the signup example lands.
fn main() {}
