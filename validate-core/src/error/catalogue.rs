//! The catalogue: every built-in error kind with its `type` code, its message
//! and its ctx keys, in one place. Rule functions, the derive and the JSON all
//! go through the constructors here.
//!
//! Kinds that Pydantic v2 has use Pydantic's code, message and ctx byte for
//! byte (measured on Pydantic 2.14); the others follow the same style. Each
//! message says what is expected, never what was given.

use std::borrow::Cow;
use std::fmt;

use super::{Ctx, CtxValue, ValidationError};

/// A built-in error kind. [`Kind::code`] is the Pydantic `type`.
///
/// | kind | `type` | ctx keys |
/// |---|---|---|
/// | [`StringTooShort`](Kind::StringTooShort) | `string_too_short` | `min_length` |
/// | [`StringTooLong`](Kind::StringTooLong) | `string_too_long` | `max_length` |
/// | [`TooShort`](Kind::TooShort) | `too_short` | `field_type`, `min_length`, `actual_length` |
/// | [`TooLong`](Kind::TooLong) | `too_long` | `field_type`, `max_length`, `actual_length` |
/// | [`StringPatternMismatch`](Kind::StringPatternMismatch) | `string_pattern_mismatch` | `pattern` |
/// | [`GreaterThanEqual`](Kind::GreaterThanEqual) | `greater_than_equal` | `ge` |
/// | [`LessThanEqual`](Kind::LessThanEqual) | `less_than_equal` | `le` |
/// | [`GreaterThan`](Kind::GreaterThan) | `greater_than` | `gt` |
/// | [`LessThan`](Kind::LessThan) | `less_than` | `lt` |
/// | [`MultipleOf`](Kind::MultipleOf) | `multiple_of` | `multiple_of` |
/// | [`LiteralError`](Kind::LiteralError) | `literal_error` | `expected` |
/// | [`Missing`](Kind::Missing) | `missing` | — |
/// | [`JsonInvalid`](Kind::JsonInvalid) | `json_invalid` | `error` |
/// | [`StringType`](Kind::StringType) | `string_type` | — |
/// | [`IntType`](Kind::IntType) | `int_type` | — |
/// | [`IntParsing`](Kind::IntParsing) | `int_parsing` | — |
/// | [`IntFromFloat`](Kind::IntFromFloat) | `int_from_float` | — |
/// | [`FloatType`](Kind::FloatType) | `float_type` | — |
/// | [`FloatParsing`](Kind::FloatParsing) | `float_parsing` | — |
/// | [`BoolType`](Kind::BoolType) | `bool_type` | — |
/// | [`BoolParsing`](Kind::BoolParsing) | `bool_parsing` | — |
/// | [`ListType`](Kind::ListType) | `list_type` | — |
/// | [`DictType`](Kind::DictType) | `dict_type` | — |
/// | [`ModelAttributesType`](Kind::ModelAttributesType) | `model_attributes_type` | — |
/// | [`Enum`](Kind::Enum) | `enum` | `expected` |
/// | [`ExtraForbidden`](Kind::ExtraForbidden) | `extra_forbidden` | — |
/// | [`ValueError`](Kind::ValueError) | `value_error` | `error` |
/// | [`Email`](Kind::Email) | `value_error` | `reason` |
/// | [`UrlParsing`](Kind::UrlParsing) | `url_parsing` | `error` |
/// | [`UrlScheme`](Kind::UrlScheme) | `url_scheme` | `expected_schemes` |
/// | [`IpAnyAddress`](Kind::IpAnyAddress) | `ip_any_address` | — |
/// | [`IpV4Address`](Kind::IpV4Address) | `ip_v4_address` | — |
/// | [`IpV6Address`](Kind::IpV6Address) | `ip_v6_address` | — |
/// | [`UuidParsing`](Kind::UuidParsing) | `uuid_parsing` | `error` |
/// | [`PaymentCardNumberLuhn`](Kind::PaymentCardNumberLuhn) | `payment_card_number_luhn` | — |
/// | [`PaymentCardNumberDigits`](Kind::PaymentCardNumberDigits) | `payment_card_number_digits` | — |
/// | [`StringCharset`](Kind::StringCharset) | `string_charset` | `allowed` |
/// | [`StringContains`](Kind::StringContains) | `string_contains` | `substring` |
/// | [`StringNotContains`](Kind::StringNotContains) | `string_not_contains` | `substring` |
/// | [`StringPrefix`](Kind::StringPrefix) | `string_prefix` | `prefix` |
/// | [`StringSuffix`](Kind::StringSuffix) | `string_suffix` | `suffix` |
/// | [`StringInvisibleCharacters`](Kind::StringInvisibleCharacters) | `string_invisible_characters` | — |
/// | [`StringControlCharacters`](Kind::StringControlCharacters) | `string_control_characters` | — |
/// | [`StringMixedScript`](Kind::StringMixedScript) | `string_mixed_script` | — |
/// | [`FilenameUnsafe`](Kind::FilenameUnsafe) | `filename_unsafe` | `reason` |
/// | [`FieldsMismatch`](Kind::FieldsMismatch) | `fields_mismatch` | `other` |
/// | [`NestingTooDeep`](Kind::NestingTooDeep) | `nesting_too_deep` | `max_depth` |
/// | [`Custom`](Kind::Custom) | chosen by the rule | chosen by the rule |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A string below its minimum length.
    StringTooShort,
    /// A string above its maximum length.
    StringTooLong,
    /// A collection with too few items.
    TooShort,
    /// A collection with too many items.
    TooLong,
    /// A string that does not match a pattern.
    StringPatternMismatch,
    /// Below an inclusive minimum.
    GreaterThanEqual,
    /// Above an inclusive maximum.
    LessThanEqual,
    /// Not above an exclusive minimum.
    GreaterThan,
    /// Not below an exclusive maximum.
    LessThan,
    /// Not a multiple of a number.
    MultipleOf,
    /// Not one of the allowed values.
    LiteralError,
    /// A required value is absent.
    Missing,
    /// A request body that is not well-formed JSON (FastAPI's `json_invalid`).
    JsonInvalid,
    /// Not a string (a number, `null`, a list...).
    StringType,
    /// Not an integer.
    IntType,
    /// A string where an integer belongs that does not parse as one.
    IntParsing,
    /// A number with a fractional part where an integer belongs.
    IntFromFloat,
    /// Not a number.
    FloatType,
    /// A string where a number belongs that does not parse as one.
    FloatParsing,
    /// Not a boolean.
    BoolType,
    /// A string or number where a boolean belongs that is not one.
    BoolParsing,
    /// Not a list.
    ListType,
    /// Not a dictionary (JSON object).
    DictType,
    /// Not an object where a model (struct) belongs.
    ModelAttributesType,
    /// Not one of an enum's variants.
    Enum,
    /// A key the model does not allow (`#[serde(deny_unknown_fields)]`).
    ExtraForbidden,
    /// A value that could not be read, for a reason that fits no other kind.
    ValueError,
    /// Not a valid email address (Pydantic's `EmailStr` uses `value_error`).
    Email,
    /// A URL that does not parse.
    UrlParsing,
    /// A URL whose scheme is not allowed.
    UrlScheme,
    /// Neither an IPv4 nor an IPv6 address.
    IpAnyAddress,
    /// Not an IPv4 address.
    IpV4Address,
    /// Not an IPv6 address.
    IpV6Address,
    /// Not a UUID.
    UuidParsing,
    /// A card number that fails the Luhn check.
    PaymentCardNumberLuhn,
    /// A card number with characters other than digits.
    PaymentCardNumberDigits,
    /// A character outside the allowed set.
    StringCharset,
    /// A required substring is absent.
    StringContains,
    /// A forbidden substring is present.
    StringNotContains,
    /// The required prefix is absent.
    StringPrefix,
    /// The required suffix is absent.
    StringSuffix,
    /// Zero-width, bidi control or other format (Cf) characters.
    StringInvisibleCharacters,
    /// Control (Cc) characters.
    StringControlCharacters,
    /// Letters of more than one script (UTS #39).
    StringMixedScript,
    /// Not a safe file name.
    FilenameUnsafe,
    /// Two fields that must be equal differ.
    FieldsMismatch,
    /// Derived values nested deeper than the limit
    /// ([`max_depth`](crate::max_depth)).
    NestingTooDeep,
    /// A custom rule's error: its code and message are its own.
    Custom,
}

