//! `DecodeStruct::finish` for a struct with named fields: the flattened
//! fields read from the unknown keys, absent fields resolved (default,
//! `None`, or `missing`), then either the struct (nothing failed) or, in
//! declaration order, each field's decoding errors, its `missing`, and the
//! checks of the fields that did decode.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{Decoder, Field, field_loc, is_option};
use crate::emit::Emitter;
use crate::plan::{Check, FieldLoc, ItemsPlan};

impl Decoder<'_, '_> {
    pub(crate) fn finish(&self) -> TokenStream {
        let krate = &self.plan.krate;
        let ctx = &self.ctx;
        let read: Vec<&Field<'_, '_>> = self.fields.iter().filter(|f| f.slot.is_some()).collect();
        let flattened = read.iter().filter(|f| f.serde.flatten).map(|f| {
            let ty = f.plan.ty;
            let slot = f.slot.unwrap_or_default();
            let index = syn::Index::from(slot);
            let value = self.read_value(
                f,
                quote!(__state.flattened().into_deserializer::<#krate::decode::Failure>()),
                quote!(__loc),
            );
            quote! {
                {
                    let __start = __cx.errors().len();
                    let __read = #value;
                    __slots.#index = ::core::option::Option::Some(
                        #krate::__private::flattened(__read, __cx, __loc),
                    );
                    __state.record(#slot, __start, __cx);
                    __state.forget_flattened(|__key| {
                        (&&&#krate::decode::Wrap::<#ty, #ctx>::new()).knows(__key)
                    });
                }
            }
        });
        let resolve = read.iter().map(|f| {
            let slot = f.slot.unwrap_or_default();
            let index = syn::Index::from(slot);
            let (v, m) = (value(slot), missing(slot));
            let absent = if f.serde.default.is_some() || self.container.default.is_some() {
                let default = self.default_of(f);
                quote!((::core::option::Option::Some(#default), false))
            } else if f.serde.flatten {
                // Never: the flattened field was read just above.
                quote!((::core::option::Option::None, false))
            } else if is_option(f.plan.ty) {
                quote!((
                    ::core::option::Option::Some(::core::default::Default::default()),
                    false
                ))
            } else {
                quote!((::core::option::Option::None, true))
            };
            quote! {
                let (#v, #m) = match __slots.#index {
                    ::core::option::Option::Some(__value) => (__value, false),
                    ::core::option::Option::None => #absent,
                };
            }
        });
        let missing_any = read.iter().map(|f| missing(f.slot.unwrap_or_default()));
        let values: Vec<_> = read
            .iter()
            .map(|f| value(f.slot.unwrap_or_default()))
            .collect();
        let build = self.construct(value);
        let somes = values
            .iter()
            .map(|v| quote!(::core::option::Option::Some(#v)));
        let failed = values.iter().zip(&read).map(|(v, f)| {
            if f.plan.sanitize.is_empty() {
                quote!(#v)
            } else {
                quote!(mut #v)
            }
        });
        let report = read.iter().map(|f| self.report_field(f));
        // Rule arguments of a context type may name the context `ctx`, as
        // in `validate_into`.
        let ctx_name = self
            .plan
            .context
            .as_ref()
            .map(|_| quote!(let ctx = __ctx; let _ = ctx;));
        quote! {
            #[allow(unused_variables)]
            fn finish(
                mut __slots: Self::Slots,
                __state: &mut #krate::decode::StructState,
                __cx: &mut #krate::decode::DecodeCx<'_, #ctx>,
                __loc: &#krate::LocChain<'_>,
            ) -> ::core::option::Option<Self> {
                #(#flattened)*
                #(#resolve)*
                let __clean = !(false #(|| #missing_any)*) && __state.is_clean(__cx);
                match (#(#values,)*) {
                    (#(#somes,)*) if __clean => ::core::option::Option::Some(#build),
                    (#(#failed,)*) => {
                        __state.begin_report(__cx);
                        let __ctx: &#ctx = __cx.ctx();
                        #ctx_name
                        #(#report)*
                        __state.extras(__cx, __loc);
                        ::core::option::Option::None
                    }
                }
            }
        }
    }

    /// In the failure path, one field in declaration order: its decoding
    /// errors, `missing`, then (decoded) its sanitizers and checks.
    fn report_field(&self, f: &Field<'_, '_>) -> TokenStream {
        let krate = &self.plan.krate;
        let slot = f.slot.unwrap_or_default();
        let (v, m) = (value(slot), missing(slot));
        let at = match &f.plan.loc {
            FieldLoc::Here => quote!(*__loc),
            loc => field_loc(loc, quote!(__loc)),
        };
        let binding = &f.plan.binding;
        let emitter = Emitter { plan: self.plan };
        let sanitize = (!f.plan.sanitize.is_empty()).then(|| {
            let steps = crate::emit::sanitize_steps(krate, &f.plan.sanitize, binding, 0);
            quote! {
                if let ::core::option::Option::Some(#binding) = ::core::option::Option::as_mut(&mut #v) {
                    #steps
                }
            }
        });
        let checks = emitter.field_checks(f.plan).map(|code| {
            // `must_match` reads the other field too: checked only when
            // both decoded.
            let partners: Vec<_> = self
                .partners(f)
                .into_iter()
                .map(|p| (p.plan.binding.clone(), value(p.slot.unwrap_or_default())))
                .collect();
            let names = std::iter::once(binding.clone()).chain(partners.iter().map(|p| p.0.clone()));
            let values = std::iter::once(v.clone()).chain(partners.iter().map(|p| p.1.clone()));
            quote! {
                if let (#(::core::option::Option::Some(#names),)*) = (#(::core::option::Option::as_ref(&#values),)*) {
                    let __errors: &mut #krate::ValidationErrors = __cx.errors_mut();
                    #code
                }
            }
        });
        // A list whose item failed: its other items are still checked.
        let lists =
            f.plan.check.as_ref().is_some_and(|c| {
                c.nested.is_some() || matches!(c.items, Some(ItemsPlan::Each { .. }))
            });
        let put_back = match emitter.field_checks(f.plan) {
            Some(code) if lists && self.partners(f).is_empty() => {
                let ty = f.plan.ty;
                let step = usize::from(!matches!(f.plan.loc, FieldLoc::Here));
                quote! {
                    if ::core::option::Option::is_none(&#v) {
                        __state.field_partial::<#ty, _>(
                            #slot,
                            __cx,
                            __loc,
                            #step,
                            |#binding: &#ty, __errors: &mut #krate::ValidationErrors| {
                                let __loc: &#krate::LocChain<'_> = &#krate::LocChain::ROOT;
                                #code
                            },
                        );
                    } else {
                        __state.field(#slot, __cx);
                    }
                }
            }
            _ => quote!(__state.field(#slot, __cx);),
        };
        // A list over its `length(max)` whose items did not all decode:
        // `too_long` alone, as Pydantic (it counts before reading items).
        let guard = f.plan.check.as_ref().and_then(|c| {
            c.guards
                .iter()
                .find(|r| matches!(r.check, Check::Length(_)))
        });
        let put_back = match guard {
            Some(rule) if lists => {
                // At the rule's span: see `range_bound`.
                let count = syn::Ident::new("__count", rule.name.span());
                let call = crate::emit::rule_call(krate, rule, None, &count);
                let err = crate::emit::rule_error(rule);
                quote! {
                    let __too_long = __state.partial_len(#slot).and_then(|__n| {
                        let #count = #krate::decode::ItemCount(__n);
                        let #count = &#count;
                        match #call {
                            ::core::result::Result::Err(__e) => ::core::option::Option::Some(#err),
                            ::core::result::Result::Ok(()) => ::core::option::Option::None,
                        }
                    });
                    if let ::core::option::Option::Some(__e) = __too_long {
                        __state.field_replaced(#slot, __cx, &#at, __e);
                    } else {
                        #put_back
                    }
                }
            }
            _ => put_back,
        };
        quote! {
            #put_back
            if #m {
                __cx.push(&#at, #krate::error::catalogue::missing());
            }
            #sanitize
            #checks
        }
    }

    /// The fields a field's `must_match` rules read.
    fn partners(&self, f: &Field<'_, '_>) -> Vec<&Field<'_, '_>> {
        let Some(check) = &f.plan.check else {
            return Vec::new();
        };
        check
            .rules
            .iter()
            .filter_map(|r| match &r.check {
                Check::MustMatch(target) => self
                    .fields
                    .iter()
                    .find(|p| p.plan.ident.is_some_and(|i| *i == target.ident) && p.slot.is_some()),
                _ => None,
            })
            .collect()
    }
}

fn value(slot: usize) -> syn::Ident {
    format_ident!("__v{}", slot)
}

fn missing(slot: usize) -> syn::Ident {
    format_ident!("__m{}", slot)
}
