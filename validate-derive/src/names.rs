//! Every name the attribute language knows, in one place: used to dispatch,
//! to suggest the right spelling, and to tell a rule from a sanitizer.

/// Field rules and field-level keywords, but the format rules
/// ([`crate::formats::FORMAT_RULES`]): see [`is_rule`] and [`rule_names`].
pub(crate) const RULES: &[&str] = &[
    "length",
    "range",
    "multiple_of",
    "pattern",
    "charset",
    "url",
    "contains",
    "not_contains",
    "prefix",
    "suffix",
    "one_of",
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

/// A `charset(...)` class: its attribute name and its `CharClass` variant.
#[derive(Debug)]
pub(crate) struct CharClass {
    pub(crate) name: &'static str,
    pub(crate) variant: &'static str,
}

const fn class(name: &'static str, variant: &'static str) -> CharClass {
    CharClass { name, variant }
}

/// `charset(...)` classes.
pub(crate) const CHAR_CLASSES: &[CharClass] = &[
    class("ascii", "Ascii"),
    class("ascii_alphanumeric", "AsciiAlphanumeric"),
    class("ascii_alphabetic", "AsciiAlphabetic"),
    class("ascii_lowercase", "AsciiLowercase"),
    class("ascii_uppercase", "AsciiUppercase"),
    class("ascii_hexdigit", "AsciiHexdigit"),
    class("alphanumeric", "Alphanumeric"),
    class("alphabetic", "Alphabetic"),
    class("digits", "Digits"),
    class("printable", "Printable"),
];

/// The class called `name`.
pub(crate) fn char_class(name: &str) -> Option<&'static CharClass> {
    CHAR_CLASSES.iter().find(|c| c.name == name)
}

/// Whether `name` is a field rule or keyword.
pub(crate) fn is_rule(name: &str) -> bool {
    RULES.contains(&name) || crate::formats::find(name).is_some()
}

/// Every field rule and keyword, for suggestions.
pub(crate) fn rule_names() -> Vec<&'static str> {
    let formats = crate::formats::FORMAT_RULES.iter().map(|f| f.name);
    RULES.iter().copied().chain(formats).collect()
}

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

/// The list and set types whose items `each(...)` reads, by the last
/// segment of their path: validate-core's `__private::EACH_NAMES` (a test
/// checks they agree).
pub(crate) const EACH_TYPES: &[&str] = &[
    "Vec",
    "VecDeque",
    "LinkedList",
    "HashSet",
    "BTreeSet",
    "IndexSet",
];

/// The map types `keys(...)` and `values(...)` read: validate-core's
/// `__private::MAP_NAMES`.
pub(crate) const MAP_TYPES: &[&str] = &["HashMap", "BTreeMap", "IndexMap"];
