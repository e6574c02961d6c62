//! Finding the subschema a rule applies to inside a generated schema: a
//! property by its wire name, the items, keys or values of a collection,
//! and the non-null part of an `Option`.
//!
//! Generators write `Option<T>` two ways: `"type": ["string", "null"]`
//! (schemars for simple types) or `"anyOf": [{..}, {"type": "null"}]`
//! (schemars for `$ref`s, Pydantic always). Rules apply to the value, not
//! to `null`, and some keywords (`enum`, `not`) would reject `null` if
//! written beside it, so the first form is rewritten into the second,
//! Pydantic's, before a rule is added.

use serde_json::{Map, Value};

/// A JSON object: a schema that is not `true` / `false`.
pub type Object = Map<String, Value>;

/// Keywords that describe the field rather than its value: they stay
/// beside `anyOf` when a nullable schema is split.
const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$comment",
];

/// The schema of property `wire_name` of an object schema, made an object
/// if it was `true` (schemars writes `true` for "anything").
pub fn property<'s>(object: &'s mut Object, wire_name: &str) -> Option<&'s mut Object> {
    let props = object.get_mut("properties")?.as_object_mut()?;
    as_object(props.get_mut(wire_name)?)
}

/// The item schema of an array schema (`items`), for `each`.
pub fn items(schema: &mut Object) -> Option<&mut Object> {
    as_object(value_mut(schema).get_mut("items")?)
}

/// The schema of field `index` of a tuple struct (an array schema with
/// `prefixItems`, as schemars writes tuples).
pub fn prefix_item(schema: &mut Object, index: usize) -> Option<&mut Object> {
    as_object(
        value_mut(schema)
            .get_mut("prefixItems")?
            .as_array_mut()?
            .get_mut(index)?,
    )
}

/// The key schema of an object schema (`propertyNames`, created as
/// `{"type": "string"}`: map keys are strings on the wire, and the type
/// tells `length` what to count), for `keys`.
pub fn property_names(schema: &mut Object) -> &mut Object {
    let value = value_mut(schema)
        .entry("propertyNames")
        .or_insert_with(|| serde_json::json!({ "type": "string" }));
    if !value.is_object() {
        *value = serde_json::json!({ "type": "string" });
    }
    match value {
        Value::Object(o) => o,
        _ => unreachable_object(),
    }
}

/// The value schema of a map schema (`additionalProperties`), for
/// `values`.
pub fn additional_properties(schema: &mut Object) -> Option<&mut Object> {
    as_object(value_mut(schema).get_mut("additionalProperties")?)
}

/// The part of `schema` that describes a present value: `schema` itself,
/// or its non-null `anyOf` branch (a `"type": [t, "null"]` is split into
/// `anyOf` first, see the module docs).
pub fn value_mut(schema: &mut Object) -> &mut Object {
    split_nullable_type(schema);
    let branch = null_branch(schema).map(|null| 1 - null);
    match branch {
        Some(i) => match schema.get_mut("anyOf") {
            Some(Value::Array(branches)) => match branches.get_mut(i) {
                Some(Value::Object(o)) => o,
                _ => unreachable_object(),
            },
            _ => unreachable_object(),
        },
        None => schema,
    }
}

/// Makes `schema` reject `null`: drops the `null` branch or type (for
/// `required` on an `Option`).
pub fn non_null(schema: &mut Object) {
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            schema.insert("type".to_owned(), only);
        }
        return;
    }
    if let Some(null) = null_branch(schema) {
        let Some(Value::Array(mut branches)) = schema.remove("anyOf") else {
            return;
        };
        let Value::Object(value) = branches.swap_remove(1 - null) else {
            return;
        };
        // The value's keywords join the field's annotations; a `default`
        // of `null` no longer fits a required field.
        if schema.get("default") == Some(&Value::Null) {
            schema.remove("default");
        }
        for (k, v) in value {
            schema.entry(k).or_insert(v);
        }
    }
}

/// Marks property `wire_name` required in an object schema and its value
/// non-null.
pub fn require(object: &mut Object, wire_name: &str) {
    if let Some(field) = property(object, wire_name) {
        non_null(field);
    }
    let required = object
        .entry("required")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(names) = required
        && !names.iter().any(|n| n == wire_name)
    {
        names.push(Value::String(wire_name.to_owned()));
    }
}

/// The index of the `{"type": "null"}` branch of a two-branch `anyOf`.
fn null_branch(schema: &Object) -> Option<usize> {
    let Some(Value::Array(branches)) = schema.get("anyOf") else {
        return None;
    };
    if branches.len() != 2 {
        return None;
    }
    let is_null = |b: &Value| b.get("type").is_some_and(|t| t == "null");
    match (is_null(&branches[0]), is_null(&branches[1])) {
        (false, true) if branches[0].is_object() => Some(1),
        (true, false) if branches[1].is_object() => Some(0),
        _ => None,
    }
}

