//! `safe_filename`: a single file name that is safe to create on Linux,
//! macOS and Windows alike, with an optional extension allow-list
//! ([`FilenamePolicy`]).

use std::borrow::Cow;

use super::input::StrInput;
use super::text::is_invisible;
use crate::error::{ValidationError, catalogue};

/// The longest file name most file systems accept: 255 bytes (ext4, XFS,
/// Btrfs, APFS; NTFS counts 255 UTF-16 units, which is never fewer).
pub const MAX_FILENAME_BYTES: usize = 255;

/// Options for [`safe_filename_with`], built in a `const` context so the
/// derive (or you) can keep it in a `static`:
///
/// ```
/// use validate_core::rules::{self, FilenamePolicy};
///
/// static IMAGES: FilenamePolicy = FilenamePolicy::new()
///     .extensions(&["png", "jpg", "jpeg"])
///     .allow_leading_dot(false);
///
/// assert!(rules::safe_filename_with("cat.JPG", &IMAGES).is_ok());
/// assert!(rules::safe_filename_with("cat.gif", &IMAGES).is_err());
/// assert!(rules::safe_filename_with("shell.php.jpg", &IMAGES).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilenamePolicy {
    extensions: &'static [&'static str],
    allow_leading_dot: bool,
    max_bytes: usize,
}

impl FilenamePolicy {
    /// The default policy, the one [`safe_filename`] uses: any extension, no
    /// leading dot, at most [`MAX_FILENAME_BYTES`] bytes.
    pub const fn new() -> Self {
        FilenamePolicy {
            extensions: &[],
            allow_leading_dot: false,
            max_bytes: MAX_FILENAME_BYTES,
        }
    }

    /// Only names whose extension is one of `extensions` pass (compared
    /// ASCII case-insensitively, given without the dot: `"png"`; an entry
    /// may span dots: `"tar.gz"`). A name then needs an extension, and any
    /// inner segment that looks like an extension must be allowed too, so
    /// `photo.php.jpg` fails an allow-list of `jpg` (see
    /// [`safe_filename_with`]). An empty list allows any extension.
    pub const fn extensions(mut self, extensions: &'static [&'static str]) -> Self {
        self.extensions = extensions;
        self
    }

    /// Whether a name may start with a dot (a hidden file on Unix such as
    /// `.gitignore`); off by default.
    pub const fn allow_leading_dot(mut self, allow: bool) -> Self {
        self.allow_leading_dot = allow;
        self
    }

    /// The longest name accepted, in UTF-8 bytes; at most
    /// [`MAX_FILENAME_BYTES`] by default.
    pub const fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }
}

impl Default for FilenamePolicy {
    fn default() -> Self {
        Self::new()
    }
}

/// Checks that a string is one safe file name under the default
/// [`FilenamePolicy`]: see [`safe_filename_with`] for the rules.
///
/// ```
/// use validate_core::rules;
/// assert!(rules::safe_filename("report 2024 (final).pdf").is_ok());
/// let err = rules::safe_filename("../etc/passwd").unwrap_err();
/// assert_eq!(err.kind(), "filename_unsafe");
/// assert_eq!(err.msg(), "value is not a safe file name: contains a path separator");
/// assert!(rules::safe_filename("con.txt").is_err());
/// assert!(rules::safe_filename(&None::<String>).is_ok());
/// ```
pub fn safe_filename<S: StrInput + ?Sized>(value: &S) -> Result<(), ValidationError> {
    safe_filename_with(value, &FilenamePolicy::new())
}

