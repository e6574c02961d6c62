//! Where an error is: [`Loc`], the path of field names, indices and map keys
//! that Pydantic calls `loc`, and [`LocChain`], the borrowed, allocation-free
//! form the derive threads through validation and materializes only when an
//! error is pushed.

use std::borrow::Cow;
use std::fmt;

use super::small::SmallList;

/// One step of a [`Loc`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LocItem {
    /// A field, by its wire name (`#[serde(rename)]` honoured). JSON: a
    /// string; `Display`: `.name`, or `["name"]` quoted and escaped as a
    /// key when the name is not plain (letters, digits, `_`, `-`, `$`, `@`).
    Field(Cow<'static, str>),
    /// A position in a list, set or tuple. JSON: an integer.
    Index(usize),
    /// A string map key. JSON: a string; `Display`: `["key"]`, quoted and
    /// escaped so that no key can forge another path.
    Key(Cow<'static, str>),
    /// An integer map key. JSON: an integer; `Display`: `[5]`.
    IntKey(i64),
}

/// The marker Pydantic puts after a map key whose *key* failed validation:
/// `["by_name", "home", "[key]"]`.
pub const KEY_MARKER: &str = "[key]";

impl LocItem {
    /// A field step from a static name.
    pub const fn field(name: &'static str) -> Self {
        LocItem::Field(Cow::Borrowed(name))
    }

    /// A step named by the input, where a struct field and a map key can
    /// not be told apart (serde reports both as a map entry; an unknown
    /// field name): a plain name (letters, digits, `_`, `-`, `$`, `@`) is a
    /// `Field`, anything
    /// else a `Key`, so `Display` quotes and escapes it. The JSON is the
    /// same string either way.
    pub fn from_input(name: impl Into<String>) -> Self {
        let name = name.into();
        if is_plain_name(&name) {
            LocItem::Field(Cow::Owned(name))
        } else {
            LocItem::Key(Cow::Owned(name))
        }
    }
}

/// Whether `name` can be written bare in a path (`a.name`): not empty, and
/// only letters, digits, `_`, `-`, `$` and `@`. Anything else (a dot, a
/// bracket, a quote, a space, a colon, a control) is written as a quoted,
/// escaped key, so that no name from the input reads as path syntax or as
/// the `: ` that ends a loc.
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '@'))
}

/// Whether `c` is written as `\u{..}` in a quoted key: controls (C0, C1
/// with U+0085 NEL), the line and paragraph separators U+2028 / U+2029
/// (line breaks to many log viewers; the whole of Zl and Zp), and every
/// [invisible](crate::rules::is_invisible) character, which covers the
/// bidi controls (U+061C, U+200E/F, U+202A-E, U+2066-9) and zero widths.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || crate::rules::is_invisible(c)
}

impl From<&'static str> for LocItem {
    fn from(name: &'static str) -> Self {
        LocItem::Field(Cow::Borrowed(name))
    }
}

impl From<String> for LocItem {
    fn from(name: String) -> Self {
        LocItem::Field(Cow::Owned(name))
    }
}

impl From<usize> for LocItem {
    fn from(index: usize) -> Self {
        LocItem::Index(index)
    }
}

/// The path to the value an error is about: `["address", "zip"]`,
/// `["tags", 1]`, `["by_name", "home", "street"]`.
///
/// `Display` writes it as a Rust-like path: `address.zip`, `tags[1]`,
/// `by_name["home"].street`. Every text that may come from the input is
/// written so that it cannot forge a path or a line: a key always, and a
/// field name unless it is plain (letters, digits, `_`, `-`, `$`, `@`), is
/// quoted, with `"` and `\` escaped and every control, line or paragraph
/// separator (U+0085, U+2028, U+2029), bidi control and other invisible
/// character written as `\u{..}`. The JSON keeps the text as it is.
///
/// ```
/// use validate_core::{Loc, LocItem};
/// let loc: Loc = [LocItem::field("tags"), LocItem::Index(1)].into_iter().collect();
/// assert_eq!(loc.to_string(), "tags[1]");
/// assert_eq!(loc.len(), 2);
/// let forged: Loc = [LocItem::field("m"), LocItem::from_input("a\"].admin\u{2028}")]
///     .into_iter()
///     .collect();
/// assert_eq!(forged.to_string(), r#"m["a\"].admin\u{2028}"]"#);
/// ```
#[derive(Clone, PartialEq, Default)]
pub struct Loc(SmallList<LocItem, 4>);

