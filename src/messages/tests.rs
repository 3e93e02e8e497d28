use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::vi::Lang::{En, Vi};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Every variant of every area, with each shape of data that changes its
/// words (a hint or none, a near name or a list, an empty list).
fn samples() -> Vec<Message> {
    use FieldProblem as F;
    let allowed: &'static [&'static str] = &["title", "summary", "app"];
    let mut all: Vec<Message> = Vec::new();
    for subject in Subject::ALL {
        all.push(
            F::NotAGroup {
                subject,
                found: Found::Number,
                allowed,
            }
            .into(),
        );
        all.push(
            F::Missing {
                subject,
                field: "title",
            }
            .into(),
        );
        for near in [Some("title"), None] {
            all.push(
                F::Unknown {
                    subject,
                    field: "titel".into(),
                    near,
                    allowed,
                }
                .into(),
            );
        }
    }
    all.push(
        F::NotAGroup {
            subject: Subject::PhaseTargets,
            found: Found::Text,
            allowed: &[],
        }
        .into(),
    );
    for found in Found::ALL {
        all.extend(
            [
                F::NotText { found },
                F::NotAList { found },
                F::NotTrueOrFalse { found },
                F::NotAPercentage { found },
                F::NotADate { found },
                F::NotAWholeNumber {
                    found,
                    digits: None,
                },
            ]
            .map(Message::from),
        );
    }
    all.extend(
        [
            F::EmptyText,
            F::NotAWholeNumber {
                found: Found::Text,
                digits: Some("1299".into()),
            },
            F::CountTooLarge,
            F::PopulationZero,
            F::SeparatorInCount {
                written: "29.226".into(),
                grouped: true,
            },
            F::SeparatorInCount {
                written: "12.5".into(),
                grouped: false,
            },
            F::FractionalCount {
                written: "15e-1".into(),
            },
            F::NegativeCount,
            F::PercentSign {
                found: Found::Text,
                bare: "30".into(),
            },
            F::DecimalComma {
                found: Found::Text,
                written: "34,4".into(),
                fixed: "34.4".into(),
            },
            F::PercentOutOfRange {
                written: "130".into(),
            },
            F::MalformedDate {
                written: "29/5/2026".into(),
                iso: Some(date(2026, 5, 29)),
            },
            F::MalformedDate {
                written: "tomorrow".into(),
                iso: None,
            },
            F::MalformedId {
                written: "I-HaTinh".into(),
                fixed: "i-hatinh".into(),
            },
            F::MalformedId {
                written: "!!!".into(),
                fixed: String::new(),
            },
            F::UnsafeLink {
                written: "javascript:alert(1)".into(),
                allowed: LinkKind::Web,
            },
            F::UnsafeLink {
                written: "../secret".into(),
                allowed: LinkKind::WebOrSiteFile,
            },
            F::MalformedPhone {
                written: "0916-222-326".into(),
                digits: "0916222326".into(),
            },
            F::MalformedPhone {
                written: "ab".into(),
                digits: String::new(),
            },
        ]
        .map(Message::from),
    );
    use CampaignProblem as C;
    for (near, indicators) in [
        (Some("adults".to_string()), ids(&["adults"])),
        (None, ids(&["adults", "youth"])),
        (None, Vec::new()),
    ] {
        all.push(
            C::UnknownHeadline {
                id: "adult".into(),
                near: near.clone(),
                indicators: indicators.clone(),
            }
            .into(),
        );
        all.push(
            C::UnknownPhaseIndicator {
                id: "adult".into(),
                near,
                indicators,
            }
            .into(),
        );
    }
    all.extend(
        [
            C::DeadlineBeforeStart,
            C::MalformedSchedule {
                written: "mon, funday".into(),
            },
            C::MalformedTime {
                written: "2pm".into(),
            },
            C::NoIndicators,
            C::DuplicateIndicator {
                id: "adults".into(),
            },
            C::EmptyTarget,
            C::DuplicateDate {
                date: date(2026, 5, 29),
                first_line: 18,
            },
            C::FigureValues { given: vec![] },
            C::FigureValues {
                given: vec!["count", "percent"],
            },
            C::AbovePopulation {
                count: 30_000,
                population: 29_226,
            },
            C::MalformedRank {
                position: 70,
                of: 69,
            },
            C::PhaseEndsBeforeStart {
                start: date(2026, 5, 13),
                end: date(2026, 5, 1),
            },
        ]
        .map(Message::from),
    );
    use SiteProblem as S;
    for (near, known) in [
        (Some("i-hatinh".to_string()), ids(&["i-hatinh"])),
        (None, ids(&["i-hatinh", "vneid"])),
        (None, Vec::new()),
    ] {
        all.push(
            S::UnknownApp {
                id: "i-hatin".into(),
                near: near.clone(),
                known: known.clone(),
            }
            .into(),
        );
        all.push(
            S::UnknownCampaign {
                id: "i-hatin".into(),
                near,
                known,
            }
            .into(),
        );
    }
    all.extend(
        [
            S::UnknownLanguage {
                written: "fr".into(),
            },
            S::UnknownTimezone {
                written: "Mars/Base".into(),
            },
            S::MalformedEmail {
                written: "a b@c".into(),
            },
            S::EmailWithExtra {
                written: "a@b.c?cc=evil@x.y".into(),
                extra: '?',
            },
            S::DuplicateApp {
                id: "i-hatinh".into(),
            },
            S::EmptyFile,
            S::MissingFrontMatter { opened: true },
            S::MissingFrontMatter { opened: false },
            S::MalformedFileName { stem: "!!!".into() },
            S::MalformedCampaignFileName {
                stem: "Chiến Dịch".into(),
                fixed: "chien-dich".into(),
            },
            S::OrderNotWhole,
        ]
        .map(Message::from),
    );
    use FigureProblem as G;
    all.extend(
        [
            G::FutureFigure {
                date: date(2027, 1, 1),
                today: date(2026, 6, 10),
            },
            G::Overdue {
                campaign: "i-hatinh".into(),
                newest: Some(date(2026, 5, 29)),
                due: date(2026, 6, 8),
            },
            G::Overdue {
                campaign: "i-hatinh".into(),
                newest: None,
                due: date(2026, 6, 8),
            },
            G::StatedRateDiffers {
                stated: 5.5,
                computed: 4.4447,
                count: 1299,
                population: 29_226,
                base: Some(23_618.2),
            },
            G::StatedRateDiffers {
                stated: 0.0,
                computed: 4.4447,
                count: 1299,
                population: 29_226,
                base: None,
            },
            G::TargetCountDiffers {
                stated: 9000,
                computed: 8768,
                percent: 30.0,
                population: 29_226,
                base: Some(30_000.0),
            },
            G::TargetIncomparable,
        ]
        .map(Message::from),
    );
    all.push(Message::YamlSyntax {
        text: Text::new(
            "Dòng này thụt lề bằng phím Tab",
            "This line is indented with a Tab",
        ),
        hint: Text::new("thay Tab bằng dấu cách", "replace the Tab with spaces"),
    });
    all
}

