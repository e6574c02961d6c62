//! The parts of an OpenAPI 3.1 document that this crate's axum extractors
//! imply, written as FastAPI writes them: the 422 response and its
//! `HTTPValidationError` / `ValidationError` components, and the
//! parameters a query or path struct becomes.

use serde_json::{Value, json};

use super::ValidateSchema;
use super::node::Object;

/// The component name of the 422 body, FastAPI's.
pub const HTTP_VALIDATION_ERROR: &str = "HTTPValidationError";

/// The component name of one error in it, FastAPI's.
pub const VALIDATION_ERROR: &str = "ValidationError";

/// FastAPI's `ValidationError` component, exactly (FastAPI 0.165). It
/// allows an `input` key, which this crate never sends: errors do not echo
/// the input.
pub fn validation_error_schema() -> Value {
    json!({
        "properties": {
            "loc": {
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                "type": "array",
                "title": "Location"
            },
            "msg": {"type": "string", "title": "Message"},
            "type": {"type": "string", "title": "Error Type"},
            "input": {"title": "Input"},
            "ctx": {"type": "object", "title": "Context"}
        },
        "type": "object",
        "required": ["loc", "msg", "type"],
        "title": VALIDATION_ERROR
    })
}

/// FastAPI's `HTTPValidationError` component, exactly: `{"detail":
/// [ValidationError]}`.
pub fn http_validation_error_schema() -> Value {
    json!({
        "properties": {
            "detail": {
                "items": {"$ref": format!("#/components/schemas/{VALIDATION_ERROR}")},
                "type": "array",
                "title": "Detail"
            }
        },
        "type": "object",
        "title": HTTP_VALIDATION_ERROR
    })
}

/// The `422` entry of an operation's `responses`, as FastAPI writes it.
pub fn validation_error_response() -> Value {
    json!({
        "description": "Validation Error",
        "content": {
            "application/json": {
                "schema": {"$ref": format!("#/components/schemas/{HTTP_VALIDATION_ERROR}")}
            }
        }
    })
}

/// Inserts both error components into a document's `components.schemas`.
pub fn add_error_components(schemas: &mut Object) {
    schemas.insert(
        HTTP_VALIDATION_ERROR.to_owned(),
        http_validation_error_schema(),
    );
    schemas.insert(VALIDATION_ERROR.to_owned(), validation_error_schema());
}

/// The OpenAPI parameters of an object schema read from `location`
/// (`"query"`, `"path"`, `"header"`): one per property, in order,
/// `required` as the schema says (a path parameter always is), its schema
/// with every rule. This is how FastAPI expands a Pydantic model given to
/// `Query()`.
pub fn parameters(object: &Object, location: &str) -> Vec<Value> {
    let required: Vec<&str> = match object.get("required") {
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let Some(Value::Object(props)) = object.get("properties") else {
        return Vec::new();
    };
    props
        .iter()
        .map(|(name, schema)| {
            let mut p = Object::new();
            p.insert("name".to_owned(), name.as_str().into());
            p.insert("in".to_owned(), location.into());
            let req = location == "path" || required.contains(&name.as_str());
            p.insert("required".to_owned(), req.into());
            p.insert("schema".to_owned(), schema.clone());
            Value::Object(p)
        })
        .collect()
}

/// Adds `T`'s rules to the component schema `name` of an OpenAPI document
/// held as JSON; `false` when the document has no such component.
///
/// This is the way for utoipa 5: its `ToSchema` derive reads serde's
/// attributes (wire names) but not `#[validate]`, and its schema model has
/// no place for some keywords (`not`, `allOf` beside `type`), so the rules
/// are added to the serialized document, which is then served as it is:
///
/// ```text
/// let mut doc = serde_json::to_value(ApiDoc::openapi())?;
/// validate_core::schema::openapi::add_component_rules::<SignupRequest>(&mut doc, "SignupRequest");
/// ```
pub fn add_component_rules<T: ValidateSchema + ?Sized>(doc: &mut Value, name: &str) -> bool {
    let component = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
        .and_then(|schemas| schemas.get_mut(name))
        .and_then(Value::as_object_mut);
    match component {
        Some(schema) => {
            T::add_rules(schema);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_model_becomes_fastapis_parameters() {
        let Value::Object(model) = json!({
            "properties": {
                "q": {"maxLength": 100, "minLength": 2, "type": "string"},
                "page": {"default": 1, "type": "integer"}
            },
            "required": ["q"],
            "type": "object"
        }) else {
            unreachable!("a literal object")
        };
        assert_eq!(
            parameters(&model, "query"),
            vec![
                json!({"name": "q", "in": "query", "required": true,
                       "schema": {"maxLength": 100, "minLength": 2, "type": "string"}}),
                json!({"name": "page", "in": "query", "required": false,
                       "schema": {"default": 1, "type": "integer"}}),
            ]
        );
        assert_eq!(parameters(&model, "path")[1]["required"], json!(true));
    }

    #[test]
    fn rules_reach_a_component_of_a_document() {
        struct Zip;
        impl ValidateSchema for Zip {
            fn add_rules(schema: &mut Object) {
                if let Some(zip) = crate::schema::property(schema, "zip") {
                    crate::schema::apply(zip, &crate::schema::SchemaRule::Pattern("^[0-9]{5}$"));
                }
            }
        }
        // utoipa 5 writes `Option<String>` as a type list.
        let mut doc = json!({"openapi": "3.1.0", "components": {"schemas": {
            "Address": {"type": "object", "properties": {"zip": {"type": ["string", "null"]}}}
        }}});
        assert!(add_component_rules::<Zip>(&mut doc, "Address"));
        assert!(!add_component_rules::<Zip>(&mut doc, "Missing"));
        assert_eq!(
            doc["components"]["schemas"]["Address"]["properties"]["zip"],
            json!({"anyOf": [{"type": "string", "pattern": "^[0-9]{5}$"}, {"type": "null"}]})
        );
    }

    #[test]
    fn components_link_up() {
        let mut schemas = Object::new();
        add_error_components(&mut schemas);
        let detail = &schemas[HTTP_VALIDATION_ERROR]["properties"]["detail"]["items"]["$ref"];
        assert_eq!(detail, &json!("#/components/schemas/ValidationError"));
        assert!(schemas.contains_key(VALIDATION_ERROR));
        assert_eq!(
            validation_error_response()["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/HTTPValidationError"
        );
    }
}
