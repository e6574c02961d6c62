//! Reporting an error one step below the current loc, for the code the
//! derive generates: the step's `LocChain` link is built only here, on the
//! (cold) error path, not for every field that passes.

use crate::error::{LocChain, ValidationError, ValidationErrors};

/// Pushes `err` at field `name` below `loc`.
#[cold]
#[inline(never)]
pub fn push_field(
    errors: &mut ValidationErrors,
    loc: &LocChain<'_>,
    name: &'static str,
    err: ValidationError,
) {
    errors.push_at(&loc.field(name), err);
}

/// Pushes `err` at tuple position `index` below `loc`.
#[cold]
#[inline(never)]
pub fn push_index(
    errors: &mut ValidationErrors,
    loc: &LocChain<'_>,
    index: usize,
    err: ValidationError,
) {
    errors.push_at(&loc.index(index), err);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::catalogue;

    #[test]
    fn steps_below_the_loc() {
        let mut errors = ValidationErrors::new();
        let root = LocChain::ROOT;
        let outer = root.field("address");
        push_field(&mut errors, &outer, "zip", catalogue::missing());
        push_index(&mut errors, &root, 1, catalogue::missing());
        assert_eq!(
            errors.to_string(),
            "address.zip: Field required\n[1]: Field required"
        );
    }
}
