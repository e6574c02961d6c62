//! `sanitize(...)` through the derive: canonicalize, then validate. Run by
//! `x.sanitize()` and `Valid::new`, in the order written, through
//! `Option`, items, map keys and values, and `nested`.

use std::collections::{BTreeMap, HashMap, HashSet};

use validate_core::{Valid, Validate};

#[derive(Debug, Validate)]
struct Login {
    #[validate(sanitize(trim, lowercase), pattern("^[a-z0-9_]+$"))]
    username: String,
}

#[test]
fn sanitize_then_validate() {
    let login = Valid::new(Login {
        username: "  Bob_1 ".into(),
    })
    .expect("valid once sanitized");
    assert_eq!(login.username, "bob_1");
    // Validation alone does not sanitize.
    let raw = Login {
        username: "  Bob_1 ".into(),
    };
    assert_eq!(
        raw.validate().expect_err("not sanitized").to_string(),
        "username: String should match pattern '^[a-z0-9_]+$'"
    );
    let bad = Valid::new(Login {
        username: " bad name ".into(),
    })
    .expect_err("still invalid");
    assert_eq!(bad.len(), 1);
}

fn shout(s: String) -> String {
    s.to_uppercase()
}

fn exclaim(s: &mut String) {
    if !s.ends_with('!') {
        s.push('!');
    }
}

#[derive(Debug, Validate)]
struct Profile {
    /// Several attributes merge; sanitizers run in the order written.
    #[validate(sanitize(trim))]
    #[validate(sanitize(truncate(3)), length(max = 3))]
    trimmed_then_cut: String,
    #[validate(sanitize(truncate(3), trim))]
    cut_then_trimmed: String,
    #[validate(sanitize(with = shout, with = exclaim))]
    custom: String,
    #[validate(sanitize(strip_invisible, collapse_whitespace))]
    spaced: String,
    #[validate(sanitize(strip_control(keep_whitespace)))]
    kept_newlines: String,
    #[validate(sanitize(strip_control))]
    one_line: String,
    #[validate(sanitize(nfkc, truncate(2, unit = graphemes)))]
    graphemes: String,
    #[validate(sanitize(filename), safe_filename)]
    upload: String,
    #[validate(sanitize(trim, uppercase))]
    country: Option<String>,
}

#[test]
fn sanitizers_in_order() {
    let mut p = Profile {
        trimmed_then_cut: "  abcdef".into(),
        cut_then_trimmed: "  abcdef".into(),
        custom: "hi".into(),
        spaced: "a \u{200b}  b".into(),
        kept_newlines: "a\u{7}\nb".into(),
        one_line: "a\u{7}\nb".into(),
        graphemes: "ﬁe\u{301}x".into(),
        upload: "../../etc/passwd".into(),
        country: Some(" fr ".into()),
    };
    p.sanitize();
    assert_eq!(p.trimmed_then_cut, "abc");
    assert_eq!(p.cut_then_trimmed, "a");
    assert_eq!(p.custom, "HI!");
    assert_eq!(p.spaced, "a b");
    assert_eq!(p.kept_newlines, "a\nb");
    assert_eq!(p.one_line, "ab");
    assert_eq!(p.graphemes, "fi");
    assert!(
        validate_core::rules::safe_filename(&p.upload).is_ok(),
        "{}",
        p.upload
    );
    assert_eq!(p.country.as_deref(), Some("FR"));
    assert!(p.validate().is_ok());
    // Idempotent: a second pass changes nothing.
    let before = format!("{p:?}");
    p.sanitize();
    assert_eq!(format!("{p:?}"), before);
}

#[derive(Debug, Validate)]
struct Member {
    #[validate(sanitize(trim), length(min = 1))]
    name: String,
}

#[derive(Debug, Validate)]
struct Team {
    #[validate(each(sanitize(trim, lowercase), length(max = 5)))]
    tags: Vec<String>,
    #[validate(each(sanitize(trim)))]
    labels: Option<HashSet<String>>,
    #[validate(each(each(sanitize(trim))))]
    grid: Vec<[String; 2]>,
    #[validate(keys(sanitize(lowercase)), values(sanitize(trim), length(min = 1)))]
    by_key: BTreeMap<String, String>,
    #[validate(keys(sanitize(trim)))]
    hashed: HashMap<String, u8>,
    #[validate(nested)]
    lead: Member,
    #[validate(nested)]
    members: Vec<Option<Member>>,
    #[validate(values(nested))]
    by_role: BTreeMap<String, Member>,
}

