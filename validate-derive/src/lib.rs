//! `#[derive(Validate)]` for validate-core: parse -> check -> emit.
//!
//! Use it through `validate_core::Validate`, which documents the attribute
//! language.
#![forbid(unsafe_code)]

mod ast;
mod bounds;
mod case;
mod check;
mod ctxt;
mod decode;
mod emit;
mod names;
mod newtype;
mod parse;
mod pattern;
mod plan;
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

#[cfg(test)]
mod tests;
