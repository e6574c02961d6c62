//! Allocation counts (per thread, by the allocation-counter crate): a
//! sanitizer that leaves its value unchanged allocates nothing, on a `String`
//! and on a borrowed `Cow`; `safe_filename` allocates nothing on a valid
//! name. A control test shows the counter does see allocations.

use std::borrow::Cow;
use std::hint::black_box;

use allocation_counter::measure;
use validate_core::rules::{self, FilenamePolicy};
use validate_core::sanitize;

type Case = (
    &'static str,
    &'static str,
    fn(&mut String),
    fn(&mut Cow<'_, str>),
);

macro_rules! cases {
    ($($name:literal, $clean:expr => |$v:ident| $body:expr;)*) => {
        &[$((
            $name,
            $clean,
            |$v: &mut String| $body,
            |$v: &mut Cow<'_, str>| $body,
        )),*]
    };
}

/// Each sanitizer with a value it must leave as it is.
const CASES: &[Case] = cases![
    "trim", "bob smith" => |v| sanitize::trim(v);
    "trim_start", "bob smith " => |v| sanitize::trim_start(v);
    "trim_end", " bob smith" => |v| sanitize::trim_end(v);
    "lowercase", "bob smith, déjà vu" => |v| sanitize::lowercase(v);
    "uppercase", "BOB SMITH, DÉJÀ VU" => |v| sanitize::uppercase(v);
    "nfc (quick check yes)", "café" => |v| sanitize::nfc(v);
    "nfc (quick check maybe)", "x\u{301}y" => |v| sanitize::nfc(v);
    "nfkc", "file name 1.txt" => |v| sanitize::nfkc(v);
    "strip_invisible", "admin 👍🏽" => |v| sanitize::strip_invisible(v);
    "strip_control", "no controls here" => |v| sanitize::strip_control(v, false);
    "strip_control(keep_whitespace)", "line 1\r\nline 2\t" => |v| sanitize::strip_control(v, true);
    "collapse_whitespace", " New York " => |v| sanitize::collapse_whitespace(v);
    "truncate", "short" => |v| sanitize::truncate(v, 5);
    "truncate_graphemes", "e\u{301}👍🏽" => |v| sanitize::truncate_graphemes(v, 2);
    "filename", "report 2024 (final).pdf" => |v| sanitize::filename(v);
    "apply_with (by ref)", "kept" => |v| sanitize::apply_with(v, |_: &mut _| {});
];

#[test]
fn unchanged_strings_allocate_nothing() {
    for (name, clean, on_string, _) in CASES {
        let mut v = String::from(*clean);
        let info = measure(|| on_string(black_box(&mut v)));
        assert_eq!(v, *clean, "{name} changed a clean value");
        assert_eq!(info.count_total, 0, "{name} allocated on a String");

        let mut o = Some(String::from(*clean));
        let info = measure(|| {
            let mut r = black_box(&mut o);
            if let Some(s) = &mut r {
                on_string(s);
            }
        });
        assert_eq!(info.count_total, 0, "{name} allocated on an Option<String>");
    }
}

#[test]
fn unchanged_borrowed_cows_allocate_nothing_and_stay_borrowed() {
    for (name, clean, _, on_cow) in CASES {
        let mut c = Cow::Borrowed(*clean);
        let info = measure(|| on_cow(black_box(&mut c)));
        assert_eq!(info.count_total, 0, "{name} allocated on a Cow");
        assert!(
            matches!(c, Cow::Borrowed(s) if s == *clean),
            "{name} did not keep the borrow"
        );
    }
}

#[test]
fn sliced_values_allocate_nothing() {
    let mut s = String::from("  padded  ");
    let info = measure(|| sanitize::trim(black_box(&mut s)));
    assert_eq!((s.as_str(), info.count_total), ("padded", 0));
    let mut c = Cow::Borrowed("truncate me");
    let info = measure(|| sanitize::truncate(black_box(&mut c), 8));
    assert_eq!(info.count_total, 0);
    assert!(matches!(c, Cow::Borrowed("truncate")));
    let mut a = String::from("ASCII Upper");
    let info = measure(|| sanitize::lowercase(black_box(&mut a)));
    assert_eq!((a.as_str(), info.count_total), ("ascii upper", 0));
    let mut z = String::from("zero\u{200b}width");
    let info = measure(|| sanitize::strip_invisible(black_box(&mut z)));
    assert_eq!((z.as_str(), info.count_total), ("zerowidth", 0));
}

#[test]
fn safe_filename_allocates_nothing_on_valid_names() {
    static IMAGES: FilenamePolicy = FilenamePolicy::new().extensions(&["png", "jpg", "tar.gz"]);
    let info = measure(|| {
        for name in ["report 2024 (final).pdf", "résumé.docx", "LPT10.txt", "x"] {
            assert!(rules::safe_filename(black_box(name)).is_ok());
        }
        assert!(rules::safe_filename_with(black_box("Cat.2024.JPG"), &IMAGES).is_ok());
        assert!(rules::safe_filename_with(black_box("a.tar.gz"), &IMAGES).is_ok());
        assert!(rules::safe_filename(black_box(&Some(String::new()).filter(|_| false))).is_ok());
    });
    assert_eq!(info.count_total, 0);
}

/// The counter is live: a sanitizer that must rebuild, and an error, are
/// counted.
#[test]
fn control_allocations_are_counted() {
    let mut s = String::from("ΆΒΓ");
    let info = measure(|| sanitize::lowercase(black_box(&mut s)));
    assert_eq!(s, "άβγ");
    assert!(info.count_total >= 1);
    let info = measure(|| {
        black_box(rules::safe_filename(black_box("a/b")).is_err());
    });
    assert!(info.count_total >= 1);
    let mut c = Cow::Borrowed("A");
    let info = measure(|| sanitize::lowercase(black_box(&mut c)));
    assert!(info.count_total >= 1 && matches!(c, Cow::Owned(_)));
}
