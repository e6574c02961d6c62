//! Attribute syntax into the raw model ([`crate::ast`]). Every mistake is
//! recorded in the [`Ctxt`] with the span of the offending token and parsing
//! goes on with the next entry, so one build reports them all.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, Ident, Lit, LitStr, Member, Token};

use crate::ast::*;
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::foreign;
use crate::formats;
use crate::names;
use crate::suggest::did_you_mean;

/// Parses the derive input; `None` when it cannot be derived at all (a
/// union).
pub(crate) fn input<'a>(cx: &Ctxt, input: &'a syn::DeriveInput) -> Option<Input<'a>> {
    let attrs = container_attrs(cx, &input.attrs);
    let data = match &input.data {
        syn::Data::Struct(data) => Data::Struct(shape(cx, &data.fields)),
        syn::Data::Enum(data) => Data::Enum(data.variants.iter().map(|v| variant(cx, v)).collect()),
        syn::Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "#[derive(Validate)] supports structs and enums, not unions",
            );
            return None;
        }
    };
    Some(Input {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        attrs,
        data,
    })
}

fn variant<'a>(cx: &Ctxt, v: &'a syn::Variant) -> Variant<'a> {
    let serde = serde_attrs(&v.attrs);
    let mut rename = None;
    for attr in validate_attrs(cx, &v.attrs) {
        list(cx, attr, |name, input| match name.to_string().as_str() {
            "rename" => set_once(cx, &mut rename, &name, lit_str_value(input)?),
            other => Err(syn::Error::new(
                name.span(),
                format!(
                    "`{other}` cannot go on an enum variant: only `rename = \"..\"` can; \
                     put rules on the variant's fields"
                ),
            )),
        });
    }
    Variant {
        ident: &v.ident,
        serde_rename: serde.rename,
        serde_rename_all: serde.rename_all,
        rename,
        shape: shape(cx, &v.fields),
    }
}

fn shape<'a>(cx: &Ctxt, fields: &'a syn::Fields) -> Shape<'a> {
    let style = match fields {
        syn::Fields::Named(_) => Style::Named,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    let fields = fields
        .iter()
        .enumerate()
        .map(|(i, f)| field(cx, i, f))
        .collect();
    Shape { style, fields }
}

fn field<'a>(cx: &Ctxt, index: usize, f: &'a syn::Field) -> Field<'a> {
    let serde = serde_attrs(&f.attrs);
    let mut entries = Vec::new();
    let mut rename = None;
    for attr in validate_attrs(cx, &f.attrs) {
        list(cx, attr, |name, input| {
            if name == "rename" {
                return set_once(cx, &mut rename, &name, lit_str_value(input)?);
            }
            if let Some(entry) = entry(cx, name, input)? {
                entries.push(entry);
            }
            Ok(())
        });
    }
    let member = match &f.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            span: f.ty.span(),
        }),
    };
    Field {
        member,
        ident: f.ident.as_ref(),
        vis: &f.vis,
        ty: &f.ty,
        entries,
        rename,
        serde_rename: serde.rename,
        serde_flatten: serde.flatten,
        serde_skip: serde.skip,
    }
}

/// The `#[validate(...)]` attributes, as token lists.
fn validate_attrs<'a>(cx: &Ctxt, attrs: &'a [syn::Attribute]) -> Vec<&'a TokenStream> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("validate"))
        .filter_map(|a| match &a.meta {
            syn::Meta::List(l) => Some(&l.tokens),
            other => {
                cx.error_spanned_by(other, "expected `#[validate(...)]`");
                None
            }
        })
        .collect()
}

// ----- the list machinery -------------------------------------------------

/// Parses `tokens` as a comma-separated list whose elements start with a
/// name. `element` parses the rest of one element; its error is recorded and
/// the list goes on after the next comma.
pub(crate) fn list(
    cx: &Ctxt,
    tokens: &TokenStream,
    mut element: impl FnMut(Ident, ParseStream<'_>) -> syn::Result<()>,
) {
    let parser = |input: ParseStream<'_>| {
        while !input.is_empty() {
            // `r#length(..)` is `length(..)`: the raw spelling hides an
            // entry from other derives that read `#[validate]` (schemars).
            let result = Ident::parse_any(input).and_then(|name| element(name.unraw(), input));
            let result = result.and_then(|()| {
                if input.is_empty() || input.peek(Token![,]) {
                    Ok(())
                } else {
                    Err(input.error("expected `,` between entries"))
                }
            });
            if let Err(err) = result {
                cx.syn_error(err);
                skip_past_comma(input)?;
            } else if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(())
    };
    if let Err(err) = parser.parse2(tokens.clone()) {
        cx.syn_error(err);
    }
}

/// Skips tokens up to and including the next top-level comma.
fn skip_past_comma(input: ParseStream<'_>) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            rest = next;
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
        }
        Ok(((), rest))
    })
}

