//! The rules as plain functions, usable without the derive.
//!
//! Each takes the value by reference and returns `Result<(), ValidationError>`
//! with the [`catalogue`](crate::error::catalogue)'s kind, message and ctx.
//! Each works through `Option` (a `None` passes), `Box`, `Rc`, `Arc`, `Cow`
//! and references, and none allocates when the value is valid.

mod input;
mod length;
mod range;
mod text;

pub use input::{HasLength, LengthUnit, Measured, RangeInput, StrInput};
pub use length::{length, length_in};
pub use range::range;
pub use text::is_invisible;
