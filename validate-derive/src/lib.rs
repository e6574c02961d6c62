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
mod emit;
mod names;
mod parse;
mod pattern;
mod plan;
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
        (Ok(()), Some(plan)) => emit::emit(&plan).into(),
        (Err(errors), plan) => {
            let mut out = errors.to_compile_error();
            // Empty impls, so uses of the type do not add errors of their own.
            out.extend(plan.as_ref().map(emit::fallback));
            out.into()
        }
        (Ok(()), None) => TokenStream::new(),
    }
}

#[cfg(test)]
mod tests {
    /// Runs the pipeline on a derive input given as source text.
    pub(crate) fn expand(src: &str) -> Result<proc_macro2::TokenStream, String> {
        let input: syn::DeriveInput = syn::parse_str(src).map_err(|e| e.to_string())?;
        let cx = crate::ctxt::Ctxt::new();
        let plan = crate::parse::input(&cx, &input).map(|raw| crate::check::check(&cx, raw));
        match (cx.check(), plan) {
            (Ok(()), Some(plan)) => Ok(crate::emit::emit(&plan)),
            (Err(e), _) => Err(e
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")),
            (Ok(()), None) => Err(String::new()),
        }
    }

    #[test]
    fn show() {
        if let Ok(src) = std::env::var("SHOW_EXPANSION") {
            let out = expand(&src).unwrap_or_else(|e| panic!("{e}"));
            let file: syn::File = syn::parse2(out).expect("valid Rust");
            println!("{}", quote::quote!(#file));
        }
    }
}
