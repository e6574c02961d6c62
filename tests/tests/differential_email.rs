//! The email rule against the WHATWG HTML "valid email address" regex on
//! generated addresses. Every disagreement must fall in a class the rule
//! documents as an extra rule (dot-atom local part, dotted domain, numeric
//! TLD, RFC 5321 length limits, reserved `??--` labels) or as an extension
//! (SMTPUTF8 / IDN addresses, which the ASCII regex rejects), and the rule's
//! reason must name that class. Run with `--nocapture` for the tally.

use regex::Regex;
use tests::differential::{Gen, Tally};
use validate_core::rules;

/// WHATWG HTML, section "Email state (type=email)", verbatim (see
/// tests/corpus/html5_email.md); the regex crate's `$` matches only at the
/// very end, as JavaScript's does.
const WHATWG: &str = r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

/// An extra rule of ours that explains rejecting what the regex accepts,
/// with the start of the reason the rule gives for it.
#[derive(Debug, Clone, Copy)]
enum Extra {
    DotAtom,
    DottedDomain,
    NumericTld,
    LocalTooLong,
    AddressTooLong,
    DomainTooLong,
    ReservedHyphens,
}

impl Extra {
    fn name(self) -> &'static str {
        match self {
            Extra::DotAtom => "regex only: dot-atom local part",
            Extra::DottedDomain => "regex only: dotted domain",
            Extra::NumericTld => "regex only: numeric top-level label",
            Extra::LocalTooLong => "regex only: local part over 64",
            Extra::AddressTooLong => "regex only: address over 254",
            Extra::DomainTooLong => "regex only: domain over 253",
            Extra::ReservedHyphens => "regex only: reserved ??-- label / bad A-label",
        }
    }

    /// The reasons the rule gives for this class (python-email-validator's
    /// words, as in rules/email.rs).
    fn reasons(self) -> &'static [&'static str] {
        match self {
            Extra::DotAtom => &[
                "An email address cannot start with a period.",
                "An email address cannot have a period immediately before the @-sign.",
                "An email address cannot have two periods in a row.",
            ],
            Extra::DottedDomain => {
                &["The part after the @-sign is not valid. It should have a period."]
            }
            Extra::NumericTld => &[
                "The part after the @-sign is not valid. It is not within a valid top-level domain.",
            ],
            Extra::LocalTooLong => &["The email address is too long before the @-sign"],
            Extra::AddressTooLong => &["The email address is too long ("],
            Extra::DomainTooLong => &["The email address is too long after the @-sign"],
            Extra::ReservedHyphens => &[
                "An email address cannot have two letters followed by two dashes",
                "The part after the @-sign is not valid IDNA (Invalid A-label).",
            ],
        }
    }
}

/// The extra rules that apply to an address the regex accepts, computed
/// from the address alone (not from the rule's answer).
fn extras(s: &str) -> Vec<Extra> {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return Vec::new();
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let mut found = Vec::new();
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        found.push(Extra::DotAtom);
    }
    if labels.len() < 2 {
        found.push(Extra::DottedDomain);
    }
    if labels
        .last()
        .is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()))
    {
        found.push(Extra::NumericTld);
    }
    if local.len() > 64 {
        found.push(Extra::LocalTooLong);
    }
    if s.len() > 254 {
        found.push(Extra::AddressTooLong);
    }
    if domain.len() > 253 {
        found.push(Extra::DomainTooLong);
    }
    if labels
        .iter()
        .any(|l| l.get(2..4) == Some("--") && !is_a_label(l))
    {
        found.push(Extra::ReservedHyphens);
    }
    found
}

/// An `xn--` label whose Punycode decodes (by the `idna` crate, not the
/// rule's decoder) to a non-ASCII U-label that the rule accepts when written
/// in Unicode: the rule documents the same policy for both forms.
fn is_a_label(label: &str) -> bool {
    let tail = label
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("xn--"))
        .and(label.get(4..));
    tail.and_then(idna::punycode::decode_to_string)
        .is_some_and(|u| !u.is_ascii() && rules::email(&format!("a@{u}.com")).is_ok())
}

const ALNUM: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

/// Local parts: `atext` and periods mostly, long runs for the limits, and a
/// few characters the regex rejects (non-ASCII letters, quotes, spaces).
fn local_part(g: &mut Gen) -> String {
    let mut s = String::new();
    for _ in 0..g.range(1..6) {
        match g.weighted(&[8, 3, 2, 1, 1, 1]) {
            0 => s += &g.chars(ALNUM, 1..7),
            1 => s += &g.chars(".", 1..3),
            2 => s += &g.chars("!#$%&'*+/=?^_`{|}~-", 1..2),
            3 => s += &g.chars("a", 60..71),
            4 => s += &g.chars("éß中λ", 1..2),
            _ => s += &g.chars("\" ()<>,;:\\[]@", 1..2),
        }
    }
    s
}