#[test]
fn sanitize_reaches_items_keys_values_and_nested() {
    let team = Team {
        tags: vec![" Rust ".into(), "GO".into()],
        labels: Some(
            [" a ".to_string(), "a".to_string(), "b ".to_string()]
                .into_iter()
                .collect(),
        ),
        grid: vec![[" x ".into(), "y ".into()]],
        by_key: [("Home".to_string(), " 1 Main St ".to_string())]
            .into_iter()
            .collect(),
        hashed: [(" k ".to_string(), 1)].into_iter().collect(),
        lead: Member {
            name: " Ann ".into(),
        },
        members: vec![None, Some(Member { name: "  ".into() })],
        by_role: [(
            "dev".to_string(),
            Member {
                name: " Bo ".into(),
            },
        )]
        .into_iter()
        .collect(),
    };
    let errors = Valid::new(team).expect_err("a member's name is blank");
    assert_eq!(
        errors.to_string(),
        "members[1].name: String should have at least 1 character"
    );

    let mut team = Team {
        tags: vec![" Rust ".into()],
        labels: Some([" a ".to_string(), "a".to_string()].into_iter().collect()),
        grid: vec![[" x ".into(), "y ".into()]],
        by_key: [("Home".to_string(), " 1 Main St ".to_string())]
            .into_iter()
            .collect(),
        hashed: [(" k ".to_string(), 1)].into_iter().collect(),
        lead: Member {
            name: " Ann ".into(),
        },
        members: vec![Some(Member {
            name: " Cy ".into(),
        })],
        by_role: [(
            "dev".to_string(),
            Member {
                name: " Bo ".into(),
            },
        )]
        .into_iter()
        .collect(),
    };
    team.sanitize();
    assert_eq!(team.tags, ["rust"]);
    // A set is rebuilt: " a " and "a" become one.
    assert_eq!(team.labels.as_ref().map(HashSet::len), Some(1));
    assert_eq!(team.grid, [["x".to_string(), "y".to_string()]]);
    assert_eq!(
        team.by_key.get("home").map(String::as_str),
        Some("1 Main St")
    );
    assert_eq!(team.hashed.get("k"), Some(&1));
    assert_eq!(team.lead.name, "Ann");
    assert_eq!(
        team.members[0].as_ref().map(|m| m.name.as_str()),
        Some("Cy")
    );
    assert_eq!(team.by_role["dev"].name, "Bo");
    assert!(team.validate().is_ok());
}

#[derive(Debug, Validate)]
enum Contact {
    Email(#[validate(sanitize(trim, lowercase), email)] String),
    Phone {
        #[validate(sanitize(trim), length(min = 5))]
        number: String,
    },
}

#[test]
fn enums_sanitize_their_variant() {
    let c = Valid::new(Contact::Email(" Bob@Example.COM ".into())).expect("valid");
    assert!(matches!(&*c, Contact::Email(e) if e == "bob@example.com"));
    let mut p = Contact::Phone {
        number: " 555-1234 ".into(),
    };
    p.sanitize();
    assert!(matches!(&p, Contact::Phone { number } if number == "555-1234"));
}

/// A context type sanitizes like any other.
struct Ctx;

#[derive(Debug, Validate)]
#[validate(context = Ctx)]
struct WithContext {
    #[validate(sanitize(trim), length(min = 1))]
    name: String,
}

#[test]
fn context_types_sanitize() {
    let v = Valid::new_with(WithContext { name: " x ".into() }, &Ctx).expect("valid");
    assert_eq!(v.into_inner().name, "x");
}

#[derive(Debug, Validate)]
struct Link {
    #[validate(sanitize(url), url)]
    href: String,
    #[validate(each(sanitize(url)))]
    mirrors: Vec<String>,
}

#[test]
fn url_sanitizer_stores_what_a_browser_fetches() {
    let link = Link {
        href: "HTTP://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ:80/a/../b".into(),
        mirrors: vec!["https://ａ.com".into(), "not a url".into()],
    };
    let valid = Valid::new(link).expect("valid once canonical");
    assert_eq!(valid.href, "http://localhost/b");
    assert_eq!(valid.mirrors, ["https://a.com/", "not a url"]);
    let bad = Link {
        href: "example.com".into(),
        mirrors: vec![],
    };
    let err = Valid::new(bad).expect_err("not a URL");
    assert_eq!(
        err.to_string(),
        "href: Input should be a valid URL, relative URL without a base"
    );
}
