//! Where-clauses for generic types: a bound is added only for a field whose
//! type mentions a type parameter, and only for what its rules need
//! (`nested` -> `ValidateIn`, `length` -> `HasLength`, a string rule ->
//! `StrInput`, `each` -> the item traits...). A recursive type
//! (`children: Vec<Tree<T>>`) bounds the parameters instead of the field
//! type, which would make the bound depend on itself.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::{Generics, Ident, WherePredicate};

use crate::ast::{ItemsKind, SanitizerKind};
use crate::formats::Needs;
use crate::plan::*;

/// Adds `predicates` to the where-clause of `generics`, skipping repeats.
pub(crate) fn extend(generics: &mut Generics, predicates: Vec<TokenStream>) {
    let clause = generics.make_where_clause();
    let mut seen: Vec<String> = clause
        .predicates
        .iter()
        .map(|p| quote!(#p).to_string())
        .collect();
    for p in predicates {
        let text = p.to_string();
        if seen.contains(&text) {
            continue;
        }
        seen.push(text);
        if let Ok(pred) = syn::parse2::<WherePredicate>(p) {
            clause.predicates.push(pred);
        }
    }
}

struct Walk<'p, 'a> {
    plan: &'p Plan<'a>,
    params: Vec<Ident>,
    out: Vec<TokenStream>,
}

impl Walk<'_, '_> {
    fn mentions_param(&self, ty: &TokenStream) -> bool {
        mentions(ty, &|i| self.params.iter().any(|p| p == i))
    }

    /// Whether the type mentions the type being derived (a recursive type).
    fn recursive(&self, ty: &TokenStream) -> bool {
        let own = self.plan.ident;
        mentions(ty, &|i| i == own || i == "Self")
    }

    /// `ty: bound`, or, for a recursive type, `P: bound` for each type
    /// parameter `P` it mentions.
    fn bound(&mut self, ty: &TokenStream, bound: TokenStream) {
        if self.recursive(ty) {
            for p in &self.params {
                if mentions(ty, &|i| i == p) {
                    self.out.push(quote!(#p: #bound));
                }
            }
        } else {
            self.out.push(quote!(#ty: #bound));
        }
    }

    fn check(&mut self, plan: &ValuePlan, ty: TokenStream, context: &TokenStream) {
        let k = self.plan.krate.clone();
        for rule in plan.rules.iter().chain(&plan.guards) {
            // Every rule says what it needs: a new rule kind does not
            // compile until it does.
            match &rule.check {
                Check::Length(_) => self.out.push(quote!(#ty: #k::rules::HasLength)),
                Check::Format(f) => match f.needs {
                    Needs::Str => self.out.push(quote!(#ty: #k::rules::StrInput)),
                },
                Check::Pattern(_)
                | Check::Charset(_)
                | Check::Url { .. }
                | Check::DateRange { .. }
                | Check::Substring(..)
                | Check::SafeFilename { .. } => self.out.push(quote!(#ty: #k::rules::StrInput)),
                Check::Required => self.out.push(quote!(#ty: #k::__private::Presence)),
                Check::Set(path) => self.out.push(quote!(#path: #k::RuleSet<#ty>)),
                // Their own traits are generic over the bound's type
                // (`RangeInput<B>`, `OneOfInput<..>`...) or the user's.
                Check::Range { .. }
                | Check::MultipleOf(_)
                | Check::OneOf(_)
                | Check::OneOfList(_)
                | Check::MustMatch(_)
                | Check::Custom(_) => {}
            }
        }
        if plan.nested.is_some() {
            self.bound(&ty, quote!(#k::ValidateIn<#context>));
        }
        match &plan.items {
            Some(ItemsPlan::Each { plan: inner, .. }) => {
                self.out.push(quote!(#ty: #k::__private::Each));
                self.check(inner, quote!(<#ty as #k::__private::Each>::Item), context);
            }
            Some(ItemsPlan::Map { keys, values, .. }) => {
                self.out.push(quote!(#ty: #k::__private::Map));
                if let Some(inner) = keys {
                    self.check(inner, quote!(<#ty as #k::__private::Map>::Key), context);
                }
                if let Some(inner) = values {
                    self.check(inner, quote!(<#ty as #k::__private::Map>::Value), context);
                }
            }
            None => {}
        }
    }

    fn sanitize(&mut self, steps: &[SanStep], ty: TokenStream) {
        let k = self.plan.krate.clone();
        for step in steps {
            match step {
                SanStep::Apply(s) => {
                    if !matches!(s.kind, SanitizerKind::With(_)) {
                        self.out.push(quote!(#ty: #k::sanitize::SanitizeStr));
                    }
                }
                SanStep::Nested(_) => self.bound(&ty, quote!(#k::Validate)),
                SanStep::RuleSet(_, path, _) => {
                    self.out.push(quote!(#path: #k::RuleSetSanitize<#ty>))
                }
                SanStep::Items(kind, _, inner) => {
                    let (tr, assoc) = match kind {
                        ItemsKind::Each => (quote!(#k::__private::EachMut), quote!(Item)),
                        ItemsKind::Keys => (quote!(#k::__private::MapMut), quote!(Key)),
                        ItemsKind::Values => (quote!(#k::__private::MapMut), quote!(Value)),
                    };
                    self.out.push(quote!(#ty: #tr));
                    self.sanitize(inner, quote!(<#ty as #tr>::#assoc));
                }
            }
        }
    }
}

fn fields<'p, 'a>(plan: &'p Plan<'a>) -> Vec<&'p FieldPlan<'a>> {
    match &plan.body {
        Body::Struct(shape) => shape.fields.iter().collect(),
        Body::Enum(variants) => variants
            .iter()
            .flat_map(|v| v.shape.fields.iter())
            .collect(),
    }
}

fn walk<'p, 'a>(plan: &'p Plan<'a>) -> Walk<'p, 'a> {
    Walk {
        plan,
        params: plan
            .generics
            .type_params()
            .map(|p| p.ident.clone())
            .collect(),
        out: Vec::new(),
    }
}

/// The bounds validation needs, with `context` the type `nested` fields are
/// validated in.
pub(crate) fn validate(plan: &Plan<'_>, context: &TokenStream) -> Vec<TokenStream> {
    let mut w = walk(plan);
    let fields: Vec<(TokenStream, &ValuePlan)> = fields(plan)
        .into_iter()
        .filter_map(|f| {
            let ty = f.ty;
            Some((quote!(#ty), f.check.as_ref()?))
        })
        .collect();
    for (ty, check) in fields {
        if w.mentions_param(&ty) {
            w.check(check, ty, context);
        }
    }
    w.out
}

/// The bounds `sanitize()` needs.
pub(crate) fn sanitize(plan: &Plan<'_>) -> Vec<TokenStream> {
    let mut w = walk(plan);
    let fields: Vec<(TokenStream, &[SanStep])> = fields(plan)
        .into_iter()
        .map(|f| {
            let ty = f.ty;
            (quote!(#ty), f.sanitize.as_slice())
        })
        .collect();
    for (ty, steps) in fields {
        if w.mentions_param(&ty) {
            w.sanitize(steps, ty);
        }
    }
    w.out
}

/// Whether any identifier in `tokens` satisfies `hit`.
fn mentions(tokens: &TokenStream, hit: &dyn Fn(&Ident) -> bool) -> bool {
    tokens.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(i) => hit(&i),
        TokenTree::Group(g) => mentions(&g.stream(), hit),
        _ => false,
    })
}
