//! Properties every sanitizer must keep on any input, arbitrary Unicode and
//! controls included: it never panics, it is idempotent, a borrowed `Cow`
//! gives the same result as a `String`, and its output passes the matching
//! rule. Also: `safe_join` never returns a path outside its base.

use std::borrow::Cow;
use std::path::{Component, Path};

use proptest::prelude::*;
use tests::sanitizers::{SANITIZERS, run};
use validate_core::path::safe_join;
use validate_core::rules::{self, is_invisible};
use validate_core::sanitize;

/// Characters that exercise the edge cases: whitespace of every kind,
/// controls, invisible and bidi characters, path and Windows specials,
/// case-mapping oddities, combining marks, NFKC look-alikes, emoji.
#[rustfmt::skip]
const SPECIAL: &[char] = &[
    ' ', '\t', '\n', '\r', '\0', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{a0}', '\u{2028}',
    '\u{3000}', '\u{200b}', '\u{200d}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}', '.', '/',
    '\\', ':', '*', '?', '"', '<', '>', '|', '\u{ff0f}', '\u{ff0e}', '\u{2024}', '\u{2025}',
    '\u{fe30}', '\u{fdfa}', '\u{fb01}', 'Σ', 'ς', 'ß', 'İ', 'ǅ', '\u{345}', '\u{301}',
    '\u{338}', '\u{334}', 'e', 'é', 'C', 'O', 'N', 'c', 'o', 'n', 'L', 'P', 'T', 'M', '1', '¹',
    '²', '$', '\u{1160}', '\u{3164}', '\u{ffa0}', '\u{fe0f}', '\u{34f}', '\u{e0041}',
    '\u{1f44d}', '\u{1f3fd}', '\u{1f1fa}', '\u{1f1f8}', '\u{1100}', '\u{1161}', '\u{11a8}',
];

fn any_text(max_chars: usize) -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => any::<char>(),
        4 => proptest::sample::select(SPECIAL),
        2 => proptest::char::range('\0', '\u{7f}'),
    ];
    proptest::collection::vec(ch, 0..max_chars).prop_map(|v| v.into_iter().collect())
}

