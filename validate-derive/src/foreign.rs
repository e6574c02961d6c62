//! Rule names from the validator and garde crates, each answered with this
//! library's spelling: a team moving over writes the names it knows, and
//! "unknown validation rule" alone would leave it searching the docs.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::{Expr, Ident, Token};

/// The hint for `name` when it is another crate's rule, reading (and
/// consuming) its arguments where the replacement repeats them; `None`,
/// with nothing consumed, for a name no other crate uses.
pub(crate) fn hint(name: &Ident, input: ParseStream<'_>) -> syn::Result<Option<String>> {
    let text = name.to_string();
    let hint = match text.as_str() {
        "dive" => "`dive` is garde's name: this library spells it `nested` (a field whose type \
                   derives `Validate`, or a list, set or map of such values)"
            .to_owned(),
        "inner" => "`inner(...)` is garde's name: this library spells it `each(...)` for the \
                    items of a list or set (`values(...)` for a map's values); write `each(` in \
                    place of `inner(`, the rules inside stay as written"
            .to_owned(),
        "regex" => format!(
            "`regex` is validator's name: this library spells it `pattern`: write `{}`",
            regex_replacement(input)?
        ),
        "ascii" | "alphanumeric" => format!(
            "`{text}` is garde's name: this library writes it as a character set: \
             `charset({text})`"
        ),
        "matches" => format!(
            "`matches` is garde's name: this library spells it `must_match`: write `{}`",
            must_match_replacement(input)?
        ),
        "does_not_contain" => "`does_not_contain` is validator's name: this library spells it \
                               `not_contains`: `not_contains(\"text\")`"
            .to_owned(),
        "non_control_character" => "`non_control_character` is validator's name: this \
                                    library spells it `no_control`"
            .to_owned(),
        _ => return Ok(None),
    };
    Ok(Some(hint))
}

/// `custom(function = "f")` (validator): the replacement `custom(f)`.
pub(crate) fn custom_function(function: &Expr) -> String {
    format!(
        "`function = ...` is validator's spelling: this library takes the function by path: \
         write `custom({})`",
        path_text(function)
    )
}

/// `must_match(other = "password")` (validator): the replacement
/// `must_match(password)`.
pub(crate) fn must_match_other(other: &Expr) -> String {
    format!(
        "`other = ...` is validator's spelling: this library names the field itself: write \
         `must_match({})`",
        path_text(other)
    )
}

/// `pattern(...)` for validator's `regex(path = *RE)` or `regex = "RE"`.
fn regex_replacement(input: ParseStream<'_>) -> syn::Result<String> {
    let value = if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        Some(input.parse::<Expr>()?)
    } else if input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in input);
        let mut path = None;
        while !content.is_empty() {
            let key: Ident = content.parse()?;
            content.parse::<Token![=]>()?;
            let value: Expr = content.parse()?;
            if key == "path" {
                path = Some(value);
            }
            if !content.is_empty() {
                content.parse::<Token![,]>()?;
            }
        }
        path
    } else {
        None
    };
    Ok(match value {
        Some(v) => format!("pattern({})", path_text(&v)),
        None => "pattern(\"^[a-z]+$\")` or `pattern(MY_REGEX)".to_owned(),
    })
}

/// `must_match(field)` for garde's `matches(field)`.
fn must_match_replacement(input: ParseStream<'_>) -> syn::Result<String> {
    if !input.peek(syn::token::Paren) {
        return Ok("must_match(other_field)".to_owned());
    }
    let content;
    syn::parenthesized!(content in input);
    let field: TokenStream = content.parse()?;
    Ok(format!("must_match({})", compact(field)))
}

/// An expression as a user writes it: a string literal's contents (the
/// other crates name paths in strings), anything else without the token
/// printer's spaces around `::` and `*`.
fn path_text(e: &Expr) -> String {
    match e {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => s.value(),
        other => compact(other.to_token_stream()),
    }
}

fn compact(tokens: TokenStream) -> String {
    tokens
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace("* ", "*")
        .replace("& ", "&")
}
