//! Byte tables for the ASCII fast paths of the format rules.

/// A table of the ASCII letters and digits plus `extra`: `table[b]` says
/// whether byte `b` is allowed.
pub(crate) const fn byte_table(extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = true;
        i += 1;
    }
    table
}