/// `Field(NotText { found: Text })` → `Field::NotText`.
fn variant_name(message: &Message) -> String {
    let debug = format!("{message:?}");
    let cut = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_string()
    };
    match debug.split_once('(') {
        Some((area, inner)) => format!("{area}::{}", cut(inner)),
        None => cut(&debug),
    }
}

/// Codes several kinds of sentence share on purpose: the code names the
/// kind of problem (tools and CI annotations group by it), the sentence
/// says which field and what to write.
const SHARED_CODES: &[(&str, &[&str])] = &[
    (
        "wrong-type",
        &[
            "Field::NotADate",
            "Field::NotAList",
            "Field::NotAPercentage",
            "Field::NotAWholeNumber",
            "Field::NotText",
            "Field::NotTrueOrFalse",
            "Field::DecimalComma",
            "Field::PercentSign",
            "Site::OrderNotWhole",
        ],
    ),
    (
        "duplicate-id",
        &["Campaign::DuplicateIndicator", "Site::DuplicateApp"],
    ),
    (
        "unknown-indicator",
        &[
            "Campaign::UnknownHeadline",
            "Campaign::UnknownPhaseIndicator",
        ],
    ),
    (
        "malformed-id",
        &["Field::MalformedId", "Site::MalformedCampaignFileName"],
    ),
    (
        "malformed-email",
        &["Site::MalformedEmail", "Site::EmailWithExtra"],
    ),
];

#[test]
fn each_variant_has_its_own_code_unless_it_shares_one_on_purpose() {
    let mut variants: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for message in samples() {
        variants
            .entry(message.code())
            .or_default()
            .insert(variant_name(&message));
    }
    for (code, names) in &variants {
        let shared = SHARED_CODES.iter().find(|(c, _)| c == code);
        let expected: BTreeSet<String> = match shared {
            Some((_, names)) => names.iter().map(|n| n.to_string()).collect(),
            None => BTreeSet::from([names.iter().next().cloned().unwrap_or_default()]),
        };
        assert_eq!(names, &expected, "the variants with code `{code}`");
        assert!(
            !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "`{code}` is not a lowercase-dashed name"
        );
    }
}

