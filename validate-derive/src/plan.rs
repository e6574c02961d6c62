//! The checked model: what `emit` generates code from. Built by `check`
//! only when every attribute is valid, already arranged in evaluation
//! order (guards, items, then the other rules).

use syn::{Generics, Ident, Member, Path, Type};

use crate::ast::{Custom, ItemsKind, Sanitizer};

mod rule;

pub(crate) use rule::*;

/// Everything emit needs.
pub(crate) struct Plan<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// The path of validate-core (`::validate_core` unless `crate = ..`).
    pub(crate) krate: Path,
    /// `#[validate(context = Ctx)]`.
    pub(crate) context: Option<Type>,
    pub(crate) body: Body<'a>,
    /// Struct-level `custom(path)` rules, run after every field.
    pub(crate) customs: Vec<StructRule>,
    /// `#[validate(newtype)]`: the constructors and accessors to add.
    pub(crate) newtype: Option<NewtypePlan>,
    /// How serde writes the enum (structs: `External`, unused), to find a
    /// variant in the schema.
    pub(crate) tagging: Tagging,
}

/// serde's enum representation.
pub(crate) enum Tagging {
    External,
    Internal { tag: String },
    Adjacent { tag: String, content: String },
    Untagged,
}

impl Plan<'_> {
    /// Whether validating or sanitizing a value can reach another derived
    /// value: only `nested` (at any depth of items) can, so only then does
    /// the generated code need the nesting guard against deep recursion.
    pub(crate) fn may_recurse(&self) -> bool {
        let shapes: Vec<&ShapePlan<'_>> = match &self.body {
            Body::Struct(shape) => vec![shape],
            Body::Enum(variants) => variants.iter().map(|v| &v.shape).collect(),
        };
        shapes.iter().flat_map(|s| &s.fields).any(|f| {
            f.check.as_ref().is_some_and(ValuePlan::has_nested)
                || f.sanitize.iter().any(SanStep::has_nested)
        })
    }
}

impl ValuePlan {
    fn has_nested(&self) -> bool {
        self.nested.is_some()
            || match &self.items {
                None => false,
                Some(ItemsPlan::Each { plan, .. }) => plan.has_nested(),
                Some(ItemsPlan::Map { keys, values, .. }) => {
                    keys.as_deref().is_some_and(ValuePlan::has_nested)
                        || values.as_deref().is_some_and(ValuePlan::has_nested)
                }
            }
    }
}

impl SanStep {
    fn has_nested(&self) -> bool {
        match self {
            SanStep::Nested(_) => true,
            SanStep::Items(_, _, steps) => steps.iter().any(SanStep::has_nested),
            SanStep::Apply(_) | SanStep::RuleSet(..) => false,
        }
    }
}

/// A struct-level `custom(path)` rule.
pub(crate) struct StructRule {
    pub(crate) custom: Custom,
    /// `always`: runs even when a field failed; otherwise only when every
    /// field passed, as Pydantic's after-validators.
    pub(crate) always: bool,
    /// `field = name`: its errors go under that field's loc step (its wire
    /// name); otherwise under the struct's.
    pub(crate) at: Option<FieldLoc>,
}

/// A rule newtype: a one-field tuple struct whose value is checked on
/// construction.
pub(crate) struct NewtypePlan {
    /// The struct's visibility, given to `new` and `into_inner`.
    pub(crate) vis: syn::Visibility,
    /// The wrapped type.
    pub(crate) inner: Type,
    /// The wrapped type is `String`: `FromStr` and `TryFrom<&str>` too.
    pub(crate) is_string: bool,
}

pub(crate) enum Body<'a> {
    Struct(ShapePlan<'a>),
    Enum(Vec<VariantPlan<'a>>),
}

pub(crate) struct VariantPlan<'a> {
    pub(crate) ident: &'a Ident,
    /// The loc step the variant adds (its wire name when externally
    /// tagged, the content key when adjacently tagged), if any.
    pub(crate) loc: Option<String>,
    /// The variant's serde name, which names it in the schema.
    pub(crate) wire: String,
    pub(crate) shape: ShapePlan<'a>,
}

