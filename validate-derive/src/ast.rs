//! The raw model: the derive input as parsed from its attributes, each
//! piece with the span of the tokens it came from. Built by `parse`,
//! checked by `check`.

use syn::{Expr, Ident, LitStr, Member, Path, Type};

use crate::case::RenameRule;
use crate::formats::FormatRule;

/// The whole derive input.
pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a syn::Visibility,
    pub(crate) generics: &'a syn::Generics,
    pub(crate) attrs: ContainerAttrs,
    pub(crate) data: Data<'a>,
}

/// Struct or enum.
pub(crate) enum Data<'a> {
    Struct(Shape<'a>),
    Enum(Vec<Variant<'a>>),
}

/// The fields of a struct or of one variant.
pub(crate) struct Shape<'a> {
    pub(crate) style: Style,
    pub(crate) fields: Vec<Field<'a>>,
}

/// How the fields are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `{ a: T }`
    Named,
    /// `(T, U)`
    Tuple,
    /// no fields
    Unit,
}

/// One enum variant.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// `#[serde(rename)]` (the deserialize name) of the variant.
    pub(crate) serde_rename: Option<String>,
    /// `#[serde(rename_all)]` on the variant: applies to its fields.
    pub(crate) serde_rename_all: Option<RenameRule>,
    /// `#[validate(rename = "..")]` on the variant.
    pub(crate) rename: Option<LitStr>,
    pub(crate) shape: Shape<'a>,
}

/// One field and everything its `#[validate]` attributes say.
pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    pub(crate) ident: Option<&'a Ident>,
    pub(crate) vis: &'a syn::Visibility,
    pub(crate) ty: &'a Type,
    /// Entries of every `#[validate]` attribute, in the order written.
    pub(crate) entries: Vec<Entry>,
    /// `#[validate(rename = "..")]`.
    pub(crate) rename: Option<LitStr>,
    /// `#[serde(rename)]` (the deserialize name).
    pub(crate) serde_rename: Option<String>,
    /// `#[serde(flatten)]`: the field's own fields sit beside its siblings.
    pub(crate) serde_flatten: bool,
    /// `#[serde(skip)]` / `skip_deserializing`: absent from the input,
    /// and from its schema.
    pub(crate) serde_skip: bool,
}

/// Attributes on the struct or enum itself.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    /// `#[validate(crate = path)]`.
    pub(crate) crate_path: Option<Path>,
    /// `#[validate(context = Type)]`.
    pub(crate) context: Option<Type>,
    /// `#[validate(custom(path))]`: struct-level rules, run last (only
    /// when every field passed, unless marked `always`).
    pub(crate) customs: Vec<Custom>,
    /// `#[validate(rename_all = "..")]`.
    pub(crate) rename_all: Option<RenameRule>,
    /// `#[validate(newtype)]`: the token.
    pub(crate) newtype: Option<Ident>,
    pub(crate) serde: SerdeContainer,
}

/// A field's or container's `#[serde(default)]`.
#[derive(Clone)]
pub(crate) enum SerdeDefault {
    /// `default`: `Default::default()`.
    Trait,
    /// `default = "path"`: `path()`.
    Path(Path),
}

/// The serde container attributes that change a loc or how the decoder
/// reads the type.
#[derive(Default)]
pub(crate) struct SerdeContainer {
    pub(crate) rename_all: Option<RenameRule>,
    pub(crate) deny_unknown_fields: bool,
    pub(crate) default: Option<SerdeDefault>,
    /// `from`, `try_from` or `remote`: serde reads another type, so the
    /// decoder leaves the type to serde.
    pub(crate) foreign: bool,
    pub(crate) rename_all_fields: Option<RenameRule>,
    pub(crate) tag: Option<String>,
    pub(crate) content: Option<String>,
    pub(crate) untagged: bool,
    pub(crate) transparent: bool,
}

/// One entry of a `#[validate(...)]` list.
// Built once per attribute entry and dropped after the derive: boxing the
// rule would buy nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Entry {
    Rule(Rule),
    /// `sanitize(...)`: the `sanitize` token and the list.
    Sanitize(Ident, Vec<Sanitizer>),
    /// `each(...)`, `keys(...)`, `values(...)`.
    Items(Items),
    /// `nested`.
    Nested(Ident),
    /// `skip`.
    Skip(Ident),
}

