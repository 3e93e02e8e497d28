use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;
use crate::vi::Lang::{En, Vi};
use samples::{date, samples, variant_name};
use scan::is_vietnamese_letter;

mod samples;
mod scan;

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
        "link-outside-site",
        &["File::AttachmentOutside", "File::PictureOutside"],
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
    assert_eq!(per_area("File::"), declared("files.rs"));
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