/// The parenthesized group after a name, if there is one.
fn group(input: ParseStream<'_>) -> syn::Result<Option<Group>> {
    if input.peek(syn::token::Paren) {
        Ok(Some(input.parse()?))
    } else {
        Ok(None)
    }
}

/// `= "string"`.
fn lit_str_value(input: ParseStream<'_>) -> syn::Result<LitStr> {
    input.parse::<Token![=]>()?;
    input.parse()
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<T>, name: &Ident, value: T) -> syn::Result<()> {
    if slot.is_some() {
        cx.error_at(name.span(), format!("duplicate `{name}`: give it once"));
    }
    *slot = Some(value);
    Ok(())
}

fn no_arguments(name: &Ident, input: ParseStream<'_>) -> syn::Result<()> {
    if input.peek(syn::token::Paren) || input.peek(Token![=]) {
        return Err(syn::Error::new(
            name.span(),
            format!("`{name}` takes no arguments"),
        ));
    }
    Ok(())
}

/// Consumes whatever follows a name we could not use, so the list goes on.
fn swallow(input: ParseStream<'_>) -> syn::Result<()> {
    if input.peek(syn::token::Paren) {
        input.parse::<Group>()?;
    } else if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        input.step(|cursor| {
            let mut rest = *cursor;
            while let Some((tt, next)) = rest.token_tree() {
                if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                    break;
                }
                rest = next;
            }
            Ok(((), rest))
        })?;
    }
    Ok(())
}

// ----- field entries ------------------------------------------------------

/// One field-level entry (`length(..)`, `each(..)`, `sanitize(..)`,
/// `nested`...). `Ok(None)` when the entry was wrong but the error is
/// already recorded.
pub(crate) fn entry(cx: &Ctxt, name: Ident, input: ParseStream<'_>) -> syn::Result<Option<Entry>> {
    let text = name.to_string();
    match text.as_str() {
        "nested" => {
            no_arguments(&name, input)?;
            Ok(Some(Entry::Nested(name)))
        }
        "skip" => {
            no_arguments(&name, input)?;
            Ok(Some(Entry::Skip(name)))
        }
        "each" | "keys" | "values" => {
            let kind = match text.as_str() {
                "each" => ItemsKind::Each,
                "keys" => ItemsKind::Keys,
                _ => ItemsKind::Values,
            };
            let Some(g) = group(input)? else {
                return Err(syn::Error::new(
                    name.span(),
                    format!("`{text}` needs the rules for the items: `{text}(length(max = 20))`"),
                ));
            };
            let mut entries = Vec::new();
            let errors_before = cx.error_count();
            list(cx, &g.stream(), |name, input| {
                if name == "rename" {
                    swallow(input)?;
                    return Err(syn::Error::new(
                        name.span(),
                        "`rename` names a field; it cannot go inside `each`, `keys` or `values`",
                    ));
                }
                if let Some(entry) = entry(cx, name, input)? {
                    entries.push(entry);
                }
                Ok(())
            });
            // Empty because every entry was wrong is reported already; only
            // a list with nothing in it gets this error.
            if entries.is_empty() && cx.error_count() == errors_before {
                cx.error_at(
                    g.span(),
                    format!("`{text}(...)` is empty: give the item rules"),
                );
            }
            Ok(Some(Entry::Items(Items {
                kind,
                name,
                entries,
            })))
        }
        "sanitize" => {
            let Some(g) = group(input)? else {
                return Err(syn::Error::new(
                    name.span(),
                    "`sanitize` needs a list of sanitizers: `sanitize(trim, lowercase)`",
                ));
            };
            let sanitizers = sanitizers(cx, &g);
            if sanitizers.is_empty() {
                return Ok(None);
            }
            Ok(Some(Entry::Sanitize(name, sanitizers)))
        }
        _ if names::is_rule(&text) => {
            let args = args(input)?;
            Ok(rule(cx, name, args).map(Entry::Rule))
        }
        _ => {
            let message = match foreign::hint(&name, input)? {
                Some(hint) => hint,
                None => unknown_rule_message(&text),
            };
            swallow(input)?;
            Err(syn::Error::new(name.span(), message))
        }
    }
}

