//! An upload handler: the client sends a file name and a folder (both
//! untrusted). The folder must stay under the upload directory or the upload
//! is refused; the name is sanitized into a safe one, then checked against
//! the allowed extensions.
//!
//! Run with `cargo run -p examples --example upload`. It writes under a
//! fresh directory in the system temp dir and removes it at the end.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use validate_core::path::{PathError, safe_join_resolved};
use validate_core::rules::{self, FilenamePolicy};
use validate_core::{ValidationError, sanitize};

/// What this service accepts.
static UPLOADS: FilenamePolicy =
    FilenamePolicy::new().extensions(&["png", "jpg", "jpeg", "pdf", "txt"]);

/// Why an upload was refused.
#[derive(Debug)]
enum Rejected {
    /// The folder would leave the upload directory.
    Folder(PathError),
    /// The (sanitized) name is not acceptable.
    Name(ValidationError),
    /// The file system said no (already exists, ...).
    Io(std::io::Error),
}

/// One upload request, as it arrives.
struct Upload<'a> {
    folder: &'a str,
    name: &'a str,
    body: &'a [u8],
}

/// Stores one upload under `base`, returning where it went.
fn handle(base: &Path, upload: &Upload<'_>) -> Result<PathBuf, Rejected> {
    // 1. The folder: refuse rather than repair. A client that sends `..`
    //    or an absolute path is not confused, it is probing.
    if !upload.folder.is_empty() {
        safe_join_resolved(base, upload.folder).map_err(Rejected::Folder)?;
    }

    // 2. The name: repair what can be repaired (separators, controls,
    //    invisible characters, device names...), then hold it to the policy.
    let mut name = upload.name.to_owned();
    sanitize::filename(&mut name);
    rules::safe_filename_with(&name, &UPLOADS).map_err(Rejected::Name)?;

    // 3. Join again, resolved, with the final name: this is the path we
    //    write to, and no link may lead it out of the base.
    let relative = if upload.folder.is_empty() {
        name
    } else {
        format!("{}/{name}", upload.folder.trim_end_matches('/'))
    };
    let target = safe_join_resolved(base, &relative).map_err(Rejected::Folder)?;
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(Rejected::Io)?;
    }
    // `create_new`: never overwrite an existing file.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(Rejected::Io)?;
    file.write_all(upload.body).map_err(Rejected::Io)?;
    Ok(target)
}

fn main() -> std::io::Result<()> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let base = std::env::temp_dir().join(format!(
        "validate-upload-example-{}-{nanos}",
        std::process::id()
    ));
    fs::create_dir(&base)?;
    println!("upload directory: {}\n", base.display());

    let uploads = [
        // Benign.
        Upload {
            folder: "alice/photos",
            name: "cat.png",
            body: b"png",
        },
        Upload {
            folder: "",
            name: "Report 2024 (final).pdf",
            body: b"pdf",
        },
        Upload {
            folder: "alice/photos",
            name: "cat.png",
            body: b"again",
        },
        // Names that are repaired.
        Upload {
            folder: "bob",
            name: "notes: draft?.txt",
            body: b"txt",
        },
        Upload {
            folder: "bob",
            name: "../../.bashrc.txt",
            body: b"txt",
        },
        Upload {
            folder: "bob",
            name: "CON.txt",
            body: b"txt",
        },
        Upload {
            folder: "bob",
            name: "ｐｈｏｔｏ．ｊｐｇ",
            body: b"jpg",
        },
        Upload {
            folder: "bob",
            name: "holiday.jpg. . .",
            body: b"jpg",
        },
        // Names refused after repair.
        Upload {
            folder: "bob",
            name: "invoice\u{202e}fdp.exe",
            body: b"exe",
        },
        Upload {
            folder: "bob",
            name: "shell.php.jpg",
            body: b"<?php",
        },
        Upload {
            folder: "bob",
            name: "",
            body: b"",
        },
        // Folders refused.
        Upload {
            folder: "../../etc",
            name: "passwd.txt",
            body: b"root",
        },
        Upload {
            folder: "/etc",
            name: "x.txt",
            body: b"x",
        },
        Upload {
            folder: "C:/Windows",
            name: "a.txt",
            body: b"x",
        },
        Upload {
            folder: "a\\..\\..\\b",
            name: "a.txt",
            body: b"x",
        },
        Upload {
            folder: "alice/../../x",
            name: "a.txt",
            body: b"x",
        },
    ];

    for upload in &uploads {
        print!("{:?} in {:?}: ", upload.name, upload.folder);
        match handle(&base, upload) {
            Ok(path) => {
                let stored = path.strip_prefix(base.canonicalize()?).unwrap_or(&path);
                println!("stored as {}", stored.display());
            }
            Err(Rejected::Folder(e)) => println!("refused, folder: {e}"),
            Err(Rejected::Name(e)) => println!("refused, name: {}", e.msg()),
            Err(Rejected::Io(e)) => println!("refused: {e}"),
        }
    }

    println!("\nfiles written:");
    let mut stack = vec![base.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                println!("  {}", path.strip_prefix(&base).unwrap_or(&path).display());
            }
        }
    }

    fs::remove_dir_all(&base)?;
    println!("\nremoved {}", base.display());
    Ok(())
}
