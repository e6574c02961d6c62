//! Semantic checks on the raw model, and its arrangement into the checked
//! model ([`crate::plan`]). Every error names the offending token and says
//! what to do; a failing check does not stop the others.

use std::collections::HashMap;

use quote::format_ident;
use syn::ext::IdentExt;
use syn::{Expr, ExprLit, ExprUnary, Ident, Lit, Type, UnOp};

use crate::ast::*;
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::names;
use crate::plan::*;
use crate::resolve;
use crate::suggest::did_you_mean;

/// Checks `input` and arranges it for emit.
pub(crate) fn check<'a>(cx: &Ctxt, input: Input<'a>) -> Plan<'a> {
    let newtype = crate::newtype::check(cx, &input);
    let attrs = input.attrs;
    let has_context = attrs.context.is_some();
    for custom in &attrs.customs {
        check_custom_context(cx, custom, has_context);
    }
    let body = match input.data {
        Data::Struct(shape) => {
            let names = Names {
                loc: attrs.rename_all.or(attrs.serde.rename_all),
                serde: attrs.serde.rename_all,
            };
            Body::Struct(shape_plan(
                cx,
                shape,
                names,
                attrs.serde.transparent,
                has_context,
            ))
        }
        Data::Enum(variants) => {
            let variant_rule = attrs.rename_all.or(attrs.serde.rename_all);
            let externally_tagged = attrs.serde.tag.is_none() && !attrs.serde.untagged;
            Body::Enum(
                variants
                    .into_iter()
                    .map(|v| {
                        let name = v.ident.unraw().to_string();
                        let serde_wire = match &v.serde_rename {
                            Some(r) => r.clone(),
                            None => attrs
                                .serde
                                .rename_all
                                .map_or(name.clone(), |r| r.apply_to_variant(&name)),
                        };
                        let wire = match (&v.rename, &v.serde_rename) {
                            (Some(r), _) => r.value(),
                            (None, Some(r)) => r.clone(),
                            (None, None) => {
                                variant_rule.map_or(name.clone(), |r| r.apply_to_variant(&name))
                            }
                        };
                        let loc = if attrs.serde.untagged {
                            None
                        } else if externally_tagged {
                            Some(wire)
                        } else {
                            // Internally tagged: the fields sit beside the
                            // tag; adjacently tagged: under the content key.
                            attrs.serde.content.clone()
                        };
                        let field_rule = v.serde_rename_all.or(attrs.serde.rename_all_fields);
                        let names = Names {
                            loc: field_rule,
                            serde: field_rule,
                        };
                        VariantPlan {
                            ident: v.ident,
                            loc,
                            wire: serde_wire,
                            shape: shape_plan(cx, v.shape, names, false, has_context),
                        }
                    })
                    .collect(),
            )
        }
    };
    let tagging = match (attrs.serde.tag, attrs.serde.content) {
        _ if attrs.serde.untagged => Tagging::Untagged,
        (Some(tag), Some(content)) => Tagging::Adjacent { tag, content },
        (Some(tag), None) => Tagging::Internal { tag },
        (None, _) => Tagging::External,
    };
    let customs = attrs
        .customs
        .into_iter()
        .filter_map(|custom| struct_rule(cx, custom, &body))
        .collect();
    let krate = attrs
        .crate_path
        .unwrap_or_else(|| syn::parse_quote!(::validate_core));
    Plan {
        ident: input.ident,
        generics: input.generics,
        krate,
        context: attrs.context,
        body,
        customs,
        newtype,
        tagging,
    }
}

/// How field names are written: in locs (`#[validate(rename_all)]` first,
/// then serde's) and on the wire (serde's alone, as in the schema).
#[derive(Clone, Copy)]
struct Names {
    loc: Option<RenameRule>,
    serde: Option<RenameRule>,
}

/// What rules of one field may refer to.
pub(crate) struct Scope<'s> {
    pub(crate) has_context: bool,
    /// The named fields of the struct or variant.
    pub(crate) fields: &'s [Option<Ident>],
    /// The field being checked.
    pub(crate) current: Option<&'s Ident>,
    /// The fields a `must_match` may read, bound.
    pub(crate) targets: &'s [MatchTarget],
}

