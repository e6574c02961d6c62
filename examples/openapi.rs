//! The OpenAPI 3.1 document of a service whose handlers read
//! `ValidJson` / `ValidQuery` / `ValidPath` (or the three at once,
//! `ValidRequest`): the models' schemas come from
//! schemars with their rules (`validate_core::schema`), every route
//! answers 422 with FastAPI's `HTTPValidationError`, as the extractors do,
//! and a JSON body route 415 to a body of another media type.
//!
//! ```
//! use examples::openapi::OpenApi;
//! # #[derive(schemars::JsonSchema)] struct Query { q: String }
//! # #[derive(schemars::JsonSchema)] struct Found { n: u32 }
//! let doc = OpenApi::new("search service", "1.0.0")
//!     .query::<Query, Found>("get", "/search", "search")
//!     .build();
//! assert_eq!(doc["openapi"], "3.1.0");
//! assert_eq!(doc["paths"]["/search"]["get"]["parameters"][0]["name"], "q");
//! ```

use schemars::JsonSchema;
use schemars::generate::{SchemaGenerator, SchemaSettings};
use serde_json::{Map, Value, json};
use validate_core::schema::openapi;

/// Where component schemas live in an OpenAPI document.
const COMPONENTS: &str = "#/components/schemas/";

/// A document under construction: routes are added one by one, each with
/// its input and its 200 response type.
pub struct OpenApi {
    title: String,
    version: String,
    generator: SchemaGenerator,
    paths: Map<String, Value>,
}

impl OpenApi {
    /// An empty document.
    pub fn new(title: &str, version: &str) -> Self {
        // JSON Schema 2020-12 is OpenAPI 3.1's dialect; definitions go
        // where the document keeps its components.
        let settings = SchemaSettings::draft2020_12().with(|s| {
            s.definitions_path = COMPONENTS.into();
            s.meta_schema = None;
        });
        OpenApi {
            title: title.to_owned(),
            version: version.to_owned(),
            generator: SchemaGenerator::new(settings),
            paths: Map::new(),
        }
    }

    /// A route reading a JSON body `B` (`ValidJson<B>`) and answering `R`.
    pub fn json<B: JsonSchema, R: JsonSchema>(
        mut self,
        method: &str,
        path: &str,
        id: &str,
    ) -> Self {
        let mut op = self.operation::<R>(id);
        self.body::<B>(&mut op);
        self.route(method, path, op)
    }

    /// A route reading path parameters `P`, a query string `Q` and a JSON
    /// body `B` at once (`ValidRequest<P, Q, B>`), answering `R`.
    pub fn request<P: JsonSchema, Q: JsonSchema, B: JsonSchema, R: JsonSchema>(
        mut self,
        method: &str,
        path: &str,
        id: &str,
    ) -> Self {
        let mut params = self.parameters_of::<P>("path");
        params.extend(self.parameters_of::<Q>("query"));
        let mut op = self.operation::<R>(id);
        op.insert("parameters".to_owned(), Value::Array(params));
        self.body::<B>(&mut op);
        self.route(method, path, op)
    }

    /// A route reading its query string into `Q` (`ValidQuery<Q>`), one
    /// parameter per field, and answering `R`.
    pub fn query<Q: JsonSchema, R: JsonSchema>(self, method: &str, path: &str, id: &str) -> Self {
        self.parameters::<Q, R>("query", method, path, id)
    }

    /// A route reading its path parameters into `P` and answering `R`.
    pub fn path<P: JsonSchema, R: JsonSchema>(self, method: &str, path: &str, id: &str) -> Self {
        self.parameters::<P, R>("path", method, path, id)
    }

    /// The finished document.
    pub fn build(mut self) -> Value {
        let mut schemas = self.generator.take_definitions(true);
        openapi::add_error_components(&mut schemas);
        json!({
            "openapi": "3.1.0",
            "info": {"title": self.title, "version": self.version},
            "paths": self.paths,
            "components": {"schemas": schemas}
        })
    }

    fn parameters<P: JsonSchema, R: JsonSchema>(
        mut self,
        location: &str,
        method: &str,
        path: &str,
        id: &str,
    ) -> Self {
        let params = self.parameters_of::<P>(location);
        let mut op = self.operation::<R>(id);
        op.insert("parameters".to_owned(), Value::Array(params));
        self.route(method, path, op)
    }

    /// One parameter per field of `P`, in `location` (`"query"`, `"path"`).
    fn parameters_of<P: JsonSchema>(&mut self, location: &str) -> Vec<Value> {
        match self.generator.subschema_for::<P>().to_value() {
            // A model with a component of its own: the component's fields.
            Value::Object(s) => match s.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    let name = r.trim_start_matches(COMPONENTS);
                    match self.generator.definitions().get(name) {
                        Some(Value::Object(def)) => openapi::parameters(def, location),
                        _ => Vec::new(),
                    }
                }
                None => openapi::parameters(&s, location),
            },
            _ => Vec::new(),
        }
    }

    /// `B` as the operation's required JSON body, and the 415 `ValidJson`
    /// answers a body of another media type with (FastAPI would try to
    /// read it anyway): `{"detail": "Expected request with ..."}`.
    fn body<B: JsonSchema>(&mut self, op: &mut Map<String, Value>) {
        let body = self.generator.subschema_for::<B>().to_value();
        op.insert(
            "requestBody".to_owned(),
            json!({"content": {"application/json": {"schema": body}}, "required": true}),
        );
        if let Some(Value::Object(responses)) = op.get_mut("responses") {
            responses.insert(
                "415".to_owned(),
                json!({
                    "description": "Unsupported Media Type",
                    "content": {"application/json": {"schema": {
                        "type": "object",
                        "properties": {"detail": {"type": "string"}},
                        "required": ["detail"]
                    }}}
                }),
            );
        }
    }

    /// An operation with its 200 and 422 responses.
    fn operation<R: JsonSchema>(&mut self, id: &str) -> Map<String, Value> {
        let response = self.generator.subschema_for::<R>().to_value();
        let mut op = Map::new();
        op.insert("operationId".to_owned(), id.into());
        op.insert(
            "responses".to_owned(),
            json!({
                "200": {
                    "description": "Successful Response",
                    "content": {"application/json": {"schema": response}}
                },
                "422": openapi::validation_error_response()
            }),
        );
        op
    }

    fn route(mut self, method: &str, path: &str, op: Map<String, Value>) -> Self {
        let entry = self
            .paths
            .entry(path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(methods) = entry {
            methods.insert(method.to_ascii_lowercase(), Value::Object(op));
        }
        self
    }
}
