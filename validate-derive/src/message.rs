//! `message = "..."` overrides: a literal may name the ctx keys of the
//! rule's errors (`"at least {min_length} characters"`, `{{` for a brace),
//! filled when the message is read. The keys are checked here, at compile
//! time, against the errors the rule can report: a key must be in every
//! one of them, or the message would show a hole for some failure.
//!
//! The derive cannot depend on validate-core (which re-exports it), so the
//! catalogue kinds the rules report are listed here with their ctx keys;
//! `tests/tests/rule_tables.rs` checks the list against the catalogue
//! (`Kind::ctx_keys`) through [`CATALOGUE_KEYS`].

use std::ops::Bound;

use syn::{Expr, ExprLit, Lit, LitStr};

use crate::ctxt::Ctxt;
use crate::plan::{Check, LengthBounds, Limit, MessagePlan};

/// The catalogue kinds (by `Kind` variant name) the derive's rules report,
/// with their ctx keys in the catalogue's order.
pub(crate) const CATALOGUE_KEYS: &[(&str, &[&str])] = &[
    ("StringTooShort", &["min_length"]),
    ("StringTooLong", &["max_length"]),
    ("TooShort", &["field_type", "min_length", "actual_length"]),
    ("TooLong", &["field_type", "max_length", "actual_length"]),
    ("StringPatternMismatch", &["pattern"]),
    ("GreaterThanEqual", &["ge"]),
    ("LessThanEqual", &["le"]),
    ("GreaterThan", &["gt"]),
    ("LessThan", &["lt"]),
    ("MultipleOf", &["multiple_of"]),
    ("LiteralError", &["expected"]),
    ("Missing", &[]),
    ("Email", &["reason"]),
    ("UrlParsing", &["error"]),
    ("UrlScheme", &["expected_schemes"]),
    ("IpAnyAddress", &[]),
    ("IpV4Address", &[]),
    ("IpV6Address", &[]),
    ("UuidParsing", &["error"]),
    ("PaymentCardNumberLuhn", &[]),
    ("PaymentCardNumberDigits", &[]),
    ("StringCharset", &["allowed"]),
    ("StringContains", &["substring"]),
    ("StringNotContains", &["substring"]),
    ("StringPrefix", &["prefix"]),
    ("StringSuffix", &["suffix"]),
    ("StringInvisibleCharacters", &[]),
    ("StringControlCharacters", &[]),
    ("StringMixedScript", &[]),
    ("FilenameUnsafe", &["reason"]),
    ("FieldsMismatch", &["other"]),
    ("Hostname", &["reason"]),
    ("Domain", &["reason"]),
    ("DateParsing", &["error"]),
    ("DatetimeParsing", &["error"]),
    ("TimeParsing", &["error"]),
    ("IbanTooShort", &[]),
    ("IbanCountryNotLetters", &[]),
    ("IbanUnknownCountry", &[]),
    ("IbanInvalidLength", &["expected_length", "actual_length"]),
    ("IbanInvalidCharacters", &[]),
    ("IbanInvalidCheckDigits", &[]),
    ("IbanInvalidChecksum", &[]),
    ("Phone", &[]),
];

/// The kinds each format rule reports, by rule name.
pub(crate) const FORMAT_KINDS: &[(&str, &[&str])] = &[
    ("email", &["Email"]),
    ("ip", &["IpAnyAddress"]),
    ("ipv4", &["IpV4Address"]),
    ("ipv6", &["IpV6Address"]),
    ("uuid", &["UuidParsing"]),
    (
        "credit_card",
        &["PaymentCardNumberDigits", "PaymentCardNumberLuhn"],
    ),
    ("no_invisible", &["StringInvisibleCharacters"]),
    ("no_control", &["StringControlCharacters"]),
    ("single_script", &["StringMixedScript"]),
    ("hostname", &["Hostname"]),
    ("domain", &["Domain"]),
    (
        "iban",
        &[
            "IbanTooShort",
            "IbanCountryNotLetters",
            "IbanUnknownCountry",
            "IbanInvalidLength",
            "IbanInvalidCharacters",
            "IbanInvalidCheckDigits",
            "IbanInvalidChecksum",
        ],
    ),
    ("phone", &["Phone"]),
    ("date", &["DateParsing"]),
    ("datetime", &["DatetimeParsing"]),
    ("time", &["TimeParsing"]),
];