fn unknown_rule_message(text: &str) -> String {
    if names::SANITIZERS.contains(&text) {
        return format!(
            "`{text}` is a sanitizer, not a rule: write it inside `sanitize(...)`, \
             e.g. `#[validate(sanitize({text}))]`"
        );
    }
    if names::CONTAINER.contains(&text) {
        return format!(
            "`{text}` goes on the struct or enum, not on a field: `#[validate({text} = ...)]` \
             above the type"
        );
    }
    let mut known = names::rule_names();
    known.extend_from_slice(names::SANITIZERS);
    format!(
        "unknown validation rule `{text}`{}",
        did_you_mean(text, &known)
    )
}

// ----- rule arguments -----------------------------------------------------

/// `name = value` or a positional value.
enum Arg {
    Named(Ident, Expr),
    Positional(Expr),
}

impl syn::parse::Parse for Arg {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Ident::peek_any) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
            let name = Ident::parse_any(input)?;
            input.parse::<Token![=]>()?;
            Ok(Arg::Named(name, input.parse()?))
        } else {
            Ok(Arg::Positional(input.parse()?))
        }
    }
}

/// The arguments of one rule, consumed as the rule reads them.
struct Args {
    /// The span of the whole group, or of the rule name when there is none.
    span: Span,
    named: Vec<(Ident, Expr)>,
    positional: Vec<Expr>,
}

fn args(input: ParseStream<'_>) -> syn::Result<Option<Args>> {
    if input.peek(Token![=]) {
        return Err(input.error("rules take their arguments in parentheses: `rule(arg = value)`"));
    }
    let Some(g) = group(input)? else {
        return Ok(None);
    };
    let items = Punctuated::<Arg, Token![,]>::parse_terminated.parse2(g.stream())?;
    let mut args = Args {
        span: g.span(),
        named: Vec::new(),
        positional: Vec::new(),
    };
    for item in items {
        match item {
            Arg::Named(n, e) => args.named.push((n, e)),
            Arg::Positional(e) => args.positional.push(e),
        }
    }
    Ok(Some(args))
}

/// Reads the arguments of one rule, reporting what it does not accept.
struct Reader<'c> {
    cx: &'c Ctxt,
    rule: Ident,
    args: Args,
    /// Named arguments the rule asked for: the accepted spellings.
    accepted: Vec<&'static str>,
    ok: bool,
}

impl<'c> Reader<'c> {
    fn new(cx: &'c Ctxt, rule: &Ident, args: Option<Args>) -> Self {
        let args = args.unwrap_or(Args {
            span: rule.span(),
            named: Vec::new(),
            positional: Vec::new(),
        });
        Reader {
            cx,
            rule: rule.clone(),
            args,
            accepted: vec!["message", "code"],
            ok: true,
        }
    }

    fn error(&mut self, span: Span, message: impl std::fmt::Display) {
        self.cx.error_at(span, message);
        self.ok = false;
    }

    /// The named argument `key`, if given (once).
    fn named(&mut self, key: &'static str) -> Option<Expr> {
        if !self.accepted.contains(&key) {
            self.accepted.push(key);
        }
        let mut found = None;
        let mut i = 0;
        while i < self.args.named.len() {
            if self.args.named[i].0 == key {
                let (name, value) = self.args.named.remove(i);
                if found.is_some() {
                    self.error(name.span(), format!("duplicate argument `{key}`"));
                }
                found = Some(value);
            } else {
                i += 1;
            }
        }
        found
    }

    /// The named argument `key` of another crate's spelling, taken out
    /// without becoming an accepted argument.
    fn foreign(&mut self, key: &str) -> Option<(Ident, Expr)> {
        let i = self.args.named.iter().position(|(name, _)| name == key)?;
        Some(self.args.named.remove(i))
    }

    /// The positional arguments, all of them.
    fn positional(&mut self) -> Vec<Expr> {
        std::mem::take(&mut self.args.positional)
    }

    /// Exactly one positional argument, described by `what` in the error.
    fn one_positional(&mut self, what: &str) -> Option<Expr> {
        let mut all = self.positional();
        if all.len() != 1 {
            let rule = self.rule.clone();
            let span = all.get(1).map_or(self.args.span, Spanned::span);
            self.error(span, format!("`{rule}` takes one argument, {what}"));
            return None;
        }
        all.pop()
    }

    /// Reports every argument nobody asked for.
    fn finish(&mut self) {
        for (name, _) in std::mem::take(&mut self.args.named) {
            let hint = did_you_mean(&name.to_string(), &self.accepted);
            let rule = self.rule.clone();
            let accepted = self
                .accepted
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                name.span(),
                format!("unknown argument `{name}` for `{rule}`{hint} (accepted: {accepted})"),
            );
        }
        for extra in std::mem::take(&mut self.args.positional) {
            let rule = self.rule.clone();
            self.error(
                extra.span(),
                format!(
                    "`{rule}` takes no positional argument here; name it: `{rule}(name = value)`"
                ),
            );
        }
    }
}

