//! Compile errors of `#[derive(Validate)]`, pinned with trybuild: each
//! points at the offending token and says what to do.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
