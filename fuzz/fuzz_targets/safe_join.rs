//! `safe_join` and `safe_join_resolved` on arbitrary paths: no panic, and a
//! joined path is the base plus normal components only; resolved through
//! the file system (a tree with links pointing outside, inside, nowhere and
//! to themselves), it never lands outside the base. Errors never repeat the
//! path.
#![no_main]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use validate_core::path::{safe_join, safe_join_resolved};
use validate_fuzz::text;

/// `base/` with a directory, a file, and links: `out -> /`, `up -> ..`,
/// `in -> d`, `dangling -> missing`, `loop -> loop`.
static TREE: LazyLock<PathBuf> = LazyLock::new(|| {
    let root = std::env::temp_dir().join(format!("validate-fuzz-{}", std::process::id()));
    let base = root.join("base");
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(base.join("d/e")).expect("create tree");
    fs::write(base.join("f"), b"").expect("create file");
    for (link, target) in [
        ("out", "/"),
        ("up", ".."),
        ("in", "d"),
        ("dangling", "missing"),
        ("loop", "loop"),
    ] {
        symlink(target, base.join(link)).expect("create link");
    }
    symlink("../..", base.join("d/e/up2")).expect("create link");
    base
});

/// The deepest existing ancestor of `p`, resolved.
fn resolve_existing(p: &Path) -> Option<PathBuf> {
    p.ancestors().find_map(|a| fs::canonicalize(a).ok())
}

fuzz_target!(|data: &[u8]| {
    let untrusted = text(data);
    let base = Path::new("/srv/uploads");
    match safe_join(base, &untrusted) {
        Ok(joined) => {
            let rest = joined
                .strip_prefix(base)
                .expect("joined path starts with the base");
            assert!(
                rest.components().count() >= 1,
                "{untrusted:?} names the base itself"
            );
            assert!(
                rest.components().all(|c| matches!(c, Component::Normal(_))),
                "{joined:?}"
            );
            assert!(
                !untrusted.split(['/', '\\']).any(|p| p == ".."),
                "{untrusted:?} accepted"
            );
        }
        Err(e) => {
            let shown = format!("{e} {e:?}");
            if untrusted.chars().count() >= 8 {
                assert!(!shown.contains(untrusted.as_ref()), "{shown}");
            }
        }
    }
    let tree = &*TREE;
    if let Ok(joined) = safe_join_resolved(tree, &untrusted) {
        let root = fs::canonicalize(tree).expect("base resolves");
        let landed = resolve_existing(&joined).expect("something exists");
        assert!(
            landed.starts_with(&root),
            "{untrusted:?} lands at {landed:?}"
        );
    }
});