fn shape_plan<'a>(
    cx: &Ctxt,
    shape: Shape<'a>,
    names: Names,
    transparent: bool,
    has_context: bool,
) -> ShapePlan<'a> {
    let count = shape.fields.len();
    let idents: Vec<Option<Ident>> = shape.fields.iter().map(|f| f.ident.cloned()).collect();
    let places: Vec<SchemaPlace> = shape
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            if field.serde_skip || field.serde_flatten {
                SchemaPlace::Absent
            } else if transparent || (shape.style == Style::Tuple && count == 1) {
                SchemaPlace::Itself
            } else if let Some(ident) = field.ident {
                SchemaPlace::Property(field.serde_rename.clone().unwrap_or_else(|| {
                    let name = ident.unraw().to_string();
                    names
                        .serde
                        .map_or(name.clone(), |r| r.apply_to_field(&name))
                }))
            } else {
                SchemaPlace::Position(i)
            }
        })
        .collect();
    let rule = names.loc;
    let placed: Vec<(FieldLoc, Ident)> = shape
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let loc = if field.serde_flatten || transparent {
                FieldLoc::Here
            } else if let Some(r) = &field.rename {
                FieldLoc::Name(r.value())
            } else if let Some(ident) = field.ident {
                FieldLoc::Name(match &field.serde_rename {
                    Some(r) => r.clone(),
                    None => {
                        let name = ident.unraw().to_string();
                        rule.map_or(name.clone(), |r| r.apply_to_field(&name))
                    }
                })
            } else if shape.style == Style::Tuple && count == 1 {
                FieldLoc::Here
            } else {
                FieldLoc::Index(i)
            };
            let binding = match field.ident {
                Some(ident) => format_ident!("__field_{}", ident.unraw()),
                None => format_ident!("__field_{}", i),
            };
            (loc, binding)
        })
        .collect();
    let targets: Vec<MatchTarget> = shape
        .fields
        .iter()
        .zip(&placed)
        .filter_map(|(field, (loc, binding))| {
            Some(MatchTarget {
                ident: field.ident?.clone(),
                binding: binding.clone(),
                name: loc.display_name(),
            })
        })
        .collect();
    let mut fields: Vec<FieldPlan<'a>> = shape
        .fields
        .into_iter()
        .zip(placed)
        .zip(places)
        .map(|((field, (loc, binding)), schema)| {
            let scope = Scope {
                has_context,
                fields: &idents,
                current: field.ident,
                targets: &targets,
            };
            let (check, sanitize) = value(cx, field.entries, Some(field.ty.clone()), true, &scope);
            FieldPlan {
                member: field.member,
                ident: field.ident,
                ty: field.ty,
                binding,
                loc,
                schema,
                check,
                sanitize,
                matched: false,
            }
        })
        .collect();
    // Mark the fields that a must_match reads, so they get bound.
    let read: Vec<Ident> = fields
        .iter()
        .filter_map(|f| f.check.as_ref())
        .flat_map(|c| c.rules.iter())
        .filter_map(|r| match &r.check {
            Check::MustMatch(target) => Some(target.ident.clone()),
            _ => None,
        })
        .collect();
    for f in &mut fields {
        f.matched = f.ident.is_some_and(|i| read.contains(i));
    }
    ShapePlan { fields }
}

