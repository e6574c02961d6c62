//! The collecting decoder for a derived struct: `Decode` and, for structs
//! with named fields, `DecodeStruct` (validate-core's `decode` module
//! documents both). Generated from the checked plan (locs, checks,
//! sanitizers) and the struct's `#[serde]` attributes (wire names,
//! aliases, defaults, skipped and flattened fields, unknown keys), wrapped
//! in `decode_impl!` so it exists only with validate-core's `serde`
//! feature.
//!
//! Left to serde (no `Decode`: a field of such a type is read through its
//! serde impl, one error at its loc): enums, tuple structs of several
//! fields, types with lifetime parameters, rule newtypes (validate-core's
//! `newtype_serde!` writes theirs) and containers serde reads as something
//! else (`from`, `try_from`, `remote`).

mod enums;
mod finish;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{Ident, Type};

use crate::ast::{SerdeContainer, SerdeDefault};
use crate::case::RenameRule;
use crate::parse::SerdeItem;
use crate::plan::{Body, FieldLoc, FieldPlan, Plan, ShapePlan};

/// One field as the decoder sees it.
pub(crate) struct Field<'p, 'a> {
    pub(crate) plan: &'p FieldPlan<'a>,
    pub(crate) serde: SerdeItem,
    /// The names a key may have: the wire name, then the aliases.
    pub(crate) names: Vec<String>,
    /// Its position in the slots (`None`: skipped, never read).
    pub(crate) slot: Option<usize>,
}

/// The struct being decoded: the derived struct, or the hidden struct an
/// enum's struct variant is read into.
pub(crate) struct Decoder<'p, 'a> {
    pub(crate) plan: &'p Plan<'a>,
    pub(crate) container: SerdeContainer,
    pub(crate) fields: Vec<Field<'p, 'a>>,
    /// The validation context type: `__C` for a context-free struct.
    pub(crate) ctx: TokenStream,
    /// The hidden struct of an enum variant (not generic), instead of the
    /// derived type.
    pub(crate) hidden: Option<Ident>,
}

/// The fields of a struct or variant as the decoder sees them; `rename`
/// is the `rename_all` rule that applies to them.
pub(crate) fn fields_of<'p, 'a>(
    syn_fields: &syn::Fields,
    shape: &'p ShapePlan<'a>,
    rename: Option<RenameRule>,
) -> Vec<Field<'p, 'a>> {
    let mut next_slot = 0;
    syn_fields
        .iter()
        .zip(&shape.fields)
        .map(|(syn_field, plan)| {
            let serde = crate::parse::serde_attrs(&syn_field.attrs);
            let wire = match (&serde.rename, &syn_field.ident) {
                (Some(name), _) => name.clone(),
                (None, Some(ident)) => {
                    let name = ident.unraw().to_string();
                    rename.map_or(name.clone(), |r| r.apply_to_field(&name))
                }
                (None, None) => String::new(),
            };
            let mut names = vec![wire];
            names.extend(serde.aliases.iter().cloned());
            let slot = (!serde.skip).then(|| {
                next_slot += 1;
                next_slot - 1
            });
            Field {
                plan,
                serde,
                names,
                slot,
            }
        })
        .collect()
}

/// The context type tokens: the declared one, or `__C`.
fn ctx_of(plan: &Plan<'_>) -> TokenStream {
    match &plan.context {
        Some(c) => quote!(#c),
        None => quote!(__C),
    }
}

/// The code in `decode_impl!` (reached by the version stamp's name, see
/// `emit::stamp_ident`), inside an anonymous const.
fn wrap(plan: &Plan<'_>, body: TokenStream) -> TokenStream {
    let krate = &plan.krate;
    let stamp = crate::emit::stamp_ident();
    quote! {
        #krate::__private::#stamp! {
            const _: () = {
                #[allow(unused_imports)]
                use #krate::decode::{
                    FlattenAll as _, FlattenKeys as _, ViaDecode as _, ViaNothing as _, ViaSerde as _,
                };
                #body
            };
        }
    }
}

