//! Hostile shapes through the derive: recursive types nested 100,000 deep
//! are validated and sanitized without overflowing the stack (the nesting
//! limit cuts them off with `nesting_too_deep`), and a map of 100,000
//! entries reports each failing entry once, at its own key.

use std::collections::{BTreeMap, HashMap};

use validate_core::{DEFAULT_MAX_DEPTH, LocItem, Valid, Validate, ValidationErrors};

/// A tree through both recursive shapes the issue names.
#[derive(Debug, Validate)]
struct Node {
    #[validate(sanitize(trim), length(max = 8))]
    name: String,
    #[validate(nested)]
    next: Option<Box<Node>>,
    #[validate(nested)]
    children: Vec<Node>,
}

/// Dropping a 100,000-deep tree recursively would overflow the stack in the
/// test itself (that is Rust's `Drop`, not the library): take it apart with
/// a loop instead.
impl Drop for Node {
    fn drop(&mut self) {
        let mut stack: Vec<Node> = std::mem::take(&mut self.children);
        stack.extend(self.next.take().map(|b| *b));
        while let Some(mut node) = stack.pop() {
            stack.append(&mut node.children);
            stack.extend(node.next.take().map(|b| *b));
        }
    }
}

fn node(name: &str) -> Node {
    Node {
        name: name.to_owned(),
        next: None,
        children: Vec::new(),
    }
}

/// `levels` nodes linked through `next`, the deepest named `bottom`, the
/// others ` ok ` (valid once trimmed, too long before).
fn chain(levels: usize, bottom: &str) -> Node {
    let mut current = node(bottom);
    for _ in 1..levels {
        let mut parent = node(" ok ");
        parent.next = Some(Box::new(current));
        current = parent;
    }
    current
}

/// The same through `children[0]`.
fn list_chain(levels: usize, bottom: &str) -> Node {
    let mut current = node(bottom);
    for _ in 1..levels {
        let mut parent = node("ok");
        parent.children.push(current);
        current = parent;
    }
    current
}

fn only_error(errors: &ValidationErrors) -> &validate_core::ValidationError {
    assert_eq!(errors.len(), 1, "{errors}");
    errors.iter().next().expect("one error")
}

#[test]
fn a_chain_100_000_deep_is_cut_at_the_limit() {
    let deep = chain(100_000, "far too long a name");
    let errors = deep.validate().expect_err("too deep");
    let e = only_error(&errors);
    assert_eq!(e.kind(), "nesting_too_deep");
    assert_eq!(e.msg(), "Input should be nested at most 128 levels deep");
    // Reported at the first value too deep: `next` 128 times.
    assert_eq!(e.loc().len(), DEFAULT_MAX_DEPTH);
    assert!(e.loc().iter().all(|i| *i == LocItem::Field("next".into())));
}

#[test]
fn a_list_chain_100_000_deep_is_cut_at_the_limit() {
    let deep = list_chain(100_000, "far too long a name");
    let errors = deep.validate().expect_err("too deep");
    let e = only_error(&errors);
    assert_eq!(e.kind(), "nesting_too_deep");
    // `children`, 0, 128 times.
    assert_eq!(e.loc().len(), 2 * DEFAULT_MAX_DEPTH);
    assert_eq!(e.loc().get(1), Some(&LocItem::Index(0)));
}

#[test]
fn the_limit_is_exact() {
    // 128 levels are validated in full: the bottom's own error is found.
    let at_limit = chain(DEFAULT_MAX_DEPTH, "far too long a name");
    let errors = at_limit.validate().expect_err("bottom name too long");
    assert_eq!(only_error(&errors).kind(), "string_too_long");
    assert_eq!(only_error(&errors).loc().len(), DEFAULT_MAX_DEPTH);
    // One more level and the bottom is not reached.
    let over = chain(DEFAULT_MAX_DEPTH + 1, "fine");
    let errors = over.validate().expect_err("too deep");
    assert_eq!(only_error(&errors).kind(), "nesting_too_deep");
    // Valid at the limit once sanitized (the inner names are " ok ").
    let mut at_limit = chain(DEFAULT_MAX_DEPTH, "fine");
    at_limit.sanitize();
    assert!(at_limit.validate().is_ok());
}

#[test]
fn sanitizing_100_000_deep_stops_at_the_limit() {
    let mut deep = chain(100_000, "x");
    deep.sanitize();
    // The levels within the limit are sanitized, the ones below are not.
    let mut level = &deep;
    for depth in 1..=DEFAULT_MAX_DEPTH + 2 {
        let want = if depth <= DEFAULT_MAX_DEPTH {
            "ok"
        } else {
            " ok "
        };
        assert_eq!(level.name, want, "level {depth}");
        level = level.next.as_deref().expect("deeper level");
    }
    // So Valid::new, which sanitizes then validates, refuses the value.
    let errors = Valid::new(chain(100_000, "x")).expect_err("too deep");
    assert_eq!(only_error(&errors).kind(), "nesting_too_deep");
    let mut wide = list_chain(100_000, "x");
    wide.sanitize();
}