/// Checks the entries of one value and arranges them: the validation plan
/// (`None` when nothing is checked) and the sanitize steps.
pub(crate) fn value(
    cx: &Ctxt,
    entries: Vec<Entry>,
    ty: Option<Type>,
    top: bool,
    scope: &Scope<'_>,
) -> (Option<ValuePlan>, Vec<SanStep>) {
    if let Some(skip) = entries.iter().find_map(|e| match e {
        Entry::Skip(s) => Some(s),
        _ => None,
    }) {
        if !top {
            cx.error_at(
                skip.span(),
                "`skip` applies to a whole field; it cannot go inside `each`, `keys` or `values`",
            );
        } else if entries.len() > 1 {
            cx.error_at(
                skip.span(),
                "`skip` means the field is neither validated nor sanitized, so it cannot be \
                 combined with other rules: remove `skip` or the other rules",
            );
        }
        return (None, Vec::new());
    }
    check_duplicates(cx, &entries);

    let mut rules = Vec::new();
    let mut each = None;
    let mut keys = None;
    let mut values = None;
    let mut nested = None;
    let mut sanitize = Vec::new();
    for entry in entries {
        match entry {
            Entry::Rule(rule) => {
                check_rule(cx, &rule, top, scope);
                if let RuleKind::Set(path) = &rule.kind {
                    // A rule set's sanitizers run where it is written.
                    sanitize.push(SanStep::RuleSet(
                        rule.name.clone(),
                        path.clone(),
                        ty.clone(),
                    ));
                }
                rules.extend(resolve::rule(cx, rule, scope));
            }
            Entry::Sanitize(_, list) => sanitize.extend(list.into_iter().map(SanStep::Apply)),
            Entry::Items(items) => {
                let item_ty = ty.as_ref().and_then(|t| item_type(t, items.kind));
                let (plan, steps) = value(cx, items.entries, item_ty, false, scope);
                if !steps.is_empty() {
                    sanitize.push(SanStep::Items(items.kind, items.name.clone(), steps));
                }
                let slot = match items.kind {
                    ItemsKind::Each => &mut each,
                    ItemsKind::Keys => &mut keys,
                    ItemsKind::Values => &mut values,
                };
                *slot = Some((items.name, plan));
            }
            Entry::Nested(n) => {
                sanitize.push(SanStep::Nested(n.clone()));
                nested = Some(n);
            }
            Entry::Skip(_) => {}
        }
    }
    if let (Some((each_name, _)), Some((other, _))) = (&each, keys.as_ref().or(values.as_ref())) {
        cx.error_at(
            each_name
                .span()
                .join(other.span())
                .unwrap_or_else(|| each_name.span()),
            "`each` is for lists and sets, `keys` and `values` for maps: use one or the other",
        );
    }
    let items = match (each, keys, values) {
        (Some((name, Some(plan))), _, _) => Some(ItemsPlan::Each {
            name,
            plan: Box::new(plan),
        }),
        (Some(_), _, _) => None,
        (None, keys, values) => {
            let name = keys.as_ref().or(values.as_ref()).map(|(n, _)| n.clone());
            let keys = keys.and_then(|(_, p)| p).map(Box::new);
            let values = values.and_then(|(_, p)| p).map(Box::new);
            match name {
                Some(name) if keys.is_some() || values.is_some() => {
                    Some(ItemsPlan::Map { name, keys, values })
                }
                _ => None,
            }
        }
    };

    let mut guards = Vec::new();
    if items.is_some() || nested.is_some() {
        // As Pydantic: `required` and a collection's maximum length are
        // checked before any item is visited (the maximum also guards
        // against huge inputs); the other rules run after the items.
        let (required, others): (Vec<RulePlan>, Vec<RulePlan>) = rules
            .into_iter()
            .partition(|r| matches!(r.check, Check::Required));
        guards.extend(required);
        guards.extend(others.iter().filter_map(RulePlan::max_guard));
        rules = others.into_iter().filter_map(RulePlan::min_part).collect();
    }
    let plan = (!rules.is_empty() || !guards.is_empty() || items.is_some() || nested.is_some())
        .then_some(ValuePlan {
            ty,
            guards,
            items,
            nested,
            rules,
        });
    (plan, sanitize)
}

fn check_duplicates(cx: &Ctxt, entries: &[Entry]) {
    let mut seen: HashMap<&'static str, ()> = HashMap::new();
    for entry in entries {
        let key = match entry {
            Entry::Rule(r) => match r.kind {
                // Several patterns, custom rules and rule sets are fine.
                RuleKind::Pattern(_) | RuleKind::Custom(_) | RuleKind::Set(_) => continue,
                ref kind => kind.key(),
            },
            Entry::Items(i) => match i.kind {
                ItemsKind::Each => "each",
                ItemsKind::Keys => "keys",
                ItemsKind::Values => "values",
            },
            Entry::Nested(_) => "nested",
            Entry::Sanitize(..) | Entry::Skip(_) => continue,
        };
        if seen.insert(key, ()).is_some() {
            let message = match entry {
                Entry::Items(_) => format!(
                    "duplicate `{key}(...)` on this field: merge them into one `{key}(...)`"
                ),
                Entry::Nested(_) => "duplicate `nested` on this field".to_owned(),
                _ => format!(
                    "duplicate rule `{key}` on this field: merge them into one `{key}(...)` \
                     (only `pattern`, `custom` and `rule` may repeat)"
                ),
            };
            cx.error_at(entry.name().span(), message);
        }
    }
}

