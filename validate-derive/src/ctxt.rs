//! [`Ctxt`]: collects every attribute error of one derive input, so a build
//! reports all the mistakes at once instead of stopping at the first.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// The error sink threaded through parsing and checking.
///
/// It must be consumed with [`Ctxt::check`]; dropping it unchecked is a bug
/// in the derive (errors would be lost), caught in debug builds.
pub(crate) struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanning `tokens`.
    pub(crate) fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub(crate) fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.syn_error(syn::Error::new(span, message));
    }

    /// Records a syn error as it is.
    pub(crate) fn syn_error(&self, err: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(err);
        }
    }

    /// How many errors have been recorded so far: compared before and
    /// after one list, it tells whether that list had a mistake (the
    /// errors of other fields must not hide this list's own).
    pub(crate) fn error_count(&self) -> usize {
        self.errors.borrow().as_ref().map_or(0, Vec::len)
    }

    /// Consumes the context: every recorded error combined into one, or
    /// `Ok` when there is none.
    pub(crate) fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut iter = errors.into_iter();
        match iter.next() {
            None => Ok(()),
            Some(mut first) => {
                for err in iter {
                    first.combine(err);
                }
                Err(first)
            }
        }
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // A Ctxt dropped with errors still inside means the derive forgot to
        // report them; fail loudly while developing the derive.
        debug_assert!(
            std::thread::panicking() || self.errors.borrow().is_none(),
            "Ctxt dropped without check()"
        );
    }
}