/// The decoder's impls, or nothing for types left to serde.
pub(crate) fn emit(input: &syn::DeriveInput, plan: &Plan<'_>) -> TokenStream {
    if plan.newtype.is_some() || input.generics.lifetimes().next().is_some() {
        return TokenStream::new();
    }
    let container = crate::parse::serde_container(&input.attrs);
    let (data, shape) = match (&input.data, &plan.body) {
        (syn::Data::Struct(data), Body::Struct(shape)) => (data, shape),
        (syn::Data::Enum(data), Body::Enum(variants)) => {
            return enums::emit(plan, &input.attrs, data, variants)
                .map_or_else(TokenStream::new, |body| wrap(plan, body));
        }
        _ => return TokenStream::new(),
    };
    if container.foreign
        || container.tag.is_some()
        || container.untagged
        || container.content.is_some()
        || data.fields.len() != shape.fields.len()
    {
        return TokenStream::new();
    }
    let fields = fields_of(&data.fields, shape, container.rename_all);
    let decoder = Decoder {
        plan,
        container,
        fields,
        ctx: ctx_of(plan),
        hidden: None,
    };
    let read: Vec<&Field<'_, '_>> = decoder.fields.iter().filter(|f| f.slot.is_some()).collect();
    let body = match data.fields {
        syn::Fields::Named(_) if !decoder.container.transparent => decoder.named(),
        _ if read.len() == 1 => decoder.single(read[0]),
        _ => return TokenStream::new(),
    };
    wrap(plan, body)
}

