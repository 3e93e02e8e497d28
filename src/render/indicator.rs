//! One indicator's section of a campaign page: headline, progress, derived
//! facts, chart and table, breakdowns.

use chrono::NaiveDate;

use crate::charts::{self, Band, Bar, Bars, Point, Scale, TimeSeries};
use crate::derive::{self, Measure, Progress, Resolved};
use crate::model::{Breakdown, Campaign, Indicator, Reading};
use crate::render::phrases as ph;
use crate::render::views::{
    BreakdownView, Fact, FigureTable, IndicatorView, ProgressView, StatusView,
};
use crate::vi::{Lang, format_date, format_int, format_percent};

pub fn status_view(lang: Lang, status: derive::Status) -> StatusView {
    StatusView {
        code: status.code().into(),
        label: ph::status_label(lang, status).into(),
    }
}

pub fn default_unit(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "người",
        Lang::En => "people",
    }
}

/// The big number of an indicator: its rate when known, else its count.
pub fn headline(lang: Lang, latest: &Resolved) -> String {
    match (latest.percent, latest.count, latest.remaining) {
        (Some(p), _, _) => format_percent(lang, p),
        (None, Some(c), _) => format_int(lang, c as i64),
        (None, None, Some(r)) => format_int(lang, r as i64),
        _ => "—".into(),
    }
}

pub fn headline_detail(lang: Lang, indicator: &Indicator, latest: &Resolved) -> String {
    let unit = indicator.unit.as_deref().unwrap_or(default_unit(lang));
    let date = format_date(lang, latest.date);
    let remaining_only = latest.count.is_none() && latest.remaining.is_some();
    match (lang, latest.count, latest.population) {
        (Lang::Vi, Some(c), Some(p)) => format!(
            "{}/{} {unit}, ngày {date}",
            format_int(lang, c as i64),
            format_int(lang, p as i64)
        ),
        (Lang::En, Some(c), Some(p)) => format!(
            "{} of {} {unit}, on {date}",
            format_int(lang, c as i64),
            format_int(lang, p as i64)
        ),
        (Lang::Vi, Some(c), None) => format!("{} {unit}, ngày {date}", format_int(lang, c as i64)),
        (Lang::En, Some(c), None) => format!("{} {unit}, on {date}", format_int(lang, c as i64)),
        (Lang::Vi, None, _) if remaining_only => {
            format!("{unit} còn lại chưa thực hiện, ngày {date}")
        }
        (Lang::En, None, _) if remaining_only => format!("{unit} still to go, on {date}"),
        (Lang::Vi, None, _) => format!("tỷ lệ báo cáo ngày {date}"),
        (Lang::En, None, _) => format!("rate reported on {date}"),
    }
}

pub fn progress_view(lang: Lang, progress: &Progress) -> Option<ProgressView> {
    progress.share.map(|share| ProgressView {
        fill: (share * 1000.0).round() / 10.0,
        label: ph::share_of_target(lang, share),
    })
}

/// "Mục tiêu: 30 % (8.768 tài khoản) trước 31/12/2026".
pub fn target_text(lang: Lang, goal: &derive::Goal, unit: &str) -> Option<String> {
    let amount = match (goal.percent, goal.count) {
        (Some(p), Some(c)) => format!(
            "{} ({} {unit})",
            format_percent(lang, p),
            format_int(lang, c as i64)
        ),
        (Some(p), None) => format_percent(lang, p),
        (None, Some(c)) => format!("{} {unit}", format_int(lang, c as i64)),
        (None, None) => return None,
    };
    Some(match (lang, goal.by) {
        (Lang::Vi, Some(by)) => format!("{amount} trước {}", format_date(lang, by)),
        (Lang::En, Some(by)) => format!("{amount} by {}", format_date(lang, by)),
        (_, None) => amount,
    })
}

