//! One indicator's section of a campaign page: headline, status, progress,
//! derived facts, notes on printed numbers, chart and table, breakdowns.
//! Everything said about the numbers comes from [`IndicatorFacts`].

use crate::derive::{IndicatorFacts, Progress, Stated, Status};
use crate::model::{Campaign, Indicator, Reading};
use crate::render::figure_text::{self as ft, unit_of};
use crate::render::phrases as ph;
use crate::render::views::{Fact, FigureTable, IndicatorView, ProgressView, StatusView};
use crate::render::{breakdown, indicator_chart};
use crate::vi::{Lang, format_date, format_decimal, format_int, format_percent};

pub fn status_view(lang: Lang, status: Status) -> StatusView {
    StatusView {
        code: status.code().into(),
        label: ph::status_label(lang, status).into(),
    }
}

pub fn progress_view(
    lang: Lang,
    indicator: &Indicator,
    facts: &IndicatorFacts,
) -> Option<ProgressView> {
    let share = facts.progress.share?;
    Some(ProgressView {
        fill: (share * 1000.0).round() / 10.0,
        label: ft::progress_label(lang, indicator, facts)?,
    })
}

pub fn indicator_view(
    lang: Lang,
    campaign: &Campaign,
    indicator: &Indicator,
    facts: &IndicatorFacts,
) -> IndicatorView {
    let p = &facts.progress;
    let unit = unit_of(lang, indicator);
    let text = ft::figure_text(lang, indicator, p);
    IndicatorView {
        anchor: format!("chi-so-{}", indicator.id),
        label: ft::what(lang, indicator, p),
        unit: indicator.unit.clone(),
        status: status_view(lang, p.status),
        status_detail: ft::status_detail(lang, indicator, p),
        headline: text.as_ref().map(|t| t.figure.clone()),
        headline_detail: text.as_ref().map(|t| t.detail.clone()),
        approximate: text.as_ref().is_some_and(|t| t.approximate),
        progress: progress_view(lang, indicator, facts),
        target: ft::indicator_target(lang, indicator, p),
        facts: derived_facts(lang, p, &unit),
        rank: indicator
            .figures
            .iter()
            .rev()
            .find_map(|f| f.rank)
            .map(|r| ph::rank(lang, r.position, r.of)),
        updated: p.latest.map(|l| format_date(lang, l.date)),
        updated_iso: p.latest.map(|l| l.date.to_string()),
        chart_svg: Some(indicator_chart::svg(lang, campaign, indicator, p)),
        table: figure_table(lang, indicator, p, &unit),
        breakdowns: facts
            .breakdowns
            .iter()
            .enumerate()
            .map(|(i, b)| breakdown::view(lang, indicator, b, i))
            .collect(),
        notes: notes(lang, facts),
    }
}

/// The facts beside the figure. Each is shown only where the status says
/// it means something: no pace or projection once the deadline has passed,
/// no "still needed" once reached.
fn derived_facts(lang: Lang, p: &Progress, unit: &str) -> Vec<Fact> {
    let labels = ph::fact_labels(lang);
    let mut facts = Vec::new();
    let mut push = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            facts.push(Fact {
                label: label.into(),
                value,
            });
        }
    };
    let needed_label = match p.status {
        Status::EndedNotReached => labels.shortfall,
        _ => labels.needed,
    };
    push(
        needed_label,
        p.needed
            .filter(|n| !n.is_zero())
            .map(|n| ph::amount(lang, n, unit)),
    );
    let measure = p.measure;
    let per_day = |x: f64| measure.map(|m| ph::per_day(lang, m, x, unit));
    if p.status != Status::Reached {
        push(
            labels.days_left,
            p.days_left.map(|d| ph::days_left(lang, d)),
        );
    }
    push(labels.pace, p.pace.and_then(per_day));
    push(labels.pace_needed, p.pace_needed.and_then(per_day));
    push(labels.projected, p.projected.map(|d| format_date(lang, d)));
    facts
}

