//! The nesting limit: how many derived values deep `validate` and
//! `sanitize` descend, so that a recursive type (`Option<Box<Self>>`,
//! `Vec<Self>`) nested 100,000 deep is refused with an error instead of
//! overflowing the stack.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{LocChain, ValidationErrors, catalogue};

/// The default limit: 128 levels, as serde_json's recursion limit, so a
/// value that serde_json (with its defaults) deserialized is never refused
/// for its depth.
pub const DEFAULT_MAX_DEPTH: usize = 128;

static MAX_DEPTH: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_DEPTH);

thread_local! {
    /// Derived values being validated or sanitized on this thread, one per
    /// level of the value (not per container or pointer around it).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Sets, for the whole process, how many derived values deep validation and
/// sanitizing go (default [`DEFAULT_MAX_DEPTH`]).
///
/// Each value whose type derives `Validate` and has a `nested` field (the
/// only way derived code recurses) is one level; a type without `nested`
/// cannot recurse and is not counted, and `Option`, `Box`, `Vec`, maps and
/// other containers around a value add none. Below the limit,
/// `validate` reports `nesting_too_deep` at the first value too deep and
/// does not look inside it, and `sanitize` leaves it as it is (so
/// [`Valid::new`](crate::Valid::new) fails). A limit in the thousands needs
/// a thread with a larger stack than the default 2 MiB.
///
/// ```
/// use validate_core::{max_depth, set_max_depth, DEFAULT_MAX_DEPTH};
/// assert_eq!(max_depth(), DEFAULT_MAX_DEPTH);
/// set_max_depth(64);
/// assert_eq!(max_depth(), 64);
/// set_max_depth(DEFAULT_MAX_DEPTH);
/// ```
pub fn set_max_depth(depth: usize) {
    MAX_DEPTH.store(depth, Ordering::Relaxed);
}

/// The current nesting limit (see [`set_max_depth`]).
#[inline]
pub fn max_depth() -> usize {
    MAX_DEPTH.load(Ordering::Relaxed)
}

/// One level of nesting, held while a derived value is validated or
/// sanitized; dropping it (also while unwinding) leaves the level.
#[derive(Debug)]
#[must_use = "the level is left as soon as the guard is dropped"]
pub struct DepthGuard(());

impl DepthGuard {
    /// Enters one level, or returns `None` when that would exceed the limit.
    // Inlined (as `enter_or_report` and `drop`): every derived value enters
    // a level, so the check is a few instructions in the caller, not a call.
    #[inline]
    pub fn enter() -> Option<Self> {
        let depth = DEPTH.with(Cell::get);
        if depth >= max_depth() {
            return None;
        }
        DEPTH.with(|d| d.set(depth + 1));
        Some(DepthGuard(()))
    }

    /// Enters one level for validation; when that would exceed the limit,
    /// pushes `nesting_too_deep` at `loc` and returns `None`.
    #[inline]
    pub fn enter_or_report(loc: &LocChain<'_>, errors: &mut ValidationErrors) -> Option<Self> {
        let guard = Self::enter();
        if guard.is_none() {
            report_too_deep(loc, errors);
        }
        guard
    }
}

#[cold]
#[inline(never)]
fn report_too_deep(loc: &LocChain<'_>, errors: &mut ValidationErrors) {
    errors.push_at(loc, catalogue::nesting_too_deep(max_depth()));
}

impl Drop for DepthGuard {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_counted_and_left() {
        let outer = DepthGuard::enter().expect("first level");
        let depth = DEPTH.with(Cell::get);
        {
            let _inner = DepthGuard::enter().expect("second level");
            assert_eq!(DEPTH.with(Cell::get), depth + 1);
        }
        assert_eq!(DEPTH.with(Cell::get), depth);
        drop(outer);
        assert_eq!(DEPTH.with(Cell::get), depth - 1);
    }

    #[test]
    fn the_limit_refuses_one_more_level_and_reports_it() {
        // Thread-local: other tests running in parallel do not interfere,
        // except through the process-wide limit, which stays the default.
        let limit = max_depth();
        let guards: Vec<DepthGuard> = (0..limit).map_while(|_| DepthGuard::enter()).collect();
        assert_eq!(guards.len(), limit);
        assert!(DepthGuard::enter().is_none());
        let mut errors = ValidationErrors::new();
        assert!(DepthGuard::enter_or_report(&LocChain::ROOT.field("next"), &mut errors).is_none());
        let e = errors.iter().next().expect("one error");
        assert_eq!(e.kind(), "nesting_too_deep");
        assert_eq!(e.msg(), "Input should be nested at most 128 levels deep");
        assert_eq!(e.loc().to_string(), "next");
        drop(guards);
        assert!(DepthGuard::enter().is_some());
    }
}
