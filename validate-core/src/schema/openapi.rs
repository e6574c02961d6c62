//! The parts of an OpenAPI 3.1 document that this crate's axum extractors
//! imply, written as FastAPI writes them: the 422 response and its
//! `HTTPValidationError` / `ValidationError` components, and the
//! parameters a query or path struct becomes.

use serde_json::{Value, json};

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