/// Checks that a string is one safe file name under `policy`. Error kind
/// `filename_unsafe`, with a `reason` that names the broken rule and never
/// quotes the input. The name must:
///
/// - not be empty, nor longer than the policy's byte limit (255);
/// - not be `.` or `..`, and not contain `..` anywhere;
/// - contain no `/` or `\` (it is a name, not a path);
/// - contain no control character (Cc, NUL included) and no invisible or
///   bidi control character ([`is_invisible`](crate::rules::is_invisible):
///   `invoice\u{202E}fdp.exe` displays as `invoiceexe.pdf`);
/// - contain none of `< > : " | ? *`, which Windows forbids;
/// - not start with a dot unless the policy allows it;
/// - not end with a dot or a space (Windows strips them, so `a.php.` is
///   `a.php` there);
/// - not be a Windows device name, in any case, with any extension and with
///   spaces before the extension: `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`,
///   `LPT0`–`LPT9`, `COM¹²³`, `LPT¹²³`, `CONIN$`, `CONOUT$` (`con.txt`,
///   `Com1.tar.gz` and `NUL .md` are all rejected; `LPT10.txt` is fine);
/// - when the policy lists extensions: end in `.` plus one of them, and have
///   every inner segment that *looks like an extension* allowed as well.
///   The inner segments are those between the first and the last dot
///   (`b` in `a.b.png`); one looks like an extension when it is 1 to 5
///   ASCII letters and digits with at least one letter (`php`, `phtml`,
///   `exe`, `tar`, `v2`), which is how Apache's `mod_mime` and IIS come to
///   run `shell.php.jpg`. Version numbers (`app.1.2.zip`) and longer words
///   (`summer.holiday.jpg`) do not look like extensions and pass.
///
/// It does not allocate when the name is valid.
///
/// ```
/// use validate_core::rules::{self, FilenamePolicy};
/// static DOCS: FilenamePolicy = FilenamePolicy::new().extensions(&["pdf", "tar.gz"]);
/// assert!(rules::safe_filename_with("Q3.report.pdf", &DOCS).is_ok()); // `report`: 6 letters
/// assert!(rules::safe_filename_with("app.1.2.pdf", &DOCS).is_ok());
/// assert!(rules::safe_filename_with("backup.tar.gz", &DOCS).is_ok());
/// assert!(rules::safe_filename_with("backup.gz", &DOCS).is_err());
/// let err = rules::safe_filename_with("evil.exe.pdf", &DOCS).unwrap_err();
/// assert_eq!(
///     err.msg(),
///     "value is not a safe file name: has an inner extension that is not allowed (pdf, tar.gz)"
/// );
/// ```
pub fn safe_filename_with<S: StrInput + ?Sized>(
    value: &S,
    policy: &FilenamePolicy,
) -> Result<(), ValidationError> {
    let Some(name) = value.input_str() else {
        return Ok(());
    };
    match problem(name, policy) {
        None => Ok(()),
        Some(p) => Err(catalogue::filename_unsafe(p.reason(policy))),
    }
}

/// Why a name is unsafe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    Empty,
    TooLong,
    DotName,
    Separator,
    DotDot,
    Control,
    Invisible,
    WindowsChar,
    LeadingDot,
    TrailingDotOrSpace,
    Reserved,
    Extension,
    InnerExtension,
}

impl Problem {
    /// The `reason` ctx value; only built on the error path.
    fn reason(self, policy: &FilenamePolicy) -> Cow<'static, str> {
        let allowed = || policy.extensions.join(", ");
        match self {
            Problem::Empty => "is empty".into(),
            Problem::TooLong => format!("is longer than {} bytes", policy.max_bytes).into(),
            Problem::DotName => "is '.' or '..'".into(),
            Problem::Separator => "contains a path separator".into(),
            Problem::DotDot => "contains '..'".into(),
            Problem::Control => "contains a control character".into(),
            Problem::Invisible => "contains an invisible or bidirectional control character".into(),
            Problem::WindowsChar => {
                "contains a character that Windows forbids (< > : \" | ? *)".into()
            }
            Problem::LeadingDot => "starts with a dot".into(),
            Problem::TrailingDotOrSpace => "ends with a dot or a space".into(),
            Problem::Reserved => "is a reserved device name".into(),
            Problem::Extension => {
                format!("does not have an allowed extension ({})", allowed()).into()
            }
            Problem::InnerExtension => {
                format!("has an inner extension that is not allowed ({})", allowed()).into()
            }
        }
    }
}

/// Characters Windows forbids in a name, besides the separators and
/// controls that are checked on their own.
pub(crate) fn is_windows_forbidden(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*')
}

