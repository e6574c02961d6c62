//! Code generation from the checked model only.
//!
//! The generated code is plain, straight-line Rust: one `if let ... else if
//! let` chain per value (the first failure ends it), `for` loops over items,
//! no closure and no allocation on the validation path. Every path is
//! absolute (`::core::...`, `::validate_core::...`), and each rule's call
//! carries the rule's span, so a type error points at the rule.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Type};

use crate::ast::{ItemsKind, SanitizerKind};
use crate::plan::*;

mod impls;
mod rule;
mod schema;

pub(crate) use rule::{rule_call, rule_error};
pub(crate) use schema::set_impl as schema_set_impl;

use impls::{Bodies, impl_pair};
pub(crate) use impls::{stamp_ident, version_stamp};
use rule::{call_custom, krate_at};

/// The two impls, `Validate` and `ValidateIn`, and for a newtype its
/// constructors and accessors.
pub(crate) fn emit(plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let e = Emitter { plan };
    let body = e.validate_body();
    // Each derived value is one level of nesting: a recursive type nested
    // deeper than `validate_core::max_depth()` is cut off there (an error
    // when validating, left as it is when sanitizing) before the recursion
    // can overflow the stack.
    // A type without `nested` cannot recurse and needs no guard.
    let guarded = plan.may_recurse();
    let sanitize = e.sanitize_body().map(|body| {
        let guard = guarded.then(|| {
            quote! {
                let ::core::option::Option::Some(__depth) =
                    #krate::__private::DepthGuard::enter() else { return; };
            }
        });
        quote! {
            fn sanitize(&mut self) {
                #guard
                #body
            }
        }
    });
    let guard = guarded.then(|| {
        quote! {
            let ::core::option::Option::Some(__depth) =
                #krate::__private::DepthGuard::enter_or_report(__loc, __errors) else { return; };
        }
    });
    let validate = quote! {
        #guard
        #body
    };
    let impls = impl_pair(plan, Some(Bodies { validate, sanitize }));
    let newtype = plan.newtype.as_ref().map(|n| crate::newtype::emit(plan, n));
    // validate-core turns the feature on with its own `schema`.
    let schema = cfg!(feature = "schema").then(|| schema::emit(plan));
    quote!(#impls #newtype #schema)
}

/// What is emitted beside attribute errors: the two impls with empty
/// bodies, so that the only errors a user sees are about the attributes.
pub(crate) fn fallback(plan: &Plan<'_>) -> TokenStream {
    impl_pair(plan, None)
}

/// Generates the validation and sanitize code of one plan (`rule_set!`
/// uses the free functions `rule_call` and `sanitize_steps` alone).
pub(crate) struct Emitter<'p, 'a> {
    pub(crate) plan: &'p Plan<'a>,
}

/// Where a value's errors go: under a `LocChain` local, or one step below
/// one (a field's below `__loc`, an item's index below its list's local),
/// that step built only when an error is pushed.
#[derive(Clone, Copy)]
enum LocTarget<'x> {
    Bound(&'x Ident),
    Field(&'x FieldLoc),
    Item(&'x Ident, &'x Ident),
}

impl Emitter<'_, '_> {
    fn krate_at(&self, span: Span) -> TokenStream {
        krate_at(&self.plan.krate, span)
    }

    /// The type `nested` validates in: the context type, or `__C` for a
    /// context-free type (so it nests inside any other).
    fn nested_context(&self) -> TokenStream {
        match &self.plan.context {
            Some(c) => quote!(#c),
            None => quote!(__C),
        }
    }

    // ----- validation ------------------------------------------------------

    fn validate_body(&self) -> TokenStream {
        let fields = match &self.plan.body {
            Body::Struct(shape) => {
                let checked = shape.fields.iter().any(|f| f.check.is_some());
                if checked {
                    let pattern = bindings(shape, |f| f.check.is_some() || f.matched);
                    let code = self.shape_code(shape);
                    quote! {
                        let Self { #pattern } = self;
                        #code
                    }
                } else {
                    quote!()
                }
            }
            Body::Enum(variants) => {
                let any = variants
                    .iter()
                    .any(|v| v.shape.fields.iter().any(|f| f.check.is_some()));
                if any {
                    let arms = variants.iter().map(|v| {
                        let ident = v.ident;
                        let pattern = bindings(&v.shape, |f| f.check.is_some() || f.matched);
                        let code = self.shape_code(&v.shape);
                        let step = match (&v.loc, v.shape.fields.iter().any(|f| f.check.is_some()))
                        {
                            (Some(name), true) => quote! {
                                let __variant = __loc.field(#name);
                                let __loc = &__variant;
                            },
                            _ => quote!(),
                        };
                        quote! {
                            Self::#ident { #pattern } => {
                                #step
                                #code
                            }
                        }
                    });
                    quote! {
                        match self {
                            #(#arms)*
                        }
                    }
                } else {
                    quote!()
                }
            }
        };
        // Struct-level rules run last, and (but those marked `always`)
        // only when no field failed, as Pydantic's after-validators: a
        // cross-field check on a value already rejected would only repeat it.
        let waits = self.plan.customs.iter().any(|r| !r.always);
        let customs = self.plan.customs.iter().map(|rule| {
            let c = &rule.custom;
            let span = c.name.span();
            let krate = self.krate_at(span);
            let this = Ident::new("self", span);
            let call = call_custom(&krate, &c.path, quote!(#this), c.context.is_some(), span);
            let loc = match &rule.at {
                None | Some(FieldLoc::Here) => quote!(__loc),
                Some(FieldLoc::Name(name)) => quote!(&__loc.field(#name)),
                Some(FieldLoc::Index(i)) => quote!(&__loc.index(#i)),
            };
            let push = quote_spanned! {span=>
                #krate::__private::StructRuleResult::push_into(#call, #loc, __errors);
            };
            if rule.always {
                push
            } else {
                quote!(if __fields_passed { #push })
            }
        });
        let (before, after) = if waits {
            (
                quote!(let __fields_before = __errors.len();),
                quote!(let __fields_passed = __errors.len() == __fields_before;),
            )
        } else {
            (quote!(), quote!())
        };
        quote! {
            #before
            #fields
            #after
            #(#customs)*
        }
    }

    fn shape_code(&self, shape: &ShapePlan<'_>) -> TokenStream {
        let fields = shape.fields.iter().filter_map(|f| self.field_checks(f));
        quote!(#(#fields)*)
    }

    /// One field's checks, reading it from its binding (a reference) and
    /// reporting under `__loc` into `__errors`: what `validate()` runs for
    /// the field. `None` when nothing is checked. The decoder reuses it for
    /// the fields that decoded when a sibling failed.
    pub(crate) fn field_checks(&self, f: &FieldPlan<'_>) -> Option<TokenStream> {
        let krate = &self.plan.krate;
        let check = f.check.as_ref()?;
        if check.items.is_none() && check.nested.is_none() {
            // Rules alone: the field's loc is built only if one fails.
            let target = LocTarget::Field(&f.loc);
            let code = self.chain(&check.rules, check.ty.as_ref(), &f.binding, target, None);
            return Some(quote!({ #code }));
        }
        let loc = format_ident!("__f0");
        let loc_expr = match &f.loc {
            FieldLoc::Name(name) => quote!(__loc.field(#name)),
            FieldLoc::Index(i) => quote!(__loc.index(#i)),
            FieldLoc::Here => quote!(*__loc),
        };
        let code = self.value_code(check, &f.binding, &loc, 0);
        Some(quote! {
            {
                let #loc: #krate::LocChain<'_> = #loc_expr;
                #code
            }
        })
    }

    /// The checks of one value, bound to `v` (a reference), reporting at
    /// the `LocChain` local `loc`; `depth` numbers the locals of item loops
    /// (0 for a field).
    pub(crate) fn value_code(
        &self,
        plan: &ValuePlan,
        v: &Ident,
        loc: &Ident,
        depth: usize,
    ) -> TokenStream {
        if plan.items.is_none() && plan.nested.is_none() {
            return self.chain(
                &plan.rules,
                plan.ty.as_ref(),
                v,
                LocTarget::Bound(loc),
                None,
            );
        }
        let before = format_ident!("__before{}", depth);
        let items = plan
            .items
            .as_ref()
            .map(|items| self.items_code(items, v, loc, depth));
        let nested = plan.nested.as_ref().map(|n| {
            let span = n.span();
            let krate = self.krate_at(span);
            let c = self.nested_context();
            let v = Ident::new(&v.to_string(), span);
            quote_spanned! {span=>
                #krate::ValidateIn::<#c>::validate_in(#v, __ctx, &#loc, __errors);
            }
        });
        let after = if plan.rules.is_empty() {
            quote!()
        } else {
            let chain = self.chain(
                &plan.rules,
                plan.ty.as_ref(),
                v,
                LocTarget::Bound(loc),
                None,
            );
            quote! {
                if __errors.len() == #before {
                    #chain
                }
            }
        };
        let let_before = if plan.rules.is_empty() {
            quote!()
        } else {
            quote!(let #before = __errors.len();)
        };
        let inner = quote! {
            #let_before
            #items
            #nested
            #after
        };
        if plan.guards.is_empty() {
            quote!({ #inner })
        } else {
            self.chain(
                &plan.guards,
                plan.ty.as_ref(),
                v,
                LocTarget::Bound(loc),
                Some(inner),
            )
        }
    }

    fn items_code(&self, items: &ItemsPlan, v: &Ident, loc: &Ident, depth: usize) -> TokenStream {
        let krate = &self.plan.krate;
        let d = depth + 1;
        let item = format_ident!("__item{}", d);
        let item_loc = format_ident!("__f{}", d);
        match items {
            ItemsPlan::Each { name, plan } => {
                let span = name.span();
                let index = format_ident!("__i{}", d);
                let k = self.krate_at(span);
                let v = Ident::new(&v.to_string(), span);
                if plan.items.is_none() && plan.nested.is_none() {
                    // Rules alone: the item's loc is built only if one fails.
                    let target = LocTarget::Item(loc, &index);
                    let code = self.chain(&plan.rules, plan.ty.as_ref(), &item, target, None);
                    return quote_spanned! {span=>
                        for (#index, #item) in ::core::iter::Iterator::enumerate(#k::__private::each_items(#v)) {
                            #code
                        }
                    };
                }
                let code = self.value_code(plan, &item, &item_loc, d);
                quote_spanned! {span=>
                    for (#index, #item) in ::core::iter::Iterator::enumerate(#k::__private::each_items(#v)) {
                        let #item_loc = #loc.index(#index);
                        #code
                    }
                }
            }
            ItemsPlan::Map { name, keys, values } => {
                let span = name.span();
                let key = format_ident!("__key{}", d);
                let key_loc = format_ident!("__k{}", d);
                let keys_code = keys.as_ref().map(|plan| {
                    let code = self.value_code(plan, &key, &key_loc, d);
                    quote! {
                        {
                            let #key_loc = #item_loc.field(#krate::error::KEY_MARKER);
                            #code
                        }
                    }
                });
                let values_code = values
                    .as_ref()
                    .map(|plan| self.value_code(plan, &item, &item_loc, d));
                let value_pattern = if values.is_some() {
                    quote!(#item)
                } else {
                    quote!(_)
                };
                let k = self.krate_at(span);
                let v = Ident::new(&v.to_string(), span);
                quote_spanned! {span=>
                    for (#key, #value_pattern) in #k::__private::map_entries(#v) {
                        let #item_loc = #k::__private::key_loc(&#loc, #key);
                        #keys_code
                        #values_code
                    }
                }
            }
        }
    }

    /// `if let Err(e) = rule1 { push } else if let Err(e) = rule2 { push }
    /// ... [else { otherwise }]`: the first failure ends the value.
    fn chain(
        &self,
        rules: &[RulePlan],
        ty: Option<&Type>,
        v: &Ident,
        loc: LocTarget<'_>,
        otherwise: Option<TokenStream>,
    ) -> TokenStream {
        let krate = &self.plan.krate;
        let mut arms = Vec::new();
        for rule in rules {
            let span = rule.name.span();
            let call = rule_call(krate, rule, ty, &Ident::new(&v.to_string(), span));
            let err = rule_error(rule);
            let push = match loc {
                LocTarget::Bound(loc) => quote!(__errors.push_at(&#loc, #err)),
                LocTarget::Field(FieldLoc::Name(name)) => {
                    quote!(#krate::__private::push_field(__errors, __loc, #name, #err))
                }
                LocTarget::Field(FieldLoc::Index(i)) => {
                    quote!(#krate::__private::push_index(__errors, __loc, #i, #err))
                }
                LocTarget::Field(FieldLoc::Here) => quote!(__errors.push_at(__loc, #err)),
                LocTarget::Item(parent, index) => {
                    quote!(#krate::__private::push_index(__errors, &#parent, #index, #err))
                }
            };
            arms.push(quote_spanned! {span=>
                if let ::core::result::Result::Err(__e) = #call {
                    #push;
                }
            });
        }
        if let Some(otherwise) = otherwise {
            arms.push(quote!({ #otherwise }));
        }
        let mut out = TokenStream::new();
        for (i, arm) in arms.into_iter().enumerate() {
            if i > 0 {
                out.extend(quote!(else));
            }
            out.extend(arm);
        }
        out
    }

    // ----- sanitize --------------------------------------------------------

    fn sanitize_body(&self) -> Option<TokenStream> {
        match &self.plan.body {
            Body::Struct(shape) => {
                if shape.fields.iter().all(|f| f.sanitize.is_empty()) {
                    return None;
                }
                let pattern = bindings(shape, |f| !f.sanitize.is_empty());
                let code = self.sanitize_shape(shape);
                Some(quote! {
                    let Self { #pattern } = self;
                    #code
                })
            }
            Body::Enum(variants) => {
                if variants
                    .iter()
                    .all(|v| v.shape.fields.iter().all(|f| f.sanitize.is_empty()))
                {
                    return None;
                }
                let arms = variants.iter().map(|v| {
                    let ident = v.ident;
                    let pattern = bindings(&v.shape, |f| !f.sanitize.is_empty());
                    let code = self.sanitize_shape(&v.shape);
                    quote!(Self::#ident { #pattern } => { #code })
                });
                Some(quote! {
                    match self {
                        #(#arms)*
                    }
                })
            }
        }
    }

    fn sanitize_shape(&self, shape: &ShapePlan<'_>) -> TokenStream {
        let code = shape
            .fields
            .iter()
            .map(|f| sanitize_steps(&self.plan.krate, &f.sanitize, &f.binding, 0));
        quote!(#(#code)*)
    }
}

/// The sanitize steps of one value bound to `v`, a `&mut` binding;
/// `depth` numbers the locals of item closures (0 for a field).
pub(crate) fn sanitize_steps(
    krate: &syn::Path,
    steps: &[SanStep],
    v: &Ident,
    depth: usize,
) -> TokenStream {
    let code = steps.iter().map(|step| match step {
        SanStep::Apply(s) => {
            let span = s.name.span();
            let k = krate_at(krate, span);
            let v = Ident::new(&v.to_string(), span);
            match &s.kind {
                SanitizerKind::Plain(name) => {
                    let f = Ident::new(name, span);
                    quote_spanned!(span=> #k::sanitize::#f(&mut *#v);)
                }
                SanitizerKind::StripControl { keep_whitespace } => {
                    quote_spanned!(span=> #k::sanitize::strip_control(&mut *#v, #keep_whitespace);)
                }
                SanitizerKind::Truncate { max, graphemes } => {
                    let f = Ident::new(
                        if *graphemes {
                            "truncate_graphemes"
                        } else {
                            "truncate"
                        },
                        span,
                    );
                    quote_spanned!(span=> #k::sanitize::#f(&mut *#v, #max);)
                }
                SanitizerKind::With(path) => {
                    quote_spanned!(span=> #k::sanitize::apply_with(&mut *#v, #path);)
                }
            }
        }
        SanStep::Nested(n) => {
            let span = n.span();
            let k = krate_at(krate, span);
            let v = Ident::new(&v.to_string(), span);
            quote_spanned!(span=> #k::Validate::sanitize(&mut *#v);)
        }
        SanStep::RuleSet(name, path, ty) => {
            let span = name.span();
            let k = krate_at(krate, span);
            let v = Ident::new(&v.to_string(), span);
            let ty = ty.as_ref().map_or_else(|| quote!(_), |t| quote!(#t));
            quote_spanned!(span=> <#path as #k::RuleSetSanitize<#ty>>::sanitize(&mut *#v);)
        }
        SanStep::Items(kind, name, inner) => {
            let span = name.span();
            let k = krate_at(krate, span);
            let item = format_ident!("__item{}", depth + 1);
            let code = sanitize_steps(krate, inner, &item, depth + 1);
            let v = Ident::new(&v.to_string(), span);
            let call = match kind {
                ItemsKind::Each => quote_spanned!(span=> #k::__private::EachMut::sanitize_each),
                ItemsKind::Keys => quote_spanned!(span=> #k::__private::MapMut::sanitize_keys),
                ItemsKind::Values => quote_spanned!(span=> #k::__private::MapMut::sanitize_values),
            };
            quote_spanned! {span=>
                #call(&mut *#v, |#item| {
                    #code
                });
            }
        }
    });
    quote!(#(#code)*)
}

/// `a: __field_a, 0: __field_0, ..` for the fields `keep` selects.
fn bindings(shape: &ShapePlan<'_>, keep: impl Fn(&FieldPlan<'_>) -> bool) -> TokenStream {
    let pairs = shape.fields.iter().filter(|f| keep(f)).map(|f| {
        let member = &f.member;
        let binding = &f.binding;
        quote!(#member: #binding,)
    });
    quote!(#(#pairs)* ..)
}
