//! The OpenAPI 3.1 check the example server's `/openapi.json` must pass,
//! with no network at test time: the document against the OpenAPI
//! Initiative's schema for 3.1 (vendored in `tests/schema/`), and every
//! Schema Object in it against the JSON Schema 2020-12 meta-schema (built
//! into the `jsonschema` crate), which the OpenAPI schema leaves unchecked.
//!
//! FastAPI's own document for the same routes (`tests/schema/
//! fastapi_openapi.json`, written by `pydantic_reference.py`) is the
//! reference: it passes, and documents broken in the ways a generator
//! breaks them do not.

mod http_support;

use http_support::Server;
use serde_json::{Value, json};

fn load(name: &str) -> Value {
    let path = format!("{}/schema/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every way `doc` is not a valid OpenAPI 3.1 document, one line each.
fn openapi_problems(doc: &Value) -> Vec<String> {
    let oas = load("openapi-3.1-schema.json");
    let validator = jsonschema::draft202012::new(&oas).expect("the OpenAPI schema compiles");
    let mut problems: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    let mut schemas = Vec::new();
    collect_schemas(doc, "", &mut schemas);
    for (at, schema) in schemas {
        if let Err(e) = jsonschema::draft202012::meta::validate(schema) {
            problems.push(format!("{at}: {e}"));
        }
    }
    problems
}

/// The Schema Objects of a document: under `components.schemas`, and the
/// `schema` of every parameter and media type.
fn collect_schemas<'v>(value: &'v Value, at: &str, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                // JSON Pointer escaping, as the validator's paths are written.
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                if key == "schema" && child.is_object() {
                    out.push((here.clone(), child));
                } else if key == "schemas" && at.ends_with("/components") {
                    if let Value::Object(defs) = child {
                        out.extend(defs.iter().map(|(k, s)| (format!("{here}/{k}"), s)));
                    }
                    continue;
                }
                collect_schemas(child, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_schemas(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn fastapis_document_is_valid_openapi_3_1() {
    let doc = load("fastapi_openapi.json");
    assert_eq!(openapi_problems(&doc), Vec::<String>::new());
    assert_eq!(doc["openapi"], "3.1.0");
}

#[test]
fn broken_documents_are_caught() {
    let doc = load("fastapi_openapi.json");
    let broken = |edit: fn(&mut Value)| {
        let mut d = doc.clone();
        edit(&mut d);
        openapi_problems(&d)
    };
    // A response without its required description.
    let p = broken(|d| {
        d["paths"]["/search"]["get"]["responses"]["422"]
            .as_object_mut()
            .map(|r| r.remove("description"));
    });
    assert!(
        p.iter()
            .any(|l| l.contains("/paths/~1search/get/responses/422")),
        "{p:?}"
    );
    // A wrong OpenAPI version.
    assert!(!broken(|d| d["openapi"] = json!("3.0.3")).is_empty());
    // Schema Objects the OpenAPI schema itself does not look into.
    let p = broken(|d| {
        d["components"]["schemas"]["Address"]["properties"]["zip"]["minLength"] = json!(-1)
    });
    assert!(
        p.iter()
            .any(|l| l.starts_with("/components/schemas/Address")),
        "{p:?}"
    );
    let p = broken(|d| {
        d["paths"]["/search"]["get"]["parameters"][0]["schema"]["type"] = json!("strin")
    });
    assert!(
        p.iter()
            .any(|l| l.starts_with("/paths/~1search/get/parameters/0/schema")),
        "{p:?}"
    );
}

#[test]
fn the_422_components_are_fastapis() {
    let doc = load("fastapi_openapi.json");
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["HTTPValidationError"],
        json!({
            "properties": {"detail": {"items": {"$ref": "#/components/schemas/ValidationError"},
                                      "type": "array", "title": "Detail"}},
            "type": "object", "title": "HTTPValidationError"
        })
    );
    assert_eq!(
        schemas["ValidationError"]["required"],
        json!(["loc", "msg", "type"])
    );
}

#[test]
fn our_error_components_and_parameters_are_fastapis() {
    use validate_core::schema::openapi;
    let doc = load("fastapi_openapi.json");
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["HTTPValidationError"],
        openapi::http_validation_error_schema()
    );
    assert_eq!(
        schemas["ValidationError"],
        openapi::validation_error_schema()
    );
    let search = &doc["paths"]["/search"]["get"];
    assert_eq!(
        search["responses"]["422"],
        openapi::validation_error_response()
    );
    // FastAPI expands a `Query()` model into one parameter per field.
    let Value::Object(model) = load("pydantic/search.json") else {
        panic!("an object schema")
    };
    assert_eq!(
        search["parameters"],
        Value::Array(openapi::parameters(&model, "query"))
    );
}

/// The example server's `/openapi.json`, fetched over HTTP: a valid
/// OpenAPI 3.1 document with every route, and, where FastAPI documents the
/// same route, the same parameters, rules and 422 response.
#[tokio::test]
async fn the_served_document_is_valid_and_says_what_fastapi_says() {
    let server = Server::start().await;
    let reply = server.get("/openapi.json").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.content_type, "application/json");
    let doc = reply.json();
    assert_eq!(openapi_problems(&doc), Vec::<String>::new());
    let routes: Vec<&String> = doc["paths"].as_object().expect("paths").keys().collect();
    assert_eq!(routes, ["/signup", "/search", "/orders", "/users/{id}"]);

    let fastapi = load("fastapi_openapi.json");
    let (ours, theirs) = (
        &doc["paths"]["/search"]["get"],
        &fastapi["paths"]["/search"]["get"],
    );
    assert_eq!(ours["responses"]["422"], theirs["responses"]["422"]);
    assert_eq!(
        doc["components"]["schemas"]["HTTPValidationError"],
        fastapi["components"]["schemas"]["HTTPValidationError"]
    );
    // The parameters carry the rules; schemars adds the Rust type's
    // `format` and `minimum: 0` (raised to the rule's 1) where Pydantic
    // writes a title.
    for (i, name) in ["q", "limit"].into_iter().enumerate() {
        let (o, t) = (&ours["parameters"][i], &theirs["parameters"][i]);
        assert_eq!(
            (&o["name"], &o["in"], &o["required"]),
            (&t["name"], &t["in"], &t["required"]),
            "{name}"
        );
        for key in ["minLength", "maxLength", "minimum", "maximum", "type"] {
            assert_eq!(o["schema"].get(key), t["schema"].get(key), "{name} {key}");
        }
    }
    assert_eq!(
        ours["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/SearchQuery"
    );

    // The body of `POST /signup` is the derived model with its rules.
    let (ours, theirs) = (
        &doc["paths"]["/signup"]["post"],
        &fastapi["paths"]["/signup"]["post"],
    );
    assert_eq!(ours["requestBody"], theirs["requestBody"]);
    for status in ["200", "422"] {
        assert_eq!(ours["responses"][status], theirs["responses"][status]);
    }
    // FastAPI reads a body of any media type; `ValidJson` answers 415.
    let refused = server.post("/signup", Some("text/plain"), "{}").await;
    assert_eq!(refused.status, 415);
    let described = &ours["responses"]["415"]["content"]["application/json"]["schema"];
    let check = jsonschema::validator_for(described).expect("the 415 schema compiles");
    assert!(check.is_valid(&refused.json()), "{}", refused.text);
    let signup = &doc["components"]["schemas"]["SignupRequest"]["properties"];
    assert_eq!(
        (
            &signup["userName"]["minLength"],
            &signup["userName"]["pattern"]
        ),
        (&json!(3), &json!("^[a-zA-Z0-9_]+$"))
    );
    assert_eq!(
        doc["components"]["schemas"]["Address"]["properties"]["zip"]["pattern"],
        "^[0-9]{5}$"
    );

    // `POST /orders`: the order model as its body, FastAPI's 422.
    let (ours, theirs) = (
        &doc["paths"]["/orders"]["post"],
        &fastapi["paths"]["/orders"]["post"],
    );
    assert_eq!(ours["responses"]["422"], theirs["responses"]["422"]);
    assert_eq!(
        ours["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/OrderRequest"
    );
    let order = &doc["components"]["schemas"]["OrderRequest"];
    assert_eq!(order["additionalProperties"], false, "deny_unknown_fields");
    assert_eq!(order["properties"]["items"]["maxItems"], 50);
    assert_eq!(
        doc["components"]["schemas"]["OrderItem"]["properties"]["unitPrice"]["exclusiveMinimum"],
        0.0
    );
}

/// `PUT /users/{id}` reads path, query and body at once (`ValidRequest`):
/// one operation with the path and query parameters, the JSON body, and
/// the 422 that holds the errors of all three.
#[tokio::test]
async fn the_rename_route_has_path_query_and_body_in_one_operation() {
    let server = Server::start().await;
    let doc = server.get("/openapi.json").await.json();
    let op = &doc["paths"]["/users/{id}"]["put"];
    assert_eq!(op["operationId"], "rename");
    let params: Vec<(&Value, &Value, &Value)> = op["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| (&p["name"], &p["in"], &p["required"]))
        .collect();
    assert_eq!(
        params,
        [
            (&json!("id"), &json!("path"), &json!(true)),
            (&json!("notify"), &json!("query"), &json!(false)),
        ]
    );
    assert_eq!(op["parameters"][0]["schema"]["minimum"], 1);
    assert_eq!(
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/RenameRequest"
    );
    assert_eq!(
        op["responses"]["422"],
        doc["paths"]["/search"]["get"]["responses"]["422"]
    );
    assert_eq!(
        op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/RenameResponse"
    );
    // What the document says is what the route does: a bad id, a bad
    // query flag and a short name, in one 422.
    let reply = server
        .put_json("/users/0?notify=maybe", r#"{"userName": "x"}"#)
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    let detail = reply.json()["detail"].clone();
    let locs: Vec<&Value> = detail
        .as_array()
        .expect("detail")
        .iter()
        .map(|e| &e["loc"][0])
        .collect();
    assert_eq!(locs, [&json!("path"), &json!("query"), &json!("body")]);
}
