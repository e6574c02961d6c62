//! Every sanitizer on arbitrary text: no panic, idempotent, the same result
//! on a `String` and on a borrowed `Cow` (which stays borrowed when nothing
//! changes), and the output passes the matching rule.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use validate_core::{rules, sanitize};
use validate_fuzz::sanitizers::{SANITIZERS, run};
use validate_fuzz::text;

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    for (name, on_string, on_cow) in SANITIZERS {
        let once = run(*on_string, &s);
        let twice = run(*on_string, &once);
        assert_eq!(twice, once, "{name} is not idempotent");
        let mut cow = Cow::Borrowed(s.as_ref());
        on_cow(&mut cow);
        assert_eq!(cow.as_ref(), once, "{name} differs on Cow");
        if once == s {
            assert!(
                matches!(cow, Cow::Borrowed(_)),
                "{name} cloned an unchanged Cow"
            );
        }
    }
    // Each output passes its rule.
    let out = run(sanitize::filename, &s);
    assert!(
        rules::safe_filename(&out).is_ok(),
        "filename output {out:?} is unsafe"
    );
    let out = run(sanitize::strip_invisible, &s);
    assert!(
        rules::no_invisible(&out).is_ok(),
        "strip_invisible left {out:?}"
    );
    let out = run(|v| sanitize::strip_control(v, false), &s);
    assert!(
        rules::no_control(&out).is_ok(),
        "strip_control left {out:?}"
    );
    let out = run(|v| sanitize::strip_control(v, true), &s);
    assert!(
        !out.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    );
    for (f, start, end) in [
        (sanitize::trim as fn(&mut String), true, true),
        (sanitize::trim_start, true, false),
        (sanitize::trim_end, false, true),
    ] {
        // `char::is_whitespace` is the Unicode White_Space property.
        let out = run(f, &s);
        assert!(!(start && out.starts_with(char::is_whitespace)), "{out:?}");
        assert!(!(end && out.ends_with(char::is_whitespace)), "{out:?}");
    }
    let out = run(sanitize::collapse_whitespace, &s);
    assert!(!out.contains("  ") && out.chars().all(|c| c == ' ' || !c.is_whitespace()));
    let out = run(|v| sanitize::truncate(v, 7), &s);
    assert!(rules::length(&out, ..=7).is_ok() && s.starts_with(out.as_str()));
    let out = run(|v| sanitize::truncate_graphemes(v, 5), &s);
    assert!(rules::length_in(&out, ..=5, rules::LengthUnit::Graphemes).is_ok());
    // A typical derive chain: canonicalize, then the chain is a fixed point.
    let chain = |v: &mut String| {
        sanitize::nfkc(v);
        sanitize::strip_invisible(v);
        sanitize::strip_control(v, false);
        sanitize::collapse_whitespace(v);
        sanitize::trim(v);
        sanitize::lowercase(v);
    };
    let mut once = s.to_string();
    chain(&mut once);
    assert!(
        rules::no_invisible(&once).is_ok() && rules::no_control(&once).is_ok(),
        "{once:?}"
    );
});
