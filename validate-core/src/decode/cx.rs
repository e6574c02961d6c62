//! [`DecodeCx`]: what one decoding run carries — the validation context,
//! the errors found so far, the mode and the nesting depth.

use crate::error::{LocChain, ValidationError, ValidationErrors};

/// How strictly values are converted (see the
/// [module docs](super#strict-and-lax)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// What serde accepts: a JSON integer for an integer, a string for a
    /// string. Pydantic's `strict=True`.
    #[default]
    Strict,
    /// Also what Pydantic's default (lax) mode accepts from JSON: `"30"` or
    /// `30.0` for an integer, `"true"` or `1` for a `bool`.
    Lax,
}

/// The state of one decoding run.
pub struct DecodeCx<'c, C: ?Sized> {
    ctx: &'c C,
    mode: Mode,
    /// Every value is text (a query string, a form, a path): numbers and
    /// booleans are parsed from strings, a repeated key is a list.
    strings: bool,
    errors: ValidationErrors,
    depth: usize,
    /// The last integer outside its Rust type's range: the index of its
    /// error and its value, for a field whose `range` reports it instead.
    pub(crate) out_of_range: Option<(usize, i128)>,
    /// The last list that had an item fail: the index of its first error,
    /// its length and its [`Partial`](super::object::Partial) items, so
    /// that the struct holding it can still check the items that decoded.
    pub(crate) partial: Option<(usize, usize, Box<dyn std::any::Any>)>,
}

impl<'c, C: ?Sized> DecodeCx<'c, C> {
    /// A strict run with the validation context `ctx` (`&()` for none).
    pub fn new(ctx: &'c C) -> Self {
        DecodeCx {
            ctx,
            mode: Mode::Strict,
            strings: false,
            errors: ValidationErrors::new(),
            depth: 0,
            out_of_range: None,
            partial: None,
        }
    }

    /// Sets the mode.
    pub fn with_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// For input where every value is a string (query strings, forms,
    /// paths): numbers and booleans are parsed from text, as in lax mode.
    pub fn with_strings(mut self) -> Self {
        self.strings = true;
        self
    }

    /// The validation context.
    pub fn ctx(&self) -> &'c C {
        self.ctx
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether strings are converted to numbers and booleans: lax mode, or
    /// text input.
    pub fn converts_strings(&self) -> bool {
        self.strings || self.mode == Mode::Lax
    }

    /// Whether every value arrives as text.
    pub fn is_strings(&self) -> bool {
        self.strings
    }

    /// Reports an error at `loc`.
    pub fn push(&mut self, loc: &LocChain<'_>, error: ValidationError) {
        self.errors.push_at(loc, error);
    }

    /// The errors found so far.
    pub fn errors(&self) -> &ValidationErrors {
        &self.errors
    }

    /// The errors, to push to directly (generated code and checks of
    /// decoded fields).
    pub fn errors_mut(&mut self) -> &mut ValidationErrors {
        &mut self.errors
    }

    /// The errors found.
    pub fn into_errors(self) -> ValidationErrors {
        self.errors
    }

    /// Enters one level of structure; `false` (with `nesting_too_deep`
    /// reported at `loc`) past [`max_depth`](crate::max_depth).
    pub(crate) fn enter(&mut self, loc: &LocChain<'_>) -> bool {
        if self.depth >= crate::max_depth() {
            self.push(
                loc,
                crate::error::catalogue::nesting_too_deep(crate::max_depth()),
            );
            return false;
        }
        self.depth += 1;
        true
    }

    /// A fresh run with the same context, mode and depth (an untagged
    /// enum's attempt).
    pub(crate) fn fork(&self) -> DecodeCx<'c, C> {
        DecodeCx {
            ctx: self.ctx,
            mode: self.mode,
            strings: self.strings,
            errors: ValidationErrors::new(),
            depth: self.depth,
            out_of_range: None,
            partial: None,
        }
    }

    /// Leaves the level [`enter`](Self::enter) entered.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
