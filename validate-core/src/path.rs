//! Joining an untrusted relative path under a base directory without ever
//! leaving it.
//!
//! Which function to use:
//!
//! - [`safe_join`] is lexical: it looks only at the string, never at the
//!   disk. It rejects everything that could climb out (`..`, absolute paths,
//!   drive and UNC prefixes, backslashes, NUL) and returns `base/untrusted`.
//!   Enough when nobody but you can create symbolic links under the base
//!   (an upload directory your service alone writes to).
//! - [`safe_join_resolved`] does the same, then asks the file system:
//!   it canonicalizes the base and the deepest existing part of the joined
//!   path, so a symbolic link inside the base that points outside is
//!   rejected. Use it when the tree under the base holds links you did not
//!   create (user-controlled checkouts, extracted archives, shared volumes).
//!
//! Neither makes a later `open` race-free: a link swapped in between the
//! check and the open is followed. Where other users can write under the
//! base, open with `O_NOFOLLOW` / `openat2(RESOLVE_BENEATH)` (the cap-std
//! crate wraps them).
//!
//! Neither checks that each component is a good *file name* (Windows device
//! names, trailing dots): run [`rules::safe_filename`](crate::rules::safe_filename)
//! on the last component, or [`sanitize::filename`](crate::sanitize::filename)
//! on a name you build the path from.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Why an untrusted path was refused. Its `Display` never repeats the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// Nothing is left once empty and `.` components are dropped: the path
    /// would name the base directory itself.
    #[error("the path names nothing under the base directory")]
    Empty,
    /// A NUL character (C APIs would cut the path there).
    #[error("the path contains a NUL character")]
    Nul,
    /// Starts with `/` or `\`.
    #[error("the path is absolute")]
    Absolute,
    /// A Windows drive (`C:`, `c:foo`) or UNC (`\\server`, `//server`)
    /// prefix, in any component: on Windows, joining a component with a
    /// prefix replaces the whole path.
    #[error("the path has a drive or UNC prefix")]
    Prefix,
    /// A backslash. It separates components on Windows and is an ordinary
    /// character on Unix; accepting it would make the same input mean two
    /// different paths, so it is refused everywhere.
    #[error("the path contains a backslash")]
    Backslash,
    /// A `..` component, or one made only of dots and spaces (`...`, `.. `)
    /// that Windows reads as `..` once it strips trailing dots and spaces.
    /// Inner ones (`a/../b`) are refused too: a path that needs them is not
    /// one a client should send.
    #[error("the path contains a '..' component")]
    DotDot,
    /// The path resolves, through a symbolic link, to a place outside the
    /// base directory ([`safe_join_resolved`] only).
    #[error("the path leads outside the base directory")]
    Escapes,
    /// The path goes through a symbolic link whose target does not exist,
    /// so where a write would land cannot be checked
    /// ([`safe_join_resolved`] only).
    #[error("the path goes through a symbolic link whose target does not exist")]
    BrokenLink,
    /// The base directory, or part of the path, could not be read
    /// ([`safe_join_resolved`] only): it does not exist, permission denied,
    /// a component is a file, a link loop...
    #[error("the path could not be resolved: {0}")]
    Io(io::ErrorKind),
}

