//! The rules as plain functions, usable without the derive.
//!
//! Each takes the value by reference and returns `Result<(), ValidationError>`
//! with the [`catalogue`](crate::error::catalogue)'s kind, message and ctx.
//! Each works through `Option` (a `None` passes), `Box`, `Rc`, `Arc`, `Cow`
//! and references, and none allocates when the value is valid.

pub(crate) mod filename;
mod input;
mod length;
mod range;
mod text;

pub use filename::{FilenamePolicy, MAX_FILENAME_BYTES, safe_filename, safe_filename_with};
pub use input::{HasLength, LengthUnit, Measured, RangeInput, StrInput};
pub use length::{length, length_in};
pub use range::range;
pub use text::is_invisible;