impl Kind {
    /// The Pydantic `type` code.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::StringTooShort => "string_too_short",
            Kind::StringTooLong => "string_too_long",
            Kind::TooShort => "too_short",
            Kind::TooLong => "too_long",
            Kind::StringPatternMismatch => "string_pattern_mismatch",
            Kind::GreaterThanEqual => "greater_than_equal",
            Kind::LessThanEqual => "less_than_equal",
            Kind::GreaterThan => "greater_than",
            Kind::LessThan => "less_than",
            Kind::MultipleOf => "multiple_of",
            Kind::LiteralError => "literal_error",
            Kind::Missing => "missing",
            Kind::JsonInvalid => "json_invalid",
            Kind::StringType => "string_type",
            Kind::IntType => "int_type",
            Kind::IntParsing => "int_parsing",
            Kind::IntFromFloat => "int_from_float",
            Kind::FloatType => "float_type",
            Kind::FloatParsing => "float_parsing",
            Kind::BoolType => "bool_type",
            Kind::BoolParsing => "bool_parsing",
            Kind::ListType => "list_type",
            Kind::DictType => "dict_type",
            Kind::ModelAttributesType => "model_attributes_type",
            Kind::Enum => "enum",
            Kind::ExtraForbidden => "extra_forbidden",
            Kind::ValueError => "value_error",
            Kind::Email => "value_error",
            Kind::UrlParsing => "url_parsing",
            Kind::UrlScheme => "url_scheme",
            Kind::IpAnyAddress => "ip_any_address",
            Kind::IpV4Address => "ip_v4_address",
            Kind::IpV6Address => "ip_v6_address",
            Kind::UuidParsing => "uuid_parsing",
            Kind::PaymentCardNumberLuhn => "payment_card_number_luhn",
            Kind::PaymentCardNumberDigits => "payment_card_number_digits",
            Kind::StringCharset => "string_charset",
            Kind::StringContains => "string_contains",
            Kind::StringNotContains => "string_not_contains",
            Kind::StringPrefix => "string_prefix",
            Kind::StringSuffix => "string_suffix",
            Kind::StringInvisibleCharacters => "string_invisible_characters",
            Kind::StringControlCharacters => "string_control_characters",
            Kind::StringMixedScript => "string_mixed_script",
            Kind::FilenameUnsafe => "filename_unsafe",
            Kind::FieldsMismatch => "fields_mismatch",
            Kind::NestingTooDeep => "nesting_too_deep",
            Kind::Custom => "custom",
        }
    }

    /// Writes the catalogue message for this kind, filled from `ctx`.
    pub(crate) fn write_message(self, ctx: &Ctx, f: &mut dyn fmt::Write) -> fmt::Result {
        let v = |key: &str| Value(ctx.get(key));
        match self {
            Kind::StringTooShort => write!(
                f,
                "String should have at least {} character{}",
                v("min_length"),
                plural(ctx.get("min_length"))
            ),
            Kind::StringTooLong => write!(
                f,
                "String should have at most {} character{}",
                v("max_length"),
                plural(ctx.get("max_length"))
            ),
            Kind::TooShort => write!(
                f,
                "{} should have at least {} item{} after validation, not {}",
                v("field_type"),
                v("min_length"),
                plural(ctx.get("min_length")),
                v("actual_length")
            ),
            Kind::TooLong => write!(
                f,
                "{} should have at most {} item{} after validation, not {}",
                v("field_type"),
                v("max_length"),
                plural(ctx.get("max_length")),
                v("actual_length")
            ),
            Kind::StringPatternMismatch => {
                write!(f, "String should match pattern '{}'", v("pattern"))
            }
            Kind::GreaterThanEqual => {
                write!(f, "Input should be greater than or equal to {}", v("ge"))
            }
            Kind::LessThanEqual => write!(f, "Input should be less than or equal to {}", v("le")),
            Kind::GreaterThan => write!(f, "Input should be greater than {}", v("gt")),
            Kind::LessThan => write!(f, "Input should be less than {}", v("lt")),
            Kind::MultipleOf => write!(f, "Input should be a multiple of {}", v("multiple_of")),
            Kind::LiteralError => write!(f, "Input should be {}", v("expected")),
            Kind::Missing => f.write_str("Field required"),
            // FastAPI's message for a body `json.loads` rejects (Pydantic's
            // own `model_validate_json` says `Invalid JSON: {error}`).
            Kind::JsonInvalid => f.write_str("JSON decode error"),
            Kind::StringType => f.write_str("Input should be a valid string"),
            Kind::IntType => f.write_str("Input should be a valid integer"),
            Kind::IntParsing => {
                f.write_str("Input should be a valid integer, unable to parse string as an integer")
            }
            Kind::IntFromFloat => {
                f.write_str("Input should be a valid integer, got a number with a fractional part")
            }
            Kind::FloatType => f.write_str("Input should be a valid number"),
            Kind::FloatParsing => {
                f.write_str("Input should be a valid number, unable to parse string as a number")
            }
            Kind::BoolType => f.write_str("Input should be a valid boolean"),
            Kind::BoolParsing => {
                f.write_str("Input should be a valid boolean, unable to interpret input")
            }
            Kind::ListType => f.write_str("Input should be a valid list"),
            Kind::DictType => f.write_str("Input should be a valid dictionary"),
            Kind::ModelAttributesType => {
                f.write_str("Input should be a valid dictionary or object to extract fields from")
            }
            Kind::Enum => write!(f, "Input should be {}", v("expected")),
            Kind::ExtraForbidden => f.write_str("Extra inputs are not permitted"),
            Kind::ValueError => write!(f, "Value error, {}", v("error")),
            Kind::Email => write!(f, "value is not a valid email address: {}", v("reason")),
            Kind::UrlParsing => write!(f, "Input should be a valid URL, {}", v("error")),
            Kind::UrlScheme => write!(f, "URL scheme should be {}", v("expected_schemes")),
            Kind::IpAnyAddress => f.write_str("value is not a valid IPv4 or IPv6 address"),
            Kind::IpV4Address => f.write_str("Input is not a valid IPv4 address"),
            Kind::IpV6Address => f.write_str("Input is not a valid IPv6 address"),
            Kind::UuidParsing => write!(f, "Input should be a valid UUID, {}", v("error")),
            Kind::PaymentCardNumberLuhn => f.write_str("Card number is not luhn valid"),
            Kind::PaymentCardNumberDigits => f.write_str("Card number is not all digits"),
            Kind::StringCharset => write!(f, "String should contain only {}", v("allowed")),
            Kind::StringContains => write!(f, "String should contain '{}'", v("substring")),
            Kind::StringNotContains => {
                write!(f, "String should not contain '{}'", v("substring"))
            }
            Kind::StringPrefix => write!(f, "String should start with '{}'", v("prefix")),
            Kind::StringSuffix => write!(f, "String should end with '{}'", v("suffix")),
            Kind::StringInvisibleCharacters => f.write_str(
                "String should not contain invisible or bidirectional control characters",
            ),
            Kind::StringControlCharacters => {
                f.write_str("String should not contain control characters")
            }
            Kind::StringMixedScript => f.write_str("String should not mix scripts"),
            Kind::FilenameUnsafe => write!(f, "value is not a safe file name: {}", v("reason")),
            Kind::FieldsMismatch => write!(f, "Value should match field '{}'", v("other")),
            Kind::NestingTooDeep => write!(
                f,
                "Input should be nested at most {} levels deep",
                v("max_depth")
            ),
            Kind::Custom => f.write_str("Value error"),
        }
    }
}

