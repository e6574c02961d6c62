//! One rule as a `validate_core::schema::SchemaRule` expression, with its
//! arguments evaluated as the checks evaluate them, and the `x-validate`
//! parameters of the rules and sanitizers no keyword says.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Expr, Ident};

use super::Schemas;
use crate::ast::{Custom, Sanitizer, SanitizerKind};
use crate::emit::rule::charset_static;
use crate::formats::Schema;
use crate::plan::*;

impl Schemas {
    /// One rule as a `SchemaRule` expression.
    pub(super) fn rule(
        &self,
        name: &Ident,
        check: &Check,
        length: Option<MergedLength<'_>>,
        fields: &[FieldPlan<'_>],
    ) -> TokenStream {
        let k = &self.k;
        let name = name.to_string();
        let rule = quote!(#k::SchemaRule);
        if self.reads_context(check, length.as_ref()) {
            return self.unexpressed(&name, quote!("context": true));
        }
        let number = |e: &Expr| quote!({ let __b = &#k::Bound(&#e); __b.json_number() });
        match check {
            Check::Length(plan) => {
                let (min, max) = match length {
                    Some(MergedLength { min, max }) => (min, max),
                    None => bounds(&plan.bounds),
                };
                // Through `Bound`, so a bound of a wrong type is the check's
                // error alone.
                let count = |e: Option<&Expr>| match e {
                    Some(e) => {
                        let n = number(e);
                        quote!(#n.and_then(|__n| __n.as_u64()))
                    }
                    None => quote!(::core::option::Option::None),
                };
                let (min, max) = (count(min), count(max));
                let unit = Ident::new(plan.unit.variant(), Span::call_site());
                quote!(#rule::Length { min: #min, max: #max, unit: #k::rules::LengthUnit::#unit })
            }
            Check::Range { lower, upper } => {
                let limit = |l: &Limit, inclusive: bool| match l {
                    Limit::Included(e) if inclusive => {
                        let n = number(e);
                        quote!(::core::option::Option::Some(#n))
                    }
                    Limit::Excluded(e) if !inclusive => {
                        let n = number(e);
                        quote!(::core::option::Option::Some(#n))
                    }
                    _ => quote!(::core::option::Option::None),
                };
                let (min, gt) = (limit(lower, true), limit(lower, false));
                let (max, lt) = (limit(upper, true), limit(upper, false));
                quote!(#k::range(#min, #max, #gt, #lt))
            }
            Check::MultipleOf(e) => {
                let n = number(e);
                let other = self.unexpressed(&name, quote!());
                quote! {
                    match #n {
                        ::core::option::Option::Some(__n) => #rule::MultipleOf(__n),
                        ::core::option::Option::None => #other,
                    }
                }
            }
            Check::Pattern(PatternPlan::Bytes { literal, .. } | PatternPlan::Regex(literal)) => {
                quote!(#rule::Pattern(#literal))
            }
            // Inline, not in a block: a temporary `Regex` then lives as
            // long as the statement that applies the rule.
            Check::Pattern(PatternPlan::Expr(e)) => {
                quote!(#rule::Pattern(#k::pattern_text(&#e)))
            }
            Check::Charset(plan) => {
                let charset = charset_static(k, plan, Span::call_site());
                quote!({ #charset #rule::Charset(&__CHARSET) })
            }
            Check::Format(f) => match f.schema {
                Schema::Rule(variant) => {
                    let variant = Ident::new(variant, Span::call_site());
                    quote!(#rule::#variant)
                }
                Schema::Format(format) => quote!(#rule::Format { format: #format, rule: #name }),
                Schema::Unexpressed => self.unexpressed(&name, quote!()),
            },
            Check::Url { schemes: None } => quote!(#rule::Url(&["http", "https"])),
            Check::Url {
                schemes: Some(list),
            } => quote!(#rule::Url(&[#(#list),*])),
            Check::Substring(f, e) => {
                let variant = match *f {
                    "contains" => "Contains",
                    "not_contains" => "NotContains",
                    "prefix" => "Prefix",
                    _ => "Suffix",
                };
                let variant = Ident::new(variant, Span::call_site());
                let other = self.unexpressed(&name, quote!());
                // Inline: the text borrows from `#e`, a temporary perhaps.
                quote! {
                    match (&#k::Bound(&#e)).json_text() {
                        ::core::option::Option::Some(__t) => #rule::#variant(__t),
                        ::core::option::Option::None => #other,
                    }
                }
            }
            // No keyword bounds a date: the bounds as the entry's params.
            Check::DateRange { lower, upper } => {
                let text = |d: &crate::civil::CivilDate| {
                    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
                };
                let params = [(lower, "min", "gt"), (upper, "max", "lt")]
                    .into_iter()
                    .filter_map(|(b, incl, excl)| match b {
                        std::ops::Bound::Included(d) => Some((incl, text(d))),
                        std::ops::Bound::Excluded(d) => Some((excl, text(d))),
                        std::ops::Bound::Unbounded => None,
                    })
                    .map(|(k, v)| quote!(#k: #v));
                self.unexpressed(&name, quote!(#(#params),*))
            }
            Check::OneOfList(list) => {
                let other = self.unexpressed(&name, quote!());
                quote! {
                    match (&#k::Bound(&#list)).json_values() {
                        ::core::option::Option::Some(__choices) => #k::one_of(__choices),
                        ::core::option::Option::None => #other,
                    }
                }
            }
            Check::OneOf(choices) => {
                let choices = choices
                    .iter()
                    .map(|c| quote!({ let __b = &#k::Bound(&#c); __b.json_value() }));
                quote!(#k::one_of(::std::vec![#(#choices),*]))
            }
            Check::SafeFilename {
                extensions,
                allow_leading_dot,
            } => {
                let ext = extensions.as_ref().map(|l| quote!("extensions": [#(#l),*]));
                let dot = allow_leading_dot
                    .as_ref()
                    .map(|b| quote!("allow_leading_dot": #b));
                let params = ext.into_iter().chain(dot);
                self.unexpressed(&name, quote!(#(#params),*))
            }
            Check::MustMatch(target) => {
                // The other field's wire name, as the schema names it.
                let other = fields
                    .iter()
                    .find(|f| f.ident == Some(&target.ident))
                    .and_then(|f| match &f.schema {
                        SchemaPlace::Property(n) => Some(n.clone()),
                        _ => None,
                    })
                    .unwrap_or_else(|| target.name.clone());
                self.unexpressed(&name, quote!("field": #other))
            }
            Check::Custom(c) => self.unexpressed(&name, custom_params(c)),
            // Handled by `value`: they are not one rule of the value.
            Check::Required | Check::Set(_) => self.unexpressed(&name, quote!()),
        }
    }

    /// `SchemaRule::Unexpressed { rule, params }`, the params written as
    /// the inside of a `json!` object.
    pub(super) fn unexpressed(&self, rule: &str, params: TokenStream) -> TokenStream {
        let k = &self.k;
        let params = self.params(params);
        quote! {
            #k::SchemaRule::Unexpressed { rule: #rule, params: #params }
        }
    }

    /// An entry's params from the inside of a `json!` object.
    pub(super) fn params(&self, params: TokenStream) -> TokenStream {
        let k = &self.k;
        if params.is_empty() {
            quote!(#k::Object::new())
        } else {
            quote!(#k::params(#k::__json!({ #params })))
        }
    }

    /// Whether an argument of the rule reads the validation context (`ctx`),
    /// which a schema is written without.
    fn reads_context(&self, check: &Check, length: Option<&MergedLength<'_>>) -> bool {
        if !self.has_context {
            return false;
        }
        let args: Vec<&Expr> = match check {
            Check::Length(plan) => match length {
                Some(m) => m.min.into_iter().chain(m.max).collect(),
                None => {
                    let (min, max) = bounds(&plan.bounds);
                    min.into_iter().chain(max).collect()
                }
            },
            Check::Range { lower, upper } => [lower, upper]
                .into_iter()
                .filter_map(|l| match l {
                    Limit::Included(e) | Limit::Excluded(e) => Some(e),
                    Limit::Unbounded => None,
                })
                .collect(),
            Check::MultipleOf(e) | Check::Substring(_, e) => vec![e],
            Check::Pattern(PatternPlan::Expr(e)) => vec![e],
            Check::OneOf(choices) => choices.iter().collect(),
            _ => Vec::new(),
        };
        args.iter().any(|e| mentions_ctx(quote!(#e)))
    }
}

/// A `length` put back together: the plan splits a collection's `length`
/// into its maximum (checked before the items) and its minimum.
#[derive(Clone, Copy)]
pub(super) struct MergedLength<'p> {
    min: Option<&'p Expr>,
    max: Option<&'p Expr>,
}

/// A rule to write, with its `length` bounds when merged.
pub(super) struct Written<'p> {
    pub(super) name: &'p Ident,
    pub(super) check: &'p Check,
    pub(super) length: Option<MergedLength<'p>>,
}

/// The rules with a split `length` written once (a value has at most one
/// `length`: `check` refuses a second).
pub(super) fn merge_length(rules: Vec<&RulePlan>) -> Vec<Written<'_>> {
    let lengths: Vec<&LengthPlan> = rules
        .iter()
        .filter_map(|r| match &r.check {
            Check::Length(l) => Some(l),
            _ => None,
        })
        .collect();
    let merged = (lengths.len() > 1).then(|| MergedLength {
        min: lengths.iter().find_map(|l| bounds(&l.bounds).0),
        max: lengths.iter().find_map(|l| bounds(&l.bounds).1),
    });
    let mut seen_length = false;
    rules
        .into_iter()
        .filter_map(|r| {
            if let Check::Length(_) = r.check {
                if seen_length {
                    return None;
                }
                seen_length = true;
            }
            Some(Written {
                name: &r.name,
                check: &r.check,
                length: merged.filter(|_| matches!(r.check, Check::Length(_))),
            })
        })
        .collect()
}

/// `(min, max)` of a `length`.
fn bounds(b: &LengthBounds) -> (Option<&Expr>, Option<&Expr>) {
    match b {
        LengthBounds::Between { min, max } => (min.as_ref(), max.as_ref()),
        LengthBounds::Equal(n) => (Some(n), Some(n)),
    }
}

/// A sanitizer's name and its params (the inside of a `json!` object).
pub(super) fn sanitizer(s: &Sanitizer) -> (String, TokenStream) {
    let name = s.name.to_string();
    let params = match &s.kind {
        SanitizerKind::Plain(_) => quote!(),
        SanitizerKind::StripControl { keep_whitespace } => {
            quote!("keep_whitespace": #keep_whitespace)
        }
        SanitizerKind::Truncate { max, graphemes } => {
            let unit = if *graphemes { "graphemes" } else { "chars" };
            quote!("max": ::core::convert::identity::<usize>(#max), "unit": #unit)
        }
        SanitizerKind::With(e) => {
            let function = source_text(e);
            quote!("function": #function)
        }
    };
    (name, params)
}

/// A `custom` rule's params: the function's path, when it is one.
pub(super) fn custom_params(c: &Custom) -> TokenStream {
    let function = source_text(&c.path);
    let context = c.context.as_ref().map(|_| quote!(, "context": true));
    quote!("function": #function #context)
}

/// Tokens as their source text, without the spaces the token printer puts
/// around `::` (a function's or a rule set's name in an `x-validate`
/// entry).
pub(super) fn source_text(t: &impl quote::ToTokens) -> String {
    quote!(#t).to_string().replace(" :: ", "::")
}

/// Whether the tokens name `ctx`, the validation context's binding.
fn mentions_ctx(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Ident(i) => i == "ctx",
        proc_macro2::TokenTree::Group(g) => mentions_ctx(g.stream()),
        _ => false,
    })
}
