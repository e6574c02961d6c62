//! The scaling series: the same check at growing input sizes, a `Vec` of
//! 10, 1,000 and 100,000 nested items and a 1 KB, 1 MB and 10 MB string
//! under `pattern`, `charset` and `length(unit = graphemes)`. Sizes run
//! interleaved as the libraries do in [`compare`](crate::compare); the
//! figure is the median per-round ratio of the time per item (or byte) at
//! the largest size to that at the smallest: 1.0 is perfectly linear.

use std::hint::black_box;
use std::time::Duration;

use crate::harness::{self, Contender};
use crate::models::{floor, garde_model, ours, validator_model};
use crate::report::{Figure, Table};
use crate::scenario;

/// Rounds per series.
const ROUNDS: usize = 7;
/// Batches here may be shorter: the largest inputs take longer than that per
/// call anyway, and each series has three sizes.
const BATCH: Duration = Duration::from_millis(20);

/// The item counts of the nested series.
const ITEMS: [(&str, usize); 3] = [("10", 10), ("1000", 1_000), ("100000", 100_000)];
/// The byte sizes of the string series.
const BYTES: [(&str, usize); 3] = [("1KB", 1 << 10), ("1MB", 1 << 20), ("10MB", 10 << 20)];

/// One series' result: time per unit at each size, and the ratio.
struct Series {
    name: String,
    unit: &'static str,
    per_unit_ns: Vec<f64>,
    largest_over_smallest: f64,
}

/// Measures one library over the three sizes; `make` builds the check for
/// one size, `units` gives that size's item or byte count.
fn series<F>(name: String, unit: &'static str, sizes: &[(&'static str, usize)], make: F) -> Series
where
    F: Fn(usize) -> Contender<'static>,
{
    let cs: Vec<Contender<'static>> = sizes.iter().map(|&(_, n)| make(n)).collect();
    let m = harness::run(&cs, ROUNDS, BATCH);
    let (Some(&(_, small)), Some(&(_, large))) = (sizes.first(), sizes.last()) else {
        unreachable!("every series has sizes")
    };
    let last = sizes.len() - 1;
    let per_unit_ns = sizes
        .iter()
        .enumerate()
        .map(|(i, &(_, n))| m.per_call(i) * 1e9 / n as f64)
        .collect();
    // per-unit ratio = per-call ratio scaled by the size ratio.
    let largest_over_smallest = m.ratio(last, 0) * small as f64 / large as f64;
    Series {
        name,
        unit,
        per_unit_ns,
        largest_over_smallest,
    }
}

/// A string of exactly `len` bytes, `piece` repeated and cut at a char
/// boundary (padded with `pad`, one byte, to the exact size).
fn text(piece: &str, len: usize, pad: char) -> String {
    let mut s = piece.repeat(len / piece.len() + 1);
    let mut cut = len;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    while s.len() < len {
        s.push(pad);
    }
    s
}

/// The word characters the pattern and charset series accept.
const WORD: &str = "user_name_0123456789_abcXYZ_";
/// Mixed text for the graphemes series: accents (precomposed and combining),
/// CJK, an emoji with a skin-tone modifier, a flag.
const GRAPHEMES: &str = "Zürich cafe\u{301} 日本語 👍🏽 🇨🇭 hello, world. ";

/// Every contender in a nested-items series builds its model from these.
fn addresses(n: usize) -> Vec<scenario::Address> {
    (0..n)
        .map(|i| scenario::Address {
            street: format!("{} Baker Street", i % 1000 + 1),
            city: "London".to_owned(),
            zip: format!("{:05}", i % 100_000),
        })
        .collect()
}

fn nested_series() -> Vec<Series> {
    vec![
        series("nested.floor".into(), "item", &ITEMS, |n| {
            let m = floor::Items::from(addresses(n).as_slice());
            Contender::new("floor", move || {
                black_box(&m).validate().map_or_else(|e| e.len(), |()| 0)
            })
        }),
        series("nested.ours".into(), "item", &ITEMS, |n| {
            let m = ours::Items::from(addresses(n).as_slice());
            Contender::new("ours", move || {
                use validate_core::Validate as _;
                black_box(&m).validate().map_or_else(|e| e.len(), |()| 0)
            })
        }),
        series("nested.validator".into(), "item", &ITEMS, |n| {
            let m = validator_model::Items::from(addresses(n).as_slice());
            Contender::new("validator", move || {
                use validator::Validate as _;
                black_box(&m)
                    .validate()
                    .map_or_else(|e| validator_model::count(&e), |()| 0)
            })
        }),
        series("nested.garde".into(), "item", &ITEMS, |n| {
            let m = garde_model::Items::from(addresses(n).as_slice());
            Contender::new("garde", move || {
                use garde::Validate as _;
                black_box(&m)
                    .validate()
                    .map_or_else(|e| e.iter().count(), |()| 0)
            })
        }),
    ]
}

