//! Agreement of the format rules with the verdicts other projects assert in
//! their own tests (tests/corpus). Floors fail the test; run with
//! `--nocapture` to see the table and every disagreement.

use tests::corpus::{Agreement, Exception, Row, TABLE_HEADER, load};
use validate_core::rules;

fn no_exception(_: &Row) -> Exception {
    None
}

/// Prints the profile's row and, for a floor, every disagreement; fails
/// below the floor.
fn report(rule: &str, a: &Agreement, floor: Option<f64>) {
    println!("| {rule} {a}");
    if let Some(floor) = floor {
        if !a.disagreements.is_empty() || !a.excepted.is_empty() {
            println!("{}", a.details());
        }
        assert!(
            a.percent() >= floor,
            "{rule} agreement with {} is {:.1}% < {floor}%:\n{}",
            a.profile,
            a.percent(),
            a.details()
        );
    }
}

fn profiles(rows: &[Row]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for r in rows {
        if !seen.contains(&r.profile) {
            seen.push(r.profile.clone());
        }
    }
    seen
}

const WEB_SIGNUP: &str = "web-signup (derived from isemail category)";
const PEV_DEFAULT: &str = "pev-default";

#[test]
fn email_agreement() {
    let rows = load("email.json");
    println!("\n{TABLE_HEADER}");
    for profile in profiles(&rows) {
        let floor = match profile.as_str() {
            WEB_SIGNUP => Some(97.0),
            PEV_DEFAULT => Some(90.0),
            _ => None,
        };
        let a = Agreement::measure(
            &rows,
            &profile,
            |r| rules::email(&r.input).is_ok(),
            no_exception,
        );
        report("email", &a, floor);
    }
}

/// Policy, not syntax: the rules reject zone ids and leading-zero octets that
/// some sources accept (see `rules::ipv4` / `rules::ipv6`).
fn ip_exception(r: &Row) -> Exception {
    if !r.valid() {
        None
    } else if r.has_tag("ipv6-zone-id") {
        Some("zone id rejected by policy")
    } else if r.has_tag("ipv4-octet-leading-zero") {
        Some("leading-zero octet rejected by policy")
    } else {
        None
    }
}

fn ip_rule(r: &Row) -> bool {
    match r.variant.as_str() {
        "v4" => rules::ipv4(&r.input).is_ok(),
        "v6" => rules::ipv6(&r.input).is_ok(),
        _ => rules::ip(&r.input).is_ok(),
    }
}

#[test]
fn ip_agreement() {
    let rows: Vec<Row> = load("ip.json")
        .into_iter()
        .filter(|r| !r.variant.contains("cidr"))
        .collect();
    println!("\n{TABLE_HEADER}");
    for profile in profiles(&rows) {
        let floor = matches!(
            profile.as_str(),
            "validatorjs-isIP" | "garde-ip" | "rust-validator-crate"
        )
        .then_some(99.0);
        let a = Agreement::measure(&rows, &profile, ip_rule, ip_exception);
        report("ip", &a, floor);
    }
}

#[test]
fn uuid_agreement() {
    let rows = load("uuid.json");
    println!("\n{TABLE_HEADER}");
    // The version-specific profiles ask for one version; the rule takes all.
    for profile in [
        "validatorjs-isUUID version=all(default)",
        "validatorjs-isUUID version=all",
        "validatorjs-isUUID version=loose",
        "python-validators-uuid",
    ] {
        let floor = (profile == "validatorjs-isUUID version=all(default)").then_some(100.0);
        let a = Agreement::measure(
            &rows,
            profile,
            |r| rules::uuid(&r.input).is_ok(),
            no_exception,
        );
        assert!(a.rows > 0, "no rows for {profile}");
        report("uuid", &a, floor);
    }
}

/// isLuhnNumber checks the checksum of any number of digits; a card number
/// has 12 to 19 (ISO/IEC 7812), so rows outside that are a length policy.
fn luhn_exception(r: &Row) -> Exception {
    let digits = r.input.bytes().filter(u8::is_ascii_digit).count();
    let only_digits = r
        .input
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-');
    (only_digits && digits > 0 && !(12..=19).contains(&digits))
        .then_some("card numbers have 12 to 19 digits")
}

