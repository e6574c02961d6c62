//! Every string rule and every sanitizer on huge inputs of hostile shapes
//! (all dots, `a@` repeated, deep `((((`, one base letter with 5 million
//! combining marks, RTL overrides, whitespace only, a URL or email domain of
//! 5 million labels). Not timed: each call must complete without a panic or
//! a stack overflow, and the bytes it allocates must stay linear in the
//! input (a quadratic rebuild would allocate terabytes). Wall times are
//! printed with `--nocapture` (the benchmark package measures linearity
//! properly, in release builds).
//!
//! The inputs are 10 MB with `VALIDATE_HOSTILE_MB=10` (the figure the
//! README quotes); CI runs the same shapes at 1 MB, the default, because a
//! debug build takes minutes over 10 MB.

use std::borrow::Cow;
use std::sync::LazyLock;
use std::time::Instant;

use allocation_counter::measure;
use regex::Regex;
use validate_core::rules::{self, CharClass, Charset, LengthUnit};
use validate_core::sanitize;
use validate_core::{LocChain, ValidationErrors};

const MB: usize = 1 << 20;

/// The size of each input: `VALIDATE_HOSTILE_MB` megabytes, 1 by default.
static SIZE: LazyLock<usize> = LazyLock::new(|| {
    let mb = std::env::var("VALIDATE_HOSTILE_MB")
        .ok()
        .and_then(|v| v.parse().ok());
    mb.unwrap_or(1) * MB
});

/// Each shape, repeated to 10 MB.
fn shapes() -> Vec<(&'static str, String)> {
    let fill = |unit: &str| unit.repeat(*SIZE / unit.len());
    vec![
        ("dots", fill(".")),
        ("a@ repeated", fill("a@")),
        ("deep ((((", fill("(")),
        ("combining marks", format!("a{}", fill("\u{301}"))),
        ("RTL overrides", fill("\u{202e}a")),
        ("whitespace", fill(" \u{3000}\t")),
        ("digits", fill("0")),
        ("email domain labels", format!("me@{}com", fill("a."))),
        ("url host labels", format!("http://{}com/", fill("a."))),
        ("url path", format!("https://example.com/{}", fill("a/%20"))),
    ]
}

static USERNAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
static PRINTABLE: Charset = Charset::new(&[CharClass::Printable], "", &[]);
static ZIP: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[0-9]{5}$").expect("valid pattern"));
static WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{L}\p{M}*|[ .(@])+$").expect("valid pattern"));

type Rule = (&'static str, fn(&str) -> bool);

/// Every string rule (`true` when it passes).
const RULES: &[Rule] = &[
    ("length", |s| rules::length(s, 3..=32).is_ok()),
    // Maxima below the byte length, so that the rule must count.
    ("length(chars)", |s| rules::length(s, ..=*SIZE / 4).is_ok()),
    ("length(bytes)", |s| {
        rules::length_in(s, ..=*SIZE / 4, LengthUnit::Bytes).is_ok()
    }),
    ("length(utf16)", |s| {
        rules::length_in(s, ..=*SIZE / 4, LengthUnit::Utf16).is_ok()
    }),
    ("length(graphemes)", |s| {
        rules::length_in(s, ..=*SIZE / 4, LengthUnit::Graphemes).is_ok()
    }),
    ("pattern", |s| rules::pattern(s, &ZIP).is_ok()),
    ("pattern(unicode)", |s| rules::pattern(s, &WORDS).is_ok()),
    ("charset", |s| rules::charset(s, &USERNAME).is_ok()),
    ("charset(printable)", |s| {
        rules::charset(s, &PRINTABLE).is_ok()
    }),
    ("email", |s| rules::email(s).is_ok()),
    ("url", |s| rules::url(s).is_ok()),
    ("url(mailto)", |s| {
        rules::url_with_schemes(s, &["mailto"]).is_ok()
    }),
    ("ip", |s| rules::ip(s).is_ok()),
    ("uuid", |s| rules::uuid(s).is_ok()),
    ("credit_card", |s| rules::credit_card(s).is_ok()),
    ("contains", |s| rules::contains(s, "@@").is_ok()),
    ("not_contains", |s| rules::not_contains(s, "a.a.b").is_ok()),
    ("prefix", |s| rules::prefix(s, "x-").is_ok()),
    ("suffix", |s| rules::suffix(s, ".png").is_ok()),
    ("one_of", |s| rules::one_of(s, &["red", "green"]).is_ok()),
    ("no_invisible", |s| rules::no_invisible(s).is_ok()),
    ("no_control", |s| rules::no_control(s).is_ok()),
    ("single_script", |s| rules::single_script(s).is_ok()),
    ("safe_filename", |s| rules::safe_filename(s).is_ok()),
    ("hostname", |s| rules::hostname(s).is_ok()),
    ("domain", |s| rules::domain(s).is_ok()),
    ("iban", |s| rules::iban(s).is_ok()),
    ("phone", |s| rules::phone(s).is_ok()),
    ("phone_strict", |s| rules::phone_strict(s).is_ok()),
    ("date", |s| rules::date(s).is_ok()),
    ("datetime", |s| rules::datetime(s).is_ok()),
    ("time", |s| rules::time(s).is_ok()),
];

type Sanitizer = (&'static str, fn(&mut Cow<'_, str>));

