//! What the derived figures say that the commune must hear before
//! publishing: a figure dated after today (refused: it would publish a count
//! nobody reported yet and hide the overdue alert), figures late by the
//! reporting schedule, printed numbers the counts contradict, and figures
//! that cannot be compared with their target.

use chrono::NaiveDate;

use crate::derive::{CampaignFacts, Derived, Stated, Status};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::{Campaign, Site};
use crate::source::yaml::Pos;
use crate::vi::Lang::{En, Vi};
use crate::vi::{Lang, format_date, format_int, format_percent};

/// Adds every problem the derived figures show.
pub fn check(site: &Site, derived: &Derived, diags: &mut Diagnostics) {
    check_campaigns(&site.campaigns, derived, true, diags);
}

/// The same for campaigns read when the site as a whole has an error
/// (`whole` is false): what rests on the values that were read (dates,
/// printed numbers) is still reported in the same run; what could only come
/// from a field dropped by the error (late figures, a target that cannot be
/// compared) is left for the run after it is fixed.
pub fn check_campaigns(
    campaigns: &[Campaign],
    derived: &Derived,
    whole: bool,
    diags: &mut Diagnostics,
) {
    for c in campaigns {
        let Some(facts) = derived.campaign(&c.id) else {
            continue;
        };
        future_figures(c, derived.today, diags);
        if whole {
            overdue(c, facts, diags);
        }
        for (indicator, f) in c.indicators.iter().zip(&facts.indicators) {
            for stated in &f.stated {
                diags.push(stated_differs(c, stated));
            }
            if whole && f.progress.status == Status::Incomparable {
                let pos = indicator.target.as_ref().map_or(Pos::default(), |t| t.pos);
                diags.push(incomparable(c, pos));
            }
        }
    }
}

fn diagnostic(
    c: &Campaign,
    pos: Pos,
    severity: Severity,
    code: &'static str,
    message: Text,
    hint: Text,
) -> Diagnostic {
    Diagnostic {
        file: c.file.clone(),
        line: pos.line,
        column: pos.column,
        severity,
        code,
        message,
        hint: Some(hint),
    }
}

fn int(lang: Lang, n: u64) -> String {
    format_int(lang, i64::try_from(n).unwrap_or(i64::MAX))
}

fn future_figures(c: &Campaign, today: NaiveDate, diags: &mut Diagnostics) {
    for figure in c
        .indicators
        .iter()
        .flat_map(|i| &i.figures)
        .filter(|f| f.date > today)
    {
        diags.push(diagnostic(
            c,
            figure.pos,
            Severity::Error,
            "future-figure",
            Text::new(
                format!(
                    "Số liệu ghi ngày {}, sau ngày hôm nay ({}): chưa ai có thể báo cáo số liệu này",
                    format_date(Vi, figure.date),
                    format_date(Vi, today)
                ),
                format!(
                    "The figure is dated {}, after today ({}): nobody can have reported it yet",
                    format_date(En, figure.date),
                    format_date(En, today)
                ),
            ),
            Text::new(
                format!(
                    "kiểm tra lại năm và tháng của `date` (hôm nay là `{today}`)"
                ),
                format!("check the year and month of `date` (today is `{today}`)"),
            ),
        ));
    }
}

fn overdue(c: &Campaign, facts: &CampaignFacts, diags: &mut Diagnostics) {
    let (Some(due), Some(reporting)) = (facts.overdue, &c.reporting) else {
        return;
    };
    let (vi, en) = match facts.newest {
        Some(n) => (
            format!(
                "Số liệu đã cũ: mới nhất là ngày {}, theo lịch báo cáo phải có số liệu ngày {}",
                format_date(Vi, n),
                format_date(Vi, due)
            ),
            format!(
                "The figures are out of date: the newest is from {}, the schedule wanted figures for {}",
                format_date(En, n),
                format_date(En, due)
            ),
        ),
        None => (
            format!(
                "Chưa có số liệu nào, dù theo lịch báo cáo phải có từ ngày {}",
                format_date(Vi, due)
            ),
            format!(
                "There are no figures yet, though the schedule wanted them from {}",
                format_date(En, due)
            ),
        ),
    };
    diags.push(diagnostic(
        c,
        reporting.pos,
        Severity::Warning,
        "figures-overdue",
        Text::new(vi, en),
        Text::new(
            format!(
                "thêm số liệu mới vào `figures` (ví dụ `loaxa new figure {} …`)",
                c.id
            ),
            format!(
                "add the new figures under `figures` (e.g. `loaxa new figure {} …`)",
                c.id
            ),
        ),
    ));
}

fn stated_differs(c: &Campaign, stated: &Stated) -> Diagnostic {
    match stated {
        Stated::Rate {
            stated,
            computed,
            count,
            population,
            base,
            pos,
            ..
        } => {
            let hint = match base {
                Some(base) => Text::new(
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
                None => Text::new(
                    "kiểm tra lại tỷ lệ in trong văn bản",
                    "check the rate printed in the letter",
                ),
            };
            diagnostic(
                c,
                *pos,
                Severity::Warning,
                "stated-percent-differs",
                Text::new(
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
                ),
                hint,
            )
        }
        Stated::TargetCount {
            stated,
            computed,
            percent,
            population,
            base,
            pos,
        } => {
            let base = base.map_or(0, |b| b.round() as i64);
            diagnostic(
                c,
                *pos,
                Severity::Warning,
                "target-disagrees",
                Text::new(
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
                ),
                Text::new(
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
                ),
            )
        }
    }
}

fn incomparable(c: &Campaign, pos: Pos) -> Diagnostic {
    diagnostic(
        c,
        pos,
        Severity::Warning,
        "target-incomparable",
        Text::new(
            "Không so được số liệu với mục tiêu này: số liệu và mục tiêu tính theo hai cách khác nhau (tỷ lệ và số lượng, hoặc số còn lại) mà không có tổng số người",
            "The figures cannot be compared with this target: they are counted differently (a rate against a count, or people still to reach) and there is no population",
        ),
        Text::new(
            "thêm `population` (tổng số người) cho chỉ số, hoặc viết mục tiêu cùng cách với số liệu (ví dụ `target: { percent: 100 }` cho số còn lại)",
            "add the indicator's `population`, or write the target the way the figures are written (e.g. `target: { percent: 100 }` for people still to reach)",
        ),
    )
}
