//! The error model: [`ValidationError`] (one failure: `type`, `loc`, `msg`,
//! `ctx`), [`ValidationErrors`] (every failure of one value, in field order),
//! [`Loc`] (where), [`Ctx`] (the rule's parameters) and the
//! [`catalogue`] of built-in kinds.
//!
//! No error stores the input value: not in `ctx`, `msg`, `Display`, `Debug`
//! nor JSON.

pub mod catalogue;
mod ctx;
mod errors;
mod loc;
mod small;
mod template;

use std::borrow::Cow;
use std::fmt;

pub use catalogue::Kind;
pub use ctx::{Ctx, CtxValue, IntoCtxValue};
pub use errors::ValidationErrors;
pub use loc::{KEY_MARKER, Loc, LocChain, LocItem, LocKey};

/// One validation failure.
///
/// Built by the rule functions (through the [`catalogue`]) or by a custom
/// rule with [`ValidationError::new`]. An error is one heap allocation: its
/// loc and ctx are stored inline up to a few entries, and its catalogue
/// message is only formatted when asked for.
///
/// ```
/// use validate_core::rules;
/// let err = rules::length("ab", 3..=32).unwrap_err();
/// assert_eq!(err.kind(), "string_too_short");
/// assert_eq!(err.msg(), "String should have at least 3 characters");
/// assert_eq!(err.ctx().get("min_length").map(|v| v.to_string()).as_deref(), Some("3"));
/// assert!(err.loc().is_empty());
/// ```
#[derive(Clone, PartialEq)]
pub struct ValidationError(Box<Inner>);

#[derive(Clone, PartialEq)]
struct Inner {
    kind: Kind,
    code: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
    /// The message is a template whose `{key}` holes are filled from the
    /// ctx when it is read ([`ValidationError::with_message_template`]).
    template: bool,
    ctx: Ctx,
    loc: Loc,
}

impl ValidationError {
    /// A custom error with its own `type` code and message, for custom rules.
    ///
    /// ```
    /// use validate_core::ValidationError;
    /// let err = ValidationError::new("name_taken", "This name is already taken")
    ///     .with_ctx("suggestion", "bob_2");
    /// assert_eq!(err.kind(), "name_taken");
    /// assert_eq!(err.msg(), "This name is already taken");
    /// ```
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        let mut err = Self::from_kind(Kind::Custom);
        err.0.code = Some(code.into());
        err.0.message = Some(message.into());
        err
    }

    /// An error of a built-in kind with an empty ctx; the catalogue's
    /// constructors fill the ctx.
    pub fn from_kind(kind: Kind) -> Self {
        // Allocating first and then writing lets the compiler build the
        // error in place, instead of building it on the stack and copying
        // it over (a tenth of an invalid request's cost).
        ValidationError(Box::write(
            Box::new_uninit(),
            Inner {
                kind,
                code: None,
                message: None,
                template: false,
                ctx: Ctx::new(),
                loc: Loc::new(),
            },
        ))
    }

    /// Adds (or replaces) a ctx entry.
    pub fn with_ctx(
        mut self,
        key: impl Into<Cow<'static, str>>,
        value: impl Into<CtxValue>,
    ) -> Self {
        self.0.ctx.insert(key, value);
        self
    }

    /// Replaces the message (the `message = "..."` override), used as it
    /// is written.
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.0.message = Some(message.into());
        self.0.template = false;
        self
    }

    /// Replaces the message with a template that names ctx keys: `{key}`
    /// is the ctx value of `key`, `{{` and `}}` are braces, and a hole
    /// whose key the ctx lacks stays as written. The holes are filled when
    /// the message is read; the ctx never holds the input, so neither can
    /// the message. The derive's `message = "..."` with `{key}` comes here,
    /// its keys checked at compile time against the rule's errors.
    ///
    /// ```
    /// use validate_core::rules;
    /// let err = rules::length("ab", 3..).unwrap_err()
    ///     .with_message_template("at least {min_length} characters, {{please}}");
    /// assert_eq!(err.msg(), "at least 3 characters, {please}");
    /// ```
    pub fn with_message_template(mut self, template: impl Into<Cow<'static, str>>) -> Self {
        self.0.message = Some(template.into());
        self.0.template = true;
        self
    }

    /// Replaces the `type` code (the `code = "..."` override).
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.0.code = Some(code.into());
        self
    }

    /// Sets the loc, for struct-level rules that report on a field:
    /// `ValidationError::new(..).with_loc(["password_confirm"])`.
    pub fn with_loc<I>(mut self, loc: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<LocItem>,
    {
        self.0.loc = loc.into_iter().map(Into::into).collect();
        self
    }

    /// The machine code, Pydantic's `type`: `string_too_short`.
    pub fn kind(&self) -> &str {
        match &self.0.code {
            Some(code) => code,
            None => self.0.kind.code(),
        }
    }

    /// The catalogue kind this error was built from ([`Kind::Custom`] for
    /// custom errors); unchanged by a `code` override.
    pub fn catalogue_kind(&self) -> Kind {
        self.0.kind
    }

    /// Where the failing value is, outermost first.
    pub fn loc(&self) -> &Loc {
        &self.0.loc
    }

    /// The path, for callers that place an error inside an outer value.
    pub fn loc_mut(&mut self) -> &mut Loc {
        &mut self.0.loc
    }

    /// The human message: the override if one was given, else the
    /// catalogue's sentence filled from the ctx.
    pub fn msg(&self) -> Cow<'_, str> {
        match &self.0.message {
            Some(m) if !self.0.template => Cow::Borrowed(m),
            _ => Cow::Owned(self.message().to_string()),
        }
    }

    /// The message as a `Display`, without allocating.
    pub fn message(&self) -> impl fmt::Display + '_ {
        Message(self)
    }

    /// The rule's parameters and measured facts (never the input).
    pub fn ctx(&self) -> &Ctx {
        &self.0.ctx
    }
}

