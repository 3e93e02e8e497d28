//! The words every surface uses for an indicator's figures — the campaign
//! page, the home card, the widget, the poster, the share image, chart
//! titles, the feed — so none can say it differently. A `remaining` series
//! is always worded as what is not yet done; an approximate figure always
//! keeps "khoảng".

use crate::derive::{Goal, IndicatorFacts, Measure, Progress, Reported, Resolved, Status};
use crate::model::Indicator;
use crate::render::phrases as ph;
use crate::vi::{Lang, format_date, format_int, format_percent};

pub fn default_unit(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "người",
        Lang::En => "people",
    }
}

pub fn unit_of(lang: Lang, indicator: &Indicator) -> String {
    indicator
        .unit
        .clone()
        .unwrap_or_else(|| default_unit(lang).into())
}

fn int(lang: Lang, n: u64) -> String {
    format_int(lang, i64::try_from(n).unwrap_or(i64::MAX))
}

/// Whether a figure is people still to reach, without a population to
/// turn it into people reached.
fn counts_remaining(r: &Resolved) -> bool {
    r.count.is_none() && r.remaining.is_some()
}

/// An indicator's latest figure in words.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureText {
    /// What the number counts: the label, or for people still to reach the
    /// indicator's `remaining_label` ("… chưa kích hoạt …").
    pub what: String,
    /// The big number alone: "4,44 %", "1.299", "6.516".
    pub figure: String,
    /// "khoảng" goes before the figure.
    pub approximate: bool,
    /// The number as a phrase, "khoảng" included: "khoảng 3 %", "còn 6.516 người".
    pub figure_phrase: String,
    /// The sentence under the number: "1.299/29.226 tài khoản, ngày 29/5/2026",
    /// "người còn chưa đạt, ngày 15/4/2026".
    pub detail: String,
}

impl FigureText {
    /// "What: figure (detail)" on one line, for chart titles, the feed,
    /// text alternatives.
    pub fn line(&self) -> String {
        format!("{}: {} ({})", self.what, self.figure_phrase, self.detail)
    }
}

pub fn what(lang: Lang, indicator: &Indicator, p: &Progress) -> String {
    what_of(lang, indicator, p.latest.as_ref())
}

fn what_of(lang: Lang, indicator: &Indicator, figure: Option<&Resolved>) -> String {
    if !figure.is_some_and(counts_remaining) {
        return indicator.label.clone();
    }
    indicator
        .remaining_label
        .clone()
        .unwrap_or_else(|| match lang {
            Lang::Vi => format!("{} — số còn chưa đạt", indicator.label),
            Lang::En => format!("{} — still to go", indicator.label),
        })
}

/// The latest figure in words; `None` without figures.
pub fn figure_text(lang: Lang, indicator: &Indicator, p: &Progress) -> Option<FigureText> {
    Some(figure_text_of(lang, indicator, &p.latest?))
}

/// Any one figure of the series in words (the feed has an entry for each).
pub fn figure_text_of(lang: Lang, indicator: &Indicator, latest: &Resolved) -> FigureText {
    let latest = *latest;
    let unit = unit_of(lang, indicator);
    let figure = big_number(lang, &latest);
    let about = if latest.approximate {
        format!("{} ", ph::about(lang))
    } else {
        String::new()
    };
    let date = format_date(lang, latest.date);
    let remaining = counts_remaining(&latest);
    let figure_phrase = match (remaining, lang) {
        (true, Lang::Vi) => format!("còn {about}{figure} {unit}"),
        (true, Lang::En) => format!("{about}{figure} {unit} still to go"),
        (false, _) => format!("{about}{figure}"),
    };
    FigureText {
        what: what_of(lang, indicator, Some(&latest)),
        approximate: latest.approximate,
        figure,
        figure_phrase,
        detail: detail(lang, &latest, &unit, &date),
    }
}

/// The big number of a figure: its rate when known, else its count, else
/// the number still to reach.
fn big_number(lang: Lang, latest: &Resolved) -> String {
    match (latest.percent, latest.count, latest.remaining) {
        (Some(p), _, _) => format_percent(lang, p),
        (None, Some(c), _) => int(lang, c),
        (None, None, Some(r)) => int(lang, r),
        _ => "—".into(),
    }
}

fn detail(lang: Lang, latest: &Resolved, unit: &str, date: &str) -> String {
    let remaining_reported = latest.reported == Reported::Remaining;
    match (lang, latest.count, latest.population, latest.remaining) {
        (Lang::Vi, Some(c), Some(p), Some(r)) if remaining_reported => format!(
            "{}/{} {unit}, còn {} {unit} chưa đạt, ngày {date}",
            int(lang, c),
            int(lang, p),
            int(lang, r)
        ),
        (Lang::En, Some(c), Some(p), Some(r)) if remaining_reported => format!(
            "{} of {} {unit}, {} still to go, on {date}",
            int(lang, c),
            int(lang, p),
            int(lang, r)
        ),
        (Lang::Vi, Some(c), Some(p), _) => {
            format!("{}/{} {unit}, ngày {date}", int(lang, c), int(lang, p))
        }
        (Lang::En, Some(c), Some(p), _) => {
            format!("{} of {} {unit}, on {date}", int(lang, c), int(lang, p))
        }
        (Lang::Vi, Some(_), None, _) => format!("{unit}, ngày {date}"),
        (Lang::En, Some(_), None, _) => format!("{unit}, on {date}"),
        // What the number counts already says "not yet" (see `what`).
        (Lang::Vi, None, _, Some(_)) => format!("{unit}, ngày {date}"),
        (Lang::En, None, _, Some(_)) => format!("{unit}, on {date}"),
        (Lang::Vi, None, _, None) => format!("tỷ lệ báo cáo ngày {date}"),
        (Lang::En, None, _, None) => format!("rate reported on {date}"),
    }
}