/// Builds a rule from its name and arguments; `None` after an error.
fn rule(cx: &Ctxt, name: Ident, args: Option<Args>) -> Option<Rule> {
    let mut r = Reader::new(cx, &name, args);
    let message = r.named("message");
    let code = r.named("code");
    let text = name.to_string();
    let kind = match text.as_str() {
        // `date` is a format rule, or with bounds `rules::date_range`.
        "date" => {
            let [min, max, gt, lt] = ["min", "max", "gt", "lt"].map(|key| date_bound(&mut r, key));
            match (min, max, gt, lt) {
                (None, None, None, None) => RuleKind::Format(formats::find(&text)?),
                (min, max, gt, lt) => RuleKind::DateRange { min, max, gt, lt },
            }
        }
        known if let Some(format) = formats::find(known) => {
            RuleKind::Format(flagged(&mut r, format))
        }
        "length" => {
            let min = r.named("min");
            let max = r.named("max");
            let equal = r.named("equal");
            let unit = r.named("unit").and_then(|u| {
                let ident = plain_ident(&u);
                if ident.is_none() {
                    r.error(
                        u.span(),
                        "`unit` is one of `chars`, `bytes`, `utf16`, `graphemes`",
                    );
                }
                ident
            });
            if min.is_none() && max.is_none() && equal.is_none() && r.args.named.is_empty() {
                r.error(
                    name.span(),
                    "`length` needs `min`, `max` or `equal`: `length(min = 1, max = 50)`",
                );
            }
            RuleKind::Length {
                min,
                max,
                equal,
                unit,
            }
        }
        "range" => {
            let min = r.named("min");
            let max = r.named("max");
            let gt = r.named("gt");
            let lt = r.named("lt");
            if min.is_none()
                && max.is_none()
                && gt.is_none()
                && lt.is_none()
                && r.args.named.is_empty()
            {
                r.error(
                    name.span(),
                    "`range` needs `min`, `max`, `gt` or `lt`: `range(min = 1, max = 10)`",
                );
            }
            RuleKind::Range { min, max, gt, lt }
        }
        "multiple_of" => RuleKind::MultipleOf(r.one_positional("the divisor: `multiple_of(5)`")?),
        "pattern" => match r.one_positional("the regex: `pattern(\"^[a-z]+$\")`")? {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => RuleKind::Pattern(Pattern::Literal(s)),
            Expr::Lit(other) => {
                r.error(
                    other.span(),
                    "a pattern is a string literal or a `Regex` value",
                );
                return None;
            }
            other => RuleKind::Pattern(Pattern::Expr(other)),
        },
        "charset" => {
            let items = r.positional();
            if items.is_empty() {
                r.error(
                    r.args.span,
                    "`charset` needs the allowed characters: `charset(ascii_alphanumeric, \"_-\")`",
                );
            }
            let mut out = Vec::new();
            for item in items {
                match charset_item(&item) {
                    Ok(i) => out.push(i),
                    Err(e) => {
                        r.ok = false;
                        cx.syn_error(e);
                    }
                }
            }
            RuleKind::Charset(out)
        }
        "url" => {
            let schemes = r.named("schemes").and_then(|e| {
                let list = lit_str_array(&e);
                if list.is_none() {
                    r.error(e.span(), "`schemes` is a list of strings: `[\"https\"]`");
                }
                list
            });
            RuleKind::Url { schemes }
        }
        "contains" | "not_contains" | "prefix" | "suffix" => {
            let f = match text.as_str() {
                "contains" => "contains",
                "not_contains" => "not_contains",
                "prefix" => "prefix",
                _ => "suffix",
            };
            // `contains(pattern = "@")` is the validator crate's spelling,
            // which schemars also reads (as a regex-escaped `pattern`).
            let named = if f == "contains" {
                r.named("pattern")
            } else {
                None
            };
            let text = match named {
                Some(text) => {
                    // The text given twice: the second is the mistake.
                    if let Some(extra) = r.positional().first() {
                        r.error(
                            extra.span(),
                            "`contains` takes its text once: `contains(\"@\")` or \
                             `contains(pattern = \"@\")`",
                        );
                    }
                    text
                }
                None => r.one_positional("the text: `contains(\"@\")`")?,
            };
            RuleKind::Substring(f, text)
        }
        "one_of" => {
            let choices = r.positional();
            if choices.is_empty() {
                r.error(
                    r.args.span,
                    "`one_of` needs the allowed values: `one_of(\"a\", \"b\")`",
                );
            }
            RuleKind::OneOf(choices)
        }
        "safe_filename" => {
            let extensions = r.named("extensions").and_then(|e| {
                let list = lit_str_array(&e);
                if list.is_none() {
                    r.error(
                        e.span(),
                        "`extensions` is a list of strings: `[\"png\", \"jpg\"]`",
                    );
                }
                list
            });
            let allow_leading_dot = r.named("allow_leading_dot").and_then(|e| match e {
                Expr::Lit(ExprLit {
                    lit: Lit::Bool(b), ..
                }) => Some(b),
                other => {
                    r.error(other.span(), "`allow_leading_dot` is `true` or `false`");
                    None
                }
            });
            RuleKind::SafeFilename {
                extensions,
                allow_leading_dot,
            }
        }
        "required" => RuleKind::Required,
        "must_match" => {
            if let Some((key, other)) = r.foreign("other") {
                r.error(key.span(), foreign::must_match_other(&other));
                return None;
            }
            let other = r.one_positional("the other field: `must_match(password)`")?;
            match plain_ident(&other) {
                Some(ident) => RuleKind::MustMatch(ident),
                None => {
                    r.error(
                        other.span(),
                        "`must_match` names another field of the struct: `must_match(password)`",
                    );
                    return None;
                }
            }
        }
        "custom" => RuleKind::Custom(custom(&mut r, &name, false)?),
        "rule" => match r.one_positional("the rule set: `rule(rules::Username)`")? {
            Expr::Path(p) if p.qself.is_none() && p.attrs.is_empty() => RuleKind::Set(p.path),
            other => {
                r.error(
                    other.span(),
                    "`rule` names a rule set by its path: `rule(rules::Username)`",
                );
                return None;
            }
        },
        // Every name of names::RULES that reaches here is handled above
        // except the keywords `entry` dispatched before calling us.
        _ => {
            r.error(name.span(), unknown_rule_message(&text));
            return None;
        }
    };
    r.finish();
    r.ok.then_some(Rule {
        name,
        kind,
        message,
        code,
    })
}