impl Loc {
    /// The empty path (an error about the whole value).
    pub const fn new() -> Self {
        Loc(SmallList::new())
    }

    /// The number of steps.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the path is empty.
    pub fn is_empty(&self) -> bool {
        self.0.len() == 0
    }

    /// The steps, outermost first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &LocItem> + '_ {
        self.0.iter()
    }

    /// The step at `index`, outermost first.
    pub fn get(&self, index: usize) -> Option<&LocItem> {
        self.0.get(index)
    }

    /// Appends a step at the inner end.
    pub fn push(&mut self, item: impl Into<LocItem>) {
        self.0.push(item.into());
    }

    /// Puts the steps of `chain` in front of this path: used when an error
    /// that already has a path (a struct-level rule, a newtype) is reported
    /// from inside an outer value.
    pub fn prepend_chain(&mut self, chain: &LocChain<'_>) {
        if chain.is_root() {
            return;
        }
        // No allocation beyond the loc's own (inline up to 4 steps): an
        // error costs one allocation, its box.
        if self.is_empty() {
            // A rule's error has no steps of its own yet (the common case):
            // push the chain's straight in, without moving the list around.
            self.push_chain(chain);
        } else {
            let own = std::mem::take(&mut self.0);
            self.push_chain(chain);
            for step in own.into_iter() {
                self.0.push(step);
            }
        }
    }

    /// Appends the chain's steps, outermost first: the parent's, then the
    /// link's own (chains are as deep as the value is nested, as is the
    /// validation that builds them).
    fn push_chain(&mut self, chain: &LocChain<'_>) {
        if let Some(parent) = chain.parent {
            self.push_chain(parent);
        }
        if let Some(step) = chain.item() {
            self.0.push(step);
        }
    }
}

impl FromIterator<LocItem> for Loc {
    fn from_iter<I: IntoIterator<Item = LocItem>>(iter: I) -> Self {
        let mut loc = Loc::new();
        for item in iter {
            loc.0.push(item);
        }
        loc
    }
}

impl fmt::Debug for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.iter().enumerate() {
            match item {
                LocItem::Field(name) if name == KEY_MARKER => f.write_str(name)?,
                LocItem::Field(name) if is_plain_name(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                LocItem::Index(index) => write!(f, "[{index}]")?,
                LocItem::IntKey(key) => write!(f, "[{key}]")?,
                LocItem::Field(key) | LocItem::Key(key) => {
                    f.write_str("[\"")?;
                    write_escaped(f, key)?;
                    f.write_str("\"]")?;
                }
            }
        }
        Ok(())
    }
}

/// Writes a key (or a field name that is not plain) so it cannot be
/// mistaken for path syntax or break a line: quotes and backslashes are
/// escaped, every character that [`needs_escape`] written as `\u{..}`.
/// Every text that came from the input reaches `Display` through here.
fn write_escaped(f: &mut fmt::Formatter<'_>, key: &str) -> fmt::Result {
    for c in key.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            c if needs_escape(c) => write!(f, "\\u{{{:x}}}", c as u32)?,
            c => fmt::Write::write_char(f, c)?,
        }
    }
    Ok(())
}

/// A map key that can appear in a [`Loc`]. Implemented for strings and
/// integers; only called when an error is reported.
pub trait LocKey {
    /// The step this key becomes.
    fn to_loc_item(&self) -> LocItem;
}