/// A ctx value, or nothing when a custom `code` kept the kind but the ctx
/// lacks the key.
struct Value<'a>(Option<&'a CtxValue>);

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => fmt::Display::fmt(&v.in_msg(), f),
            None => Ok(()),
        }
    }
}

/// Pydantic's `expected_plural`: `""` for 1, `"s"` otherwise.
fn plural(n: Option<&CtxValue>) -> &'static str {
    match n {
        Some(CtxValue::Int(1)) | Some(CtxValue::UInt(1)) => "",
        _ => "s",
    }
}

/// Joins choices as Pydantic does for `literal_error` and `url_scheme`:
/// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. Strings are quoted, numbers not.
pub fn join_expected(choices: &[CtxValue]) -> String {
    join(choices.iter().map(|v| match v {
        CtxValue::Str(s) => Expected::Quoted(s),
        other => Expected::Plain(other),
    }))
}

/// [`join_expected`] for strings, every one quoted: `'http' or 'https'`.
pub fn join_quoted(choices: &[&str]) -> String {
    join(choices.iter().map(|s| Expected::Quoted(s)))
}

/// One choice as a joined list shows it.
enum Expected<'a> {
    Quoted(&'a str),
    Plain(&'a CtxValue),
}

impl fmt::Display for Expected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Quoted(s) => write!(f, "'{s}'"),
            Expected::Plain(v) => fmt::Display::fmt(v, f),
        }
    }
}

