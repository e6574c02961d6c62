//! What a sanitizer accepts ([`SanitizeStr`]) and how it describes its change
//! ([`StrEdit`]), so that an unchanged value is never reallocated and a
//! borrowed `Cow` stays borrowed.

use std::borrow::Cow;
use std::ops::Range;

/// What an edit does to one string, decided by [`StrEdit::plan`] before
/// anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// The string is already in canonical form: nothing is written.
    Keep,
    /// The result is this byte range of the input (trim, truncate): a
    /// `String` is cut in place and a borrowed `Cow` stays borrowed. The
    /// range lies on char boundaries.
    Slice(Range<usize>),
    /// The result is a new string, made by [`StrEdit::rebuild`].
    Rebuild,
}

/// One sanitizing step on a string: `trim`, `lowercase`, ... Each built-in
/// sanitizer is a `StrEdit` applied through [`SanitizeStr`].
///
/// Implement it to write a sanitizer of your own that keeps the
/// no-allocation guarantee; [`apply_to_string`](StrEdit::apply_to_string)
/// and [`apply_to_cow`](StrEdit::apply_to_cow) do the bookkeeping.
///
/// ```
/// use validate_core::sanitize::{Plan, StrEdit};
///
/// /// Replaces tabs with spaces.
/// struct Untab;
/// impl StrEdit for Untab {
///     fn plan(&self, s: &str) -> Plan {
///         if s.contains('\t') { Plan::Rebuild } else { Plan::Keep }
///     }
///     fn rebuild(&self, s: &str) -> String {
///         s.replace('\t', " ")
///     }
/// }
///
/// let mut s = String::from("a\tb");
/// Untab.apply_to_string(&mut s);
/// assert_eq!(s, "a b");
/// ```
pub trait StrEdit {
    /// Decides what to do with `s`, without allocating.
    fn plan(&self, s: &str) -> Plan;

    /// The new string, for a [`Plan::Rebuild`].
    fn rebuild(&self, s: &str) -> String;

    /// Rebuilds an owned string, in place where the edit can (the default
    /// replaces it with [`rebuild`](StrEdit::rebuild)'s result).
    fn rebuild_in_place(&self, s: &mut String) {
        *s = self.rebuild(s);
    }

    /// Applies the edit to an owned string: nothing happens on
    /// [`Plan::Keep`], a slice is cut in place.
    fn apply_to_string(&self, s: &mut String) {
        match self.plan(s) {
            Plan::Keep => {}
            Plan::Slice(range) => cut(s, range),
            Plan::Rebuild => self.rebuild_in_place(s),
        }
    }

    /// Applies the edit to a `Cow`: a borrowed string stays borrowed when it
    /// is kept or sliced, and is replaced by an owned one only when it must
    /// be rebuilt.
    fn apply_to_cow(&self, s: &mut Cow<'_, str>) {
        match s {
            Cow::Borrowed(b) => {
                let b: &str = b;
                match self.plan(b) {
                    Plan::Keep => {}
                    Plan::Slice(range) => {
                        // `get` keeps a faulty plan from panicking; the
                        // built-in edits always return char boundaries.
                        if let Some(sub) = b.get(range) {
                            *s = Cow::Borrowed(sub);
                        }
                    }
                    Plan::Rebuild => *s = Cow::Owned(self.rebuild(b)),
                }
            }
            Cow::Owned(o) => self.apply_to_string(o),
        }
    }
}

/// Cuts `s` down to `range` without reallocating.
fn cut(s: &mut String, range: Range<usize>) {
    if !(s.is_char_boundary(range.start) && s.is_char_boundary(range.end))
        || range.start > range.end
    {
        return;
    }
    s.truncate(range.end);
    s.drain(..range.start);
}

/// A value a sanitizer can edit in place: `String`, `Cow<'_, str>`, and any
/// of them inside `Option` (a `None` is left alone), `Box` or `&mut`.
///
/// The derive calls `sanitize::trim(&mut self.field)` and the like on any
/// field of such a type.
///
/// ```
/// use std::borrow::Cow;
/// use validate_core::sanitize;
///
/// let mut name: Option<Box<String>> = Some(Box::new("  Bob ".into()));
/// sanitize::trim(&mut name);
/// assert_eq!(name.as_deref().map(String::as_str), Some("Bob"));
///
/// let mut c: Cow<'_, str> = Cow::Borrowed(" x ");
/// sanitize::trim(&mut c);
/// assert!(matches!(c, Cow::Borrowed("x")));
/// ```
#[diagnostic::on_unimplemented(
    message = "the sanitizers edit a string in place, and `{Self}` is not one they can edit",
    label = "needs String or Cow<str>, possibly in Option, Box or &mut",
    note = "a sanitizer for another type is a function: `sanitize(with = my_fn)`"
)]
pub trait SanitizeStr {
    /// Applies `edit` to the string inside, if there is one.
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E);
}

impl SanitizeStr for String {
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E) {
        edit.apply_to_string(self);
    }
}

impl SanitizeStr for Cow<'_, str> {
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E) {
        edit.apply_to_cow(self);
    }
}

impl<T: SanitizeStr> SanitizeStr for Option<T> {
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E) {
        if let Some(v) = self {
            v.sanitize_str(edit);
        }
    }
}

impl<T: SanitizeStr + ?Sized> SanitizeStr for Box<T> {
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E) {
        (**self).sanitize_str(edit);
    }
}

impl<T: SanitizeStr + ?Sized> SanitizeStr for &mut T {
    fn sanitize_str<E: StrEdit + ?Sized>(&mut self, edit: &E) {
        (**self).sanitize_str(edit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Middle;
    impl StrEdit for Middle {
        fn plan(&self, s: &str) -> Plan {
            if s.len() > 2 {
                Plan::Slice(1..s.len() - 1)
            } else {
                Plan::Keep
            }
        }
        fn rebuild(&self, s: &str) -> String {
            s.to_owned()
        }
    }

    #[test]
    fn slices_cut_in_place_and_keep_borrows() {
        let mut s = String::from("abcd");
        let ptr = s.as_ptr();
        s.sanitize_str(&Middle);
        assert_eq!(s, "bc");
        assert_eq!(s.as_ptr(), ptr);

        let text = String::from("wxyz");
        let mut c = Cow::Borrowed(text.as_str());
        c.sanitize_str(&Middle);
        assert!(matches!(c, Cow::Borrowed("xy")));
    }

    #[test]
    fn wrappers_forward() {
        let mut o: Option<String> = None;
        o.sanitize_str(&Middle);
        assert_eq!(o, None);
        let mut b: Box<Option<String>> = Box::new(Some("abc".into()));
        // Through the `&mut T` impl.
        fn by_mut_ref<V: SanitizeStr>(mut v: V) {
            v.sanitize_str(&Middle);
        }
        by_mut_ref(&mut b);
        assert_eq!(b.as_deref(), Some("b"));
    }

    #[test]
    fn bad_slices_are_ignored() {
        let mut s = String::from("é");
        cut(&mut s, 1..2);
        assert_eq!(s, "é");
        #[allow(clippy::reversed_empty_ranges)]
        cut(&mut s, 2..1);
        assert_eq!(s, "é");
    }
}
