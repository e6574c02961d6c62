//! The struct reader `#[derive(Validate)]` builds on: reads an object key
//! by key into the struct's field slots, then hands them to the generated
//! `finish`, which builds the struct or reports, in declaration order,
//! what went wrong.
//!
//! Fields arrive in input order; errors must come out in declaration
//! order. While reading, each field's errors are pushed as they come and
//! their range recorded; only when something failed does [`StructState`]
//! take them back and let `finish` place them field by field, beside the
//! `missing` errors and the rule failures of the fields that decoded.

use std::any::Any;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::DecodeCx;
use super::content::{Content, ContentSeed};
use super::seq::refuse_scalars;
use crate::LocChain;
use crate::error::{Loc, LocItem, ValidationError, ValidationErrors, catalogue};

/// A struct the generated decoder reads: field slots, key matching, and
/// `finish`, which builds the struct or reports in declaration order.
/// Implemented by `#[derive(Validate)]`; not a stable API.
pub trait DecodeStruct<C: ?Sized>: Sized {
    /// One `Option<Option<T>>` per field read from input: `None` absent,
    /// `Some(None)` failed, `Some(Some(v))` decoded.
    type Slots;
    /// `#[serde(deny_unknown_fields)]`.
    const DENY_UNKNOWN: bool;
    /// A `#[serde(flatten)]` field takes the unknown keys.
    const FLATTEN: bool;
    /// Every slot empty.
    fn slots() -> Self::Slots;
    /// The field a key names (wire names and aliases).
    fn field(key: &str) -> Option<usize>;
    /// Reads field `index` from `de` into its slot.
    fn decode_field<'de, D: Deserializer<'de>>(
        slots: &mut Self::Slots,
        index: usize,
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<(), D::Error>;
    /// The struct, or `None` with every error reported.
    fn finish(
        slots: Self::Slots,
        state: &mut StructState,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Option<Self>;
}

/// Reads a struct `S` (see [`DecodeStruct`]).
pub fn decode_struct<'de, S, C, D>(
    de: D,
    cx: &mut DecodeCx<'_, C>,
    loc: &LocChain<'_>,
) -> Result<Option<S>, D::Error>
where
    S: DecodeStruct<C>,
    C: ?Sized,
    D: Deserializer<'de>,
{
    if !cx.enter(loc) {
        de.deserialize_ignored_any(IgnoredAny)?;
        return Ok(None);
    }
    let out = de.deserialize_any(StructVisitor::<S, C> {
        cx: &mut *cx,
        loc,
        out: PhantomData,
    });
    cx.leave();
    out
}

/// The items of a list that decoded, beside one that did not, and their
/// positions in the input.
#[derive(Debug)]
pub struct Partial<L> {
    /// The items that decoded, in order.
    pub items: L,
    /// The position of each.
    pub indices: Vec<usize>,
}

/// The number of items of a list that did not decode whole, for its
/// `length(max)`: Pydantic reports a list over its maximum as `too_long`
/// alone, whatever its items.
#[derive(Debug, Clone, Copy)]
pub struct ItemCount(pub usize);

impl crate::rules::HasLength for ItemCount {
    fn measure(&self, _: crate::rules::LengthUnit) -> Option<crate::rules::Measured> {
        Some(crate::rules::Measured::Items {
            count: self.0,
            field_type: "List",
        })
    }
}

/// What was found while reading one struct.
#[derive(Debug)]
pub struct StructState {
    /// Errors before this index are not this struct's.
    base: usize,
    /// Anything but a clean read; boxed, so a valid struct carries (and
    /// drops) one pointer.
    found: Option<Box<Found>>,
}

/// What only a struct with a problem, a flattened field or a repeated key
/// needs.
#[derive(Debug, Default)]
struct Found {
    /// Where each field's decoding errors are (field, start, end).
    spans: Vec<(usize, usize, usize)>,
    /// Keys refused by `deny_unknown_fields`, in input order.
    extras: Vec<String>,
    /// Unknown keys and their values, for a `flatten` field.
    flat: Vec<(String, Content)>,
    /// The errors taken back for reordering, once something failed.
    pending: Vec<Option<ValidationError>>,
    /// Lists that had an item fail, by field: their length and their
    /// other items.
    partials: Vec<(usize, usize, Box<dyn Any>)>,
}

impl StructState {
    fn new(base: usize) -> Self {
        StructState { base, found: None }
    }

    fn found(&mut self) -> &mut Found {
        self.found.get_or_insert_with(Box::default)
    }

