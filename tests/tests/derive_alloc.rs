//! Allocation budget of derived validation, under a counting allocator
//! (`allocation-counter`, thread-local counts): a valid value of 20 fields
//! using every rule kind validates, and sanitizes when already clean, with
//! zero heap allocations; an invalid one costs one allocation per error
//! (its box) plus the error list.

use std::collections::BTreeMap;
use std::hint::black_box;

use allocation_counter::measure;
use validate_core::{Validate, ValidationError, ValidationErrors};

#[derive(Validate)]
struct Address {
    #[validate(sanitize(trim), length(min = 1, max = 100))]
    street: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

fn not_reserved(name: &str) -> Result<(), ValidationError> {
    if name == "root" {
        Err(ValidationError::new("reserved", "This name is reserved"))
    } else {
        Ok(())
    }
}

fn consistent(form: &Everything) -> Result<(), ValidationError> {
    if form.level > 2 && form.role != "admin" {
        Err(ValidationError::new("level", "Only admins have level 3").with_loc(["level"]))
    } else {
        Ok(())
    }
}

/// Twenty fields, every rule kind.
#[derive(Validate)]
#[validate(custom(consistent, always))]
struct Everything {
    #[validate(
        sanitize(trim, lowercase),
        length(min = 3, max = 32),
        pattern("^[a-z0-9_]+$"),
        charset(ascii_alphanumeric, "_"),
        no_invisible,
        no_control,
        single_script,
        custom(not_reserved)
    )]
    username: String,
    #[validate(sanitize(trim), email, contains("@"), not_contains(".."))]
    email: String,
    #[validate(url(schemes = ["https"]))]
    website: Option<String>,
    #[validate(url, prefix("https://"), suffix("/"))]
    homepage: String,
    #[validate(ip)]
    ip: String,
    #[validate(ipv4)]
    server_v4: String,
    #[validate(ipv6)]
    server_v6: String,
    #[validate(uuid)]
    id: String,
    #[validate(credit_card)]
    card: String,
    #[validate(one_of("admin", "user"))]
    role: String,
    #[validate(one_of(1, 2, 3))]
    level: u8,
    #[validate(range(min = 13, max = 130), multiple_of(1))]
    age: u32,
    #[validate(range(gt = 0.0, lt = 1.0))]
    score: f64,
    #[validate(safe_filename(extensions = ["png", "jpg"]))]
    avatar: String,
    #[validate(required, length(max = 10))]
    nick: Option<String>,
    #[validate(length(min = 8))]
    password: String,
    #[validate(must_match(password))]
    password_confirm: String,
    #[validate(
        length(max = 3),
        each(sanitize(trim), length(min = 1, max = 10), charset(ascii_lowercase))
    )]
    tags: Vec<String>,
    #[validate(keys(length(max = 10)), values(length(max = 10)))]
    meta: BTreeMap<String, String>,
    #[validate(nested)]
    address: Address,
}

fn valid() -> Everything {
    Everything {
        username: "bob_smith".into(),
        email: "bob@example.com".into(),
        website: Some("https://bob.example/".into()),
        homepage: "https://bob.example/".into(),
        ip: "192.0.2.1".into(),
        server_v4: "192.0.2.2".into(),
        server_v6: "2001:db8::1".into(),
        id: "123e4567-e89b-12d3-a456-426614174000".into(),
        card: "4111111111111111".into(),
        role: "admin".into(),
        level: 3,
        age: 30,
        score: 0.5,
        avatar: "me.png".into(),
        nick: Some("bobby".into()),
        password: "correct horse".into(),
        password_confirm: "correct horse".into(),
        tags: vec!["rust".into(), "web".into()],
        meta: [("k".to_string(), "v".to_string())].into_iter().collect(),
        address: Address {
            street: "1 Main St".into(),
            zip: "75001".into(),
        },
    }
}

