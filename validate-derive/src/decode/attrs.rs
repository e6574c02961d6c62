//! The `#[serde(...)]` attributes the decoder follows, read leniently from
//! the derive input: anything malformed is serde's to report, so it is
//! skipped here. Names are the deserialize ones (`rename(deserialize =
//! ..)`).

use syn::{LitStr, Path, Token};

use crate::parse::{deserialize_name, skip_meta};

use crate::case::RenameRule;

/// A field's or container's `default`.
#[derive(Clone)]
pub(crate) enum Default {
    /// `default`: `Default::default()`.
    Trait,
    /// `default = "path"`: `path()`.
    Path(Path),
}

/// How a field is read, per serde.
#[derive(Default)]
pub(crate) struct FieldSerde {
    pub(crate) rename: Option<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) default: Option<Default>,
    /// `skip` / `skip_deserializing`: never read, always the default.
    pub(crate) skip: bool,
    pub(crate) flatten: bool,
    /// `deserialize_with = "path"`, or `with = "module"` as
    /// `module::deserialize`.
    pub(crate) deserialize_with: Option<Path>,
}

/// How a struct is read, per serde.
#[derive(Default)]
pub(crate) struct ContainerSerde {
    pub(crate) rename_all: Option<RenameRule>,
    pub(crate) deny_unknown_fields: bool,
    pub(crate) default: Option<Default>,
    pub(crate) transparent: bool,
    /// `from`, `try_from`, `remote`, or a `tag` / `untagged` on a struct:
    /// serde reads something else than the fields, so the decoder leaves
    /// the type to serde.
    pub(crate) foreign: bool,
}

pub(crate) fn field(attrs: &[syn::Attribute]) -> FieldSerde {
    let mut out = FieldSerde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let p = &meta.path;
            if p.is_ident("rename") {
                out.rename = deserialize_name(&meta)?.or(out.rename.take());
            } else if p.is_ident("alias") {
                out.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if p.is_ident("default") {
                out.default = Some(default(&meta)?);
            } else if p.is_ident("skip") || p.is_ident("skip_deserializing") {
                out.skip = true;
            } else if p.is_ident("flatten") {
                out.flatten = true;
            } else if p.is_ident("deserialize_with") {
                out.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse::<Path>()?);
            } else if p.is_ident("with") {
                let mut module = meta.value()?.parse::<LitStr>()?.parse::<Path>()?;
                module.segments.push(syn::parse_quote!(deserialize));
                out.deserialize_with = Some(module);
            } else {
                skip_meta(&meta)?;
            }
            Ok(())
        });
    }
    out
}

pub(crate) fn container(attrs: &[syn::Attribute]) -> ContainerSerde {
    let mut out = ContainerSerde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let p = &meta.path;
            if p.is_ident("rename_all") {
                out.rename_all = deserialize_name(&meta)?
                    .and_then(|n| RenameRule::from_str(&n))
                    .or(out.rename_all);
            } else if p.is_ident("deny_unknown_fields") {
                out.deny_unknown_fields = true;
            } else if p.is_ident("default") {
                out.default = Some(default(&meta)?);
            } else if p.is_ident("transparent") {
                out.transparent = true;
            } else if ["from", "try_from", "remote", "tag", "untagged", "content"]
                .iter()
                .any(|n| p.is_ident(n))
            {
                out.foreign = true;
                skip_meta(&meta)?;
            } else {
                skip_meta(&meta)?;
            }
            Ok(())
        });
    }
    out
}

fn default(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<Default> {
    if meta.input.peek(Token![=]) {
        let path = meta.value()?.parse::<LitStr>()?.parse::<Path>()?;
        Ok(Default::Path(path))
    } else {
        Ok(Default::Trait)
    }
}