fn string_series() -> Vec<Series> {
    vec![
        series("pattern.floor".into(), "byte", &BYTES, |n| {
            let s = text(WORD, n, '_');
            Contender::new("floor", move || usize::from(!floor::is_word(black_box(&s))))
        }),
        series("pattern.ours".into(), "byte", &BYTES, |n| {
            let m = ours::Word::from(text(WORD, n, '_'));
            Contender::new("ours", move || {
                use validate_core::Validate as _;
                black_box(&m).validate().map_or_else(|e| e.len(), |()| 0)
            })
        }),
        series("pattern.validator".into(), "byte", &BYTES, |n| {
            let m = validator_model::Word::from(text(WORD, n, '_'));
            Contender::new("validator", move || {
                use validator::Validate as _;
                black_box(&m)
                    .validate()
                    .map_or_else(|e| validator_model::count(&e), |()| 0)
            })
        }),
        series("pattern.garde".into(), "byte", &BYTES, |n| {
            let m = garde_model::Word::from(text(WORD, n, '_'));
            Contender::new("garde", move || {
                use garde::Validate as _;
                black_box(&m)
                    .validate()
                    .map_or_else(|e| e.iter().count(), |()| 0)
            })
        }),
        series("charset.floor".into(), "byte", &BYTES, |n| {
            let s = text(WORD, n, '_');
            Contender::new("floor", move || usize::from(!floor::is_word(black_box(&s))))
        }),
        series("charset.ours".into(), "byte", &BYTES, |n| {
            let m = ours::Charset::from(text(WORD, n, '_'));
            Contender::new("ours", move || {
                use validate_core::Validate as _;
                black_box(&m).validate().map_or_else(|e| e.len(), |()| 0)
            })
        }),
        series("graphemes.floor".into(), "byte", &BYTES, |n| {
            let s = text(GRAPHEMES, n, ' ');
            Contender::new("floor", move || {
                usize::from(!(2..=20_000_000).contains(&floor::graphemes(black_box(&s))))
            })
        }),
        series("graphemes.ours".into(), "byte", &BYTES, |n| {
            let m = ours::Graphemes::from(text(GRAPHEMES, n, ' '));
            Contender::new("ours", move || {
                use validate_core::Validate as _;
                black_box(&m).validate().map_or_else(|e| e.len(), |()| 0)
            })
        }),
        series("graphemes.garde".into(), "byte", &BYTES, |n| {
            let m = garde_model::Graphemes::from(text(GRAPHEMES, n, ' '));
            Contender::new("garde", move || {
                use garde::Validate as _;
                black_box(&m)
                    .validate()
                    .map_or_else(|e| e.iter().count(), |()| 0)
            })
        }),
    ]
}

/// Runs every series, prints its table, returns the `SCALE` figures (time
/// per unit at the largest size over the smallest) and per-unit times.
pub fn run() -> Vec<Figure> {
    let mut all = nested_series();
    all.extend(string_series());
    let mut t = Table::new(&[
        "series",
        "unit",
        "small ns",
        "mid ns",
        "large ns",
        "large/small",
    ]);
    let mut figures = Vec::new();
    for s in &all {
        let mut row = vec![s.name.clone(), s.unit.to_owned()];
        row.extend(s.per_unit_ns.iter().map(|ns| format!("{ns:.3}")));
        row.push(format!("{:.2}", s.largest_over_smallest));
        t.row(row);
        figures.push(Figure::new(
            "SCALE",
            "size",
            s.name.clone(),
            s.largest_over_smallest,
        ));
    }
    println!(
        "\nscaling: time per item (10 / 1,000 / 100,000 items) or per byte (1 KB / 1 MB / 10 MB), medians of {ROUNDS} rounds"
    );
    t.print();
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_has_the_exact_size() {
        for n in [1, 7, 1024, 4099] {
            assert_eq!(text(GRAPHEMES, n, ' ').len(), n);
            assert_eq!(text(WORD, n, '_').len(), n);
        }
        assert!(floor::is_word(&text(WORD, 1024, '_')));
    }
}
