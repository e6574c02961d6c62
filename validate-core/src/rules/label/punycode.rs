//! Punycode (RFC 3492) without allocation: the length of a label's A-label
//! form, and the decoding of an `xn--` label into a stack buffer, so the
//! email and hostname rules can apply the DNS length limits and check
//! A-labels on the success path without a `String`.

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

/// The most characters a decoded label can have: an A-label is at most 63
/// bytes, `xn--` takes 4 and every decoded character costs at least one.
pub(crate) const MAX_DECODED: usize = 59;

fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { DAMP } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn threshold(k: u32, bias: u32) -> u32 {
    k.saturating_sub(bias).clamp(T_MIN, T_MAX)
}

/// The length of the Punycode encoding of `label` (without the `xn--`
/// prefix), or `None` on arithmetic overflow. Quadratic in the number of
/// characters: callers bound the label first.
pub(crate) fn encoded_len(label: &str) -> Option<usize> {
    let total = u32::try_from(label.chars().count()).ok()?;
    let basic = u32::try_from(label.bytes().filter(u8::is_ascii).count()).ok()?;
    let mut out = basic as usize + usize::from(basic > 0);
    let (mut n, mut delta, mut bias, mut handled) = (INITIAL_N, 0u32, INITIAL_BIAS, basic);
    while handled < total {
        let m = label.chars().map(u32::from).filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for c in label.chars().map(u32::from) {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'a'..=b'z' => Some(u32::from(b - b'a')),
        b'A'..=b'Z' => Some(u32::from(b - b'A')),
        b'0'..=b'9' => Some(u32::from(b - b'0') + 26),
        _ => None,
    }
}

/// Decodes the Punycode `input` (the part after `xn--`) into `out`,
/// returning the number of characters, or `None` when it is not valid
/// Punycode, decodes to nothing but ASCII, or is longer than a DNS label can
/// be.
pub(crate) fn decode(input: &str, out: &mut [char; MAX_DECODED]) -> Option<usize> {
    let bytes = input.as_bytes();
    let (basic, digits) = match bytes.iter().rposition(|&b| b == b'-') {
        Some(p) => (&bytes[..p], &bytes[p + 1..]),
        None => (&[][..], bytes),
    };
    if digits.is_empty() || basic.len() >= MAX_DECODED {
        return None;
    }
    let mut len = 0usize;
    for &b in basic {
        *out.get_mut(len)? = char::from(b);
        len += 1;
    }
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut rest = digits.iter();
    while rest.len() > 0 {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let digit = digit_value(*rest.next()?)?;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let count = u32::try_from(len + 1).ok()?;
        bias = adapt(i - old_i, count, old_i == 0);
        n = n.checked_add(i / count)?;
        i %= count;
        // `n` starts at 128 and only grows: no decoded char is ASCII.
        let c = char::from_u32(n)?;
        let at = i as usize;
        if len >= MAX_DECODED {
            return None;
        }
        out.copy_within(at..len, at + 1);
        out[at] = c;
        len += 1;
        i += 1;
    }
    Some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str) -> Option<String> {
        let mut buf = ['\0'; MAX_DECODED];
        decode(s, &mut buf).map(|n| buf[..n].iter().collect())
    }

    #[test]
    fn rfc3492_samples() {
        // RFC 3492 section 7.1 (A) Arabic and (L) Japanese, plus common TLDs.
        let samples = [
            ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
            ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
            ("рф", "p1ai"),
            ("例子", "fsqu00a"),
            ("bücher", "bcher-kva"),
        ];
        for (unicode, puny) in samples {
            assert_eq!(encoded_len(unicode), Some(puny.len()), "{unicode}");
            assert_eq!(decoded(puny).as_deref(), Some(unicode), "{puny}");
        }
        assert_eq!(encoded_len("abc"), Some(4));
        // Digits are case-insensitive (RFC 3492 section 5).
        assert_eq!(decoded("bcher-KVA").as_deref(), Some("bücher"));
        assert_eq!(decoded("P1AI").as_deref(), Some("рф"));
    }

    /// Against the `idna` crate's encoder on labels whose code point gaps
    /// sweep the deltas `adapt` scales, both ways: our length of the
    /// encoding, and our decoding of its encoding.
    #[cfg(feature = "url")]
    #[test]
    fn agrees_with_the_idna_crate() {
        let mut checked = 0;
        for base in [0xE0u32, 0x430, 0x5D0, 0x4E00, 0xAC00] {
            for gap in 0..1500 {
                let (Some(a), Some(b)) = (char::from_u32(base), char::from_u32(base + gap)) else {
                    continue;
                };
                // `x{a}{b}q{b}` reaches `adapt`'s edge (a scaled delta of
                // exactly 455) at a gap of 182, and its last `{b}` is
                // encoded with the bias that edge gave (found by a search
                // over these shapes).
                for label in [
                    format!("x{a}{b}"),
                    format!("x{a}{b}q{b}"),
                    format!("{a}{b}{a}y"),
                    format!("{b}{a}{b}{b}"),
                ] {
                    let theirs = idna::punycode::encode_str(&label).expect("encodes");
                    assert_eq!(encoded_len(&label), Some(theirs.len()), "{label:?}");
                    assert_eq!(
                        decoded(&theirs).as_deref(),
                        Some(label.as_str()),
                        "{theirs}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 25_000, "{checked}");
        // The longest decodable label, and one character more.
        let longest = "é".repeat(MAX_DECODED);
        let encoded = idna::punycode::encode_str(&longest).expect("encodes");
        assert_eq!(decoded(&encoded).as_deref(), Some(longest.as_str()));
        let over = idna::punycode::encode_str(&format!("{longest}é")).expect("encodes");
        assert_eq!(decoded(&over), None);
    }

    #[test]
    fn invalid_punycode() {
        assert_eq!(decoded("0"), None, "incomplete");
        assert_eq!(decoded("abc-"), None, "no encoded part");
        assert_eq!(decoded("abc-!!"), None, "not a digit");
        assert_eq!(decoded("99999999999"), None, "overflow");
        assert!(decoded("example").is_some());
    }
}