#[test]
fn credit_card_agreement() {
    let rows = load("credit_card.json");
    println!("\n{TABLE_HEADER}");
    let luhn = "validatorjs-isLuhnNumber (Luhn only)";
    let a = Agreement::measure(
        &rows,
        luhn,
        |r| rules::credit_card(&r.input).is_ok(),
        luhn_exception,
    );
    assert!(a.rows > 0, "no rows for {luhn}");
    report("credit_card", &a, Some(100.0));
    // Brand-specific profiles also check the IIN prefix; these take any card.
    for profile in [
        "validatorjs-isCreditCard default",
        "python-validators-card_number",
        "rust-validator-crate",
        "garde-credit_card",
    ] {
        let a = Agreement::measure(
            &rows,
            profile,
            |r| rules::credit_card(&r.input).is_ok(),
            no_exception,
        );
        assert!(a.rows > 0, "no rows for {profile}");
        report("credit_card", &a, None);
    }
}

/// The schemes each URL profile allows (the rule's own default is http(s)).
fn url_schemes(profile: &str) -> &'static [&'static str] {
    match profile {
        "django-URLValidator-default" => &["http", "https", "ftp", "ftps"],
        "validatorjs-isURL-default" => &["http", "https", "ftp"],
        p if p.starts_with("python-validators") => &[
            "http", "https", "ftp", "ftps", "irc", "rtmp", "rtsp", "sftp",
        ],
        // The validator and garde crates take any scheme the url crate parses.
        _ => &[
            "http", "https", "ftp", "ws", "wss", "mailto", "file", "data",
        ],
    }
}

#[test]
fn url_agreement() {
    let rows = load("url.json");
    println!("\n{TABLE_HEADER}");
    for profile in profiles(&rows) {
        let schemes = url_schemes(&profile);
        let a = Agreement::measure(
            &rows,
            &profile,
            |r| rules::url_with_schemes(&r.input, schemes).is_ok(),
            no_exception,
        );
        report("url", &a, None);
    }
    // The WHATWG parser's verdict, on rows it parses as http(s) and on its
    // failures: the rule is stricter (it refuses what the parser repairs).
    let whatwg: Vec<Row> = load("url_whatwg.json")
        .into_iter()
        .filter(|r| matches!(r.protocol.as_str(), "http:" | "https:") || !r.valid())
        .collect();
    let a = Agreement::measure(
        &whatwg,
        "whatwg-url-parse(base=null)",
        |r| rules::url(&r.input).is_ok(),
        no_exception,
    );
    assert!(a.rows > 0, "no WHATWG rows");
    report("url (http(s) and failure rows only)", &a, None);
}

/// The `url` crate's verdict for an http(s) URL with a host: lenient (what
/// `Url::parse` accepts) or strict (accepted without a syntax violation).
fn url_crate(s: &str, strict: bool) -> bool {
    let violated = std::cell::Cell::new(false);
    let record = |_| violated.set(true);
    let parsed = url::Url::options()
        .syntax_violation_callback(Some(&record))
        .parse(s);
    match parsed {
        Ok(u) => {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty())
                && !(strict && violated.get())
        }
        Err(_) => false,
    }
}

/// The hand-written check never accepts what the `url` crate rejects or
/// repairs, on every URL of both corpora; prints how often it agrees with
/// the lenient and the strict reading, and where it is stricter.
#[test]
fn url_agrees_with_the_url_crate() {
    println!(
        "\n| corpus | inputs | = url crate (lenient) | = url crate (no violation) |\n|---|---|---|---|"
    );
    let mut stricter = Vec::new();
    for file in ["url.json", "url_whatwg.json"] {
        let rows = load(file);
        let (mut lenient, mut strict) = (0, 0);
        for r in &rows {
            let ours = rules::url(&r.input).is_ok();
            lenient += usize::from(ours == url_crate(&r.input, false));
            strict += usize::from(ours == url_crate(&r.input, true));
            assert!(
                !ours || url_crate(&r.input, true),
                "accepted what the url crate rejects or repairs: {:?}",
                r.input
            );
            if ours != url_crate(&r.input, true) {
                stricter.push(r.input.clone());
            }
        }
        println!("| {file} | {} | {lenient} | {strict} |", rows.len());
    }
    for s in &stricter {
        let e = rules::url(s)
            .map(|()| String::new())
            .unwrap_or_else(|e| e.msg().into_owned());
        println!("  stricter than the url crate: {s:?} -> {e}");
    }
}