impl LocKey for str {
    fn to_loc_item(&self) -> LocItem {
        LocItem::Key(Cow::Owned(self.to_owned()))
    }
}

impl LocKey for String {
    fn to_loc_item(&self) -> LocItem {
        self.as_str().to_loc_item()
    }
}

impl LocKey for Cow<'_, str> {
    fn to_loc_item(&self) -> LocItem {
        self.as_ref().to_loc_item()
    }
}

impl LocKey for char {
    fn to_loc_item(&self) -> LocItem {
        LocItem::Key(Cow::Owned(self.to_string()))
    }
}

impl LocKey for bool {
    fn to_loc_item(&self) -> LocItem {
        LocItem::Key(Cow::Borrowed(if *self { "true" } else { "false" }))
    }
}

impl<T: LocKey + ?Sized> LocKey for &T {
    fn to_loc_item(&self) -> LocItem {
        (**self).to_loc_item()
    }
}

impl<T: LocKey + ?Sized> LocKey for Box<T> {
    fn to_loc_item(&self) -> LocItem {
        (**self).to_loc_item()
    }
}

impl<T: LocKey + ?Sized> LocKey for std::rc::Rc<T> {
    fn to_loc_item(&self) -> LocItem {
        (**self).to_loc_item()
    }
}

impl<T: LocKey + ?Sized> LocKey for std::sync::Arc<T> {
    fn to_loc_item(&self) -> LocItem {
        (**self).to_loc_item()
    }
}

macro_rules! int_keys {
    ($($t:ty)*) => {$(
        impl LocKey for $t {
            fn to_loc_item(&self) -> LocItem {
                match i64::try_from(*self) {
                    Ok(key) => LocItem::IntKey(key),
                    Err(_) => LocItem::Key(Cow::Owned(self.to_string())),
                }
            }
        }
    )*};
}
int_keys!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// A borrowed path on the stack: each nested value adds one link that points
/// at its parent. Nothing is allocated until an error is pushed with
/// [`ValidationErrors::push_at`](crate::ValidationErrors::push_at), which
/// turns the chain into a [`Loc`].
#[derive(Clone, Copy)]
pub struct LocChain<'a> {
    parent: Option<&'a LocChain<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Field(&'static str),
    Index(usize),
    Key(&'a dyn LocKey),
}

