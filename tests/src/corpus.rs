//! The external corpora (`tests/corpus/*.json`, copied into the repository) and an
//! agreement table: how often a rule's verdict equals the verdict another
//! project asserts, per profile.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

/// One corpus row: an input and the verdict a project asserts for it under
/// `profile`. File-specific columns that the tests use are optional here.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    /// The string under test.
    pub input: String,
    /// `"valid"` or `"invalid"`.
    pub expected: String,
    /// Where the case comes from (`validator.js/test/...#12`).
    pub source: String,
    /// The source's own comment, or the corpus compiler's.
    #[serde(default)]
    pub note: String,
    /// Whose semantics the verdict follows (`pev-default`, `garde-ip`, ...).
    pub profile: String,
    /// The requested flavour (`v4`, `v6`, `any`, `any-card`, ...), if any.
    #[serde(default)]
    pub variant: String,
    /// `;`-separated tags (`ipv6-zone-id`, `non-ascii`, ...), if any.
    #[serde(default)]
    pub tags: String,
    /// The scheme the WHATWG parser found (`http:`), url_whatwg.json only.
    #[serde(default)]
    pub protocol: String,
}

impl Row {
    /// Whether the source says the input is valid.
    pub fn valid(&self) -> bool {
        self.expected == "valid"
    }

    /// Whether the row carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.split(';').any(|t| t == tag)
    }
}

/// The corpus directory: `$VALIDATE_CORPUS_DIR` when set, else
/// `tests/corpus` in the repository (the copied files, with their sources
/// and licences in its README and SOURCES.md).
pub fn dir() -> PathBuf {
    dir_from(std::env::var_os("VALIDATE_CORPUS_DIR"))
}

/// [`dir`] with the variable's value passed in (testable without touching
/// the process environment).
fn dir_from(var: Option<OsString>) -> PathBuf {
    match var {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    }
}

/// Loads `name` (e.g. `"email.json"`), panicking with a message that says
/// where the corpus was looked for when it is missing.
pub fn load(name: &str) -> Vec<Row> {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "corpus file {} not found ({e}); the corpus is in tests/corpus, or \
             where VALIDATE_CORPUS_DIR points",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Why a row was left out of a floor: a documented policy difference.
pub type Exception = Option<&'static str>;

/// The agreement of one rule with one profile.
#[derive(Debug, Default)]
pub struct Agreement {
    /// The profile name, as in the corpus.
    pub profile: String,
    /// Rows compared (excepted rows not included).
    pub rows: usize,
    /// Rows where the rule's verdict equals the expected one.
    pub agree: usize,
    /// Rows left out, with the documented reason.
    pub excepted: Vec<(String, &'static str)>,
    /// `(input, expected, got)` for every disagreement.
    pub disagreements: Vec<(String, bool, bool)>,
}

impl Agreement {
    /// Compares `rule` with every row of `profile`; `except` may leave a row
    /// out of the count, naming why.
    pub fn measure(
        rows: &[Row],
        profile: &str,
        rule: impl Fn(&Row) -> bool,
        except: impl Fn(&Row) -> Exception,
    ) -> Agreement {
        let mut a = Agreement {
            profile: profile.to_owned(),
            ..Agreement::default()
        };
        for row in rows.iter().filter(|r| r.profile == profile) {
            if let Some(why) = except(row) {
                a.excepted.push((row.input.clone(), why));
                continue;
            }
            let got = rule(row);
            a.rows += 1;
            if got == row.valid() {
                a.agree += 1;
            } else {
                a.disagreements.push((row.input.clone(), row.valid(), got));
            }
        }
        a
    }

    /// Agreement in percent (100 for no rows).
    pub fn percent(&self) -> f64 {
        if self.rows == 0 {
            100.0
        } else {
            100.0 * self.agree as f64 / self.rows as f64
        }
    }

    /// Every disagreement and exception, one line each, inputs escaped.
    pub fn details(&self) -> String {
        let mut out = String::new();
        for (input, expected, _) in &self.disagreements {
            let (e, g) = if *expected {
                ("valid", "invalid")
            } else {
                ("invalid", "valid")
            };
            out.push_str(&format!(
                "  [{}] expected {e}, rule says {g}: {input:?}\n",
                self.profile
            ));
        }
        for (input, why) in &self.excepted {
            out.push_str(&format!(
                "  [{}] excepted ({why}): {input:?}\n",
                self.profile
            ));
        }
        out
    }
}

/// The header of the markdown table that [`Agreement`]'s `Display` fills.
pub const TABLE_HEADER: &str =
    "| rule | profile | rows | agree | % | excepted |\n|---|---|---|---|---|---|";

/// The end of a markdown table row, `| profile | rows | agree | % | excepted |`;
/// the caller writes `| rule ` in front.
impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "| {} | {} | {} | {:.1} | {} |",
            self.profile.replace('|', "\\|"),
            self.rows,
            self.agree,
            self.percent(),
            self.excepted.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file a test reads is in the repository: a fresh clone passes.
    #[test]
    fn the_corpus_is_in_the_repository() {
        let dir = dir_from(None);
        let inside = dir
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .is_ok_and(|rest| {
                rest.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
            });
        assert!(inside, "{} is outside the repository", dir.display());
        for file in [
            "email.json",
            "ip.json",
            "uuid.json",
            "credit_card.json",
            "url.json",
            "url_whatwg.json",
            "path_traversal.json",
            "filename.json",
            "hostname.json",
            "phone.json",
            "SOURCES.md",
            "README.md",
        ] {
            assert!(
                dir.join(file).is_file(),
                "{file} missing in {}",
                dir.display()
            );
        }
        assert!(!load("email.json").is_empty());
    }

    #[test]
    fn the_variable_names_another_directory() {
        assert_eq!(dir_from(Some("/x/y".into())), PathBuf::from("/x/y"));
        assert_eq!(dir_from(Some("".into())), dir_from(None));
    }
}
