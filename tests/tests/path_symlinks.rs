//! `safe_join_resolved` on a real directory tree with symbolic links (Unix):
//! a link inside the base that points outside is refused, one that stays
//! inside is followed, a dangling one is refused.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use validate_core::path::{PathError, safe_join, safe_join_resolved};

/// A fresh directory under the system temp dir, removed on drop (also when
/// an assertion fails).
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("validate-{tag}-{}-{nanos}", std::process::id()));
        fs::create_dir(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_link_to_etc_is_refused() {
    let tmp = TempDir::new("symlink-etc");
    let base = tmp.path();
    symlink("/etc", base.join("etc-link")).expect("symlink");

    // The lexical join cannot see the link...
    assert!(safe_join(base, "etc-link/passwd").is_ok());
    // ...the resolved one can, whether the target exists or not.
    for untrusted in ["etc-link", "etc-link/passwd", "etc-link/not-there/new.txt"] {
        assert_eq!(
            safe_join_resolved(base, untrusted),
            Err(PathError::Escapes),
            "{untrusted:?}"
        );
    }
}

#[test]
fn links_inside_the_base_and_new_paths_are_fine() {
    let tmp = TempDir::new("symlink-inside");
    let base = tmp.path();
    fs::create_dir(base.join("real")).expect("mkdir");
    fs::write(base.join("real/file.txt"), b"x").expect("write");
    symlink(base.join("real"), base.join("alias")).expect("symlink");
    let root = base.canonicalize().expect("canonical base");

    assert_eq!(
        safe_join_resolved(base, "alias/file.txt"),
        Ok(root.join("real/file.txt"))
    );
    assert_eq!(
        safe_join_resolved(base, "real/new/deeper.txt"),
        Ok(root.join("real/new/deeper.txt"))
    );
    assert_eq!(
        safe_join_resolved(base, "./missing.txt"),
        Ok(root.join("missing.txt"))
    );
    // The lexical checks still come first.
    assert_eq!(safe_join_resolved(base, "../x"), Err(PathError::DotDot));
}

#[test]
fn dangling_links_and_missing_bases_are_errors() {
    let tmp = TempDir::new("symlink-dangling");
    let base = tmp.path();
    symlink("/nonexistent-validate-target/x", base.join("dangling")).expect("symlink");
    assert_eq!(
        safe_join_resolved(base, "dangling"),
        Err(PathError::BrokenLink)
    );
    // A relative link that climbs out.
    symlink("../..", base.join("up")).expect("symlink");
    assert_eq!(safe_join_resolved(base, "up/tmp"), Err(PathError::Escapes));

    let missing = base.join("no-such-base");
    assert_eq!(
        safe_join_resolved(&missing, "a.txt"),
        Err(PathError::Io(std::io::ErrorKind::NotFound))
    );
    // A file used as a directory.
    fs::write(base.join("plain"), b"x").expect("write");
    assert!(matches!(
        safe_join_resolved(base, "plain/child"),
        Err(PathError::Io(_))
    ));
}
