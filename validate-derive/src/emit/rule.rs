//! The call of one rule: an expression of type `Result<(), ValidationError>`
//! written from the rule's plan alone (the derive and `rule_set!` both call
//! it), with the rule's span on every token so a type error points at the
//! rule.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::{Expr, Ident, Path, Type};

use std::ops::Bound;

use crate::civil::CivilDate;
use crate::plan::*;

/// Sets the span of every token, so errors about generated code land on
/// the attribute token it came from.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
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

/// The path of validate-core, spanned at `span`.
pub(crate) fn krate_at(krate: &Path, span: Span) -> TokenStream {
    respan(quote!(#krate), span)
}

/// The call of `rule` on the value bound to `v` (a reference), whose type
/// as written is `ty` when known.
pub(crate) fn rule_call(
    krate: &Path,
    rule: &RulePlan,
    ty: Option<&Type>,
    v: &Ident,
) -> TokenStream {
    let span = rule.name.span();
    let k = krate_at(krate, span);
    match &rule.check {
        Check::Length(LengthPlan { bounds, unit }) => {
            let unit = Ident::new(unit.variant(), span);
            let unit = quote_spanned!(span=> #k::rules::LengthUnit::#unit);
            match bounds {
                LengthBounds::Equal(eq) => quote_spanned! {span=>
                    {
                        let __n: usize = #eq;
                        #k::rules::length_in(
                            #v,
                            (::core::ops::Bound::Included(__n), ::core::ops::Bound::Included(__n)),
                            #unit,
                        )
                    }
                },
                LengthBounds::Between { min, max } => {
                    let bound = |e: Option<&Expr>| match e {
                        Some(e) => quote_spanned!(span=> ::core::ops::Bound::Included::<usize>(#e)),
                        None => quote_spanned!(span=> ::core::ops::Bound::Unbounded::<usize>),
                    };
                    let (lo, hi) = (bound(min.as_ref()), bound(max.as_ref()));
                    quote_spanned!(span=> #k::rules::length_in(#v, (#lo, #hi), #unit))
                }
            }
        }
        Check::Range { lower, upper } => {
            let limit = |l: &Limit| match l {
                Limit::Included(e) => quote_spanned!(span=> ::core::ops::Bound::Included(#e)),
                Limit::Excluded(e) => quote_spanned!(span=> ::core::ops::Bound::Excluded(#e)),
                Limit::Unbounded => quote_spanned!(span=> ::core::ops::Bound::Unbounded),
            };
            let (lo, hi) = (limit(lower), limit(upper));
            quote_spanned!(span=> #k::__private::range(#lo, #hi, #v))
        }
        Check::MultipleOf(n) => quote_spanned!(span=> #k::rules::multiple_of(#v, #n)),
        Check::Pattern(PatternPlan::Bytes { literal, runs }) => {
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
                        #k::__private::AsciiPattern::new(#literal, &[#(#runs),*]);
                    #k::__private::ascii_pattern(#v, &__PATTERN)
                }
            }
        }
        Check::Pattern(PatternPlan::Regex(literal)) => quote_spanned! {span=>
            {
                static __PATTERN: #k::__private::LazyLock<#k::__private::Regex> =
                    #k::__private::LazyLock::new(|| #k::__private::compile_pattern(#literal));
                #k::__private::pattern(#v, ::core::ops::Deref::deref(&__PATTERN), #literal)
            }
        },
        Check::Pattern(PatternPlan::Expr(e)) => quote_spanned!(span=> #k::rules::pattern(#v, &#e)),
        Check::Charset(plan) => {
            let charset = charset_static(&k, plan, span);
            quote_spanned! {span=>
                {
                    #charset
                    static __ALLOWED: #k::__private::CachedText = #k::__private::CachedText::new();
                    #k::__private::charset(#v, &__CHARSET, &__ALLOWED)
                }
            }
        }
        Check::Format(f) => {
            let path = f.function.iter().map(|s| Ident::new(s, span));
            quote_spanned!(span=> #k #(::#path)*(#v))
        }
        Check::DateRange { lower, upper } => {
            let date = quote_spanned!(span=> #k::jiff::civil::Date);
            let bound = |b: &Bound<CivilDate>| {
                let (variant, d) = match b {
                    Bound::Included(d) => ("Included", d),
                    Bound::Excluded(d) => ("Excluded", d),
                    Bound::Unbounded => {
                        return quote_spanned!(span=> ::core::ops::Bound::Unbounded::<#date>);
                    }
                };
                let variant = Ident::new(variant, span);
                let y = proc_macro2::Literal::i16_suffixed(d.year);
                let m = proc_macro2::Literal::i8_suffixed(d.month);
                let d = proc_macro2::Literal::i8_suffixed(d.day);
                quote_spanned!(span=> ::core::ops::Bound::#variant(#k::jiff::civil::date(#y, #m, #d)))
            };
            let (lo, hi) = (bound(lower), bound(upper));
            // A constant: the dates are built once, at compile time.
            quote_spanned! {span=>
                {
                    const __BOUNDS: (::core::ops::Bound<#date>, ::core::ops::Bound<#date>) = (#lo, #hi);
                    #k::rules::date_range(#v, __BOUNDS)
                }
            }
        }
        Check::Url { schemes: None } => quote_spanned!(span=> #k::rules::url(#v)),
        Check::Url {
            schemes: Some(list),
        } => quote_spanned!(span=> #k::rules::url_with_schemes(#v, &[#(#list),*])),
        Check::Substring(f, e) => {
            let f = Ident::new(f, span);
            quote_spanned!(span=> #k::rules::#f(#v, #e))
        }
        Check::OneOf(choices) => quote_spanned!(span=> #k::rules::one_of(#v, &[#(#choices),*])),
        Check::OneOfList(list) => quote_spanned!(span=> #k::__private::one_of_list(#v, &#list)),
        Check::SafeFilename {
            extensions: None,
            allow_leading_dot: None,
        } => quote_spanned!(span=> #k::rules::safe_filename(#v)),
        Check::SafeFilename {
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
        Check::Required => quote_spanned!(span=> #k::__private::required(#v)),
        Check::MustMatch(target) => {
            let b = Ident::new(&target.binding.to_string(), span);
            let name = &target.name;
            // The compiler picks the comparison (strings or `PartialEq`)
            // from the two types: see validate-core's `__private::MatchBy`.
            quote_spanned! {span=>
                {
                    use #k::__private::MatchBy as _;
                    let __pair = #k::__private::MatchPair(#v, #b);
                    (&__pair).match_by().must_match(__pair, #name)
                }
            }
        }
        Check::Custom(c) => {
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
        // field's type is reported on it. The value's type is written out
        // when known: inference would otherwise take it from a where-clause
        // `Set: RuleSet<X>` in scope.
        Check::Set(path) => {
            let ty = ty.map_or_else(|| quote!(_), |t| quote!(#t));
            quote_spanned!(span=> <#path as #k::RuleSet<#ty>>::check(#v))
        }
    }
}

/// `static __CHARSET: Charset = ..;`, the allow-list of a `charset` rule
/// (`k` is validate-core's path).
pub(crate) fn charset_static(k: &TokenStream, plan: &CharsetPlan, span: Span) -> TokenStream {
    let CharsetPlan {
        classes,
        chars,
        ranges,
    } = plan;
    let classes = classes.iter().map(|c| {
        let variant = Ident::new(c.variant, span);
        quote_spanned!(span=> #k::rules::CharClass::#variant)
    });
    let ranges = ranges.iter().map(|(a, b)| quote_spanned!(span=> (#a, #b)));
    quote_spanned! {span=>
        static __CHARSET: #k::rules::Charset =
            #k::rules::Charset::new(&[#(#classes),*], #chars, &[#(#ranges),*]);
    }
}

/// The error `__e` of a failed rule, with the rule's `message` / `code`
/// overrides applied.
pub(crate) fn rule_error(rule: &RulePlan) -> TokenStream {
    let span = rule.name.span();
    let mut err = quote_spanned!(span=> __e);
    match &rule.message {
        Some(MessagePlan::Text(m)) => err = quote_spanned!(span=> #err.with_message(#m)),
        Some(MessagePlan::Template(t)) => {
            err = quote_spanned!(span=> #err.with_message_template(#t));
        }
        None => {}
    }
    if let Some(c) = &rule.code {
        err = quote_spanned!(span=> #err.with_code(#c));
    }
    err
}

/// `path(value)` or `path(value, __ctx)`; an expression that is not a path
/// (a closure) goes through a helper instead of being called in place.
pub(crate) fn call_custom(
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