/// The catalogue kinds `check` can report; `None` when the rule chooses
/// its own errors (`custom`, a rule set) or is not in the tables.
fn kinds(check: &Check) -> Option<Vec<&'static str>> {
    let kinds = match check {
        Check::Length(length) => {
            let (min, max) = match &length.bounds {
                LengthBounds::Equal(_) => (true, true),
                LengthBounds::Between { min, max } => (min.is_some(), max.is_some()),
            };
            let mut kinds = Vec::new();
            if min {
                kinds.extend(["StringTooShort", "TooShort"]);
            }
            if max {
                kinds.extend(["StringTooLong", "TooLong"]);
            }
            kinds
        }
        Check::Range { lower, upper } => {
            let ends = |l: &Limit| match l {
                Limit::Included(_) => Bound::Included(()),
                Limit::Excluded(_) => Bound::Excluded(()),
                Limit::Unbounded => Bound::Unbounded,
            };
            range_kinds(ends(lower), ends(upper)).collect()
        }
        // A date that does not parse fails before the bounds.
        Check::DateRange { lower, upper } => std::iter::once("DateParsing")
            .chain(range_kinds(
                lower.as_ref().map(drop),
                upper.as_ref().map(drop),
            ))
            .collect(),
        Check::MultipleOf(_) => vec!["MultipleOf"],
        Check::Pattern(_) => vec!["StringPatternMismatch"],
        Check::Charset(_) => vec!["StringCharset"],
        Check::Format(f) => FORMAT_KINDS
            .iter()
            .find(|(name, _)| *name == f.name)?
            .1
            .to_vec(),
        Check::Url { schemes: None } => vec!["UrlParsing"],
        Check::Url { schemes: Some(_) } => vec!["UrlParsing", "UrlScheme"],
        Check::Substring(f, _) => vec![match *f {
            "contains" => "StringContains",
            "not_contains" => "StringNotContains",
            "prefix" => "StringPrefix",
            _ => "StringSuffix",
        }],
        Check::OneOf(_) | Check::OneOfList(_) => vec!["LiteralError"],
        Check::SafeFilename { .. } => vec!["FilenameUnsafe"],
        Check::Required => vec!["Missing"],
        Check::MustMatch(_) => vec!["FieldsMismatch"],
        Check::Custom(_) | Check::Set(_) => return None,
    };
    Some(kinds)
}

/// The kinds of a range's ends: `ge` or `gt` below, `le` or `lt` above.
fn range_kinds(lower: Bound<()>, upper: Bound<()>) -> impl Iterator<Item = &'static str> {
    let lower = match lower {
        Bound::Included(()) => Some("GreaterThanEqual"),
        Bound::Excluded(()) => Some("GreaterThan"),
        Bound::Unbounded => None,
    };
    let upper = match upper {
        Bound::Included(()) => Some("LessThanEqual"),
        Bound::Excluded(()) => Some("LessThan"),
        Bound::Unbounded => None,
    };
    lower.into_iter().chain(upper)
}

/// The ctx keys of `kind`.
fn keys_of(kind: &str) -> &'static [&'static str] {
    CATALOGUE_KEYS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&[], |(_, keys)| keys)
}

/// A template read: the keys it names, or what is wrong with it.
fn holes(template: &str) -> Result<Vec<&str>, &'static str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        let (brace, after) = rest[i..].split_at(1);
        if after.starts_with(brace) {
            rest = &after[1..];
        } else if brace == "}" {
            return Err("a `}` alone: write `}}` for a brace");
        } else {
            let close = after
                .find('}')
                .ok_or("a `{` is not closed: write `{{` for a brace")?;
            out.push(&after[..close]);
            rest = &after[close + 1..];
        }
    }
    Ok(out)
}

/// The message override of a rule: a literal naming ctx keys becomes a
/// template (each key checked against `check`'s errors); a literal with
/// only `{{` / `}}` has them unescaped; anything else is used as written.
/// `None` after an error.
pub(crate) fn plan(cx: &Ctxt, check: &Check, message: Expr) -> Option<MessagePlan> {
    let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = &message
    else {
        return Some(MessagePlan::Text(message));
    };
    let text = lit.value();
    let holes = match holes(&text) {
        Ok(holes) => holes,
        Err(problem) => {
            cx.error_spanned_by(lit, format!("in `message`, {problem}"));
            return None;
        }
    };
    if holes.is_empty() {
        let plain = text.replace("{{", "{").replace("}}", "}");
        return Some(MessagePlan::Text(Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit: Lit::Str(LitStr::new(&plain, lit.span())),
        })));
    }
    let Some(kinds) = kinds(check) else {
        cx.error_spanned_by(
            lit,
            "this rule chooses its own errors, so `message` cannot name ctx keys here; write \
             `{{` for a brace",
        );
        return None;
    };
    // The keys every error of the rule has.
    let mut common: Vec<&str> = kinds.first().map_or(&[][..], |k| keys_of(k)).to_vec();
    for kind in &kinds {
        common.retain(|key| keys_of(kind).contains(key));
    }
    let mut ok = true;
    for hole in holes {
        if !common.contains(&hole) {
            ok = false;
            let keys = if common.is_empty() {
                "its errors share no ctx key".to_owned()
            } else {
                let list: Vec<String> = common.iter().map(|k| format!("`{{{k}}}`")).collect();
                format!("it can name {}", list.join(", "))
            };
            cx.error_spanned_by(
                lit,
                format!(
                    "`{{{hole}}}` is not a ctx key of every error this rule reports, so the \
                     message would show it unfilled; {keys} (`{{{{` for a brace)"
                ),
            );
        }
    }
    ok.then(|| MessagePlan::Template(lit.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_and_braces() {
        assert_eq!(holes("at least {min_length}"), Ok(vec!["min_length"]));
        assert_eq!(holes("{{x}} {a}{b}"), Ok(vec!["a", "b"]));
        assert!(holes("open {").is_err());
        assert!(holes("close }").is_err());
        assert_eq!(holes("é {{ }}"), Ok(vec![]));
    }

    #[test]
    fn every_format_rule_has_its_kinds() {
        for f in crate::formats::FORMAT_RULES {
            let kinds = FORMAT_KINDS
                .iter()
                .find(|(name, _)| *name == f.name)
                .unwrap_or_else(|| panic!("`{}` is not in FORMAT_KINDS", f.name));
            for kind in kinds.1 {
                assert!(
                    CATALOGUE_KEYS.iter().any(|(k, _)| k == kind),
                    "`{kind}` is not in CATALOGUE_KEYS"
                );
            }
        }
    }
}