struct Message<'a>(&'a ValidationError);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.0.0;
        match &inner.message {
            Some(m) if inner.template => template::render(m, &inner.ctx, f),
            Some(m) => f.write_str(m),
            None => inner.kind.write_message(&inner.ctx, f),
        }
    }
}

/// `loc: msg`, or just `msg` when the loc is empty.
impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.loc().is_empty() {
            write!(f, "{}: ", self.loc())?;
        }
        write!(f, "{}", self.message())
    }
}

impl fmt::Debug for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationError")
            .field("type", &self.kind())
            .field("loc", self.loc())
            .field("msg", &self.msg())
            .field("ctx", self.ctx())
            .finish()
    }
}

impl std::error::Error for ValidationError {}

impl From<ValidationError> for ValidationErrors {
    fn from(err: ValidationError) -> Self {
        let mut errors = ValidationErrors::new();
        errors.push(err);
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_one_pointer() {
        assert_eq!(
            std::mem::size_of::<Result<(), ValidationError>>(),
            std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn overrides() {
        let err = catalogue::string_too_short(3)
            .with_code("username_short")
            .with_message("Pick a longer name");
        assert_eq!(err.kind(), "username_short");
        assert_eq!(err.catalogue_kind(), Kind::StringTooShort);
        assert_eq!(err.msg(), "Pick a longer name");
        let err = catalogue::string_too_short(3).with_code("username_short");
        assert_eq!(err.msg(), "String should have at least 3 characters");
    }

    #[test]
    fn templates_are_filled_and_plain_messages_are_not() {
        let template =
            catalogue::string_too_short(3).with_message_template("at least {min_length}");
        assert_eq!(template.msg(), "at least 3");
        assert_eq!(template.to_string(), "at least 3");
        // A plain message is used as written, braces and all, and lent out
        // without a copy.
        let plain = catalogue::string_too_short(3).with_message("at least {min_length}");
        assert!(matches!(
            plain.msg(),
            Cow::Borrowed("at least {min_length}")
        ));
        assert_eq!(plain.to_string(), "at least {min_length}");
        // The later call decides.
        let back = template.with_message("fixed {min_length}");
        assert_eq!(back.msg(), "fixed {min_length}");
    }

    #[test]
    fn display_with_and_without_loc() {
        let err = catalogue::string_pattern_mismatch("^[0-9]{5}$").with_loc(["address", "zip"]);
        assert_eq!(
            err.to_string(),
            "address.zip: String should match pattern '^[0-9]{5}$'"
        );
        assert_eq!(catalogue::missing().to_string(), "Field required");
        let dbg = format!("{err:?}");
        assert!(dbg.contains("string_pattern_mismatch"), "{dbg}");
    }
}
