//! The table of format rules: rules that take the string alone, with no
//! argument (or one flag naming a variant: `phone(strict)`), and call one
//! function of `validate_core`. A row is all the derive needs to parse,
//! check, bound and emit such a rule; adding one is adding a row here (and
//! the function and its catalogue entry in validate-core, and a line in
//! `derive.md`).

/// What a rule needs from the field's type; a generic field gets it as a
/// where-clause bound (`bounds.rs`), so no rule can forget its bound.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Needs {
    /// `validate_core::rules::StrInput`: a string, through `Option` and
    /// pointers.
    Str,
}

/// One format rule.
#[derive(Debug)]
pub(crate) struct FormatRule {
    /// The attribute name: `#[validate(email)]`.
    pub(crate) name: &'static str,
    /// The function's path below `validate_core`, called as `f(&value)`.
    pub(crate) function: &'static [&'static str],
    /// What the field's type must provide.
    pub(crate) needs: Needs,
    /// The section of `validate-core/src/derive.md` that documents it (a
    /// test checks the name is there).
    pub(crate) doc: &'static str,
    /// What the rule writes into the JSON Schema (feature `schema`).
    pub(crate) schema: Schema,
    /// `rule(flag)`: the flag's name and the rule it selects instead.
    pub(crate) flag: Option<(&'static str, &'static FormatRule)>,
}

/// A format rule in the JSON Schema (`validate_core::schema::SchemaRule`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Schema {
    /// A `SchemaRule` variant of its own, with no fields (`Email`, `Uuid`):
    /// the rule's row in the keyword table of `validate_core::schema`.
    Rule(&'static str),
    /// `format: <name>` beside an `x-validate` entry naming the rule (the
    /// format says what the value is; the entry, that the server's check
    /// is its own): `SchemaRule::Format`.
    Format(&'static str),
    /// No keyword says it: an `x-validate` entry alone.
    Unexpressed,
}

impl FormatRule {
    /// This rule, with `rule(name)` selecting `variant`.
    const fn flag(self, name: &'static str, variant: &'static FormatRule) -> FormatRule {
        FormatRule {
            flag: Some((name, variant)),
            ..self
        }
    }
}

// The variants selected by a flag: the same rule, another function.
const HOSTNAME_DOT: FormatRule = row("hostname", &["__private", "hostname_trailing_dot"]);
const DOMAIN_DOT: FormatRule = row("domain", &["__private", "domain_trailing_dot"]);
const PHONE_STRICT: FormatRule = row("phone", &["rules", "phone_strict"]);

/// Every format rule, in the order suggestions list them.
pub(crate) const FORMAT_RULES: &[FormatRule] = &[
    row("email", &["rules", "email"]).schema(Schema::Rule("Email")),
    row("ip", &["rules", "ip"]).schema(Schema::Rule("Ip")),
    row("ipv4", &["rules", "ipv4"]).schema(Schema::Rule("Ipv4")),
    row("ipv6", &["rules", "ipv6"]).schema(Schema::Rule("Ipv6")),
    row("uuid", &["rules", "uuid"]).schema(Schema::Rule("Uuid")),
    row("credit_card", &["rules", "credit_card"]),
    row("no_invisible", &["rules", "no_invisible"]),
    row("no_control", &["rules", "no_control"]),
    row("single_script", &["rules", "single_script"]),
    row("hostname", &["rules", "hostname"])
        .flag("trailing_dot", &HOSTNAME_DOT)
        .schema(Schema::Format("idn-hostname")),
    row("domain", &["rules", "domain"])
        .flag("trailing_dot", &DOMAIN_DOT)
        .schema(Schema::Format("idn-hostname")),
    row("iban", &["rules", "iban"]),
    row("phone", &["rules", "phone"]).flag("strict", &PHONE_STRICT),
    // The formats Pydantic publishes for its `date`, `datetime` and `time`
    // (the rules also take Unix timestamps, and naive times, as it does).
    row("date", &["rules", "date"]).schema(Schema::Format("date")),
    row("datetime", &["rules", "datetime"]).schema(Schema::Format("date-time")),
    row("time", &["rules", "time"]).schema(Schema::Format("time")),
];

/// A string format rule documented among the field rules, with no JSON
/// Schema keyword unless [`FormatRule::schema`] gives one.
const fn row(name: &'static str, function: &'static [&'static str]) -> FormatRule {
    FormatRule {
        name,
        function,
        needs: Needs::Str,
        doc: "Field rules",
        schema: Schema::Unexpressed,
        flag: None,
    }
}

impl FormatRule {
    /// The row with its JSON Schema form.
    const fn schema(self, schema: Schema) -> FormatRule {
        FormatRule { schema, ..self }
    }
}

/// The format rule called `name`, if there is one.
pub(crate) fn find(name: &str) -> Option<&'static FormatRule> {
    FORMAT_RULES.iter().find(|f| f.name == name)
}