/// `{"type": [t, "null"], k: v}` into `{"anyOf": [{"type": t, k: v},
/// {"type": "null"}]}`, annotations staying outside.
fn split_nullable_type(schema: &mut Object) {
    let Some(Value::Array(types)) = schema.get("type") else {
        return;
    };
    if types.len() != 2 || !types.iter().any(|t| t == "null") {
        return;
    }
    let Some(t) = types.iter().find(|t| *t != "null").cloned() else {
        return;
    };
    let mut value = Object::new();
    value.insert("type".to_owned(), t);
    let keys: Vec<String> = schema
        .keys()
        .filter(|k| *k != "type" && !ANNOTATIONS.contains(&k.as_str()))
        .cloned()
        .collect();
    for k in keys {
        if let Some(v) = schema.remove(&k) {
            value.insert(k, v);
        }
    }
    schema.remove("type");
    let null = serde_json::json!({ "type": "null" });
    schema.insert(
        "anyOf".to_owned(),
        Value::Array(vec![Value::Object(value), null]),
    );
}

/// `true` as `{}` (the same schema, but one keywords can be added to).
pub(super) fn as_object(value: &mut Value) -> Option<&mut Object> {
    if value == &Value::Bool(true) {
        *value = Value::Object(Object::new());
    }
    value.as_object_mut()
}

/// Each caller has just checked or made the value an object.
#[cold]
fn unreachable_object() -> ! {
    unreachable!("checked to be an object just before")
}

/// A JSON object literal as an [`Object`], for tests.
#[cfg(test)]
pub(super) fn obj(v: Value) -> Object {
    match v {
        Value::Object(o) => o,
        _ => panic!("not an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nullable_type_is_split_like_pydantic() {
        let mut s =
            obj(json!({"type": ["string", "null"], "maxLength": 3, "default": null, "title": "T"}));
        value_mut(&mut s).insert("minLength".into(), json!(1));
        assert_eq!(
            Value::Object(s),
            json!({"default": null, "title": "T",
                   "anyOf": [{"type": "string", "maxLength": 3, "minLength": 1}, {"type": "null"}]})
        );
    }

    #[test]
    fn any_of_null_finds_the_value_branch() {
        let mut s = obj(json!({"anyOf": [{"type": "null"}, {"$ref": "#/$defs/A"}]}));
        assert_eq!(
            Value::Object(value_mut(&mut s).clone()),
            json!({"$ref": "#/$defs/A"})
        );
        let mut plain = obj(json!({"type": "integer"}));
        assert_eq!(
            Value::Object(value_mut(&mut plain).clone()),
            json!({"type": "integer"})
        );
    }

    #[test]
    fn require_drops_null_and_lists_the_name_once() {
        let mut o = obj(json!({
            "properties": {
                "a": {"type": ["string", "null"]},
                "b": {"anyOf": [{"type": "string", "maxLength": 2}, {"type": "null"}], "default": null}
            },
            "required": ["a"]
        }));
        require(&mut o, "a");
        require(&mut o, "b");
        assert_eq!(
            Value::Object(o),
            json!({
                "properties": {"a": {"type": "string"}, "b": {"type": "string", "maxLength": 2}},
                "required": ["a", "b"]
            })
        );
    }

    #[test]
    fn tuple_fields_by_position() {
        let mut t = obj(json!({"type": "array", "prefixItems": [{"type": "string"}, true]}));
        prefix_item(&mut t, 1).map(|f| f.insert("minimum".into(), json!(1)));
        assert_eq!(
            t["prefixItems"],
            json!([{"type": "string"}, {"minimum": 1}])
        );
        assert!(prefix_item(&mut t, 2).is_none());
    }

    #[test]
    fn collections_reach_their_parts() {
        let mut s = obj(json!({"type": ["array", "null"], "items": {"type": "string"}}));
        items(&mut s).map(|i| i.insert("maxLength".into(), json!(3)));
        assert_eq!(
            Value::Object(s),
            json!({"anyOf": [{"type": "array", "items": {"type": "string", "maxLength": 3}}, {"type": "null"}]})
        );
        let mut m = obj(json!({"type": "object", "additionalProperties": true}));
        additional_properties(&mut m).map(|v| v.insert("minLength".into(), json!(1)));
        property_names(&mut m).insert("maxLength".into(), json!(5));
        assert_eq!(
            Value::Object(m),
            json!({"type": "object", "additionalProperties": {"minLength": 1},
                   "propertyNames": {"type": "string", "maxLength": 5}})
        );
        assert!(property(&mut obj(json!({"type": "object"})), "x").is_none());
    }
}
