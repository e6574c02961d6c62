//! `Serialize` for errors, in the exact shape of Pydantic v2's
//! `e.errors(include_url=False, include_input=False)`:
//! `[{"type": ..., "loc": [...], "msg": ..., "ctx": {...}}]`, with `ctx`
//! omitted when empty, indices as integers and numbers as JSON numbers;
//! and `Deserialize` / `Serialize` for [`Valid<T>`](crate::Valid).

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::error::{Ctx, CtxValue, Loc, LocItem, ValidationError, ValidationErrors};
use crate::{Valid, Validate};

/// Deserializes a `T`, sanitizes it, then validates it: a `Valid<T>` field or
/// body can only hold a checked value.
///
/// A validation failure becomes the deserializer's custom error, whose
/// message is the errors' `Display` (`loc: msg` lines; never the input).
/// Serde errors carry only a message, so the structured list is lost there:
/// to answer with Pydantic's JSON, use the axum extractors (feature `axum`)
/// or deserialize `T` and call [`Valid::new`] yourself.
///
/// ```
/// use validate_core::{LocChain, Valid, Validate, ValidationErrors, rules};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Name {
///     name: String,
/// }
///
/// impl Validate for Name {
///     type Context = ();
///     fn validate_into(&self, _: &(), loc: &LocChain<'_>, errors: &mut ValidationErrors) {
///         if let Err(e) = rules::length(&self.name, 3..=32) {
///             errors.push_at(&loc.field("name"), e);
///         }
///     }
/// }
///
/// let ok: Valid<Name> = serde_json::from_str(r#"{"name": "alice"}"#).unwrap();
/// assert_eq!(ok.name, "alice");
/// let err = serde_json::from_str::<Valid<Name>>(r#"{"name": "al"}"#).unwrap_err();
/// assert!(err.to_string().starts_with("name: String should have at least 3 characters"));
/// ```
impl<'de, T> Deserialize<'de> for Valid<T>
where
    T: Deserialize<'de> + Validate<Context = ()>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = T::deserialize(deserializer)?;
        Valid::new(value).map_err(D::Error::custom)
    }
}

/// Serializes the checked value as `T` would: `Valid` adds nothing on the wire.
impl<T: Serialize> Serialize for Valid<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        T::serialize(self, serializer)
    }
}

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
    use crate::error::{ValidationErrors, catalogue};
    use crate::{LocChain, Valid, Validate, rules};
    use serde_json::json;

    /// A hand-written `Validate` with a sanitizer, standing in for the derive.
    #[derive(Debug, serde::Deserialize, serde::Serialize)]
    struct User {
        name: String,
        age: u32,
    }

    impl Validate for User {
        type Context = ();
        fn validate_into(&self, _: &(), loc: &LocChain<'_>, errors: &mut ValidationErrors) {
            if let Err(e) = rules::length(&self.name, 3..=8) {
                errors.push_at(&loc.field("name"), e);
            }
            if let Err(e) = rules::range(&self.age, 13..=130) {
                errors.push_at(&loc.field("age"), e);
            }
        }
        fn sanitize(&mut self) {
            self.name = self.name.trim().to_owned();
        }
    }

    #[test]
    fn valid_deserializes_sanitized() {
        let user: Valid<User> = serde_json::from_str(r#"{"name": "  bob  ", "age": 20}"#).unwrap();
        assert_eq!(user.name, "bob");
        // Transparent on the way out.
        assert_eq!(
            serde_json::to_string(&user).unwrap(),
            r#"{"name":"bob","age":20}"#
        );
    }

    #[test]
    fn invalid_is_a_serde_error_without_the_input() {
        let err = serde_json::from_str::<Valid<User>>(r#"{"name": "secretpassword", "age": 5}"#)
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with(
                "name: String should have at most 8 characters\n\
                 age: Input should be greater than or equal to 13"
            ),
            "{text}"
        );
        assert!(!text.contains("secretpassword"), "{text}");
        // Sanitized before validation: the spaces do not count.
        assert!(serde_json::from_str::<Valid<User>>(r#"{"name": "  abc  ", "age": 13}"#).is_ok());
    }

    #[test]
    fn valid_inside_a_container() {
        let users: Vec<Valid<User>> =
            serde_json::from_str(r#"[{"name": "ann", "age": 30}, {"name": " cyd ", "age": 40}]"#)
                .unwrap();
        assert_eq!(users[1].name, "cyd");
        let err = serde_json::from_str::<Vec<Valid<User>>>(
            r#"[{"name": "ann", "age": 30}, {"name": "bo", "age": 30}]"#,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("name: String should have at least 3 characters"),
            "{err}"
        );
    }

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
