//! The rules as plain functions, usable without the derive.
//!
//! Each takes the value by reference and returns `Result<(), ValidationError>`
//! with the [`catalogue`](crate::error::catalogue)'s kind, message and ctx.
//! Each works through `Option` (a `None` passes), `Box`, `Rc`, `Arc`, `Cow`
//! and references, and none allocates when the value is valid.

mod card;
mod email;
mod input;
mod ip;
mod length;
mod range;
mod text;
#[cfg(feature = "url")]
mod url;
mod uuid;

pub use card::credit_card;
pub use email::email;
pub use input::{HasLength, LengthUnit, Measured, RangeInput, StrInput};
pub use ip::{ip, ipv4, ipv6};
pub use length::{length, length_in};
pub use range::range;
pub use text::is_invisible;
#[cfg(feature = "url")]
pub use url::{url, url_with_schemes};
pub use uuid::uuid;
