//! Every built-in string sanitizer, by name, on a `String` and on a `Cow`:
//! the one list the property tests (`sanitize_props`, `rules_props`) and the
//! `sanitizers` fuzz target (`fuzz/src/lib.rs` includes this file) run.

use std::borrow::Cow;

use validate_core::sanitize;

/// A sanitizer's name and the function on each of the two input types.
pub type Sanitizer = (&'static str, fn(&mut String), fn(&mut Cow<'_, str>));

macro_rules! sanitizers {
    ($($name:literal => |$v:ident| $body:expr),* $(,)?) => {
        &[$((
            $name,
            |$v: &mut String| $body,
            |$v: &mut Cow<'_, str>| $body,
        )),*]
    };
}

/// Every sanitizer that takes a string, with fixed parameters.
pub const SANITIZERS: &[Sanitizer] = sanitizers![
    "trim" => |v| sanitize::trim(v),
    "trim_start" => |v| sanitize::trim_start(v),
    "trim_end" => |v| sanitize::trim_end(v),
    "lowercase" => |v| sanitize::lowercase(v),
    "uppercase" => |v| sanitize::uppercase(v),
    "nfc" => |v| sanitize::nfc(v),
    "nfkc" => |v| sanitize::nfkc(v),
    "strip_invisible" => |v| sanitize::strip_invisible(v),
    "strip_control" => |v| sanitize::strip_control(v, false),
    "strip_control(keep_whitespace)" => |v| sanitize::strip_control(v, true),
    "collapse_whitespace" => |v| sanitize::collapse_whitespace(v),
    "truncate(7)" => |v| sanitize::truncate(v, 7),
    "truncate(300)" => |v| sanitize::truncate(v, 300),
    "truncate_graphemes(5)" => |v| sanitize::truncate_graphemes(v, 5),
    "filename" => |v| sanitize::filename(v),
    "url" => |v| sanitize::url(v),
];

/// `f` applied to a copy of `s`.
pub fn run(f: fn(&mut String), s: &str) -> String {
    let mut v = s.to_owned();
    f(&mut v);
    v
}
