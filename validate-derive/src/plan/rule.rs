//! The checked form of one rule: every fact `check` worked out, resolved —
//! a literal pattern already decided into a byte loop or a regex, the
//! length unit and the charset classes looked up, the `must_match` target
//! bound — so `emit` only writes code, and a reader of the plan (the JSON
//! Schema output) reads the facts without parsing anything again.

use syn::{Expr, Ident, LitBool, LitStr, Path};

use std::ops::Bound;

use crate::ast::Custom;
use crate::civil::CivilDate;
use crate::formats::FormatRule;
use crate::names::CharClass;
use crate::pattern::AsciiRun;

/// One rule with its overrides.
pub(crate) struct RulePlan {
    /// The rule's name token: the span of its generated call.
    pub(crate) name: Ident,
    pub(crate) check: Check,
    /// `message = ..`: replaces the catalogue message.
    pub(crate) message: Option<MessagePlan>,
    /// `code = ..`: replaces the catalogue code.
    pub(crate) code: Option<Expr>,
}

/// A `message = ..` override.
#[derive(Clone)]
pub(crate) enum MessagePlan {
    /// Used as written: an expression, or a literal naming no ctx key
    /// (its `{{` / `}}` already unescaped).
    Text(Expr),
    /// A literal naming ctx keys, each checked against the rule's errors:
    /// filled when the message is read.
    Template(LitStr),
}

/// What a rule checks, resolved.
pub(crate) enum Check {
    Length(LengthPlan),
    Range {
        lower: Limit,
        upper: Limit,
    },
    MultipleOf(Expr),
    Pattern(PatternPlan),
    Charset(CharsetPlan),
    /// A row of the format table: `email`, `uuid`, ...
    Format(&'static FormatRule),
    /// `date(min = .., lt = ..)`: the bounds' dates, read.
    DateRange {
        lower: Bound<CivilDate>,
        upper: Bound<CivilDate>,
    },
    Url {
        schemes: Option<Vec<LitStr>>,
    },
    /// `contains`, `not_contains`, `prefix`, `suffix`: the function name and
    /// its argument.
    Substring(&'static str, Expr),
    /// `one_of("a", "b")`: the choices written out.
    OneOf(Vec<Expr>),
    /// `one_of(COUNTRIES)`: a path to a constant slice or array of choices.
    OneOfList(syn::ExprPath),
    SafeFilename {
        extensions: Option<Vec<LitStr>>,
        allow_leading_dot: Option<LitBool>,
    },
    Required,
    MustMatch(MatchTarget),
    Custom(Custom),
    /// `rule(path)`: a named rule set.
    Set(Path),
}

/// `length(..)`.
#[derive(Clone)]
pub(crate) struct LengthPlan {
    pub(crate) bounds: LengthBounds,
    pub(crate) unit: LengthUnit,
}

/// The bounds of `length`, as written (each an expression of type `usize`).
#[derive(Clone)]
pub(crate) enum LengthBounds {
    /// `min` and / or `max`, inclusive.
    Between {
        min: Option<Expr>,
        max: Option<Expr>,
    },
    /// `equal`: evaluated once, both bounds.
    Equal(Expr),
}

/// What `length` counts in a string (`validate_core::rules::LengthUnit`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LengthUnit {
    Chars,
    Bytes,
    Utf16,
    Graphemes,
}

impl LengthUnit {
    /// Every unit, in the order errors list them.
    pub(crate) const ALL: [LengthUnit; 4] = [
        LengthUnit::Chars,
        LengthUnit::Bytes,
        LengthUnit::Utf16,
        LengthUnit::Graphemes,
    ];

    /// The attribute name: `unit = chars`.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            LengthUnit::Chars => "chars",
            LengthUnit::Bytes => "bytes",
            LengthUnit::Utf16 => "utf16",
            LengthUnit::Graphemes => "graphemes",
        }
    }

    /// The `validate_core::rules::LengthUnit` variant.
    pub(crate) const fn variant(self) -> &'static str {
        match self {
            LengthUnit::Chars => "Chars",
            LengthUnit::Bytes => "Bytes",
            LengthUnit::Utf16 => "Utf16",
            LengthUnit::Graphemes => "Graphemes",
        }
    }

    /// The unit called `name`.
    pub(crate) fn from_name(name: &str) -> Option<LengthUnit> {
        LengthUnit::ALL.into_iter().find(|u| u.name() == name)
    }
}

/// One end of a `range`.
pub(crate) enum Limit {
    Included(Expr),
    Excluded(Expr),
    Unbounded,
}

/// `pattern(..)`, decided at derive time.
pub(crate) enum PatternPlan {
    /// A literal of ASCII runs: matched by a byte loop.
    Bytes {
        literal: LitStr,
        runs: Vec<AsciiRun>,
    },
    /// Any other literal: a regex built on first use (known to build).
    Regex(LitStr),
    /// `pattern(EXPR)`: the user's `Regex`.
    Expr(Expr),
}

/// `charset(..)`: the allow-list, its classes looked up.
pub(crate) struct CharsetPlan {
    pub(crate) classes: Vec<&'static CharClass>,
    /// Every literal character, in the order written.
    pub(crate) chars: String,
    /// Inclusive ranges.
    pub(crate) ranges: Vec<(char, char)>,
}

/// The field a `must_match` compares with.
#[derive(Clone)]
pub(crate) struct MatchTarget {
    /// Its Rust name, to bind it.
    pub(crate) ident: Ident,
    /// The local it is bound to in generated code.
    pub(crate) binding: Ident,
    /// The name the error reports (its wire name).
    pub(crate) name: String,
}

impl RulePlan {
    /// The upper-bound part of a `length` rule, checked before the items.
    pub(crate) fn max_guard(&self) -> Option<RulePlan> {
        let Check::Length(length) = &self.check else {
            return None;
        };
        let max = match &length.bounds {
            LengthBounds::Between { max, .. } => max.clone()?,
            LengthBounds::Equal(n) => n.clone(),
        };
        Some(self.with_length(LengthPlan {
            bounds: LengthBounds::Between {
                min: None,
                max: Some(max),
            },
            unit: length.unit,
        }))
    }

    /// What is left of a rule once its `length` maximum ran as a guard: the
    /// minimum alone (nothing when there is none); other rules unchanged.
    pub(crate) fn min_part(self) -> Option<RulePlan> {
        let Check::Length(length) = &self.check else {
            return Some(self);
        };
        let min = match &length.bounds {
            LengthBounds::Between { min, .. } => min.clone()?,
            LengthBounds::Equal(n) => n.clone(),
        };
        Some(self.with_length(LengthPlan {
            bounds: LengthBounds::Between {
                min: Some(min),
                max: None,
            },
            unit: length.unit,
        }))
    }

    fn with_length(&self, length: LengthPlan) -> RulePlan {
        RulePlan {
            name: self.name.clone(),
            check: Check::Length(length),
            message: self.message.clone(),
            code: self.code.clone(),
        }
    }
}
