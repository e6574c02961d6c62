//! `#[derive(Validate)]` for validate-core.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Derives `validate_core::Validate`.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    syn::Error::new_spanned(&input.ident, "derive(Validate) is being built")
        .to_compile_error()
        .into()
}
