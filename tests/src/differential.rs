//! Helpers for the differential tests: a small seeded generator (fast in
//! debug builds, the same inputs on every run) and a tally of outcomes.

use std::collections::BTreeMap;
use std::ops::Range;

/// A seeded pseudo-random generator (SplitMix64). Differential tests use it
/// rather than proptest's strategies because they generate hundreds of
/// thousands of characters, which proptest's value trees make slow in a
/// debug build, and because a fixed seed lets a tally assertion ("every
/// class was seen") never flake.
#[derive(Debug, Clone)]
pub struct Gen(u64);

impl Gen {
    /// A generator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Gen(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `range` (which must not be empty).
    pub fn range(&mut self, range: Range<usize>) -> usize {
        let span = (range.end - range.start).max(1) as u64;
        range.start + (self.next_u64() % span) as usize
    }

    /// True with probability `n / d`.
    pub fn chance(&mut self, n: u64, d: u64) -> bool {
        self.next_u64() % d < n
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0..items.len())]
    }

    /// A string of `len` characters drawn from `alphabet`.
    pub fn chars(&mut self, alphabet: &str, len: Range<usize>) -> String {
        let alphabet: Vec<char> = alphabet.chars().collect();
        let n = self.range(len);
        (0..n).map(|_| *self.pick(&alphabet)).collect()
    }

    /// Picks a branch by weight: the index `i` with probability
    /// `weights[i] / sum(weights)`.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut roll = self.next_u64() % total.max(1);
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }
}

/// Counts of named outcomes ("both accept", "regex only: dot-atom", ...).
#[derive(Debug, Default)]
pub struct Tally(BTreeMap<&'static str, usize>);

impl Tally {
    /// Counts one occurrence of `outcome`.
    pub fn add(&mut self, outcome: &'static str) {
        *self.0.entry(outcome).or_default() += 1;
    }

    /// How often `outcome` was counted.
    pub fn get(&self, outcome: &str) -> usize {
        self.0.get(outcome).copied().unwrap_or(0)
    }

    /// Prints the tally (visible with `--nocapture`) under a title.
    pub fn print(&self, title: &str) {
        println!("\n{title}");
        for (outcome, n) in &self.0 {
            println!("  {n:>7}  {outcome}");
        }
    }

    /// Panics unless every outcome in `expected` was seen at least once: the
    /// generator must reach each class the test claims to explain.
    pub fn assert_seen(&self, expected: &[&str]) {
        for outcome in expected {
            assert!(
                self.get(outcome) > 0,
                "the generator never produced {outcome:?}: {:?}",
                self.0
            );
        }
    }
}
