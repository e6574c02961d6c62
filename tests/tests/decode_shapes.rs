//! The collecting decoder on every shape serde reads: tagged and untagged
//! enums with rule newtypes inside, `flatten`, `transparent`, tuples,
//! `Valid<T>` fields, aliases, defaults, skipped fields, `deserialize_with`,
//! generic and context types, types without `Validate` — each error at its
//! loc, every error at once.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};
use tests::shared_rules::{Username, Zip};
use validate_core::decode::{Decode, Mode};
use validate_core::{Valid, Validate, json as vjson};

fn errors<T: Decode + Validate<Context = ()>>(body: &str) -> Value {
    match vjson::from_slice::<T>(body.as_bytes()) {
        Ok(_) => json!([]),
        Err(e) => serde_json::to_value(&e).expect("serializes"),
    }
}

/// `type loc` of each error, compactly.
fn locs<T: Decode + Validate<Context = ()>>(body: &str) -> Vec<String> {
    errors::<T>(body)
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| format!("{} {}", e["type"].as_str().unwrap_or_default(), e["loc"]))
        .collect()
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Internal {
    Person { name: Username, zip: Zip },
    Team(#[validate(nested)] TeamInfo),
    Nobody,
}

#[derive(Debug, Deserialize, Validate)]
struct TeamInfo {
    #[validate(length(min = 2))]
    members: Vec<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Named { name: Username },
    Code(Zip),
}

#[derive(Debug, Deserialize, Validate)]
enum External {
    Named {
        name: Username,
        #[validate(range(max = 10))]
        level: u8,
    },
    Code(Zip),
    Empty,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Number(u32),
    Word(Username),
}

#[derive(Debug, Deserialize, Validate)]
struct Holder {
    #[validate(nested)]
    internal: Internal,
    #[validate(nested)]
    adjacent: Adjacent,
    #[validate(nested)]
    external: External,
    untagged: Untagged,
}

#[test]
fn newtypes_inside_tagged_enums_are_reported_at_their_field() {
    let body = r#"{"internal": {"kind": "person", "name": "al", "zip": "1"},
        "adjacent": {"c": {"name": "bo"}, "t": "Named"},
        "external": {"Named": {"name": "cy", "level": 11}},
        "untagged": "x"}"#;
    assert_eq!(
        locs::<Holder>(body),
        [
            r#"string_too_short ["internal","name"]"#,
            r#"string_pattern_mismatch ["internal","zip"]"#,
            r#"string_too_short ["adjacent","c","name"]"#,
            r#"string_too_short ["external","Named","name"]"#,
            r#"less_than_equal ["external","Named","level"]"#,
            r#"value_error ["untagged"]"#,
        ]
    );
    let body = r#"{"internal": {"kind": "team", "members": ["a"]}, "adjacent": {"t": "Code", "c": "12345"},
        "external": "Empty", "untagged": 7}"#;
    assert_eq!(
        locs::<Holder>(body),
        [r#"too_short ["internal","members"]"#]
    );
    let body = r#"{"internal": {"kind": "nobody"}, "adjacent": {"t": "Code", "c": "12345"},
        "external": {"Code": "12345"}, "untagged": "alice"}"#;
    let holder = vjson::from_slice::<Holder>(body.as_bytes()).expect("valid");
    assert!(matches!(holder.untagged, Untagged::Word(ref w) if w.as_str() == "alice"));
    assert!(matches!(holder.external, External::Code(ref z) if z.as_str() == "12345"));
}

/// Every variant's content, read back.
fn describe(h: &Holder) -> String {
    let internal = match &h.internal {
        Internal::Person { name, zip } => format!("person {} {}", name.as_str(), zip.as_str()),
        Internal::Team(team) => format!("team of {}", team.members.len()),
        Internal::Nobody => "nobody".to_owned(),
    };
    let adjacent = match &h.adjacent {
        Adjacent::Named { name } => name.as_str().to_owned(),
        Adjacent::Code(zip) => zip.as_str().to_owned(),
    };
    let external = match &h.external {
        External::Named { name, level } => format!("{} {level}", name.as_str()),
        External::Code(zip) => zip.as_str().to_owned(),
        External::Empty => "empty".to_owned(),
    };
    let untagged = match &h.untagged {
        Untagged::Number(n) => n.to_string(),
        Untagged::Word(w) => w.as_str().to_owned(),
    };
    format!("{internal} / {adjacent} / {external} / {untagged}")
}