/// Names built around Windows device names, with spaces, dots and
/// extensions, which random text rarely hits.
fn device_like() -> impl Strategy<Value = String> {
    "(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\\$|conout\\$|clock\\$)[ .]{0,3}(\\.[a-z0-9]{0,4}){0,3}[ .]{0,2}"
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![4 => any_text(1024), 1 => device_like()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_sanitizer_is_idempotent_and_agrees_on_cow(s in text()) {
        for (name, on_string, on_cow) in SANITIZERS {
            let once = run(*on_string, &s);
            let twice = run(*on_string, &once);
            prop_assert_eq!(&twice, &once, "{} is not idempotent on {:?}", name, s);

            let mut cow = Cow::Borrowed(s.as_str());
            on_cow(&mut cow);
            prop_assert_eq!(cow.as_ref(), once.as_str(), "{} differs on Cow", name);
            if once == s {
                prop_assert!(matches!(cow, Cow::Borrowed(_)), "{} cloned an unchanged Cow", name);
            }
        }
    }

    #[test]
    fn filename_output_passes_safe_filename(s in text()) {
        let out = run(sanitize::filename, &s);
        prop_assert!(rules::safe_filename(&out).is_ok(), "{:?} -> {:?}", s, out);
    }

    #[test]
    fn url_output_passes_url_when_the_input_did(s in url_like()) {
        let out = run(sanitize::url, &s);
        prop_assert_eq!(run(sanitize::url, &out), out.clone(), "not idempotent on {:?}", s);
        if rules::url(&s).is_ok() {
            prop_assert!(rules::url(&out).is_ok(), "{:?} -> {:?}", s, out);
        }
        // What does not parse is left for the rule to reject.
        if url::Url::parse(&s).is_err() {
            prop_assert_eq!(&out, &s);
        } else {
            prop_assert_eq!(url::Url::parse(&out).map(String::from).ok(), Some(out.clone()));
        }
    }

    #[test]
    fn strip_invisible_leaves_no_invisible_char(s in text()) {
        let out = run(sanitize::strip_invisible, &s);
        prop_assert!(!out.chars().any(is_invisible));
        // Only invisible characters were removed, in order.
        let kept: String = s.chars().filter(|&c| !is_invisible(c)).collect();
        prop_assert_eq!(out, kept);
    }

    #[test]
    fn strip_control_leaves_no_control_char(s in text()) {
        let out = run(|v| sanitize::strip_control(v, false), &s);
        prop_assert!(!out.chars().any(char::is_control));
        let multi = run(|v| sanitize::strip_control(v, true), &s);
        prop_assert!(!multi.chars().any(|c| c.is_control() && !"\t\n\r".contains(c)));
    }

    #[test]
    fn trims_leave_no_white_space_at_their_ends(s in text()) {
        let both = run(sanitize::trim, &s);
        prop_assert!(!both.starts_with(char::is_whitespace));
        prop_assert!(!both.ends_with(char::is_whitespace));
        prop_assert!(s.contains(both.as_str()));
        let start = run(sanitize::trim_start, &s);
        prop_assert!(!start.starts_with(char::is_whitespace) && s.ends_with(start.as_str()));
        let end = run(sanitize::trim_end, &s);
        prop_assert!(!end.ends_with(char::is_whitespace) && s.starts_with(end.as_str()));
    }

    #[test]
    fn collapse_leaves_single_ascii_spaces(s in text()) {
        let out = run(sanitize::collapse_whitespace, &s);
        prop_assert!(!out.contains("  "));
        prop_assert!(out.chars().all(|c| c == ' ' || !c.is_whitespace()));
        let non_ws = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(non_ws(&out), non_ws(&s));
    }

    #[test]
    fn truncations_are_prefixes_within_the_limit(s in text(), n in 0usize..64) {
        let chars = run(|v| sanitize::truncate(v, 0), &s);
        prop_assert_eq!(chars, "");
        let mut c = s.clone();
        sanitize::truncate(&mut c, n);
        prop_assert!(s.starts_with(c.as_str()));
        prop_assert_eq!(c.chars().count(), s.chars().count().min(n));
        let mut g = s.clone();
        sanitize::truncate_graphemes(&mut g, n);
        prop_assert!(s.starts_with(g.as_str()));
        prop_assert!(rules::length_in(&g, ..=n, rules::LengthUnit::Graphemes).is_ok());
    }

    #[test]
    fn case_and_normal_forms_are_stable(s in text()) {
        let lower = run(sanitize::lowercase, &s);
        prop_assert_eq!(&lower.to_lowercase(), &lower);
        let upper = run(sanitize::uppercase, &s);
        prop_assert_eq!(&upper.to_uppercase(), &upper);
    }

    #[test]
    fn safe_join_stays_under_base(p in path_like()) {
        let base = Path::new("/srv/uploads");
        if let Ok(joined) = safe_join(base, &p) {
            prop_assert!(joined.starts_with(base), "{:?} -> {:?}", p, joined);
            let rest = joined.strip_prefix(base).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(rest.components().count() >= 1);
            prop_assert!(rest.components().all(|c| matches!(c, Component::Normal(_))));
            prop_assert!(!p.split('/').any(|part| part == ".."));
        }
    }
}

/// URLs made of the pieces the WHATWG parser maps or repairs: cases,
/// full-width and circled letters, default ports, dot segments, spaces,
/// backslashes, IDN labels, percent signs.
fn url_like() -> impl Strategy<Value = String> {
    let scheme = proptest::sample::select(
        &[
            "http://", "HTTPS://", "https://", "ftp://", "x:", "http:", " http://", "file:///",
        ][..],
    );
    let host = proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9-]{1,6}",
            proptest::sample::select(
                &[
                    "ａ",
                    "ⓛⓞⓒⓐⓛ",
                    "例子",
                    "xn--fsqu00a",
                    "127",
                    "0x7f",
                    "[::1]",
                    "é",
                    "\u{ad}"
                ][..]
            )
            .prop_map(str::to_owned),
        ],
        1..4,
    )
    .prop_map(|labels| labels.join("."));
    let port = proptest::sample::select(&["", ":80", ":443", ":8080", ":0080", ":"][..]);
    let tail = proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(
                &[
                    "/", "/./", "/../", "/%2e/", "?", "#", " ", "\\", "%", "%41", "a", "é", "'",
                    "\"", "{", "`"
                ][..]
            )
            .prop_map(str::to_owned),
            any_text(3),
        ],
        0..6,
    )
    .prop_map(|v| v.concat());
    (scheme, host, port, tail).prop_map(|(s, h, p, t)| format!("{s}{h}{p}{t}"))
}

/// Paths made mostly of the pieces that matter for traversal.
fn path_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(
            &[
                "..",
                ".",
                "/",
                "\\",
                "C:",
                "c:",
                "//",
                "\\\\",
                "\0",
                "...",
                ".. ",
                "a",
                "b.txt",
                "%2e%2e",
                "\u{ff0e}\u{ff0e}",
                " ",
                "~",
                "etc",
                "passwd",
            ][..]
        )
        .prop_map(str::to_owned),
        any_text(8),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}
