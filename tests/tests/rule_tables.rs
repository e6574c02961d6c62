//! The three places a rule lives agree: the derive's rule table (every
//! attribute name, the format rules with the section documenting them),
//! the catalogue (every error kind and its `type`) and the derive
//! documentation (`validate-core/src/derive.md`, and the README's rule
//! list); and the derive
//! recognises the collection types validate-core implements.

use std::collections::HashSet;

use validate_core::__private::{
    EACH_NAMES, MAP_NAMES, collection_names, ctx_key_table, rule_table,
};
use validate_core::error::Kind;

const DERIVE_MD: &str = include_str!("../../validate-core/src/derive.md");
const README: &str = include_str!("../../README.md");

/// The text of the `# {title}` section of derive.md, up to the next
/// top-level heading (headings inside code blocks are Rust attributes, not
/// `# ` lines, so a line starting `# ` is a heading).
fn section(title: &str) -> Option<&'static str> {
    let heading = format!("\n# {title}\n");
    let start = DERIVE_MD.find(&heading)? + heading.len();
    let rest = &DERIVE_MD[start..];
    Some(rest.find("\n# ").map_or(rest, |end| &rest[..end]))
}

/// Whether `text` shows the attribute `name` as code: `` `name` ``,
/// `` `name(..)` ``, `` `name = ..` `` or `#[validate(name = ..)]`.
fn documents(text: &str, name: &str) -> bool {
    [
        format!("`{name}`"),
        format!("`{name}("),
        format!("`{name} ="),
        format!("({name} ="),
    ]
    .iter()
    .any(|form| text.contains(form.as_str()))
}

#[test]
fn every_derive_rule_is_documented() {
    let rows: &[(&str, &str)] = rule_table!();
    assert!(rows.len() > 20, "the table lost its rows: {rows:?}");
    let mut seen = HashSet::new();
    for &(name, doc) in rows {
        assert!(seen.insert(name), "`{name}` is in the derive's table twice");
        assert!(
            documents(DERIVE_MD, name),
            "`{name}` is missing from derive.md"
        );
        assert!(
            documents(README, name),
            "`{name}` is missing from README.md"
        );
        if !doc.is_empty() {
            let text = section(doc).unwrap_or_else(|| panic!("derive.md has no `# {doc}`"));
            assert!(documents(text, name), "`{name}` is missing from `# {doc}`");
        }
    }
    for format in ["email", "ip", "ipv4", "ipv6", "uuid", "credit_card"] {
        assert!(
            rows.contains(&(format, "Field rules")),
            "`{format}` is not a format rule"
        );
    }
}

#[test]
fn the_documented_error_types_are_catalogue_codes() {
    let codes: HashSet<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
    let rules = section("Field rules").expect("derive.md has `# Field rules`");
    let mut checked = 0;
    for row in rules.lines().filter(|l| l.starts_with("| `")) {
        // The last cell: the error `type`s, as code spans.
        let cell = row.trim_end_matches('|').rsplit(" | ").next().unwrap_or("");
        for (i, part) in cell.split('`').enumerate() {
            if i % 2 == 1 {
                assert!(
                    codes.contains(part),
                    "`{part}` in derive.md is not a catalogue code"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 15,
        "only {checked} codes found in the field rules table"
    );
}

#[test]
fn every_catalogue_kind_has_a_code_and_its_template_keys() {
    for &kind in Kind::ALL {
        let code = kind.code();
        assert!(
            !code.is_empty()
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{kind:?}: `{code}`"
        );
        let template = kind.message_template();
        for key in kind.ctx_keys() {
            assert!(
                template.contains(&format!("{{{key}")) || matches!(kind, Kind::JsonInvalid),
                "{kind:?}: ctx key `{key}` is not in its message"
            );
        }
    }
}

#[test]
fn the_derive_knows_every_collection() {
    let (each, maps): (&[&str], &[&str]) = collection_names!();
    // Slices and arrays are syntax (`[T]`, `[T; N]`), not names.
    let core_each: Vec<&str> = EACH_NAMES
        .iter()
        .copied()
        .filter(|n| !n.starts_with('['))
        .collect();
    assert_eq!(each, core_each.as_slice());
    assert_eq!(maps, MAP_NAMES);
}

/// The ctx keys the derive checks `message = "{key}"` templates against
/// are the catalogue's own (`Kind::ctx_keys`), kind by kind.
#[test]
fn the_derive_knows_the_catalogue_ctx_keys() {
    let rows: &[(&str, &[&str])] = ctx_key_table!();
    assert!(rows.len() > 20, "the table lost its rows: {rows:?}");
    for &(name, keys) in rows {
        let kind = Kind::ALL
            .iter()
            .find(|k| format!("{k:?}") == name)
            .unwrap_or_else(|| panic!("`{name}` is not a catalogue kind"));
        assert_eq!(kind.ctx_keys(), keys, "the ctx keys of `{name}`");
    }
}
