//! Finding an enum variant's schema in the schema of the enum, for each of
//! serde's four representations, as schemars writes them.

use serde_json::Value;

use super::node::{Object, as_object, property};

/// How an enum is written on the wire (serde's four representations), to
/// find a variant's schema with [`variant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tagging<'a> {
    /// `{"Variant": value}`, serde's default.
    External,
    /// `{"tag": "Variant", ..fields}`: `#[serde(tag = "..")]`.
    Internal {
        /// The tag's key.
        tag: &'a str,
    },
    /// `{"tag": "Variant", "content": value}`: `#[serde(tag, content)]`.
    Adjacent {
        /// The tag's key.
        tag: &'a str,
        /// The content's key.
        content: &'a str,
    },
    /// The value alone: `#[serde(untagged)]`; variants are found by their
    /// position (`index`, counting every variant).
    Untagged {
        /// The variant's position in the enum.
        index: usize,
    },
}

/// The schema of enum variant `wire_name`'s value in an enum's schema (as
/// schemars writes it: a `oneOf` of one branch per variant, unit variants
/// gathered in one `enum` branch; `anyOf` when untagged). For a struct
/// variant it is an object schema whose properties are the fields; with
/// internal tagging, the branch itself (the tag is one of its properties).
pub fn variant<'s>(
    schema: &'s mut Object,
    tagging: Tagging<'_>,
    wire_name: &str,
) -> Option<&'s mut Object> {
    if let Tagging::Untagged { index } = tagging {
        return as_object(schema.get_mut("anyOf")?.as_array_mut()?.get_mut(index)?);
    }
    let branches = schema.get_mut("oneOf")?.as_array_mut()?;
    let is_it = |b: &Value| match tagging {
        Tagging::External => b.get("required") == Some(&serde_json::json!([wire_name])),
        Tagging::Internal { tag } | Tagging::Adjacent { tag, .. } => {
            b.pointer(&format!("/properties/{}/const", pointer_escape(tag)))
                == Some(&Value::from(wire_name))
        }
        Tagging::Untagged { .. } => false,
    };
    let branch = branches.iter_mut().find(|b| is_it(b))?.as_object_mut()?;
    match tagging {
        Tagging::External => property(branch, wire_name),
        Tagging::Adjacent { content, .. } => property(branch, content),
        _ => Some(branch),
    }
}

/// A key as one step of a JSON Pointer.
fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::node::obj;
    use serde_json::json;

    /// The shapes schemars 1.2 writes for each representation.
    #[test]
    fn variants_are_found_in_every_representation() {
        let mut ext = obj(json!({"oneOf": [
            {"enum": ["C"], "type": "string"},
            {"additionalProperties": false, "properties": {"A": {"properties": {"a": {"type": "string"}},
             "required": ["a"], "type": "object"}}, "required": ["A"], "type": "object"},
            {"additionalProperties": false, "properties": {"B": {"type": "string"}}, "required": ["B"], "type": "object"}
        ]}));
        let a = variant(&mut ext, Tagging::External, "A").expect("A");
        assert!(property(a, "a").is_some());
        assert_eq!(
            Value::Object(
                variant(&mut ext, Tagging::External, "B")
                    .expect("B")
                    .clone()
            ),
            json!({"type": "string"})
        );
        assert!(variant(&mut ext, Tagging::External, "C").is_none());

        let mut int = obj(json!({"oneOf": [
            {"properties": {"a": {"type": "string"}, "t": {"const": "A", "type": "string"}}, "required": ["t", "a"], "type": "object"}
        ]}));
        let a = variant(&mut int, Tagging::Internal { tag: "t" }, "A").expect("A");
        assert!(property(a, "a").is_some());

        let mut adj = obj(json!({"oneOf": [
            {"properties": {"c": {"type": "string"}, "t/x": {"const": "B", "type": "string"}}, "required": ["t/x", "c"], "type": "object"}
        ]}));
        let b = variant(
            &mut adj,
            Tagging::Adjacent {
                tag: "t/x",
                content: "c",
            },
            "B",
        )
        .expect("B");
        assert_eq!(Value::Object(b.clone()), json!({"type": "string"}));

        let mut unt = obj(json!({"anyOf": [{"type": "object"}, {"type": "string"}]}));
        let b = variant(&mut unt, Tagging::Untagged { index: 1 }, "B").expect("B");
        assert_eq!(Value::Object(b.clone()), json!({"type": "string"}));
        assert!(variant(&mut unt, Tagging::Untagged { index: 2 }, "C").is_none());
    }
}
