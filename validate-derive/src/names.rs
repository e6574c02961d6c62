//! Every name the attribute language knows, in one place: used to dispatch,
//! to suggest the right spelling, and to tell a rule from a sanitizer.

/// Field rules and field-level keywords.
pub(crate) const RULES: &[&str] = &[
    "length",
    "range",
    "multiple_of",
    "pattern",
    "charset",
    "email",
    "url",
    "ip",
    "ipv4",
    "ipv6",
    "uuid",
    "credit_card",
    "contains",
    "not_contains",
    "prefix",
    "suffix",
    "one_of",
    "no_invisible",
    "no_control",
    "single_script",
    "safe_filename",
    "required",
    "must_match",
    "custom",
    "rule",
    "nested",
    "each",
    "keys",
    "values",
    "skip",
    "sanitize",
    "rename",
];

/// Sanitizers, inside `sanitize(...)`.
pub(crate) const SANITIZERS: &[&str] = &[
    "trim",
    "trim_start",
    "trim_end",
    "lowercase",
    "uppercase",
    "nfc",
    "nfkc",
    "strip_invisible",
    "strip_control",
    "collapse_whitespace",
    "truncate",
    "filename",
    "url",
    "with",
];

/// Struct- and enum-level entries.
pub(crate) const CONTAINER: &[&str] = &["context", "crate", "custom", "newtype", "rename_all"];

/// `charset(...)` classes: attribute name and `CharClass` variant.
pub(crate) const CHAR_CLASSES: &[(&str, &str)] = &[
    ("ascii", "Ascii"),
    ("ascii_alphanumeric", "AsciiAlphanumeric"),
    ("ascii_alphabetic", "AsciiAlphabetic"),
    ("ascii_lowercase", "AsciiLowercase"),
    ("ascii_uppercase", "AsciiUppercase"),
    ("ascii_hexdigit", "AsciiHexdigit"),
    ("alphanumeric", "Alphanumeric"),
    ("alphabetic", "Alphabetic"),
    ("digits", "Digits"),
    ("printable", "Printable"),
];

/// `length(unit = ..)`: attribute name and `LengthUnit` variant.
pub(crate) const LENGTH_UNITS: &[(&str, &str)] = &[
    ("chars", "Chars"),
    ("bytes", "Bytes"),
    ("utf16", "Utf16"),
    ("graphemes", "Graphemes"),
];

/// Sanitizers that are a plain `fn(&mut V)` of the same name.
pub(crate) const PLAIN_SANITIZERS: &[&str] = &[
    "trim",
    "trim_start",
    "trim_end",
    "lowercase",
    "uppercase",
    "nfc",
    "nfkc",
    "strip_invisible",
    "collapse_whitespace",
    "filename",
    "url",
];
