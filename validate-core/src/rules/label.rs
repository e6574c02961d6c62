//! DNS labels, as the `email` domain and the `hostname` / `domain` rules
//! share them: letters, digits and hyphens (RFC 1123), `xn--` A-labels that
//! must be valid Punycode, and IDN U-labels under the email rule's safe
//! character policy, each measured in its A-label (ASCII) form.

mod intl;
mod punycode;

pub(crate) use intl::intl_text_ok;

/// RFC 1035 section 2.3.4: a label is at most 63 octets.
pub(crate) const MAX_LABEL: usize = 63;
/// RFC 1035 section 2.3.4, as a dotted name without the root dot.
pub(crate) const MAX_NAME: usize = 253;

/// What is wrong with one label's characters; each rule words it its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelError {
    /// A character outside letters, digits and hyphen (or the IDN policy).
    Invalid,
    /// `??--` in the third and fourth characters, not an `xn--` A-label.
    ReservedHyphens,
    /// An `xn--` label that is not valid Punycode or decodes to characters
    /// the IDN policy refuses.
    InvalidALabel,
    /// A Unicode label whose A-label form cannot fit in 63 characters.
    IdnTooLong,
}

/// Letters, digits and hyphen (RFC 1034 `let-dig` / `ldh-str`).
pub(crate) fn is_ldh(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// Checks one label's characters (not its length, nor a hyphen at either
/// end) and returns its length in A-label form, which the caller compares
/// with [`MAX_LABEL`].
pub(crate) fn label_len(label: &str) -> Result<usize, LabelError> {
    if label.is_ascii() {
        ascii_label(label)
    } else {
        intl_label(label)
    }
}

/// An ASCII label: LDH, no reserved `??--` unless a valid `xn--` A-label.
fn ascii_label(label: &str) -> Result<usize, LabelError> {
    if !label.bytes().all(is_ldh) {
        return Err(LabelError::Invalid);
    }
    if label.get(2..4) == Some("--") {
        let Some(puny) = label.get(..4).filter(|p| p.eq_ignore_ascii_case("xn--")) else {
            return Err(LabelError::ReservedHyphens);
        };
        let mut buf = ['\0'; punycode::MAX_DECODED];
        let decoded = punycode::decode(&label[puny.len()..], &mut buf);
        match decoded.and_then(|n| buf.get(..n)) {
            Some(chars) if intl::decoded_label_ok(chars) => {}
            _ => return Err(LabelError::InvalidALabel),
        }
    }
    Ok(label.len())
}

/// A label with non-ASCII letters (an IDN U-label); returns the length of
/// its A-label form.
fn intl_label(label: &str) -> Result<usize, LabelError> {
    if !intl::intl_text_ok(label, false, is_ldh) {
        return Err(LabelError::Invalid);
    }
    let mut chars = label.chars();
    if chars.nth(2) == Some('-') && chars.next() == Some('-') {
        return Err(LabelError::ReservedHyphens);
    }
    // `xn--` plus at least one Punycode digit per character: a longer label
    // cannot fit, and bounding it keeps the quadratic encoder cheap.
    if label.chars().count() > punycode::MAX_DECODED {
        return Err(LabelError::IdnTooLong);
    }
    match punycode::encoded_len(label) {
        Some(n) if 4 + n <= MAX_LABEL => Ok(4 + n),
        _ => Err(LabelError::IdnTooLong),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_in_a_label_form() {
        assert_eq!(label_len("example"), Ok(7));
        assert_eq!(label_len("bücher"), Ok("xn--bcher-kva".len()));
        assert_eq!(label_len("xn--bcher-kva"), Ok(13));
    }

    #[test]
    fn errors_name_the_fault() {
        assert_eq!(label_len("a_b"), Err(LabelError::Invalid));
        assert_eq!(label_len("a\u{200b}b"), Err(LabelError::Invalid));
        assert_eq!(label_len("ab--c"), Err(LabelError::ReservedHyphens));
        assert_eq!(label_len("xn--0"), Err(LabelError::InvalidALabel));
        assert_eq!(label_len(&"ü".repeat(60)), Err(LabelError::IdnTooLong));
    }
}
