//! Deserializing with structured errors: [`deserialize_valid`] reads a value
//! with any serde deserializer, then sanitizes and validates it, and reports
//! a failure as [`ValidationErrors`] with its loc — including a rule newtype
//! (`#[validate(newtype)]`) that rejected its value while being read.
//!
//! A newtype checks its value as it is deserialized, so a request type whose
//! fields are newtypes cannot hold an invalid value. Serde stops at that
//! first failure and carries it as a message only (`serde_json::from_str`
//! gives a `serde_json::Error` whose text is the newtype's errors, without
//! the field). The functions here recover the structure: the newtype's
//! errors, placed at the field's path as serde saw it. Serde stops at the
//! first failure, so it is reported alone.
//!
//! For every failure at once (every missing field, every wrong type, every
//! rejected newtype and the rules of every field that decoded), use the
//! collecting decoder instead: [`crate::json::from_slice`] for JSON,
//! [`crate::decode::decode`] for any deserializer.
//!
//! ```
//! use validate_core::{Valid, Validate, de};
//!
//! #[derive(Debug, Validate)]
//! #[validate(newtype)]
//! struct Username(#[validate(sanitize(trim), length(min = 3, max = 32))] String);
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! struct Signup {
//!     user_name: Username,
//!     #[validate(range(min = 13))]
//!     age: u32,
//! }
//!
//! let mut input = serde_json::Deserializer::from_str(r#"{"user_name": " al ", "age": 30}"#);
//! let err = de::deserialize_valid::<Signup, _>(&mut input).unwrap_err();
//! let de::DeserializeError::Invalid(errors) = err else { panic!("a rule failed") };
//! assert_eq!(errors.to_string(), "user_name: String should have at least 3 characters");
//!
//! let mut input = serde_json::Deserializer::from_str(r#"{"user_name": " alice ", "age": 30}"#);
//! let ok: Valid<Signup> = de::deserialize_valid(&mut input).unwrap();
//! assert_eq!(ok.user_name.as_str(), "alice");
//! ```

use std::cell::RefCell;
use std::fmt;

use serde::de::{Deserialize, Deserializer};

use crate::error::{Loc, LocItem, ValidationErrors};
use crate::{Valid, Validate};

/// Why [`deserialize`] or [`deserialize_valid`] failed.
pub enum DeserializeError<E> {
    /// A value broke rules: a rule newtype rejected its value while being
    /// read (its errors placed at the field's path), or the value's own
    /// validation failed (every failure).
    Invalid(ValidationErrors),
    /// The input is not a `T`: bad syntax, a missing field, a value of the
    /// wrong type.
    Malformed(Box<Malformed<E>>),
}

/// A deserializer's own error, and where in the input it happened.
///
/// The error's message may quote the input (serde's do: `invalid type:
/// string "hunter2", expected u32`), so `Display` and `Debug` leave it out;
/// [`error`](Malformed::error) gives it to code that knows what to do with
/// it (the axum integration maps serde's errors to Pydantic's kinds).
pub struct Malformed<E> {
    error: E,
    loc: Loc,
}

impl<E> Malformed<E> {
    /// The deserializer's error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The deserializer's error, owned.
    pub fn into_error(self) -> E {
        self.error
    }

    /// Where in the input it happened (empty: at the top).
    pub fn loc(&self) -> &Loc {
        &self.loc
    }
}

/// `Invalid`: the errors' lines; `Malformed`: where, without the
/// deserializer's message (which may quote the input).
impl<E> fmt::Display for DeserializeError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeserializeError::Invalid(errors) => fmt::Display::fmt(errors, f),
            DeserializeError::Malformed(m) if m.loc.is_empty() => {
                f.write_str("Input could not be read")
            }
            DeserializeError::Malformed(m) => write!(f, "{}: Input could not be read", m.loc),
        }
    }
}

impl<E> fmt::Debug for DeserializeError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeserializeError::Invalid(errors) => f.debug_tuple("Invalid").field(errors).finish(),
            DeserializeError::Malformed(m) => f
                .debug_struct("Malformed")
                .field("loc", &m.loc)
                .finish_non_exhaustive(),
        }
    }
}

impl<E> std::error::Error for DeserializeError<E> {}

/// Deserializes a `T`; a rule newtype that rejects its value is reported as
/// [`DeserializeError::Invalid`] with its loc. `T` is not validated (see
/// [`deserialize_valid`]).
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, DeserializeError<D::Error>>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let mut track = serde_path_to_error::Track::new();
    let (result, rejection) = capture_rejection(|| {
        T::deserialize(serde_path_to_error::Deserializer::new(
            deserializer,
            &mut track,
        ))
    });
    let error = match result {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let loc = loc_of(&track.path());
    match rejection {
        Some(rejection) if rejection.explains(&error) => {
            Err(DeserializeError::Invalid(rejection.into_errors_at(&loc)))
        }
        _ => Err(DeserializeError::Malformed(Box::new(Malformed {
            error,
            loc,
        }))),
    }
}

/// Deserializes a `T`, sanitizes it, then validates it: a [`Valid<T>`], or
/// the failure with its loc (see the [module docs](self)).
pub fn deserialize_valid<'de, T, D>(deserializer: D) -> Result<Valid<T>, DeserializeError<D::Error>>
where
    T: Deserialize<'de> + Validate<Context = ()>,
    D: Deserializer<'de>,
{
    deserialize_valid_with(deserializer, &())
}