impl Decoder<'_, '_> {
    /// `impl<..> Trait for Type<..> where ..`: the struct's generics, `__C`
    /// for a context-free struct, and the bounds reading and checking its
    /// fields needs.
    pub(crate) fn impl_header(&self, trait_path: TokenStream) -> TokenStream {
        let plan = self.plan;
        if let Some(hidden) = &self.hidden {
            let generics = plan
                .context
                .is_none()
                .then(|| quote!(<__C: ?::core::marker::Sized>));
            return quote! {
                #[automatically_derived]
                impl #generics #trait_path for #hidden
            };
        }
        let ident = plan.ident;
        let ctx = &self.ctx;
        let krate = &plan.krate;
        let mut generics = plan.generics.clone();
        if plan.context.is_none() {
            generics
                .params
                .push(syn::parse_quote!(__C: ?::core::marker::Sized));
        }
        let mut predicates = crate::bounds::validate(plan, ctx);
        predicates.extend(crate::bounds::sanitize(plan));
        for param in plan.generics.type_params() {
            let p = &param.ident;
            predicates.push(quote!(#p: #krate::decode::Decode<#ctx> + 'static));
        }
        crate::bounds::extend(&mut generics, predicates);
        let (impl_generics, _, where_clause) = generics.split_for_impl();
        let (_, ty_generics, _) = plan.generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics #trait_path for #ident #ty_generics #where_clause
        }
    }

    /// `(&&&Wrap::<T, C>::new()).decode_value(de, cx, loc)`: the field's
    /// `Decode`, else its serde impl (see validate-core's `fallback`), or
    /// its `deserialize_with` function over a buffered copy.
    pub(crate) fn read_value(
        &self,
        f: &Field<'_, '_>,
        de: TokenStream,
        loc: TokenStream,
    ) -> TokenStream {
        let krate = &self.plan.krate;
        let ty = f.plan.ty;
        let ctx = &self.ctx;
        match &f.serde.deserialize_with {
            None => quote! {
                (&&&#krate::decode::Wrap::<#ty, #ctx>::new()).decode_value(#de, __cx, #loc)
            },
            Some(path) => quote! {
                #krate::decode::decode_with::<#ty, _, _, _>(#de, __cx, #loc, |__d| #path(__d))
            },
        }
    }

    /// The struct built from its bound values `__v{slot}` (read fields)
    /// and defaults (skipped ones).
    pub(crate) fn construct(&self, value: impl Fn(usize) -> Ident) -> TokenStream {
        let members = self.fields.iter().map(|f| {
            let member = &f.plan.member;
            match f.slot {
                Some(slot) => {
                    let v = value(slot);
                    quote!(#member: #v)
                }
                None => {
                    let default = self.default_of(f);
                    quote!(#member: #default)
                }
            }
        });
        quote!(Self { #(#members),* })
    }

    /// The value of an absent or skipped field with a default.
    pub(crate) fn default_of(&self, f: &Field<'_, '_>) -> TokenStream {
        let member = &f.plan.member;
        match (&f.serde.default, &self.container.default) {
            (Some(SerdeDefault::Path(path)), _) => quote!(#path()),
            (Some(SerdeDefault::Trait), _) | (None, None) => {
                quote!(::core::default::Default::default())
            }
            (None, Some(SerdeDefault::Trait)) => {
                quote!(<Self as ::core::default::Default>::default().#member)
            }
            (None, Some(SerdeDefault::Path(path))) => quote!(#path().#member),
        }
    }

    /// A struct read as its one field (`#[serde(transparent)]`, a one-field
    /// tuple struct): the field at the struct's own loc.
    fn single(&self, f: &Field<'_, '_>) -> TokenStream {
        let krate = &self.plan.krate;
        let ctx = &self.ctx;
        let header = self.impl_header(quote!(#krate::decode::Decode<#ctx>));
        let read = self.read_value(f, quote!(__de), quote!(__loc));
        let build = self.construct(|_| format_ident!("__v0"));
        quote! {
            #header {
                fn decode<'de, __D: #krate::__private::serde::Deserializer<'de>>(
                    __de: __D,
                    __cx: &mut #krate::decode::DecodeCx<'_, #ctx>,
                    __loc: &#krate::LocChain<'_>,
                ) -> ::core::result::Result<::core::option::Option<Self>, __D::Error> {
                    let __v0 = #read?;
                    ::core::result::Result::Ok(::core::option::Option::map(__v0, |__v0| #build))
                }
            }
        }
    }

    /// A struct with named fields: `Decode` through `decode_struct`, and
    /// the `DecodeStruct` it reads with.
    fn named(&self) -> TokenStream {
        let krate = &self.plan.krate;
        let ctx = &self.ctx;
        let decode_header = self.impl_header(quote!(#krate::decode::Decode<#ctx>));
        let struct_header = self.impl_header(quote!(#krate::decode::DecodeStruct<#ctx>));
        let read: Vec<&Field<'_, '_>> = self.fields.iter().filter(|f| f.slot.is_some()).collect();
        let slot_types = read.iter().map(|f| {
            let ty = f.plan.ty;
            quote!(::core::option::Option<::core::option::Option<#ty>>,)
        });
        // `{}` for no field: `()` there is clippy's `unused_unit`.
        let empty = (!read.is_empty()).then(|| {
            let nones = read.iter().map(|_| quote!(::core::option::Option::None,));
            quote!((#(#nones)*))
        });
        let deny = self.container.deny_unknown_fields;
        let flatten = read.iter().any(|f| f.serde.flatten);
        let arms = read.iter().filter(|f| !f.serde.flatten).map(|f| {
            let slot = f.slot.unwrap_or_default();
            let names = &f.names;
            quote!(#(#names)|* => ::core::option::Option::Some(#slot),)
        });
        let reads = read.iter().filter(|f| !f.serde.flatten).map(|f| {
            let slot = f.slot.unwrap_or_default();
            let index = syn::Index::from(slot);
            let loc = field_loc(&f.plan.loc, quote!(__loc));
            let value = self.read_value(f, quote!(__de), quote!(&__at));
            let range = self.range_bound(f);
            quote! {
                #slot => {
                    let __at = #loc;
                    let __start = __cx.errors().len();
                    let __value = #value?;
                    #range
                    __slots.#index = ::core::option::Option::Some(__value);
                }
            }
        });
        let finish = self.finish();
        // Rule arguments of a context type may name the context `ctx` (a
        // `range` bound, read here for out-of-type integers).
        let ctx_name = self
            .plan
            .context
            .as_ref()
            .map(|_| quote!(let ctx = __cx.ctx(); let _ = ctx;));
        quote! {
            #decode_header {
                fn decode<'de, __D: #krate::__private::serde::Deserializer<'de>>(
                    __de: __D,
                    __cx: &mut #krate::decode::DecodeCx<'_, #ctx>,
                    __loc: &#krate::LocChain<'_>,
                ) -> ::core::result::Result<::core::option::Option<Self>, __D::Error> {
                    #krate::decode::decode_struct::<Self, #ctx, __D>(__de, __cx, __loc)
                }
            }

            #struct_header {
                type Slots = (#(#slot_types)*);
                const DENY_UNKNOWN: bool = #deny;
                const FLATTEN: bool = #flatten;

                fn slots() -> Self::Slots {
                    #empty
                }

                fn field(__key: &str) -> ::core::option::Option<usize> {
                    match __key {
                        #(#arms)*
                        _ => ::core::option::Option::None,
                    }
                }

                fn decode_field<'de, __D: #krate::__private::serde::Deserializer<'de>>(
                    __slots: &mut Self::Slots,
                    __index: usize,
                    __de: __D,
                    __cx: &mut #krate::decode::DecodeCx<'_, #ctx>,
                    __loc: &#krate::LocChain<'_>,
                ) -> ::core::result::Result<(), __D::Error> {
                    #ctx_name
                    match __index {
                        #(#reads)*
                        _ => {
                            #krate::__private::serde::Deserializer::deserialize_ignored_any(
                                __de,
                                #krate::__private::serde::de::IgnoredAny,
                            )?;
                        }
                    }
                    ::core::result::Result::Ok(())
                }

                #finish
            }
        }
    }
}

impl Decoder<'_, '_> {
    /// For an integer field with a `range` rule: a number outside the Rust
    /// type that breaks the range reports the range's error (validate-core's
    /// `range_bound`).
    fn range_bound(&self, f: &Field<'_, '_>) -> Option<TokenStream> {
        let krate = &self.plan.krate;
        let check = f.plan.check.as_ref()?;
        let rule = check
            .rules
            .iter()
            .find(|r| matches!(r.check, crate::plan::Check::Range { .. }))?;
        let int = int_type(f.plan.ty)?;
        // At the rule's span, as `validate()`'s call: a type error is then
        // the same error at the same place, which rustc reports once.
        let v = Ident::new("__nearest", rule.name.span());
        let call = crate::emit::rule_call(krate, rule, Some(int), &v);
        let err = crate::emit::rule_error(rule);
        Some(quote! {
            #krate::decode::range_bound::<#int, _>(__cx, __start, |#v: &#int| {
                match #call {
                    ::core::result::Result::Err(__e) => ::core::option::Option::Some(#err),
                    ::core::result::Result::Ok(()) => ::core::option::Option::None,
                }
            });
        })
    }
}

/// The integer type of a field written as one (or `Option` of one).
fn int_type(ty: &Type) -> Option<&Type> {
    const INTS: [&str; 12] = [
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    let Type::Path(p) = ty else {
        return None;
    };
    let last = p.path.segments.last()?;
    match &last.arguments {
        syn::PathArguments::None if INTS.iter().any(|i| last.ident == i) => Some(ty),
        syn::PathArguments::AngleBracketed(args)
            if last.ident == "Option" && args.args.len() == 1 =>
        {
            match args.args.first() {
                Some(syn::GenericArgument::Type(inner)) => {
                    int_type(inner).filter(|t| !is_option(t))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The loc of a field under `parent`.
pub(crate) fn field_loc(loc: &FieldLoc, parent: TokenStream) -> TokenStream {
    match loc {
        FieldLoc::Name(name) => quote!(#parent.field(#name)),
        FieldLoc::Index(i) => quote!(#parent.index(#i)),
        FieldLoc::Here => quote!(*#parent),
    }
}

/// Whether a type is written `Option<..>`: absent means `None`, as serde.
pub(crate) fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Option" && !s.arguments.is_empty()),
        Type::Group(g) => is_option(&g.elem),
        _ => false,
    }
}
