//! `nested`, `each`, `keys` and `values` through the derive: locs of items
//! and map entries, Pydantic's collection semantics, depth.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use indexmap::IndexMap;
use serde_json::json;
use validate_core::{Validate, ValidationErrors};

fn errors<T: Validate<Context = ()>>(value: &T) -> ValidationErrors {
    value.validate().err().unwrap_or_default()
}

fn json_of<T: Validate<Context = ()>>(value: &T) -> String {
    serde_json::to_string(&errors(value)).expect("errors serialize")
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Validate)]
struct Address {
    #[validate(length(min = 1, max = 10))]
    street: String,
    #[validate(range(min = 10000, max = 99999))]
    zip: u32,
}

fn addr(street: &str, zip: u32) -> Address {
    Address {
        street: street.into(),
        zip,
    }
}

fn short_street(loc: serde_json::Value) -> serde_json::Value {
    json!({"type": "string_too_short", "loc": loc, "msg": "String should have at least 1 character", "ctx": {"min_length": 1}})
}

#[derive(Validate)]
struct Nests {
    #[validate(nested)]
    one: Address,
    #[validate(nested)]
    maybe: Option<Address>,
    #[validate(nested)]
    boxed: Box<Address>,
    #[validate(nested)]
    list: Vec<Address>,
    #[validate(nested)]
    array: [Address; 2],
    #[validate(nested)]
    deque: VecDeque<Address>,
    #[validate(nested)]
    by_name: BTreeMap<String, Address>,
    #[validate(nested)]
    by_id: HashMap<u32, Address>,
    #[validate(nested)]
    ordered: IndexMap<String, Address>,
    #[validate(nested)]
    set: BTreeSet<Address>,
    #[validate(nested)]
    hashed: HashSet<Address>,
    #[validate(nested)]
    optional_list: Option<Vec<Option<Address>>>,
}

#[test]
fn nested_reaches_through_every_container() {
    let ok = addr("Main St", 12345);
    let bad = addr("", 12345);
    let value = Nests {
        one: bad.clone(),
        maybe: Some(bad.clone()),
        boxed: Box::new(bad.clone()),
        list: vec![ok.clone(), bad.clone()],
        array: [bad.clone(), ok.clone()],
        deque: VecDeque::from([ok.clone(), bad.clone()]),
        by_name: [("home".to_string(), bad.clone())].into_iter().collect(),
        by_id: [(7, bad.clone())].into_iter().collect(),
        ordered: [
            ("b".to_string(), ok.clone()),
            ("a".to_string(), bad.clone()),
        ]
        .into_iter()
        .collect(),
        set: [ok.clone(), bad.clone()].into_iter().collect(),
        hashed: [bad.clone()].into_iter().collect(),
        optional_list: Some(vec![None, Some(bad.clone())]),
    };
    let expected = json!([
        short_street(json!(["one", "street"])),
        short_street(json!(["maybe", "street"])),
        short_street(json!(["boxed", "street"])),
        short_street(json!(["list", 1, "street"])),
        short_street(json!(["array", 0, "street"])),
        short_street(json!(["deque", 1, "street"])),
        short_street(json!(["by_name", "home", "street"])),
        short_street(json!(["by_id", 7, "street"])),
        short_street(json!(["ordered", "a", "street"])),
        // A set's index is the iteration position: "" sorts first.
        short_street(json!(["set", 0, "street"])),
        short_street(json!(["hashed", 0, "street"])),
        short_street(json!(["optional_list", 1, "street"])),
    ]);
    assert_eq!(json_of(&value), expected.to_string());
    let display = errors(&value).to_string();
    assert!(display.contains("list[1].street: String should have at least 1 character"));
    assert!(display.contains("by_name[\"home\"].street: "), "{display}");
    assert!(display.contains("by_id[7].street: "), "{display}");
}

#[derive(Validate)]
struct Tags {
    #[validate(length(min = 2, max = 3), each(length(min = 1, max = 5)))]
    tags: Vec<String>,
}