pub fn indicator_view(
    lang: Lang,
    campaign: &Campaign,
    indicator: &Indicator,
    today: NaiveDate,
) -> IndicatorView {
    let progress = derive::progress(indicator, campaign.deadline, today);
    let unit = indicator
        .unit
        .clone()
        .unwrap_or_else(|| default_unit(lang).into());
    let latest = progress.latest;
    IndicatorView {
        anchor: format!("chi-so-{}", indicator.id),
        label: indicator.label.clone(),
        unit: indicator.unit.clone(),
        status: status_view(lang, progress.status),
        headline: latest.as_ref().map(|l| headline(lang, l)),
        headline_detail: latest.as_ref().map(|l| headline_detail(lang, indicator, l)),
        approximate: latest.is_some_and(|l| l.approximate),
        progress: progress_view(lang, &progress),
        target: progress
            .goal
            .as_ref()
            .and_then(|g| target_text(lang, g, &unit)),
        facts: facts(lang, &progress, &unit),
        rank: indicator
            .figures
            .iter()
            .rev()
            .find_map(|f| f.rank)
            .map(|r| ph::rank(lang, r.position, r.of)),
        updated: latest.map(|l| format_date(lang, l.date)),
        updated_iso: latest.map(|l| l.date.to_string()),
        chart_svg: Some(charts::time_series_svg(&time_series(
            lang, campaign, indicator, &progress,
        ))),
        table: figure_table(lang, indicator, &progress, &unit),
        breakdowns: indicator
            .breakdown
            .iter()
            .enumerate()
            .map(|(i, b)| breakdown_view(lang, indicator, b, i))
            .collect(),
        notes: notes(lang, indicator),
    }
}

fn facts(lang: Lang, p: &Progress, unit: &str) -> Vec<Fact> {
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
    let measure = p.measure.unwrap_or(Measure::Count);
    push(
        labels.needed,
        p.needed
            .filter(|n| *n > 0.0)
            .map(|n| ph::amount(lang, measure, n, unit)),
    );
    push(
        labels.days_left,
        p.days_left.map(|d| ph::days_left(lang, d)),
    );
    push(
        labels.pace,
        p.pace.map(|x| ph::per_day(lang, measure, x, unit)),
    );
    let open = p.days_left.is_some_and(|d| d > 0) && p.needed.is_some_and(|n| n > 0.0);
    push(
        labels.pace_needed,
        p.pace_needed
            .filter(|_| open)
            .map(|x| ph::per_day(lang, measure, x, unit)),
    );
    push(labels.projected, p.projected.map(|d| format_date(lang, d)));
    facts
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
        (false, true) => Some(0.0),
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
    TimeSeries {
        lang,
        id: indicator.id.clone(),
        title: chart_title(lang, indicator, p, &fmt),
        desc: points
            .iter()
            .map(|pt| format!("{}: {}", format_date(lang, pt.date), fmt(pt.value)))
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

/// The chart's title states the finding.
fn chart_title(
    lang: Lang,
    indicator: &Indicator,
    p: &Progress,
    fmt: &dyn Fn(f64) -> String,
) -> String {
    let Some(latest) = p.latest else {
        return match lang {
            Lang::Vi => format!("{}: chưa có số liệu", indicator.label),
            Lang::En => format!("{}: no figures yet", indicator.label),
        };
    };
    let now = headline(lang, &latest);
    let goal = p.goal.and_then(|g| {
        g.percent
            .map(|x| format_percent(lang, x))
            .or(g.count.map(|c| fmt(c as f64)))
    });
    match (lang, goal) {
        (Lang::Vi, Some(g)) => format!(
            "{}: {now} ngày {}, mục tiêu {g}",
            indicator.label,
            format_date(lang, latest.date)
        ),
        (Lang::En, Some(g)) => format!(
            "{}: {now} on {}, target {g}",
            indicator.label,
            format_date(lang, latest.date)
        ),
        (Lang::Vi, None) => format!(
            "{}: {now} ngày {}",
            indicator.label,
            format_date(lang, latest.date)
        ),
        (Lang::En, None) => format!(
            "{}: {now} on {}",
            indicator.label,
            format_date(lang, latest.date)
        ),
    }
}

fn figure_table(lang: Lang, indicator: &Indicator, p: &Progress, unit: &str) -> FigureTable {
    let has = |f: &dyn Fn(&Resolved) -> bool| p.series.iter().any(f);
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
            let about = if r.approximate {
                format!("{} ", ph::about(lang))
            } else {
                String::new()
            };
            let mut row = vec![format_date(lang, r.date)];
            let count = |x: Option<u64>| {
                x.map_or("—".into(), |c| {
                    format!("{about}{}", format_int(lang, c as i64))
                })
            };
            if show_count {
                row.push(if matches!(f.reading, Reading::Count(_)) {
                    count(r.count).trim_start_matches(&about).to_string()
                } else {
                    count(r.count)
                });
            }
            if show_rate {
                row.push(r.percent.map_or("—".into(), |x| {
                    format!("{about}{}", format_percent(lang, x))
                }));
            }
            if show_remaining {
                row.push(
                    r.remaining
                        .map_or("—".into(), |x| format_int(lang, x as i64)),
                );
            }
            if show_rank {
                row.push(
                    f.rank
                        .map_or("—".into(), |k| format!("{}/{}", k.position, k.of)),
                );
            }
            if show_source {
                row.push(f.source.clone().unwrap_or_else(|| "—".into()));
            }
            row
        })
        .collect();
    FigureTable {
        caption: match lang {
            Lang::Vi => format!("Số liệu theo ngày: {}", indicator.label),
            Lang::En => format!("Figures by date: {}", indicator.label),
        },
        headers,
        rows,
    }
}