/// Every sanitizer, on a borrowed `Cow` (the same code as on a `String`).
const SANITIZERS: &[Sanitizer] = &[
    ("trim", |v| sanitize::trim(v)),
    ("lowercase", |v| sanitize::lowercase(v)),
    ("uppercase", |v| sanitize::uppercase(v)),
    ("nfc", |v| sanitize::nfc(v)),
    ("nfkc", |v| sanitize::nfkc(v)),
    ("strip_invisible", |v| sanitize::strip_invisible(v)),
    ("strip_control", |v| sanitize::strip_control(v, false)),
    ("collapse_whitespace", |v| sanitize::collapse_whitespace(v)),
    ("truncate(100)", |v| sanitize::truncate(v, 100)),
    ("truncate_graphemes(100)", |v| {
        sanitize::truncate_graphemes(v, 100)
    }),
    ("filename", |v| sanitize::filename(v)),
    ("url", |v| sanitize::url(v)),
];

/// A generous linear bound on the bytes one call may allocate in total
/// (growth of the output and of buffers included). The largest measured:
/// NFC / NFKC on a run of combining marks, about 34 bytes per input byte
/// (the decomposition buffer holds each mark with its combining class, 8
/// bytes per 2-byte mark, and doubles as it grows; 1, 2 and 4 MB runs give
/// 36, 71 and 126 MB: linear). A quadratic step would allocate terabytes.
fn linear_bound(input: usize) -> u64 {
    (64 * input + MB) as u64
}

#[test]
fn ten_megabytes_of_hostile_shapes() {
    let mut slowest = (0.0f64, "", "");
    for (shape, input) in shapes() {
        assert!(input.len() >= *SIZE - 8, "{shape}: {} bytes", input.len());
        for (name, rule) in RULES {
            let start = Instant::now();
            let info = measure(|| {
                std::hint::black_box(rule(&input));
            });
            let secs = start.elapsed().as_secs_f64();
            assert!(
                info.bytes_total <= linear_bound(input.len()),
                "{name} on {shape}: {} bytes allocated",
                info.bytes_total
            );
            println!("{secs:>8.3}s  {name:<24} {shape}");
            if secs > slowest.0 {
                slowest = (secs, name, shape);
            }
        }
        for (name, sanitizer) in SANITIZERS {
            let mut value = Cow::Borrowed(input.as_str());
            let start = Instant::now();
            let info = measure(|| sanitizer(&mut value));
            let secs = start.elapsed().as_secs_f64();
            assert!(
                info.bytes_total <= linear_bound(input.len()),
                "{name} on {shape}: {} bytes allocated",
                info.bytes_total
            );
            // Idempotent even at this size.
            let once = value.clone().into_owned();
            sanitizer(&mut value);
            assert!(value == once, "{name} on {shape} is not idempotent");
            println!("{secs:>8.3}s  {name:<24} {shape}");
            if secs > slowest.0 {
                slowest = (secs, name, shape);
            }
        }
    }
    println!(
        "slowest at {} MB: {:.3}s, {} on {}",
        *SIZE / MB,
        slowest.0,
        slowest.1,
        slowest.2
    );
}

/// The errors on these inputs are small and never contain the input: the
/// 10 MB value is not copied into any of them.
#[test]
fn errors_on_huge_inputs_stay_small() {
    for (shape, input) in shapes() {
        let mut errors = ValidationErrors::new();
        for (name, _) in RULES {
            let result = match *name {
                "email" => rules::email(&input),
                "url" => rules::url(&input),
                "uuid" => rules::uuid(&input),
                "credit_card" => rules::credit_card(&input),
                "safe_filename" => rules::safe_filename(&input),
                "single_script" => rules::single_script(&input),
                "hostname" => rules::hostname(&input),
                "iban" => rules::iban(&input),
                "datetime" => rules::datetime(&input),
                _ => continue,
            };
            if let Err(e) = result {
                errors.push_at(&LocChain::ROOT.field("f"), e);
            }
        }
        let shown = format!("{errors} {errors:?}");
        assert!(
            shown.len() < 4096,
            "{shape}: {} bytes of error text",
            shown.len()
        );
    }
}
