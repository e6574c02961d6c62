//! JSON Schema from the rules (feature `schema`): the rules a type declares
//! become keywords of its published schema, so API docs and clients see the
//! limits the server enforces, written once.
//!
//! # How a schema gets the rules
//!
//! [schemars](https://docs.rs/schemars) 1.x writes the schema of a
//! `#[derive(JsonSchema)]` type from its serde shape (wire names, `Option`,
//! enums, `$ref`s); this module adds each rule of the `#[validate(..)]`
//! attributes to it through schemars' `transform` hook:
//!
//! ```text
//! #[derive(Deserialize, Validate, JsonSchema)]
//! #[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
//! struct SignupRequest { .. }
//! ```
//!
//! The derive implements [`ValidateSchema`] with the field rules it checks
//! with, so the schema and the checks cannot drift apart; the transform
//! finds each field by its wire name and [`apply`]s its rules.
//!
//! Why a transform, and not a `JsonSchema` impl of our own or a generator
//! of our own: schemars already knows serde's whole data model (renames,
//! `flatten`, the four enum taggings, `default`, `skip`, doc comments,
//! `$ref`s and `$defs`), and every Rust type has a `JsonSchema` impl
//! there; redoing that would be a second, weaker schemars. The transform
//! is the hook schemars offers for exactly this, it needs no change to
//! schemars, and it keeps schemars' output for everything that is not a
//! rule. The one line it costs (`#[schemars(transform = ..)]`) cannot be
//! written by a derive: a derive can add impls, not attributes.
//!
//! The same functions work on any schema held as `serde_json`:
//! - **aide** builds on schemars, so the transform is all it needs;
//! - **utoipa 5** reads serde's attributes but not `#[validate]`, and its
//!   schema model cannot hold some keywords (`not`, `allOf` beside
//!   `type`): add the rules to the serialized document with
//!   [`openapi::add_component_rules`];
//! - a hand-written schema: [`property`], [`items`], [`apply`].
//!
//! schemars also reads `#[validate(..)]` itself (it was written for the
//! `validator` crate): it publishes `length`, `range`, `email`, `url`,
//! `ip`, `contains(pattern = ..)` and `required`, and refuses to compile a
//! few of our forms. [`apply`] corrects what it publishes wrongly (a
//! `length` in bytes is not a character count; `format: ip` is no JSON
//! Schema format), and the colliding forms have a second spelling, listed
//! in the derive's docs.
//!
//! # Rule to keyword
//!
//! | rule | keywords | exact |
//! |---|---|---|
//! | `length(min, max)` on a string | `minLength`, `maxLength` | yes |
//! | `length(unit = bytes \| utf16 \| graphemes)` | `x-validate` entry | no keyword |
//! | `length` on a list / set, map | `minItems` / `maxItems`, `minProperties` / `maxProperties` | yes |
//! | `range(min, max, gt, lt)` on a number | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` | yes |
//! | `range` on anything else (strings, dates) | `x-validate` entry | no keyword |
//! | `multiple_of(n)` | `multipleOf` | yes (floats: as JSON Schema divides) |
//! | `pattern("re")` | `pattern` (more in `allOf`) | when the regex means the same in ECMA-262 |
//! | `charset(..)` | `pattern` `^[..]*$` | yes (Unicode classes: same Unicode version) |
//! | `contains`, `prefix`, `suffix` | `pattern` of the escaped text | yes |
//! | `not_contains` | `not: {pattern}` | yes |
//! | `one_of(..)` | `enum` | yes |
//! | `email` | `format: email` + `x-validate` | no: Pydantic's rule, not RFC 5321 |
//! | `url`, `url(schemes)` | `format: uri`, `pattern` for the schemes (and `://` and a host where the rule needs one) + `x-validate` | no: the rule refuses what parsers repair |
//! | `ip` / `ipv4` / `ipv6` | `anyOf` the formats / `format: ipv4` / `format: ipv6` | yes |
//! | `uuid` | `format: uuid`, `pattern` | yes |
//! | a format rule whose value has a JSON Schema `format` (`hostname`) | that `format` + `x-validate` | no: the format is an annotation; the rule is the server's |
//! | `required` on `Option` | listed in `required`, not nullable | yes |
//! | `each(..)`, `keys(..)`, `values(..)` | inside `items`, `propertyNames`, `additionalProperties` | as their rules |
//! | `nested` | the type's own schema (`$ref`) | as its rules |
//! | `rule(Set)` | the set's rules (`rule_set!` implements [`ValidateSchema`]); a `RuleSet` written by hand: `x-validate` entry naming it | as its rules |
//! | `credit_card`, `no_invisible`, `no_control`, `single_script`, `safe_filename`, `must_match`, `custom`, a bound read from a context | `x-validate` entry | no keyword |
//! | sanitizers | `x-validate` entry; the keywords describe the sanitized value | — |
//!
//! "Exact" means a value passes the keywords if and only if it passes the
//! rule, so a client that checks the schema never refuses what the server
//! accepts. `x-validate` is a list of `{"rule": name, ..params}` and
//! `{"sanitizer": name, ..params}` objects on the schema of the value.
//!
//! ```
//! use serde_json::json;
//! use validate_core::rules::LengthUnit;
//! use validate_core::schema::{Object, SchemaRule, apply};
//!
//! let mut schema = Object::new();
//! schema.insert("type".into(), json!(["string", "null"]));
//! apply(&mut schema, &SchemaRule::Length { min: Some(3), max: Some(32), unit: LengthUnit::Chars });
//! apply(&mut schema, &SchemaRule::Prefix("user_"));
//! assert_eq!(
//!     serde_json::Value::Object(schema),
//!     json!({"anyOf": [
//!         {"type": "string", "minLength": 3, "maxLength": 32, "pattern": "^user_"},
//!         {"type": "null"}
//!     ]})
//! );
//! ```

