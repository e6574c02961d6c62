//! Code generation from the checked model only.
//!
//! The generated code is plain, straight-line Rust: one `if let ... else if
//! let` chain per value (the first failure ends it), `for` loops over items,
//! no closure and no allocation on the validation path. Every path is
//! absolute (`::core::...`, `::validate_core::...`), and each rule's call
//! carries the rule's span, so a type error points at the rule.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::{Expr, Ident, Type};

use crate::ast::{CharsetItem, ItemsKind, Pattern, Rule, RuleKind, SanitizerKind};
use crate::bounds;
use crate::names;
use crate::pattern;
use crate::plan::*;

/// The two impls, `Validate` and `ValidateIn`, and for a newtype its
/// constructors and accessors.
pub(crate) fn emit(plan: &Plan<'_>) -> TokenStream {
    let impls = emit_impls(plan);
    let newtype = plan.newtype.as_ref().map(|n| crate::newtype::emit(plan, n));
    quote!(#impls #newtype)
}

fn emit_impls(plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let ident = plan.ident;
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
    let body = quote! {
        #guard
        #body
    };
    let (_, ty_generics, _) = plan.generics.split_for_impl();
    let validate_args = quote! {
        &self,
        __ctx: &Self::Context,
        __loc: &#krate::LocChain<'_>,
        __errors: &mut #krate::ValidationErrors
    };
    match &plan.context {
        None => {
            let unit = quote!(());
            let mut generics = plan.generics.clone();
            bounds::extend(&mut generics, bounds::validate(plan, &unit));
            bounds::extend(&mut generics, bounds::sanitize(plan));
            let (impl_generics, _, where_clause) = generics.split_for_impl();

            let outer = quote!(__C);
            let mut in_generics = plan.generics.clone();
            in_generics
                .params
                .push(syn::parse_quote!(__C: ?::core::marker::Sized));
            bounds::extend(&mut in_generics, bounds::validate(plan, &outer));
            let (in_impl_generics, _, in_where_clause) = in_generics.split_for_impl();
            quote! {
                #[automatically_derived]
                impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
                    type Context = ();

                    fn validate_into(#validate_args) {
                        <Self as #krate::ValidateIn<()>>::validate_in(self, __ctx, __loc, __errors)
                    }

                    #sanitize
                }

                #[automatically_derived]
                impl #in_impl_generics #krate::ValidateIn<__C> for #ident #ty_generics #in_where_clause {
                    fn validate_in(
                        &self,
                        __ctx: &__C,
                        __loc: &#krate::LocChain<'_>,
                        __errors: &mut #krate::ValidationErrors,
                    ) {
                        #body
                    }
                }
            }
        }
        Some(context) => {
            let ctx_tokens = quote!(#context);
            let mut generics = plan.generics.clone();
            bounds::extend(&mut generics, bounds::validate(plan, &ctx_tokens));
            bounds::extend(&mut generics, bounds::sanitize(plan));
            let (impl_generics, _, where_clause) = generics.split_for_impl();
            quote! {
                #[automatically_derived]
                impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
                    type Context = #context;

                    fn validate_into(#validate_args) {
                        let ctx: &#context = __ctx;
                        let _ = ctx;
                        #body
                    }

                    #sanitize
                }

                #[automatically_derived]
                impl #impl_generics #krate::ValidateIn<#context> for #ident #ty_generics #where_clause {
                    fn validate_in(
                        &self,
                        __ctx: &#context,
                        __loc: &#krate::LocChain<'_>,
                        __errors: &mut #krate::ValidationErrors,
                    ) {
                        <Self as #krate::Validate>::validate_into(self, __ctx, __loc, __errors)
                    }
                }
            }
        }
    }
}

/// What is emitted beside attribute errors: the two impls with empty
/// bodies, so that the only errors a user sees are about the attributes.
pub(crate) fn fallback(plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let ident = plan.ident;
    let (impl_generics, ty_generics, where_clause) = plan.generics.split_for_impl();
    let (context, in_generics, c) = match &plan.context {
        Some(context) => (quote!(#context), plan.generics.clone(), quote!(#context)),
        None => {
            let mut generics = plan.generics.clone();
            generics
                .params
                .push(syn::parse_quote!(__C: ?::core::marker::Sized));
            (quote!(()), generics, quote!(__C))
        }
    };
    let (in_impl_generics, _, in_where_clause) = in_generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
            type Context = #context;
            fn validate_into(
                &self,
                _: &Self::Context,
                _: &#krate::LocChain<'_>,
                _: &mut #krate::ValidationErrors,
            ) {
            }
        }

        #[automatically_derived]
        impl #in_impl_generics #krate::ValidateIn<#c> for #ident #ty_generics #in_where_clause {
            fn validate_in(&self, _: &#c, _: &#krate::LocChain<'_>, _: &mut #krate::ValidationErrors) {}
        }
    }
}

