//! The `Validate` + `ValidateIn` impl pair, written once: with the bodies
//! and bounds of a derive, or empty (beside attribute errors, so uses of
//! the type add no errors of their own).
//!
//! A context-free type implements `ValidateIn<__C>` for every context and
//! holds its body there (`Validate` forwards with `()`); a type with a
//! context implements `ValidateIn` for that context only and holds its
//! body in `Validate`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::bounds;
use crate::plan::Plan;

/// What a derive puts in the pair.
pub(super) struct Bodies {
    /// The body of validation (`self`, `__ctx`, `__loc`, `__errors` in
    /// scope).
    pub(super) validate: TokenStream,
    /// The `fn sanitize` item, when there is anything to sanitize.
    pub(super) sanitize: Option<TokenStream>,
}

/// The pair, with `bodies` or empty.
pub(super) fn impl_pair(plan: &Plan<'_>, bodies: Option<Bodies>) -> TokenStream {
    let krate = &plan.krate;
    let ident = plan.ident;
    let (_, ty_generics, _) = plan.generics.split_for_impl();
    // The context of `Validate`, and the one `ValidateIn` is implemented
    // for (a type parameter `__C` when the type has no context).
    let (context, in_context) = match &plan.context {
        Some(c) => (quote!(#c), quote!(#c)),
        None => (quote!(()), quote!(__C)),
    };
    let mut generics = plan.generics.clone();
    let mut in_generics = plan.generics.clone();
    if plan.context.is_none() {
        in_generics
            .params
            .push(syn::parse_quote!(__C: ?::core::marker::Sized));
    }
    let Some(bodies) = bodies else {
        let (impl_generics, _, where_clause) = generics.split_for_impl();
        let (in_impl_generics, _, in_where_clause) = in_generics.split_for_impl();
        return quote! {
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
            impl #in_impl_generics #krate::ValidateIn<#in_context> for #ident #ty_generics #in_where_clause {
                fn validate_in(&self, _: &#in_context, _: &#krate::LocChain<'_>, _: &mut #krate::ValidationErrors) {}
            }
        };
    };
    bounds::extend(&mut generics, bounds::validate(plan, &context));
    bounds::extend(&mut generics, bounds::sanitize(plan));
    if plan.context.is_none() {
        bounds::extend(&mut in_generics, bounds::validate(plan, &in_context));
    } else {
        in_generics = generics.clone();
    }
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (in_impl_generics, _, in_where_clause) = in_generics.split_for_impl();
    let Bodies { validate, sanitize } = bodies;
    let stamp = version_stamp(krate);
    let (outer, inner) = match &plan.context {
        None => (
            quote!(<Self as #krate::ValidateIn<()>>::validate_in(self, __ctx, __loc, __errors)),
            validate,
        ),
        Some(c) => (
            quote! {
                let ctx: &#c = __ctx;
                let _ = ctx;
                #validate
            },
            quote!(<Self as #krate::Validate>::validate_into(self, __ctx, __loc, __errors)),
        ),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
            type Context = #context;

            fn validate_into(
                &self,
                __ctx: &Self::Context,
                __loc: &#krate::LocChain<'_>,
                __errors: &mut #krate::ValidationErrors
            ) {
                #stamp
                #outer
            }

            #sanitize
        }

        #[automatically_derived]
        impl #in_impl_generics #krate::ValidateIn<#in_context> for #ident #ty_generics #in_where_clause {
            fn validate_in(
                &self,
                __ctx: &#in_context,
                __loc: &#krate::LocChain<'_>,
                __errors: &mut #krate::ValidationErrors,
            ) {
                #inner
            }
        }
    }
}

/// `let () = krate::__private::VALIDATE_DERIVE_X_Y_Z_NEEDS_VALIDATE_CORE_X_Y_Z;`
/// with this crate's version: a validate-core of another version has no
/// such item, and the error names both (serde's `__private228`).
pub(crate) fn version_stamp(krate: &syn::Path) -> TokenStream {
    let stamp = stamp_ident();
    quote!(let () = #krate::__private::#stamp;)
}

/// `VALIDATE_DERIVE_X_Y_Z_NEEDS_VALIDATE_CORE_X_Y_Z`, this crate's
/// version: the stamp's name (a value), and, with feature `schema`, the
/// name of validate-core's `schema` module in `__private` (a type
/// namespace item), and the name of its `decode_impl!` there (a macro):
/// the three do not collide.
pub(crate) fn stamp_ident() -> proc_macro2::Ident {
    let version = env!("CARGO_PKG_VERSION").replace(['.', '-', '+'], "_");
    quote::format_ident!("VALIDATE_DERIVE_{0}_NEEDS_VALIDATE_CORE_{0}", version)
}
