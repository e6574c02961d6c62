//! The rules that take numbers or collections (`range`, `multiple_of`,
//! `one_of`, `length` on a list) on arbitrary values and parameters: no
//! panic (division by zero, `MIN % -1`, NaN), the verdict equals a direct
//! computation, and no error text contains the value.
#![no_main]

use std::ops::Bound;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use validate_core::rules;
use validate_fuzz::{collect, texts};

#[derive(Arbitrary, Debug)]
struct Input {
    value: i64,
    lo: i64,
    hi: i64,
    lo_excluded: bool,
    hi_excluded: bool,
    divisor: i64,
    small: i8,
    small_divisor: i8,
    float: f64,
    float_lo: f64,
    float_hi: f64,
    float_divisor: f64,
    single: f32,
    single_divisor: f32,
    choices: Vec<i64>,
    items: Vec<String>,
    min_items: u8,
    max_items: u8,
}

fn bound<T>(v: T, excluded: bool) -> Bound<T> {
    if excluded {
        Bound::Excluded(v)
    } else {
        Bound::Included(v)
    }
}

fn in_bounds<T: PartialOrd>(v: &T, lo: &Bound<T>, hi: &Bound<T>) -> bool {
    let above = match lo {
        Bound::Included(b) => v >= b,
        Bound::Excluded(b) => v > b,
        Bound::Unbounded => true,
    };
    let below = match hi {
        Bound::Included(b) => v <= b,
        Bound::Excluded(b) => v < b,
        Bound::Unbounded => true,
    };
    above && below
}

fuzz_target!(|input: Input| {
    let (lo, hi) = (
        bound(input.lo, input.lo_excluded),
        bound(input.hi, input.hi_excluded),
    );
    let range = rules::range(&input.value, (lo, hi));
    assert_eq!(range.is_ok(), in_bounds(&input.value, &lo, &hi));

    let (flo, fhi) = (
        bound(input.float_lo, input.lo_excluded),
        bound(input.float_hi, input.hi_excluded),
    );
    let float_range = rules::range(&input.float, (flo, fhi));
    assert_eq!(float_range.is_ok(), in_bounds(&input.float, &flo, &fhi));

    // Integers: exact, computed in i128 so that MIN % -1 cannot overflow.
    let multiple = rules::multiple_of(&input.value, input.divisor);
    let want = match input.divisor {
        0 => input.value == 0,
        d => i128::from(input.value) % i128::from(d) == 0,
    };
    assert_eq!(
        multiple.is_ok(),
        want,
        "{} multiple of {}",
        input.value,
        input.divisor
    );
    let small = rules::multiple_of(&input.small, input.small_divisor);
    let want = match input.small_divisor {
        0 => input.small == 0,
        d => i16::from(input.small) % i16::from(d) == 0,
    };
    assert_eq!(small.is_ok(), want);

    // Floats: zero is a multiple of anything; NaN and infinities of nothing.
    let float_multiple = rules::multiple_of(&input.float, input.float_divisor);
    if input.float == 0.0 {
        assert!(float_multiple.is_ok());
    } else if !input.float.is_finite() {
        assert!(float_multiple.is_err());
    }
    let single = rules::multiple_of(&input.single, input.single_divisor);
    if input.single.is_nan() {
        assert!(single.is_err());
    }

    let one_of = rules::one_of(&input.value, &input.choices);
    assert_eq!(one_of.is_ok(), input.choices.contains(&input.value));

    let (min, max) = (usize::from(input.min_items), usize::from(input.max_items));
    let length = rules::length(&input.items, min..=max);
    assert_eq!(length.is_ok(), (min..=max).contains(&input.items.len()));

    let errors = collect([
        range,
        float_range,
        multiple,
        small,
        float_multiple,
        single,
        one_of,
        length,
    ]);
    let shown = texts(&errors);
    // The value is never shown, unless a parameter shown spells it.
    let value = input.value.to_string();
    let mut parameters = vec![
        input.lo.to_string(),
        input.hi.to_string(),
        input.divisor.to_string(),
    ];
    parameters.extend(input.choices.iter().map(i64::to_string));
    if value.len() >= 8 && !parameters.iter().any(|p| p.contains(&value)) {
        for text in &shown {
            assert!(!text.contains(&value), "value {value} echoed in {text}");
        }
    }
});
