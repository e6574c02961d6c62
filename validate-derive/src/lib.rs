//! `#[derive(Validate)]` for validate-core: parse -> check -> emit.
//!
//! Use it through `validate_core::Validate`, which documents the attribute
//! language.
#![forbid(unsafe_code)]

mod ast;
mod bounds;
mod case;
mod check;
mod civil;
mod ctxt;
mod decode;
mod emit;
mod foreign;
mod formats;
mod message;
mod names;
mod newtype;
mod parse;
mod pattern;
mod plan;
mod resolve;
mod rule_set;
mod suggest;

use proc_macro::TokenStream;

/// Derives `validate_core::Validate` and `validate_core::ValidateIn`; see
/// the `validate_core::Validate` derive documentation.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let cx = ctxt::Ctxt::new();
    let plan = parse::input(&cx, &input).map(|raw| check::check(&cx, raw));
    match (cx.check(), plan) {
        (Ok(()), Some(plan)) => {
            let mut out = emit::emit(&plan);
            out.extend(decode::emit(&input, &plan));
            out.into()
        }
        (Err(errors), plan) => {
            let mut out = errors.to_compile_error();
            // Empty impls, so uses of the type do not add errors of their own.
            out.extend(plan.as_ref().map(emit::fallback));
            out.into()
        }
        (Ok(()), None) => TokenStream::new(),
    }
}

/// Declares named rule sets (`validate_core::RuleSet`); see
/// `validate_core::rule_set!`.
#[proc_macro]
pub fn rule_set(input: TokenStream) -> TokenStream {
    rule_set::expand(input.into()).into()
}

/// The derive's field rules and keywords, each with the `derive.md`
/// section that documents it (`""`: anywhere), as
/// `&[(&str, &str)]`: read by validate-core's test that the rule table,
/// the catalogue and the docs agree. Not an API.
#[doc(hidden)]
#[proc_macro]
pub fn __rule_table(_: TokenStream) -> TokenStream {
    let rows = names::RULES
        .iter()
        .map(|name| (name.to_string(), ""))
        .chain(formats::FORMAT_RULES.iter().flat_map(|f| {
            // A flag's form is documented too: `phone(strict)`.
            let flag = f
                .flag
                .map(|(flag, _)| (format!("{}({flag})", f.name), f.doc));
            std::iter::once((f.name.to_string(), f.doc)).chain(flag)
        }))
        .map(|(name, doc)| quote::quote!((#name, #doc)));
    quote::quote!(&[#(#rows),*]).into()
}

/// The catalogue kinds the derive's message templates know, with their
/// ctx keys, as `&[(&str, &[&str])]`: read by validate-core's test that
/// they are the catalogue's. Not an API.
#[doc(hidden)]
#[proc_macro]
pub fn __ctx_key_table(_: TokenStream) -> TokenStream {
    let rows = message::CATALOGUE_KEYS
        .iter()
        .map(|(kind, keys)| quote::quote!((#kind, &[#(#keys),*] as &[&str])));
    quote::quote!(&[#(#rows),*]).into()
}

/// The collection type names the derive recognises in a field's type, as
/// `(each, maps)`: read by validate-core's test that they are its own
/// list. Not an API.
#[doc(hidden)]
#[proc_macro]
pub fn __collection_names(_: TokenStream) -> TokenStream {
    let (each, maps) = (names::EACH_TYPES, names::MAP_TYPES);
    quote::quote!((&[#(#each),*], &[#(#maps),*])).into()
}

#[cfg(test)]
mod tests;