    /// Field `field` was read, its errors at `start..` the current end. A
    /// later value for the same key replaces an earlier one, as in
    /// Python's `json`.
    #[inline]
    pub fn record<C: ?Sized>(&mut self, field: usize, start: usize, cx: &mut DecodeCx<'_, C>) {
        if let Some(found) = &mut self.found {
            found.spans.retain(|s| s.0 != field);
            found.partials.retain(|p| p.0 != field);
        }
        let end = cx.errors().len();
        if end > start {
            self.found().spans.push((field, start, end));
        }
        if cx.partial.is_some() {
            self.keep_partial(field, start, cx);
        }
    }

    #[cold]
    fn keep_partial<C: ?Sized>(&mut self, field: usize, start: usize, cx: &mut DecodeCx<'_, C>) {
        if let Some((at, len, partial)) = cx.partial.take()
            && at >= start
        {
            self.found().partials.push((field, len, partial));
        }
    }

    /// The unknown keys, as an object for a `flatten` field.
    pub fn flattened(&self) -> Content {
        Content::Map(
            self.found
                .as_ref()
                .map(|f| f.flat.clone())
                .unwrap_or_default(),
        )
    }

    /// Drops the unknown keys a flattened struct took, so the next
    /// flattened field does not see them.
    pub fn forget_flattened(&mut self, known: impl Fn(&str) -> bool) {
        if let Some(found) = &mut self.found {
            found.flat.retain(|(key, _)| !known(key));
        }
    }

    /// Whether every field read decoded and no key was refused. Errors of
    /// values later replaced by a repeated key are dropped then.
    #[inline]
    pub fn is_clean<C: ?Sized>(&mut self, cx: &mut DecodeCx<'_, C>) -> bool {
        if let Some(found) = &self.found
            && (!found.spans.is_empty() || !found.extras.is_empty())
        {
            return false;
        }
        if cx.errors().len() > self.base {
            drop(cx.errors_mut().split_off(self.base));
        }
        true
    }

    /// Takes this struct's errors back, to be placed again by
    /// [`field`](Self::field) in declaration order.
    pub fn begin_report<C: ?Sized>(&mut self, cx: &mut DecodeCx<'_, C>) {
        let base = self.base;
        let pending = cx
            .errors_mut()
            .split_off(base)
            .into_iter()
            .map(Some)
            .collect();
        self.found().pending = pending;
    }

    /// Puts back the decoding errors of field `field`.
    pub fn field<C: ?Sized>(&mut self, field: usize, cx: &mut DecodeCx<'_, C>) {
        for error in self.take_errors(field) {
            cx.errors_mut().push(error);
        }
    }

    fn take_errors(&mut self, field: usize) -> Vec<ValidationError> {
        let base = self.base;
        let mut out = Vec::new();
        let Some(found) = &mut self.found else {
            return out;
        };
        for &(f, start, end) in &found.spans {
            if f != field {
                continue;
            }
            for i in start..end {
                if let Some(error) = found.pending.get_mut(i - base).and_then(Option::take) {
                    out.push(error);
                }
            }
        }
        out
    }

    /// The number of items of list field `field`, when some of them did
    /// not decode.
    pub fn partial_len(&self, field: usize) -> Option<usize> {
        let found = self.found.as_ref()?;
        found.partials.iter().find(|p| p.0 == field).map(|p| p.1)
    }

    /// Replaces the decoding errors of field `field` with `error` at `at`
    /// (a list over its maximum: `too_long` alone).
    pub fn field_replaced<C: ?Sized>(
        &mut self,
        field: usize,
        cx: &mut DecodeCx<'_, C>,
        at: &LocChain<'_>,
        error: ValidationError,
    ) {
        drop(self.take_errors(field));
        cx.push(at, error);
    }

