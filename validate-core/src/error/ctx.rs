//! The `ctx` of an error: the rule's parameters and measured facts (never the
//! input), as ordered key/value pairs that serialize like Pydantic's.

use std::borrow::Cow;
use std::fmt;

use super::small::SmallList;

/// One value in an error's [`Ctx`]. Integers and floats become JSON numbers,
/// strings JSON strings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CtxValue {
    /// A signed integer.
    Int(i64),
    /// An unsigned integer too large for `i64`.
    UInt(u64),
    /// A float; `Display` writes it as Python's `repr` does (`13.0`, `1.5`).
    Float(f64),
    /// A string.
    Str(Cow<'static, str>),
    /// A boolean.
    Bool(bool),
}

impl fmt::Display for CtxValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CtxValue::Int(v) => write!(f, "{v}"),
            CtxValue::UInt(v) => write!(f, "{v}"),
            CtxValue::Float(v) => write_python_float(f, *v),
            CtxValue::Str(s) => f.write_str(s),
            CtxValue::Bool(true) => f.write_str("True"),
            CtxValue::Bool(false) => f.write_str("False"),
        }
    }
}

impl CtxValue {
    /// The value as a message shows it: as [`Display`](fmt::Display), except
    /// that a float is written with Rust's `f64` `Display` (`0`, `13`, `0.5`,
    /// `100000000000000000000`, `0.0000001`), as pydantic-core writes the
    /// numbers in its messages; `ctx` keeps Python's form (`0.0`, `1e+20`).
    pub(crate) fn in_msg(&self) -> InMsg<'_> {
        InMsg(self)
    }
}

/// A [`CtxValue`] as a message shows it; see [`CtxValue::in_msg`].
pub(crate) struct InMsg<'a>(&'a CtxValue);

impl fmt::Display for InMsg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            CtxValue::Float(v) => write!(f, "{v}"),
            other => fmt::Display::fmt(other, f),
        }
    }
}

/// Python's `repr(float)`: `13.0`, `1.5`, `1e-07`, `1e+20`, `inf`, `nan`.
fn write_python_float(f: &mut fmt::Formatter<'_>, v: f64) -> fmt::Result {
    if v.is_nan() {
        return f.write_str("nan");
    }
    if v.is_infinite() {
        return f.write_str(if v > 0.0 { "inf" } else { "-inf" });
    }
    let abs = v.abs();
    if abs == 0.0 || (1e-4..1e16).contains(&abs) {
        // Rust's Debug is the shortest round-trip form, with `.0` kept.
        return write!(f, "{v:?}");
    }
    // Scientific: Rust writes `1e-7`, Python `1e-07`.
    let s = format!("{v:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    write!(f, "{mantissa}e{sign}{digits:0>2}")
}

/// Turns a rule parameter into a [`CtxValue`]. Implemented for the numeric
/// types, strings, `bool` and `char`; implement it for your own types to use
/// them with `range`.
pub trait IntoCtxValue {
    /// The ctx value for this parameter.
    fn to_ctx_value(&self) -> CtxValue;
}

macro_rules! signed {
    ($($t:ty)*) => {$(
        impl IntoCtxValue for $t {
            fn to_ctx_value(&self) -> CtxValue {
                match i64::try_from(*self) {
                    Ok(v) => CtxValue::Int(v),
                    Err(_) => CtxValue::Str(Cow::Owned(self.to_string())),
                }
            }
        }
    )*};
}
signed!(i8 i16 i32 i64 i128 isize);

macro_rules! unsigned {
    ($($t:ty)*) => {$(
        impl IntoCtxValue for $t {
            fn to_ctx_value(&self) -> CtxValue {
                match i64::try_from(*self) {
                    Ok(v) => CtxValue::Int(v),
                    Err(_) => match u64::try_from(*self) {
                        Ok(v) => CtxValue::UInt(v),
                        Err(_) => CtxValue::Str(Cow::Owned(self.to_string())),
                    },
                }
            }
        }
    )*};
}
unsigned!(u8 u16 u32 u64 u128 usize);

impl IntoCtxValue for f32 {
    fn to_ctx_value(&self) -> CtxValue {
        // Through the shortest decimal form, so 0.1f32 stays 0.1, not
        // 0.10000000149011612.
        CtxValue::Float(self.to_string().parse().unwrap_or(f64::from(*self)))
    }
}

impl IntoCtxValue for f64 {
    fn to_ctx_value(&self) -> CtxValue {
        CtxValue::Float(*self)
    }
}

impl IntoCtxValue for bool {
    fn to_ctx_value(&self) -> CtxValue {
        CtxValue::Bool(*self)
    }
}

impl IntoCtxValue for char {
    fn to_ctx_value(&self) -> CtxValue {
        CtxValue::Str(Cow::Owned(self.to_string()))
    }
}

impl IntoCtxValue for str {
    fn to_ctx_value(&self) -> CtxValue {
        CtxValue::Str(Cow::Owned(self.to_owned()))
    }
}

impl IntoCtxValue for String {
    fn to_ctx_value(&self) -> CtxValue {
        CtxValue::Str(Cow::Owned(self.clone()))
    }
}

impl<T: IntoCtxValue + ?Sized> IntoCtxValue for &T {
    fn to_ctx_value(&self) -> CtxValue {
        (**self).to_ctx_value()
    }
}

impl From<&'static str> for CtxValue {
    fn from(s: &'static str) -> Self {
        CtxValue::Str(Cow::Borrowed(s))
    }
}

