//! Output: aligned text tables for people and one `TAG case.name value` line
//! per figure for machines (`RATIO valid.ours/garde 0.41`).

use std::fmt;

/// One machine-readable figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// What it is: `RATIO`, `NS`, `ALLOCS`, `BYTES`, `ERRORS`, `SCALE`, ...
    pub tag: &'static str,
    /// The case or series, e.g. `valid`.
    pub case: String,
    /// The subject, e.g. `ours` or `ours/garde`.
    pub name: String,
    /// The value.
    pub value: f64,
}

impl Figure {
    /// A figure about one subject.
    pub fn new(
        tag: &'static str,
        case: impl Into<String>,
        name: impl Into<String>,
        value: f64,
    ) -> Self {
        Figure {
            tag,
            case: case.into(),
            name: name.into(),
            value,
        }
    }

    /// `a`'s time over `b`'s.
    pub fn ratio(case: impl Into<String>, a: &str, b: &str, value: f64) -> Self {
        Figure::new("RATIO", case, format!("{a}/{b}"), value)
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        let digits = if v != 0.0 && v.abs() < 10.0 { 3 } else { 1 };
        write!(f, "{} {}.{} {v:.digits$}", self.tag, self.case, self.name)
    }
}

/// A text table with columns right-aligned except the first.
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&str]) -> Self {
        Table {
            rows: vec![headers.iter().map(|h| (*h).to_owned()).collect()],
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as text, one line per row.
    pub fn render(&self) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..cols)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(0);
                if c == 0 {
                    line.push_str(&format!("{cell:<w$}"));
                } else {
                    line.push_str(&format!("  {cell:>w$}"));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// Prints the table.
    pub fn print(&self) {
        print!("{}", self.render());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_lines() {
        assert_eq!(
            Figure::ratio("valid", "ours", "garde", 0.4123).to_string(),
            "RATIO valid.ours/garde 0.412"
        );
        assert_eq!(
            Figure::new("ALLOCS", "valid", "ours", 0.0).to_string(),
            "ALLOCS valid.ours 0.0"
        );
        assert_eq!(
            Figure::new("NS", "valid", "garde", 1234.4).to_string(),
            "NS valid.garde 1234.4"
        );
    }

    #[test]
    fn table_aligns() {
        let mut t = Table::new(&["lib", "ns"]);
        t.row(vec!["floor".into(), "5".into()]);
        assert_eq!(t.render(), "lib    ns\nfloor   5\n");
    }
}
