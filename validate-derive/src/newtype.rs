//! `#[validate(newtype)]`: a one-field tuple struct whose value is
//! sanitized and checked whenever one is built, so that holding one proves
//! the value passed. The checks on the struct's shape, and the generated
//! constructors (`new`, `TryFrom`, `FromStr`), accessors (`Deref`, `AsRef`,
//! `into_inner`) and, through validate-core's `newtype_serde!` (real only
//! with its `serde` feature), `Deserialize` and `Serialize`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Type, Visibility};

use crate::ast::{Data, Input, Style};
use crate::ctxt::Ctxt;
use crate::plan::{NewtypePlan, Plan};

/// The newtype plan, if `newtype` is asked for and the struct can be one;
/// every reason it cannot is reported on the `newtype` token or on the
/// offending part.
pub(crate) fn check(cx: &Ctxt, input: &Input<'_>) -> Option<NewtypePlan> {
    let token = input.attrs.newtype.as_ref()?;
    let ident = input.ident;
    let shape = match &input.data {
        Data::Struct(shape) if shape.style == Style::Tuple && shape.fields.len() == 1 => shape,
        Data::Struct(shape) => {
            let what = match (shape.style, shape.fields.len()) {
                (Style::Unit, _) => "has no field".to_owned(),
                (Style::Named, _) => "has named fields".to_owned(),
                (_, n) => format!("has {n} fields"),
            };
            cx.error_at(
                token.span(),
                format!(
                    "`newtype` wraps exactly one value in a tuple struct, \
                     `struct {ident}(String);`, and `{ident}` {what}"
                ),
            );
            return None;
        }
        Data::Enum(_) => {
            cx.error_at(
                token.span(),
                "`newtype` goes on a tuple struct with one field, not on an enum",
            );
            return None;
        }
    };
    let mut ok = true;
    if let Some(param) = input.generics.params.first() {
        cx.error_spanned_by(
            param,
            "a `newtype` cannot be generic: declare one newtype per wrapped type",
        );
        ok = false;
    }
    if let Some(context) = &input.attrs.context {
        cx.error_spanned_by(
            context,
            "a `newtype` is checked whenever it is built, where no context exists: check \
             context-dependent rules on the field that holds it, \
             `#[validate(custom(path, context))]`",
        );
        ok = false;
    }
    let field = shape.fields.first()?;
    if !matches!(field.vis, Visibility::Inherited) {
        cx.error_spanned_by(
            field.vis,
            format!(
                "the field of a `newtype` must be private: with a visible field, code could \
                 build `{ident}(..)` without the checks; read it through `Deref`, `AsRef` or \
                 `into_inner`"
            ),
        );
        ok = false;
    }
    ok.then(|| NewtypePlan {
        vis: input.vis.clone(),
        inner: field.ty.clone(),
        is_string: is_string(field.ty),
    })
}

/// Whether `ty` is written `String` (or `std::string::String`...).
fn is_string(ty: &Type) -> bool {
    match ty {
        Type::Path(p) if p.qself.is_none() => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "String" && s.arguments.is_none()),
        Type::Group(g) => is_string(&g.elem),
        Type::Paren(p) => is_string(&p.elem),
        _ => false,
    }
}

/// The newtype's items, beside its `Validate` impls.
pub(crate) fn emit(plan: &Plan<'_>, newtype: &NewtypePlan) -> TokenStream {
    let k = &plan.krate;
    let ident = plan.ident;
    let NewtypePlan {
        vis,
        inner,
        is_string,
    } = newtype;
    let errors = quote!(#k::ValidationErrors);
    let result = quote!(::core::result::Result<Self, #errors>);
    let from_str = is_string.then(|| {
        quote! {
            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = #errors;
                fn from_str(value: &str) -> #result {
                    Self::new(value)
                }
            }

            #[automatically_derived]
            impl ::core::convert::TryFrom<&str> for #ident {
                type Error = #errors;
                fn try_from(value: &str) -> #result {
                    Self::new(value)
                }
            }
        }
    });
    let new_doc = format!(
        "Sanitizes `value`, then checks it: a `{ident}` that passed every rule, or every \
         failure. The only way to build a `{ident}` (with `TryFrom`, `FromStr` and \
         `Deserialize`, which call it)."
    );
    quote! {
        // The constructor may be unused in the crate that declares a
        // private newtype.
        #[allow(dead_code)]
        impl #ident {
            #[doc = #new_doc]
            #[inline]
            #vis fn new(value: impl ::core::convert::Into<#inner>) -> #result {
                let mut __value = Self(::core::convert::Into::into(value));
                #k::Validate::sanitize(&mut __value);
                let mut __errors = #k::ValidationErrors::new();
                #k::Validate::validate_into(&__value, &(), &#k::LocChain::ROOT, &mut __errors);
                if __errors.is_empty() {
                    ::core::result::Result::Ok(__value)
                } else {
                    ::core::result::Result::Err(__errors)
                }
            }

            /// The checked value.
            #vis fn into_inner(self) -> #inner {
                self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<#inner> for #ident {
            type Error = #errors;
            fn try_from(value: #inner) -> #result {
                Self::new(value)
            }
        }

        #from_str

        #[automatically_derived]
        impl ::core::ops::Deref for #ident {
            type Target = #inner;
            fn deref(&self) -> &#inner {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<#inner> for #ident {
            fn as_ref(&self) -> &#inner {
                &self.0
            }
        }

        #k::__private::newtype_serde!(#ident, #inner);
    }
}