/// The first broken rule, or `None` for a safe name. Never allocates.
pub(crate) fn problem(name: &str, policy: &FilenamePolicy) -> Option<Problem> {
    if name.is_empty() {
        return Some(Problem::Empty);
    }
    if name.len() > policy.max_bytes {
        return Some(Problem::TooLong);
    }
    if name == "." || name == ".." {
        return Some(Problem::DotName);
    }
    if name.contains(['/', '\\']) {
        return Some(Problem::Separator);
    }
    if name.contains("..") {
        return Some(Problem::DotDot);
    }
    if name.chars().any(char::is_control) {
        return Some(Problem::Control);
    }
    if name.chars().any(is_invisible) {
        return Some(Problem::Invisible);
    }
    if name.chars().any(is_windows_forbidden) {
        return Some(Problem::WindowsChar);
    }
    if name.starts_with('.') && !policy.allow_leading_dot {
        return Some(Problem::LeadingDot);
    }
    if name.ends_with(['.', ' ']) {
        return Some(Problem::TrailingDotOrSpace);
    }
    if is_reserved_device_name(name) {
        return Some(Problem::Reserved);
    }
    if !policy.extensions.is_empty() {
        return extension_problem(name, policy.extensions);
    }
    None
}

/// Whether Windows treats `name` as a device: the part before the first dot,
/// without trailing spaces, is a device name in any case.
pub(crate) fn is_reserved_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    const PLAIN: [&str; 6] = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];
    if PLAIN.iter().any(|d| stem.eq_ignore_ascii_case(d)) {
        return true;
    }
    let (Some(head), Some(tail)) = (stem.get(..3), stem.get(3..)) else {
        return false;
    };
    if !(head.eq_ignore_ascii_case("COM") || head.eq_ignore_ascii_case("LPT")) {
        return false;
    }
    let mut tail = tail.chars();
    matches!(
        (tail.next(), tail.next()),
        (Some('0'..='9' | '\u{b9}' | '\u{b2}' | '\u{b3}'), None)
    )
}

/// The extension allow-list check of [`safe_filename_with`].
fn extension_problem(name: &str, allowed: &[&str]) -> Option<Problem> {
    // A leading dot marks a hidden file, not an extension (`.png` has none).
    let body = name.strip_prefix('.').unwrap_or(name);
    // The longest allowed suffix, so `tar.gz` wins over `gz`.
    let ext_len = allowed
        .iter()
        .filter(|ext| has_extension(body, ext))
        .map(|ext| ext.len())
        .max();
    let Some(ext_len) = ext_len else {
        return Some(Problem::Extension);
    };
    // `has_extension` checked that a dot precedes the extension.
    let stem = body.get(..body.len() - ext_len - 1).unwrap_or("");
    let inner_bad = stem.split('.').skip(1).any(|seg| {
        looks_like_extension(seg) && !allowed.iter().any(|ext| ext.eq_ignore_ascii_case(seg))
    });
    inner_bad.then_some(Problem::InnerExtension)
}

/// Whether `body` is `something.ext`, ASCII case-insensitively.
fn has_extension(body: &str, ext: &str) -> bool {
    let (b, e) = (body.as_bytes(), ext.as_bytes());
    if e.is_empty() || b.len() < e.len() + 2 {
        return false;
    }
    let dot = b.len() - e.len() - 1;
    b[dot] == b'.' && b[dot + 1..].eq_ignore_ascii_case(e)
}

