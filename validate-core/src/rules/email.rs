//! `email`: the address a web sign-up form should accept — the WHATWG HTML
//! grammar, tightened to a dot-atom local part and a dotted domain, with the
//! RFC 5321 length limits. Hand-written: no regex, no allocation on success.

use std::borrow::Cow;

use super::bytes::byte_table;
use super::input::StrInput;
use super::label::{self, LabelError, MAX_LABEL};
use crate::error::{ValidationError, catalogue};

/// RFC 5321 section 4.5.3.1.1: the local part is at most 64 octets.
const MAX_LOCAL: usize = 64;
/// RFC 5321 section 4.5.3.1.3 (a 256-octet path less its angle brackets).
const MAX_ADDRESS: usize = 254;

const NO_AT: &str = "An email address must have an @-sign.";
const NOTHING_BEFORE: &str = "There must be something before the @-sign.";
const NOTHING_AFTER: &str = "There must be something after the @-sign.";
const DISPLAY_NAME: &str =
    "A display name and angle brackets around the email address are not permitted here.";
const QUOTED: &str = "Quoting the part before the @-sign is not allowed here.";
const START_PERIOD: &str = "An email address cannot start with a period.";
const PERIOD_BEFORE_AT: &str =
    "An email address cannot have a period immediately before the @-sign.";
const TWO_PERIODS: &str = "An email address cannot have two periods in a row.";
const INVALID_LOCAL: &str = "The email address contains invalid characters before the @-sign.";
const DOMAIN_LITERAL: &str = "A bracketed IP address after the @-sign is not allowed here.";
const PERIOD_AFTER_AT: &str = "An email address cannot have a period immediately after the @-sign.";
const END_PERIOD: &str = "An email address cannot end with a period.";
const HYPHEN_AFTER_AT: &str = "An email address cannot have a hyphen immediately after the @-sign.";
const END_HYPHEN: &str = "An email address cannot end with a hyphen.";
const PERIOD_HYPHEN: &str =
    "An email address cannot have a period and a hyphen next to each other.";
const INVALID_DOMAIN: &str = "The part after the @-sign contains invalid characters.";
const RESERVED_HYPHENS: &str = "An email address cannot have two letters followed by two dashes \
     immediately after the @-sign or after a period, except Punycode.";
const INVALID_A_LABEL: &str = "The part after the @-sign is not valid IDNA (Invalid A-label).";
const IDN_LABEL_TOO_LONG: &str = "The part after the @-sign is invalid (Label too long).";
const NO_PERIOD: &str = "The part after the @-sign is not valid. It should have a period.";
const NUMERIC_TLD: &str =
    "The part after the @-sign is not valid. It is not within a valid top-level domain.";

type Reason = Cow<'static, str>;

/// Checks that a string is an email address a web sign-up form should
/// accept.
///
/// The grammar is the WHATWG HTML "valid email address" (`atext` before the
/// `@`, LDH labels of at most 63 characters after it), tightened where
/// python-email-validator, hapi/address and isemail's "valid" category all
/// agree:
///
/// - the local part is a dot-atom: no leading, trailing or doubled period
///   (WHATWG allows them; mail servers do not);
/// - no quoted local part, comment, display name (`Name <a@b.c>`) or
///   `[IP]` domain literal;
/// - the domain has at least two labels (`user@localhost` is rejected) and
///   its top-level label is not all digits (`a@127.0.0.1`, `a@example.123`
///   are rejected; `a@example.x123` is accepted as isemail does);
/// - no label has `--` in its third and fourth characters unless it is an
///   `xn--` A-label, and an A-label must be valid Punycode;
/// - RFC 5321 limits: the local part at most 64 octets, the domain at most
///   253 and each label at most 63 (both counted in their ASCII `xn--`
///   form), the whole address at most 254.
///
/// **Internationalized addresses are accepted** (SMTPUTF8 local parts and
/// IDN domains, as python-email-validator does by default and modern mail
/// providers deliver), with a safe character policy instead of the full
/// IDNA tables: a non-ASCII character must be a letter (in the local part
/// also a digit) followed only by its combining marks. Invisible and format
/// characters (zero-width, bidi controls, variation selectors, U+3164),
/// controls, spaces, symbols and emoji, non-ASCII punctuation (fullwidth
/// `＠`, `．`, ideographic full stop) and compatibility letters that fold to
/// ASCII (fullwidth `ａ`, mathematical `𝐚`, enclosed `ⓐ`) are rejected, and
/// a part may not open with a combining mark. Lengths of non-ASCII labels
/// are checked on their Punycode form; the address is not normalized. Mixed
/// scripts are not checked here: add `single_script` for that.
///
/// The error is `value_error`, `value is not a valid email address:
/// <reason>`, with `reason` in python-email-validator's words (which
/// Pydantic forwards) except that it never quotes a character of the input:
/// it says which part is wrong.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::email("first.last@example.com").is_ok());
/// assert!(rules::email("jeff@臺網中心.tw").is_ok());
/// assert!(rules::email(&None::<String>).is_ok());
/// let e = rules::email("me@localhost").expect_err("should be rejected");
/// assert_eq!(e.kind(), "value_error");
/// assert_eq!(e.msg(), "value is not a valid email address: \
///     The part after the @-sign is not valid. It should have a period.");
/// let e = rules::email("bad\"quote@example.com").expect_err("should be rejected");
/// assert_eq!(e.ctx().get("reason").map(|r| r.to_string()).as_deref(),
///     Some("The email address contains invalid characters before the @-sign."));
/// ```
pub fn email<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    match value.input_str() {
        Some(s) => check(s).map_err(catalogue::email),
        None => Ok(()),
    }
}