/// `custom(path)` / `custom(path, context)`; on the struct (`container`)
/// also the flag `always` and `field = name`.
fn custom(r: &mut Reader<'_>, name: &Ident, container: bool) -> Option<Custom> {
    if let Some((key, function)) = r.foreign("function") {
        r.error(key.span(), foreign::custom_function(&function));
        return None;
    }
    let field = if container {
        r.named("field").and_then(|e| {
            let ident = plain_ident(&e);
            if ident.is_none() {
                r.error(
                    e.span(),
                    "`field` names a field of the struct: `custom(check_zip, field = postal_code)`",
                );
            }
            ident
        })
    } else {
        None
    };
    let mut pos = r.positional().into_iter();
    let Some(path) = pos.next() else {
        r.error(
            r.args.span,
            "`custom` takes the function: `custom(check_name)`, or `custom(check_name, context)`",
        );
        return None;
    };
    let (mut context, mut always) = (None, None);
    for flag in pos {
        match plain_ident(&flag) {
            Some(ident) if ident == "context" && context.is_none() => context = Some(ident),
            Some(ident) if ident == "always" && container && always.is_none() => {
                always = Some(ident);
            }
            Some(ident) if ident == "always" && !container => r.error(
                ident.span(),
                "`always` is for struct-level `custom` rules (which otherwise wait for every \
                 field to pass); a field's `custom` runs with the field's other rules",
            ),
            _ => {
                let flags = if container {
                    "`context` (the function also takes `&Ctx`) or `always` (run even when a \
                     field failed)"
                } else {
                    "`context` (the function also takes `&Ctx`)"
                };
                r.error(
                    flag.span(),
                    format!("after the function, `custom` takes only {flags}"),
                );
            }
        }
    }
    r.ok.then(|| Custom {
        path,
        context,
        always,
        field,
        name: name.clone(),
    })
}

/// `x` as an expression, if it is a lone identifier.
fn plain_ident(e: &Expr) -> Option<Ident> {
    match e {
        Expr::Path(p) if p.qself.is_none() && p.attrs.is_empty() => p.path.get_ident().cloned(),
        _ => None,
    }
}

/// A format rule, or the variant its flag selects (`phone(strict)`); a
/// positional argument that is not the flag is an error on its token.
fn flagged(
    r: &mut Reader<'_>,
    format: &'static formats::FormatRule,
) -> &'static formats::FormatRule {
    let Some((flag, variant)) = format.flag else {
        // `finish` reports any positional argument.
        return format;
    };
    let mut chosen = format;
    for arg in r.positional() {
        let name = format.name;
        if std::ptr::eq(chosen, format) && plain_ident(&arg).is_some_and(|i| i == flag) {
            chosen = variant;
        } else {
            r.error(
                arg.span(),
                format!("`{name}` takes one flag, `{flag}`: `{name}({flag})`"),
            );
        }
    }
    chosen
}