/// `a`, `a or b`, `a, b or c`, written into one string.
fn join<'a>(choices: impl ExactSizeIterator<Item = Expected<'a>>) -> String {
    use fmt::Write as _;
    let last = choices.len().saturating_sub(1);
    let mut out = String::new();
    for (i, choice) in choices.enumerate() {
        if i > 0 {
            out.push_str(if i == last { " or " } else { ", " });
        }
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{choice}");
    }
    out
}

fn err(kind: Kind) -> ValidationError {
    ValidationError::from_kind(kind)
}

/// `string_too_short`: fewer than `min_length` characters (or bytes, UTF-16
/// units, graphemes, per the rule's unit).
pub fn string_too_short(min_length: usize) -> ValidationError {
    err(Kind::StringTooShort).with_ctx("min_length", min_length)
}

/// `string_too_long`: more than `max_length` characters.
pub fn string_too_long(max_length: usize) -> ValidationError {
    err(Kind::StringTooLong).with_ctx("max_length", max_length)
}

/// `too_short` for a collection; `field_type` is Pydantic's name for it
/// (`List`, `Set`, `Dictionary`, `Tuple`).
pub fn too_short(field_type: &'static str, min_length: usize, actual: usize) -> ValidationError {
    err(Kind::TooShort)
        .with_ctx("field_type", field_type)
        .with_ctx("min_length", min_length)
        .with_ctx("actual_length", actual)
}