/// `each(...)`, `keys(...)` or `values(...)`.
pub(crate) struct Items {
    pub(crate) kind: ItemsKind,
    pub(crate) name: Ident,
    pub(crate) entries: Vec<Entry>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ItemsKind {
    Each,
    Keys,
    Values,
}

/// A rule with its overrides.
#[derive(Clone)]
pub(crate) struct Rule {
    /// The rule's name token: the span of every error about it and of its
    /// generated call.
    pub(crate) name: Ident,
    pub(crate) kind: RuleKind,
    pub(crate) message: Option<Expr>,
    pub(crate) code: Option<Expr>,
}

/// What a rule checks, with its arguments.
#[derive(Clone)]
pub(crate) enum RuleKind {
    Length {
        min: Option<Expr>,
        max: Option<Expr>,
        equal: Option<Expr>,
        unit: Option<Ident>,
    },
    Range {
        min: Option<Expr>,
        max: Option<Expr>,
        gt: Option<Expr>,
        lt: Option<Expr>,
    },
    MultipleOf(Expr),
    Pattern(Pattern),
    /// A row of the format table: `email`, `uuid`, ...
    Format(&'static FormatRule),
    /// `date(min = "2000-01-01", lt = ..)`: the literals as written.
    DateRange {
        min: Option<LitStr>,
        max: Option<LitStr>,
        gt: Option<LitStr>,
        lt: Option<LitStr>,
    },
    Charset(Vec<CharsetItem>),
    Url {
        schemes: Option<Vec<LitStr>>,
    },
    /// `contains`, `not_contains`, `prefix`, `suffix`: the function name and
    /// its argument.
    Substring(&'static str, Expr),
    OneOf(Vec<Expr>),
    SafeFilename {
        extensions: Option<Vec<LitStr>>,
        allow_leading_dot: Option<syn::LitBool>,
    },
    Required,
    MustMatch(Ident),
    Custom(Custom),
    /// `rule(path)`: a named rule set (`validate_core::RuleSet`).
    Set(syn::Path),
}

/// `pattern("literal")` or `pattern(EXPR)`.
#[derive(Clone)]
pub(crate) enum Pattern {
    Literal(LitStr),
    Expr(Expr),
}

/// One allow-list entry of `charset(...)`.
#[derive(Clone)]
pub(crate) enum CharsetItem {
    /// A named class: `ascii_alphanumeric`.
    Class(Ident),
    /// Literal characters: `"_-"` or `'_'`.
    Chars(String),
    /// An inclusive range: `'a'..='f'`.
    Range(char, char),
}

/// `custom(path)` or `custom(path, context)`; at struct level also
/// `always` and `field = name`.
#[derive(Clone)]
pub(crate) struct Custom {
    pub(crate) path: Expr,
    /// The `context` flag: the function also takes `&Ctx`.
    pub(crate) context: Option<Ident>,
    /// The `always` flag (struct level): run even when a field failed.
    pub(crate) always: Option<Ident>,
    /// `field = name` (struct level): the field its errors are placed at.
    pub(crate) field: Option<Ident>,
    /// The `custom` token.
    pub(crate) name: Ident,
}

/// One sanitizer of a `sanitize(...)` list.
#[derive(Clone)]
pub(crate) struct Sanitizer {
    pub(crate) name: Ident,
    pub(crate) kind: SanitizerKind,
}

#[derive(Clone)]
pub(crate) enum SanitizerKind {
    /// A `fn(&mut V)` in `validate_core::sanitize` with this name.
    Plain(&'static str),
    StripControl {
        keep_whitespace: bool,
    },
    Truncate {
        max: Expr,
        graphemes: bool,
    },
    With(Expr),
}

impl Entry {
    /// The token naming the entry, for errors about it.
    pub(crate) fn name(&self) -> &Ident {
        match self {
            Entry::Rule(r) => &r.name,
            Entry::Sanitize(n, _) => n,
            Entry::Items(i) => &i.name,
            Entry::Nested(n) | Entry::Skip(n) => n,
        }
    }
}

impl RuleKind {
    /// The rule's name as written, used to detect duplicates.
    pub(crate) fn key(&self) -> &'static str {
        match self {
            RuleKind::Length { .. } => "length",
            RuleKind::Range { .. } => "range",
            RuleKind::MultipleOf(_) => "multiple_of",
            RuleKind::Pattern(_) => "pattern",
            RuleKind::Format(f) => f.name,
            RuleKind::DateRange { .. } => "date",
            RuleKind::Charset(_) => "charset",
            RuleKind::Url { .. } => "url",
            RuleKind::Substring(name, _) => name,
            RuleKind::OneOf(_) => "one_of",
            RuleKind::SafeFilename { .. } => "safe_filename",
            RuleKind::Required => "required",
            RuleKind::MustMatch(_) => "must_match",
            RuleKind::Custom(_) => "custom",
            RuleKind::Set(_) => "rule",
        }
    }
}
