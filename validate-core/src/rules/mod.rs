//! The rules as plain functions, usable without the derive.
//!
//! Each takes the value by reference and returns `Result<(), ValidationError>`
//! with the [`catalogue`](crate::error::catalogue)'s kind, message and ctx.
//! Each works through `Option` (a `None` passes), `Box`, `Rc`, `Arc`, `Cow`
//! and references, and none allocates when the value is valid.

mod bytes;
mod card;
mod charset;
mod dns;
mod email;
pub(crate) mod filename;
mod input;
mod ip;
mod length;
mod multiple_of;
mod one_of;
mod pattern;
mod range;
#[cfg(feature = "unicode")]
mod script;
mod substring;
mod text;
#[cfg(feature = "url")]
mod url;
mod uuid;

pub use card::credit_card;
pub use charset::{CharClass, Charset, charset};
pub use email::email;
pub use filename::{FilenamePolicy, MAX_FILENAME_BYTES, safe_filename, safe_filename_with};
pub use input::{HasLength, LengthUnit, Measured, RangeInput, StrInput};
pub use ip::{ip, ipv4, ipv6};
pub use length::{length, length_in};
pub use multiple_of::{Multiple, multiple_of};
pub use one_of::{Choice, OneOfInput, one_of};
pub use pattern::pattern;
pub use range::range;
#[cfg(feature = "unicode")]
pub use script::single_script;
pub use substring::{contains, not_contains, prefix, suffix};
pub use text::{is_invisible, no_control, no_invisible};
#[cfg(feature = "url")]
pub use url::{url, url_with_schemes};
pub use uuid::uuid;
