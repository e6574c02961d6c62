//! The catalogue: every built-in error kind with its `type` code, its message
//! and its ctx keys, in one table (`catalogue!` below). [`Kind`], its
//! [`code`](Kind::code), its message, its ctx keys and the table in its docs
//! are all generated from that table; the constructors below build the
//! errors, and rule functions, the derive and the JSON all go through them.
//!
//! Kinds that Pydantic v2 has use Pydantic's code, message and ctx byte for
//! byte (measured on Pydantic 2.14); the others follow the same style. Each
//! message says what is expected, never what was given.

use std::borrow::Cow;
use std::fmt;

use super::template;
use super::{Ctx, CtxValue, ValidationError};

pub use super::template::{join_expected, join_quoted};

/// Declares [`Kind`] from the table: one row per kind, its doc, its `type`
/// code, its ctx keys and its message as pieces: text, `{key}` (the ctx
/// value) and `{key: s}` (`s` unless the value is 1, Pydantic's
/// `expected_plural`). The message is written piece by piece, and its
/// template text (`{key}`, `{key:s}`) is generated for the docs.
macro_rules! catalogue {
    ($(
        $(#[$doc:meta])*
        $kind:ident => $code:literal, [$($key:literal),*], [$($piece:tt),*];
    )*) => {
        /// A built-in error kind. [`Kind::code`] is the Pydantic `type`.
        ///
        /// | kind | `type` | ctx keys | message |
        /// |---|---|---|---|
        $(#[doc = catalogue!(@row $kind, $code, catalogue!(@template $($piece),*), $($key),*)])*
        /// | [`Custom`](Kind::Custom) | chosen by the rule | chosen by the rule | chosen by the rule |
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
            /// A custom rule's error: its code and message are its own.
            Custom,
        }

        impl Kind {
            /// Every kind of the table, in its order ([`Kind::Custom`] last).
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)* Kind::Custom];

            /// The Pydantic `type` code.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Kind::$kind => $code,)*
                    Kind::Custom => "custom",
                }
            }

            /// The ctx keys the catalogue's constructor sets, in order.
            pub const fn ctx_keys(self) -> &'static [&'static str] {
                match self {
                    $(Kind::$kind => &[$($key),*],)*
                    Kind::Custom => &[],
                }
            }

            /// The message template: `{key}` stands for the ctx value,
            /// `{key:s}` for `s` unless that value is 1.
            pub const fn message_template(self) -> &'static str {
                match self {
                    $(Kind::$kind => catalogue!(@template $($piece),*),)*
                    Kind::Custom => "Value error",
                }
            }

            /// Writes the catalogue message for this kind, filled from
            /// `ctx`: the pieces are written in turn, with no template to
            /// read at run time.
            pub(crate) fn write_message(self, ctx: &Ctx, f: &mut dyn fmt::Write) -> fmt::Result {
                match self {
                    $(Kind::$kind => {
                        $(catalogue!(@write f, ctx, $piece);)*
                    })*
                    Kind::Custom => f.write_str("Value error")?,
                }
                Ok(())
            }
        }
    };
    (@template $($piece:tt),*) => { concat!($(catalogue!(@text $piece)),*) };
    (@text $text:literal) => { $text };
    (@text { $key:ident }) => { concat!("{", stringify!($key), "}") };
    (@text { $key:ident : s }) => { concat!("{", stringify!($key), ":s}") };
    (@write $f:ident, $ctx:ident, $text:literal) => { $f.write_str($text)? };
    // A ctx value, or nothing when a custom `code` kept the kind but the
    // ctx lacks the key.
    (@write $f:ident, $ctx:ident, { $key:ident }) => {
        if let Some(value) = $ctx.get(stringify!($key)) {
            write!($f, "{}", value.in_msg())?;
        }
    };
    (@write $f:ident, $ctx:ident, { $key:ident : s }) => {
        $f.write_str(template::plural($ctx.get(stringify!($key))))?
    };
    (@row $kind:ident, $code:literal, $message:expr,) => {
        concat!("| [`", stringify!($kind), "`](Kind::", stringify!($kind), ") | `", $code,
            "` | — | ", $message, " |")
    };
    (@row $kind:ident, $code:literal, $message:expr, $first:literal $(, $rest:literal)*) => {
        concat!("| [`", stringify!($kind), "`](Kind::", stringify!($kind), ") | `", $code,
            "` | `", $first, "`" $(, ", `", $rest, "`")*, " | ", $message, " |")
    };
}

