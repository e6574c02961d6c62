//! `rule_set!`: named rule sets, declared once and applied to fields with
//! `#[validate(rule(Name))]`. The same pipeline as the derive: the
//! declarations are parsed (the rule list with the derive's own entry
//! parser), checked (what a rule set cannot hold: item rules, `nested`,
//! cross-field rules, a context), then emitted as a unit struct and a
//! generic `RuleSet` impl whose body is the derive's own rule calls.

use proc_macro2::{TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, Path, Token, Type, Visibility};

use crate::ast::{Entry, RuleKind, SanitizerKind};
use crate::check::{self, Scope};
use crate::ctxt::Ctxt;
use crate::emit::{rule_call, rule_error, sanitize_steps, schema_set_impl};
use crate::parse;
use crate::plan::{RulePlan, SanStep};

/// One declaration: `pub Username: str => length(min = 3), ...;`.
struct Decl {
    attrs: Vec<Attribute>,
    vis: Visibility,
    ident: Ident,
    ty: Type,
    /// `#[validate(crate = path)]` among the attributes.
    krate: Option<Path>,
    entries: Vec<Entry>,
}

/// The checked declaration.
struct SetPlan {
    decl: Decl,
    /// Declared for `str`: read through `StrInput`, sanitized through
    /// `SanitizeStr`; otherwise through `RuleInput<T>` / `RuleInputMut<T>`.
    is_str: bool,
    rules: Vec<RulePlan>,
    sanitize: Vec<SanStep>,
}

/// Expands a `rule_set!` invocation: every declaration, or every mistake.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let decls = match (|stream: ParseStream<'_>| decls(&cx, stream)).parse2(input) {
        Ok(decls) => decls,
        Err(err) => {
            cx.syn_error(err);
            Vec::new()
        }
    };
    let plans: Vec<SetPlan> = decls.into_iter().map(|d| check(&cx, d)).collect();
    match cx.check() {
        Ok(()) => plans.iter().map(emit).collect(),
        Err(errors) => {
            let mut out = errors.to_compile_error();
            // The structs alone, so uses of the names add no errors of
            // their own.
            for p in &plans {
                let Decl {
                    attrs, vis, ident, ..
                } = &p.decl;
                out.extend(quote!(#(#attrs)* #vis struct #ident;));
            }
            out
        }
    }
}

// ----- parse ----------------------------------------------------------------

fn decls(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Vec<Decl>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let mut attrs = input.call(Attribute::parse_outer)?;
        let krate = crate_attr(cx, &mut attrs);
        let vis: Visibility = input.parse()?;
        let ident: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let ty: Type = input.parse()?;
        input.parse::<Token![=>]>()?;
        let rules = until_semicolon(input)?;
        if rules.is_empty() {
            cx.error_at(
                ident.span(),
                format!("rule set `{ident}` has no rules: `{ident}: str => length(max = 32);`"),
            );
        }
        let mut entries = Vec::new();
        parse::list(cx, &rules, |name, input| {
            if name == "rename" {
                return Err(syn::Error::new(
                    name.span(),
                    "`rename` names a field; it cannot go in a rule set",
                ));
            }
            if let Some(entry) = parse::entry(cx, name, input)? {
                entries.push(entry);
            }
            Ok(())
        });
        out.push(Decl {
            attrs,
            vis,
            ident,
            ty,
            krate,
            entries,
        });
    }
    Ok(out)
}

/// The tokens up to the next top-level `;` (consumed) or the end.
fn until_semicolon(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut out = TokenStream::new();
        while let Some((tt, next)) = rest.token_tree() {
            rest = next;
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';') {
                break;
            }
            out.extend([tt]);
        }
        Ok((out, rest))
    })
}

/// Removes `#[validate(crate = path)]` from `attrs` and returns the path.
fn crate_attr(cx: &Ctxt, attrs: &mut Vec<Attribute>) -> Option<Path> {
    let mut krate = None;
    attrs.retain(|attr| {
        if !attr.path().is_ident("validate") {
            return true;
        }
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                krate = Some(meta.value()?.parse::<Path>()?);
                Ok(())
            } else {
                Err(meta.error(
                    "a rule set takes only `#[validate(crate = path)]`; write its rules after `=>`",
                ))
            }
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
        false
    });
    krate
}

// ----- check ----------------------------------------------------------------

