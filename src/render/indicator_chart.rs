//! An indicator's figures over time as a chart: the series in the unit a
//! reader knows (rate, count, or people still to reach), the target line,
//! the deadline and phases, and a title that states the finding.

use crate::charts::{self, Band, Point, Scale, TimeSeries};
use crate::derive::{Measure, Progress, Resolved};
use crate::model::{Campaign, Indicator};
use crate::render::figure_text as ft;
use crate::vi::{Lang, format_date, format_int, format_percent};

pub fn svg(lang: Lang, campaign: &Campaign, indicator: &Indicator, p: &Progress) -> String {
    charts::time_series_svg(&time_series(lang, campaign, indicator, p))
}

fn time_series(lang: Lang, campaign: &Campaign, indicator: &Indicator, p: &Progress) -> TimeSeries {
    let by_percent = !p.series.is_empty() && p.series.iter().all(|r| r.percent.is_some());
    let falling = !by_percent
        && p.series
            .iter()
            .any(|r| r.count.is_none() && r.remaining.is_some());
    let value = |r: &Resolved| -> Option<f64> {
        if by_percent {
            r.percent
        } else if falling {
            r.remaining.map(|x| x as f64)
        } else {
            r.count.map(|x| x as f64)
        }
    };
    let points: Vec<Point> = p
        .series
        .iter()
        .filter_map(|r| {
            Some(Point {
                date: r.date,
                value: value(r)?,
            })
        })
        .collect();
    let target = p.goal.and_then(|g| match (by_percent, falling) {
        (true, _) => g.percent,
        (false, true) => (p.measure == Some(Measure::Remaining)).then_some(0.0),
        (false, false) => g.count.map(|c| c as f64),
    });
    let scale = if by_percent {
        Scale::Percent
    } else {
        Scale::Count
    };
    let fmt = |v: f64| match scale {
        Scale::Percent => format_percent(lang, v),
        Scale::Count => format_int(lang, v.round() as i64),
    };
    let about = |r: &Resolved| {
        if r.approximate {
            format!("{} ", crate::render::phrases::about(lang))
        } else {
            String::new()
        }
    };
    TimeSeries {
        lang,
        id: indicator.id.clone(),
        title: title(lang, indicator, p, &fmt),
        desc: p
            .series
            .iter()
            .filter_map(|r| {
                Some(format!(
                    "{}: {}{}",
                    format_date(lang, r.date),
                    about(r),
                    fmt(value(r)?)
                ))
            })
            .collect::<Vec<_>>()
            .join("; "),
        scale,
        points,
        falling,
        target,
        start: campaign.start,
        deadline: p.goal.and_then(|g| g.by).or(campaign.deadline),
        phases: campaign
            .phases
            .iter()
            .map(|ph| Band {
                name: ph.name.clone(),
                start: ph.start,
                end: ph.end,
            })
            .collect(),
    }
}

/// The chart's title states the finding: what, how much and when, and the target.
fn title(lang: Lang, indicator: &Indicator, p: &Progress, fmt: &dyn Fn(f64) -> String) -> String {
    let Some(text) = ft::figure_text(lang, indicator, p) else {
        return match lang {
            Lang::Vi => format!("{}: chưa có số liệu", indicator.label),
            Lang::En => format!("{}: no figures yet", indicator.label),
        };
    };
    let date = p
        .latest
        .map(|l| format_date(lang, l.date))
        .unwrap_or_default();
    let goal = match p.measure {
        Some(Measure::Remaining) => Some("0".to_string()),
        _ => p.goal.and_then(|g| {
            g.percent
                .map(|x| format_percent(lang, x))
                .or(g.count.map(|c| fmt(c as f64)))
        }),
    };
    let now = &text.figure_phrase;
    match (lang, goal) {
        (Lang::Vi, Some(g)) => format!("{}: {now} ngày {date}, mục tiêu {g}", text.what),
        (Lang::En, Some(g)) => format!("{}: {now} on {date}, target {g}", text.what),
        (Lang::Vi, None) => format!("{}: {now} ngày {date}", text.what),
        (Lang::En, None) => format!("{}: {now} on {date}", text.what),
    }
}
