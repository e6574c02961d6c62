//! One rule applied to one JSON Schema: the table of the
//! [module docs](super) as code.

use serde_json::{Number, Value, json};

use super::node::{self, Object};
use super::regex;
use crate::rules::{Charset, LengthUnit};

/// The extension keyword that lists what the standard keywords do not say:
/// rules with no JSON Schema equivalent, rules whose keyword is weaker
/// than the rule, and sanitizers.
pub const EXTENSION: &str = "x-validate";

/// A rule as the schema sees it: its parameters, already evaluated.
///
/// The derive builds these from the same parsed rules it validates with;
/// they are public so that hand-written `JsonSchema` impls and other
/// generators can use the same table.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SchemaRule<'a> {
    /// `length`: `minLength` / `maxLength` (characters) on a string,
    /// `minItems` / `maxItems` on an array, `minProperties` /
    /// `maxProperties` on an object; an [`EXTENSION`] entry for another
    /// unit or an unknown type. `equal = n` is `min` and `max` both `n`.
    Length {
        /// The least length.
        min: Option<u64>,
        /// The greatest length.
        max: Option<u64>,
        /// What is counted.
        unit: LengthUnit,
    },
    /// `range`: `minimum`, `maximum`, `exclusiveMinimum`,
    /// `exclusiveMaximum` on a number or integer (the tighter of the
    /// rule's bound and one already there, such as `0` for a `u32`).
    Range {
        /// `min` (inclusive).
        min: Option<Number>,
        /// `max` (inclusive).
        max: Option<Number>,
        /// `gt` (exclusive).
        gt: Option<Number>,
        /// `lt` (exclusive).
        lt: Option<Number>,
    },
    /// `multiple_of`: `multipleOf`.
    MultipleOf(Number),
    /// `pattern("..")`: `pattern`, as written (a second pattern goes into
    /// `allOf`).
    Pattern(&'a str),
    /// `charset(..)`: an equivalent `pattern`.
    Charset(&'a Charset),
    /// `email`: `format: email`, marked (the rule is Pydantic's, not RFC
    /// 5321's).
    Email,
    /// `url(schemes = ..)` (`["http", "https"]` by default): `format: uri`
    /// and a `pattern` for the schemes, marked (the rule also refuses what
    /// parsers repair).
    Url(&'a [&'a str]),
    /// A format rule whose JSON Schema `format` names what the value is,
    /// while the server's check is its own (`hostname`): `format` and an
    /// [`EXTENSION`] entry naming the rule.
    Format {
        /// The JSON Schema format.
        format: &'a str,
        /// The rule's attribute name.
        rule: &'a str,
    },
    /// `ip`: `anyOf` the `ipv4` and `ipv6` formats.
    Ip,
    /// `ipv4`: `format: ipv4`.
    Ipv4,
    /// `ipv6`: `format: ipv6`.
    Ipv6,
    /// `uuid`: `format: uuid` and a `pattern` that is the rule exactly.
    Uuid,
    /// `contains(text)`: a `pattern` of the escaped text.
    Contains(&'a str),
    /// `not_contains(text)`: `not` that `pattern`.
    NotContains(&'a str),
    /// `prefix(text)`: `pattern` `^text`.
    Prefix(&'a str),
    /// `suffix(text)`: `pattern` `text$`.
    Suffix(&'a str),
    /// `one_of(..)`: `enum`.
    OneOf(Vec<Value>),
    /// `required` on an `Option`: the value is not nullable (the parent's
    /// `required` list is [`require`](super::require)'s).
    Required,
    /// A rule with no keyword (`credit_card`, `no_invisible`, `no_control`,
    /// `single_script`, `safe_filename`, `custom`, `must_match`, a bound
    /// that depends on a context, ...): an [`EXTENSION`] entry
    /// `{"rule": name, ..params}`.
    Unexpressed {
        /// The rule's attribute name.
        rule: &'a str,
        /// Its parameters, as the entry's other keys.
        params: Object,
    },
    /// A sanitizer: an [`EXTENSION`] entry `{"sanitizer": name, ..params}`.
    /// The keywords describe the sanitized value, as Pydantic's do for
    /// `str_strip_whitespace` or `to_lower`.
    Sanitizer {
        /// The sanitizer's name.
        name: &'a str,
        /// Its parameters.
        params: Object,
    },
}

/// Adds what `rule` says to `schema`, the schema of the value it checks
/// (see [`SchemaRule`] for each rule). Applying a rule twice changes
/// nothing more.
pub fn apply(schema: &mut Object, rule: &SchemaRule<'_>) {
    if let SchemaRule::Required = rule {
        node::non_null(schema);
        return;
    }
    let value = node::value_mut(schema);
    match rule {
        SchemaRule::Length { min, max, unit } => length(value, *min, *max, *unit),
        SchemaRule::Range { min, max, gt, lt } => {
            if !is_numeric(value) {
                let mut params = Object::new();
                for (k, v) in [("min", min), ("max", max), ("gt", gt), ("lt", lt)] {
                    if let Some(v) = v {
                        params.insert(k.to_owned(), Value::Number(v.clone()));
                    }
                }
                return mark(value, "rule", "range", params);
            }
            tighten(value, "minimum", min.as_ref(), true);
            tighten(value, "maximum", max.as_ref(), false);
            tighten(value, "exclusiveMinimum", gt.as_ref(), true);
            tighten(value, "exclusiveMaximum", lt.as_ref(), false);
        }
        SchemaRule::MultipleOf(n) => {
            value.insert("multipleOf".to_owned(), Value::Number(n.clone()));
        }
        SchemaRule::Pattern(p) => add_pattern(value, p.to_string()),
        SchemaRule::Charset(c) => add_pattern(value, regex::charset(c)),
        SchemaRule::Email => {
            set_format(value, "email");
            mark(value, "rule", "email", Object::new());
        }
        SchemaRule::Format { format, rule } => {
            set_format(value, format);
            mark(value, "rule", rule, Object::new());
        }
        SchemaRule::Url(schemes) => {
            set_format(value, "uri");
            add_pattern(value, regex::url_schemes(schemes));
            let mut params = Object::new();
            params.insert("schemes".to_owned(), json!(schemes));
            mark(value, "rule", "url", params);
        }
        SchemaRule::Ip => {
            // schemars writes `format: ip` for validator's `ip`, which no
            // JSON Schema draft defines.
            if value.get("format").is_some_and(|f| f == "ip") {
                value.remove("format");
            }
            let any = json!([{ "format": "ipv4" }, { "format": "ipv6" }]);
            add_all_of(value, "anyOf", any);
        }
        SchemaRule::Ipv4 => set_format(value, "ipv4"),
        SchemaRule::Ipv6 => set_format(value, "ipv6"),
        SchemaRule::Uuid => {
            set_format(value, "uuid");
            add_pattern(value, regex::UUID.to_owned());
        }
        SchemaRule::Contains(t) => add_pattern(value, regex::escape(t)),
        SchemaRule::Prefix(t) => add_pattern(value, format!("^{}", regex::escape(t))),
        SchemaRule::Suffix(t) => add_pattern(value, format!("{}$", regex::escape(t))),
        SchemaRule::NotContains(t) => {
            add_all_of(value, "not", json!({ "pattern": regex::escape(t) }));
        }
        SchemaRule::OneOf(choices) => {
            value.insert("enum".to_owned(), Value::Array(choices.clone()));
        }
        SchemaRule::Unexpressed { rule, params } => mark(value, "rule", rule, params.clone()),
        SchemaRule::Sanitizer { name, params } => mark(value, "sanitizer", name, params.clone()),
        SchemaRule::Required => {}
    }
}

fn length(value: &mut Object, min: Option<u64>, max: Option<u64>, unit: LengthUnit) {
    let keys = if has_type(value, "string") {
        Some(("minLength", "maxLength"))
    } else if has_type(value, "array") {
        Some(("minItems", "maxItems"))
    } else if has_type(value, "object") {
        Some(("minProperties", "maxProperties"))
    } else {
        None
    };
    match keys {
        Some((lo, hi)) if unit == LengthUnit::Chars || lo != "minLength" => {
            if let Some(min) = min {
                value.insert(lo.to_owned(), min.into());
            }
            if let Some(max) = max {
                value.insert(hi.to_owned(), max.into());
            }
        }
        _ => {
            // schemars reads `length(max = 10, unit = bytes)` as 10
            // characters; a character count it wrote from our attribute
            // is taken back.
            for (key, n) in [("minLength", min), ("maxLength", max)] {
                if n.is_some() && value.get(key).and_then(Value::as_u64) == n {
                    value.remove(key);
                }
            }
            let mut params = Object::new();
            if let Some(min) = min {
                params.insert("min".to_owned(), min.into());
            }
            if let Some(max) = max {
                params.insert("max".to_owned(), max.into());
            }
            let unit = match unit {
                LengthUnit::Chars => "chars",
                LengthUnit::Bytes => "bytes",
                LengthUnit::Utf16 => "utf16",
                LengthUnit::Graphemes => "graphemes",
            };
            params.insert("unit".to_owned(), unit.into());
            mark(value, "rule", "length", params);
        }
    }
}

/// Whether the schema's `type` is or includes `t`.
fn has_type(schema: &Object, t: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x == t),
        _ => false,
    }
}

fn is_numeric(schema: &Object) -> bool {
    has_type(schema, "number") || has_type(schema, "integer")
}

/// Sets `key` to `bound` unless a tighter bound is already there.
fn tighten(schema: &mut Object, key: &str, bound: Option<&Number>, lower: bool) {
    let Some(bound) = bound else { return };
    let looser = match schema.get(key).and_then(Value::as_number) {
        Some(old) => match (old.as_f64(), bound.as_f64()) {
            (Some(old), Some(new)) => (lower && old <= new) || (!lower && old >= new),
            _ => true,
        },
        None => true,
    };
    if looser {
        schema.insert(key.to_owned(), Value::Number(bound.clone()));
    }
}

fn set_format(schema: &mut Object, format: &str) {
    schema.insert("format".to_owned(), format.into());
}

/// `pattern`, or a further `{"pattern": ..}` in `allOf` when the schema
/// already has another one (a string must match them all).
fn add_pattern(schema: &mut Object, pattern: String) {
    match schema.get("pattern") {
        None => {
            schema.insert("pattern".to_owned(), pattern.into());
        }
        Some(old) if *old == *pattern => {}
        Some(_) => add_all_of(schema, "pattern", pattern.into()),
    }
}

/// `key: value`, or `{key: value}` in `allOf` when `key` is taken; nothing
/// when the same constraint is already there.
fn add_all_of(schema: &mut Object, key: &str, value: Value) {
    if schema.get(key) == Some(&value) {
        return;
    }
    if !schema.contains_key(key) {
        schema.insert(key.to_owned(), value);
        return;
    }
    let mut one = Object::new();
    one.insert(key.to_owned(), value);
    let one = Value::Object(one);
    let all = schema
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(all) = all
        && !all.contains(&one)
    {
        all.push(one);
    }
}

/// Adds `{kind: name, ..params}` to the [`EXTENSION`] list (once).
fn mark(schema: &mut Object, kind: &str, name: &str, params: Object) {
    let mut entry = Object::new();
    entry.insert(kind.to_owned(), name.into());
    entry.extend(params);
    let entry = Value::Object(entry);
    let list = schema
        .entry(EXTENSION)
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = list
        && !list.contains(&entry)
    {
        list.push(entry);
    }
}
