//! `must_match(other)`: which comparison two fields get, chosen by the
//! compiler from their types, not by the derive from their names. Two
//! strings ([`StrInput`] on both sides: `String`, `&str`, `SecretString`,
//! through `Option`, pointers and type aliases) are compared as strings, in
//! a loop that does not stop at the first differing byte; any other pair
//! with `PartialEq`.
//!
//! The choice is autoref-based specialization. The derive writes
//!
//! ```text
//! { use __private::MatchBy as _;
//!   let __pair = __private::MatchPair(a, b);
//!   (&__pair).match_by().must_match(__pair, "other") }
//! ```
//!
//! Method lookup on the receiver `&MatchPair` first tries it by value, where
//! only the impl for `MatchPair` fits (`&self` is `&MatchPair`), and it holds
//! only when both sides are strings; then by autoref, `&&MatchPair`, where
//! the impl for `&MatchPair` always holds. Inside a generic type, only the
//! bounds written on the parameter count: `T: PartialEq` compares with
//! `PartialEq`.

use crate::error::{ValidationError, catalogue};
use crate::rules::StrInput;

/// The two values one `must_match` compares: this field's and the other's.
pub struct MatchPair<'a, A: ?Sized, B: ?Sized>(pub &'a A, pub &'a B);

/// Picks the comparison for a [`MatchPair`] (see the module docs): called
/// as `(&pair).match_by()`, it gives [`ByStr`] when both sides are strings
/// and [`ByEq`] otherwise.
pub trait MatchBy {
    /// [`ByStr`] or [`ByEq`].
    type Comparison;

    /// The comparison to use.
    fn match_by(&self) -> Self::Comparison;
}

/// Found first by method lookup (by value on `&MatchPair`), and only when
/// both sides are strings.
impl<A, B> MatchBy for MatchPair<'_, A, B>
where
    A: StrInput + ?Sized,
    B: StrInput + ?Sized,
{
    type Comparison = ByStr;

    fn match_by(&self) -> ByStr {
        ByStr
    }
}

/// Found after autoref, for every pair: the fallback.
impl<A: ?Sized, B: ?Sized> MatchBy for &MatchPair<'_, A, B> {
    type Comparison = ByEq;

    fn match_by(&self) -> ByEq {
        ByEq
    }
}

/// Compares the two sides as strings (needed for a `secrecy` secret, which
/// has no `PartialEq`).
pub struct ByStr;

impl ByStr {
    /// `fields_mismatch` naming `other_name` when the strings differ; two
    /// sides without a string match, as `PartialEq` on `Option` would (so
    /// do `Some(None)` and `None`, at any depth of `Option`). The
    /// comparison does not stop at the first differing byte (the lengths
    /// still show in its time), and the error carries neither value.
    pub fn must_match<A, B>(
        self,
        pair: MatchPair<'_, A, B>,
        other_name: &'static str,
    ) -> Result<(), ValidationError>
    where
        A: StrInput + ?Sized,
        B: StrInput + ?Sized,
    {
        let same = match (pair.0.input_str(), pair.1.input_str()) {
            (Some(a), Some(b)) => {
                a.len() == b.len()
                    && a.bytes()
                        .zip(b.bytes())
                        .fold(0u8, |diff, (x, y)| diff | (x ^ y))
                        == 0
            }
            (a, b) => a.is_none() && b.is_none(),
        };
        verdict(same, other_name)
    }
}

/// Compares the two sides with `PartialEq`.
pub struct ByEq;

impl ByEq {
    /// `fields_mismatch` naming `other_name` when the values differ. The
    /// bound is [`MatchEq`] rather than `PartialEq` for its message, which
    /// names both comparisons.
    pub fn must_match<A, B>(
        self,
        pair: MatchPair<'_, A, B>,
        other_name: &'static str,
    ) -> Result<(), ValidationError>
    where
        A: MatchEq<B> + ?Sized,
        B: ?Sized,
    {
        verdict(pair.0.equals(pair.1), other_name)
    }
}

/// `fields_mismatch` naming `other_name` unless the two were the same.
fn verdict(same: bool, other_name: &'static str) -> Result<(), ValidationError> {
    if same {
        Ok(())
    } else {
        Err(catalogue::fields_mismatch(other_name))
    }
}

/// `PartialEq<B>`, under a name whose error says what `must_match`
/// accepts when a pair of fields has neither comparison.
#[diagnostic::on_unimplemented(
    message = "`must_match` cannot compare `{Self}` with `{B}`",
    label = "`must_match` compares two fields with `PartialEq`, or two strings",
    note = "a string here is `String`, `&str`, `Cow<str>` or `SecretString`, possibly in \
            `Option`, `Box`, `Rc`, `Arc` or a reference (type aliases included); any other \
            pair needs `{Self}: PartialEq<{B}>`"
)]
pub trait MatchEq<B: ?Sized> {
    /// `self == other`.
    fn equals(&self, other: &B) -> bool;
}