/// 1 to 5 ASCII letters and digits, at least one a letter.
fn looks_like_extension(seg: &str) -> bool {
    (1..=5).contains(&seg.len())
        && seg.bytes().all(|b| b.is_ascii_alphanumeric())
        && seg.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(name: &str) -> Option<Problem> {
        problem(name, &FilenamePolicy::new())
    }

    #[test]
    fn accepts_ordinary_names() {
        for ok in [
            "a",
            "report 2024 (final).pdf",
            "résumé.docx",
            " leading space",
            "semi;colon.js",
            "LPT10.txt",
            "COM10",
            "CONSOLE.txt",
            "nul_device",
            "日本語.txt",
            "…",
        ] {
            assert_eq!(why(ok), None, "{ok:?}");
        }
        assert_eq!(why(&"a".repeat(255)), None);
    }

    #[test]
    fn each_rule() {
        use Problem::*;
        let cases: &[(&str, Problem)] = &[
            ("", Empty),
            (".", DotName),
            ("..", DotName),
            ("a/b", Separator),
            ("a\\b", Separator),
            ("a..b", DotDot),
            ("...", DotDot),
            ("a\0b", Control),
            ("a\nb", Control),
            ("a\u{85}", Control),
            ("a\u{202e}gpj.exe", Invisible),
            ("a\u{200b}", Invisible),
            ("a:b", WindowsChar),
            ("a*", WindowsChar),
            ("\"q\"", WindowsChar),
            (".bashrc", LeadingDot),
            ("a.", TrailingDotOrSpace),
            ("a ", TrailingDotOrSpace),
            ("CON", Reserved),
            ("con.txt", Reserved),
            ("Com1.tar.gz", Reserved),
            ("lpt9.asdf", Reserved),
            ("NUL .md", Reserved),
            ("LPT\u{b9}", Reserved),
            ("com\u{b2}.txt", Reserved),
            ("COM0", Reserved),
            ("conin$", Reserved),
            ("CONOUT$.log", Reserved),
        ];
        for (name, expected) in cases {
            assert_eq!(why(name), Some(*expected), "{name:?}");
        }
        assert_eq!(why(&"é".repeat(128)), Some(TooLong));
    }

    #[test]
    fn policy_options() {
        let hidden = FilenamePolicy::new().allow_leading_dot(true);
        assert_eq!(problem(".gitignore", &hidden), None);
        assert_eq!(problem("..", &hidden), Some(Problem::DotName));
        let short = FilenamePolicy::new().max_bytes(3);
        assert_eq!(problem("abcd", &short), Some(Problem::TooLong));
    }

    #[test]
    fn extension_allow_list() {
        const P: FilenamePolicy = FilenamePolicy::new()
            .extensions(&["png", "JPG", "tar.gz"])
            .allow_leading_dot(true);
        let check = |n: &str| problem(n, &P);
        assert_eq!(check("cat.png"), None);
        assert_eq!(check("cat.PNG"), None);
        assert_eq!(check("cat.jpg"), None);
        assert_eq!(check("x.tar.gz"), None);
        assert_eq!(check("2024.05.01.png"), None);
        assert_eq!(check("summer.holiday.png"), None);
        assert_eq!(check("a.png.jpg"), None);
        assert_eq!(check(".hidden.png"), None);
        assert_eq!(check("png"), Some(Problem::Extension));
        assert_eq!(check(".png"), Some(Problem::Extension));
        assert_eq!(check("cat.gif"), Some(Problem::Extension));
        assert_eq!(check("cat.gz"), Some(Problem::Extension));
        assert_eq!(check("cat.pngx"), Some(Problem::Extension));
        assert_eq!(check("shell.php.jpg"), Some(Problem::InnerExtension));
        assert_eq!(check("shell.phtml.png"), Some(Problem::InnerExtension));
        assert_eq!(check("a.v2.png"), Some(Problem::InnerExtension));
        // The price of the heuristic: a short word reads as an extension.
        assert_eq!(check("holiday.beach.png"), Some(Problem::InnerExtension));
        assert_eq!(check("a.tar.tar.gz"), Some(Problem::InnerExtension));
    }

    #[test]
    fn errors_do_not_echo_the_name() {
        let e = safe_filename("secret-token.exe:stream").expect_err("unsafe");
        assert_eq!(e.kind(), "filename_unsafe");
        assert!(!format!("{e:?} {}", e.msg()).contains("secret"));
        static P: FilenamePolicy = FilenamePolicy::new().extensions(&["png"]);
        let e = safe_filename_with("secret.gif", &P).expect_err("unsafe");
        assert_eq!(
            e.msg(),
            "value is not a safe file name: does not have an allowed extension (png)"
        );
        assert!(!format!("{e:?}").contains("secret"));
    }
}