/// A struct-level rule with its `field = name` resolved to that field's
/// loc; `None` after an error.
fn struct_rule(cx: &Ctxt, custom: Custom, body: &Body<'_>) -> Option<StructRule> {
    let at = match (&custom.field, body) {
        (None, _) => None,
        (Some(field), Body::Enum(_)) => {
            cx.error_at(
                field.span(),
                "`field = ..` places a struct-level error at a field of a struct; on an enum, \
                 give the error its loc with `ValidationError::with_loc`",
            );
            return None;
        }
        (Some(field), Body::Struct(shape)) => {
            let Some(target) = shape.fields.iter().find(|f| f.ident == Some(field)) else {
                let names: Vec<String> = shape
                    .fields
                    .iter()
                    .filter_map(|f| f.ident.map(ToString::to_string))
                    .collect();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                cx.error_at(
                    field.span(),
                    format!(
                        "`field = {field}`: there is no field `{field}` here{}",
                        did_you_mean(&field.to_string(), &refs)
                    ),
                );
                return None;
            };
            Some(target.loc.clone())
        }
    };
    Some(StructRule {
        always: custom.always.is_some(),
        at,
        custom,
    })
}

fn check_custom_context(cx: &Ctxt, custom: &Custom, has_context: bool) {
    if let (Some(flag), false) = (&custom.context, has_context) {
        cx.error_at(
            flag.span(),
            "`custom(path, context)` passes the validation context, but this type has none: \
             declare it with `#[validate(context = MyContext)]` on the type",
        );
    }
}