impl<A: PartialEq<B> + ?Sized, B: ?Sized> MatchEq<B> for A {
    fn equals(&self, other: &B) -> bool {
        self == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The derive's expression (emit/rule.rs), evaluated where the types
    /// are known; gives which comparison ran and its verdict.
    macro_rules! must_match {
        ($a:expr, $b:expr) => {{
            let pair = MatchPair($a, $b);
            let way = ::core::any::type_name_of_val(&(&pair).match_by());
            let way = way.rsplit("::").next().unwrap_or(way);
            (way, (&pair).match_by().must_match(pair, "other").is_ok())
        }};
    }

    #[test]
    fn strings_compare_as_strings() {
        let s = |v: &str| String::from(v);
        assert_eq!(must_match!(&s("a"), &s("a")), ("ByStr", true));
        assert_eq!(must_match!(&s("a"), &s("b")), ("ByStr", false));
        assert_eq!(must_match!("a", &s("a")), ("ByStr", true));
        assert_eq!(must_match!("ab", &s("a")), ("ByStr", false));
        assert_eq!(must_match!(&Some(s("a")), &s("a")), ("ByStr", true));
        assert_eq!(must_match!(&None::<String>, &s("a")), ("ByStr", false));
        assert_eq!(must_match!(&Some(s("")), &None::<String>), ("ByStr", false));
        assert_eq!(
            must_match!(&None::<String>, &None::<String>),
            ("ByStr", true)
        );
    }

    #[test]
    fn other_types_compare_with_partial_eq() {
        assert_eq!(must_match!(&1u32, &1u32), ("ByEq", true));
        assert_eq!(must_match!(&1u32, &2u32), ("ByEq", false));
        assert_eq!(must_match!(&Some(1u8), &None), ("ByEq", false));
        assert_eq!(must_match!(&vec![1, 2], &[1, 2]), ("ByEq", true));
    }

    /// Inside generic code only the written bounds count.
    fn generic<T: PartialEq>(a: &T, b: &T) -> (&'static str, bool) {
        must_match!(a, b)
    }

    fn generic_str<T: StrInput + PartialEq>(a: &T, b: &T) -> (&'static str, bool) {
        must_match!(a, b)
    }

    #[test]
    fn generic_values_follow_their_bounds() {
        assert_eq!(generic(&3i64, &3), ("ByEq", true));
        assert_eq!(generic(&String::from("a"), &"b".into()), ("ByEq", false));
        assert_eq!(
            generic_str(&String::from("a"), &"a".into()),
            ("ByStr", true)
        );
    }

    #[cfg(feature = "secrecy")]
    #[test]
    fn secrets_compare_as_strings_whatever_their_name() {
        use secrecy::SecretString;
        type Password = SecretString;
        let p = |v: &str| Password::from(v);
        assert_eq!(must_match!(&p("pw"), &p("pw")), ("ByStr", true));
        assert_eq!(must_match!(&p("pw"), &p("pW")), ("ByStr", false));
        assert_eq!(
            must_match!(&Some(SecretString::from("pw")), &p("pw")),
            ("ByStr", true)
        );
        assert_eq!(must_match!(&None::<Password>, &p("pw")), ("ByStr", false));
        assert_eq!(must_match!(&p("pw"), "pw"), ("ByStr", true));
    }

    #[test]
    fn by_str_compares_strings_and_absence() {
        let by_str = |a: &str, b: &Option<&str>| ByStr.must_match(MatchPair(a, b), "p");
        assert!(by_str("secret", &Some("secret")).is_ok());
        assert!(
            ByStr
                .must_match(MatchPair(&None::<String>, &None::<&str>), "p")
                .is_ok()
        );
        for (a, b) in [
            ("secret", Some("secreT")),
            ("secret", Some("secret ")),
            ("secret", Some("secre")),
            ("", None),
        ] {
            let e = by_str(a, &b).expect_err("differ");
            assert_eq!(e.kind(), "fields_mismatch");
            assert_eq!(e.msg(), "Value should match field 'p'");
            assert!(!format!("{e:?} {e}").contains("secret"));
        }
    }

    #[test]
    fn by_eq_reports_the_other_field() {
        let e = ByEq
            .must_match(MatchPair(&1u8, &2u8), "password")
            .expect_err("differ");
        assert_eq!(e.kind(), "fields_mismatch");
        assert_eq!(e.msg(), "Value should match field 'password'");
    }
}
