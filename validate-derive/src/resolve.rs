//! From a rule of the raw model, already checked by `check`, to its plan:
//! the facts the raw model leaves to be worked out (how a literal pattern
//! runs, which unit and classes the names stand for, which field
//! `must_match` reads) are worked out here, once.

use syn::Expr;

use crate::ast::{CharsetItem, Pattern, Rule, RuleKind};
use crate::check::Scope;
use crate::civil;
use crate::ctxt::Ctxt;
use crate::names;
use crate::pattern::{self, Compiled};
use crate::plan::*;

/// The plan of `rule`; `None` when a fact cannot be resolved, which has
/// been reported (by `check` or here).
pub(crate) fn rule(cx: &Ctxt, rule: Rule, scope: &Scope<'_>) -> Option<RulePlan> {
    let Rule {
        name,
        kind,
        message,
        code,
    } = rule;
    let check = match kind {
        RuleKind::Length {
            min,
            max,
            equal,
            unit,
        } => {
            let unit = match unit {
                None => LengthUnit::Chars,
                // `check` reported an unknown unit.
                Some(u) => LengthUnit::from_name(&u.to_string())?,
            };
            let bounds = match equal {
                Some(n) => LengthBounds::Equal(n),
                None => LengthBounds::Between { min, max },
            };
            Check::Length(LengthPlan { bounds, unit })
        }
        RuleKind::Range { min, max, gt, lt } => {
            // `check` reported `min` with `gt` (`max` with `lt`); the
            // inclusive bound wins, as it always has.
            let limit = |incl: Option<_>, excl: Option<_>| match (incl, excl) {
                (Some(e), _) => Limit::Included(e),
                (None, Some(e)) => Limit::Excluded(e),
                (None, None) => Limit::Unbounded,
            };
            Check::Range {
                lower: limit(min, gt),
                upper: limit(max, lt),
            }
        }
        RuleKind::MultipleOf(n) => Check::MultipleOf(n),
        RuleKind::Pattern(Pattern::Literal(literal)) => match pattern::compile(&literal.value()) {
            Ok(Compiled::Bytes(runs)) => Check::Pattern(PatternPlan::Bytes { literal, runs }),
            Ok(Compiled::Regex) => Check::Pattern(PatternPlan::Regex(literal)),
            Err(message) => {
                cx.error_spanned_by(&literal, message);
                return None;
            }
        },
        RuleKind::Pattern(Pattern::Expr(e)) => Check::Pattern(PatternPlan::Expr(e)),
        RuleKind::Charset(items) => {
            let mut plan = CharsetPlan {
                classes: Vec::new(),
                chars: String::new(),
                ranges: Vec::new(),
            };
            for item in items {
                match item {
                    // `parse` accepted only known classes.
                    CharsetItem::Class(c) => plan.classes.push(names::char_class(&c.to_string())?),
                    CharsetItem::Chars(s) => plan.chars.push_str(&s),
                    CharsetItem::Range(a, b) => plan.ranges.push((a, b)),
                }
            }
            Check::Charset(plan)
        }
        RuleKind::Format(f) => Check::Format(f),
        // `check` reported a date that does not exist.
        RuleKind::DateRange { min, max, gt, lt } => Check::DateRange {
            lower: civil::bound(min.as_ref(), gt.as_ref())?,
            upper: civil::bound(max.as_ref(), lt.as_ref())?,
        },
        RuleKind::Url { schemes } => Check::Url { schemes },
        RuleKind::Substring(f, e) => Check::Substring(f, e),
        RuleKind::OneOf(choices) => match <[Expr; 1]>::try_from(choices) {
            // A lone path is a list of choices; literals are the choices.
            Ok([Expr::Path(list)]) => Check::OneOfList(list),
            Ok([choice]) => Check::OneOf(vec![choice]),
            Err(choices) => Check::OneOf(choices),
        },
        RuleKind::SafeFilename {
            extensions,
            allow_leading_dot,
        } => Check::SafeFilename {
            extensions,
            allow_leading_dot,
        },
        RuleKind::Required => Check::Required,
        // `check` reported a missing target.
        RuleKind::MustMatch(other) => {
            let target = scope.targets.iter().find(|t| t.ident == other).cloned()?;
            Check::MustMatch(target)
        }
        RuleKind::Custom(c) => Check::Custom(c),
        RuleKind::Set(path) => Check::Set(path),
    };
    let message = match message {
        Some(m) => Some(crate::message::plan(cx, &check, m)?),
        None => None,
    };
    Some(RulePlan {
        name,
        check,
        message,
        code,
    })
}
