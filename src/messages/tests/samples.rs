//! One sample of every message variant, with each shape of data that
//! changes its words.

use chrono::NaiveDate;

use crate::messages::*;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Every variant of every area, with each shape of data that changes its
/// words (a hint or none, a near name or a list, an empty list).
pub fn samples() -> Vec<Message> {
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
            S::NoBaseUrl,
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
    {
        use FileProblem as L;
        all.extend(
            [
                L::DuplicateUrl {
                    url: "van-ban/".into(),
                    others: vec![OtherClaim::BuiltIn],
                },
                L::DuplicateUrl {
                    url: "van-ban/thong-bao/".into(),
                    others: vec![
                        OtherClaim::File("content/notices/thong-bao.md".into()),
                        OtherClaim::File("content/notices/Thong-bao.md".into()),
                    ],
                },
                L::HiddenAttachment {
                    path: ".an/959.pdf".into(),
                },
                L::AttachmentOutside {
                    path: "files/959.pdf".into(),
                    real: "/etc/passwd".into(),
                },
                L::MissingAttachment {
                    path: "files/959.pdf".into(),
                },
                L::MissingPicture {
                    path: "anh/so-do.png".into(),
                },
                L::PictureOutside {
                    path: "anh/so-do.png".into(),
                    real: "/home/x/so-do.png".into(),
                },
                L::NotAPicture {
                    path: "anh/so-do.png".into(),
                },
            ]
            .map(Message::from),
        );
    }
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
pub fn variant_name(message: &Message) -> String {
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