/// "30 % (8.768 tài khoản) trước 31/12/2026"; for people still to reach
/// without a population, "không còn ai chưa đạt (100 %) trước 15/5/2026".
pub fn target_text(lang: Lang, goal: &Goal, unit: &str, remaining: bool) -> Option<String> {
    let amount = match (goal.percent, goal.count) {
        _ if remaining => match lang {
            Lang::Vi => format!("không còn {unit} nào chưa đạt (100 %)"),
            Lang::En => format!("no {unit} left to reach (100 %)"),
        },
        (Some(p), Some(c)) => format!("{} ({} {unit})", format_percent(lang, p), int(lang, c)),
        (Some(p), None) => format_percent(lang, p),
        (None, Some(c)) => format!("{} {unit}", int(lang, c)),
        (None, None) => return None,
    };
    Some(match (lang, goal.by) {
        (Lang::Vi, Some(by)) => format!("{amount} trước {}", format_date(lang, by)),
        (Lang::En, Some(by)) => format!("{amount} by {}", format_date(lang, by)),
        (_, None) => amount,
    })
}

/// The target of an indicator, naming whom it is for — on surfaces that
/// show several indicators' targets side by side (poster, share image).
pub fn named_target(lang: Lang, indicator: &Indicator, p: &Progress) -> Option<String> {
    let target = indicator_target(lang, indicator, p)?;
    Some(format!("{} — {}", target, indicator.label))
}

pub fn indicator_target(lang: Lang, indicator: &Indicator, p: &Progress) -> Option<String> {
    let goal = p.goal.as_ref()?;
    let remaining = p.measure == Some(Measure::Remaining);
    target_text(lang, goal, &unit_of(lang, indicator), remaining)
}

/// The progress bar's words, from the same share as its fill.
pub fn progress_label(lang: Lang, indicator: &Indicator, facts: &IndicatorFacts) -> Option<String> {
    let p = &facts.progress;
    let share = p.share?;
    if p.measure != Some(Measure::Remaining) {
        let approximate = p.latest.is_some_and(|l| l.approximate);
        return Some(ph::share_of_target(lang, share, approximate));
    }
    let (done, since) = (p.done_since_baseline?, p.baseline?.date);
    let unit = unit_of(lang, indicator);
    let since = format_date(lang, since);
    let percent = format_percent(lang, share * 100.0);
    Some(match lang {
        Lang::Vi => format!(
            "Thêm {} {unit} đã đạt từ ngày {since} ({percent} số chưa đạt lúc đó)",
            format_int(lang, done)
        ),
        Lang::En => format!(
            "{} more {unit} reached since {since} ({percent} of those still to go then)",
            format_int(lang, done)
        ),
    })
}

/// The status in words, with what it rests on when that helps a reader:
/// "Hết hạn 18/8/2025, chưa đạt chỉ tiêu: còn thiếu 165 tài khoản".
pub fn status_detail(lang: Lang, indicator: &Indicator, p: &Progress) -> Option<String> {
    let unit = unit_of(lang, indicator);
    let measure = p.measure?;
    let needed = p.needed?;
    match p.status {
        Status::EndedNotReached => {
            let by = format_date(lang, p.goal?.by?);
            let short = ph::amount(lang, needed, &unit);
            Some(match (lang, measure) {
                (Lang::Vi, Measure::Remaining) => {
                    format!("Đến hạn {by} vẫn còn {short} chưa đạt.")
                }
                (Lang::En, Measure::Remaining) => {
                    format!("At the deadline, {by}, {short} were still to go.")
                }
                (Lang::Vi, _) => format!("Đến hạn {by} còn thiếu {short} so với chỉ tiêu."),
                (Lang::En, _) => format!("At the deadline, {by}, the target was {short} short."),
            })
        }
        Status::NotStarted => p.goal.and_then(|g| g.by).map(|_| match lang {
            Lang::Vi => "Chiến dịch chưa bắt đầu.".to_string(),
            Lang::En => "The campaign has not started yet.".to_string(),
        }),
        _ => None,
    }
}

/// Whether the status is one that the figures' trend decides, for the
/// facts worth showing beside it.
pub fn is_running(status: Status) -> bool {
    matches!(
        status,
        Status::OnTrack | Status::Behind | Status::InProgress | Status::NotEnoughData
    )
}
