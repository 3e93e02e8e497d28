//! "Did you mean `population`?": the nearest known name to a misspelt one.

/// The candidate closest to `word` by edit distance (optimal string
/// alignment: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1; case is ignored), if it is within
/// `max(1, len/3)` edits, `len` being the characters in `word`. Ties go to
/// the earlier candidate. `None` for an empty word.
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = lowercase_chars(word);
    if word.is_empty() {
        return None;
    }
    let limit = (word.len() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for &candidate in candidates {
        let distance = edit_distance(&word, &lowercase_chars(candidate));
        if distance <= limit && best.is_none_or(|(least, _)| distance < least) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

fn lowercase_chars(text: &str) -> Vec<char> {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Optimal string alignment distance, three rolling rows.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[&str] = &["id", "label", "unit", "population", "target", "figures"];

    fn distance(a: &str, b: &str) -> usize {
        edit_distance(&lowercase_chars(a), &lowercase_chars(b))
    }

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("popluation", "population"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("ca", "abc"), 3);
        assert_eq!(distance("ngày", "ngay"), 1);
    }

    #[test]
    fn the_typo_from_the_format() {
        assert_eq!(suggest("popluation", FIELDS), Some("population"));
    }

    #[test]
    fn small_typos_and_case() {
        assert_eq!(suggest("figure", FIELDS), Some("figures"));
        assert_eq!(suggest("lable", FIELDS), Some("label"));
        assert_eq!(suggest("Unit", FIELDS), Some("unit"));
        assert_eq!(suggest("ID", FIELDS), Some("id"));
        assert_eq!(suggest("targte", FIELDS), Some("target"));
    }

    #[test]
    fn too_far_is_none() {
        assert_eq!(suggest("deadline", FIELDS), None);
        assert_eq!(suggest("xyz", FIELDS), None);
        assert_eq!(suggest("", FIELDS), None);
        assert_eq!(suggest("label", &[]), None);
    }

    #[test]
    fn the_limit_grows_with_the_word() {
        // 2 letters: 1 edit. 6 letters: 2 edits. 10 letters: 3 edits.
        assert_eq!(suggest("ix", &["id"]), Some("id"));
        assert_eq!(suggest("ab", &["id"]), None);
        assert_eq!(suggest("tarxxt", &["target"]), Some("target"));
        assert_eq!(suggest("txxxet", &["target"]), None);
        assert_eq!(suggest("poxxxation", &["population"]), Some("population"));
        assert_eq!(suggest("xxxxlation", &["population"]), None);
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        assert_eq!(suggest("cat", &["bat", "cut", "car"]), Some("bat"));
        assert_eq!(suggest("cat", &["car", "bat"]), Some("car"));
        assert_eq!(suggest("cat", &["bat", "cat"]), Some("cat"));
    }
}