fn check_rule(cx: &Ctxt, rule: &Rule, top: bool, scope: &Scope<'_>) {
    for (what, e) in [("message", &rule.message), ("code", &rule.code)] {
        if let Some(Expr::Lit(ExprLit { lit, .. })) = e
            && !matches!(lit, Lit::Str(_))
        {
            cx.error_spanned_by(lit, format!("`{what}` is a string: `{what} = \"...\"`"));
        }
    }
    match &rule.kind {
        RuleKind::Length {
            min,
            max,
            equal,
            unit,
        } => {
            if let Some(eq) = equal
                && (min.is_some() || max.is_some())
            {
                cx.error_spanned_by(
                    eq,
                    "`equal` is the exact length: give either `equal` or `min`/`max`",
                );
            }
            let lits: Vec<Option<u128>> = [min, max, equal]
                .into_iter()
                .map(|e| e.as_ref().and_then(|e| length_literal(cx, e)))
                .collect();
            if let (Some(Some(lo)), Some(Some(hi))) = (lits.first(), lits.get(1))
                && lo > hi
                && let Some(min) = min
            {
                cx.error_spanned_by(
                    min,
                    format!("`min = {lo}` is greater than `max = {hi}`: no value can pass"),
                );
            }
            if let Some(unit) = unit {
                let text = unit.to_string();
                if LengthUnit::from_name(&text).is_none() {
                    let units: Vec<&str> = LengthUnit::ALL.iter().map(|u| u.name()).collect();
                    cx.error_at(
                        unit.span(),
                        format!(
                            "unknown unit `{text}`{}; the units are {}",
                            did_you_mean(&text, &units),
                            units.join(", ")
                        ),
                    );
                }
            }
        }
        RuleKind::Range { min, max, gt, lt } => {
            if let (Some(_), Some(gt)) = (min, gt) {
                cx.error_spanned_by(
                    gt,
                    "`min` and `gt` both set the lower bound: keep one (`min` is inclusive, \
                     `gt` exclusive)",
                );
            }
            if let (Some(_), Some(lt)) = (max, lt) {
                cx.error_spanned_by(
                    lt,
                    "`max` and `lt` both set the upper bound: keep one (`max` is inclusive, \
                     `lt` exclusive)",
                );
            }
            let lower = min
                .as_ref()
                .map(|e| (e, true))
                .or(gt.as_ref().map(|e| (e, false)));
            let upper = max
                .as_ref()
                .map(|e| (e, true))
                .or(lt.as_ref().map(|e| (e, false)));
            if let (Some((lo, lo_incl)), Some((hi, hi_incl))) = (lower, upper)
                && let (Some(a), Some(b)) = (number(lo), number(hi))
            {
                let empty = match a.partial_cmp(&b) {
                    Some(std::cmp::Ordering::Greater) | None => true,
                    Some(std::cmp::Ordering::Equal) => !(lo_incl && hi_incl),
                    Some(std::cmp::Ordering::Less) => false,
                };
                if empty {
                    cx.error_spanned_by(
                        lo,
                        "this lower bound is not below the upper bound: no value can pass",
                    );
                }
            }
        }
        RuleKind::MultipleOf(n)
            if matches!(number(n), Some(Number::Int(0)))
                || number(n) == Some(Number::Float(0.0)) =>
        {
            cx.error_spanned_by(n, "`multiple_of(0)`: nothing is a multiple of zero");
        }
        RuleKind::Url {
            schemes: Some(list),
        } if list.is_empty() => {
            cx.error_at(
                rule.name.span(),
                "`schemes = []` allows no URL: list the schemes, e.g. `[\"https\"]`",
            );
        }
        RuleKind::OneOf(choices) => check_one_of(cx, choices),
        RuleKind::DateRange { min, max, gt, lt } => {
            crate::civil::check(cx, [min, max, gt, lt].map(Option::as_ref));
        }
        RuleKind::SafeFilename {
            extensions: Some(list),
            ..
        } => {
            if list.is_empty() {
                cx.error_at(
                    rule.name.span(),
                    "`extensions = []` allows no file: list the extensions, or drop `extensions`",
                );
            }
            for ext in list {
                if ext.value().starts_with('.') || ext.value().is_empty() {
                    cx.error_spanned_by(
                        ext,
                        "write extensions without the dot: `[\"png\", \"jpg\"]`",
                    );
                }
            }
        }
        RuleKind::MustMatch(other) => {
            if !top {
                cx.error_at(
                    rule.name.span(),
                    "`must_match` compares two fields; it cannot go inside `each`, `keys` or \
                     `values`",
                );
            } else if scope.current.is_some_and(|c| c == other) {
                cx.error_at(other.span(), "`must_match` compares a field with itself");
            } else if !scope.fields.iter().flatten().any(|f| f == other) {
                let names: Vec<String> = scope
                    .fields
                    .iter()
                    .flatten()
                    .map(|f| f.to_string())
                    .collect();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                let hint = if scope.current.is_none() {
                    "; `must_match` needs named fields".to_owned()
                } else {
                    did_you_mean(&other.to_string(), &refs)
                };
                cx.error_at(
                    other.span(),
                    format!("`must_match({other})`: there is no field `{other}` here{hint}"),
                );
            }
        }
        RuleKind::Custom(custom) => check_custom_context(cx, custom, scope.has_context),
        _ => {}
    }
}

/// A `length` bound given as a literal, if it is one.
fn length_literal(cx: &Ctxt, e: &Expr) -> Option<u128> {
    match number(e) {
        Some(Number::Int(n)) if n >= 0 => u128::try_from(n).ok(),
        Some(_) => {
            cx.error_spanned_by(e, "a length is a non-negative integer");
            None
        }
        None => None,
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }

    fn partial_cmp(&self, other: &Number) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(b)),
            _ => self.as_f64().partial_cmp(&other.as_f64()),
        }
    }
}

/// The value of a numeric literal, possibly negated.
fn number(e: &Expr) -> Option<Number> {
    match e {
        Expr::Lit(ExprLit {
            lit: Lit::Int(i), ..
        }) => i.base10_parse::<i128>().ok().map(Number::Int),
        Expr::Lit(ExprLit {
            lit: Lit::Float(f), ..
        }) => f.base10_parse::<f64>().ok().map(Number::Float),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match number(expr)? {
            Number::Int(i) => Some(Number::Int(-i)),
            Number::Float(f) => Some(Number::Float(-f)),
        },
        Expr::Paren(p) => number(&p.expr),
        Expr::Group(g) => number(&g.expr),
        _ => None,
    }
}