#[test]
fn serde_json_refuses_deeper_json_before_the_derive_sees_it() {
    // `Option<Box<Self>>` from JSON: serde_json's own limit (128) stops a
    // 100,000-deep document with an error, so a request body alone cannot
    // reach the derive's limit.
    #[derive(serde::Deserialize, Validate)]
    struct Link {
        #[validate(nested)]
        next: Option<Box<Link>>,
    }
    let depth = 100_000;
    let json = format!("{}null{}", "{\"next\":".repeat(depth), "}".repeat(depth));
    let err = serde_json::from_str::<Link>(&json)
        .err()
        .expect("too deep for serde_json");
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
    // What serde_json accepts (127 levels and a null) validates in full.
    let json = format!("{}null{}", "{\"next\":".repeat(127), "}".repeat(127));
    let link: Link = serde_json::from_str(&json).expect("within serde_json's limit");
    assert!(link.validate().is_ok());
    // Drop it level by level (a 127-deep recursive drop is fine, but keep
    // the test independent of the stack size).
    let mut next = link.next;
    while let Some(mut l) = next {
        next = l.next.take();
    }
}

/// 100,000 entries, with failing keys and values spread through the map.
#[derive(Validate)]
struct Scores {
    #[validate(keys(length(max = 6)), values(range(max = 100)))]
    by_player: HashMap<String, u32>,
    #[validate(keys(length(min = 2)), values(sanitize(trim), length(min = 1)))]
    notes: BTreeMap<String, String>,
}

#[test]
fn a_map_of_100_000_keys_reports_each_failure_at_its_key() {
    const N: u32 = 100_000;
    // Key `p{i}` is too long from i = 100,000 (7 characters) — never here;
    // so make every 7th key long on purpose and every 5th value too big.
    let key = |i: u32| {
        if i.is_multiple_of(7) {
            format!("player{i}")
        } else {
            format!("p{i}")
        }
    };
    let by_player: HashMap<String, u32> = (0..N)
        .map(|i| (key(i), if i.is_multiple_of(5) { 101 } else { 1 }))
        .collect();
    let notes: BTreeMap<String, String> = (0..N)
        .map(|i| {
            let k = if i.is_multiple_of(11) {
                format!("{}", i % 10)
            } else {
                format!("n{i}")
            };
            (
                k,
                if i.is_multiple_of(13) {
                    "   ".to_owned()
                } else {
                    "fine".to_owned()
                },
            )
        })
        .collect();
    let mut scores = Scores { by_player, notes };
    scores.sanitize();
    let errors = scores.validate().expect_err("some entries fail");

    // Expected (loc, kind) pairs, computed from the data.
    let mut want: Vec<(Vec<String>, &str)> = Vec::new();
    for (k, v) in &scores.by_player {
        if k.chars().count() > 6 {
            want.push((
                vec!["by_player".into(), k.clone(), "[key]".into()],
                "string_too_long",
            ));
        }
        if *v > 100 {
            want.push((vec!["by_player".into(), k.clone()], "less_than_equal"));
        }
    }
    for (k, v) in &scores.notes {
        if k.chars().count() < 2 {
            want.push((
                vec!["notes".into(), k.clone(), "[key]".into()],
                "string_too_short",
            ));
        }
        if v.is_empty() {
            want.push((vec!["notes".into(), k.clone()], "string_too_short"));
        }
    }
    let mut got: Vec<(Vec<String>, &str)> = errors
        .iter()
        .map(|e| {
            let loc = e
                .loc()
                .iter()
                .map(|item| match item {
                    LocItem::Field(f) => f.to_string(),
                    LocItem::Key(k) => k.to_string(),
                    other => panic!("unexpected loc step {other:?}"),
                })
                .collect();
            (loc, e.kind())
        })
        .collect();
    assert!(
        want.len() > 30_000,
        "the data should fail often: {}",
        want.len()
    );
    // Fields in declaration order, then the map's own order within each.
    assert!(got.iter().take_while(|(l, _)| l[0] == "by_player").count() > 0);
    assert!(
        got.windows(2)
            .all(|w| !(w[0].0[0] == "notes" && w[1].0[0] == "by_player"))
    );
    want.sort();
    got.sort();
    assert_eq!(got.len(), want.len());
    assert!(got == want, "errors and their keys differ from the data");
}