fn table_headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Vi => ["Ngày", "Số {unit}", "Tỷ lệ", "Còn lại", "Xếp hạng", "Nguồn"],
        Lang::En => ["Date", "{unit}", "Rate", "Remaining", "Rank", "Source"],
    }
}

/// What readers should know about the figures themselves.
fn notes(lang: Lang, indicator: &Indicator) -> Vec<String> {
    indicator
        .figures
        .iter()
        .filter_map(|f| {
            let (Reading::Count(c), Some(pop), Some(stated)) = (f.reading, f.population, f.stated_percent) else { return None };
            let computed = derive::rate(c, Some(pop))?;
            ((computed - stated).abs() > 0.05).then(|| match lang {
                Lang::Vi => format!(
                    "Văn bản nguồn ghi tỷ lệ {} cho ngày {}; trang này tính từ số liệu: {}/{} = {}.",
                    format_percent(lang, stated),
                    format_date(lang, f.date),
                    format_int(lang, c as i64),
                    format_int(lang, pop as i64),
                    format_percent(lang, computed)
                ),
                Lang::En => format!(
                    "The source printed a rate of {} for {}; this page computes it from the figures: {} of {} = {}.",
                    format_percent(lang, stated),
                    format_date(lang, f.date),
                    format_int(lang, c as i64),
                    format_int(lang, pop as i64),
                    format_percent(lang, computed)
                ),
            })
        })
        .collect()
}

