//! A campaign file: its dates, reporting schedule, indicators, figures,
//! ranks and phases.

use chrono::NaiveDate;

use super::{Words, did_you_mean, int};
use crate::vi::Lang::{En, Vi};
use crate::vi::format_date;

#[derive(Debug, Clone, PartialEq)]
pub enum CampaignProblem {
    DeadlineBeforeStart,
    /// `headline:` names no indicator; `near` is the closest of `indicators`.
    UnknownHeadline {
        id: String,
        near: Option<String>,
        indicators: Vec<String>,
    },
    /// `every:` as written, its items joined.
    MalformedSchedule {
        written: String,
    },
    MalformedTime {
        written: String,
    },
    NoIndicators,
    DuplicateIndicator {
        id: String,
    },
    EmptyTarget,
    /// `first_line`: where the figure of that date already is.
    DuplicateDate {
        date: NaiveDate,
        first_line: usize,
    },
    /// A figure with none of `count`, `percent`, `remaining` (`given` empty),
    /// or with several.
    FigureValues {
        given: Vec<&'static str>,
    },
    AbovePopulation {
        count: u64,
        population: u64,
    },
    MalformedRank {
        position: u64,
        of: u64,
    },
    PhaseEndsBeforeStart {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// A phase's target for an indicator the campaign does not have.
    UnknownPhaseIndicator {
        id: String,
        near: Option<String>,
        indicators: Vec<String>,
    },
}

impl CampaignProblem {
    pub fn words(&self) -> Words {
        use CampaignProblem::*;
        match self {
            DeadlineBeforeStart => Words::new(
                "deadline-before-start",
                "Hạn chót sớm hơn ngày bắt đầu",
                "The deadline is before the start",
            )
            .hint(
                "kiểm tra lại `start` và `deadline`",
                "check `start` and `deadline`",
            ),
            UnknownHeadline {
                id,
                near,
                indicators,
            } => {
                let words = Words::new(
                    "unknown-indicator",
                    format!("`headline` nêu chỉ số `{id}` không có trong chiến dịch"),
                    format!("`headline` names `{id}`, which is not an indicator of the campaign"),
                );
                match near {
                    Some(near) => words.hint_text(did_you_mean(near)),
                    None => words.hint(
                        format!("các chỉ số của chiến dịch: {}", indicators.join(", ")),
                        format!("the campaign's indicators are: {}", indicators.join(", ")),
                    ),
                }
            }
            MalformedSchedule { written } => Words::new(
                "malformed-schedule",
                format!("Lịch báo cáo `{written}` không hợp lệ"),
                format!("The reporting schedule `{written}` is not valid"),
            )
            .hint(
                "viết tên thứ bằng tiếng Anh như `[monday, thursday]`, hoặc `[daily]` (hằng ngày), `[weekly]` (hằng tuần)",
                "write weekday names such as `[monday, thursday]`, or `[daily]`, or `[weekly]`",
            ),
            MalformedTime { written } => Words::new(
                "malformed-time",
                format!("`{written}` không phải là giờ dạng GIỜ:PHÚT"),
                format!("`{written}` is not a time as HOURS:MINUTES"),
            )
            .hint(
                "viết giờ trong dấu ngoặc kép, ví dụ `\"14:00\"`",
                "write the time in quotes, e.g. `\"14:00\"`",
            ),
            NoIndicators => Words::new(
                "no-indicators",
                "Chiến dịch cần ít nhất một chỉ số",
                "A campaign needs at least one indicator",
            )
            .hint(
                "thêm một mục `- id: …` với `label: …`",
                "add an item `- id: …` with `label: …`",
            ),
            DuplicateIndicator { id } => Words::new(
                "duplicate-id",
                format!("Mã chỉ số `{id}` bị trùng"),
                format!("The indicator id `{id}` is used twice"),
            )
            .hint(
                "đặt cho mỗi chỉ số một mã riêng trong chiến dịch",
                "give each indicator its own id in the campaign",
            ),
            EmptyTarget => Words::new(
                "empty-target",
                "Mục tiêu cần `percent` hoặc `count`",
                "A target needs `percent` or `count`",
            )
            .hint(
                "ví dụ `target: { percent: 30 }`",
                "for example `target: { percent: 30 }`",
            ),
            DuplicateDate { date, first_line } => Words::new(
                "duplicate-date",
                format!(
                    "Đã có số liệu ngày {} (dòng {first_line})",
                    format_date(Vi, *date)
                ),
                format!(
                    "There is already a figure for {} (line {first_line})",
                    format_date(En, *date)
                ),
            )
            .hint(
                "mỗi ngày chỉ ghi một số liệu: sửa ngày, hoặc xóa một trong hai mục",
                "one figure per date: fix the date, or remove one of the two",
            ),
            FigureValues { given } => {
                let words = if given.is_empty() {
                    Words::new(
                        "figure-value",
                        "Số liệu thiếu giá trị: cần một trong `count`, `percent`, `remaining`",
                        "The figure has no value: it needs one of `count`, `percent`, `remaining`",
                    )
                } else {
                    Words::new(
                        "figure-value",
                        format!(
                            "Số liệu có nhiều giá trị cùng lúc ({}): chỉ được một",
                            given.join(", ")
                        ),
                        format!(
                            "The figure has several values ({}): only one is allowed",
                            given.join(", ")
                        ),
                    )
                };
                words.hint(
                    "`count` là số đã làm, `percent` là tỷ lệ, `remaining` là số còn lại chưa làm",
                    "`count` is how many have done it, `percent` a rate, `remaining` how many have not yet",
                )
            }
            AbovePopulation { count, population } => Words::new(
                "above-population",
                format!(
                    "Số {} lớn hơn tổng số {} người của chỉ số",
                    int(Vi, *count),
                    int(Vi, *population)
                ),
                format!(
                    "{} is more than the indicator's population of {}",
                    int(En, *count),
                    int(En, *population)
                ),
            )
            .hint(
                "kiểm tra lại số liệu, hoặc ghi `population` đúng cho ngày đó",
                "check the figure, or give the right `population` for that date",
            ),
            MalformedRank { position, of } => Words::new(
                "malformed-rank",
                format!("Thứ hạng {position}/{of} không hợp lệ"),
                format!("The rank {position}/{of} is not valid"),
            )
            .hint(
                "`position` từ 1 đến `of`, ví dụ `{ position: 45, of: 69 }`",
                "`position` from 1 to `of`, e.g. `{ position: 45, of: 69 }`",
            ),
            PhaseEndsBeforeStart { start, end } => Words::new(
                "phase-ends-before-start",
                format!(
                    "Đợt kết thúc ({}) trước khi bắt đầu ({})",
                    format_date(Vi, *end),
                    format_date(Vi, *start)
                ),
                format!(
                    "The phase ends ({}) before it starts ({})",
                    format_date(En, *end),
                    format_date(En, *start)
                ),
            )
            .hint(
                "kiểm tra lại `start` và `end` của đợt",
                "check the phase's `start` and `end`",
            ),
            UnknownPhaseIndicator {
                id,
                near,
                indicators,
            } => {
                let words = Words::new(
                    "unknown-indicator",
                    format!("Đợt đặt mục tiêu cho chỉ số `{id}` không có trong chiến dịch"),
                    format!(
                        "The phase sets a target for `{id}`, which is not an indicator of the campaign"
                    ),
                );
                match near {
                    Some(near) => words.hint_text(did_you_mean(near)),
                    None if indicators.is_empty() => words.hint(
                        "chiến dịch chưa có chỉ số nào: khai báo chỉ số trong `indicators` trước",
                        "the campaign has no indicators yet: declare them under `indicators` first",
                    ),
                    None => words.hint(
                        format!("các chỉ số của chiến dịch: {}", indicators.join(", ")),
                        format!("the campaign's indicators are: {}", indicators.join(", ")),
                    ),
                }
            }
        }
    }
}