/// `too_long` for a collection.
pub fn too_long(field_type: &'static str, max_length: usize, actual: usize) -> ValidationError {
    err(Kind::TooLong)
        .with_ctx("field_type", field_type)
        .with_ctx("max_length", max_length)
        .with_ctx("actual_length", actual)
}

/// `string_pattern_mismatch`.
pub fn string_pattern_mismatch(pattern: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::StringPatternMismatch).with_ctx("pattern", CtxValue::Str(pattern.into()))
}

/// `greater_than_equal`: below the inclusive minimum `ge`.
pub fn greater_than_equal(ge: CtxValue) -> ValidationError {
    err(Kind::GreaterThanEqual).with_ctx("ge", ge)
}

/// `less_than_equal`: above the inclusive maximum `le`.
pub fn less_than_equal(le: CtxValue) -> ValidationError {
    err(Kind::LessThanEqual).with_ctx("le", le)
}

/// `greater_than`: not above the exclusive minimum `gt`.
pub fn greater_than(gt: CtxValue) -> ValidationError {
    err(Kind::GreaterThan).with_ctx("gt", gt)
}

/// `less_than`: not below the exclusive maximum `lt`.
pub fn less_than(lt: CtxValue) -> ValidationError {
    err(Kind::LessThan).with_ctx("lt", lt)
}

