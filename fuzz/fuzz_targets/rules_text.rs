//! Every string rule on arbitrary text: no panic, no error text (Display,
//! Debug, JSON) contains 8 or more characters of the input, and the
//! wrappers a derive passes (`Option`, `Box`, `Cow`) give the same verdict.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use validate_fuzz::{STR_RULES, assert_no_echo, collect, text, texts};

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let results: Vec<_> = STR_RULES.iter().map(|(_, rule)| rule(&s)).collect();
    for ((name, rule), result) in STR_RULES.iter().zip(&results) {
        // Same verdict and same error on a second run (no hidden state).
        assert_eq!(&rule(&s), result, "{name} is not deterministic");
        if let Err(e) = result {
            assert!(
                !e.kind().is_empty() && !e.msg().is_empty(),
                "{name}: empty error"
            );
        }
    }
    let some = Some(Box::new(Cow::Borrowed(s.as_ref())));
    assert_eq!(
        validate_core::rules::email(&some).is_ok(),
        results[11].is_ok(),
        "email through Option<Box<Cow>> differs"
    );
    let errors = collect(results);
    assert_no_echo(&s, &texts(&errors));
});
