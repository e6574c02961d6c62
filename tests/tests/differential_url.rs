//! The url rule against the `url` crate's WHATWG parser on generated URLs,
//! in both directions. The unit tests in rules/url.rs already show that the
//! rule is never more lenient than the parser; this test explains every
//! URL the parser accepts and the rule rejects by one of the policies the
//! rule documents:
//!
//! - scheme policy: only `http` / `https` (error `url_scheme`);
//! - syntax violations: input the parser silently repairs (it reports them
//!   through its violation callback: backslashes, tabs, user info, `%` not
//!   followed by two hex digits, characters that must be escaped, ...);
//! - host policy: a host that ends in a number but is not a dotted quad
//!   (`127.1`, `0x7f.1`), or that has characters other than letters, digits,
//!   `-`, `_`, `.` (`a!b`, `%41`), which the parser accepts or decodes.
//!
//! Run with `--nocapture` for the tally.

use std::cell::Cell;

use tests::differential::{Gen, Tally};
use url::{Host, Url};
use validate_core::rules;

const CASES: usize = 10_000;

/// The parse, and whether the parser reported a syntax violation.
fn parse(s: &str) -> (Result<Url, url::ParseError>, bool) {
    let violated = Cell::new(false);
    let record = |_| violated.set(true);
    let parsed = Url::options()
        .syntax_violation_callback(Some(&record))
        .parse(s);
    (parsed, violated.get())
}

/// The host as written in the input (after `scheme://` and any user info,
/// before the port), or `None` when there is no `//`.
fn raw_host(s: &str) -> Option<&str> {
    let (_, rest) = s.split_once(':')?;
    let rest = rest.strip_prefix("//")?;
    let authority = &rest[..rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let end = if host_port.starts_with('[') {
        host_port.find(']').map_or(host_port.len(), |i| i + 1)
    } else {
        host_port.find(':').unwrap_or(host_port.len())
    };
    Some(&host_port[..end])
}

/// Why the parser's acceptance is not ours, from the input and the parse
/// alone; `None` when no documented policy applies.
fn explanation(s: &str, url: &Url, violated: bool, kind: &str) -> Option<&'static str> {
    if kind == "url_scheme" {
        return (!matches!(url.scheme(), "http" | "https")).then_some("scheme policy");
    }
    if violated {
        return Some("syntax violation (the parser repairs it)");
    }
    let host = raw_host(s)?;
    let dotted_quad = |h: &str| h.parse::<std::net::Ipv4Addr>().is_ok();
    if matches!(url.host(), Some(Host::Ipv4(_))) && !dotted_quad(host) {
        return Some("host policy: number-ending host not a dotted quad");
    }
    let policy_char = |b: u8| !b.is_ascii() || b.is_ascii_alphanumeric() || b"-_.".contains(&b);
    if !host.starts_with('[') && !host.bytes().all(policy_char) {
        return Some("host policy: characters outside letters, digits, -, _, .");
    }
    None
}

fn url_like(g: &mut Gen) -> String {
    let scheme = *g.pick(&[
        "http",
        "https",
        "HTTP",
        "http",
        "https",
        "ftp",
        "javascript",
        "data",
        "file",
        "ws",
        "h",
    ]);
    let sep = match g.weighted(&[12, 1, 1, 1, 1, 1]) {
        0 => "://",
        1 => ":/",
        2 => ":",
        3 => ":\\\\",
        4 => "://user:pw@",
        _ => "://a@",
    };
    let labels: Vec<String> = (0..g.range(1..4))
        .map(|_| match g.weighted(&[10, 2, 1, 1, 1, 1, 1]) {
            0 => g.chars("abcdefghij0123456789-_", 1..8),
            1 => {
                (*g.pick(&["127", "0", "1", "255", "256", "0x7f", "0X1", "012", "1e3"])).to_owned()
            }
            2 => g.chars("!$&'()*+,;=~", 1..2),
            3 => (*g.pick(&["%41", "%2e", "%zz", "%"])).to_owned(),
            4 => (*g.pick(&[
                "例子",
                "é",
                "\u{ad}",
                "１",
                "．",
                "ß",
                "xn--fsqu00a",
                "xn--zz",
            ]))
            .to_owned(),
            5 => (*g.pick(&["[::1]", "[1:2::3]", "[::ffff:1.2.3.4]", "[zz]", "[::1"])).to_owned(),
            _ => String::new(),
        })
        .collect();
    let mut host = labels.join(".");
    if g.chance(1, 6) {
        host = format!(
            "{}.{}.{}.{}",
            g.range(0..300),
            g.range(0..300),
            g.range(0..300),
            g.range(0..300)
        );
    }
    let port = match g.weighted(&[8, 2, 1]) {
        0 => String::new(),
        1 => format!(":{}", g.range(0..70_000)),
        _ => format!(":{}", g.chars("0123456789ab", 0..3)),
    };
    let tail = g.chars("/?#abc019.%20%zz \\é<>{|}`^\"\t\u{0}", 0..10);
    format!("{scheme}{sep}{host}{port}{tail}")
}

#[test]
fn url_against_the_url_crate() {
    let mut tally = Tally::default();
    let mut g = Gen::new(19);
    for _ in 0..CASES {
        let s = url_like(&mut g);
        let ours = rules::url(&s);
        let (parsed, violated) = parse(&s);
        match (ours, parsed) {
            (Ok(()), Ok(url)) => {
                // Accepted: the parser agrees with no repair, and it is an
                // http(s) URL with a host.
                assert!(!violated, "accepted {s:?}, which the parser repairs");
                assert!(matches!(url.scheme(), "http" | "https"), "{s:?}");
                assert!(url.host_str().is_some_and(|h| !h.is_empty()), "{s:?}");
                tally.add("both accept");
            }
            (Ok(()), Err(e)) => panic!("accepted {s:?}, which the parser rejects: {e}"),
            (Err(e), Err(parse)) => {
                // Both reject: the message is the parser's.
                let text = e.ctx().get("error").map(|v| v.to_string());
                assert_eq!(text, Some(parse.to_string()), "{s:?}");
                tally.add("both reject");
            }
            (Err(e), Ok(url)) => match explanation(&s, &url, violated, e.kind()) {
                Some(why) => tally.add(why),
                None => {
                    panic!("{s:?} parses as {url} but is rejected ({e}); no policy explains it")
                }
            },
        }
    }
    tally.print("url vs the url crate (10,000 generated URLs)");
    tally.assert_seen(&[
        "both accept",
        "both reject",
        "scheme policy",
        "syntax violation (the parser repairs it)",
        "host policy: number-ending host not a dotted quad",
        "host policy: characters outside letters, digits, -, _, .",
    ]);
}
