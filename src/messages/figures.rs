//! What the derived figures show before publishing: a figure dated after
//! today, figures late by the reporting schedule, printed numbers the
//! counts contradict, a target the figures cannot be compared with.

use chrono::NaiveDate;

use super::{Words, int};
use crate::vi::Lang::{En, Vi};
use crate::vi::{format_date, format_int, format_percent};

#[derive(Debug, Clone, PartialEq)]
pub enum FigureProblem {
    FutureFigure {
        date: NaiveDate,
        today: NaiveDate,
    },
    /// The schedule wanted figures for `due`; `newest` is the last there is.
    Overdue {
        campaign: String,
        newest: Option<NaiveDate>,
        due: NaiveDate,
    },
    /// A figure's `stated_percent` against `count`/`population`; `base` is
    /// the population the printed rate fits, when there is one.
    StatedRateDiffers {
        stated: f64,
        computed: f64,
        count: u64,
        population: u64,
        base: Option<f64>,
    },
    /// A target's printed count against its percent of the population.
    TargetCountDiffers {
        stated: u64,
        computed: u64,
        percent: f64,
        population: u64,
        base: Option<f64>,
    },
    TargetIncomparable,
}

impl FigureProblem {
    pub fn words(&self) -> Words {
        use FigureProblem::*;
        match self {
            FutureFigure { date, today } => Words::new(
                "future-figure",
                format!(
                    "Số liệu ghi ngày {}, sau ngày hôm nay ({}): chưa ai có thể báo cáo số liệu này",
                    format_date(Vi, *date),
                    format_date(Vi, *today)
                ),
                format!(
                    "The figure is dated {}, after today ({}): nobody can have reported it yet",
                    format_date(En, *date),
                    format_date(En, *today)
                ),
            )
            .hint(
                format!("kiểm tra lại năm và tháng của `date` (hôm nay là `{today}`)"),
                format!("check the year and month of `date` (today is `{today}`)"),
            ),
            Overdue {
                campaign,
                newest,
                due,
            } => {
                let words = match newest {
                    Some(newest) => Words::new(
                        "figures-overdue",
                        format!(
                            "Số liệu đã cũ: mới nhất là ngày {}, theo lịch báo cáo phải có số liệu ngày {}",
                            format_date(Vi, *newest),
                            format_date(Vi, *due)
                        ),
                        format!(
                            "The figures are out of date: the newest is from {}, the schedule wanted figures for {}",
                            format_date(En, *newest),
                            format_date(En, *due)
                        ),
                    ),
                    None => Words::new(
                        "figures-overdue",
                        format!(
                            "Chưa có số liệu nào, dù theo lịch báo cáo phải có từ ngày {}",
                            format_date(Vi, *due)
                        ),
                        format!(
                            "There are no figures yet, though the schedule wanted them from {}",
                            format_date(En, *due)
                        ),
                    ),
                };
                words.hint(
                    format!(
                        "thêm số liệu mới vào `figures` (ví dụ `loaxa new figure {campaign} …`)"
                    ),
                    format!(
                        "add the new figures under `figures` (e.g. `loaxa new figure {campaign} …`)"
                    ),
                )
            }
            StatedRateDiffers {
                stated,
                computed,
                count,
                population,
                base,
            } => {
                let words = Words::new(
                    "stated-percent-differs",
                    format!(
                        "Tỷ lệ ghi trong văn bản ({}) khác tỷ lệ tính từ số liệu: {}/{} = {}",
                        format_percent(Vi, *stated),
                        int(Vi, *count),
                        int(Vi, *population),
                        format_percent(Vi, *computed)
                    ),
                    format!(
                        "The stated rate ({}) differs from the computed rate: {}/{} = {}",
                        format_percent(En, *stated),
                        int(En, *count),
                        int(En, *population),
                        format_percent(En, *computed)
                    ),
                );
                match base {
                    Some(base) => words.hint(
                        format!(
                            "tỷ lệ {} ứng với tổng số khoảng {} người; kiểm tra lại `population`, hoặc `stated_percent` in sai",
                            format_percent(Vi, *stated),
                            format_int(Vi, base.round() as i64)
                        ),
                        format!(
                            "{} fits a population of about {}; check `population`, or the printed rate is wrong",
                            format_percent(En, *stated),
                            format_int(En, base.round() as i64)
                        ),
                    ),
                    None => words.hint(
                        "kiểm tra lại tỷ lệ in trong văn bản",
                        "check the rate printed in the letter",
                    ),
                }
            }
            TargetCountDiffers {
                stated,
                computed,
                percent,
                population,
                base,
            } => {
                let base = base.map_or(0, |b| b.round() as i64);
                Words::new(
                    "target-disagrees",
                    format!(
                        "Số lượng mục tiêu {} không khớp với {} của {} (= {})",
                        int(Vi, *stated),
                        format_percent(Vi, *percent),
                        int(Vi, *population),
                        int(Vi, *computed)
                    ),
                    format!(
                        "The target count {} is not {} of {} (= {})",
                        int(En, *stated),
                        format_percent(En, *percent),
                        int(En, *population),
                        int(En, *computed)
                    ),
                )
                .hint(
                    format!(
                        "{} ứng với tổng số {} người; trang sẽ dùng {} và ghi chú số trong văn bản — kiểm tra lại `count` hoặc `population`",
                        int(Vi, *stated),
                        format_int(Vi, base),
                        int(Vi, *computed)
                    ),
                    format!(
                        "{} fits a population of {}; the page uses {} and notes the letter's number — check `count` or `population`",
                        int(En, *stated),
                        format_int(En, base),
                        int(En, *computed)
                    ),
                )
            }
            TargetIncomparable => Words::new(
                "target-incomparable",
                "Không so được số liệu với mục tiêu này: số liệu và mục tiêu tính theo hai cách khác nhau (tỷ lệ và số lượng, hoặc số còn lại) mà không có tổng số người",
                "The figures cannot be compared with this target: they are counted differently (a rate against a count, or people still to reach) and there is no population",
            )
            .hint(
                "thêm `population` (tổng số người) cho chỉ số, hoặc viết mục tiêu cùng cách với số liệu (ví dụ `target: { percent: 100 }` cho số còn lại)",
                "add the indicator's `population`, or write the target the way the figures are written (e.g. `target: { percent: 100 }` for people still to reach)",
            ),
        }
    }
}
