//! The README's section "Your rules in your API docs": the schema it shows
//! is what schemars and the derive write for the quick-start model, and
//! its keyword table lists every rule of the derive's rule table.

use schemars::{JsonSchema, schema_for};
use serde_json::Value;
use validate_core::Validate;

// The quick-start model of the README, with the two lines the section
// adds (a doc comment would become the schema's description).
#[allow(dead_code)] // Only its schema is read.
#[derive(Debug, serde::Deserialize, Validate, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::schemars::transform::<Self>)]
struct SignupRequest {
    #[validate(sanitize(trim, lowercase))]
    #[validate(length(min = 3, max = 32), charset(ascii_alphanumeric, "_"))]
    user_name: String,
    #[validate(sanitize(trim), email)]
    email: String,
    #[validate(length(min = 12, max = 128))]
    password: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
}

/// The README's text of the section.
fn section() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let start = readme
        .find("## Your rules in your API docs")
        .expect("the section");
    let end = readme[start + 3..]
        .find("\n## ")
        .map_or(readme.len(), |e| start + 3 + e);
    readme[start..end].to_owned()
}

#[test]
fn the_schema_shown_is_the_schema_written() {
    let section = section();
    let start = section.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + section[start..].find("```").expect("the block's end");
    let shown: Value = serde_json::from_str(&section[start..end]).expect("the block is JSON");
    assert_eq!(shown, schema_for!(SignupRequest).to_value());
}

#[test]
fn the_table_names_every_rule() {
    let section = section();
    let rows: &[(&str, &str)] = validate_core::__private::rule_table!();
    let missing: Vec<&str> = rows
        .iter()
        .map(|(rule, _)| *rule)
        // `rename` names a loc, not a rule of the value.
        .filter(|rule| *rule != "rename" && !section.contains(&format!("`{rule}")))
        .collect();
    assert_eq!(missing, Vec::<&str>::new());
}