/// The date literal of `date(key = "2000-01-01")`, if given.
fn date_bound(r: &mut Reader<'_>, key: &'static str) -> Option<LitStr> {
    match r.named(key)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s),
        other => {
            r.error(
                other.span(),
                format!(
                    "`{key}` is a date literal: `date({key} = \"2000-01-01\")` \
                     (for a computed bound, call `rules::date_range` from `custom`)"
                ),
            );
            None
        }
    }
}

/// `["a", "b"]`.
fn lit_str_array(e: &Expr) -> Option<Vec<LitStr>> {
    let Expr::Array(a) = e else { return None };
    a.elems
        .iter()
        .map(|e| match e {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn charset_item(e: &Expr) -> syn::Result<CharsetItem> {
    let lit_char = |e: &Option<Box<Expr>>| match e.as_deref() {
        Some(Expr::Lit(ExprLit {
            lit: Lit::Char(c), ..
        })) => Some(c.value()),
        _ => None,
    };
    match e {
        Expr::Path(_) => {
            let Some(ident) = plain_ident(e) else {
                return Err(syn::Error::new_spanned(
                    e,
                    "expected a character class name",
                ));
            };
            let text = ident.to_string();
            if names::char_class(&text).is_some() {
                return Ok(CharsetItem::Class(ident));
            }
            let classes: Vec<&str> = names::CHAR_CLASSES.iter().map(|c| c.name).collect();
            Err(syn::Error::new(
                ident.span(),
                format!(
                    "unknown character class `{text}`{}; the classes are {}, or give \
                     characters as a string `\"_-\"` or a range `'a'..='f'`",
                    did_you_mean(&text, &classes),
                    classes.join(", ")
                ),
            ))
        }
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => {
            if s.value().is_empty() {
                return Err(syn::Error::new(s.span(), "an empty string allows nothing"));
            }
            Ok(CharsetItem::Chars(s.value()))
        }
        Expr::Lit(ExprLit {
            lit: Lit::Char(c), ..
        }) => Ok(CharsetItem::Chars(c.value().to_string())),
        Expr::Range(range) => match (lit_char(&range.start), lit_char(&range.end), &range.limits) {
            (Some(a), Some(b), syn::RangeLimits::Closed(_)) if a > b => {
                Err(syn::Error::new_spanned(
                    range,
                    format!("empty range: {a:?} comes after {b:?}; write `{b:?}..={a:?}`"),
                ))
            }
            (Some(a), Some(b), syn::RangeLimits::Closed(_)) => Ok(CharsetItem::Range(a, b)),
            (Some(_), Some(_), syn::RangeLimits::HalfOpen(_)) => Err(syn::Error::new_spanned(
                range,
                "write character ranges inclusive: `'a'..='f'`",
            )),
            _ => Err(syn::Error::new_spanned(
                range,
                "a character range has two char literals: `'a'..='f'`",
            )),
        },
        other => Err(syn::Error::new_spanned(
            other,
            "expected a character class (`ascii_alphanumeric`), a string of characters \
             (`\"_-\"`) or a range (`'a'..='f'`)",
        )),
    }
}

// ----- sanitizers ---------------------------------------------------------

fn sanitizers(cx: &Ctxt, g: &Group) -> Vec<Sanitizer> {
    let mut out = Vec::new();
    let errors_before = cx.error_count();
    list(cx, &g.stream(), |name, input| {
        if let Some(kind) = sanitizer(&name, input)? {
            out.push(Sanitizer { name, kind });
        }
        Ok(())
    });
    if out.is_empty() && cx.error_count() == errors_before {
        cx.error_at(
            g.span(),
            "`sanitize(...)` is empty: give sanitizers, e.g. `sanitize(trim)`",
        );
    }
    out
}

fn sanitizer(name: &Ident, input: ParseStream<'_>) -> syn::Result<Option<SanitizerKind>> {
    let text = name.to_string();
    if let Some(plain) = names::PLAIN_SANITIZERS.iter().find(|s| **s == text) {
        no_arguments(name, input)?;
        return Ok(Some(SanitizerKind::Plain(plain)));
    }
    match text.as_str() {
        "strip_control" => {
            let keep_whitespace = match group(input)? {
                None => false,
                Some(g) => {
                    let flag: Ident = syn::parse2(g.stream()).map_err(|_| {
                        syn::Error::new(
                            g.span(),
                            "`strip_control` takes only `keep_whitespace`: \
                             `strip_control(keep_whitespace)`",
                        )
                    })?;
                    if flag != "keep_whitespace" {
                        return Err(syn::Error::new(
                            flag.span(),
                            format!(
                                "unknown argument `{flag}` for `strip_control`{}",
                                did_you_mean(&flag.to_string(), &["keep_whitespace"])
                            ),
                        ));
                    }
                    true
                }
            };
            Ok(Some(SanitizerKind::StripControl { keep_whitespace }))
        }
        "truncate" => {
            let Some(g) = group(input)? else {
                return Err(syn::Error::new(
                    name.span(),
                    "`truncate` needs the maximum length: `truncate(100)`",
                ));
            };
            let items = Punctuated::<Arg, Token![,]>::parse_terminated.parse2(g.stream())?;
            let mut max = None;
            let mut graphemes = false;
            for item in items {
                match item {
                    Arg::Positional(e) if max.is_none() => max = Some(e),
                    Arg::Named(n, v) if n == "unit" => match plain_ident(&v) {
                        Some(u) if u == "chars" => graphemes = false,
                        Some(u) if u == "graphemes" => graphemes = true,
                        _ => {
                            return Err(syn::Error::new_spanned(
                                v,
                                "`truncate` counts `chars` or `graphemes`",
                            ));
                        }
                    },
                    Arg::Named(n, _) => {
                        return Err(syn::Error::new(
                            n.span(),
                            format!(
                                "unknown argument `{n}` for `truncate`{}",
                                did_you_mean(&n.to_string(), &["unit"])
                            ),
                        ));
                    }
                    Arg::Positional(e) => {
                        return Err(syn::Error::new_spanned(
                            e,
                            "`truncate` takes one length: `truncate(100)`",
                        ));
                    }
                }
            }
            let Some(max) = max else {
                return Err(syn::Error::new(
                    g.span(),
                    "`truncate` needs the maximum length: `truncate(100)`",
                ));
            };
            Ok(Some(SanitizerKind::Truncate { max, graphemes }))
        }
        "with" => {
            if !input.peek(Token![=]) {
                return Err(syn::Error::new(
                    name.span(),
                    "`with` names a function: `sanitize(with = my_fn)`",
                ));
            }
            input.parse::<Token![=]>()?;
            Ok(Some(SanitizerKind::With(input.parse()?)))
        }
        _ => {
            swallow(input)?;
            let message = if names::is_rule(&text) {
                format!(
                    "`{text}` is a rule, not a sanitizer: put it beside `sanitize(...)`, \
                     e.g. `#[validate(sanitize(trim), {text})]`"
                )
            } else {
                format!(
                    "unknown sanitizer `{text}`{}",
                    did_you_mean(&text, names::SANITIZERS)
                )
            };
            Err(syn::Error::new(name.span(), message))
        }
    }
}

// ----- container attributes -----------------------------------------------

fn container_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs {
        serde: serde_container(attrs),
        ..ContainerAttrs::default()
    };
    for tokens in validate_attrs(cx, attrs) {
        list(cx, tokens, |name, input| {
            let text = name.to_string();
            match text.as_str() {
                "context" => {
                    input.parse::<Token![=]>()?;
                    let ty: syn::Type = input.parse()?;
                    set_once(cx, &mut out.context, &name, ty)
                }
                "crate" => {
                    input.parse::<Token![=]>()?;
                    let path = if input.peek(LitStr) {
                        input.parse::<LitStr>()?.parse::<syn::Path>()?
                    } else {
                        syn::Path::parse_mod_style(input)?
                    };
                    set_once(cx, &mut out.crate_path, &name, path)
                }
                "rename_all" => {
                    let lit = lit_str_value(input)?;
                    match RenameRule::from_str(&lit.value()) {
                        Some(rule) => set_once(cx, &mut out.rename_all, &name, rule),
                        None => Err(syn::Error::new(
                            lit.span(),
                            format!(
                                "unknown case `{}`; expected one of {}",
                                lit.value(),
                                RenameRule::names().join(", ")
                            ),
                        )),
                    }
                }
                "newtype" => {
                    no_arguments(&name, input)?;
                    set_once(cx, &mut out.newtype, &name, name.clone())
                }
                "custom" => {
                    let args = args(input)?;
                    let mut r = Reader::new(cx, &name, args);
                    let c = custom(&mut r, &name, true);
                    r.finish();
                    if let Some(c) = c.filter(|_| r.ok) {
                        out.customs.push(c);
                    }
                    Ok(())
                }
                _ => {
                    swallow(input)?;
                    let message = if names::is_rule(&text) {
                        format!(
                            "`{text}` is a field rule: put it on a field; the struct-level \
                             rule is `custom(path)`"
                        )
                    } else {
                        format!(
                            "unknown container attribute `{text}`{} (accepted: `context = Type`, \
                             `crate = path`, `custom(path)`, `newtype`, `rename_all = \"..\"`)",
                            did_you_mean(&text, names::CONTAINER)
                        )
                    };
                    Err(syn::Error::new(name.span(), message))
                }
            }
        });
    }
    out
}

// ----- serde attributes ---------------------------------------------------

/// What the loc and the decoder need from a field's or variant's
/// `#[serde]` attributes (names are the deserialize ones).
#[derive(Default)]
pub(crate) struct SerdeItem {
    pub(crate) rename: Option<String>,
    pub(crate) rename_all: Option<RenameRule>,
    pub(crate) aliases: Vec<String>,
    pub(crate) default: Option<SerdeDefault>,
    pub(crate) flatten: bool,
    /// `skip` or `skip_deserializing`: not on the wire, always the default.
    pub(crate) skip: bool,
    /// `deserialize_with = "path"`, or `with = "module"` as
    /// `module::deserialize`.
    pub(crate) deserialize_with: Option<syn::Path>,
}

/// Reads serde attributes leniently: anything serde itself would reject is
/// serde's to report, so malformed or unknown entries are skipped silently.
pub(crate) fn serde_attrs(attrs: &[syn::Attribute]) -> SerdeItem {
    let mut out = SerdeItem::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                out.rename = deserialize_name(&meta)?.or(out.rename.take());
            } else if meta.path.is_ident("rename_all") {
                out.rename_all = deserialize_name(&meta)?
                    .and_then(|n| RenameRule::from_str(&n))
                    .or(out.rename_all);
            } else if meta.path.is_ident("alias") {
                out.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("default") {
                out.default = Some(serde_default(&meta)?);
            } else if meta.path.is_ident("flatten") {
                out.flatten = true;
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                out.skip = true;
            } else if meta.path.is_ident("deserialize_with") {
                let path = meta.value()?.parse::<LitStr>()?.parse::<syn::Path>()?;
                out.deserialize_with = Some(path);
            } else if meta.path.is_ident("with") {
                let mut module = meta.value()?.parse::<LitStr>()?.parse::<syn::Path>()?;
                module.segments.push(syn::parse_quote!(deserialize));
                out.deserialize_with = Some(module);
            } else {
                skip_meta(&meta)?;
            }
            Ok(())
        });
    }
    out
}