catalogue! {
    /// A string below its minimum length.
    StringTooShort => "string_too_short", ["min_length"],
        ["String should have at least ", {min_length}, " character", {min_length: s}];
    /// A string above its maximum length.
    StringTooLong => "string_too_long", ["max_length"],
        ["String should have at most ", {max_length}, " character", {max_length: s}];
    /// A collection with too few items.
    TooShort => "too_short", ["field_type", "min_length", "actual_length"],
        [{field_type}, " should have at least ", {min_length}, " item", {min_length: s}, " after validation, not ", {actual_length}];
    /// A collection with too many items.
    TooLong => "too_long", ["field_type", "max_length", "actual_length"],
        [{field_type}, " should have at most ", {max_length}, " item", {max_length: s}, " after validation, not ", {actual_length}];
    /// A string that does not match a pattern.
    StringPatternMismatch => "string_pattern_mismatch", ["pattern"],
        ["String should match pattern '", {pattern}, "'"];
    /// Below an inclusive minimum.
    GreaterThanEqual => "greater_than_equal", ["ge"],
        ["Input should be greater than or equal to ", {ge}];
    /// Above an inclusive maximum.
    LessThanEqual => "less_than_equal", ["le"], ["Input should be less than or equal to ", {le}];
    /// Not above an exclusive minimum.
    GreaterThan => "greater_than", ["gt"], ["Input should be greater than ", {gt}];
    /// Not below an exclusive maximum.
    LessThan => "less_than", ["lt"], ["Input should be less than ", {lt}];
    /// Not a multiple of a number.
    MultipleOf => "multiple_of", ["multiple_of"], ["Input should be a multiple of ", {multiple_of}];
    /// Not one of the allowed values.
    LiteralError => "literal_error", ["expected"], ["Input should be ", {expected}];
    /// A required value is absent.
    Missing => "missing", [], ["Field required"];
    /// A request body that is not well-formed JSON (FastAPI's `json_invalid`;
    /// its message, where Pydantic's own `model_validate_json` says
    /// `Invalid JSON: {error}`).
    JsonInvalid => "json_invalid", ["error"], ["JSON decode error"];
    /// Not a string (a number, `null`, a list...).
    StringType => "string_type", [], ["Input should be a valid string"];
    /// Not an integer.
    IntType => "int_type", [], ["Input should be a valid integer"];
    /// A string where an integer belongs that does not parse as one.
    IntParsing => "int_parsing", [],
        ["Input should be a valid integer, unable to parse string as an integer"];
    /// A number with a fractional part where an integer belongs.
    IntFromFloat => "int_from_float", [],
        ["Input should be a valid integer, got a number with a fractional part"];
    /// Not a number.
    FloatType => "float_type", [], ["Input should be a valid number"];
    /// A string where a number belongs that does not parse as one.
    FloatParsing => "float_parsing", [],
        ["Input should be a valid number, unable to parse string as a number"];
    /// Not a boolean.
    BoolType => "bool_type", [], ["Input should be a valid boolean"];
    /// A string or number where a boolean belongs that is not one.
    BoolParsing => "bool_parsing", [], ["Input should be a valid boolean, unable to interpret input"];
    /// Not a list.
    ListType => "list_type", [], ["Input should be a valid list"];
    /// Not a dictionary (JSON object).
    DictType => "dict_type", [], ["Input should be a valid dictionary"];
    /// Not an object where a model (struct) belongs.
    ModelAttributesType => "model_attributes_type", [],
        ["Input should be a valid dictionary or object to extract fields from"];
    /// Not one of an enum's variants.
    Enum => "enum", ["expected"], ["Input should be ", {expected}];
    /// A key the model does not allow (`#[serde(deny_unknown_fields)]`).
    ExtraForbidden => "extra_forbidden", [], ["Extra inputs are not permitted"];
    /// A value that could not be read, for a reason that fits no other kind.
    ValueError => "value_error", ["error"], ["Value error, ", {error}];
    /// Not a valid email address (Pydantic's `EmailStr` uses `value_error`).
    Email => "value_error", ["reason"], ["value is not a valid email address: ", {reason}];
    /// A URL that does not parse.
    UrlParsing => "url_parsing", ["error"], ["Input should be a valid URL, ", {error}];
    /// A URL whose scheme is not allowed.
    UrlScheme => "url_scheme", ["expected_schemes"], ["URL scheme should be ", {expected_schemes}];
    /// Neither an IPv4 nor an IPv6 address.
    IpAnyAddress => "ip_any_address", [], ["value is not a valid IPv4 or IPv6 address"];
    /// Not an IPv4 address.
    IpV4Address => "ip_v4_address", [], ["Input is not a valid IPv4 address"];
    /// Not an IPv6 address.
    IpV6Address => "ip_v6_address", [], ["Input is not a valid IPv6 address"];
    /// Not a UUID.
    UuidParsing => "uuid_parsing", ["error"], ["Input should be a valid UUID, ", {error}];
    /// A card number that fails the Luhn check.
    PaymentCardNumberLuhn => "payment_card_number_luhn", [], ["Card number is not luhn valid"];
    /// A card number with characters other than digits.
    PaymentCardNumberDigits => "payment_card_number_digits", [], ["Card number is not all digits"];
    /// A character outside the allowed set.
    StringCharset => "string_charset", ["allowed"], ["String should contain only ", {allowed}];
    /// A required substring is absent.
    StringContains => "string_contains", ["substring"], ["String should contain '", {substring}, "'"];
    /// A forbidden substring is present.
    StringNotContains => "string_not_contains", ["substring"],
        ["String should not contain '", {substring}, "'"];
    /// The required prefix is absent.
    StringPrefix => "string_prefix", ["prefix"], ["String should start with '", {prefix}, "'"];
    /// The required suffix is absent.
    StringSuffix => "string_suffix", ["suffix"], ["String should end with '", {suffix}, "'"];
    /// Zero-width, bidi control or other format (Cf) characters.
    StringInvisibleCharacters => "string_invisible_characters", [],
        ["String should not contain invisible or bidirectional control characters"];
    /// Control (Cc) characters.
    StringControlCharacters => "string_control_characters", [],
        ["String should not contain control characters"];
    /// Letters of more than one script (UTS #39).
    StringMixedScript => "string_mixed_script", [], ["String should not mix scripts"];
    /// Not a safe file name.
    FilenameUnsafe => "filename_unsafe", ["reason"], ["value is not a safe file name: ", {reason}];
    /// Two fields that must be equal differ.
    FieldsMismatch => "fields_mismatch", ["other"], ["Value should match field '", {other}, "'"];
    /// Derived values nested deeper than the limit
    /// ([`max_depth`](crate::max_depth)).
    NestingTooDeep => "nesting_too_deep", ["max_depth"],
        ["Input should be nested at most ", {max_depth}, " levels deep"];
    /// Not a valid host name (RFC 1123).
    Hostname => "hostname_invalid", ["reason"], ["value is not a valid hostname: ", {reason}];
    /// Not a valid domain name (a host name of two or more labels).
    Domain => "domain_invalid", ["reason"], ["value is not a valid domain name: ", {reason}];
    /// Not a date as Pydantic reads one from a JSON string.
    DateParsing => "date_parsing", ["error"],
        ["Input should be a valid date in the format YYYY-MM-DD, ", {error}];
    /// Not a datetime as Pydantic reads one from a JSON string.
    DatetimeParsing => "datetime_parsing", ["error"],
        ["Input should be a valid datetime, ", {error}];
    /// Not a time as Pydantic reads one from a JSON string.
    TimeParsing => "time_parsing", ["error"], ["Input should be in a valid time format, ", {error}];
    /// An IBAN of fewer than 5 characters (pydantic-extra-types' wording).
    IbanTooShort => "iban_invalid_length", [], ["Invalid IBAN: too short"];
    /// An IBAN whose first two characters are not letters.
    IbanCountryNotLetters => "iban_invalid_country_code", [],
        ["Invalid IBAN: country code must be two letters"];
    /// An IBAN whose country has no IBAN format (ISO 13616 registry).
    IbanUnknownCountry => "iban_invalid_country_code", [], ["Invalid IBAN: unknown country code"];
    /// An IBAN of the wrong length for its country.
    IbanInvalidLength => "iban_invalid_length", ["expected_length", "actual_length"],
        ["Invalid IBAN: expected ", {expected_length}, " characters, got ", {actual_length}];
    /// An IBAN with characters other than ASCII letters and digits.
    IbanInvalidCharacters => "iban_invalid_characters", [],
        ["Invalid IBAN: must contain only alphanumeric characters"];
    /// An IBAN whose third and fourth characters are not digits.
    IbanInvalidCheckDigits => "iban_invalid_check_digits", [],
        ["Invalid IBAN: check digits must be numeric"];
    /// An IBAN that fails the ISO 7064 mod-97 check.
    IbanInvalidChecksum => "iban_invalid_checksum", [], ["Invalid IBAN: checksum validation failed"];
    /// Not a phone number (pydantic-extra-types' `PhoneNumber` uses
    /// `value_error`).
    Phone => "value_error", [], ["value is not a valid phone number"];
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

/// `hostname_invalid`; `reason` says what is wrong without quoting the input.
pub fn hostname(reason: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::Hostname).with_ctx("reason", CtxValue::Str(reason.into()))
}