/// Literal choices must share one type (strings, integers, chars...).
fn check_one_of(cx: &Ctxt, choices: &[Expr]) {
    let kind = |e: &Expr| -> Option<&'static str> {
        match e {
            Expr::Lit(ExprLit { lit, .. }) => Some(match lit {
                Lit::Str(_) => "string",
                Lit::Char(_) => "char",
                Lit::Int(_) => "integer",
                Lit::Float(_) => "float",
                Lit::Bool(_) => "bool",
                _ => "literal",
            }),
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => match number(e)? {
                Number::Int(_) => Some("integer"),
                Number::Float(_) => Some("float"),
            },
            _ => None,
        }
    };
    let mut first: Option<&'static str> = None;
    for choice in choices {
        if let Some(k) = kind(choice) {
            match first {
                None => first = Some(k),
                Some(f) if f != k => cx.error_spanned_by(
                    choice,
                    format!("`one_of` values share one type: this is a {k}, the first is a {f}"),
                ),
                Some(_) => {}
            }
        }
    }
}

/// The item type of a collection type as written (`Vec<T>` -> `T`, a map's
/// key or value type), seen through `Option`, pointers and references;
/// `None` when it cannot be told from the syntax.
fn item_type(ty: &Type, kind: ItemsKind) -> Option<Type> {
    match ty {
        Type::Reference(r) => item_type(&r.elem, kind),
        Type::Paren(p) => item_type(&p.elem, kind),
        Type::Group(g) => item_type(&g.elem, kind),
        Type::Array(a) if kind == ItemsKind::Each => Some((*a.elem).clone()),
        Type::Slice(s) if kind == ItemsKind::Each => Some((*s.elem).clone()),
        Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            let types: Vec<&Type> = args
                .args
                .iter()
                .filter_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                })
                .collect();
            let name = last.ident.to_string();
            let name = name.as_str();
            match kind {
                _ if matches!(name, "Option" | "Box" | "Rc" | "Arc") => {
                    item_type(types.first()?, kind)
                }
                ItemsKind::Each if names::EACH_TYPES.contains(&name) => {
                    types.first().map(|t| (*t).clone())
                }
                ItemsKind::Keys if names::MAP_TYPES.contains(&name) => {
                    types.first().map(|t| (*t).clone())
                }
                ItemsKind::Values if names::MAP_TYPES.contains(&name) => {
                    types.get(1).map(|t| (*t).clone())
                }
                _ => None,
            }
        }
        _ => None,
    }
    .filter(|t: &Type| !matches!(t, Type::Infer(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(s: &str) -> Type {
        syn::parse_str(s).expect("test type parses")
    }

    fn item(s: &str, kind: ItemsKind) -> Option<String> {
        item_type(&ty(s), kind).map(|t| quote::quote!(#t).to_string())
    }

    #[test]
    fn item_types_from_syntax() {
        assert_eq!(
            item("Vec<String>", ItemsKind::Each).as_deref(),
            Some("String")
        );
        assert_eq!(
            item("Option<Vec<Option<u8>>>", ItemsKind::Each).as_deref(),
            Some("Option < u8 >")
        );
        assert_eq!(item("[u8; 4]", ItemsKind::Each).as_deref(), Some("u8"));
        assert_eq!(item("&[u8]", ItemsKind::Each).as_deref(), Some("u8"));
        assert_eq!(
            item("HashMap<String, u8>", ItemsKind::Keys).as_deref(),
            Some("String")
        );
        assert_eq!(
            item("BTreeMap<String, u8>", ItemsKind::Values).as_deref(),
            Some("u8")
        );
        assert_eq!(item("MyList", ItemsKind::Each), None);
        assert_eq!(item("HashMap<String, u8>", ItemsKind::Each), None);
    }

    #[test]
    fn numbers_compare() {
        let e = |s: &str| syn::parse_str::<Expr>(s).expect("test expr parses");
        assert_eq!(number(&e("-5")), Some(Number::Int(-5)));
        assert_eq!(number(&e("1.5")), Some(Number::Float(1.5)));
        assert_eq!(number(&e("x")), None);
        assert!(
            Number::Int(3).partial_cmp(&Number::Float(2.5)) == Some(std::cmp::Ordering::Greater)
        );
    }
}
