//! Field rules through the derive: the canonical examples of DESIGN.md and
//! the issue, every rule with its Pydantic JSON, `message` / `code`
//! overrides on each, and the order rules run in.

use serde_json::json;
use validate_core::{Valid, Validate, ValidationErrors};

fn errors<T: Validate<Context = ()>>(value: &T) -> ValidationErrors {
    value.validate().err().unwrap_or_default()
}

fn json_of<T: Validate<Context = ()>>(value: &T) -> String {
    serde_json::to_string(&errors(value)).expect("errors serialize")
}

#[derive(Debug, Validate)]
struct UserInput {
    #[validate(length(min = 3, max = 50), pattern("^[a-zA-Z0-9_]+$"))]
    username: String,
}

fn user(name: &str) -> UserInput {
    UserInput {
        username: name.into(),
    }
}

#[test]
fn the_canonical_user_input() {
    assert_eq!(
        json_of(&user("ab")),
        json!([{"type": "string_too_short", "loc": ["username"], "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}}])
            .to_string()
    );
    assert_eq!(
        json_of(&user("bad name!")),
        json!([{"type": "string_pattern_mismatch", "loc": ["username"], "msg": "String should match pattern '^[a-zA-Z0-9_]+$'",
                "ctx": {"pattern": "^[a-zA-Z0-9_]+$"}}])
        .to_string()
    );
    assert!(user("good_name_1").validate().is_ok());
    assert_eq!(
        errors(&user(&"x".repeat(51))).to_string(),
        "username: String should have at most 50 characters"
    );
}

// DESIGN.md's contract, as written there.
#[derive(Debug, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct SignupRequest {
    #[validate(sanitize(trim, lowercase))]
    #[validate(length(min = 3, max = 32), pattern("^[a-zA-Z0-9_]+$"))]
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
    #[validate(nested)]
    address: Address,
}

#[derive(Debug, serde::Deserialize, Validate)]
struct Address {
    #[validate(length(min = 1, max = 100))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

fn handler(req: SignupRequest) -> Result<String, ValidationErrors> {
    let req: Valid<SignupRequest> = Valid::new(req)?;
    Ok(format!("{} <{}>", req.user_name, req.email))
}

#[test]
fn the_design_signup_request() {
    let good: SignupRequest = serde_json::from_value(json!({
        "userName": "  Bob_Smith ", "email": " bob@example.com ", "password": "correct horse battery",
        "age": 30, "website": "https://bob.example", "tags": ["rust", "go"],
        "address": {"street": "1 Main St", "city": "Paris", "zip": "75001"}
    }))
    .expect("parses");
    assert_eq!(handler(good).expect("valid"), "bob_smith <bob@example.com>");

    let bad: SignupRequest = serde_json::from_value(json!({
        "userName": "  A ", "email": "bob", "password": "short", "age": 12, "website": "nope",
        "tags": ["", "ok"], "address": {"street": "", "city": "Paris", "zip": "750"}
    }))
    .expect("parses");
    let errors = handler(bad).expect_err("invalid");
    // What Pydantic v2 gives for the same model and input (after the same
    // sanitizing), with include_url=False, include_input=False.
    assert_eq!(
        serde_json::to_string(&errors).expect("json"),
        json!([
            {"type": "string_too_short", "loc": ["userName"], "msg": "String should have at least 3 characters", "ctx": {"min_length": 3}},
            {"type": "value_error", "loc": ["email"], "msg": "value is not a valid email address: An email address must have an @-sign.",
             "ctx": {"reason": "An email address must have an @-sign."}},
            {"type": "string_too_short", "loc": ["password"], "msg": "String should have at least 12 characters", "ctx": {"min_length": 12}},
            {"type": "greater_than_equal", "loc": ["age"], "msg": "Input should be greater than or equal to 13", "ctx": {"ge": 13}},
            {"type": "url_parsing", "loc": ["website"], "msg": "Input should be a valid URL, relative URL without a base",
             "ctx": {"error": "relative URL without a base"}},
            {"type": "string_too_short", "loc": ["tags", 0], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "string_too_short", "loc": ["address", "street"], "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
            {"type": "string_pattern_mismatch", "loc": ["address", "zip"], "msg": "String should match pattern '^[0-9]{5}$'",
             "ctx": {"pattern": "^[0-9]{5}$"}},
        ])
        .to_string()
    );
    assert_eq!(
        errors.to_string().lines().last(),
        Some("address.zip: String should match pattern '^[0-9]{5}$'")
    );
}

/// Every rule kind once, with the value that fails it.
#[derive(Validate)]
struct EveryRule {
    #[validate(multiple_of(5))]
    multiple: u32,
    #[validate(charset(ascii_alphanumeric, "_", 'α'..='ω'))]
    charset: String,
    #[validate(url(schemes = ["https"]))]
    url_scheme: String,
    #[validate(ip)]
    ip: String,
    #[validate(ipv4)]
    ipv4: String,
    #[validate(ipv6)]
    ipv6: String,
    #[validate(uuid)]
    uuid: String,
    #[validate(credit_card)]
    card: String,
    #[validate(contains("@"))]
    contains: String,
    #[validate(not_contains("admin"))]
    not_contains: String,
    #[validate(prefix("ab"))]
    prefix: String,
    #[validate(suffix("yz"))]
    suffix: String,
    #[validate(one_of("a", "b", "c"))]
    one_of: String,
    #[validate(one_of(1, 2))]
    one_of_int: Option<u8>,
    #[validate(one_of('x'))]
    one_of_char: char,
    #[validate(no_invisible)]
    invisible: String,
    #[validate(no_control)]
    control: String,
    #[validate(single_script)]
    script: String,
    #[validate(safe_filename)]
    filename: String,
    #[validate(safe_filename(extensions = ["png", "jpg"]))]
    image: String,
    #[validate(range(gt = 0, lt = 10))]
    exclusive: i32,
    #[validate(length(equal = 2, unit = bytes))]
    code: String,
}

fn failing_every_rule() -> EveryRule {
    EveryRule {
        multiple: 7,
        charset: "a-b".into(),
        url_scheme: "http://example.com".into(),
        ip: "1.2.3".into(),
        ipv4: "::1".into(),
        ipv6: "1.2.3.4".into(),
        uuid: "xyz".into(),
        card: "4111111111111112".into(),
        contains: "x".into(),
        not_contains: "the admin".into(),
        prefix: "x".into(),
        suffix: "x".into(),
        one_of: "d".into(),
        one_of_int: Some(3),
        one_of_char: 'z',
        invisible: "a\u{200b}b".into(),
        control: "a\u{7}".into(),
        script: "раypal".into(),
        filename: "../etc/passwd".into(),
        image: "shell.php".into(),
        exclusive: 10,
        code: "é!".into(),
    }
}

#[test]
fn every_rule_reports_its_pydantic_error() {
    assert_eq!(
        json_of(&failing_every_rule()),
        json!([
            {"type": "multiple_of", "loc": ["multiple"], "msg": "Input should be a multiple of 5", "ctx": {"multiple_of": 5}},
            {"type": "string_charset", "loc": ["charset"], "msg": "String should contain only ASCII letters and digits, '_', or 'α'-'ω'",
             "ctx": {"allowed": "ASCII letters and digits, '_', or 'α'-'ω'"}},
            {"type": "url_scheme", "loc": ["url_scheme"], "msg": "URL scheme should be 'https'", "ctx": {"expected_schemes": "'https'"}},
            {"type": "ip_any_address", "loc": ["ip"], "msg": "value is not a valid IPv4 or IPv6 address"},
            {"type": "ip_v4_address", "loc": ["ipv4"], "msg": "Input is not a valid IPv4 address"},
            {"type": "ip_v6_address", "loc": ["ipv6"], "msg": "Input is not a valid IPv6 address"},
            {"type": "uuid_parsing", "loc": ["uuid"], "msg": "Input should be a valid UUID, invalid character: expected [0-9a-fA-F-] at 1",
             "ctx": {"error": "invalid character: expected [0-9a-fA-F-] at 1"}},
            {"type": "payment_card_number_luhn", "loc": ["card"], "msg": "Card number is not luhn valid"},
            {"type": "string_contains", "loc": ["contains"], "msg": "String should contain '@'", "ctx": {"substring": "@"}},
            {"type": "string_not_contains", "loc": ["not_contains"], "msg": "String should not contain 'admin'", "ctx": {"substring": "admin"}},
            {"type": "string_prefix", "loc": ["prefix"], "msg": "String should start with 'ab'", "ctx": {"prefix": "ab"}},
            {"type": "string_suffix", "loc": ["suffix"], "msg": "String should end with 'yz'", "ctx": {"suffix": "yz"}},
            {"type": "literal_error", "loc": ["one_of"], "msg": "Input should be 'a', 'b' or 'c'", "ctx": {"expected": "'a', 'b' or 'c'"}},
            {"type": "literal_error", "loc": ["one_of_int"], "msg": "Input should be 1 or 2", "ctx": {"expected": "1 or 2"}},
            {"type": "literal_error", "loc": ["one_of_char"], "msg": "Input should be 'x'", "ctx": {"expected": "'x'"}},
            {"type": "string_invisible_characters", "loc": ["invisible"], "msg": "String should not contain invisible or bidirectional control characters"},
            {"type": "string_control_characters", "loc": ["control"], "msg": "String should not contain control characters"},
            {"type": "string_mixed_script", "loc": ["script"], "msg": "String should not mix scripts"},
            {"type": "filename_unsafe", "loc": ["filename"], "msg": "value is not a safe file name: contains a path separator",
             "ctx": {"reason": "contains a path separator"}},
            {"type": "filename_unsafe", "loc": ["image"], "msg": "value is not a safe file name: does not have an allowed extension (png, jpg)",
             "ctx": {"reason": "does not have an allowed extension (png, jpg)"}},
            {"type": "less_than", "loc": ["exclusive"], "msg": "Input should be less than 10", "ctx": {"lt": 10}},
            {"type": "string_too_long", "loc": ["code"], "msg": "String should have at most 2 characters", "ctx": {"max_length": 2}},
        ])
        .to_string()
    );
}

/// The same rules with `message` and `code` overrides on each.
#[derive(Validate)]
struct Overridden {
    #[validate(length(min = 3, message = "m1", code = "c1"))]
    a: String,
    #[validate(range(min = 1, message = "m2", code = "c2"))]
    b: i32,
    #[validate(multiple_of(2, message = "m3", code = "c3"))]
    c: u8,
    #[validate(pattern("^x", message = "m4", code = "c4"))]
    d: String,
    #[validate(charset(digits, message = "m5", code = "c5"))]
    e: String,
    #[validate(email(message = "m6", code = "c6"))]
    f: String,
    #[validate(url(message = "m7", code = "c7"))]
    g: String,
    #[validate(ip(message = "m8", code = "c8"))]
    h: String,
    #[validate(uuid(message = "m9", code = "c9"))]
    i: String,
    #[validate(credit_card(message = "m10", code = "c10"))]
    j: String,
    #[validate(prefix("p", message = "m11", code = "c11"))]
    k: String,
    #[validate(one_of("a", message = "m12", code = "c12"))]
    l: String,
    #[validate(no_control(message = "m13", code = "c13"))]
    m: String,
    #[validate(safe_filename(message = "m14", code = "c14"))]
    n: String,
    #[validate(required(message = "m15", code = "c15"))]
    o: Option<u8>,
    #[validate(must_match(a, message = "m16", code = "c16"))]
    p: String,
    #[validate(single_script(message = "m17", code = "c17"))]
    q: String,
    #[validate(ipv4(message = "m18"))]
    r: String,
}

#[test]
fn every_rule_takes_message_and_code() {
    let value = Overridden {
        a: "".into(),
        b: 0,
        c: 1,
        d: "y".into(),
        e: "a".into(),
        f: "x".into(),
        g: "x".into(),
        h: "x".into(),
        i: "x".into(),
        j: "1".into(),
        k: "x".into(),
        l: "x".into(),
        m: "\u{1}".into(),
        n: "/".into(),
        o: None,
        p: "other".into(),
        q: "раypal".into(),
        r: "x".into(),
    };
    let got: Vec<(String, String)> = errors(&value)
        .iter()
        .map(|e| (e.kind().to_owned(), e.msg().into_owned()))
        .collect();
    let mut want: Vec<(String, String)> = (1..=17)
        .map(|i| (format!("c{i}"), format!("m{i}")))
        .collect();
    want.push(("ip_v4_address".into(), "m18".into()));
    assert_eq!(got, want);
    // The ctx stays the rule's: overrides change only type and msg.
    let first = errors(&value)
        .iter()
        .next()
        .map(|e| serde_json::to_string(e).expect("json"));
    assert_eq!(
        first.as_deref(),
        Some(r#"{"type":"c1","loc":["a"],"msg":"m1","ctx":{"min_length":3}}"#)
    );
}

#[derive(Validate)]
struct Ordered {
    /// Rules run in the order written; the first failure ends the field.
    #[validate(pattern("^[a-z]"), pattern("[0-9]$"), length(max = 5))]
    code: String,
    #[validate(length(max = 5), pattern("^[a-z]"), pattern("[0-9]$"))]
    other: String,
    #[validate(range(min = 1))]
    last: u8,
}

#[test]
fn several_patterns_and_the_first_failure() {
    let value = Ordered {
        code: "abcdefgh".into(),
        other: "abcdefgh".into(),
        last: 0,
    };
    assert_eq!(
        errors(&value).to_string(),
        "code: String should match pattern '[0-9]$'\n\
         other: String should have at most 5 characters\n\
         last: Input should be greater than or equal to 1"
    );
    let value = Ordered {
        code: "1a".into(),
        other: "ab1".into(),
        last: 1,
    };
    assert_eq!(
        errors(&value).to_string(),
        "code: String should match pattern '^[a-z]'"
    );
}

/// A literal pattern compiles once per process, however many values and
/// threads validate.
#[test]
fn patterns_are_shared_across_threads() {
    let handles: Vec<_> = (0..4)
        .map(|i| std::thread::spawn(move || user(&format!("user_{i}")).validate().is_ok()))
        .collect();
    for h in handles {
        assert!(h.join().expect("thread"));
    }
}

static ZIP: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new("^[0-9]{5}$").expect("pattern compiles"));
const MAX_NAME: usize = 4;
const FORBIDDEN: &str = "admin";
const NAME_MESSAGE: &str = "Names are 4 characters at most";

/// Arguments are expressions: constants, statics, closures.
#[derive(Validate)]
struct Expressions {
    #[validate(pattern(ZIP))]
    zip: String,
    #[validate(length(max = MAX_NAME, message = NAME_MESSAGE))]
    name: String,
    #[validate(not_contains(FORBIDDEN))]
    login: String,
    #[validate(custom(|v: &u32| if *v == 0 {
        Err(validate_core::ValidationError::new("zero", "Zero is not allowed"))
    } else {
        Ok(())
    }))]
    count: u32,
    #[validate(length(max = 2, unit = graphemes))]
    emoji: String,
    #[validate(length(max = 2, unit = utf16))]
    utf16: String,
}

#[test]
fn arguments_are_expressions() {
    let value = Expressions {
        zip: "7500".into(),
        name: "abcde".into(),
        login: "sysadmin".into(),
        count: 0,
        // Two graphemes (four chars) pass; two chars, three UTF-16 units fail.
        emoji: "👍🏽👍🏽".into(),
        utf16: "a😀".into(),
    };
    assert_eq!(
        errors(&value).to_string(),
        "zip: String should match pattern '^[0-9]{5}$'\n\
         name: Names are 4 characters at most\n\
         login: String should not contain 'admin'\n\
         count: Zero is not allowed\n\
         utf16: String should have at most 2 characters"
    );
}