pub(crate) struct ShapePlan<'a> {
    pub(crate) fields: Vec<FieldPlan<'a>>,
}

pub(crate) struct FieldPlan<'a> {
    pub(crate) member: Member,
    /// The field's Rust name (named fields), for `must_match`.
    pub(crate) ident: Option<&'a Ident>,
    pub(crate) ty: &'a Type,
    /// The local the field is bound to in generated code.
    pub(crate) binding: Ident,
    pub(crate) loc: FieldLoc,
    /// Where the field's schema is in its parent's.
    pub(crate) schema: SchemaPlace,
    /// What validation checks; `None` when nothing.
    pub(crate) check: Option<ValuePlan>,
    /// What `sanitize()` does, in the order written.
    pub(crate) sanitize: Vec<SanStep>,
    /// Another field's `must_match` reads this one.
    pub(crate) matched: bool,
}

/// The loc step of a field.
#[derive(Clone)]
pub(crate) enum FieldLoc {
    /// `["name"]`, the wire name.
    Name(String),
    /// `[0]`, a tuple position.
    Index(usize),
    /// No step: a newtype, `#[serde(transparent)]` or `#[serde(flatten)]`.
    Here,
}

impl FieldLoc {
    /// The name `must_match` reports for this field.
    pub(crate) fn display_name(&self) -> String {
        match self {
            FieldLoc::Name(n) => n.clone(),
            FieldLoc::Index(i) => i.to_string(),
            FieldLoc::Here => String::new(),
        }
    }
}

/// Where a field's schema is, in the schema of its struct or variant as
/// schemars writes it from serde's attributes (so `#[validate(rename)]`,
/// which only renames the loc, plays no part).
pub(crate) enum SchemaPlace {
    /// `properties.<serde name>`.
    Property(String),
    /// `prefixItems[i]`: a field of a tuple struct.
    Position(usize),
    /// The parent's schema itself: a newtype, `#[serde(transparent)]`.
    Itself,
    /// Not in this schema: `#[serde(skip)]`, or `#[serde(flatten)]` (the
    /// flattened type's own schema carries its rules).
    Absent,
}

/// How one value (a field, an item, a key) is checked.
///
/// Without items or `nested`, `rules` run in the order written and the first
/// failure ends the value. With them, as Pydantic does for collections:
/// `guards` first (`required`, the `max` of `length`), then every item (each
/// reporting its first failure), then `rules` — only if no item failed.
pub(crate) struct ValuePlan {
    /// The value's type as written, when known (a field's type, the item
    /// type of a `Vec<T>`...): `custom` sees through `Option` with it.
    pub(crate) ty: Option<Type>,
    pub(crate) guards: Vec<RulePlan>,
    pub(crate) items: Option<ItemsPlan>,
    /// `nested`: the token, for the span.
    pub(crate) nested: Option<Ident>,
    pub(crate) rules: Vec<RulePlan>,
}

/// The item rules; `name` is the `each` / `keys` / `values` token, the
/// span of the generated loop.
pub(crate) enum ItemsPlan {
    Each {
        name: Ident,
        plan: Box<ValuePlan>,
    },
    Map {
        name: Ident,
        keys: Option<Box<ValuePlan>>,
        values: Option<Box<ValuePlan>>,
    },
}

/// One step of `sanitize()`.
pub(crate) enum SanStep {
    Apply(Sanitizer),
    /// `each(sanitize(..))`, `keys(..)`, `values(..)`: steps for every item.
    Items(ItemsKind, Ident, Vec<SanStep>),
    /// `nested`: the value's own `sanitize()`.
    Nested(Ident),
    /// `rule(path)`: the rule set's sanitizers; the `rule` token, the path
    /// and the value's type when known (as for the check: see
    /// `ValuePlan::ty`).
    RuleSet(Ident, syn::Path, Option<Type>),
}