impl<'a> LocChain<'a> {
    /// The empty path.
    pub const ROOT: LocChain<'static> = LocChain {
        parent: None,
        step: Step::Root,
    };

    /// The path of field `name` inside this one.
    pub fn field(&'a self, name: &'static str) -> LocChain<'a> {
        LocChain {
            parent: Some(self),
            step: Step::Field(name),
        }
    }

    /// The path of item `index` inside this one.
    pub fn index(&'a self, index: usize) -> LocChain<'a> {
        LocChain {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// The path of the value at map key `key` inside this one.
    pub fn key(&'a self, key: &'a dyn LocKey) -> LocChain<'a> {
        LocChain {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    /// Whether this is the empty path.
    pub fn is_root(&self) -> bool {
        self.parent.is_none() && matches!(self.step, Step::Root)
    }

    /// The number of steps.
    pub fn depth(&self) -> usize {
        let own = usize::from(!matches!(self.step, Step::Root));
        own + self.parent.map_or(0, |p| p.depth())
    }

    /// This link's own step.
    fn item(&self) -> Option<LocItem> {
        match self.step {
            Step::Root => None,
            Step::Field(name) => Some(LocItem::Field(Cow::Borrowed(name))),
            Step::Index(i) => Some(LocItem::Index(i)),
            Step::Key(key) => Some(key.to_loc_item()),
        }
    }

    /// The chain as an owned [`Loc`].
    pub fn to_loc(&self) -> Loc {
        let mut loc = Loc::new();
        loc.prepend_chain(self);
        loc
    }
}

impl fmt::Debug for LocChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_loc(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths() {
        let root = LocChain::ROOT;
        let by_name = root.field("by_name");
        let key = "home".to_string();
        let home = by_name.key(&key);
        let street = home.field("street");
        assert_eq!(street.to_loc().to_string(), "by_name[\"home\"].street");
        let tags = root.field("tags");
        assert_eq!(tags.index(1).to_loc().to_string(), "tags[1]");
        let marker = home.field(KEY_MARKER);
        assert_eq!(marker.to_loc().to_string(), "by_name[\"home\"][key]");
    }

    #[test]
    fn keys_cannot_forge_paths() {
        let root = LocChain::ROOT;
        let m = root.field("m");
        let evil = "a\"].admin[\"b\\\u{202e}\n".to_string();
        let loc = m.key(&evil).to_loc();
        assert_eq!(loc.to_string(), r#"m["a\"].admin[\"b\\\u{202e}\u{a}"]"#);
    }

    #[test]
    fn plain_names() {
        for name in ["user_name", "e-mail", "prénom", "$ref", "@type", "x1"] {
            assert!(is_plain_name(name), "{name}");
        }
        for name in [
            "",
            "a.b",
            "a b",
            "a[0]",
            "a\"",
            "a:",
            "k\u{2028}",
            "k\u{200b}",
        ] {
            assert!(!is_plain_name(name), "{name:?}");
        }
    }

    #[test]
    fn every_line_break_and_bidi_control_is_escaped() {
        let breakers = [
            '\0', '\n', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{2028}', '\u{2029}', '\u{200e}',
            '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{61c}', '\u{200b}',
        ];
        for c in breakers {
            let key = format!("k{c}");
            for item in [
                LocItem::Key(Cow::Owned(key.clone())),
                LocItem::from_input(key.clone()),
            ] {
                let loc: Loc = [LocItem::field("m"), item].into_iter().collect();
                let expected = format!("m[\"k\\u{{{:x}}}\"]", c as u32);
                assert_eq!(loc.to_string(), expected);
            }
        }
    }

    #[test]
    fn field_names_that_are_not_plain_are_written_as_keys() {
        let loc: Loc = [
            LocItem::Field(Cow::Owned("a\"].admin\n".to_owned())),
            LocItem::field("b"),
            LocItem::from_input("ok"),
            LocItem::from_input("x: y"),
        ]
        .into_iter()
        .collect();
        assert_eq!(loc.to_string(), r#"["a\"].admin\u{a}"].b.ok["x: y"]"#);
        assert_eq!(LocItem::from_input("ok"), LocItem::field("ok"));
    }

    #[test]
    fn int_keys_are_integers() {
        assert_eq!(5u32.to_loc_item(), LocItem::IntKey(5));
        assert_eq!(
            u64::MAX.to_loc_item(),
            LocItem::Key(Cow::Owned(u64::MAX.to_string()))
        );
    }

    #[test]
    fn depth_and_root() {
        assert!(LocChain::ROOT.is_root());
        assert_eq!(LocChain::ROOT.depth(), 0);
        let a = LocChain::ROOT.field("a");
        assert_eq!(a.index(3).depth(), 2);
        assert!(LocChain::ROOT.to_loc().is_empty());
    }

    #[test]
    fn push_and_debug() {
        let mut loc = Loc::new();
        loc.push("tags");
        loc.push(LocItem::Index(2));
        assert_eq!(loc.len(), 2);
        assert_eq!(loc.get(1), Some(&LocItem::Index(2)));
        assert_eq!(format!("{loc:?}"), r#"[Field("tags"), Index(2)]"#);
        let key = "k".to_string();
        let chain = LocChain::ROOT.field("m");
        assert_eq!(
            format!("{:?}", chain.key(&key)),
            r#"[Field("m"), Key("k")]"#
        );
    }
}