fn check(s: &str) -> Result<(), Reason> {
    if fast_accept(s) {
        return Ok(());
    }
    check_full(s)
}

/// The whole grammar, ASCII or not, with the first reason it fails.
fn check_full(s: &str) -> Result<(), Reason> {
    if s.starts_with('<') || s.ends_with('>') {
        return Err(DISPLAY_NAME.into());
    }
    // The domain cannot hold an `@`, so the last one separates the parts;
    // an earlier one is an invalid local-part character.
    let Some((local, domain)) = s.rsplit_once('@') else {
        return Err(NO_AT.into());
    };
    if local.is_empty() {
        return Err(NOTHING_BEFORE.into());
    }
    if domain.is_empty() {
        return Err(NOTHING_AFTER.into());
    }
    check_local(local)?;
    let domain_len = check_domain(domain)?;
    let unit = if s.is_ascii() { "character" } else { "byte" };
    let total = s.len().max(local.len() + 1 + domain_len);
    if total > MAX_ADDRESS {
        return Err(too_long(
            "The email address is too long",
            total - MAX_ADDRESS,
            unit,
        ));
    }
    if local.len() > MAX_LOCAL {
        let excess = local.len() - MAX_LOCAL;
        return Err(too_long(
            "The email address is too long before the @-sign",
            excess,
            unit,
        ));
    }
    // No separate check for a domain over 253 octets (python-email-validator's
    // "too long after the @-sign"): with the `@` and at least one character
    // before it, such an address is over 254 and was refused above.
    Ok(())
}

/// `atext` and the period, as a byte table for the fast path.
const LOCAL_BYTES: [bool; 256] = byte_table(b"!#$%&'*+-/=?^_`{|}~.");
/// Letters, digits and hyphen, as a byte table for the fast path.
const LDH_BYTES: [bool; 256] = byte_table(b"-");

/// The common case in one pass over the bytes: an ASCII dot-atom local
/// part of at most 64 bytes, one `@`, then two or more LDH labels of 1 to
/// 63 bytes, none starting or ending with `-` or with `--` as its third
/// and fourth characters, the last not all digits; 254 bytes at most.
/// `true` only where [`check`]'s full path accepts too; anything else goes
/// to the full path, which decides and names the reason.
fn fast_accept(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() > MAX_ADDRESS {
        return false;
    }
    let mut rest = bytes.iter();
    // A leading period fails like a doubled one.
    let (mut len, mut prev) = (0usize, b'.');
    loop {
        match rest.next() {
            Some(&b'@') => break,
            Some(&b) if LOCAL_BYTES[usize::from(b)] && !(b == b'.' && prev == b'.') => {
                len += 1;
                prev = b;
            }
            _ => return false,
        }
    }
    if len == 0 || len > MAX_LOCAL || prev == b'.' {
        return false;
    }
    let (mut labels, mut len, mut prev, mut digits) = (1usize, 0usize, b'.', true);
    for &b in rest {
        if b == b'.' {
            if len == 0 || prev == b'-' {
                return false;
            }
            labels += 1;
            len = 0;
            digits = true;
        } else if LDH_BYTES[usize::from(b)] {
            // `-` first, or `--` as the third and fourth characters.
            if b == b'-' && (len == 0 || (len == 3 && prev == b'-')) {
                return false;
            }
            len += 1;
            if len > MAX_LABEL {
                return false;
            }
            digits &= b.is_ascii_digit();
        } else {
            return false;
        }
        prev = b;
    }
    // An empty last label (a trailing period) left `digits` true.
    prev != b'-' && labels >= 2 && !digits
}