#[test]
fn the_samples_cover_every_variant() {
    // One line a variant in each area's enum: a new variant without a sample
    // makes these counts differ.
    let names: BTreeSet<String> = samples().iter().map(variant_name).collect();
    let per_area = |area: &str| names.iter().filter(|n| n.starts_with(area)).count();
    let declared = |source: &str| {
        let text = std::fs::read_to_string(Path::new("src/messages").join(source)).unwrap();
        let body = text
            .split_once("Problem {\n")
            .and_then(|(_, rest)| rest.split_once("\n}\n"))
            .map(|(body, _)| body)
            .unwrap_or_default();
        body.lines()
            .filter(|line| {
                let line = line.strip_prefix("    ").unwrap_or("");
                line.starts_with(|c: char| c.is_ascii_uppercase())
            })
            .count()
    };
    assert_eq!(per_area("Field::"), declared("fields.rs"));
    assert_eq!(per_area("Campaign::"), declared("campaign.rs"));
    assert_eq!(per_area("Site::"), declared("site.rs"));
    assert_eq!(per_area("Figure::"), declared("figures.rs"));
    assert!(names.contains("YamlSyntax"));
}

#[test]
fn every_text_and_hint_is_said_in_both_languages() {
    for message in samples() {
        let words = message.words();
        for lang in [Vi, En] {
            let text = message.text(lang);
            assert!(!text.trim().is_empty(), "{message:?} in {lang:?}");
            assert_eq!(text, words.text.get(lang));
            if let Some(hint) = message.hint(lang) {
                assert!(!hint.trim().is_empty(), "{message:?} in {lang:?}");
            }
        }
        assert_ne!(
            words.text.vi, words.text.en,
            "{message:?} is not translated"
        );
        assert!(
            words.text.vi.chars().any(is_vietnamese_letter),
            "{message:?} has no Vietnamese sentence: {}",
            words.text.vi
        );
        if let Some(hint) = &words.hint {
            assert_ne!(hint.vi, hint.en, "{message:?}: its hint is not translated");
        }
    }
}

#[test]
fn every_message_but_the_type_mismatches_has_a_hint() {
    for message in samples() {
        let words = message.words();
        if words.code != "wrong-type" {
            assert!(words.hint.is_some(), "{message:?} has no hint");
        }
    }
}

#[test]
fn numbers_and_dates_in_each_language_style() {
    let above: Message = CampaignProblem::AbovePopulation {
        count: 30_000,
        population: 29_226,
    }
    .into();
    assert_eq!(
        above.text(Vi),
        "Số 30.000 lớn hơn tổng số 29.226 người của chỉ số"
    );
    assert_eq!(
        above.text(En),
        "30,000 is more than the indicator's population of 29,226"
    );
    let stated: Message = FigureProblem::StatedRateDiffers {
        stated: 5.5,
        computed: 4.4447,
        count: 1299,
        population: 29_226,
        base: Some(23_618.2),
    }
    .into();
    assert_eq!(
        stated.text(Vi),
        "Tỷ lệ ghi trong văn bản (5,50 %) khác tỷ lệ tính từ số liệu: 1.299/29.226 = 4,44 %"
    );
    assert_eq!(
        stated.hint(En).as_deref(),
        Some(
            "5.50% fits a population of about 23,618; check `population`, or the printed rate is wrong"
        )
    );
    let future: Message = FigureProblem::FutureFigure {
        date: date(2027, 1, 1),
        today: date(2026, 6, 10),
    }
    .into();
    assert!(
        future
            .text(Vi)
            .contains("ngày 1/1/2027, sau ngày hôm nay (10/6/2026)")
    );
    assert!(
        future
            .text(En)
            .contains("dated 1 January 2027, after today (10 June 2026)")
    );
    let grouped: Message = FieldProblem::SeparatorInCount {
        written: "29.226".into(),
        grouped: true,
    }
    .into();
    assert_eq!(
        grouped.hint(Vi).as_deref(),
        Some("nếu là 29.226 thì viết `29226` (không có dấu chấm hay dấu phẩy)")
    );
    assert_eq!(
        grouped.hint(En).as_deref(),
        Some("if you mean 29,226, write `29226` (no dot or comma)")
    );
}

/// A letter only Vietnamese writes: a vowel with a tone or a hat, or đ.
fn is_vietnamese_letter(c: char) -> bool {
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