fn breakdown_view(lang: Lang, indicator: &Indicator, b: &Breakdown, index: usize) -> BreakdownView {
    let by_rate = b.rows.iter().all(|r| r.population.is_some_and(|p| p > 0));
    let value = |count: u64, pop: Option<u64>| {
        if by_rate {
            derive::rate(count, pop).unwrap_or(0.0)
        } else {
            count as f64
        }
    };
    let mut rows: Vec<_> = b.rows.iter().collect();
    rows.sort_by(|x, y| {
        value(y.count, y.population)
            .total_cmp(&value(x.count, x.population))
            .then_with(|| x.name.cmp(&y.name))
    });
    let target_of = |row: &crate::model::BreakdownRow| {
        row.target.as_ref().and_then(|t| {
            let g = derive::goal(t, row.population, None);
            if by_rate {
                g.percent
            } else {
                g.count.map(|c| c as f64)
            }
        })
    };
    let title = match lang {
        Lang::Vi => format!(
            "{}: theo {}, ngày {}",
            indicator.label,
            b.by,
            format_date(lang, b.date)
        ),
        Lang::En => format!(
            "{}: by {}, on {}",
            indicator.label,
            b.by,
            format_date(lang, b.date)
        ),
    };
    let scale = if by_rate {
        Scale::Percent
    } else {
        Scale::Count
    };
    let bars = Bars {
        lang,
        id: format!("{}-{}", indicator.id, index + 1),
        title: title.clone(),
        desc: rows
            .iter()
            .map(|r| {
                format!(
                    "{}: {}",
                    r.name,
                    fmt_value(lang, scale, value(r.count, r.population))
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        scale,
        bars: rows
            .iter()
            .map(|r| Bar {
                name: r.name.clone(),
                value: value(r.count, r.population),
                target: target_of(r),
            })
            .collect(),
    };
    BreakdownView {
        title,
        chart_svg: Some(charts::bars_svg(&bars)),
        table: breakdown_table(lang, b, &rows, by_rate),
    }
}

fn fmt_value(lang: Lang, scale: Scale, v: f64) -> String {
    match scale {
        Scale::Percent => format_percent(lang, v),
        Scale::Count => format_int(lang, v.round() as i64),
    }
}

fn breakdown_table(
    lang: Lang,
    b: &Breakdown,
    rows: &[&crate::model::BreakdownRow],
    by_rate: bool,
) -> FigureTable {
    let (name, count, pop, rate, target, reached, yes, no) = match lang {
        Lang::Vi => (
            b.by.as_str(),
            "Số lượng",
            "Tổng số",
            "Tỷ lệ",
            "Mục tiêu",
            "Đạt mục tiêu",
            "Đạt",
            "Chưa đạt",
        ),
        Lang::En => (
            b.by.as_str(),
            "Count",
            "Total",
            "Rate",
            "Target",
            "Target reached",
            "Yes",
            "Not yet",
        ),
    };
    let any_target = rows.iter().any(|r| r.target.is_some());
    let mut headers = vec![capitalize(name), count.to_string()];
    if by_rate {
        headers.extend([pop.to_string(), rate.to_string()]);
    }
    if any_target {
        headers.extend([target.to_string(), reached.to_string()]);
    }
    let body = rows
        .iter()
        .map(|r| {
            let mut row = vec![r.name.clone(), format_int(lang, r.count as i64)];
            if by_rate {
                row.push(
                    r.population
                        .map_or("—".into(), |p| format_int(lang, p as i64)),
                );
                row.push(
                    derive::rate(r.count, r.population)
                        .map_or("—".into(), |x| format_percent(lang, x)),
                );
            }
            if any_target {
                let goal = r
                    .target
                    .as_ref()
                    .map(|t| derive::goal(t, r.population, None));
                row.push(goal.map_or("—".into(), |g| match (g.percent, g.count) {
                    (Some(p), Some(c)) => format!(
                        "{} ({})",
                        format_percent(lang, p),
                        format_int(lang, c as i64)
                    ),
                    (Some(p), None) => format_percent(lang, p),
                    (None, Some(c)) => format_int(lang, c as i64),
                    (None, None) => "—".into(),
                }));
                row.push(goal.and_then(|g| g.count).map_or("—".into(), |c| {
                    if r.count >= c { yes.into() } else { no.into() }
                }));
            }
            row
        })
        .collect();
    FigureTable {
        caption: match lang {
            Lang::Vi => format!("Chi tiết theo {}, ngày {}", b.by, format_date(lang, b.date)),
            Lang::En => format!("Breakdown by {}, on {}", b.by, format_date(lang, b.date)),
        },
        headers,
        rows: body,
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
