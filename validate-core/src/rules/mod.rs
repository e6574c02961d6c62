//! The rules as plain functions, usable without the derive.
//!
//! Each takes the value by reference and returns `Result<(), ValidationError>`
//! with the [`catalogue`](crate::error::catalogue)'s kind, message and ctx.
//! Each works through `Option` (a `None` passes), `Box`, `Rc`, `Arc`, `Cow`
//! and references, and none allocates when the value is valid (except
//! `phone_strict`, whose libphonenumber port parses into owned values).

mod bytes;
mod card;
mod charset;
#[cfg(feature = "dates")]
mod dates;
mod email;
#[cfg(not(all(feature = "dates", feature = "phonenumber")))]
mod feature_off;
pub(crate) mod filename;
mod hostname;
mod iban;
mod input;
mod ip;
mod label;
mod length;
mod multiple_of;
mod one_of;
mod pattern;
mod phone;
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
#[cfg(feature = "dates")]
pub use dates::{date, date_range, datetime, time};
pub use email::email;
#[cfg(not(feature = "phonenumber"))]
#[doc(hidden)]
pub use feature_off::phone_strict;
#[cfg(not(feature = "dates"))]
#[doc(hidden)]
pub use feature_off::{date, date_range, datetime, time};
pub use filename::{FilenamePolicy, MAX_FILENAME_BYTES, safe_filename, safe_filename_with};
pub use hostname::{HostnamePolicy, domain, domain_with, hostname, hostname_with};
pub use iban::iban;
pub use input::{HasLength, LengthUnit, Measured, RangeInput, StrInput};
pub use ip::{ip, ipv4, ipv6};
pub use length::{length, length_in};
pub use multiple_of::{Multiple, multiple_of};
pub use one_of::{Choice, OneOfInput, one_of};
pub use pattern::pattern;
pub use phone::phone;
#[cfg(feature = "phonenumber")]
pub use phone::phone_strict;
pub use range::range;
#[cfg(feature = "unicode")]
pub use script::single_script;
pub use substring::{contains, not_contains, prefix, suffix};
pub use text::{is_invisible, no_control, no_invisible};
#[cfg(feature = "url")]
pub use url::{url, url_with_schemes};
pub use uuid::uuid;