fn tags(items: &[&str]) -> Tags {
    Tags {
        tags: items.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn a_list_over_its_max_reports_only_too_long() {
    // Items are not visited: "" and "toolong" are not reported.
    assert_eq!(
        json_of(&tags(&["", "toolong", "a", "b"])),
        json!([{"type": "too_long", "loc": ["tags"], "msg": "List should have at most 3 items after validation, not 4",
                "ctx": {"field_type": "List", "max_length": 3, "actual_length": 4}}])
        .to_string()
    );
}

#[test]
fn every_failing_item_reports_and_the_minimum_waits() {
    // One item: too short a list, but an item fails, so only the item is reported.
    assert_eq!(
        json_of(&tags(&["toolong"])),
        json!([{"type": "string_too_long", "loc": ["tags", 0], "msg": "String should have at most 5 characters", "ctx": {"max_length": 5}}])
            .to_string()
    );
    assert_eq!(
        json_of(&tags(&["", "ok", "toolong"])),
        json!([
            {"type": "string_too_short", "loc": ["tags", 0], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "string_too_long", "loc": ["tags", 2], "msg": "String should have at most 5 characters", "ctx": {"max_length": 5}},
        ])
        .to_string()
    );
    // Items fine: now the minimum is checked.
    assert_eq!(
        json_of(&tags(&["ok"])),
        json!([{"type": "too_short", "loc": ["tags"], "msg": "List should have at least 2 items after validation, not 1",
                "ctx": {"field_type": "List", "min_length": 2, "actual_length": 1}}])
        .to_string()
    );
    assert!(tags(&["a", "b"]).validate().is_ok());
}

#[derive(Validate)]
struct Grid {
    #[validate(each(each(length(max = 3))))]
    rows: Vec<Vec<String>>,
    #[validate(each(length(max = 1), each(range(max = 9))))]
    digits: Vec<[u8; 2]>,
    #[validate(values(each(length(min = 1))))]
    groups: BTreeMap<String, Vec<String>>,
}

#[test]
fn item_rules_nest_to_any_depth() {
    let grid = Grid {
        rows: vec![vec!["abc".into()], vec!["ok".into(), "abcd".into()]],
        digits: vec![[1, 2], [3, 10]],
        groups: [("g".to_string(), vec!["x".to_string(), String::new()])]
            .into_iter()
            .collect(),
    };
    assert_eq!(
        json_of(&grid),
        json!([
            {"type": "string_too_long", "loc": ["rows", 1, 1], "msg": "String should have at most 3 characters", "ctx": {"max_length": 3}},
            // An array of 2 is over length(max = 1): too_long, its items unvisited.
            {"type": "too_long", "loc": ["digits", 0], "msg": "List should have at most 1 item after validation, not 2",
             "ctx": {"field_type": "List", "max_length": 1, "actual_length": 2}},
            {"type": "too_long", "loc": ["digits", 1], "msg": "List should have at most 1 item after validation, not 2",
             "ctx": {"field_type": "List", "max_length": 1, "actual_length": 2}},
            {"type": "string_too_short", "loc": ["groups", "g", 1], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
        ])
        .to_string()
    );
    assert_eq!(
        errors(&grid).to_string().lines().next(),
        Some("rows[1][1]: String should have at most 3 characters")
    );
}

#[derive(Validate)]
struct Scores {
    #[validate(length(max = 3), keys(length(min = 2)), values(range(max = 100)))]
    by_player: BTreeMap<String, u32>,
    #[validate(keys(range(min = 1)))]
    by_id: HashMap<i64, String>,
}

#[test]
fn map_keys_and_values() {
    let scores = Scores {
        by_player: [
            ("a".to_string(), 101),
            ("bob".to_string(), 50),
            ("c".to_string(), 7),
        ]
        .into_iter()
        .collect(),
        by_id: [(0, "zero".to_string())].into_iter().collect(),
    };
    assert_eq!(
        json_of(&scores),
        json!([
            {"type": "string_too_short", "loc": ["by_player", "a", "[key]"], "msg": "String should have at least 2 characters", "ctx": {"min_length": 2}},
            {"type": "less_than_equal", "loc": ["by_player", "a"], "msg": "Input should be less than or equal to 100", "ctx": {"le": 100}},
            {"type": "string_too_short", "loc": ["by_player", "c", "[key]"], "msg": "String should have at least 2 characters", "ctx": {"min_length": 2}},
            {"type": "greater_than_equal", "loc": ["by_id", 0, "[key]"], "msg": "Input should be greater than or equal to 1", "ctx": {"ge": 1}},
        ])
        .to_string()
    );
    assert_eq!(
        errors(&scores).to_string().lines().next(),
        Some("by_player[\"a\"][key]: String should have at least 2 characters")
    );
    let too_many = Scores {
        by_player: (0..4).map(|i| (format!("p{i}"), 200)).collect(),
        by_id: HashMap::new(),
    };
    assert_eq!(
        json_of(&too_many),
        json!([{"type": "too_long", "loc": ["by_player"], "msg": "Dictionary should have at most 3 items after validation, not 4",
                "ctx": {"field_type": "Dictionary", "max_length": 3, "actual_length": 4}}])
        .to_string()
    );
}

#[test]
fn keys_are_escaped_in_display() {
    let scores = Scores {
        by_player: [("\"].admin[\"".to_string(), 500)].into_iter().collect(),
        by_id: HashMap::new(),
    };
    assert_eq!(
        errors(&scores).to_string(),
        "by_player[\"\\\"].admin[\\\"\"]: Input should be less than or equal to 100"
    );
}

#[derive(Validate)]
struct Team {
    #[validate(length(max = 2), nested)]
    members: Vec<Address>,
    #[validate(required, nested)]
    lead: Option<Address>,
}

#[test]
fn nested_lists_follow_the_collection_rules() {
    let team = Team {
        members: vec![addr("", 1), addr("ok", 12345), addr("", 2)],
        lead: None,
    };
    assert_eq!(
        json_of(&team),
        json!([
            {"type": "too_long", "loc": ["members"], "msg": "List should have at most 2 items after validation, not 3",
             "ctx": {"field_type": "List", "max_length": 2, "actual_length": 3}},
            {"type": "missing", "loc": ["lead"], "msg": "Field required"},
        ])
        .to_string()
    );
    let team = Team {
        members: vec![addr("", 1)],
        lead: Some(addr("x", 3)),
    };
    assert_eq!(
        json_of(&team),
        json!([
            {"type": "string_too_short", "loc": ["members", 0, "street"], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "greater_than_equal", "loc": ["members", 0, "zip"], "msg": "Input should be greater than or equal to 10000", "ctx": {"ge": 10000}},
            {"type": "greater_than_equal", "loc": ["lead", "zip"], "msg": "Input should be greater than or equal to 10000", "ctx": {"ge": 10000}},
        ])
        .to_string()
    );
}

#[derive(Validate)]
struct Tree {
    #[validate(length(min = 1))]
    name: String,
    #[validate(nested)]
    children: Vec<Tree>,
}

#[test]
fn recursive_types_nest() {
    let tree = Tree {
        name: "root".into(),
        children: vec![Tree {
            name: "a".into(),
            children: vec![Tree {
                name: String::new(),
                children: vec![],
            }],
        }],
    };
    assert_eq!(
        errors(&tree).to_string(),
        "children[0].children[0].name: String should have at least 1 character"
    );
}

#[derive(Validate)]
struct Slices<'a> {
    #[validate(each(length(max = 2)))]
    names: &'a [&'a str],
    #[validate(nested)]
    addresses: &'a [Address],
}

#[test]
fn borrowed_slices() {
    let list = [addr("", 12345)];
    let value = Slices {
        names: &["ab", "abc"],
        addresses: &list,
    };
    assert_eq!(
        errors(&value).to_string(),
        "names[1]: String should have at most 2 characters\naddresses[0].street: String should have at least 1 character"
    );
}