/// `domain_invalid`; `reason` says what is wrong without quoting the input.
pub fn domain(reason: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::Domain).with_ctx("reason", CtxValue::Str(reason.into()))
}

/// `date_parsing`; `error` is Pydantic's (speedate's) reason, never the input.
pub fn date_parsing(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::DateParsing).with_ctx("error", CtxValue::Str(error.into()))
}

/// `datetime_parsing`; `error` is Pydantic's (speedate's) reason.
pub fn datetime_parsing(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::DatetimeParsing).with_ctx("error", CtxValue::Str(error.into()))
}

/// `time_parsing`; `error` is Pydantic's (speedate's) reason.
pub fn time_parsing(error: impl Into<Cow<'static, str>>) -> ValidationError {
    err(Kind::TimeParsing).with_ctx("error", CtxValue::Str(error.into()))
}

/// `iban_invalid_length`: fewer than 5 characters.
pub fn iban_too_short() -> ValidationError {
    err(Kind::IbanTooShort)
}

/// `iban_invalid_country_code`: the first two characters are not letters.
pub fn iban_country_not_letters() -> ValidationError {
    err(Kind::IbanCountryNotLetters)
}

/// `iban_invalid_country_code`: no IBAN format for that country. Unlike
/// pydantic-extra-types, the code is not quoted (it is part of the input).
pub fn iban_unknown_country() -> ValidationError {
    err(Kind::IbanUnknownCountry)
}