fn figure_table(lang: Lang, indicator: &Indicator, p: &Progress, unit: &str) -> FigureTable {
    let has = |f: &dyn Fn(&crate::derive::Resolved) -> bool| p.series.iter().any(f);
    let show_count = has(&|r| r.count.is_some());
    let show_rate = has(&|r| r.percent.is_some());
    let show_remaining = has(&|r| r.remaining.is_some());
    let show_rank = indicator.figures.iter().any(|f| f.rank.is_some());
    let show_source = indicator.figures.iter().any(|f| f.source.is_some());
    let h = table_headers(lang);
    let mut headers = vec![h[0].to_string()];
    for (show, header) in [
        (show_count, h[1]),
        (show_rate, h[2]),
        (show_remaining, h[3]),
        (show_rank, h[4]),
        (show_source, h[5]),
    ] {
        if show {
            headers.push(header.replace("{unit}", unit));
        }
    }
    let rows = p
        .series
        .iter()
        .zip(&indicator.figures)
        .rev()
        .map(|(r, f)| {
            let about = |derived: bool| {
                if r.approximate || derived && matches!(f.reading, Reading::Percent(_)) {
                    format!("{} ", ph::about(lang))
                } else {
                    String::new()
                }
            };
            let int = |x: u64| format_int(lang, i64::try_from(x).unwrap_or(i64::MAX));
            let mut row = vec![format_date(lang, r.date)];
            if show_count {
                let derived = !matches!(f.reading, Reading::Count(_));
                row.push(
                    r.count
                        .map_or("—".into(), |c| format!("{}{}", about(derived), int(c))),
                );
            }
            if show_rate {
                row.push(r.percent.map_or("—".into(), |x| {
                    format!("{}{}", about(false), format_percent(lang, x))
                }));
            }
            if show_remaining {
                let derived = !matches!(f.reading, Reading::Remaining(_));
                row.push(
                    r.remaining
                        .map_or("—".into(), |x| format!("{}{}", about(derived), int(x))),
                );
            }
            if show_rank {
                row.push(f.rank.map_or("—".into(), |k| {
                    format!("{}/{}", int(k.position), int(k.of))
                }));
            }
            if show_source {
                row.push(f.source.clone().unwrap_or_else(|| "—".into()));
            }
            row
        })
        .collect();
    // What the figures count: for people still to reach, worded as not yet done.
    let what = ft::what(lang, indicator, p);
    FigureTable {
        caption: match lang {
            Lang::Vi => format!("Số liệu theo ngày: {what}"),
            Lang::En => format!("Figures by date: {what}"),
        },
        headers,
        rows,
    }
}

fn table_headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Vi => [
            "Ngày",
            "Số {unit}",
            "Tỷ lệ",
            "Chưa thực hiện",
            "Xếp hạng",
            "Nguồn",
        ],
        Lang::En => ["Date", "{unit}", "Rate", "Not yet done", "Rank", "Source"],
    }
}

/// What readers should know about the numbers a letter printed: each one
/// the counts contradict, and the population that would explain them all.
pub fn notes(lang: Lang, facts: &IndicatorFacts) -> Vec<String> {
    let int = |n: u64| format_int(lang, i64::try_from(n).unwrap_or(i64::MAX));
    let mut notes: Vec<String> = facts
        .stated
        .iter()
        .map(|s| {
            let base = if facts.common_base.is_some() {
                String::new()
            } else {
                s.base().map(|b| base_clause(lang, b)).unwrap_or_default()
            };
            match (lang, s) {
                (Lang::Vi, Stated::Rate { date, stated, computed, count, population, .. }) => format!(
                    "Văn bản nguồn ghi tỷ lệ {} cho ngày {}; trang này tính từ số liệu: {}/{} = {}.{base}",
                    format_percent(lang, *stated), format_date(lang, *date), int(*count), int(*population), format_percent(lang, *computed)
                ),
                (Lang::En, Stated::Rate { date, stated, computed, count, population, .. }) => format!(
                    "The source printed a rate of {} for {}; this page computes it from the figures: {} of {} = {}.{base}",
                    format_percent(lang, *stated), format_date(lang, *date), int(*count), int(*population), format_percent(lang, *computed)
                ),
                (Lang::Vi, Stated::TargetCount { stated, computed, percent, population, .. }) => format!(
                    "Văn bản nguồn ghi chỉ tiêu {}; trang này tính {} của {} = {}.{base}",
                    int(*stated), format_percent(lang, *percent), int(*population), int(*computed)
                ),
                (Lang::En, Stated::TargetCount { stated, computed, percent, population, .. }) => format!(
                    "The source printed a target of {}; this page computes {} of {} = {}.{base}",
                    int(*stated), format_percent(lang, *percent), int(*population), int(*computed)
                ),
            }
        })
        .collect();
    if let (Some(base), Some(population)) = (
        facts.common_base,
        facts.stated.iter().find_map(population_of),
    ) {
        notes.push(match lang {
            Lang::Vi => format!(
                "Các số trong văn bản đều khớp với tổng số khoảng {} người, không phải {} người như trong số liệu.",
                about_thousands(lang, base),
                int(population)
            ),
            Lang::En => format!(
                "The letter's numbers all fit a population of about {}, not the {} of the figures.",
                about_thousands(lang, base),
                int(population)
            ),
        });
    }
    notes
}

fn population_of(s: &Stated) -> Option<u64> {
    match s {
        Stated::Rate { population, .. } | Stated::TargetCount { population, .. } => {
            Some(*population)
        }
    }
}

fn base_clause(lang: Lang, base: f64) -> String {
    match lang {
        Lang::Vi => format!(
            " Số in trong văn bản khớp với tổng số khoảng {} người.",
            about_thousands(lang, base)
        ),
        Lang::En => format!(
            " The printed number fits a population of about {}.",
            about_thousands(lang, base)
        ),
    }
}

/// 28.300,6 → "28,3 nghìn": a base estimated from a rounded number is
/// worth three figures, no more.
pub fn about_thousands(lang: Lang, x: f64) -> String {
    if x < 10_000.0 {
        let rounded = (x / 10.0).round() * 10.0;
        return format_int(lang, rounded as i64);
    }
    let thousands = x / 1000.0;
    let places = if thousands < 100.0 { 1 } else { 0 };
    let word = match lang {
        Lang::Vi => "nghìn",
        Lang::En => "thousand",
    };
    format!("{} {word}", format_decimal(lang, thousands, places))
}