/// `multiple_of`.
pub fn multiple_of(n: CtxValue) -> ValidationError {
    err(Kind::MultipleOf).with_ctx("multiple_of", n)
}

/// `literal_error`; `expected` is already joined (see [`join_expected`]).
pub fn literal_error(expected: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::LiteralError).with_ctx("expected", CtxValue::Str(expected.into()))
}

/// `missing`: `Field required`.
pub fn missing() -> ValidationError {
    err(Kind::Missing)
}

/// `json_invalid`: the body is not well-formed JSON; `error` is the reason
/// as Python's `json` module words it (`Expecting value`), never the text.
/// The loc carries the character offset.
pub fn json_invalid(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::JsonInvalid).with_ctx("error", CtxValue::Str(error.into()))
}

/// `string_type`: `Input should be a valid string`.
pub fn string_type() -> ValidationError {
    err(Kind::StringType)
}

/// `int_type`: `Input should be a valid integer`.
pub fn int_type() -> ValidationError {
    err(Kind::IntType)
}

/// `int_parsing`: a string that is not an integer.
pub fn int_parsing() -> ValidationError {
    err(Kind::IntParsing)
}

/// `int_from_float`: a number with a fractional part.
pub fn int_from_float() -> ValidationError {
    err(Kind::IntFromFloat)
}

/// `float_type`: `Input should be a valid number`.
pub fn float_type() -> ValidationError {
    err(Kind::FloatType)
}

/// `float_parsing`: a string that is not a number.
pub fn float_parsing() -> ValidationError {
    err(Kind::FloatParsing)
}

/// `bool_type`: `Input should be a valid boolean`.
pub fn bool_type() -> ValidationError {
    err(Kind::BoolType)
}

/// `bool_parsing`: a string or number that is not a boolean.
pub fn bool_parsing() -> ValidationError {
    err(Kind::BoolParsing)
}

/// `list_type`: `Input should be a valid list`.
pub fn list_type() -> ValidationError {
    err(Kind::ListType)
}

/// `dict_type`: `Input should be a valid dictionary`.
pub fn dict_type() -> ValidationError {
    err(Kind::DictType)
}

/// `model_attributes_type`: not an object where a struct belongs (what
/// FastAPI answers, as it validates with `from_attributes`).
pub fn model_attributes_type() -> ValidationError {
    err(Kind::ModelAttributesType)
}

/// `enum`; `expected` is already joined (see [`join_expected`]).
pub fn enum_variant(expected: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::Enum).with_ctx("expected", CtxValue::Str(expected.into()))
}

/// `extra_forbidden`: a key the model does not allow.
pub fn extra_forbidden() -> ValidationError {
    err(Kind::ExtraForbidden)
}

/// `value_error` for a value that could not be read; `error` says why in
/// words of our own (`duplicate field`), never quoting the input.
pub fn value_error(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::ValueError).with_ctx("error", CtxValue::Str(error.into()))
}

/// `value_error` for an email address; `reason` says what is wrong.
pub fn email(reason: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::Email).with_ctx("reason", CtxValue::Str(reason.into()))
}

/// `url_parsing`; `error` is the parser's message (`relative URL without a
/// base`, `empty host`, ...).
pub fn url_parsing(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::UrlParsing).with_ctx("error", CtxValue::Str(error.into()))
}

/// `url_scheme`; `expected_schemes` is joined like `'http' or 'https'`.
pub fn url_scheme(expected_schemes: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::UrlScheme).with_ctx("expected_schemes", CtxValue::Str(expected_schemes.into()))
}

/// `ip_any_address`.
pub fn ip_any_address() -> ValidationError {
    err(Kind::IpAnyAddress)
}

