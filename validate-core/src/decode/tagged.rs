//! Enums for the generated decoder: an enum's value is buffered, then
//! split as its serde tagging says into the variant's name and content
//! (externally tagged `{"Name": content}` or `"Name"`, internally tagged
//! `{"type": "Name", ...}`, adjacently tagged `{"t": "Name", "c": content}`),
//! or, untagged, tried variant by variant.

use super::DecodeCx;
use super::content::{Content, ContentDeserializer};
use super::fallback::{Failure, enum_error};
use crate::LocChain;
use crate::error::catalogue;

/// How an enum's value is tagged, as its `#[serde]` attributes say.
#[derive(Debug, Clone, Copy)]
pub enum Tagging {
    /// `"Name"` or `{"Name": content}` (serde's default).
    External,
    /// `#[serde(tag = "type")]`: `{"type": "Name", ...fields}`.
    Internal(&'static str),
    /// `#[serde(tag = "t", content = "c")]`: `{"t": "Name", "c": content}`.
    Adjacent(&'static str, &'static str),
}

/// The variant a value names and its content (`None`: no content, as for
/// `"Name"`), or `None` with the error reported at `loc`.
pub fn split<C: ?Sized>(
    content: Content,
    tagging: Tagging,
    variants: &'static [&'static str],
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Option<(String, Option<Content>)> {
    let found = match (tagging, content) {
        (Tagging::External, Content::Str(name)) => Some((name, None)),
        (Tagging::External, Content::Map(mut entries)) if entries.len() == 1 => {
            entries.pop().map(|(name, value)| (name, Some(value)))
        }
        (Tagging::External, _) => None,
        (Tagging::Internal(tag), Content::Map(mut entries)) => {
            let Some(i) = entries.iter().position(|(k, _)| k == tag) else {
                cx.push(&loc.field(tag), catalogue::missing());
                return None;
            };
            match entries.remove(i).1 {
                Content::Str(name) => Some((name, Some(Content::Map(entries)))),
                _ => {
                    cx.push(&loc.field(tag), enum_error(variants));
                    return None;
                }
            }
        }
        (Tagging::Adjacent(tag, key), Content::Map(mut entries)) => {
            let Some(i) = entries.iter().position(|(k, _)| k == tag) else {
                cx.push(&loc.field(tag), catalogue::missing());
                return None;
            };
            let name = match entries.remove(i).1 {
                Content::Str(name) => name,
                _ => {
                    cx.push(&loc.field(tag), enum_error(variants));
                    return None;
                }
            };
            let value = entries
                .iter()
                .position(|(k, _)| k == key)
                .map(|i| entries.remove(i).1);
            Some((name, value))
        }
        (Tagging::Internal(_) | Tagging::Adjacent(..), _) => {
            cx.push(loc, catalogue::model_attributes_type());
            return None;
        }
    };
    if found.is_none() {
        cx.push(loc, enum_error(variants));
    }
    found
}

/// The error for a variant name the enum does not have: at the tag for an
/// internally or adjacently tagged enum, at the value otherwise.
pub fn unknown_variant<C: ?Sized>(
    tagging: Tagging,
    variants: &'static [&'static str],
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) {
    match tagging {
        Tagging::External => cx.push(loc, enum_error(variants)),
        Tagging::Internal(tag) | Tagging::Adjacent(tag, _) => {
            cx.push(&loc.field(tag), enum_error(variants));
        }
    }
}

/// A variant's content read by `read` at `loc`; absent content is
/// `missing` there.
pub fn variant<T, C: ?Sized>(
    content: Option<Content>,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
    read: impl FnOnce(
        ContentDeserializer<Failure>,
        &mut DecodeCx<'_, C>,
        &LocChain<'_>,
    ) -> Result<Option<T>, Failure>,
) -> Option<T> {
    let Some(content) = content else {
        cx.push(loc, catalogue::missing());
        return None;
    };
    crate::__private::flattened(read(content.into_deserializer(), cx, loc), cx, loc)
}

/// A unit variant: no content, or `null`.
pub fn unit<C: ?Sized>(
    content: Option<Content>,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> bool {
    match content {
        None | Some(Content::Null) => true,
        // Internally tagged: the rest of the object, empty or not, as serde.
        Some(Content::Map(_)) => true,
        Some(_) => {
            cx.push(loc, catalogue::value_error("a variant without content"));
            false
        }
    }
}

/// An untagged enum's attempt: `read` on a fresh run with the same
/// context and mode; its value only if it reported nothing.
pub fn attempt<T, C: ?Sized>(
    cx: &DecodeCx<'_, C>,
    read: impl FnOnce(&mut DecodeCx<'_, C>) -> Option<T>,
) -> Option<T> {
    let mut fresh = cx.fork();
    let value = read(&mut fresh)?;
    fresh.errors().is_empty().then_some(value)
}

/// An untagged enum that no variant accepted: one error at `loc`.
pub fn no_variant<C: ?Sized>(cx: &mut DecodeCx<'_, C>, loc: &LocChain<'_>) {
    cx.push(
        loc,
        catalogue::value_error("Input does not match any variant"),
    );
}