fn check(cx: &Ctxt, mut decl: Decl) -> SetPlan {
    let is_str = is_str(&decl.ty);
    let entries = std::mem::take(&mut decl.entries);
    let entries: Vec<Entry> = entries
        .into_iter()
        .filter(|entry| allowed(cx, entry, is_str))
        .collect();
    let scope = Scope {
        has_context: false,
        fields: &[],
        current: None,
        targets: &[],
    };
    let (plan, sanitize) = check::value(cx, entries, Some(decl.ty.clone()), true, &scope);
    // `allowed` removed everything that would make guards or items.
    let rules = plan.map(|p| p.rules).unwrap_or_default();
    SetPlan {
        decl,
        is_str,
        rules,
        sanitize,
    }
}

/// Whether a rule set may hold `entry`; reports it when not.
fn allowed(cx: &Ctxt, entry: &Entry, is_str: bool) -> bool {
    let why = match entry {
        Entry::Items(items) => format!(
            "a rule set checks one value, so it cannot hold `{}(...)`: apply the rule set to \
             the items on the field instead, `{}(rule(Name))`",
            items.name, items.name
        ),
        Entry::Nested(_) => "a rule set cannot hold `nested`: put `nested` on the field".into(),
        Entry::Skip(_) => "a rule set cannot hold `skip`".into(),
        Entry::Rule(rule) => match &rule.kind {
            RuleKind::Required => "`required` is about the field, not its value: write it on \
                                   the field beside `rule(..)`; a rule set lets `None` pass"
                .into(),
            RuleKind::MustMatch(_) => {
                "`must_match` compares two fields of a struct: write it on the field".into()
            }
            RuleKind::Custom(c) if c.context.is_some() => {
                "a rule set has no validation context: write `custom(path, context)` on the \
                 field beside `rule(..)`"
                    .into()
            }
            _ => return true,
        },
        Entry::Sanitize(_, list) => {
            for s in list {
                if let (SanitizerKind::With(_), true) = (&s.kind, is_str) {
                    cx.error_at(
                        s.name.span(),
                        "`with` needs the owned value, which a rule set for `str` does not \
                         have: declare the rule set for `String` to use `with`",
                    );
                }
            }
            return true;
        }
    };
    cx.error_at(entry.name().span(), why);
    false
}

/// Whether the declared type is `str` (a string rule set).
fn is_str(ty: &Type) -> bool {
    match ty {
        Type::Path(p) if p.qself.is_none() => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "str" && s.arguments.is_none()),
        Type::Group(g) => is_str(&g.elem),
        Type::Paren(p) => is_str(&p.elem),
        _ => false,
    }
}

// ----- emit -----------------------------------------------------------------

