//! The `validate_core::schema::ValidateSchema` impl: each field's rules as
//! calls that add them to the schema schemars wrote for the type, written
//! from the same plan as the checks (so the two cannot drift apart).
//!
//! Written only with the derive's feature `schema`, which validate-core's
//! feature `schema` turns on. Fields are found by their serde wire name (schemars names properties as
//! serde does); a rule whose argument reads the context becomes an
//! `x-validate` entry (there is no context when a schema is written).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, Path};

use crate::ast::ItemsKind;
use crate::plan::*;

mod rule;

use rule::{custom_params, merge_length, sanitizer, source_text};

/// The `ValidateSchema` impl of a derive.
pub(crate) fn emit(plan: &Plan<'_>) -> TokenStream {
    let ident = plan.ident;
    let (impl_generics, ty_generics, where_clause) = plan.generics.split_for_impl();
    let s = Schemas {
        k: schema_path(&plan.krate),
        has_context: plan.context.is_some(),
    };
    let k = &s.k;
    let parent = format_ident!("__schema");
    let body = match &plan.body {
        Body::Struct(shape) => s.shape(shape, &parent),
        Body::Enum(variants) => {
            let variants = variants.iter().enumerate().map(|(index, v)| {
                let code = s.shape(&v.shape, &format_ident!("__variant"));
                if code.is_empty() {
                    return code;
                }
                let wire = &v.wire;
                let tagging = tagging(&s.k, &plan.tagging, index);
                quote! {
                    if let ::core::option::Option::Some(__variant) =
                        #k::variant(#parent, #tagging, #wire)
                    {
                        #code
                    }
                }
            });
            quote!(#(#variants)*)
        }
    };
    let customs = plan.customs.iter().map(|c| {
        let rule = s.unexpressed(&c.custom.name.to_string(), custom_params(&c.custom));
        quote!(#k::apply(#parent, &#rule);)
    });
    let head = quote!(impl #impl_generics #k::ValidateSchema for #ident #ty_generics #where_clause);
    wrap(&s.k, head, &parent, quote!(#body #(#customs)*))
}

/// `rule_set!`'s `ValidateSchema` impl for the set `ident`: its rules and
/// sanitizers, added wherever `rule(Set)` stands.
pub(crate) fn set_impl(
    krate: &Path,
    ident: &Ident,
    rules: &[RulePlan],
    sanitize: &[SanStep],
) -> TokenStream {
    let s = Schemas {
        k: schema_path(krate),
        has_context: false,
    };
    let target = format_ident!("__schema");
    let k = &s.k;
    let head = quote!(impl #k::ValidateSchema for #ident);
    wrap(&s.k, head, &target, s.set_rules(rules, sanitize, &target))
}

/// `validate_core::schema` as the generated code names it: through the
/// module's alias named after the version stamp, so a validate-core of
/// another version fails on a path that names both versions, first (a
/// missing module on a path is reported before the stamp's missing value).
fn schema_path(krate: &Path) -> TokenStream {
    let stamp = crate::emit::stamp_ident();
    quote!(#krate::__private::#stamp)
}

/// The impl `head { fn add_rules(target) { body } }`.
fn wrap(k: &TokenStream, head: TokenStream, target: &Ident, body: TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        #head {
                fn add_rules(#target: &mut #k::Object) {
                    // The dispatch of rule arguments that may or may not be
                    // JSON values (`Bound`), and of rule sets
                    // (`SetSchema`).
                    #[allow(unused_imports)]
                    use #k::{
                        ListBound as _, NumberBound as _, OtherBound as _, OtherList as _,
                        OtherSetRules as _, OtherText as _, OtherValue as _, SetRules as _,
                        TextBound as _, ValueBound as _,
                    };
                    #body
                }
        }
    }
}

impl Schemas {
    /// The statements that add a rule set's rules and sanitizers to
    /// schema `target`.
    fn set_rules(&self, rules: &[RulePlan], sanitize: &[SanStep], target: &Ident) -> TokenStream {
        let (s, krate) = (self, &self.k);
        let mut out = s.sanitizers(sanitize, target);
        let (code, required) = s.value(None, rules.iter().collect(), target, &[]);
        out.extend(code);
        if required {
            out.extend(quote!(#krate::apply(#target, &#krate::SchemaRule::Required);));
        }
        out
    }
}

/// What every rule's code needs.
struct Schemas {
    k: TokenStream,
    has_context: bool,
}

impl Schemas {
    /// The fields of a struct or variant, whose schema is `parent`.
    fn shape(&self, shape: &ShapePlan<'_>, parent: &Ident) -> TokenStream {
        let k = &self.k;
        let mut out = TokenStream::new();
        for field in &shape.fields {
            let f = format_ident!("__f");
            let mut code = self.sanitizers(&field.sanitize, &f);
            let mut required = false;
            if let Some(check) = &field.check {
                let (c, r) = self.value(check.items.as_ref(), all_rules(check), &f, &shape.fields);
                code.extend(c);
                required = r;
            }
            let find = match &field.schema {
                SchemaPlace::Absent => continue,
                SchemaPlace::Property(name) => quote!(#k::property(#parent, #name)),
                SchemaPlace::Position(i) => quote!(#k::prefix_item(#parent, #i)),
                SchemaPlace::Itself => quote!(::core::option::Option::Some(&mut *#parent)),
            };
            if !code.is_empty() {
                out.extend(quote! {
                    if let ::core::option::Option::Some(#f) = #find {
                        #code
                    }
                });
            }
            if required {
                out.extend(match &field.schema {
                    SchemaPlace::Property(name) => quote!(#k::require(#parent, #name);),
                    _ => quote! {
                        if let ::core::option::Option::Some(#f) = #find {
                            #k::apply(#f, &#k::SchemaRule::Required);
                        }
                    },
                });
            }
        }
        out
    }

    /// The statements for one value's checks on schema `v`, and whether it
    /// is `required` (which its parent says, for a property).
    fn value(
        &self,
        items: Option<&ItemsPlan>,
        rules: Vec<&RulePlan>,
        v: &Ident,
        fields: &[FieldPlan<'_>],
    ) -> (TokenStream, bool) {
        let k = &self.k;
        let mut out = TokenStream::new();
        let mut required = false;
        for rule in merge_length(rules) {
            match (&rule.check, rule.length) {
                (Check::Required, _) => required = true,
                (Check::Set(path), _) => {
                    let name = source_text(path);
                    out.extend(quote! {
                        {
                            let __set = &#k::SetSchema::<#path>::new();
                            __set.add_set_rules(#v, #name);
                        }
                    });
                }
                (check, length) => {
                    let expr = self.rule(rule.name, check, length, fields);
                    out.extend(quote!(#k::apply(#v, &#expr);));
                }
            }
        }
        match items {
            None => {}
            Some(ItemsPlan::Each { plan, .. }) => {
                out.extend(self.items(ItemsKind::Each, plan, v));
            }
            Some(ItemsPlan::Map { keys, values, .. }) => {
                if let Some(keys) = keys {
                    out.extend(self.items(ItemsKind::Keys, keys, v));
                }
                if let Some(values) = values {
                    out.extend(self.items(ItemsKind::Values, values, v));
                }
            }
        }
        (out, required)
    }

    /// `code` on the items, keys or values of schema `v`.
    fn within(&self, kind: ItemsKind, v: &Ident, code: TokenStream) -> TokenStream {
        if code.is_empty() {
            return code;
        }
        let k = &self.k;
        let item = format_ident!("__item");
        match kind {
            ItemsKind::Each => quote! {
                if let ::core::option::Option::Some(#item) = #k::items(#v) { #code }
            },
            ItemsKind::Keys => quote! {
                { let #item = #k::property_names(#v); #code }
            },
            ItemsKind::Values => quote! {
                if let ::core::option::Option::Some(#item) =
                    #k::additional_properties(#v) { #code }
            },
        }
    }

    fn items(&self, kind: ItemsKind, plan: &ValuePlan, v: &Ident) -> TokenStream {
        let k = &self.k;
        let item = format_ident!("__item");
        let (mut code, required) = self.value(plan.items.as_ref(), all_rules(plan), &item, &[]);
        if required {
            code.extend(quote!(#k::apply(#item, &#k::SchemaRule::Required);));
        }
        self.within(kind, v, code)
    }

    /// The sanitizers of a value as `x-validate` entries, in the order
    /// written (a rule set's come with its `rule(..)` check).
    fn sanitizers(&self, steps: &[SanStep], v: &Ident) -> TokenStream {
        let k = &self.k;
        let mut out = TokenStream::new();
        for step in steps {
            match step {
                SanStep::Apply(s) => {
                    let (name, params) = sanitizer(s);
                    let params = self.params(params);
                    out.extend(quote! {
                        #k::apply(#v, &#k::SchemaRule::Sanitizer {
                            name: #name,
                            params: #params,
                        });
                    });
                }
                SanStep::Items(kind, _, steps) => {
                    let item = format_ident!("__item");
                    let code = self.sanitizers(steps, &item);
                    out.extend(self.within(*kind, v, code));
                }
                SanStep::Nested(_) | SanStep::RuleSet(..) => {}
            }
        }
        out
    }
}

/// The guards then the rules of a value.
fn all_rules(plan: &ValuePlan) -> Vec<&RulePlan> {
    plan.guards.iter().chain(&plan.rules).collect()
}

/// The tokens of a `Tagging` for variant number `index`.
fn tagging(k: &TokenStream, tagging: &Tagging, index: usize) -> TokenStream {
    match tagging {
        Tagging::External => quote!(#k::Tagging::External),
        Tagging::Internal { tag } => quote!(#k::Tagging::Internal { tag: #tag }),
        Tagging::Adjacent { tag, content } => {
            quote!(#k::Tagging::Adjacent { tag: #tag, content: #content })
        }
        Tagging::Untagged => quote!(#k::Tagging::Untagged { index: #index }),
    }
}
