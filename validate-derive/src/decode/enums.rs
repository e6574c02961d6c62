//! The collecting decoder for a derived enum: the value is buffered,
//! split into its variant's name and content as the enum's serde tagging
//! says (validate-core's `decode::tagged`), and the variant read — a unit
//! variant as it is, a newtype variant as its one field, a struct variant
//! through a hidden struct with the same fields (read and checked by the
//! same code as a derived struct). Untagged enums try each variant and take
//! the first that decodes without an error, as serde does.
//!
//! Left to serde: generic enums, tuple variants of several fields, and
//! variants whose fields mention `Self`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;

use super::{Decoder, ctx_of, fields_of};
use crate::parse::{serde_attrs, serde_container};
use crate::plan::{Plan, VariantPlan};

/// One variant: its wire name and how it is read.
struct Variant<'p, 'a> {
    plan: &'p VariantPlan<'a>,
    syn: &'p syn::Variant,
    name: String,
}

pub(super) fn emit(
    plan: &Plan<'_>,
    attrs_in: &[syn::Attribute],
    data: &syn::DataEnum,
    variants: &[VariantPlan<'_>],
) -> Option<TokenStream> {
    if !plan.generics.params.is_empty()
        || data.variants.len() != variants.len()
        || variants.is_empty()
    {
        return None;
    }
    let serde = serde_container(attrs_in);
    if serde.foreign {
        return None;
    }
    let krate = &plan.krate;
    let vs: Vec<Variant<'_, '_>> = data
        .variants
        .iter()
        .zip(variants)
        .map(|(syn, plan)| {
            let item = serde_attrs(&syn.attrs);
            let ident = syn.ident.unraw().to_string();
            let name = item.rename.unwrap_or_else(|| {
                serde
                    .rename_all
                    .map_or(ident.clone(), |r| r.apply_to_variant(&ident))
            });
            Variant { plan, syn, name }
        })
        .collect();
    for v in &vs {
        let ok = match &v.syn.fields {
            syn::Fields::Unit => true,
            syn::Fields::Unnamed(f) => f.unnamed.len() == 1,
            syn::Fields::Named(_) => true,
        };
        let selfish = v.syn.fields.iter().any(|f| {
            let ty = &f.ty;
            quote!(#ty)
                .to_string()
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .any(|w| w == "Self")
        });
        if !ok || selfish {
            return None;
        }
    }
    let ctx = ctx_of(plan);
    let ident = plan.ident;
    let names: Vec<&str> = vs.iter().map(|v| v.name.as_str()).collect();
    let tagging = match (&serde.tag, &serde.content) {
        (Some(tag), Some(content)) => {
            quote!(#krate::decode::tagged::Tagging::Adjacent(#tag, #content))
        }
        (Some(tag), None) => quote!(#krate::decode::tagged::Tagging::Internal(#tag)),
        _ => quote!(#krate::decode::tagged::Tagging::External),
    };
    let mut hidden = Vec::new();
    let mut reads = Vec::new();
    for (i, v) in vs.iter().enumerate() {
        let (def, read) = variant(plan, &serde, v, i, &ctx);
        hidden.push(def);
        reads.push(read);
    }
    let generic = plan
        .context
        .is_none()
        .then(|| quote!(<__C: ?::core::marker::Sized>));
    let body = if serde.untagged {
        let attempts = reads.iter().map(|read| {
            quote! {
                if let ::core::option::Option::Some(__found) = #krate::decode::tagged::attempt(__cx, |__cx| {
                    let __value = ::core::option::Option::Some(::core::clone::Clone::clone(&__content));
                    #read
                }) {
                    return ::core::option::Option::Some(__found);
                }
            }
        });
        quote! {
            #(#attempts)*
            #krate::decode::tagged::no_variant(__cx, __loc);
            ::core::option::Option::None
        }
    } else {
        let arms = vs.iter().zip(&reads).map(|(v, read)| {
            let name = &v.name;
            quote!(#name => { #read })
        });
        quote! {
            let (__name, __value) = #krate::decode::tagged::split(__content, #tagging, __VARIANTS, __cx, __loc)?;
            match __name.as_str() {
                #(#arms)*
                _ => {
                    #krate::decode::tagged::unknown_variant(#tagging, __VARIANTS, __cx, __loc);
                    ::core::option::Option::None
                }
            }
        }
    };
    Some(quote! {
        #(#hidden)*

        fn __decode_enum #generic (
            __content: #krate::decode::Content,
            __cx: &mut #krate::decode::DecodeCx<'_, #ctx>,
            __loc: &#krate::LocChain<'_>,
        ) -> ::core::option::Option<#ident> {
            const __VARIANTS: &[&str] = &[#(#names),*];
            #body
        }

        #[automatically_derived]
        impl #generic #krate::decode::Decode<#ctx> for #ident {
            fn decode<'de, __D: #krate::__private::serde::Deserializer<'de>>(
                __de: __D,
                __cx: &mut #krate::decode::DecodeCx<'_, #ctx>,
                __loc: &#krate::LocChain<'_>,
            ) -> ::core::result::Result<::core::option::Option<Self>, __D::Error> {
                let __content = #krate::decode::Content::read(__de)?;
                ::core::result::Result::Ok(__decode_enum(__content, __cx, __loc))
            }
        }
    })
}

/// A variant's hidden struct (struct variants) and the code reading it
/// from `__value` into `Option<Enum>`.
fn variant(
    plan: &Plan<'_>,
    serde: &crate::ast::SerdeContainer,
    v: &Variant<'_, '_>,
    index: usize,
    ctx: &TokenStream,
) -> (TokenStream, TokenStream) {
    let krate = &plan.krate;
    let ident = plan.ident;
    let var = &v.syn.ident;
    let at = match &v.plan.loc {
        Some(step) => quote!(let __at = __loc.field(#step); let __at = &__at;),
        None => quote!(let __at = __loc;),
    };
    match &v.syn.fields {
        syn::Fields::Unit => (
            TokenStream::new(),
            quote! {
                #at
                #krate::decode::tagged::unit(__value, __cx, __at).then_some(#ident::#var)
            },
        ),
        syn::Fields::Unnamed(f) => {
            let ty = f.unnamed.first().map(|f| &f.ty);
            (
                TokenStream::new(),
                quote! {
                    #at
                    #krate::decode::tagged::variant(__value, __cx, __at, |__d, __cx, __l| {
                        (&&&#krate::decode::Wrap::<#ty, #ctx>::new()).decode_value(__d, __cx, __l)
                    })
                    .map(#ident::#var)
                },
            )
        }
        syn::Fields::Named(named) => {
            let hidden = format_ident!("__DecodeVariant{}", index);
            let rule = serde_attrs(&v.syn.attrs)
                .rename_all
                .or(serde.rename_all_fields);
            let fields = fields_of(&v.syn.fields, &v.plan.shape, rule);
            let decoder = Decoder {
                plan,
                container: crate::ast::SerdeContainer {
                    rename_all: rule,
                    deny_unknown_fields: serde.deny_unknown_fields,
                    ..crate::ast::SerdeContainer::default()
                },
                fields,
                ctx: ctx.clone(),
                hidden: Some(hidden.clone()),
            };
            let impls = decoder.named();
            let defs = named.named.iter().map(|f| {
                let (name, ty) = (&f.ident, &f.ty);
                quote!(#name: #ty,)
            });
            let moves = named.named.iter().map(|f| {
                let name = &f.ident;
                quote!(#name: __v.#name,)
            });
            (
                quote! {
                    struct #hidden { #(#defs)* }
                    #impls
                },
                quote! {
                    #at
                    #krate::decode::tagged::variant(__value, __cx, __at, |__d, __cx, __l| {
                        #krate::decode::decode_struct::<#hidden, #ctx, _>(__d, __cx, __l)
                    })
                    .map(|__v| #ident::#var { #(#moves)* })
                },
            )
        }
    }
}
