//! `Serialize` for errors, in the exact shape of Pydantic v2's
//! `e.errors(include_url=False, include_input=False)`:
//! `[{"type": ..., "loc": [...], "msg": ..., "ctx": {...}}]`, with `ctx`
//! omitted when empty, indices as integers and numbers as JSON numbers.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::error::{Ctx, CtxValue, Loc, LocItem, ValidationError, ValidationErrors};

impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for err in self {
            seq.serialize_element(err)?;
        }
        seq.end()
    }
}

impl Serialize for ValidationError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let with_ctx = !self.ctx().is_empty();
        let mut map = serializer.serialize_map(Some(3 + usize::from(with_ctx)))?;
        map.serialize_entry("type", self.kind())?;
        map.serialize_entry("loc", self.loc())?;
        map.serialize_entry("msg", &self.msg())?;
        if with_ctx {
            map.serialize_entry("ctx", self.ctx())?;
        }
        map.end()
    }
}

impl Serialize for Loc {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl Serialize for LocItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LocItem::Field(name) | LocItem::Key(name) => serializer.serialize_str(name),
            LocItem::Index(i) => serializer.serialize_u64(*i as u64),
            LocItem::IntKey(k) => serializer.serialize_i64(*k),
        }
    }
}

impl Serialize for Ctx {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Serialize for CtxValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CtxValue::Int(v) => serializer.serialize_i64(*v),
            CtxValue::UInt(v) => serializer.serialize_u64(*v),
            CtxValue::Float(v) => serializer.serialize_f64(*v),
            CtxValue::Str(s) => serializer.serialize_str(s),
            CtxValue::Bool(b) => serializer.serialize_bool(*b),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::LocChain;
    use crate::error::{ValidationErrors, catalogue};
    use serde_json::json;

    #[test]
    fn pydantic_shape() {
        let mut errors = ValidationErrors::new();
        let root = LocChain::ROOT;
        let tags = root.field("tags");
        errors.push_at(&tags.index(1), catalogue::too_long("List", 2, 3));
        errors.push_at(&root.field("website"), catalogue::missing());
        errors.push_at(
            &root.field("price"),
            catalogue::less_than(crate::CtxValue::Float(1.5)),
        );
        let got = serde_json::to_string(&errors).unwrap();
        let want = json!([
            {"type": "too_long", "loc": ["tags", 1],
             "msg": "List should have at most 2 items after validation, not 3",
             "ctx": {"field_type": "List", "max_length": 2, "actual_length": 3}},
            {"type": "missing", "loc": ["website"], "msg": "Field required"},
            {"type": "less_than", "loc": ["price"], "msg": "Input should be less than 1.5",
             "ctx": {"lt": 1.5}}
        ]);
        // Key order matters: compare the text, not just the value.
        assert_eq!(got, want.to_string());
    }
}