pub(crate) fn serde_container(attrs: &[syn::Attribute]) -> SerdeContainer {
    let mut out = SerdeContainer::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let p = &meta.path;
            if p.is_ident("rename_all") {
                out.rename_all = deserialize_name(&meta)?
                    .and_then(|n| RenameRule::from_str(&n))
                    .or(out.rename_all);
            } else if p.is_ident("rename_all_fields") {
                out.rename_all_fields = deserialize_name(&meta)?
                    .and_then(|n| RenameRule::from_str(&n))
                    .or(out.rename_all_fields);
            } else if p.is_ident("tag") {
                out.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if p.is_ident("content") {
                out.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if p.is_ident("untagged") {
                out.untagged = true;
            } else if p.is_ident("transparent") {
                out.transparent = true;
            } else if p.is_ident("deny_unknown_fields") {
                out.deny_unknown_fields = true;
            } else if p.is_ident("default") {
                out.default = Some(serde_default(&meta)?);
            } else if ["from", "try_from", "remote"].iter().any(|n| p.is_ident(n)) {
                out.foreign = true;
                skip_meta(&meta)?;
            } else {
                skip_meta(&meta)?;
            }
            Ok(())
        });
    }
    out
}

/// `default` or `default = "path"`.
fn serde_default(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<SerdeDefault> {
    if meta.input.peek(Token![=]) {
        let path = meta.value()?.parse::<LitStr>()?.parse::<syn::Path>()?;
        Ok(SerdeDefault::Path(path))
    } else {
        Ok(SerdeDefault::Trait)
    }
}

/// `rename = "x"` or `rename(deserialize = "x", serialize = "y")`: the name
/// the input uses, so the deserialize one.
pub(crate) fn deserialize_name(
    meta: &syn::meta::ParseNestedMeta<'_>,
) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.value()));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        let value = inner.value()?.parse::<LitStr>()?.value();
        if inner.path.is_ident("deserialize") {
            name = Some(value);
        }
        Ok(())
    })?;
    Ok(name)
}

/// Skips a serde entry we do not need (`default`, `with = ".."`,
/// `bound(..)`...).
pub(crate) fn skip_meta(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<Group>()?;
    }
    Ok(())
}
