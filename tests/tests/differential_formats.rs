//! The uuid, ip and credit_card rules against simple reference
//! implementations written here from the specifications (RFC 9562, RFC 791 /
//! RFC 4291, ISO/IEC 7812 Luhn), on generated near-valid inputs. The rules
//! are hand-written or lean on the standard library; the references are
//! deliberately naive (split, count, compare) so that the two cannot share
//! a bug. They must agree on every input. Run with `--nocapture` for the
//! tallies.

use tests::differential::{Gen, Tally};
use validate_core::rules;

const HEX: &str = "0123456789abcdefABCDEF";
const CASES: usize = 20_000;

// ---------------------------------------------------------------- uuid

/// RFC 9562 section 4: `8-4-4-4-12` hex digits; version 1..=8 in the first
/// digit of the third group and variant `10xx` (8, 9, a, b) in the first
/// digit of the fourth, or the Nil / Max UUID (section 5.9, 5.10).
fn reference_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    if lengths != [8, 4, 4, 4, 12]
        || !groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
    {
        return false;
    }
    let digits: String = groups.concat().to_ascii_lowercase();
    if digits == "0".repeat(32) || digits == "f".repeat(32) {
        return true;
    }
    let version = groups[2].chars().next();
    let variant = groups[3].chars().next().map(|c| c.to_ascii_lowercase());
    matches!(version, Some('1'..='8')) && matches!(variant, Some('8' | '9' | 'a' | 'b'))
}

fn near_uuid(g: &mut Gen) -> String {
    let mut s = match g.weighted(&[6, 1, 1]) {
        0 => [8, 4, 4, 4, 12].map(|n| g.chars(HEX, n..n + 1)).join("-"),
        1 => format!("{}-0000-0000-0000-000000000000", g.chars("0", 8..9)),
        _ => format!("ffffffff-FFFF-ffff-ffff-{}", g.chars("fF", 12..13)),
    };
    for _ in 0..g.range(0..3) {
        let mut chars: Vec<char> = s.chars().collect();
        let at = g.range(0..chars.len() + 1);
        let c = *g.pick(&[
            '-', '0', 'f', 'g', 'G', '{', '}', ' ', 'é', '٣', '\u{0}', 'x',
        ]);
        match g.weighted(&[3, 2, 2, 1, 1]) {
            0 if at < chars.len() => chars[at] = c,
            1 => chars.insert(at, c),
            2 if at < chars.len() => {
                chars.remove(at);
            }
            3 => chars.retain(|&c| c != '-'),
            _ => chars = format!("{{{}}}", s).chars().collect(),
        }
        s = chars.into_iter().collect();
    }
    s
}

#[test]
fn uuid_against_a_reference() {
    let mut tally = Tally::default();
    let mut g = Gen::new(11);
    for _ in 0..CASES {
        let s = near_uuid(&mut g);
        let want = reference_uuid(&s);
        let got = rules::uuid(&s);
        assert_eq!(got.is_ok(), want, "{s:?}: rule {got:?}, reference {want}");
        if let Err(e) = got {
            assert_eq!(e.kind(), "uuid_parsing");
        }
        tally.add(if want { "valid" } else { "invalid" });
    }
    tally.print("uuid vs reference");
    tally.assert_seen(&["valid", "invalid"]);
    assert!(tally.get("valid") > CASES / 10 && tally.get("invalid") > CASES / 10);
}

// ---------------------------------------------------------------- ip

/// RFC 791 dotted decimal as `inet_pton` reads it: four decimal octets of
/// at most 255, one to three digits, no leading zero.
fn reference_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && !(p.len() > 1 && p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// Groups of one side of `::`: hex pieces of 1-4 digits, the last piece
/// (when `tail_may_be_v4`) possibly a dotted quad worth two groups.
fn count_groups(side: &str, tail_may_be_v4: bool) -> Option<usize> {
    if side.is_empty() {
        return Some(0);
    }
    let pieces: Vec<&str> = side.split(':').collect();
    let mut count = 0;
    for (i, p) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if last && tail_may_be_v4 && p.contains('.') {
            if !reference_ipv4(p) {
                return None;
            }
            count += 2;
        } else if (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_hexdigit()) {
            count += 1;
        } else {
            return None;
        }
    }
    Some(count)
}

/// RFC 4291 section 2.2: eight groups, or fewer around one `::` that stands
/// for at least one zero group; an IPv4 tail counts as two groups. No zone
/// id (RFC 4007), no brackets.
fn reference_ipv6(s: &str) -> bool {
    match s.split("::").collect::<Vec<_>>()[..] {
        [whole] => count_groups(whole, true) == Some(8),
        [head, tail] => {
            let head = count_groups(head, false);
            let tail = count_groups(tail, true);
            matches!((head, tail), (Some(h), Some(t)) if h + t <= 7)
        }
        _ => false,
    }
}

fn near_ipv4(g: &mut Gen) -> String {
    let parts = if g.chance(1, 8) { g.range(3..6) } else { 4 };
    let octets: Vec<String> = (0..parts)
        .map(|_| match g.weighted(&[8, 1, 1, 1]) {
            0 => g.range(0..256).to_string(),
            1 => g.range(256..1000).to_string(),
            2 => format!("0{}", g.range(0..100)),
            _ => g.chars("0123456789x +-a", 0..4),
        })
        .collect();
    octets.join(".")
}

