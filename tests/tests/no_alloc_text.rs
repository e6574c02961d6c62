//! The string/number rules allocate nothing on valid input, measured with a
//! counting global allocator. One test only: the counters are global.

use std::alloc::System;
use std::borrow::Cow;
use std::hint::black_box;

use regex::Regex;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use validate_core::rules::{self, CharClass, Charset};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

static USERNAME: Charset = Charset::new(&[CharClass::AsciiAlphanumeric], "_", &[]);
static NAME: Charset = Charset::new(&[CharClass::Alphabetic], " '-", &[]);
static TEXT: Charset = Charset::new(&[CharClass::Printable], "\n", &[('α', 'ω')]);

#[test]
fn valid_values_do_not_allocate() {
    // Set-up allocates: the inputs and the compiled regex.
    let owned = String::from("alice_42");
    let some = Some(String::from("Zoë O'Brien-Ñúñez"));
    let cow: Cow<'_, str> = Cow::Borrowed("東京タワー");
    let long = "Straße ".repeat(200);
    let zip = Regex::new("^[0-9]{5}$").expect("pattern compiles");
    let word = Regex::new(r"^\w+$").expect("pattern compiles");
    // The regex crate builds a thread's search cache on that thread's first
    // search with a regex, and its lazy DFA grows that cache the first time
    // it meets new states (here: the first non-ASCII input to `\w`). That
    // warm-up is the crate's, bounded and one-time, not the rule's: run the
    // same searches once first.
    assert!(rules::pattern("75001", &zip).is_ok());
    assert!(rules::pattern(&cow, &word).is_ok());

    // The counter works: this region must see an allocation.
    let probe = Region::new(GLOBAL);
    black_box(String::from("x"));
    assert!(
        probe.change().allocations > 0,
        "the allocator does not count"
    );

    let region = Region::new(GLOBAL);
    let results = [
        rules::pattern(black_box("75001"), &zip),
        rules::pattern(black_box(&cow), &word),
        rules::charset(black_box(&owned), &USERNAME),
        rules::charset(black_box(&some), &NAME),
        rules::charset(black_box(&cow), &TEXT),
        rules::charset(black_box(long.as_str()), &TEXT),
        rules::multiple_of(black_box(&15u32), 5),
        rules::multiple_of(black_box(&Some(-0.3f64)), 0.1),
        rules::multiple_of(black_box(&2.5f32), 0.5),
        rules::one_of(black_box(&owned), &["bob", "alice_42"]),
        rules::one_of(black_box(&cow), &["東京タワー"]),
        rules::one_of(black_box(&Some(2i64)), &[1, 2, 3]),
        rules::one_of(black_box(&'y'), &['y', 'n']),
        rules::contains(black_box(&owned), "_"),
        rules::not_contains(black_box(&owned), ".."),
        rules::prefix(black_box(&owned), "ali"),
        rules::suffix(black_box(&owned), "42"),
        rules::no_invisible(black_box(&some)),
        rules::no_invisible(black_box(long.as_str())),
        rules::no_control(black_box(&some)),
        rules::single_script(black_box(&cow)),
        rules::single_script(black_box(long.as_str())),
        rules::single_script(black_box(&owned)),
        rules::length(black_box(&owned), 3..=32),
        rules::range(black_box(&30u32), 13..=130),
    ];
    let stats = region.change();
    for (i, r) in results.iter().enumerate() {
        assert!(r.is_ok(), "rule #{i} rejected a valid value: {r:?}");
    }
    assert_eq!(
        (stats.allocations, stats.reallocations),
        (0, 0),
        "valid values allocated: {stats:?}"
    );

    // And the counter sees a failing rule's error being built.
    let region = Region::new(GLOBAL);
    let err = black_box(rules::charset("bob smith", &USERNAME));
    assert!(region.change().allocations > 0);
    assert!(err.is_err());
}
