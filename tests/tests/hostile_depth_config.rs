//! The nesting limit is configurable (`set_max_depth`). In a test binary of
//! its own, since the limit is process-wide.

use validate_core::{DEFAULT_MAX_DEPTH, Validate, max_depth, set_max_depth};

#[derive(Validate)]
struct Link {
    #[validate(length(max = 3))]
    name: String,
    #[validate(nested)]
    next: Option<Box<Link>>,
}

fn chain(levels: usize, bottom: &str) -> Link {
    let mut current = Link {
        name: bottom.to_owned(),
        next: None,
    };
    for _ in 1..levels {
        current = Link {
            name: "ok".to_owned(),
            next: Some(Box::new(current)),
        };
    }
    current
}

/// Takes a chain apart with a loop (a recursive drop of 100,000 levels
/// would overflow the test's own stack).
fn dismantle(link: Link) {
    let mut next = link.next;
    while let Some(mut l) = next {
        next = l.next.take();
    }
}

fn first_kind(link: &Link) -> (String, String, usize) {
    let errors = link.validate().expect_err("should fail");
    let e = errors.iter().next().expect("an error");
    (e.kind().to_owned(), e.msg().to_string(), e.loc().len())
}

#[test]
fn the_limit_can_be_lowered_and_raised() {
    assert_eq!(max_depth(), DEFAULT_MAX_DEPTH);

    set_max_depth(16);
    let over = chain(17, "ok");
    assert_eq!(
        first_kind(&over),
        (
            "nesting_too_deep".into(),
            "Input should be nested at most 16 levels deep".into(),
            16
        )
    );
    dismantle(over);

    // A deeper limit needs a deeper stack: validate on a thread with one.
    set_max_depth(5_000);
    let result = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let at_limit = chain(5_000, "too long");
            let reached = first_kind(&at_limit);
            dismantle(at_limit);
            let far = chain(100_000, "ok");
            let cut = first_kind(&far);
            dismantle(far);
            (reached, cut)
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow");
    assert_eq!(result.0.0, "string_too_long");
    assert_eq!(result.0.2, 4_999 + 1);
    assert_eq!(result.1.0, "nesting_too_deep");
    assert_eq!(result.1.2, 5_000);
    set_max_depth(DEFAULT_MAX_DEPTH);
}