/// Generates code for one plan; also used by `rule_set!` for the rule
/// calls and sanitizer steps, with a plan that has no fields.
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

/// Sets the span of every token, so errors about generated code land on
/// the attribute token it came from.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

impl Emitter<'_, '_> {
    fn krate_at(&self, span: Span) -> TokenStream {
        let krate = &self.plan.krate;
        respan(quote!(#krate), span)
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
        let customs = self.plan.customs.iter().map(|c| {
            let span = c.name.span();
            let krate = self.krate_at(span);
            let this = Ident::new("self", span);
            let call = call_custom(&krate, &c.path, quote!(#this), c.context.is_some(), span);
            quote_spanned! {span=>
                #krate::__private::StructRuleResult::push_into(#call, __loc, __errors);
            }
        });
        quote! {
            #fields
            #(#customs)*
        }
    }

    fn shape_code(&self, shape: &ShapePlan<'_>) -> TokenStream {
        let fields = shape
            .fields
            .iter()
            .filter_map(|f| self.field_checks(f, shape));
        quote!(#(#fields)*)
    }

    /// One field's checks, reading it from its binding (a reference) and
    /// reporting under `__loc` into `__errors`: what `validate()` runs for
    /// the field. `None` when nothing is checked. The decoder reuses it for
    /// the fields that decoded when a sibling failed.
    pub(crate) fn field_checks(
        &self,
        f: &FieldPlan<'_>,
        shape: &ShapePlan<'_>,
    ) -> Option<TokenStream> {
        let krate = &self.plan.krate;
        let check = f.check.as_ref()?;
        if check.items.is_none() && check.nested.is_none() {
            // Rules alone: the field's loc is built only if one fails.
            let target = LocTarget::Field(&f.loc);
            let code = self.chain(
                &check.rules,
                check.ty.as_ref(),
                &f.binding,
                target,
                shape,
                None,
            );
            return Some(quote!({ #code }));
        }
        let loc = format_ident!("__f0");
        let loc_expr = match &f.loc {
            FieldLoc::Name(name) => quote!(__loc.field(#name)),
            FieldLoc::Index(i) => quote!(__loc.index(#i)),
            FieldLoc::Here => quote!(*__loc),
        };
        let code = self.value_code(check, &f.binding, &loc, 0, shape);
        Some(quote! {
            {
                let #loc: #krate::LocChain<'_> = #loc_expr;
                #code
            }
        })
    }

    /// The checks of one value, bound to `v` (a reference), reporting at
    /// `loc`.
    fn value_code(
        &self,
        plan: &ValuePlan,
        v: &Ident,
        loc: &Ident,
        depth: usize,
        shape: &ShapePlan<'_>,
    ) -> TokenStream {
        if plan.items.is_none() && plan.nested.is_none() {
            return self.chain(
                &plan.rules,
                plan.ty.as_ref(),
                v,
                LocTarget::Bound(loc),
                shape,
                None,
            );
        }
        let before = format_ident!("__before{}", depth);
        let items = plan
            .items
            .as_ref()
            .map(|items| self.items_code(items, v, loc, depth, shape));
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
                shape,
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
                shape,
                Some(inner),
            )
        }
    }

    fn items_code(
        &self,
        items: &ItemsPlan,
        v: &Ident,
        loc: &Ident,
        depth: usize,
        shape: &ShapePlan<'_>,
    ) -> TokenStream {
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
                    let code =
                        self.chain(&plan.rules, plan.ty.as_ref(), &item, target, shape, None);
                    return quote_spanned! {span=>
                        for (#index, #item) in ::core::iter::Iterator::enumerate(#k::__private::each_items(#v)) {
                            #code
                        }
                    };
                }
                let code = self.value_code(plan, &item, &item_loc, d, shape);
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
                    let code = self.value_code(plan, &key, &key_loc, d, shape);
                    quote! {
                        {
                            let #key_loc = #item_loc.field(#krate::error::KEY_MARKER);
                            #code
                        }
                    }
                });
                let values_code = values
                    .as_ref()
                    .map(|plan| self.value_code(plan, &item, &item_loc, d, shape));
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
        rules: &[Rule],
        ty: Option<&Type>,
        v: &Ident,
        loc: LocTarget<'_>,
        shape: &ShapePlan<'_>,
        otherwise: Option<TokenStream>,
    ) -> TokenStream {
        let krate = &self.plan.krate;
        let mut arms = Vec::new();
        for rule in rules {
            let span = rule.name.span();
            let call = self.rule_call(rule, ty, &Ident::new(&v.to_string(), span), shape);
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

    /// The call of one rule: an expression of type
    /// `Result<(), ValidationError>`.
    pub(crate) fn rule_call(
        &self,
        rule: &Rule,
        ty: Option<&Type>,
        v: &Ident,
        shape: &ShapePlan<'_>,
    ) -> TokenStream {
        let span = rule.name.span();
        let k = self.krate_at(span);
        let simple = |name: &str| {
            let f = Ident::new(name, span);
            quote_spanned!(span=> #k::rules::#f(#v))
        };
        match &rule.kind {
            RuleKind::Length {
                min,
                max,
                equal,
                unit,
            } => {
                let unit = unit.as_ref().map_or("Chars", |u| {
                    names::LENGTH_UNITS
                        .iter()
                        .find(|(n, _)| u == n)
                        .map_or("Chars", |(_, variant)| variant)
                });
                let unit = Ident::new(unit, span);
                let bound = |e: Option<&Expr>| match e {
                    Some(e) => quote_spanned!(span=> ::core::ops::Bound::Included::<usize>(#e)),
                    None => quote_spanned!(span=> ::core::ops::Bound::Unbounded::<usize>),
                };
                let (lo, hi) = match equal {
                    Some(eq) => {
                        return quote_spanned! {span=>
                            {
                                let __n: usize = #eq;
                                #k::rules::length_in(
                                    #v,
                                    (::core::ops::Bound::Included(__n), ::core::ops::Bound::Included(__n)),
                                    #k::rules::LengthUnit::#unit,
                                )
                            }
                        };
                    }
                    None => (bound(min.as_ref()), bound(max.as_ref())),
                };
                quote_spanned!(span=> #k::rules::length_in(#v, (#lo, #hi), #k::rules::LengthUnit::#unit))
            }
            RuleKind::Range { min, max, gt, lt } => {
                let lo = match (min, gt) {
                    (Some(e), _) => quote_spanned!(span=> ::core::ops::Bound::Included(#e)),
                    (None, Some(e)) => quote_spanned!(span=> ::core::ops::Bound::Excluded(#e)),
                    (None, None) => quote_spanned!(span=> ::core::ops::Bound::Unbounded),
                };
                let hi = match (max, lt) {
                    (Some(e), _) => quote_spanned!(span=> ::core::ops::Bound::Included(#e)),
                    (None, Some(e)) => quote_spanned!(span=> ::core::ops::Bound::Excluded(#e)),
                    (None, None) => quote_spanned!(span=> ::core::ops::Bound::Unbounded),
                };
                quote_spanned!(span=> #k::rules::range(#v, (#lo, #hi)))
            }
            RuleKind::MultipleOf(n) => quote_spanned!(span=> #k::rules::multiple_of(#v, #n)),
            RuleKind::Pattern(Pattern::Literal(lit))
                if let Some(runs) = pattern::ascii_runs(&lit.value()) =>
            {
                let runs = runs.iter().map(|run| {
                    let set = proc_macro2::Literal::u128_suffixed(run.set);
                    let min = proc_macro2::Literal::usize_suffixed(run.min as usize);
                    let max = match run.max {
                        Some(max) => {
                            let max = proc_macro2::Literal::usize_suffixed(max as usize);
                            quote_spanned!(span=> #max)
                        }
                        None => quote_spanned!(span=> ::core::primitive::usize::MAX),
                    };
                    quote_spanned!(span=> #k::__private::AsciiRun::new(#set, #min, #max))
                });
                quote_spanned! {span=>
                    {
                        static __PATTERN: #k::__private::AsciiPattern =
                            #k::__private::AsciiPattern::new(#lit, &[#(#runs),*]);
                        #k::__private::ascii_pattern(#v, &__PATTERN)
                    }
                }
            }
            RuleKind::Pattern(Pattern::Literal(lit)) => quote_spanned! {span=>
                {
                    static __PATTERN: #k::__private::LazyLock<#k::__private::Regex> =
                        #k::__private::LazyLock::new(|| #k::__private::compile_pattern(#lit));
                    #k::__private::pattern(#v, ::core::ops::Deref::deref(&__PATTERN), #lit)
                }
            },
            RuleKind::Pattern(Pattern::Expr(e)) => {
                quote_spanned!(span=> #k::rules::pattern(#v, &#e))
            }
            RuleKind::Charset(items) => {
                let mut classes = Vec::new();
                let mut chars = String::new();
                let mut ranges = Vec::new();
                for item in items {
                    match item {
                        CharsetItem::Class(c) => {
                            let variant = names::CHAR_CLASSES
                                .iter()
                                .find(|(n, _)| c == n)
                                .map_or("Ascii", |(_, v)| v);
                            let variant = Ident::new(variant, span);
                            classes.push(quote_spanned!(span=> #k::rules::CharClass::#variant));
                        }
                        CharsetItem::Chars(s) => chars.push_str(s),
                        CharsetItem::Range(a, b) => ranges.push(quote_spanned!(span=> (#a, #b))),
                    }
                }
                quote_spanned! {span=>
                    {
                        static __CHARSET: #k::rules::Charset =
                            #k::rules::Charset::new(&[#(#classes),*], #chars, &[#(#ranges),*]);
                        static __ALLOWED: #k::__private::CachedText = #k::__private::CachedText::new();
                        #k::__private::charset(#v, &__CHARSET, &__ALLOWED)
                    }
                }
            }
            RuleKind::Email => simple("email"),
            RuleKind::Url { schemes: None } => simple("url"),
            RuleKind::Url {
                schemes: Some(list),
            } => quote_spanned!(span=> #k::rules::url_with_schemes(#v, &[#(#list),*])),
            RuleKind::Ip => simple("ip"),
            RuleKind::Ipv4 => simple("ipv4"),
            RuleKind::Ipv6 => simple("ipv6"),
            RuleKind::Uuid => simple("uuid"),
            RuleKind::CreditCard => simple("credit_card"),
            RuleKind::Substring(f, e) => {
                let f = Ident::new(f, span);
                quote_spanned!(span=> #k::rules::#f(#v, #e))
            }
            RuleKind::OneOf(choices) => {
                quote_spanned!(span=> #k::rules::one_of(#v, &[#(#choices),*]))
            }
            RuleKind::NoInvisible => simple("no_invisible"),
            RuleKind::NoControl => simple("no_control"),
            RuleKind::SingleScript => simple("single_script"),
            RuleKind::SafeFilename {
                extensions: None,
                allow_leading_dot: None,
            } => simple("safe_filename"),
            RuleKind::SafeFilename {
                extensions,
                allow_leading_dot,
            } => {
                let ext = extensions
                    .as_ref()
                    .map(|list| quote_spanned!(span=> .extensions(&[#(#list),*])));
                let dot = allow_leading_dot
                    .as_ref()
                    .map(|b| quote_spanned!(span=> .allow_leading_dot(#b)));
                quote_spanned! {span=>
                    {
                        static __POLICY: #k::rules::FilenamePolicy =
                            #k::rules::FilenamePolicy::new() #ext #dot;
                        #k::rules::safe_filename_with(#v, &__POLICY)
                    }
                }
            }
            RuleKind::Required => quote_spanned!(span=> #k::__private::required(#v)),
            RuleKind::MustMatch(other) => {
                let target = shape
                    .fields
                    .iter()
                    .find(|f| f.ident.is_some_and(|i| i == other));
                match target {
                    Some(f) => {
                        let b = Ident::new(&f.binding.to_string(), span);
                        let name = f.loc.display_name();
                        quote_spanned!(span=> #k::__private::must_match(#v, #b, #name))
                    }
                    // check.rs rejected a missing target; nothing to call.
                    None => {
                        quote_spanned!(span=> ::core::result::Result::<(), #k::ValidationError>::Ok(()))
                    }
                }
            }
            RuleKind::Custom(c) => {
                let layers = option_layers(ty);
                let mut inner = v.clone();
                let mut wrap: Vec<Ident> = Vec::new();
                for d in 0..layers {
                    let next = format_ident!("__some{}", d, span = span);
                    wrap.push(inner.clone());
                    inner = next;
                }
                let mut call = call_custom(&k, &c.path, quote!(#inner), c.context.is_some(), span);
                for (d, outer) in wrap.iter().enumerate().rev() {
                    let bound = format_ident!("__some{}", d, span = span);
                    call = quote_spanned! {span=>
                        match #outer {
                            ::core::option::Option::Some(#bound) => #call,
                            ::core::option::Option::None => ::core::result::Result::Ok(()),
                        }
                    };
                }
                call
            }
            // The path keeps its own spans: a rule set that cannot read the
            // field's type is reported on it. The value's type is written
            // out when known: inference would otherwise take it from a
            // where-clause `Set: RuleSet<X>` in scope.
            RuleKind::Set(path) => {
                let ty = ty.map_or_else(|| quote!(_), |t| quote!(#t));
                quote_spanned!(span=> <#path as #k::RuleSet<#ty>>::check(#v))
            }
        }
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
            .map(|f| self.sanitize_steps(&f.sanitize, &f.binding, 0));
        quote!(#(#code)*)
    }

    /// `v` is a `&mut` binding.
    pub(crate) fn sanitize_steps(&self, steps: &[SanStep], v: &Ident, depth: usize) -> TokenStream {
        let code = steps.iter().map(|step| match step {
            SanStep::Apply(s) => {
                let span = s.name.span();
                let k = self.krate_at(span);
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
                            if *graphemes { "truncate_graphemes" } else { "truncate" },
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
                let k = self.krate_at(span);
                let v = Ident::new(&v.to_string(), span);
                quote_spanned!(span=> #k::Validate::sanitize(&mut *#v);)
            }
            SanStep::RuleSet(name, path, ty) => {
                let span = name.span();
                let k = self.krate_at(span);
                let v = Ident::new(&v.to_string(), span);
                let ty = ty.as_ref().map_or_else(|| quote!(_), |t| quote!(#t));
                quote_spanned!(span=> <#path as #k::RuleSetSanitize<#ty>>::sanitize(&mut *#v);)
            }
            SanStep::Items(kind, name, inner) => {
                let span = name.span();
                let k = self.krate_at(span);
                let item = format_ident!("__item{}", depth + 1);
                let code = self.sanitize_steps(inner, &item, depth + 1);
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
}

/// The error `__e` of a failed rule, with the rule's `message` / `code`
/// overrides applied.
pub(crate) fn rule_error(rule: &Rule) -> TokenStream {
    let span = rule.name.span();
    let mut err = quote_spanned!(span=> __e);
    if let Some(m) = &rule.message {
        err = quote_spanned!(span=> #err.with_message(#m));
    }
    if let Some(c) = &rule.code {
        err = quote_spanned!(span=> #err.with_code(#c));
    }
    err
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

/// `path(value)` or `path(value, __ctx)`; an expression that is not a path
/// (a closure) goes through a helper instead of being called in place.
fn call_custom(
    krate: &TokenStream,
    path: &Expr,
    value: TokenStream,
    context: bool,
    span: Span,
) -> TokenStream {
    match (path, context) {
        (Expr::Path(_), false) => quote_spanned!(span=> #path(#value)),
        (Expr::Path(_), true) => quote_spanned!(span=> #path(#value, __ctx)),
        (other, false) => quote_spanned!(span=> #krate::__private::call_custom(#other, #value)),
        (other, true) => {
            quote_spanned!(span=> #krate::__private::call_custom_with(#other, #value, __ctx))
        }
    }
}

/// How many `Option` layers wrap a type as written (`Option<Option<T>>`:
/// 2); `custom` receives what is inside and is skipped for `None`.
fn option_layers(ty: Option<&Type>) -> usize {
    let mut n = 0;
    let mut ty = ty;
    while let Some(Type::Path(p)) = ty {
        let Some(last) = p.path.segments.last() else {
            break;
        };
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            break;
        };
        if last.ident != "Option" || args.args.len() != 1 {
            break;
        }
        let Some(syn::GenericArgument::Type(inner)) = args.args.first() else {
            break;
        };
        n += 1;
        ty = Some(inner);
    }
    n
}