/// `iban_invalid_length`: the country's IBANs have `expected_length`
/// characters (spaces not counted), this one `actual_length`.
pub fn iban_invalid_length(expected_length: usize, actual_length: usize) -> ValidationError {
    err(Kind::IbanInvalidLength)
        .with_ctx("expected_length", expected_length)
        .with_ctx("actual_length", actual_length)
}

/// `iban_invalid_characters`.
pub fn iban_invalid_characters() -> ValidationError {
    err(Kind::IbanInvalidCharacters)
}

/// `iban_invalid_check_digits`.
pub fn iban_invalid_check_digits() -> ValidationError {
    err(Kind::IbanInvalidCheckDigits)
}

/// `iban_invalid_checksum`: the mod-97 check fails.
pub fn iban_invalid_checksum() -> ValidationError {
    err(Kind::IbanInvalidChecksum)
}

/// `value_error`: `value is not a valid phone number`.
pub fn phone() -> ValidationError {
    err(Kind::Phone)
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
    fn templates_use_only_their_ctx_keys() {
        for &kind in Kind::ALL {
            let holes = template::holes(kind.message_template())
                .unwrap_or_else(|| panic!("{kind:?}: unbalanced braces"));
            for hole in holes {
                assert!(
                    kind.ctx_keys().contains(&hole),
                    "{kind:?}: `{{{hole}}}` is not one of its ctx keys"
                );
            }
        }
    }

    /// One error from every constructor, with arbitrary arguments.
    fn one_of_each() -> Vec<ValidationError> {
        let n = || CtxValue::Int(1);
        vec![
            string_too_short(1),
            string_too_long(1),
            too_short("List", 1, 0),
            too_long("List", 1, 2),
            string_pattern_mismatch("^a$"),
            greater_than_equal(n()),
            less_than_equal(n()),
            greater_than(n()),
            less_than(n()),
            multiple_of(n()),
            literal_error("'a'"),
            missing(),
            json_invalid("Expecting value"),
            string_type(),
            int_type(),
            int_parsing(),
            int_from_float(),
            float_type(),
            float_parsing(),
            bool_type(),
            bool_parsing(),
            list_type(),
            dict_type(),
            model_attributes_type(),
            enum_variant("'a'"),
            extra_forbidden(),
            value_error("duplicate field"),
            email("reason"),
            url_parsing("empty host"),
            url_scheme("'https'"),
            ip_any_address(),
            ip_v4_address(),
            ip_v6_address(),
            uuid_parsing("invalid length"),
            payment_card_number_luhn(),
            payment_card_number_digits(),
            string_charset("digits"),
            string_contains("@"),
            string_not_contains("@"),
            string_prefix("a"),
            string_suffix("z"),
            string_invisible_characters(),
            string_control_characters(),
            string_mixed_script(),
            filename_unsafe("is empty"),
            fields_mismatch("password"),
            nesting_too_deep(1),
            hostname("It is empty."),
            domain("It should have a period."),
            date_parsing("input is too short"),
            datetime_parsing("input is too short"),
            time_parsing("input is too short"),
            iban_too_short(),
            iban_country_not_letters(),
            iban_unknown_country(),
            iban_invalid_length(22, 21),
            iban_invalid_characters(),
            iban_invalid_check_digits(),
            iban_invalid_checksum(),
            phone(),
        ]
    }

    #[test]
    fn constructors_set_the_table_ctx_keys_for_every_kind() {
        let errors = one_of_each();
        for e in &errors {
            let kind = e.catalogue_kind();
            let keys: Vec<&str> = e.ctx().iter().map(|(k, _)| k).collect();
            assert_eq!(keys, kind.ctx_keys(), "{kind:?}");
            assert_eq!(e.kind(), kind.code(), "{kind:?}");
        }
        // Every kind of the table has its constructor (`Custom` is built by
        // `ValidationError::new`).
        let built: Vec<Kind> = errors.iter().map(ValidationError::catalogue_kind).collect();
        for kind in Kind::ALL.iter().filter(|k| **k != Kind::Custom) {
            assert!(built.contains(kind), "no constructor for {kind:?}");
        }
    }

    #[test]
    fn codes_are_unique_but_where_pydantic_shares_them() {
        let custom = Kind::ALL.iter().filter(|k| **k == Kind::Custom).count();
        assert_eq!(custom, 1);
        // `Email` and `Phone` share Pydantic's `value_error` with
        // `ValueError` (as `EmailStr` and pydantic-extra-types'
        // `PhoneNumber` do); pydantic-extra-types' `IBAN` gives two messages
        // under each of `iban_invalid_length` and `iban_invalid_country_code`.
        let sharing = [
            Kind::Email,
            Kind::Phone,
            Kind::IbanInvalidLength,
            Kind::IbanUnknownCountry,
        ];
        let codes: std::collections::HashSet<&str> = Kind::ALL
            .iter()
            .filter(|k| !sharing.contains(k))
            .map(|k| k.code())
            .collect();
        assert_eq!(codes.len(), Kind::ALL.len() - sharing.len());
        for kind in sharing {
            assert!(codes.contains(kind.code()), "{kind:?}");
        }
    }
}
