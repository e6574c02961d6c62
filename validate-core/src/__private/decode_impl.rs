//! `decode_impl!`: the collecting decoder `#[derive(Validate)]` writes for
//! a struct (see [`crate::decode`]). The derive cannot know which features
//! validate-core was built with, so it always wraps that code in this
//! macro (under the version stamp's name), which keeps it only with
//! feature `serde`.

/// Keeps the tokens with feature `serde`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __decode_impl {
    ($($tokens:tt)*) => { $($tokens)* };
}

/// Without feature `serde`: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __decode_impl {
    ($($tokens:tt)*) => {};
}

/// A flattened field's result: its decoder reads a buffered object, whose
/// own errors (a serde impl refusing it) become one error at `loc`.
#[cfg(feature = "serde")]
pub fn flattened<T, C: ?Sized>(
    result: Result<Option<T>, crate::decode::Failure>,
    cx: &mut crate::decode::DecodeCx<'_, C>,
    loc: &crate::LocChain<'_>,
) -> Option<T> {
    result.unwrap_or_else(|_| {
        cx.push(loc, crate::error::catalogue::value_error("invalid value"));
        None
    })
}
