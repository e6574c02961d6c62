//! Rule arguments as JSON: `range` and `multiple_of` bounds are written in
//! the field's type, which may be a number (a keyword) or not (`char`,
//! `String`, a date: an `x-validate` entry); `one_of` choices are any
//! `Serialize` value (an `enum` keyword) or not.

use serde_json::{Number, Value};

use super::node::Object;
use super::rule::SchemaRule;

/// A bound that is a JSON number: every primitive integer and float that
/// `serde_json` can hold (an `i128` / `u128` within 64 bits, a finite
/// float).
pub trait JsonNumber {
    /// The value as a JSON number, `None` when JSON cannot hold it.
    fn json_number(&self) -> Option<Number>;
}

macro_rules! exact_ints {
    ($($t:ty),*) => {$(
        impl JsonNumber for $t {
            fn json_number(&self) -> Option<Number> {
                Some(Number::from(*self))
            }
        }
    )*};
}
exact_ints!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl JsonNumber for i128 {
    fn json_number(&self) -> Option<Number> {
        Number::from_i128(*self)
    }
}

impl JsonNumber for u128 {
    fn json_number(&self) -> Option<Number> {
        Number::from_u128(*self)
    }
}

impl JsonNumber for f64 {
    fn json_number(&self) -> Option<Number> {
        Number::from_f64(*self)
    }
}

impl JsonNumber for f32 {
    fn json_number(&self) -> Option<Number> {
        // Through the shortest decimal that reads back as this f32, so
        // `0.1f32` is published as 0.1, not 0.10000000149011612.
        self.to_string()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
    }
}

/// A rule argument seen by the derive, which cannot know its type:
/// `{ let b = &Bound(&arg); b.json_number() }` is the number when the
/// argument's type is a [`JsonNumber`] (an unsuffixed literal is an `i32`
/// or `f64`), and `None` otherwise: method resolution tries `&Bound` (this
/// impl) before `&&Bound` (the fallback).
#[doc(hidden)]
pub struct Bound<'a, T: ?Sized>(pub &'a T);

#[doc(hidden)]
pub trait NumberBound {
    fn json_number(&self) -> Option<Number>;
}

impl<T: JsonNumber + ?Sized> NumberBound for Bound<'_, T> {
    fn json_number(&self) -> Option<Number> {
        self.0.json_number()
    }
}

#[doc(hidden)]
pub trait OtherBound {
    fn json_number(&self) -> Option<Number> {
        None
    }
}

impl<T: ?Sized> OtherBound for &Bound<'_, T> {}

#[doc(hidden)]
pub trait ValueBound {
    fn json_value(&self) -> Option<Value>;
}

/// A `one_of` choice as it is written on the wire: its `Serialize` output
/// (a unit enum variant is its serde name).
impl<T: serde::Serialize + ?Sized> ValueBound for Bound<'_, T> {
    fn json_value(&self) -> Option<Value> {
        serde_json::to_value(self.0).ok()
    }
}

#[doc(hidden)]
pub trait OtherValue {
    fn json_value(&self) -> Option<Value> {
        None
    }
}

impl<T: ?Sized> OtherValue for &Bound<'_, T> {}

#[doc(hidden)]
pub trait TextBound<'a> {
    fn json_text(&self) -> Option<&'a str>;
}

/// A `contains` / `prefix` / `suffix` text: any `AsRef<str>`.
impl<'a, T: AsRef<str> + ?Sized> TextBound<'a> for Bound<'a, T> {
    fn json_text(&self) -> Option<&'a str> {
        Some(self.0.as_ref())
    }
}

#[doc(hidden)]
pub trait OtherText {
    fn json_text(&self) -> Option<&'static str> {
        None
    }
}

impl<T: ?Sized> OtherText for &Bound<'_, T> {}

/// `one_of(LIST)`: the choices of a constant slice or array (the check's
/// `ChoiceList`) as JSON; `None` for anything else, which the check
/// reports.
#[doc(hidden)]
pub trait ListBound<T> {
    fn json_values(&self) -> Option<Vec<Option<Value>>>;
}

impl<T: serde::Serialize, L: crate::__private::ChoiceList<T> + ?Sized> ListBound<T>
    for Bound<'_, L>
{
    fn json_values(&self) -> Option<Vec<Option<Value>>> {
        Some(
            self.0
                .choices()
                .iter()
                .map(|c| serde_json::to_value(c).ok())
                .collect(),
        )
    }
}

#[doc(hidden)]
pub trait OtherList {
    fn json_values(&self) -> Option<Vec<Option<Value>>> {
        None
    }
}

impl<T: ?Sized> OtherList for &Bound<'_, T> {}

/// `rule(Set)` seen by the derive: `{ let s = &SetSchema::<Set>::new();
/// s.add_set_rules(schema, "Set") }` adds the set's rules when `Set` is a
/// [`ValidateSchema`](super::ValidateSchema) (every `rule_set!` is), and
/// an `x-validate` entry naming the set otherwise (a hand-written
/// `RuleSet`), by the same method resolution as [`Bound`]. A path that is
/// no rule set at all is the check's error alone.
#[doc(hidden)]
pub struct SetSchema<S: ?Sized>(std::marker::PhantomData<S>);

impl<S: ?Sized> SetSchema<S> {
    #[doc(hidden)]
    pub const fn new() -> Self {
        SetSchema(std::marker::PhantomData)
    }
}

#[doc(hidden)]
pub trait SetRules {
    fn add_set_rules(&self, schema: &mut Object, name: &str);
}

impl<S: super::ValidateSchema + ?Sized> SetRules for SetSchema<S> {
    fn add_set_rules(&self, schema: &mut Object, _: &str) {
        S::add_rules(schema);
    }
}