/// Joins the untrusted relative path `untrusted` (components separated by
/// `/`) under `base`, or refuses it. Lexical: the disk is not consulted.
///
/// The result always starts with `base` followed by one or more normal
/// components; empty and `.` components are dropped (`a//./b` is `a/b`).
/// Refused, whatever the platform: NUL ([`PathError::Nul`]), a leading `/`
/// or `\` ([`Absolute`](PathError::Absolute)), drive and UNC prefixes
/// ([`Prefix`](PathError::Prefix)), any backslash
/// ([`Backslash`](PathError::Backslash)), any `..` component, even one that
/// would stay inside (`a/../b`), and dots-and-spaces components such as
/// `...` ([`DotDot`](PathError::DotDot)), and a path that names the base
/// itself (`""`, `"./"`: [`Empty`](PathError::Empty)).
///
/// ```
/// use std::path::Path;
/// use validate_core::path::{safe_join, PathError};
///
/// let base = Path::new("/srv/uploads");
/// assert_eq!(safe_join(base, "alice/cat.png").unwrap(), base.join("alice/cat.png"));
/// assert_eq!(safe_join(base, "./alice//cat.png").unwrap(), base.join("alice/cat.png"));
/// assert_eq!(safe_join(base, "../etc/passwd"), Err(PathError::DotDot));
/// assert_eq!(safe_join(base, "/etc/passwd"), Err(PathError::Absolute));
/// assert_eq!(safe_join(base, "C:/Windows"), Err(PathError::Prefix));
/// assert_eq!(safe_join(base, "a\\b"), Err(PathError::Backslash));
/// assert_eq!(safe_join(base, ""), Err(PathError::Empty));
/// ```
pub fn safe_join(base: impl AsRef<Path>, untrusted: &str) -> Result<PathBuf, PathError> {
    let base = base.as_ref();
    check_relative(untrusted)?;
    let mut joined = base.to_path_buf();
    for part in normal_parts(untrusted) {
        joined.push(part);
    }
    // Defence in depth: whatever the platform's parser makes of the parts,
    // the result must be the base plus normal components only.
    match joined.strip_prefix(base) {
        Ok(rest) if rest.components().all(|c| matches!(c, Component::Normal(_))) => Ok(joined),
        _ => Err(PathError::Escapes),
    }
}

