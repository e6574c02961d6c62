//! "Did you mean" suggestions for misspelt rule, sanitizer and argument
//! names.

/// The candidate closest to `name`, if it is close enough to be a likely
/// typo (`lenght` -> `length`, `emial` -> `email`).
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = match name.chars().count() {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    candidates
        .iter()
        .map(|c| (distance(name, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (did you mean `x`?)` or nothing.
pub(crate) fn did_you_mean(name: &str, candidates: &[&str]) -> String {
    match closest(name, candidates) {
        Some(c) => format!("; did you mean `{c}`?"),
        None => String::new(),
    }
}

/// Optimal string alignment distance: Levenshtein plus transpositions, so a
/// swapped pair of letters (`lenght`) counts as one edit.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    if let Some(first) = d.first_mut() {
        for (j, cell) in first.iter_mut().enumerate() {
            *cell = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_rule() {
        let names = ["length", "range", "email", "pattern", "each", "ip", "url"];
        assert_eq!(closest("lenght", &names), Some("length"));
        assert_eq!(closest("emial", &names), Some("email"));
        assert_eq!(closest("patern", &names), Some("pattern"));
        assert_eq!(closest("ipp", &names), Some("ip"));
        assert_eq!(closest("frobnicate", &names), None);
        assert_eq!(did_you_mean("rnage", &names), "; did you mean `range`?");
        assert_eq!(did_you_mean("zzzzzz", &names), "");
    }
}