fn near_ipv6(g: &mut Gen) -> String {
    let groups = g.range(1..10);
    let mut pieces: Vec<String> = (0..groups)
        .map(|_| match g.weighted(&[10, 1, 1]) {
            0 => g.chars(HEX, 1..5),
            1 => g.chars(HEX, 5..6),
            _ => g.chars("0g:. ", 0..2),
        })
        .collect();
    if g.chance(1, 4) {
        let last = pieces.len() - 1;
        pieces[last] = near_ipv4(g);
    }
    let mut s = pieces.join(":");
    if g.chance(2, 3) {
        // Insert `::` at a group boundary (or, rarely, two of them).
        for _ in 0..(if g.chance(1, 10) { 2 } else { 1 }) {
            let colons: Vec<usize> = s.match_indices(':').map(|(i, _)| i).collect();
            match g.weighted(&[1, 1, 4]) {
                0 => s.insert_str(0, "::"),
                1 => s.push_str("::"),
                _ if !colons.is_empty() => s.insert(*g.pick(&colons), ':'),
                _ => s.insert_str(0, "::"),
            }
        }
    }
    match g.weighted(&[20, 1, 1]) {
        0 => s,
        1 => format!("{s}%eth0"),
        _ => format!("[{s}]"),
    }
}

#[test]
fn ip_against_a_reference() {
    let mut tally = Tally::default();
    let mut g = Gen::new(13);
    for _ in 0..CASES {
        let s = if g.chance(1, 2) {
            near_ipv4(&mut g)
        } else {
            near_ipv6(&mut g)
        };
        let (v4, v6) = (reference_ipv4(&s), reference_ipv6(&s));
        assert_eq!(rules::ipv4(&s).is_ok(), v4, "ipv4 {s:?}");
        assert_eq!(rules::ipv6(&s).is_ok(), v6, "ipv6 {s:?}");
        assert_eq!(rules::ip(&s).is_ok(), v4 || v6, "ip {s:?}");
        tally.add(match (v4, v6) {
            (true, _) => "valid IPv4",
            (_, true) => "valid IPv6",
            _ => "invalid",
        });
    }
    tally.print("ip vs reference");
    tally.assert_seen(&["valid IPv4", "valid IPv6", "invalid"]);
}

/// Shapes the generator reaches only by luck, pinned: `::` standing for no
/// group, an IPv4 tail on the left of `::`, leading zeros inside an IPv4
/// tail, and a group of five digits.
#[test]
fn ip_edge_shapes() {
    for s in [
        "1:2:3:4:5:6:7::8",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7",
        "1.2.3.4::",
        "::ffff:01.2.3.4",
        "::ffff:1.2.3.4",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::00000",
        ":::",
        "::",
        "1::2::3",
    ] {
        assert_eq!(rules::ipv6(s).is_ok(), reference_ipv6(s), "{s:?}");
    }
}

// ---------------------------------------------------------------- Luhn

/// The reference verdict: the rule's error kind, or `None` when valid.
/// ISO/IEC 7812: 12 to 19 digits, written as groups of digits joined by
/// single spaces or hyphens; the Luhn sum (double every second digit from
/// the right, add the digits of the products) is a multiple of 10.
fn reference_card(s: &str) -> Option<&'static str> {
    let groups: Vec<&str> = s.split([' ', '-']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some("payment_card_number_digits");
    }
    let digits: Vec<u32> = groups
        .concat()
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    if digits.len() < 12 {
        return Some("string_too_short");
    }
    if digits.len() > 19 {
        return Some("string_too_long");
    }
    let mut sum = 0;
    for (i, d) in digits.iter().rev().enumerate() {
        let v = if i % 2 == 1 { d * 2 } else { *d };
        sum += v / 10 + v % 10;
    }
    (sum % 10 != 0).then_some("payment_card_number_luhn")
}

fn near_card(g: &mut Gen) -> String {
    let mut digits = g.chars("0123456789", 10..22);
    if g.chance(1, 2) {
        // Make it Luhn-valid by choosing the check digit.
        digits.pop();
        let check = (0..10)
            .map(|d| format!("{digits}{d}"))
            .find(|d| reference_card(d).is_none() || d.len() < 12 || d.len() > 19);
        digits = check.unwrap_or(digits);
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && g.chance(1, 6) {
            out += *g.pick(&[" ", "-", " ", "-", "  ", "--", " -", ".", "/", "\u{a0}"]);
        }
        out.push(c);
    }
    match g.weighted(&[20, 1, 1, 1]) {
        0 => out,
        1 => format!(" {out}"),
        2 => format!("{out}-"),
        _ => out.replacen('1', "١", 1),
    }
}

#[test]
fn credit_card_against_a_reference() {
    let mut tally = Tally::default();
    let mut g = Gen::new(17);
    for _ in 0..CASES {
        let s = near_card(&mut g);
        let want = reference_card(&s);
        let got = rules::credit_card(&s).err().map(|e| e.kind().to_string());
        assert_eq!(got.as_deref(), want, "{s:?}");
        tally.add(want.unwrap_or("valid"));
    }
    tally.print("credit_card vs reference");
    tally.assert_seen(&[
        "valid",
        "payment_card_number_digits",
        "string_too_short",
        "string_too_long",
        "payment_card_number_luhn",
    ]);
}