/// One DNS label: LDH mostly, with hyphens at the edges, reserved `??--`
/// forms, valid and invalid A-labels, numbers, long labels and a few
/// characters the regex rejects.
fn label(g: &mut Gen) -> String {
    match g.weighted(&[10, 3, 2, 1, 1, 1, 1, 1]) {
        0 => g.chars(ALNUM, 1..9),
        1 => format!(
            "{}{}{}",
            g.chars(ALNUM, 1..2),
            g.chars("abc0-", 0..7),
            g.chars(ALNUM, 1..2)
        ),
        2 => g.chars("0123456789", 1..4),
        3 if g.chance(1, 2) => format!("-{}", g.chars(ALNUM, 1..4)),
        3 => format!("{}-", g.chars(ALNUM, 1..4)),
        4 => format!("{}--{}", g.chars("abxn", 2..3), g.chars(ALNUM, 1..5)),
        5 => (*g.pick(&[
            "xn--fsqu00a",
            "xn--p1ai",
            "XN--P1AI",
            "xn--0",
            "xn--abc",
            "xn--a-ecp",
        ]))
        .to_owned(),
        6 => g.chars("abcdefghijklmnopqrstuvwxyz", 55..71),
        _ => format!(
            "{}{}{}",
            g.chars(ALNUM, 0..3),
            g.chars("_éü中 ", 1..2),
            g.chars(ALNUM, 0..3)
        ),
    }
}

fn address(g: &mut Gen) -> String {
    let local = local_part(g);
    let labels: Vec<String> = if g.chance(1, 7) {
        // Several labels of 50+ characters reach the domain and address limits.
        (0..g.range(3..6))
            .map(|_| g.chars("abcdefghijklmnopqrstuvwxyz", 50..64))
            .collect()
    } else {
        (0..g.range(1..6)).map(|_| label(g)).collect()
    };
    format!("{local}@{}", labels.join("."))
}

const CASES: usize = 10_000;

#[test]
fn email_against_the_whatwg_regex() {
    let whatwg = Regex::new(WHATWG).expect("the WHATWG regex compiles");
    let mut tally = Tally::default();
    let mut g = Gen::new(7);
    for _ in 0..CASES {
        let s = address(&mut g);
        let html = whatwg.is_match(&s);
        let ours = rules::email(&s);
        match (html, &ours) {
            (true, Ok(())) => tally.add("both accept"),
            (false, Err(_)) => tally.add("both reject"),
            // The one extension: internationalized addresses, which the
            // ASCII regex cannot accept (html5_email.md).
            (false, Ok(())) => {
                assert!(
                    !s.is_ascii(),
                    "accepted an ASCII address the regex rejects: {s:?}"
                );
                tally.add("ours only: SMTPUTF8 / IDN");
            }
            (true, Err(e)) => {
                let reason = e
                    .ctx()
                    .get("reason")
                    .map(|r| r.to_string())
                    .unwrap_or_default();
                let applying = extras(&s);
                let named = applying
                    .iter()
                    .find(|x| x.reasons().iter().any(|r| reason.starts_with(r)));
                match named {
                    Some(class) => tally.add(class.name()),
                    None => panic!("{s:?}: reason {reason:?} is explained by none of {applying:?}"),
                }
            }
        }
        // Conversely, an address a documented extra rule forbids is rejected.
        if !extras(&s).is_empty() {
            assert!(ours.is_err(), "an extra rule applies but {s:?} passed");
        }
    }
    tally.print("email vs WHATWG regex (10,000 generated addresses)");
    tally.assert_seen(&[
        "both accept",
        "both reject",
        "ours only: SMTPUTF8 / IDN",
        Extra::DotAtom.name(),
        Extra::DottedDomain.name(),
        Extra::NumericTld.name(),
        Extra::LocalTooLong.name(),
        Extra::AddressTooLong.name(),
        Extra::ReservedHyphens.name(),
    ]);
}

/// The classes named above, pinned on one address each, so a change of
/// reason text fails here with a readable message rather than in the tally.
#[test]
fn each_extra_rule_on_one_address() {
    let whatwg = Regex::new(WHATWG).expect("the WHATWG regex compiles");
    let long = "a".repeat(63);
    let cases = [
        (".a@example.com".to_owned(), Extra::DotAtom),
        ("a..b@example.com".to_owned(), Extra::DotAtom),
        ("a@localhost".to_owned(), Extra::DottedDomain),
        ("a@example.123".to_owned(), Extra::NumericTld),
        (
            format!("{}@example.com", "b".repeat(65)),
            Extra::LocalTooLong,
        ),
        // A domain over 253 makes the address over 254 too, and the rule
        // reports the address first: the domain class never shows alone.
        (
            format!("a@{long}.{long}.{long}.{long}"),
            Extra::AddressTooLong,
        ),
        (
            format!("{}@{long}.{long}.{long}.com", "b".repeat(64)),
            Extra::AddressTooLong,
        ),
        ("a@ab--cd.com".to_owned(), Extra::ReservedHyphens),
        ("a@xn--0.com".to_owned(), Extra::ReservedHyphens),
    ];
    for (s, class) in cases {
        assert!(whatwg.is_match(&s), "the regex should accept {s:?}");
        let e = rules::email(&s).expect_err("an extra rule should reject it");
        let reason = e
            .ctx()
            .get("reason")
            .map(|r| r.to_string())
            .unwrap_or_default();
        assert!(
            class.reasons().iter().any(|r| reason.starts_with(r)),
            "{s:?}: {reason:?} is not a {class:?} reason"
        );
    }
}