impl From<String> for CtxValue {
    fn from(s: String) -> Self {
        CtxValue::Str(Cow::Owned(s))
    }
}

impl From<Cow<'static, str>> for CtxValue {
    fn from(s: Cow<'static, str>) -> Self {
        CtxValue::Str(s)
    }
}

impl From<usize> for CtxValue {
    fn from(v: usize) -> Self {
        v.to_ctx_value()
    }
}

impl From<i64> for CtxValue {
    fn from(v: i64) -> Self {
        CtxValue::Int(v)
    }
}

impl From<f64> for CtxValue {
    fn from(v: f64) -> Self {
        CtxValue::Float(v)
    }
}

impl From<bool> for CtxValue {
    fn from(v: bool) -> Self {
        CtxValue::Bool(v)
    }
}

/// An error's context: ordered `key -> value` pairs. Empty for errors whose
/// Pydantic form has no `ctx` (then the JSON omits the key).
#[derive(Clone, PartialEq, Default)]
pub struct Ctx(SmallList<(Cow<'static, str>, CtxValue), 3>);

impl Ctx {
    /// An empty ctx.
    pub const fn new() -> Self {
        Ctx(SmallList::new())
    }

    /// Sets `key` to `value`, replacing an earlier value of the same key in
    /// place (so the key keeps its position).
    pub fn insert(&mut self, key: impl Into<Cow<'static, str>>, value: impl Into<CtxValue>) {
        let key = key.into();
        let value = value.into();
        for i in 0..self.0.len() {
            if let Some(entry) = self.0.get_mut(i)
                && entry.0 == key
            {
                entry.1 = value;
                return;
            }
        }
        self.0.push((key, value));
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&CtxValue> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The entries, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &CtxValue)> + '_ {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.len() == 0
    }
}

impl fmt::Debug for Ctx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python() {
        let p = |v: f64| CtxValue::Float(v).to_string();
        assert_eq!(p(13.0), "13.0");
        assert_eq!(p(1.5), "1.5");
        assert_eq!(p(0.0), "0.0");
        assert_eq!(p(1e-7), "1e-07");
        assert_eq!(p(1e20), "1e+20");
        assert_eq!(p(-2.5e-5), "-2.5e-05");
        assert_eq!(p(f64::INFINITY), "inf");
        assert_eq!(p(f64::NAN), "nan");
        assert_eq!(0.1f32.to_ctx_value(), CtxValue::Float(0.1));
    }

    #[test]
    fn floats_in_messages_use_rust_display() {
        let m = |v: f64| CtxValue::Float(v).in_msg().to_string();
        assert_eq!(m(0.0), "0");
        assert_eq!(m(13.0), "13");
        assert_eq!(m(0.5), "0.5");
        assert_eq!(m(1e20), "100000000000000000000");
        assert_eq!(m(1e-7), "0.0000001");
        assert_eq!(CtxValue::Int(5).in_msg().to_string(), "5");
        assert_eq!(CtxValue::from("a").in_msg().to_string(), "a");
    }

    #[test]
    fn integers_fit_their_json_form() {
        assert_eq!(5u8.to_ctx_value(), CtxValue::Int(5));
        assert_eq!(u64::MAX.to_ctx_value(), CtxValue::UInt(u64::MAX));
        assert_eq!(
            i128::MIN.to_ctx_value(),
            CtxValue::Str(Cow::Owned(i128::MIN.to_string()))
        );
    }

    #[test]
    fn insert_replaces_in_place() {
        let mut ctx = Ctx::new();
        ctx.insert("a", 1i64);
        ctx.insert("b", "x");
        ctx.insert("a", 2i64);
        let keys: Vec<_> = ctx.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(ctx.get("a"), Some(&CtxValue::Int(2)));
        assert_eq!(ctx.len(), 2);
    }
}