/// [`safe_join`], then resolved on the file system: the base and the deepest
/// existing ancestor of the joined path are canonicalized (symbolic links
/// followed), the parts that do not exist yet are appended, and the result
/// must still lie under the canonical base.
///
/// Returns the canonical path, which may differ from `base` joined with
/// `untrusted` (the base itself may be reached through a link). A link
/// inside the base that points elsewhere inside the base is accepted; one
/// that points outside is [`PathError::Escapes`]; a dangling link on the
/// way is [`PathError::BrokenLink`]; a base that cannot be canonicalized is
/// [`PathError::Io`].
///
/// ```
/// use validate_core::path::{safe_join_resolved, PathError};
///
/// let base = std::env::temp_dir();
/// let p = safe_join_resolved(&base, "not-yet/created.txt").unwrap();
/// assert!(p.starts_with(base.canonicalize().unwrap()));
/// assert_eq!(safe_join_resolved(&base, "../x"), Err(PathError::DotDot));
/// ```
pub fn safe_join_resolved(base: impl AsRef<Path>, untrusted: &str) -> Result<PathBuf, PathError> {
    let base = base.as_ref();
    let joined = safe_join(base, untrusted)?;
    let root = fs::canonicalize(base).map_err(|e| PathError::Io(e.kind()))?;
    let parts: Vec<_> = match joined.strip_prefix(base) {
        Ok(rest) => rest.iter().collect(),
        Err(_) => return Err(PathError::Escapes),
    };
    // Find the deepest prefix that exists (as a link or anything else).
    let mut existing = parts.len();
    let resolved = loop {
        let mut candidate = root.clone();
        candidate.extend(&parts[..existing]);
        match fs::symlink_metadata(&candidate) {
            Ok(_) => {
                break fs::canonicalize(&candidate).map_err(|e| match e.kind() {
                    // It exists as an entry but cannot be followed.
                    io::ErrorKind::NotFound => PathError::BrokenLink,
                    kind => PathError::Io(kind),
                })?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && existing > 0 => existing -= 1,
            Err(e) => return Err(PathError::Io(e.kind())),
        }
    };
    let mut full = resolved;
    full.extend(&parts[existing..]);
    if full.starts_with(&root) {
        Ok(full)
    } else {
        Err(PathError::Escapes)
    }
}

/// The lexical checks of [`safe_join`]; allocation-free.
fn check_relative(untrusted: &str) -> Result<(), PathError> {
    if untrusted.contains('\0') {
        return Err(PathError::Nul);
    }
    if untrusted.starts_with("//") || untrusted.starts_with("\\\\") {
        return Err(PathError::Prefix);
    }
    if untrusted.starts_with(['/', '\\']) {
        return Err(PathError::Absolute);
    }
    if untrusted.contains('\\') {
        return Err(PathError::Backslash);
    }
    let mut any = false;
    for part in untrusted.split('/') {
        if part.is_empty() || part == "." {
            continue;
        }
        if has_drive_prefix(part) {
            return Err(PathError::Prefix);
        }
        if part.trim_end_matches(['.', ' ']).is_empty() {
            return Err(PathError::DotDot);
        }
        any = true;
    }
    if any { Ok(()) } else { Err(PathError::Empty) }
}

/// The components `safe_join` appends: all but empty and `.` ones.
fn normal_parts(untrusted: &str) -> impl Iterator<Item = &str> {
    untrusted
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
}

/// `C:` or `c:anything`: what Windows parses as a drive prefix.
fn has_drive_prefix(part: &str) -> bool {
    let b = part.as_bytes();
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_relative_paths() {
        let base = Path::new("base");
        assert_eq!(safe_join(base, "a"), Ok(PathBuf::from("base/a")));
        assert_eq!(safe_join(base, "a/b/"), Ok(PathBuf::from("base/a/b")));
        assert_eq!(safe_join(base, "./a/./b"), Ok(PathBuf::from("base/a/b")));
        assert_eq!(
            safe_join(base, ".hidden"),
            Ok(PathBuf::from("base/.hidden"))
        );
        assert_eq!(safe_join(base, "a..b"), Ok(PathBuf::from("base/a..b")));
        assert_eq!(safe_join(base, "..a"), Ok(PathBuf::from("base/..a")));
        assert_eq!(safe_join(base, "ab:c"), Ok(PathBuf::from("base/ab:c")));
        assert_eq!(safe_join(base, "a/1:b"), Ok(PathBuf::from("base/a/1:b")));
    }

    #[test]
    fn refuses_every_escape() {
        use PathError::*;
        let cases: &[(&str, PathError)] = &[
            ("", Empty),
            (".", Empty),
            ("././/", Empty),
            ("a\0", Nul),
            ("/etc/passwd", Absolute),
            ("\\etc", Absolute),
            ("//server/share", Prefix),
            ("\\\\server\\share", Prefix),
            ("C:", Prefix),
            ("c:/x", Prefix),
            ("a/C:x", Prefix),
            ("a\\b", Backslash),
            ("..", DotDot),
            ("../x", DotDot),
            ("a/../b", DotDot),
            ("a/..", DotDot),
            ("...", DotDot),
            ("a/.. /b", DotDot),
            ("a/. ./b", DotDot),
        ];
        for (input, expected) in cases {
            assert_eq!(safe_join("base", input), Err(*expected), "{input:?}");
        }
    }

    #[test]
    fn every_reason_reads_as_a_sentence() {
        use PathError::*;
        let texts = [
            (Empty, "the path names nothing under the base directory"),
            (Nul, "the path contains a NUL character"),
            (Absolute, "the path is absolute"),
            (Prefix, "the path has a drive or UNC prefix"),
            (Backslash, "the path contains a backslash"),
            (DotDot, "the path contains a '..' component"),
            (Escapes, "the path leads outside the base directory"),
            (
                BrokenLink,
                "the path goes through a symbolic link whose target does not exist",
            ),
            (
                Io(io::ErrorKind::NotFound),
                "the path could not be resolved: entity not found",
            ),
        ];
        for (err, text) in texts {
            assert_eq!(err.to_string(), text);
            assert!(std::error::Error::source(&err).is_none());
        }
    }

    #[test]
    fn display_never_repeats_the_path() {
        let err = safe_join("base", "../secret").expect_err("refused");
        assert_eq!(err.to_string(), "the path contains a '..' component");
        assert!(!format!("{err:?}").contains("secret"));
    }
}
