//! The sanitizers as plain functions, usable without the derive.
//!
//! Each takes `&mut V` where `V: `[`SanitizeStr`] — `String`, `Cow<'_, str>`,
//! and either inside `Option` (a `None` is left alone), `Box` or `&mut` — and
//! rewrites the value into canonical form. The derive runs them from
//! `#[validate(sanitize(...))]`, before validation.
//!
//! Every sanitizer is idempotent (running it twice changes nothing more),
//! never panics, and does not allocate when the value is already canonical
//! (except [`url`], which must parse the value to know):
//! a `String` is edited in place where the edit allows (trim, truncate,
//! strip, ASCII case), and a borrowed `Cow` stays borrowed unless it must be
//! rebuilt. Each sanitizer's output passes the matching rule (`filename`
//! passes `safe_filename`, `strip_invisible` passes `no_invisible`,
//! `strip_control(.., false)` passes `no_control`).
//!
//! ```
//! use validate_core::sanitize;
//! let mut user_name = String::from("  Bob_Smith\u{200b} ");
//! sanitize::trim(&mut user_name);
//! sanitize::strip_invisible(&mut user_name);
//! sanitize::lowercase(&mut user_name);
//! assert_eq!(user_name, "bob_smith");
//! ```

mod case;
mod edit;
mod filename;
#[cfg(feature = "unicode")]
mod normalize;
mod strip;
mod truncate;
#[cfg(feature = "url")]
mod url;
mod whitespace;
mod with;

pub use case::{lowercase, uppercase};
pub use edit::{Plan, SanitizeStr, StrEdit};
pub use filename::{FALLBACK_FILENAME, filename};
#[cfg(feature = "unicode")]
pub use normalize::{nfc, nfkc};
pub use strip::{strip_control, strip_invisible};
pub use truncate::{truncate, truncate_graphemes};
#[cfg(feature = "url")]
pub use url::url;
pub use whitespace::{collapse_whitespace, trim, trim_end, trim_start};
pub use with::{ByRef, ByValue, WithFn, apply_with};