#[doc(hidden)]
pub trait OtherSetRules {
    fn add_set_rules(&self, schema: &mut Object, name: &str) {
        let mut params = Object::new();
        params.insert("set".to_owned(), name.into());
        let rule = SchemaRule::Unexpressed {
            rule: "rule",
            params,
        };
        super::apply(schema, &rule);
    }
}

impl<S: ?Sized> OtherSetRules for &SetSchema<S> {}

/// The text of a `pattern(EXPR)` regex (`&LazyLock<Regex>` and the like
/// coerce to `&Regex` here).
#[doc(hidden)]
pub fn pattern_text(regex: &regex::Regex) -> &str {
    regex.as_str()
}

/// An `x-validate` entry's parameters from a JSON object literal (what the
/// derive writes with `json!`); anything else is no parameters.
#[doc(hidden)]
pub fn params(value: Value) -> Object {
    match value {
        Value::Object(o) => o,
        _ => Object::new(),
    }
}

/// The `one_of` rule from its choices as JSON (`None` for one that has no
/// JSON form): `enum`, or an `x-validate` entry when a choice has none.
pub fn one_of(choices: Vec<Option<Value>>) -> SchemaRule<'static> {
    match choices.into_iter().collect::<Option<Vec<Value>>>() {
        Some(values) => SchemaRule::OneOf(values),
        None => SchemaRule::Unexpressed {
            rule: "one_of",
            params: Object::new(),
        },
    }
}

/// The `range` rule from the bounds written: `None` for a bound not
/// written, `Some(None)` for one that is not a JSON number. A range with a
/// bound that is not a number has no keyword and becomes an `x-validate`
/// entry holding the bounds that are numbers.
pub fn range(
    min: Option<Option<Number>>,
    max: Option<Option<Number>>,
    gt: Option<Option<Number>>,
    lt: Option<Option<Number>>,
) -> SchemaRule<'static> {
    let all = [("min", &min), ("max", &max), ("gt", &gt), ("lt", &lt)];
    if all.iter().all(|(_, b)| !matches!(b, Some(None))) {
        return SchemaRule::Range {
            min: min.flatten(),
            max: max.flatten(),
            gt: gt.flatten(),
            lt: lt.flatten(),
        };
    }
    let mut params = Object::new();
    for (key, bound) in all {
        if let Some(Some(n)) = bound {
            params.insert(key.to_owned(), Value::Number(n.clone()));
        }
    }
    SchemaRule::Unexpressed {
        rule: "range",
        params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_others_are_told_apart_without_knowing_the_type() {
        /// What the derive writes for a rule argument.
        macro_rules! number {
            ($e:expr) => {{
                let b = &Bound(&$e);
                b.json_number()
            }};
        }
        assert_eq!(number!(13), Some(13.into()));
        assert_eq!(number!(13u32), Some(13.into()));
        assert_eq!(number!(-5i64), Some((-5).into()));
        assert_eq!(number!(1.5), Number::from_f64(1.5));
        assert_eq!(number!(0.1f32), Number::from_f64(0.1));
        assert_eq!(number!(10u128), Some(10u64.into()));
        assert_eq!(number!(u128::MAX), None);
        assert_eq!(number!(f64::NAN), None);
        assert_eq!(number!('a'), None);
        assert_eq!(number!(String::from("a")), None);
        assert_eq!(number!(*"a"), None);
    }

    #[test]
    fn lists_are_slices_and_arrays() {
        const SLICE: &[&str] = &["a", "b"];
        const ARRAY: [u8; 2] = [1, 2];
        let (s, a, n) = (&Bound(&SLICE), &Bound(&ARRAY), &Bound(&"a"));
        assert_eq!(
            s.json_values(),
            Some(vec![Some("a".into()), Some("b".into())])
        );
        assert_eq!(a.json_values(), Some(vec![Some(1.into()), Some(2.into())]));
        assert_eq!(n.json_values(), None);
    }

    #[test]
    fn texts_are_any_as_ref_str() {
        // As the derive writes it: a reference to the `Bound`.
        let (a, b, n) = (&Bound(&"a"), &Bound(&String::from("b")), &Bound(&42));
        assert_eq!(
            (a.json_text(), b.json_text(), n.json_text()),
            (Some("a"), Some("b"), None)
        );
    }

    #[test]
    fn one_of_choices_as_their_wire_values() {
        macro_rules! value {
            ($e:expr) => {{
                let b = &Bound(&$e);
                b.json_value()
            }};
        }
        #[derive(serde::Serialize)]
        #[serde(rename_all = "lowercase")]
        enum Shipping {
            Express,
        }
        struct Opaque;
        let choices = vec![value!("standard"), value!(Shipping::Express), value!(3u8)];
        assert_eq!(
            one_of(choices),
            SchemaRule::OneOf(vec!["standard".into(), "express".into(), 3.into()])
        );
        assert_eq!(
            one_of(vec![value!('a'), value!(Opaque)]),
            SchemaRule::Unexpressed {
                rule: "one_of",
                params: Object::new()
            }
        );
    }

    #[test]
    fn a_range_with_a_bound_json_cannot_hold_is_an_entry() {
        let rule = range(Some(Some(1.into())), None, None, None);
        assert_eq!(
            rule,
            SchemaRule::Range {
                min: Some(1.into()),
                max: None,
                gt: None,
                lt: None
            }
        );
        let rule = range(Some(Some(1.into())), Some(None), None, None);
        let SchemaRule::Unexpressed { rule, params } = rule else {
            panic!("an entry expected")
        };
        assert_eq!(
            (rule, Value::Object(params)),
            ("range", serde_json::json!({"min": 1}))
        );
    }
}