/// `ip_v4_address`.
pub fn ip_v4_address() -> ValidationError {
    err(Kind::IpV4Address)
}

/// `ip_v6_address`.
pub fn ip_v6_address() -> ValidationError {
    err(Kind::IpV6Address)
}

/// `uuid_parsing`; `error` says what is wrong without quoting the input.
pub fn uuid_parsing(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::UuidParsing).with_ctx("error", CtxValue::Str(error.into()))
}

/// `payment_card_number_luhn`.
pub fn payment_card_number_luhn() -> ValidationError {
    err(Kind::PaymentCardNumberLuhn)
}

/// `payment_card_number_digits`: Pydantic's `PaymentCardNumber` wording.
pub fn payment_card_number_digits() -> ValidationError {
    err(Kind::PaymentCardNumberDigits)
}

/// `string_charset`; `allowed` describes the set (`ASCII letters and digits
/// and '_'`).
pub fn string_charset(allowed: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::StringCharset).with_ctx("allowed", CtxValue::Str(allowed.into()))
}

/// `string_contains`.
pub fn string_contains(substring: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::StringContains).with_ctx("substring", CtxValue::Str(substring.into()))
}

/// `string_not_contains`.
pub fn string_not_contains(substring: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::StringNotContains).with_ctx("substring", CtxValue::Str(substring.into()))
}

/// `string_prefix`.
pub fn string_prefix(prefix: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::StringPrefix).with_ctx("prefix", CtxValue::Str(prefix.into()))
}

/// `string_suffix`.
pub fn string_suffix(suffix: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::StringSuffix).with_ctx("suffix", CtxValue::Str(suffix.into()))
}

/// `string_invisible_characters`.
pub fn string_invisible_characters() -> ValidationError {
    err(Kind::StringInvisibleCharacters)
}

/// `string_control_characters`.
pub fn string_control_characters() -> ValidationError {
    err(Kind::StringControlCharacters)
}

/// `string_mixed_script`.
pub fn string_mixed_script() -> ValidationError {
    err(Kind::StringMixedScript)
}

/// `filename_unsafe`; `reason` says what is wrong (`contains a path
/// separator`, `is a reserved device name`, ...).
pub fn filename_unsafe(reason: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::FilenameUnsafe).with_ctx("reason", CtxValue::Str(reason.into()))
}

/// `fields_mismatch`: this field must equal the field `other` (its wire name).
pub fn fields_mismatch(other: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::FieldsMismatch).with_ctx("other", CtxValue::Str(other.into()))
}

/// `nesting_too_deep`: derived values nested more than `max_depth` levels
/// deep; the values below were not checked.
pub fn nesting_too_deep(max_depth: usize) -> ValidationError {
    err(Kind::NestingTooDeep).with_ctx("max_depth", max_depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_pydantic() {
        assert_eq!(
            string_too_short(1).msg(),
            "String should have at least 1 character"
        );
        assert_eq!(
            string_too_short(2).msg(),
            "String should have at least 2 characters"
        );
        assert_eq!(
            too_long("List", 1, 3).msg(),
            "List should have at most 1 item after validation, not 3"
        );
    }

    #[test]
    fn expected_lists_join_like_pydantic() {
        let s = |x: &'static str| CtxValue::from(x);
        assert_eq!(join_expected(&[s("a")]), "'a'");
        assert_eq!(join_expected(&[s("a"), s("b")]), "'a' or 'b'");
        assert_eq!(join_expected(&[s("a"), s("b"), s("c")]), "'a', 'b' or 'c'");
        assert_eq!(join_expected(&[]), "");
        assert_eq!(
            join_quoted(&["http", "https", "ftp"]),
            "'http', 'https' or 'ftp'"
        );
        assert_eq!(join_quoted(&["ws"]), "'ws'");
        assert_eq!(
            join_expected(&[CtxValue::Int(1), CtxValue::Int(2), CtxValue::Int(3)]),
            "1, 2 or 3"
        );
    }
}
