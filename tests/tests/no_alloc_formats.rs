//! The format rules allocate nothing when the value is valid: every rule is
//! run on valid inputs under a counting global allocator
//! (`allocation-counter`, thread-local counts).

use std::borrow::Cow;

use allocation_counter::measure;
use validate_core::rules;

/// Runs `check` on every input and asserts each passes with zero heap
/// allocations.
fn assert_no_alloc(rule: &str, inputs: &[&str], check: impl Fn(&str) -> bool) {
    for input in inputs {
        let mut ok = false;
        let info = measure(|| ok = check(input));
        assert!(ok, "{rule}: {input:?} should be valid");
        assert_eq!(
            info.count_total, 0,
            "{rule}: {input:?} allocated {} times",
            info.count_total
        );
    }
}

/// The counter sees allocations (so a zero above means something).
#[test]
fn the_counter_counts() {
    let info = measure(|| {
        let s = std::hint::black_box(String::from("x"));
        drop(s);
    });
    assert_eq!(info.count_total, 1);
    let info = measure(|| {
        let _ = std::hint::black_box(rules::email("not an address"));
    });
    assert!(info.count_total >= 1, "an error allocates");
}

#[test]
fn email_valid_input_does_not_allocate() {
    let inputs = [
        "a@b.co",
        "first.last+tag@example.com",
        "!#$%&'*+-/=?^_`{|}~@iana.org",
        "test@xn--hxajbheg2az3al.xn--jxalpdlp",
        "伊昭傑@郵件.商務",
        "राम@मोहन.ईन्फो",
        "jeff@臺網中心.tw",
        "ñoñó@example.tld",
    ];
    assert_no_alloc("email", &inputs, |s| rules::email(s).is_ok());
    let owned = Some(String::from("a@b.co"));
    let info = measure(|| assert!(rules::email(&owned).is_ok()));
    assert_eq!(info.count_total, 0);
}

#[test]
fn url_valid_input_does_not_allocate() {
    let inputs = [
        "http://example.com",
        "HTTPS://Example.COM:8443/a/b.html?x=1&y=%20#frag",
        "http://192.168.0.1/",
        "http://[2001:db8::1]:8080/",
        "http://a_b.example.com/",
        "http://例子.测试/路径?q=値",
        "http://xn--fsqu00a.xn--0zwm56d/",
        "https://bücher.example/",
    ];
    assert_no_alloc("url", &inputs, |s| rules::url(s).is_ok());
    // Hosts at the DNS limit (253 bytes in ASCII form; longer ones are
    // refused), ASCII and with an IDN label whose UTF-8 is longer still.
    let l63 = "a".repeat(63);
    let long_host = format!("http://{l63}.{l63}.{l63}.{}/", "b".repeat(61));
    let long_idn = format!("http://{l63}.{l63}.{l63}.例子例子.com/");
    assert_no_alloc("url", &[&long_host, &long_idn], |s| rules::url(s).is_ok());
    assert_no_alloc(
        "url_with_schemes",
        &["ftp://files.example.com/a.txt"],
        |s| rules::url_with_schemes(s, &["http", "ftp"]).is_ok(),
    );
}

#[test]
fn ip_uuid_card_valid_input_does_not_allocate() {
    assert_no_alloc("ip", &["127.0.0.1", "::1", "::ffff:1.2.3.4"], |s| {
        rules::ip(s).is_ok()
    });
    assert_no_alloc("ipv4", &["255.255.255.255"], |s| rules::ipv4(s).is_ok());
    assert_no_alloc("ipv6", &["2001:db8::8a2e:370:7334"], |s| {
        rules::ipv6(s).is_ok()
    });
    assert_no_alloc(
        "uuid",
        &[
            "550e8400-e29b-41d4-a716-446655440000",
            "00000000-0000-0000-0000-000000000000",
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        ],
        |s| rules::uuid(s).is_ok(),
    );
    assert_no_alloc(
        "credit_card",
        &[
            "4242424242424242",
            "4929 7226 5379 7141",
            "4716-2210-5188-5662",
        ],
        |s| rules::credit_card(s).is_ok(),
    );
    let cow: Cow<'_, str> = Cow::Borrowed("4242424242424242");
    let info = measure(|| assert!(rules::credit_card(&cow).is_ok()));
    assert_eq!(info.count_total, 0);
}
