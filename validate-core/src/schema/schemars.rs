//! The schemars 1.x hook (feature `schemars`): a transform that adds a
//! type's rules to the schema schemars derived for it.

use super::ValidateSchema;

/// Adds `T`'s rules to `schema`; name it in `T`'s
/// `#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]`.
///
/// ```
/// use schemars::{Schema, json_schema};
/// use validate_core::schema::{Object, SchemaRule, ValidateSchema, apply, property};
///
/// /// A hand-written `ValidateSchema`; the derive writes one like it.
/// struct Zip;
/// impl ValidateSchema for Zip {
///     fn add_rules(schema: &mut Object) {
///         if let Some(zip) = property(schema, "zip") {
///             apply(zip, &SchemaRule::Pattern("^[0-9]{5}$"));
///         }
///     }
/// }
///
/// let mut schema: Schema = json_schema!({"type": "object", "properties": {"zip": {"type": "string"}}});
/// validate_core::schema::schemars::transform::<Zip>(&mut schema);
/// assert_eq!(schema.pointer("/properties/zip/pattern"), Some(&"^[0-9]{5}$".into()));
/// ```
pub fn transform<T: ValidateSchema + ?Sized>(schema: &mut ::schemars::Schema) {
    T::add_rules(schema.ensure_object());
}
