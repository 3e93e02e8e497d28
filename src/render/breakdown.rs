//! A breakdown (by village, by unit) of an indicator on one date: a bar
//! chart sorted by result, and its table, from [`BreakdownFacts`].

use crate::charts::{self, Bar, Bars, Scale};
use crate::derive::{BreakdownFacts, RowFacts};
use crate::model::Indicator;
use crate::render::views::{BreakdownView, FigureTable};
use crate::vi::{Lang, format_date, format_int, format_percent};

pub fn view(lang: Lang, indicator: &Indicator, b: &BreakdownFacts, index: usize) -> BreakdownView {
    let by_rate = b.by_rate;
    let value = |r: &RowFacts| {
        if by_rate {
            r.rate.unwrap_or(0.0)
        } else {
            r.count as f64
        }
    };
    let mut rows: Vec<&RowFacts> = b.rows.iter().collect();
    rows.sort_by(|x, y| {
        value(y)
            .total_cmp(&value(x))
            .then_with(|| x.name.cmp(&y.name))
    });
    let target_of = |row: &RowFacts| {
        row.goal.and_then(|g| {
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
            .map(|r| format!("{}: {}", r.name, fmt_value(lang, scale, value(r))))
            .collect::<Vec<_>>()
            .join("; "),
        scale,
        bars: rows
            .iter()
            .map(|r| Bar {
                name: r.name.clone(),
                value: value(r),
                target: target_of(r),
            })
            .collect(),
    };
    BreakdownView {
        title,
        chart_svg: Some(charts::bars_svg(&bars)),
        table: table(lang, b, &rows),
    }
}

fn fmt_value(lang: Lang, scale: Scale, v: f64) -> String {
    match scale {
        Scale::Percent => format_percent(lang, v),
        Scale::Count => format_int(lang, v.round() as i64),
    }
}

fn table(lang: Lang, b: &BreakdownFacts, rows: &[&RowFacts]) -> FigureTable {
    let (count, pop, rate, target, reached, yes, no) = match lang {
        Lang::Vi => (
            "Số lượng",
            "Tổng số",
            "Tỷ lệ",
            "Mục tiêu",
            "Đạt mục tiêu",
            "Đạt",
            "Chưa đạt",
        ),
        Lang::En => (
            "Count",
            "Total",
            "Rate",
            "Target",
            "Target reached",
            "Yes",
            "Not yet",
        ),
    };
    let int = |n: u64| format_int(lang, i64::try_from(n).unwrap_or(i64::MAX));
    let any_target = rows.iter().any(|r| r.goal.is_some());
    let mut headers = vec![capitalize(&b.by), count.to_string()];
    if b.by_rate {
        headers.extend([pop.to_string(), rate.to_string()]);
    }
    if any_target {
        headers.extend([target.to_string(), reached.to_string()]);
    }
    let body = rows
        .iter()
        .map(|r| {
            let mut row = vec![r.name.clone(), int(r.count)];
            if b.by_rate {
                row.push(r.population.map_or("—".into(), int));
                row.push(r.rate.map_or("—".into(), |x| format_percent(lang, x)));
            }
            if any_target {
                row.push(r.goal.map_or("—".into(), |g| match (g.percent, g.count) {
                    (Some(p), Some(c)) => format!("{} ({})", format_percent(lang, p), int(c)),
                    (Some(p), None) => format_percent(lang, p),
                    (None, Some(c)) => int(c),
                    (None, None) => "—".into(),
                }));
                row.push(match r.reached {
                    Some(true) => yes.into(),
                    Some(false) => no.into(),
                    None => "—".into(),
                });
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