#[test]
fn every_variant_reads_back() {
    let body = r#"{"internal": {"kind": "person", "name": "alice", "zip": "12345"},
        "adjacent": {"t": "Named", "c": {"name": "bob"}},
        "external": {"Named": {"name": "carol", "level": 3}}, "untagged": 42}"#;
    let holder = vjson::from_slice::<Holder>(body.as_bytes()).expect("valid");
    assert_eq!(describe(&holder), "person alice 12345 / bob / carol 3 / 42");
    let body = r#"{"internal": {"kind": "team", "members": ["a", "b"]},
        "adjacent": {"t": "Code", "c": "54321"}, "external": "Empty", "untagged": "dave"}"#;
    let holder = vjson::from_slice::<Holder>(body.as_bytes()).expect("valid");
    assert_eq!(describe(&holder), "team of 2 / 54321 / empty / dave");
}

#[test]
fn unknown_variants_and_missing_tags() {
    let body = r#"{"internal": {"name": "alice"}, "adjacent": {"t": "Other"},
        "external": 5, "untagged": [1]}"#;
    assert_eq!(
        locs::<Holder>(body),
        [
            r#"missing ["internal","kind"]"#,
            r#"enum ["adjacent","t"]"#,
            r#"enum ["external"]"#,
            r#"value_error ["untagged"]"#,
        ]
    );
    let detail = errors::<Holder>(body);
    assert_eq!(
        detail[2]["msg"],
        "Input should be 'Named', 'Code' or 'Empty'"
    );
}

#[derive(Debug, Deserialize, Validate)]
struct WithFlatten {
    #[validate(length(min = 1))]
    id: String,
    #[serde(flatten)]
    #[validate(nested)]
    extra: Extra,
    #[serde(flatten)]
    #[validate(values(length(max = 3)))]
    rest: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Validate)]
struct Extra {
    zip: Zip,
    #[validate(range(min = 1))]
    count: u8,
}

