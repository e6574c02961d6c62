//! [`Decode`] through `Option`, `Box`, `Rc`, `Arc` and [`Valid<T>`].

use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use serde::de::{self, Deserializer, Visitor};

use super::{Decode, DecodeCx};
use crate::{LocChain, Valid, Validate};

/// `null` is `None`; anything else is the inner value, at the same loc.
impl<C: ?Sized, T: Decode<C>> Decode<C> for Option<T> {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<Self>, D::Error> {
        de.deserialize_option(OptionVisitor {
            cx,
            loc,
            inner: std::marker::PhantomData::<T>,
        })
    }
}

struct OptionVisitor<'a, 'c, 'l, C: ?Sized, T> {
    cx: &'a mut DecodeCx<'c, C>,
    loc: &'a LocChain<'l>,
    inner: std::marker::PhantomData<T>,
}

impl<'de, C: ?Sized, T: Decode<C>> Visitor<'de> for OptionVisitor<'_, '_, '_, C, T> {
    type Value = Option<Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an optional value")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(T::decode(d, self.cx, self.loc)?.map(Some))
    }
}

macro_rules! pointers {
    ($($p:ident)*) => {$(
        impl<C: ?Sized, T: Decode<C>> Decode<C> for $p<T> {
            fn decode<'de, D: Deserializer<'de>>(
                de: D,
                cx: &mut DecodeCx<'_, C>,
                loc: &LocChain<'_>,
            ) -> Result<Option<Self>, D::Error> {
                Ok(T::decode(de, cx, loc)?.map($p::new))
            }
        }
    )*};
}

pointers!(Box Rc Arc);

/// The inner value, then its sanitizers and rules: its errors at its loc.
impl<C: ?Sized, T> Decode<C> for Valid<T>
where
    T: Decode<C> + Validate<Context = ()>,
{
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        cx: &mut DecodeCx<'_, C>,
        loc: &LocChain<'_>,
    ) -> Result<Option<Self>, D::Error> {
        let Some(value) = T::decode(de, cx, loc)? else {
            return Ok(None);
        };
        match Valid::new(value) {
            Ok(valid) => Ok(Some(valid)),
            Err(errors) => {
                cx.errors_mut().extend_at(loc, errors);
                Ok(None)
            }
        }
    }
}
