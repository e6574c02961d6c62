//! The gate for the `ValidateSchema` impl the derive writes: the derive
//! cannot see validate-core's features, so it always emits the impl inside
//! `schema_impl!`, which keeps it with feature `schema` and drops it
//! without (the user's crate then needs neither the feature nor
//! `serde_json`).

/// Keeps its input with feature `schema`.
#[cfg(feature = "schema")]
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_impl {
    ($($tokens:tt)*) => { $($tokens)* };
}

/// Drops its input without feature `schema`.
#[cfg(not(feature = "schema"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_impl {
    ($($tokens:tt)*) => {};
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    use crate::schema::{Object, SchemaRule, ValidateSchema, apply, property};

    struct Zip;

    crate::__private::schema_impl! {
        impl ValidateSchema for Zip {
            fn add_rules(schema: &mut Object) {
                if let Some(zip) = property(schema, "zip") {
                    apply(zip, &SchemaRule::Pattern("^[0-9]{5}$"));
                }
            }
        }
    }

    #[test]
    fn the_impl_is_kept_with_the_feature() {
        let mut schema = Object::new();
        schema.insert(
            "properties".into(),
            serde_json::json!({"zip": {"type": "string"}}),
        );
        <Zip as ValidateSchema>::add_rules(&mut schema);
        assert_eq!(schema["properties"]["zip"]["pattern"], "^[0-9]{5}$");
    }
}