fn emit(set: &SetPlan) -> TokenStream {
    let Decl {
        attrs,
        vis,
        ident,
        ty,
        krate,
        ..
    } = &set.decl;
    let krate = krate
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::validate_core));
    let k = &krate;
    let value = format_ident!("__value");
    let v = format_ident!("__v");

    // One expression: the first failing rule's error, else `Ok(())`.
    let mut check = quote!(::core::result::Result::Ok(()));
    for rule in set.rules.iter().rev() {
        let span = rule.name.span();
        let call = rule_call(k, rule, Some(ty), &Ident::new("__v", span));
        let err = rule_error(rule);
        check = quote_spanned! {span=>
            if let ::core::result::Result::Err(__e) = #call {
                ::core::result::Result::Err(#err)
            } else {
                #check
            }
        };
    }
    let (read, read_bound) = if set.is_str {
        (
            quote!(#k::rules::StrInput::input_str(#value)),
            quote!(__V: #k::rules::StrInput),
        )
    } else {
        (
            quote!(#k::__private::RuleInput::<#ty>::rule_input(#value)),
            quote!(__V: #k::__private::RuleInput<#ty>),
        )
    };
    let check = if set.rules.is_empty() {
        quote! {
            let _ = #value;
            ::core::result::Result::Ok(())
        }
    } else {
        quote! {
            let ::core::option::Option::Some(#v) = #read else {
                return ::core::result::Result::Ok(());
            };
            #check
        }
    };

    let mut sanitize_bounds = Vec::new();
    let sanitize = if set.sanitize.is_empty() {
        // No sanitizer: the set sanitizes (that is, leaves) any value.
        None
    } else if set.is_str {
        // A string rule set edits the field itself, through `SanitizeStr`
        // (which reaches into `Option`, `Box`, `Cow`...).
        for step in &set.sanitize {
            match step {
                SanStep::Apply(_) => sanitize_bounds.push(quote!(__V: #k::sanitize::SanitizeStr)),
                SanStep::RuleSet(_, path, _) => {
                    sanitize_bounds.push(quote!(#path: #k::RuleSetSanitize<__V>));
                }
                SanStep::Items(..) | SanStep::Nested(_) => {}
            }
        }
        dedup(&mut sanitize_bounds);
        // The steps edit the field (`__V`), not a declared `str`. (A rule
        // set holds no item or nested step: `allowed` refused them.)
        let steps: Vec<SanStep> = set
            .sanitize
            .iter()
            .filter_map(|step| match step {
                SanStep::RuleSet(name, path, _) => Some(SanStep::RuleSet(
                    name.clone(),
                    path.clone(),
                    Some(syn::parse_quote!(__V)),
                )),
                SanStep::Apply(s) => Some(SanStep::Apply(s.clone())),
                SanStep::Items(..) | SanStep::Nested(_) => None,
            })
            .collect();
        Some(sanitize_steps(k, &steps, &value, 0))
    } else {
        sanitize_bounds.push(quote!(__V: #k::__private::RuleInputMut<#ty>));
        let steps = sanitize_steps(k, &set.sanitize, &v, 0);
        Some(quote! {
            if let ::core::option::Option::Some(#v) =
                #k::__private::RuleInputMut::<#ty>::rule_input_mut(#value)
            {
                #steps
            }
        })
    };
    let sanitize = sanitize.map(|body| {
        quote! {
            #[inline]
            fn sanitize(#value: &mut __V) {
                #body
            }
        }
    });
    let schema =
        cfg!(feature = "schema").then(|| schema_set_impl(k, ident, &set.rules, &set.sanitize));
    let stamp = crate::emit::version_stamp(k);
    quote! {
        #(#attrs)*
        #vis struct #ident;

        #schema

        #[automatically_derived]
        impl<__V: ?::core::marker::Sized> #k::RuleSet<__V> for #ident
        where
            #read_bound,
        {
            #[inline]
            fn check(#value: &__V) -> ::core::result::Result<(), #k::ValidationError> {
                #stamp
                #check
            }
        }

        #[automatically_derived]
        impl<__V: ?::core::marker::Sized> #k::RuleSetSanitize<__V> for #ident
        where
            #(#sanitize_bounds,)*
        {
            #sanitize
        }
    }
}

/// Removes repeated bounds, keeping the first of each.
fn dedup(bounds: &mut Vec<TokenStream>) {
    let mut seen = Vec::new();
    bounds.retain(|b| {
        let text = b.to_string();
        let new = !seen.contains(&text);
        seen.push(text);
        new
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(src: &str) -> Result<String, String> {
        let tokens: TokenStream = src.parse().map_err(|e| format!("{e:?}"))?;
        let cx = Ctxt::new();
        let decls = (|s: ParseStream<'_>| decls(&cx, s))
            .parse2(tokens)
            .map_err(|e| e.to_string())?;
        let plans: Vec<SetPlan> = decls.into_iter().map(|d| check(&cx, d)).collect();
        cx.check().map_err(|e| {
            e.into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        Ok(plans.iter().map(emit).collect::<TokenStream>().to_string())
    }

    #[test]
    fn expands_to_items() {
        let out = expand_str(
            "/// Doc.\npub Username: str => sanitize(trim), length(min = 3), \
             charset(ascii_alphanumeric, \"_\"); pub(crate) Age: u32 => range(max = 130)",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let file: syn::File = syn::parse_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        // Two structs and four impls, and with feature `schema` two
        // schema impls.
        let schema = if cfg!(feature = "schema") { 2 } else { 0 };
        assert_eq!(file.items.len(), 6 + schema, "{out}");
        assert!(out.contains("StrInput :: input_str"), "{out}");
        assert!(out.contains("RuleInput :: < u32 >"), "{out}");
        assert!(out.contains("VALIDATE_DERIVE_"), "the version stamp: {out}");
        for banned in ["format !", "String ::", "to_string", "Box :: new"] {
            assert!(!out.contains(banned), "{banned} in {out}");
        }
    }

    #[test]
    fn rejects_what_a_rule_set_cannot_hold() {
        let errors = expand_str(
            "pub A: str => each(length(max = 1)), nested, required, must_match(b), \
             custom(f, context), sanitize(with = g); pub B: u8 =>",
        )
        .expect_err("seven mistakes");
        let lines: Vec<&str> = errors.lines().collect();
        assert_eq!(lines.len(), 7, "{errors}");
        // Parsing reports the empty set, then checking the rest in order.
        assert!(lines[0].contains("has no rules"), "{errors}");
        assert!(lines[1].contains("`each(rule(Name))`"), "{errors}");
        assert!(
            lines[6].contains("declare the rule set for `String`"),
            "{errors}"
        );
    }
}
