//! [`ValidationErrors`]: every failure of one value, in field declaration
//! order (struct-level rules last).

use std::fmt;

use super::{LocChain, ValidationError};

/// Every validation failure of one value, in the order the fields are
/// declared, struct-level rules last.
///
/// `Display` writes one `loc: msg` line per error; with feature `serde` it
/// serializes to Pydantic's `e.errors(include_url=False,
/// include_input=False)`.
///
/// ```
/// use validate_core::{ValidationErrors, LocChain, rules};
/// let mut errors = ValidationErrors::new();
/// let root = LocChain::ROOT;
/// if let Err(e) = rules::length("ab", 3..) {
///     errors.push_at(&root.field("username"), e);
/// }
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors.to_string(), "username: String should have at least 3 characters");
/// assert!(errors.into_result().is_err());
/// ```
#[derive(Clone, PartialEq, Default)]
pub struct ValidationErrors(Vec<ValidationError>);

/// Room reserved by the first push, so a typical invalid request costs one
/// allocation for the list however many fields fail.
const FIRST_CAPACITY: usize = 16;

impl ValidationErrors {
    /// An empty list; does not allocate.
    pub const fn new() -> Self {
        ValidationErrors(Vec::new())
    }

    /// Appends an error as it is (its loc unchanged).
    pub fn push(&mut self, err: ValidationError) {
        if self.0.capacity() == 0 {
            self.0.reserve_exact(FIRST_CAPACITY);
        }
        self.0.push(err);
    }

    /// Appends an error found at `loc`: the chain's steps are put in front of
    /// the error's own loc.
    pub fn push_at(&mut self, loc: &LocChain<'_>, mut err: ValidationError) {
        err.loc_mut().prepend_chain(loc);
        self.push(err);
    }

    /// Appends every error of `other`, each placed at `loc`.
    pub fn extend_at(&mut self, loc: &LocChain<'_>, other: ValidationErrors) {
        for err in other {
            self.push_at(loc, err);
        }
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.0.iter()
    }

    /// The errors as a slice.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.0
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }

    /// The error at `index`, to change in place.
    #[cfg(feature = "serde")]
    pub(crate) fn get_mut(&mut self, index: usize) -> Option<&mut ValidationError> {
        self.0.get_mut(index)
    }

    /// Removes and returns the errors from index `at` on (the decoder
    /// reorders a struct's errors into declaration order).
    #[cfg(feature = "serde")]
    pub(crate) fn split_off(&mut self, at: usize) -> Vec<ValidationError> {
        self.0.split_off(at.min(self.0.len()))
    }
}

impl Extend<ValidationError> for ValidationErrors {
    fn extend<I: IntoIterator<Item = ValidationError>>(&mut self, iter: I) {
        for err in iter {
            self.push(err);
        }
    }
}

impl FromIterator<ValidationError> for ValidationErrors {
    fn from_iter<I: IntoIterator<Item = ValidationError>>(iter: I) -> Self {
        let mut errors = ValidationErrors::new();
        errors.extend(iter);
        errors
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// One `loc: msg` line per error.
impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, err) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(err, f)?;
        }
        Ok(())
    }
}

impl fmt::Debug for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl std::error::Error for ValidationErrors {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::catalogue;

    #[test]
    fn ordered_display_and_iteration() {
        let mut errors = ValidationErrors::new();
        let root = LocChain::ROOT;
        let tags = root.field("tags");
        errors.push_at(&root.field("user_name"), catalogue::string_too_short(3));
        errors.push_at(&tags.index(1), catalogue::string_too_long(20));
        errors.push(catalogue::fields_mismatch("password"));
        assert_eq!(
            errors.to_string(),
            "user_name: String should have at least 3 characters\n\
             tags[1]: String should have at most 20 characters\n\
             Value should match field 'password'"
        );
        let kinds: Vec<_> = (&errors).into_iter().map(|e| e.kind().to_owned()).collect();
        assert_eq!(
            kinds,
            ["string_too_short", "string_too_long", "fields_mismatch"]
        );
        assert_eq!(errors.iter().count(), 3);
        assert_eq!(errors.clone().into_iter().count(), 3);
    }

    #[test]
    fn nested_loc_is_prefixed() {
        let mut inner = ValidationErrors::new();
        inner.push_at(&LocChain::ROOT.field("zip"), catalogue::missing());
        let mut outer = ValidationErrors::new();
        outer.extend_at(&LocChain::ROOT.field("address"), inner);
        assert_eq!(outer.to_string(), "address.zip: Field required");
        assert!(ValidationErrors::new().into_result().is_ok());
    }

    #[test]
    fn counts_slices_and_debug() {
        let empty = ValidationErrors::new();
        assert!(empty.is_empty());
        assert_eq!(empty.len(), 0);
        assert_eq!(format!("{empty:?}"), "[]");
        let mut errors = ValidationErrors::new();
        errors.push(catalogue::missing());
        // The first push reserves room for a typical request's errors.
        assert!(errors.0.capacity() >= FIRST_CAPACITY);
        errors.push(catalogue::string_too_short(3));
        assert!(!errors.is_empty());
        assert_eq!(errors.len(), 2);
        let kinds: Vec<_> = errors.as_slice().iter().map(|e| e.kind()).collect();
        assert_eq!(kinds, ["missing", "string_too_short"]);
        let debug = format!("{errors:?}");
        assert!(
            debug.starts_with("[ValidationError {") && debug.contains("min_length"),
            "{debug}"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn in_place_edits_for_the_decoder() {
        let mut errors: ValidationErrors = [
            catalogue::missing(),
            catalogue::string_too_short(3),
            catalogue::string_too_long(9),
        ]
        .into_iter()
        .collect();
        let first = errors.get_mut(0).expect("an error at 0");
        *first = catalogue::string_too_long(1);
        assert!(errors.get_mut(3).is_none());
        let tail = errors.split_off(1);
        let kinds: Vec<_> = tail.iter().map(|e| e.kind()).collect();
        assert_eq!(kinds, ["string_too_short", "string_too_long"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors.as_slice()[0].kind(), "string_too_long");
        assert!(errors.split_off(5).is_empty());
    }
}