/// [`deserialize_valid`] for a type with a validation context.
pub fn deserialize_valid_with<'de, T, D>(
    deserializer: D,
    ctx: &T::Context,
) -> Result<Valid<T>, DeserializeError<D::Error>>
where
    T: Deserialize<'de> + Validate,
    D: Deserializer<'de>,
{
    let value = deserialize(deserializer)?;
    Valid::new_with(value, ctx).map_err(DeserializeError::Invalid)
}

/// The path serde_path_to_error saw, as a loc: struct fields and map keys
/// are strings (the JSON of a loc does not tell them apart), sequence
/// positions integers, externally tagged variants their name.
fn loc_of(path: &serde_path_to_error::Path) -> Loc {
    path.iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(LocItem::Index(*index)),
            // Both came from the input: a name that is not plain becomes a
            // key, quoted and escaped in `Display`.
            serde_path_to_error::Segment::Map { key } => Some(LocItem::from_input(key.as_str())),
            serde_path_to_error::Segment::Enum { variant } => {
                Some(LocItem::from_input(variant.as_str()))
            }
            serde_path_to_error::Segment::Unknown => None,
        })
        .collect()
}

// ----- newtype rejections -----------------------------------------------------

/// The errors of a rule newtype that rejected its value during a
/// deserialization run by [`capture_rejection`].
#[derive(Debug)]
pub struct Rejection {
    errors: ValidationErrors,
    /// The message the newtype gave serde: its errors' `Display`.
    message: String,
}

impl Rejection {
    /// Whether `error` (what the deserializer finally returned) is this
    /// rejection: its message starts with the one the newtype gave serde
    /// (deserializers may append a position). A rejection that serde
    /// recovered from (an untagged enum trying its next variant) does not
    /// explain a later, different error.
    pub fn explains(&self, error: &impl fmt::Display) -> bool {
        !self.message.is_empty() && error.to_string().starts_with(&self.message)
    }

    /// The newtype's errors, their locs relative to the newtype.
    pub fn errors(&self) -> &ValidationErrors {
        &self.errors
    }

    /// The newtype's errors, each placed under `loc` (where the newtype
    /// is in the input).
    pub fn into_errors_at(self, loc: &Loc) -> ValidationErrors {
        self.errors
            .into_iter()
            .map(|mut err| {
                let mut placed = loc.clone();
                for item in err.loc().iter() {
                    placed.push(item.clone());
                }
                *err.loc_mut() = placed;
                err
            })
            .collect()
    }
}

thread_local! {
    /// `Some` while a [`capture_rejection`] runs on this thread: the last
    /// rejection seen, if any. Deserialization is synchronous, so the
    /// newtypes it reaches run on the caller's thread.
    static CAPTURE: RefCell<Option<Option<Rejection>>> = const { RefCell::new(None) };
}

/// Runs `f` (a deserialization) and returns its result with the last rule
/// newtype rejection that happened during it. For integrations that run
/// serde themselves (with their own path tracking) and want a newtype's
/// structured errors: when `f` failed and [`Rejection::explains`] its error,
/// the failure is the newtype's.
///
/// Captures nest: an inner capture sees only what happens inside it.
pub fn capture_rejection<R>(f: impl FnOnce() -> R) -> (R, Option<Rejection>) {
    /// Restores the enclosing capture state, also if `f` panics.
    struct Scope(Option<Option<Rejection>>);
    impl Drop for Scope {
        fn drop(&mut self) {
            let previous = self.0.take();
            let _ = CAPTURE.try_with(|c| {
                if let Ok(mut slot) = c.try_borrow_mut() {
                    *slot = previous;
                }
            });
        }
    }
    let previous = CAPTURE
        .try_with(|c| c.try_borrow_mut().ok().and_then(|mut s| s.replace(None)))
        .ok()
        .flatten();
    let scope = Scope(previous);
    let out = f();
    let rejection = CAPTURE
        .try_with(|c| c.try_borrow_mut().ok().and_then(|mut s| s.take()))
        .ok()
        .flatten()
        .flatten();
    drop(scope);
    (out, rejection)
}

/// Records a newtype's rejection for the enclosing [`capture_rejection`],
/// if there is one.
pub(crate) fn record(errors: &ValidationErrors) {
    let _ = CAPTURE.try_with(|c| {
        if let Ok(mut slot) = c.try_borrow_mut()
            && let Some(last) = slot.as_mut()
        {
            *last = Some(Rejection {
                message: errors.to_string(),
                errors: errors.clone(),
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::catalogue;

    fn errors() -> ValidationErrors {
        catalogue::string_too_short(3).into()
    }

    #[test]
    fn capture_sees_only_its_own_run() {
        record(&errors());
        let ((), none) = capture_rejection(|| {});
        assert!(none.is_none(), "a record outside any capture is dropped");
        let ((), got) = capture_rejection(|| record(&errors()));
        let got = got.expect("recorded");
        assert!(got.explains(&"String should have at least 3 characters at line 1 column 9"));
        assert!(!got.explains(&"data did not match any variant"));
    }

    #[test]
    fn captures_nest() {
        let (inner, outer) = capture_rejection(|| {
            record(&errors());
            let ((), inner) = capture_rejection(|| {});
            inner
        });
        assert!(inner.is_none());
        assert!(
            outer.is_some(),
            "the outer record survives the inner capture"
        );
    }

    #[test]
    fn errors_are_placed_under_the_path() {
        let ((), got) = capture_rejection(|| record(&errors()));
        let loc: Loc = [LocItem::field("tags"), LocItem::Index(2)]
            .into_iter()
            .collect();
        let placed = got.expect("recorded").into_errors_at(&loc);
        assert_eq!(
            placed.to_string(),
            "tags[2]: String should have at least 3 characters"
        );
    }
}