mod args;
mod node;
pub mod openapi;
mod regex;
mod rule;
#[cfg(feature = "schemars")]
pub mod schemars;
#[cfg(test)]
mod tests;
mod variant;

#[doc(hidden)]
pub use args::{
    Bound, ListBound, NumberBound, OtherBound, OtherList, OtherSetRules, OtherText, OtherValue,
    SetRules, SetSchema, TextBound, ValueBound, params, pattern_text,
};
pub use args::{JsonNumber, one_of, range};
pub use node::{
    Object, additional_properties, items, non_null, prefix_item, property, property_names, require,
    value_mut,
};
pub use rule::{EXTENSION, SchemaRule, apply};

// What the derive's impls reach through this module, which they name by
// the version stamp (`__private`).
#[doc(hidden)]
pub use crate::rules;
#[doc(hidden)]
pub use serde_json::json as __json;
pub use variant::{Tagging, variant};

/// A type whose validation rules can be written into its JSON Schema;
/// implemented by `#[derive(Validate)]` with feature `schema` (and by
/// `rule_set!` for a rule set, whose rules then apply wherever
/// `rule(Set)` stands).
///
/// What the derive writes, by hand: each field found by its serde wire
/// name, its entries in the order written, item rules inside `items` /
/// `propertyNames` / `additionalProperties`, `required` on the parent.
///
/// ```
/// use serde_json::json;
/// use validate_core::rules::LengthUnit;
/// use validate_core::schema::{Object, SchemaRule, ValidateSchema, apply, items, property, require};
///
/// // #[serde(rename_all = "camelCase")]
/// struct Signup; // { #[validate(sanitize(trim), length(min = 3, max = 32))] user_name: String,
///                //   #[validate(required, url)] website: Option<String>,
///                //   #[validate(length(max = 10), each(length(min = 1, max = 20)))] tags: Vec<String> }
/// impl ValidateSchema for Signup {
///     fn add_rules(schema: &mut Object) {
///         let chars = |min, max| SchemaRule::Length { min, max, unit: LengthUnit::Chars };
///         if let Some(f) = property(schema, "userName") {
///             apply(f, &SchemaRule::Sanitizer { name: "trim", params: Object::new() });
///             apply(f, &chars(Some(3), Some(32)));
///         }
///         if let Some(f) = property(schema, "website") {
///             apply(f, &SchemaRule::Url(&["http", "https"]));
///         }
///         require(schema, "website");
///         if let Some(f) = property(schema, "tags") {
///             apply(f, &chars(None, Some(10)));
///             if let Some(item) = items(f) {
///                 apply(item, &chars(Some(1), Some(20)));
///             }
///         }
///     }
/// }
///
/// // The schema schemars writes for that struct:
/// let serde_json::Value::Object(mut schema) = json!({"type": "object", "properties": {
///     "userName": {"type": "string"},
///     "website": {"type": ["string", "null"]},
///     "tags": {"type": "array", "items": {"type": "string"}}
/// }, "required": ["userName", "tags"]}) else { unreachable!() };
/// Signup::add_rules(&mut schema);
/// assert_eq!(schema["properties"]["userName"]["maxLength"], 32);
/// assert_eq!(schema["properties"]["website"]["type"], "string");
/// assert_eq!(schema["required"], json!(["userName", "tags", "website"]));
/// assert_eq!(schema["properties"]["tags"]["items"]["minLength"], 1);
/// ```
pub trait ValidateSchema {
    /// Adds the type's rules to `schema`, the schema a generator wrote for
    /// the type's serde shape (properties named as on the wire).
    fn add_rules(schema: &mut Object);
}