/// The hostname corpus profiles whose semantics are a domain name as
/// `rules::domain` reads it (LDH labels, IDN allowed, two or more labels, no
/// TLD list). The others differ on purpose: underscores
/// (`rfc_2782=True`), a TLD list (`consider_tld=True`), `host[:port]` and IP
/// literals (`python-validators-hostname`), wildcards and numeric TLDs
/// (validator.js options).
const DOMAIN_PROFILES: &[&str] = &[
    "hapi-address-domain-default",
    "validatorjs-isFQDN default",
    "python-validators-domain consider_tld=False rfc_1034=False rfc_2782=False",
    // `rfc_1034=True`: the trailing dot allowed (see `host_policy`).
    "python-validators-domain consider_tld=False rfc_1034=True rfc_2782=False",
];

/// validator.js without `require_tld` is a host name as `rules::hostname`
/// reads it: one label is enough, a numeric last label is not.
fn hostname_floor(profile: &str) -> Option<f64> {
    (profile == r#"validatorjs-isFQDN {"require_tld": false}"#).then_some(95.0)
}

/// The policy a profile's trailing-dot option asks for.
fn host_policy(profile: &str) -> rules::HostnamePolicy {
    let dot = profile.contains("rfc_1034=True") || profile.contains("allow_trailing_dot");
    rules::HostnamePolicy::new().trailing_dot(dot)
}

/// A host name may be one label (`localhost`); the domain profiles count
/// such rows invalid only for that.
fn single_label(r: &Row) -> Exception {
    let policy = host_policy(&r.profile);
    (!r.valid()
        && rules::hostname_with(&r.input, &policy).is_ok()
        && rules::domain_with(&r.input, &policy).is_err())
    .then_some("a host name may be a single label")
}

/// A host-name rule with a [`rules::HostnamePolicy`], as the corpus tests
/// call it.
type HostRule = fn(&String, &rules::HostnamePolicy) -> Result<(), validate_core::ValidationError>;

/// Prints `rule`'s agreement with every hostname.json profile; floors on
/// [`DOMAIN_PROFILES`] and on `extra_floor`'s.
fn host_agreement(
    name: &str,
    rule: HostRule,
    except: fn(&Row) -> Exception,
    extra_floor: fn(&str) -> Option<f64>,
) {
    let rows = load("hostname.json");
    println!("\n{TABLE_HEADER}");
    for profile in profiles(&rows) {
        let floor = DOMAIN_PROFILES
            .iter()
            .any(|p| *p == profile)
            .then_some(95.0)
            .or(extra_floor(&profile));
        let policy = host_policy(&profile);
        let a = Agreement::measure(&rows, &profile, |r| rule(&r.input, &policy).is_ok(), except);
        report(name, &a, floor);
    }
}

#[test]
fn domain_agreement() {
    host_agreement("domain", rules::domain_with, no_exception, |_| None);
}

#[test]
fn hostname_agreement() {
    host_agreement(
        "hostname",
        rules::hostname_with,
        single_label,
        hostname_floor,
    );
}

#[test]
fn phone_agreement() {
    let rows = load("phone.json");
    println!("\n{TABLE_HEADER}");
    for profile in profiles(&rows) {
        let a = Agreement::measure(
            &rows,
            &profile,
            |r| rules::phone(&r.input).is_ok(),
            no_exception,
        );
        assert!(a.rows > 0, "no rows for {profile}");
        report("phone", &a, None);
        println!("{}", a.details());
        // With libphonenumber's plans (both sources use its metadata).
        let a = Agreement::measure(
            &rows,
            &profile,
            |r| rules::phone_strict(&r.input).is_ok(),
            no_exception,
        );
        report("phone_strict", &a, None);
        println!("{}", a.details());
    }
}