#[test]
fn a_valid_value_validates_and_sanitizes_without_allocating() {
    let mut value = valid();
    // Warm up: the first use compiles each literal pattern (once per
    // process) and lets the regex crate build this thread's search cache.
    assert!(value.validate().is_ok());
    let mut result = None;
    let info = measure(|| result = Some(black_box(&value).validate()));
    assert!(matches!(result, Some(Ok(()))), "{result:?}");
    assert_eq!(
        info.count_total, 0,
        "validating a valid value allocated: {info:?}"
    );

    let info = measure(|| black_box(&mut value).sanitize());
    assert_eq!(
        info.count_total, 0,
        "sanitizing a clean value allocated: {info:?}"
    );
    assert_eq!(value.username, "bob_smith");
}

/// Rules whose error is a single allocation: the catalogue's box, every
/// ctx value inline or static.
#[derive(Validate)]
struct Cheap {
    #[validate(length(min = 3))]
    a: String,
    #[validate(range(max = 10))]
    b: u32,
    #[validate(multiple_of(2))]
    c: u32,
    #[validate(email)]
    d: String,
    #[validate(ip)]
    e: String,
    #[validate(ipv4)]
    f: String,
    #[validate(ipv6)]
    g: String,
    #[validate(credit_card)]
    h: String,
    #[validate(no_invisible)]
    i: String,
    #[validate(no_control)]
    j: String,
    #[validate(single_script)]
    k: String,
    #[validate(safe_filename)]
    l: String,
    #[validate(required)]
    m: Option<String>,
    n: String,
    #[validate(must_match(n))]
    o: String,
    #[validate(custom(not_reserved))]
    p: String,
    #[validate(length(max = 1), each(length(max = 1)))]
    q: Vec<String>,
    #[validate(each(range(max = 1)))]
    r: Vec<u8>,
    #[validate(nested)]
    s: Inner,
    #[validate(length(max = 2, message = "too long", code = "long"))]
    t: String,
}

#[derive(Validate)]
struct Inner {
    #[validate(length(min = 1))]
    x: String,
}

#[test]
fn an_invalid_value_costs_one_allocation_per_error_plus_the_list() {
    let value = Cheap {
        a: "ab".into(),
        b: 11,
        c: 3,
        d: "bob".into(),
        e: "x".into(),
        f: "::1".into(),
        g: "1.2.3.4".into(),
        h: "4111111111111112".into(),
        i: "a\u{200b}".into(),
        j: "a\u{1}".into(),
        k: "раypal".into(),
        l: "../x".into(),
        m: None,
        n: "a".into(),
        o: "b".into(),
        p: "root".into(),
        q: vec!["a".into(), "b".into()],
        r: vec![0, 5, 9],
        s: Inner { x: String::new() },
        t: "abc".into(),
    };
    let _ = value.validate();
    let mut result: Option<Result<(), ValidationErrors>> = None;
    let info = measure(|| result = Some(black_box(&value).validate()));
    let errors = result.and_then(Result::err).unwrap_or_default();
    // One error per checked field, two for the two bad items of `r`.
    assert_eq!(errors.len(), 20, "{errors}");
    assert!(
        info.count_total <= errors.len() as u64 + 2,
        "{} allocations for {} errors: {info:?}",
        info.count_total,
        errors.len()
    );
    // Deep locs stay inline: `s.x` and `r[2]` cost nothing extra.
    assert!(
        errors
            .to_string()
            .contains("r[2]: Input should be less than or equal to 1")
    );
    assert!(
        errors
            .to_string()
            .contains("s.x: String should have at least 1 character")
    );
}

#[test]
fn every_rule_kind_fails_through_the_derive() {
    let mut bad = valid();
    bad.username = "Root".into();
    bad.email = "bob".into();
    bad.tags = vec![" Rust ".into(), "".into()];
    bad.level = 3;
    bad.role = "user".into();
    let errors = validate_core::Valid::new(bad).err().unwrap_or_default();
    assert_eq!(
        errors.to_string(),
        "username: This name is reserved\n\
         email: value is not a valid email address: An email address must have an @-sign.\n\
         tags[0]: String should contain only lowercase ASCII letters\n\
         tags[1]: String should have at least 1 character\n\
         level: Only admins have level 3"
    );
}