fn too_long(what: &str, excess: usize, unit: &str) -> Reason {
    let plural = if excess == 1 { "" } else { "s" };
    format!("{what} ({excess} {unit}{plural} too many).").into()
}

/// RFC 5322 `atext`, and the period that joins atoms.
fn is_local_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b)
}

fn check_local(local: &str) -> Result<(), Reason> {
    if local.starts_with('"') {
        return Err(QUOTED.into());
    }
    if local.starts_with('.') {
        return Err(START_PERIOD.into());
    }
    if local.ends_with('.') {
        return Err(PERIOD_BEFORE_AT.into());
    }
    if local.contains("..") {
        return Err(TWO_PERIODS.into());
    }
    let ok = if local.is_ascii() {
        local.bytes().all(is_local_ascii)
    } else {
        label::intl_text_ok(local, true, is_local_ascii)
    };
    if ok {
        Ok(())
    } else {
        Err(INVALID_LOCAL.into())
    }
}

/// Checks the domain and returns its length in ASCII (A-label) form.
fn check_domain(domain: &str) -> Result<usize, Reason> {
    if domain.starts_with('[') {
        return Err(DOMAIN_LITERAL.into());
    }
    if domain.starts_with('.') {
        return Err(PERIOD_AFTER_AT.into());
    }
    if domain.ends_with('.') {
        return Err(END_PERIOD.into());
    }
    if domain.contains("..") {
        return Err(TWO_PERIODS.into());
    }
    if domain.starts_with('-') {
        return Err(HYPHEN_AFTER_AT.into());
    }
    if domain.ends_with('-') {
        return Err(END_HYPHEN.into());
    }
    let mut ascii_len = 0;
    let mut labels = 0;
    let mut tld = "";
    for label in domain.split('.') {
        if label.starts_with('-') || label.ends_with('-') {
            return Err(PERIOD_HYPHEN.into());
        }
        let len = label::label_len(label).map_err(|e| match e {
            LabelError::Invalid => INVALID_DOMAIN,
            LabelError::ReservedHyphens => RESERVED_HYPHENS,
            LabelError::InvalidALabel => INVALID_A_LABEL,
            LabelError::IdnTooLong => IDN_LABEL_TOO_LONG,
        })?;
        if len > MAX_LABEL {
            let excess = len - MAX_LABEL;
            let what = "After the @-sign, periods cannot be separated by so many characters";
            return Err(too_long(what, excess, "character"));
        }
        ascii_len += len + usize::from(labels > 0);
        labels += 1;
        tld = label;
    }
    if labels < 2 {
        return Err(NO_PERIOD.into());
    }
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NUMERIC_TLD.into());
    }
    Ok(ascii_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> String {
        match email(s) {
            Ok(()) => panic!("{s:?} should be rejected"),
            Err(e) => {
                assert_eq!(e.kind(), "value_error");
                e.ctx()
                    .get("reason")
                    .map(|r| r.to_string())
                    .unwrap_or_default()
            }
        }
    }

    #[test]
    fn accepts_common_addresses() {
        for s in [
            "a@b.co",
            "first.last@iana.org",
            "user+mailbox/department=shipping@example.tld",
            "!#$%&'*+-/=?^_`.{|}~@example.tld",
            "test@c--n.com",
            "test@iana.a",
            "test@123.123.123.x123",
            "xn--test@iana.org",
            "test@xn--hxajbheg2az3al.xn--jxalpdlp",
            "伊昭傑@郵件.商務",
            "राम@मोहन.ईन्फो",
            "ιωάννης@εεττ.gr",
            "customer/department@iana.org",
        ] {
            assert!(email(s).is_ok(), "{s:?}: {:?}", email(s));
        }
    }

    #[test]
    fn reasons_name_the_part() {
        let cases = [
            ("", NO_AT),
            ("hello.world", NO_AT),
            ("hello＠world.com", NO_AT),
            ("@example.com", NOTHING_BEFORE),
            ("me@", NOTHING_AFTER),
            ("Name <me@example.com>", DISPLAY_NAME),
            ("\"quoted\"@example.com", QUOTED),
            (".a@example.com", START_PERIOD),
            ("a.@example.com", PERIOD_BEFORE_AT),
            ("a..b@example.com", TWO_PERIODS),
            ("a b@example.com", INVALID_LOCAL),
            ("a@b@example.com", INVALID_LOCAL),
            ("a\u{200B}b@example.com", INVALID_LOCAL),
            ("me@[127.0.0.1]", DOMAIN_LITERAL),
            ("me@.example.com", PERIOD_AFTER_AT),
            ("me@example.com.", END_PERIOD),
            ("me@example..com", TWO_PERIODS),
            ("me@-example.com", HYPHEN_AFTER_AT),
            ("me@example-", END_HYPHEN),
            ("me@a.-b.com", PERIOD_HYPHEN),
            ("me@a.b-.com", PERIOD_HYPHEN),
            ("me@exa_mple.com", INVALID_DOMAIN),
            ("me@exa mple.com", INVALID_DOMAIN),
            ("me@example.com\n", INVALID_DOMAIN),
            ("me@ｅｘａｍｐｌｅ.com", INVALID_DOMAIN),
            ("me@example。com", INVALID_DOMAIN),
            ("me@yy--0.tld", RESERVED_HYPHENS),
            ("me@xn--0.tld", INVALID_A_LABEL),
            ("me@xn--abc.tld", INVALID_A_LABEL),
            ("me@localhost", NO_PERIOD),
            ("me@127.0.0.1", NUMERIC_TLD),
            ("me@example.123", NUMERIC_TLD),
        ];
        for (input, want) in cases {
            assert_eq!(reason(input), want, "{input:?}");
        }
    }

    #[test]
    fn length_limits() {
        let local64 = "a".repeat(64);
        let label63 = "b".repeat(63);
        assert!(email(&format!("{local64}@{label63}.com")).is_ok());
        assert_eq!(
            reason(&format!("{local64}a@example.com")),
            "The email address is too long before the @-sign (1 character too many)."
        );
        assert_eq!(
            reason(&format!("me@{label63}bb.com")),
            "After the @-sign, periods cannot be separated by so many characters \
             (2 characters too many)."
        );
        // 64 + 1 + 63 * 3 + 2 dots = 256
        assert_eq!(
            reason(&format!("{local64}@{label63}.{label63}.{label63}")),
            "The email address is too long (2 characters too many)."
        );
        // A 254-character address is fine, with a domain of 252.
        let domain = format!("{label63}.{label63}.{label63}.{}", "c".repeat(60));
        assert_eq!(domain.len(), 252);
        assert!(email(&format!("a@{domain}")).is_ok());
        assert_eq!(
            reason(&format!("ab@{domain}")),
            "The email address is too long (1 character too many)."
        );
        // Non-ASCII labels count in their Punycode form.
        let label = format!("中{}", "1".repeat(56));
        assert_eq!(reason(&format!("me@{label}.com")), IDN_LABEL_TOO_LONG);
        assert_eq!(
            reason(&format!("me@中{}.com", "1".repeat(70))),
            IDN_LABEL_TOO_LONG
        );
        assert_eq!(
            reason(&format!("{}λ@example.com", "a".repeat(63))),
            "The email address is too long before the @-sign (1 byte too many)."
        );
    }

    #[test]
    fn limits_count_idn_labels_in_punycode() {
        // 57 bytes in UTF-8, 63 characters as the A-label `xn--bbb...-u3e`:
        // the address is 243 bytes as written, 254 or 255 once encoded.
        let idn = format!("{}é", "b".repeat(55));
        let local = "a".repeat(64);
        let at_limit = format!("{local}@{idn}.{idn}.{}", "c".repeat(61));
        assert!(email(&at_limit).is_ok(), "{:?}", email(&at_limit));
        let over = format!("{local}@{idn}.{idn}.{}", "c".repeat(62));
        assert_eq!(
            reason(&over),
            "The email address is too long (1 byte too many)."
        );
        // The excess is a difference, not a ratio.
        assert_eq!(
            reason(&format!("{}@example.com", "a".repeat(70))),
            "The email address is too long before the @-sign (6 characters too many)."
        );
    }

    #[test]
    fn reserved_hyphens_in_unicode_labels() {
        assert_eq!(reason("me@ab--é.com"), RESERVED_HYPHENS);
        for ok in ["me@ab-é.com", "me@abc-é.com", "me@é-b.com"] {
            assert!(email(ok).is_ok(), "{ok:?}: {:?}", email(ok));
        }
    }

    #[test]
    fn reasons_never_quote_the_input() {
        for s in [
            "bad\"quotes\"@example.com",
            "me@x!.com",
            "SECRET<>@x.com",
            "sécret☃@x.com",
        ] {
            let e = email(s).expect_err("should be rejected");
            let reason = reason(s);
            assert!(!reason.contains(['"', '!', '<', '☃']), "{s:?}: {reason}");
            let shown = format!("{} {:?} {}", e.msg(), e, e);
            for part in ["SECRET", "☃", "sécret", "quotes"] {
                assert!(!shown.contains(part), "{s:?} leaked {part:?}: {shown}");
            }
        }
    }

    #[test]
    fn wrappers_and_odd_input() {
        use std::borrow::Cow;
        use std::rc::Rc;
        assert!(email(&Some("a@b.co".to_string())).is_ok());
        assert!(email(&Some("a@b".to_string())).is_err());
        assert!(email(&Box::new("a@b")).is_err());
        assert!(email(&Rc::<str>::from("a@b.co")).is_ok());
        assert!(email(&Cow::Borrowed("a@b.co")).is_ok());
        for s in [
            "@",
            "@@",
            "a@.",
            "\u{301}@x.com",
            "a@\u{301}.com",
            "é@\u{10FFFF}.c",
            "a@b.c\u{0}",
        ] {
            assert!(email(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn fast_path_takes_the_common_addresses() {
        for s in [
            "alice.smith@mail.example.com",
            "a@b.co",
            "x_y+z@a-b.c1",
            "a@b--c.d",
            "xn--test@iana.org",
        ] {
            assert!(fast_accept(s), "{s:?}");
            assert!(check_full(s).is_ok(), "{s:?}");
        }
        // Up to each limit: a 64-byte local part, a 63-byte label, a
        // 254-byte address.
        let (local64, label63) = ("a".repeat(64), "b".repeat(63));
        let longest = format!("a@{label63}.{label63}.{label63}.{}", "c".repeat(60));
        assert_eq!(longest.len(), 254);
        for s in [format!("{local64}@{label63}.com"), longest.clone()] {
            assert!(fast_accept(&s), "{s:?}");
        }
        for s in [
            format!("{local64}a@b.com"),
            format!("a@{label63}b.com"),
            format!("a{longest}"),
        ] {
            assert!(!fast_accept(&s), "{s:?}");
        }
        // Left to the full path (which may accept them).
        for s in [
            "test@xn--hxajbheg2az3al.xn--jxalpdlp",
            "a@ab--c.com",
            "ιωάννης@εεττ.gr",
            "a@b.123",
            "a@b",
            "a..b@c.d",
            "a@b.c.",
            "a@-b.c",
            "a@b-.c",
        ] {
            assert!(!fast_accept(s), "{s:?}");
        }
    }

    fn email_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let local = prop_oneof![
            16 => "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,5}",
            3 => Just(".".to_owned()),
            1 => r#"[\x{E9}"@ <>\[\]]"#,
        ];
        let label = prop_oneof![
            24 => "[a-zA-Z0-9-]{1,5}",
            1 => "[a-z]{2}--[a-z0-9]{0,3}",
            1 => "[xX][nN]--[a-z0-9]{0,4}",
            1 => "[0-9]{1,3}",
            1 => Just(String::new()),
            1 => r"[\x{E9}_ \[\]]",
        ];
        let long = prop_oneof![6 => Just(String::new()), 1 => "[a-z]{60,70}"];
        (
            prop::collection::vec(local, 1..5),
            prop::collection::vec(label, 1..5),
            long,
        )
            .prop_map(|(local, labels, long)| {
                format!("{}{long}@{}", local.concat(), labels.join("."))
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The fast path accepts only what the full path accepts, so the
        /// rule's verdicts and reasons are the full path's.
        #[test]
        fn fast_path_accepts_only_what_the_full_path_accepts(s in email_like()) {
            if fast_accept(&s) {
                proptest::prop_assert!(check_full(&s).is_ok(), "{:?}", s);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn no_panic_and_no_echo(s in proptest::prelude::any::<String>(), secret in "[A-Z]{12}") {
            let _ = email(&s);
            let _ = email(&format!("{s}@{s}"));
            let probe = format!("{secret}{s}@{s}.{secret}");
            if let Err(e) = email(&probe) {
                let shown = format!("{} {:?}", e, e);
                proptest::prop_assert!(!shown.contains(&secret), "{}", shown);
            }
        }
    }
}