    /// Puts back the decoding errors of list field `field` and, when some
    /// of its items decoded, their checks: `check` runs the field's checks
    /// on those items (locs from the root, the item's position at `step`),
    /// and each error is moved to its item's real position, in item order
    /// beside the decoding errors. Checks of the whole list (its length)
    /// are left out: they would see only part of it, and Pydantic does not
    /// run them when an item failed.
    pub fn field_partial<L: 'static, C: ?Sized>(
        &mut self,
        field: usize,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
        step: usize,
        check: impl FnOnce(&L, &mut ValidationErrors),
    ) {
        let found = self.found();
        let position = found.partials.iter().position(|p| p.0 == field);
        let partial = position
            .map(|i| found.partials.swap_remove(i).2)
            .and_then(|p| p.downcast::<Partial<L>>().ok());
        let Some(partial) = partial else {
            return self.field(field, cx);
        };
        let mut checks = ValidationErrors::new();
        check(&partial.items, &mut checks);
        let at = loc.depth() + step;
        let index_at = |e: &ValidationError, i: usize| match e.loc().get(i) {
            Some(LocItem::Index(k)) => Some(*k),
            _ => None,
        };
        let mut all: Vec<(usize, ValidationError)> = self
            .take_errors(field)
            .into_iter()
            .map(|e| (index_at(&e, at).unwrap_or(usize::MAX), e))
            .collect();
        for mut error in checks {
            let Some(real) = index_at(&error, step).and_then(|k| partial.indices.get(k).copied())
            else {
                continue;
            };
            let placed: Loc = error
                .loc()
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    if i == step {
                        LocItem::Index(real)
                    } else {
                        item.clone()
                    }
                })
                .collect();
            *error.loc_mut() = placed;
            error.loc_mut().prepend_chain(loc);
            all.push((real, error));
        }
        all.sort_by_key(|(k, _)| *k);
        for (_, error) in all {
            cx.errors_mut().push(error);
        }
    }

    /// Reports the refused keys, after the fields (as pydantic-core).
    pub fn extras<C: ?Sized>(&mut self, cx: &mut DecodeCx<'_, C>, loc: &LocChain<'_>) {
        let extras = self.found.as_mut().map(|f| std::mem::take(&mut f.extras));
        for key in extras.unwrap_or_default() {
            cx.push(&loc.key(&InputName(&key)), catalogue::extra_forbidden());
        }
    }
}

/// A key the input named where a field was expected: its loc step is
/// [`LocItem::from_input`], so a plain name reads as a field and any other
/// is quoted and escaped in `Display`.
struct InputName<'k>(&'k str);

impl crate::LocKey for InputName<'_> {
    fn to_loc_item(&self) -> LocItem {
        LocItem::from_input(self.0)
    }
}

/// A key of the object: a field, or unknown.
enum Key {
    Field(usize),
    /// Kept: for `deny_unknown_fields` or a `flatten` field.
    Unknown(String),
    Ignored,
}

struct KeySeed<S, C: ?Sized>(PhantomData<S>, PhantomData<fn(&C)>);

impl<'de, S: DecodeStruct<C>, C: ?Sized> DeserializeSeed<'de> for KeySeed<S, C> {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Key, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de, S: DecodeStruct<C>, C: ?Sized> Visitor<'de> for KeySeed<S, C> {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(match S::field(v) {
            Some(i) => Key::Field(i),
            None if S::DENY_UNKNOWN || S::FLATTEN => Key::Unknown(v.to_owned()),
            None => Key::Ignored,
        })
    }
}

/// Reads one field's value into its slot.
struct FieldSeed<'a, 'c, 'l, S: DecodeStruct<C>, C: ?Sized> {
    slots: &'a mut S::Slots,
    index: usize,
    cx: &'a mut DecodeCx<'c, C>,
    loc: &'a LocChain<'l>,
}

impl<'de, S: DecodeStruct<C>, C: ?Sized> DeserializeSeed<'de> for FieldSeed<'_, '_, '_, S, C> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        S::decode_field(self.slots, self.index, de, self.cx, self.loc)
    }
}

struct StructVisitor<'a, 'c, 'l, S, C: ?Sized> {
    cx: &'a mut DecodeCx<'c, C>,
    loc: &'a LocChain<'l>,
    out: PhantomData<S>,
}

impl<S, C: ?Sized> StructVisitor<'_, '_, '_, S, C> {
    fn wrong<R>(self, error: ValidationError) -> Option<R> {
        self.cx.push(self.loc, error);
        None
    }
}

impl<'de, S: DecodeStruct<C>, C: ?Sized> Visitor<'de> for StructVisitor<'_, '_, '_, S, C> {
    type Value = Option<S>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    refuse_scalars!(catalogue::model_attributes_type());

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.wrong(catalogue::model_attributes_type()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut state = StructState::new(self.cx.errors().len());
        let mut slots = S::slots();
        while let Some(key) = map.next_key_seed(KeySeed::<S, C>(PhantomData, PhantomData))? {
            match key {
                Key::Field(index) => {
                    let start = self.cx.errors().len();
                    map.next_value_seed(FieldSeed::<S, C> {
                        slots: &mut slots,
                        index,
                        cx: &mut *self.cx,
                        loc: self.loc,
                    })?;
                    state.record(index, start, self.cx);
                }
                Key::Unknown(key) if S::FLATTEN => {
                    let value = map.next_value_seed(ContentSeed)?;
                    state.found().flat.push((key, value));
                }
                Key::Unknown(key) => {
                    map.next_value::<IgnoredAny>()?;
                    state.found().extras.push(key);
                }
                Key::Ignored => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(S::finish(slots, &mut state, self.cx, self.loc))
    }
}
