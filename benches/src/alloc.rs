//! Allocation counting: the process's global allocator is the system one
//! wrapped by `stats_alloc`, which counts every allocation, reallocation and
//! byte. Its cost (a few uncontended atomic adds per allocation and per free)
//! is paid by every library alike, per allocation it makes.

use std::alloc::System;

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// What one call allocated.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Allocs {
    /// Allocations plus reallocations, per call.
    pub count: f64,
    /// Bytes requested (growth only for reallocations), per call.
    pub bytes: f64,
}

/// The calls `f` makes to the allocator, averaged over a few runs (the
/// process is single-threaded while measuring, so nothing else is counted).
pub fn measure(mut f: impl FnMut()) -> Allocs {
    const RUNS: usize = 16;
    let region = Region::new(GLOBAL);
    for _ in 0..RUNS {
        f();
    }
    let stats = region.change();
    Allocs {
        count: (stats.allocations + stats.reallocations) as f64 / RUNS as f64,
        bytes: stats.bytes_allocated as f64 / RUNS as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hint::black_box;

    /// The least of a few measures: tests running on other threads can only
    /// add to the global counts.
    fn quiet_measure(mut f: impl FnMut()) -> Allocs {
        (0..50)
            .map(|_| measure(&mut f))
            .min_by(|a, b| a.count.total_cmp(&b.count))
            .unwrap_or_default()
    }

    #[test]
    fn counts_allocations_and_bytes() {
        let a = quiet_measure(|| {
            black_box(vec![0u8; 100]);
        });
        assert_eq!(a.count, 1.0);
        assert_eq!(a.bytes, 100.0);
        let none = quiet_measure(|| {
            black_box(1 + 1);
        });
        assert_eq!(none.count, 0.0);
    }
}
