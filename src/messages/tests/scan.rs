//! No words are left in the check stage: every sentence lives in the
//! catalogue.

/// A letter only Vietnamese writes: a vowel with a tone or a hat, or đ.
pub fn is_vietnamese_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii()
}

/// The lines of Rust source that hold words: a string with a Vietnamese
/// letter or a `Text::new(`, outside comments and tests. The functions named
/// in `exempt` are skipped (a top-level item starts at the first column).
fn words_in(source: &str, exempt: &[&str]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut item = "";
    for (number, line) in source.lines().enumerate() {
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            item = line;
        }
        let code = line.trim_start();
        let exempt = exempt.iter().any(|f| item.contains(&format!("fn {f}(")));
        if code.starts_with("//") || exempt {
            continue;
        }
        if code.contains("Text::new(") || code.chars().any(is_vietnamese_letter) {
            found.push((number + 1, code.to_string()));
        }
    }
    found
}

/// The check stage's own files hold no words: every sentence an officer
/// reads comes from this catalogue. The YAML parser's complaints are worded
/// where they are explained (`explain_yaml`, which moves to `source/` with
/// the parser's reworked messages), outside this rule.
#[test]
fn no_words_are_left_in_the_check_stage() {
    let mut files: Vec<_> = std::fs::read_dir("src/check")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the check stage's files: {files:?}");
    let mut found = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, code) in words_in(&source, &["explain_yaml", "yaml_error"]) {
            found.push(format!("{}:{line}: {code}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "words written in the check stage instead of src/messages:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_words_outside_comments_tests_and_exempt_functions() {
    let source = "\
//! Đọc tệp: a comment may say anything.
fn read() {
    ck.error(pos, Text::new(\"x\", \"y\"));
    let what = \"tệp chiến dịch\";
    // Ghi chú.
}

fn explain(detail: &str) -> &str {
    \"Dòng này thụt lề\"
}

#[cfg(test)]
mod tests {
    const SAMPLE: &str = \"Số liệu\";
}
";
    let lines = |exempt: &[&str]| -> Vec<usize> {
        words_in(source, exempt)
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    };
    assert_eq!(lines(&[]), [3, 4, 9]);
    assert_eq!(lines(&["explain"]), [3, 4]);
    // And the catalogue itself is full of them.
    let catalogue = std::fs::read_to_string("src/messages/campaign.rs").unwrap();
    assert!(words_in(&catalogue, &[]).len() > 20);
}
