//! The measuring method: contenders run interleaved in one process, in
//! batches of about [`BATCH`], one batch of each per round with the order
//! rotated every round; every figure is a median over rounds of a ratio taken
//! within one round, so load from other processes that lasts longer than a
//! round cancels out.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::alloc::{self, Allocs};

/// The target length of one batch of calls.
pub const BATCH: Duration = Duration::from_millis(20);

/// One library's way of checking one input.
pub struct Contender<'a> {
    /// The library's short name, e.g. `ours`.
    pub name: &'static str,
    /// The number of errors the library reports for the input.
    pub errors: usize,
    /// Allocations and bytes of one call, after warm-up.
    pub allocs: Allocs,
    /// Runs the check `n` times and returns the time taken.
    batch: Box<dyn Fn(u64) -> Duration + 'a>,
}

impl<'a> Contender<'a> {
    /// A contender calling `check`, which returns the number of errors it
    /// found. The batch loop is generic over `check`, so each library's
    /// loop is compiled for it and nothing but the call is timed.
    pub fn new<F>(name: &'static str, check: F) -> Self
    where
        F: Fn() -> usize + 'a,
    {
        // Warm-up: statics such as lazily compiled regexes are built here,
        // not in the timed or counted calls.
        let errors = check();
        let allocs = alloc::measure(|| {
            black_box(check());
        });
        let batch = Box::new(move |n: u64| {
            let start = Instant::now();
            for _ in 0..n {
                black_box(check());
            }
            start.elapsed()
        });
        Contender {
            name,
            errors,
            allocs,
            batch,
        }
    }

    /// Runs the check `n` times; returns the time taken.
    pub fn run(&self, n: u64) -> Duration {
        (self.batch)(n)
    }

    /// The number of calls that take about `target`.
    fn calibrate(&self, target: Duration) -> u64 {
        let mut n = 1u64;
        loop {
            let took = (self.batch)(n);
            if took >= target / 8 || n >= 1 << 40 {
                let per_call = took.as_secs_f64() / n as f64;
                return ((target.as_secs_f64() / per_call.max(1e-12)) as u64).max(1);
            }
            n *= 2;
        }
    }
}

/// The result of [`run`]: per-call times of every round, per contender.
pub struct Measurement {
    /// Contender names, in the order given.
    pub names: Vec<&'static str>,
    /// `times[round][contender]`: seconds per call.
    pub times: Vec<Vec<f64>>,
}

impl Measurement {
    /// The median over rounds of `a`'s time divided by `b`'s.
    pub fn ratio(&self, a: usize, b: usize) -> f64 {
        median(self.times.iter().map(|round| round[a] / round[b]).collect())
    }

    /// The median time per call of contender `i`, in seconds.
    pub fn per_call(&self, i: usize) -> f64 {
        median(self.times.iter().map(|round| round[i]).collect())
    }

    /// The index of the contender called `name`.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| *n == name)
    }
}

/// Runs `rounds` rounds of one batch per contender, the first contender of
/// round `r` being number `r % len`.
pub fn run(contenders: &[Contender<'_>], rounds: usize, batch: Duration) -> Measurement {
    let sizes: Vec<u64> = contenders.iter().map(|c| c.calibrate(batch)).collect();
    let k = contenders.len();
    let mut times = Vec::with_capacity(rounds);
    for r in 0..rounds {
        let mut round = vec![0.0; k];
        for j in 0..k {
            let i = (r + j) % k;
            let took = (contenders[i].batch)(sizes[i]);
            round[i] = took.as_secs_f64() / sizes[i] as f64;
        }
        times.push(round);
    }
    Measurement {
        names: contenders.iter().map(|c| c.name).collect(),
        times,
    }
}

/// The median of `v` (the mean of the two middle values for an even count).
pub fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(vec![]).is_nan());
    }

    #[test]
    fn slower_contender_has_higher_ratio() {
        let fast = Contender::new("fast", || black_box(1usize));
        let slow = Contender::new("slow", || (0..black_box(2000u32)).map(black_box).count());
        let m = run(&[fast, slow], 3, Duration::from_millis(2));
        assert_eq!(m.names, ["fast", "slow"]);
        assert!(m.ratio(1, 0) > 1.0);
        assert!((m.ratio(0, 1) * m.ratio(1, 0) - 1.0).abs() < 0.5);
    }
}