#[test]
fn flattened_fields_report_at_their_own_keys() {
    assert_eq!(
        locs::<WithFlatten>(r#"{"zip": "x", "id": "", "count": "many"}"#),
        [
            r#"string_too_short ["id"]"#,
            r#"string_pattern_mismatch ["zip"]"#,
            // The map takes only the keys the flattened struct before it
            // did not: as serde, `zip` and `count` are the struct's.
            r#"int_type ["count"]"#,
        ]
    );
    assert_eq!(
        locs::<WithFlatten>(r#"{"zip": "12345", "id": "a", "count": 2, "note": "long"}"#),
        [r#"string_too_long ["note"]"#]
    );
    let ok =
        vjson::from_slice::<WithFlatten>(br#"{"zip": "12345", "id": "a", "count": 2, "x": "y"}"#)
            .expect("valid");
    assert_eq!((ok.extra.zip.as_str(), ok.extra.count), ("12345", 2));
    assert_eq!(ok.rest.get("x").map(String::as_str), Some("y"));
    assert_eq!(ok.id, "a");
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Shapes {
    #[serde(alias = "pair_")]
    pair: (u8, String),
    checked: Valid<TeamInfo>,
    #[serde(default = "seven")]
    defaulted: u32,
    #[serde(skip)]
    skipped: u32,
    #[serde(deserialize_with = "double")]
    doubled: u32,
    plain: Plain,
    meters: Meters,
}

fn seven() -> u32 {
    7
}

fn double<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    u32::deserialize(d).map(|v| v * 2)
}

/// No `Validate`: read through its serde impl.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Plain {
    On,
    Off,
}

#[derive(Debug, Deserialize, Validate)]
struct Meters(#[validate(range(max = 100))] u32);

#[test]
fn tuples_valid_fields_defaults_and_serde_types() {
    assert_eq!(
        locs::<Shapes>(
            r#"{"pair_": [300, 5], "checked": {"members": ["a"]}, "doubled": "x",
                "plain": "maybe", "meters": -1, "extra": 1}"#
        ),
        [
            r#"less_than_equal ["pair",0]"#,
            r#"string_type ["pair",1]"#,
            r#"too_short ["checked","members"]"#,
            r#"value_error ["doubled"]"#,
            r#"enum ["plain"]"#,
            r#"greater_than_equal ["meters"]"#,
            r#"extra_forbidden ["extra"]"#,
        ]
    );
    let ok = vjson::from_slice::<Shapes>(
        br#"{"pair": [3, "x"], "checked": {"members": ["a", "b"]}, "doubled": 4, "plain": "on", "meters": 5}"#,
    )
    .expect("valid");
    assert_eq!(
        (ok.pair.0, ok.defaulted, ok.skipped, ok.doubled),
        (3, 7, 0, 8)
    );
    assert_eq!((ok.plain == Plain::On, ok.meters.0), (true, 5));
    assert_eq!(ok.checked.members.len(), 2);
}

#[derive(Debug, Deserialize, Validate)]
struct Page<T> {
    #[validate(length(max = 2))]
    items: Vec<T>,
}

#[derive(Debug, Deserialize, Validate)]
#[validate(context = Limits)]
struct Limited {
    #[validate(range(max = ctx.max))]
    n: u32,
    #[validate(length(min = 1))]
    name: String,
}

struct Limits {
    max: u32,
}

#[test]
fn generic_and_context_types() {
    assert_eq!(
        locs::<Page<u8>>(r#"{"items": [1, 300, "x"]}"#),
        [r#"less_than_equal ["items",1]"#, r#"int_type ["items",2]"#]
    );
    let limits = Limits { max: 5 };
    let errors =
        vjson::from_slice_with::<Limited>(br#"{"n": 9, "name": 3}"#, &limits, Mode::Strict)
            .expect_err("both fail");
    assert_eq!(
        errors.to_string(),
        "n: Input should be less than or equal to 5\nname: Input should be a valid string"
    );
}

#[derive(Debug, Deserialize, Validate)]
struct Wide {
    #[validate(length(max = 3))]
    name: String,
    items: Vec<u8>,
}

#[test]
fn huge_inputs_give_one_error_per_item_and_finish() {
    // 1,000,000 wrong items: one error each.
    let items = vec!["\"x\""; 1_000_000].join(",");
    let body = format!(r#"{{"name": "abc", "items": [{items}]}}"#);
    let errors = vjson::from_slice::<Wide>(body.as_bytes()).expect_err("every item is wrong");
    assert_eq!(errors.len(), 1_000_000);
    // 10,000 unknown fields are skipped; 10,000 repeated ones keep the last.
    let keys: Vec<String> = (0..10_000).map(|i| format!(r#""k{i}": {i}"#)).collect();
    let body = format!(r#"{{{}, "name": "toolong", "items": []}}"#, keys.join(","));
    assert_eq!(locs::<Wide>(&body), [r#"string_too_long ["name"]"#]);
    let repeated = vec![r#""name": 1"#; 10_000].join(",");
    let body = format!(r#"{{{repeated}, "name": "ok", "items": [1]}}"#);
    let wide = vjson::from_slice::<Wide>(body.as_bytes()).expect("the last name is valid");
    assert_eq!(
        (wide.name.as_str(), wide.items.as_slice()),
        ("ok", &[1u8][..])
    );
}

#[test]
fn no_error_echoes_the_input() {
    let secret = "hunter2-\u{202e}secret";
    let body =
        json!({"name": secret, "items": [secret, {"k": secret}], secret: secret}).to_string();
    let text = serde_json::to_string(&errors::<Wide>(&body)).expect("JSON");
    assert!(!text.contains("hunter2"), "{text}");
    let shown = vjson::from_slice::<Wide>(body.as_bytes())
        .expect_err("invalid")
        .to_string();
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[derive(Debug, Deserialize, Validate)]
struct Tree {
    #[validate(length(max = 3))]
    name: String,
    #[validate(nested)]
    children: Vec<Tree>,
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    fn nested(depth: usize, name: &str) -> String {
        let open = format!(r#"{{"name": "{name}", "children": ["#).repeat(depth);
        let close = "]}".repeat(depth);
        format!(r#"{open}{{"name": "{name}", "children": []}}{close}"#)
    }
    // Within serde_json's limit of 128 levels (an object and a list per
    // tree level): every level read and checked.
    let errors = vjson::from_slice::<Tree>(nested(60, "long").as_bytes()).expect_err("too long");
    assert_eq!(errors.len(), 61);
    assert!(vjson::from_slice::<Tree>(nested(60, "ok").as_bytes()).is_ok());
    // Past it: one error, no stack overflow.
    let errors = vjson::from_slice::<Tree>(nested(10_000, "x").as_bytes()).expect_err("too deep");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.iter().next().map(|e| e.kind()), Some("json_invalid"));
}
