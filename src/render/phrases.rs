//! Sentences the generator writes about the numbers, in the site's language.
//! (Template-only words live in `words.rs`.)

use chrono::NaiveDate;

use crate::derive::{Measure, Quantity, Status};
use crate::vi::{Lang, format_date, format_int, format_percent};

pub fn status_label(lang: Lang, status: Status) -> &'static str {
    match (lang, status) {
        (Lang::Vi, Status::NoTarget) => "Chưa đặt chỉ tiêu",
        (Lang::Vi, Status::NotStarted) => "Chưa bắt đầu",
        (Lang::Vi, Status::NoFigures) => "Chưa có số liệu",
        (Lang::Vi, Status::Incomparable) => "Chưa so được với chỉ tiêu",
        (Lang::Vi, Status::Reached) => "Đã đạt chỉ tiêu",
        (Lang::Vi, Status::EndedNotReached) => "Hết hạn, chưa đạt chỉ tiêu",
        (Lang::Vi, Status::NotEnoughData) => "Chưa đủ số liệu để đánh giá tiến độ",
        (Lang::Vi, Status::InProgress) => "Đang thực hiện",
        (Lang::Vi, Status::OnTrack) => "Đúng tiến độ",
        (Lang::Vi, Status::Behind) => "Chậm tiến độ",
        (Lang::En, Status::NoTarget) => "No target set",
        (Lang::En, Status::NotStarted) => "Not started yet",
        (Lang::En, Status::NoFigures) => "No figures yet",
        (Lang::En, Status::Incomparable) => "Cannot be compared with the target",
        (Lang::En, Status::Reached) => "Target reached",
        (Lang::En, Status::EndedNotReached) => "Deadline passed, target not reached",
        (Lang::En, Status::NotEnoughData) => "Not enough figures to judge progress",
        (Lang::En, Status::InProgress) => "In progress",
        (Lang::En, Status::OnTrack) => "On track",
        (Lang::En, Status::Behind) => "Behind schedule",
    }
}

/// A quantity in the measure's unit: "7.469 tài khoản", "47 điểm phần trăm".
pub fn amount(lang: Lang, value: Quantity, unit: &str) -> String {
    match value {
        Quantity::People(n) => {
            format!(
                "{} {unit}",
                format_int(lang, i64::try_from(n).unwrap_or(i64::MAX))
            )
        }
        Quantity::Points(x) => match lang {
            Lang::Vi => format!("{} điểm phần trăm", trim_percent(lang, x)),
            Lang::En => format!("{} percentage points", trim_percent(lang, x)),
        },
    }
}

/// A per-day pace: "≈ 35 tài khoản/ngày", or in percentage points.
pub fn per_day(lang: Lang, measure: Measure, value: f64, unit: &str) -> String {
    let unit = match (lang, measure) {
        (Lang::Vi, Measure::Points) => "điểm %",
        (Lang::En, Measure::Points) => "points",
        _ => unit,
    };
    crate::vi::format_per_day(lang, value, unit)
}

fn trim_percent(lang: Lang, value: f64) -> String {
    format_percent(lang, value)
        .trim_end_matches(['%', ' '])
        .to_string()
}

pub fn days_left(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (Lang::Vi, 0) => "hôm nay là hạn cuối".into(),
        (Lang::Vi, d) if d > 0 => format!("còn {} ngày", format_int(lang, d)),
        (Lang::Vi, d) => format!("đã quá hạn {} ngày", format_int(lang, -d)),
        (Lang::En, 0) => "today is the last day".into(),
        (Lang::En, 1) => "1 day left".into(),
        (Lang::En, d) if d > 0 => format!("{} days left", format_int(lang, d)),
        (Lang::En, -1) => "1 day overdue".into(),
        (Lang::En, d) => format!("{} days overdue", format_int(lang, -d)),
    }
}

pub fn period(lang: Lang, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!(
            "{} – {}",
            format_date(lang, s),
            format_date(lang, e)
        )),
        (Some(s), None) => Some(match lang {
            Lang::Vi => format!("từ {}", format_date(lang, s)),
            Lang::En => format!("from {}", format_date(lang, s)),
        }),
        (None, Some(e)) => Some(match lang {
            Lang::Vi => format!("đến {}", format_date(lang, e)),
            Lang::En => format!("until {}", format_date(lang, e)),
        }),
        (None, None) => None,
    }
}

/// Labels of the derived facts, in reading order.
pub struct FactLabels {
    pub needed: &'static str,
    /// After the deadline: how far the figure fell short.
    pub shortfall: &'static str,
    pub days_left: &'static str,
    pub pace: &'static str,
    pub pace_needed: &'static str,
    pub projected: &'static str,
    pub rank: &'static str,
    pub updated: &'static str,
}

pub fn fact_labels(lang: Lang) -> FactLabels {
    match lang {
        Lang::Vi => FactLabels {
            needed: "Còn cần thêm",
            shortfall: "Còn thiếu so với chỉ tiêu",
            days_left: "Thời hạn",
            pace: "Tốc độ hiện nay",
            pace_needed: "Tốc độ cần đạt",
            projected: "Dự kiến đạt chỉ tiêu",
            rank: "Xếp hạng",
            updated: "Cập nhật",
        },
        Lang::En => FactLabels {
            needed: "Still needed",
            shortfall: "Short of the target by",
            days_left: "Time left",
            pace: "Current pace",
            pace_needed: "Pace needed",
            projected: "Projected to reach the target",
            rank: "Rank",
            updated: "Updated",
        },
    }
}

pub fn rank(lang: Lang, position: u64, of: u64) -> String {
    match lang {
        Lang::Vi => format!("thứ {position}/{of} xã, phường trong tỉnh"),
        Lang::En => format!("{position} of {of} communes in the province"),
    }
}

pub fn share_of_target(lang: Lang, share: f64, approximate: bool) -> String {
    let percent = format_percent(lang, share * 100.0);
    match (lang, approximate) {
        (Lang::Vi, false) => format!("Đạt {percent} chỉ tiêu"),
        (Lang::Vi, true) => format!("Đạt khoảng {percent} chỉ tiêu"),
        (Lang::En, false) => format!("{percent} of the target"),
        (Lang::En, true) => format!("About {percent} of the target"),
    }
}

pub fn about(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "khoảng",
        Lang::En => "about",
    }
}

pub fn overdue(lang: Lang, latest: Option<NaiveDate>, due: NaiveDate) -> String {
    match (lang, latest) {
        (Lang::Vi, Some(l)) => format!(
            "Số liệu mới nhất là ngày {}; theo lịch báo cáo, đáng lẽ đã có số liệu ngày {}.",
            format_date(lang, l),
            format_date(lang, due)
        ),
        (Lang::Vi, None) => format!(
            "Chưa có số liệu nào, dù theo lịch báo cáo đáng lẽ đã có từ ngày {}.",
            format_date(lang, due)
        ),
        (Lang::En, Some(l)) => format!(
            "The newest figures are from {}; by the reporting schedule, figures for {} were due.",
            format_date(lang, l),
            format_date(lang, due)
        ),
        (Lang::En, None) => format!(
            "No figures yet, though by the reporting schedule they were due from {}.",
            format_date(lang, due)
        ),
    }
}
