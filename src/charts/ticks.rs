//! Axis ranges, tick positions and tick labels, in plain numbers so they can
//! be tested without drawing anything.

use chrono::{Datelike, NaiveDate};

use super::Scale;
use crate::vi::{self, Lang};

/// A day on the x axis: days since 1 January of year 1 (chrono's CE count),
/// as a float so plotters can map it linearly. A date stands for its noon, so
/// a figure and its tick sit in the middle of the day's slot, inside a phase
/// band that covers the whole day.
pub fn day(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce()) + 0.5
}

/// The first moment of a date (a phase's start).
pub fn day_start(date: NaiveDate) -> f64 {
    day(date) - 0.5
}

/// The last moment of a date (a phase's end, a deadline: "by 24/5" leaves
/// all of 24/5).
pub fn day_end(date: NaiveDate) -> f64 {
    day(date) + 0.5
}

/// The date whose slot contains `day`, if it is a real date.
pub fn date_of(day: f64) -> Option<NaiveDate> {
    if !day.is_finite() || day.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(day.floor() as i32)
}

/// The x range (in days) covering every date given, padded so that dots and
/// lines at the ends do not sit on the frame. A single date gets a week
/// around it; no date at all gets an arbitrary but fixed range (never today's
/// date, so the output stays deterministic).
pub fn day_range(days: &[f64]) -> (f64, f64) {
    let finite = days.iter().copied().filter(|d| d.is_finite());
    let lo = finite.clone().fold(f64::INFINITY, f64::min);
    let hi = finite.fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.04).max(3.0);
    (lo - pad, hi + pad)
}

/// Tick days for an x range: whole days, Mondays, or first days of months,
/// whichever gives at most about eight readable labels.
pub fn day_ticks(lo: f64, hi: f64) -> Vec<f64> {
    // The first and last dates whose noon lies in the range.
    let (Some(first), Some(last)) = (date_of((lo - 0.5).ceil()), date_of((hi - 0.5).floor()))
    else {
        return Vec::new();
    };
    let span = (last - first).num_days();
    if span < 0 {
        return Vec::new();
    }
    if span <= 12 {
        let step = if span <= 6 { 1 } else { 2 };
        return (0..=span)
            .step_by(step)
            .map(|k| day(first) + k as f64)
            .collect();
    }
    if span <= 84 {
        let step = if span <= 42 { 7 } else { 14 };
        let monday = i64::from(first.weekday().num_days_from_monday());
        let offset = (7 - monday) % 7;
        return (offset..=span)
            .step_by(step)
            .map(|k| day(first) + k as f64)
            .collect();
    }
    month_ticks(first, last)
}

/// First days of months from `first` to `last`, every 1, 2, 3, 6 or 12·k
/// months so that there are at most eight.
fn month_ticks(first: NaiveDate, last: NaiveDate) -> Vec<f64> {
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let start = index(first) + i64::from(first.day() > 1);
    let end = index(last);
    let months = (end - start).max(0);
    let step = [1, 2, 3, 6]
        .into_iter()
        .find(|s| months / s < 8)
        .unwrap_or_else(|| 12 * year_step(months / 12));
    // Align on multiples of the step (quarters, halves, whole years, decades)
    // so the labels read as round dates.
    let mut m = start + (step - start.rem_euclid(step)) % step;
    let mut ticks = Vec::new();
    while m <= end {
        let year = i32::try_from(m.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u32::try_from(m.rem_euclid(12) + 1).unwrap_or(1);
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, 1) {
            ticks.push(day(d));
        }
        m += step;
    }
    ticks
}

/// 1, 2, 5, 10, 20, 50 … years: the first that gives at most eight ticks.
fn year_step(years: i64) -> i64 {
    let mut step: i64 = 1;
    while years / step >= 8 {
        let digits = step / 10_i64.pow(step.ilog10());
        step = match digits {
            1 => step * 2,
            2 => step / 2 * 5,
            _ => step * 2,
        };
    }
    step
}

/// Short date labels: `29/5` (vi) or `29 May` (en). The year is added where
/// it would otherwise be ambiguous: on the first tick of an axis that spans
/// several years and wherever the year changes (`1/1/2027`). Ticks a year or
/// more apart are just years.
pub fn day_labels(lang: Lang, ticks: &[f64]) -> Vec<String> {
    let dates: Vec<Option<NaiveDate>> = ticks.iter().map(|&t| date_of(t)).collect();
    let years: Vec<i32> = dates.iter().flatten().map(|d| d.year()).collect();
    let several_years = years.windows(2).any(|w| w[0] != w[1]);
    // Only yearly (or longer) month steps put every tick on 1 January.
    let yearly = years.len() >= 2 && dates.iter().flatten().all(|d| d.ordinal() == 1);
    let mut previous_year = None;
    dates
        .iter()
        .map(|date| {
            let Some(d) = *date else {
                return String::new();
            };
            let new_year = match previous_year {
                None => several_years,
                Some(y) => y != d.year(),
            };
            previous_year = Some(d.year());
            if yearly {
                d.year().to_string()
            } else {
                short_date(lang, d, new_year)
            }
        })
        .collect()
}

fn short_date(lang: Lang, d: NaiveDate, with_year: bool) -> String {
    let short = match lang {
        Lang::Vi => format!("{}/{}", d.day(), d.month()),
        Lang::En => format!("{} {}", d.day(), SHORT_MONTHS[d.month0() as usize]),
    };
    match (with_year, lang) {
        (false, _) => short,
        (true, Lang::Vi) => format!("{short}/{}", d.year()),
        (true, Lang::En) => format!("{short} {}", d.year()),
    }
}

const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The value axis: its top and its ticks (always starting at 0).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    pub top: f64,
    pub ticks: Vec<f64>,
}

/// Percent axes run 0–100 in steps of 20. Count axes start at 0 and reach the
/// first round tick at or above 1.1 × the largest value (or target), so the
/// highest dot never touches the frame.
pub fn value_axis(scale: Scale, largest: f64) -> ValueAxis {
    match scale {
        Scale::Percent => ValueAxis {
            top: 100.0,
            ticks: (0..=5).map(|k| f64::from(k) * 20.0).collect(),
        },
        Scale::Count => count_axis(largest * 1.1),
    }
}

/// Round ticks from 0 to at least `wanted` (whole numbers, about five steps).
pub fn count_axis(wanted: f64) -> ValueAxis {
    let wanted = if wanted.is_finite() && wanted > 0.0 {
        wanted.min(1e15)
    } else {
        0.0
    };
    let step = nice_step(wanted / 5.0).max(1.0);
    let steps = (wanted / step).ceil().max(1.0);
    let top = steps * step;
    let ticks = (0..=steps as u32).map(|k| f64::from(k) * step).collect();
    ValueAxis { top, ticks }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// A value as officials write it: `4,44 %` or `1.299`.
pub fn format_value(lang: Lang, scale: Scale, value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    match scale {
        Scale::Percent => vi::format_percent(lang, value),
        Scale::Count => vi::format_int(lang, value.round() as i64),
    }
}

/// A rough width of a label in user units, for layout only (the browser does
/// the real measuring). Counts characters, not bytes, so Vietnamese
/// diacritics do not inflate it; 0.6 em is a wide sans-serif average.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
    }

    #[test]
    fn month_ticks_for_a_seven_month_campaign() {
        let (lo, hi) = day_range(&[day(d(2026, 5, 29)), day(d(2026, 12, 31))]);
        let ticks = day_ticks(lo, hi);
        let labels = day_labels(Lang::Vi, &ticks);
        assert!(ticks.len() <= 8, "{labels:?}");
        assert_eq!(labels.first().map(String::as_str), Some("1/6/2026"));
        assert!(labels.contains(&"1/7".to_string()), "{labels:?}");
        assert!(labels.iter().any(|l| l == "1/1/2027"), "{labels:?}");
    }

    #[test]
    fn weekly_ticks_fall_on_mondays() {
        let ticks = day_ticks(day(d(2026, 5, 10)), day(d(2026, 6, 10)));
        assert!(!ticks.is_empty());
        for t in ticks {
            let date = date_of(t).expect("tick is a date");
            assert_eq!(date.weekday(), chrono::Weekday::Mon);
        }
    }

    #[test]
    fn single_date_gets_a_real_range() {
        let (lo, hi) = day_range(&[day(d(2026, 4, 15))]);
        assert!(hi - lo >= 6.0);
        assert!(!day_ticks(lo, hi).is_empty());
        assert_eq!(day_range(&[]), (0.0, 1.0));
        assert_eq!(day_range(&[f64::NAN]), (0.0, 1.0));
    }

    #[test]
    fn long_ranges_are_labelled_by_year() {
        let (lo, hi) = day_range(&[day(d(1990, 1, 1)), day(d(2026, 4, 15))]);
        let labels = day_labels(Lang::Vi, &day_ticks(lo, hi));
        assert!(labels.len() >= 2 && labels.len() <= 8, "{labels:?}");
        assert!(labels.iter().all(|l| l.len() == 4), "{labels:?}");
        assert!(labels.contains(&"2000".to_string()), "{labels:?}");
        let days = day_ticks(day(d(2026, 5, 1)), day(d(2026, 5, 20)));
        assert!(
            day_labels(Lang::Vi, &days)
                .iter()
                .all(|l| !l.contains("2026"))
        );
    }

    #[test]
    fn english_labels() {
        let ticks = [day(d(2026, 12, 28)), day(d(2027, 1, 4))];
        assert_eq!(day_labels(Lang::En, &ticks), ["28 Dec 2026", "4 Jan 2027"]);
    }

    #[test]
    fn count_axis_has_headroom() {
        let axis = value_axis(Scale::Count, 6516.0);
        assert!(axis.top >= 6516.0 * 1.1);
        assert_eq!(axis.ticks.first(), Some(&0.0));
        assert_eq!(axis.ticks.last(), Some(&axis.top));
        assert!(axis.ticks.len() <= 7);
        for bad in [f64::NAN, f64::INFINITY, -3.0, 0.0] {
            let axis = value_axis(Scale::Count, bad);
            assert!(axis.top > 0.0 && axis.ticks.len() >= 2);
        }
    }

    #[test]
    fn percent_axis_is_fixed() {
        let axis = value_axis(Scale::Percent, 4.44);
        assert_eq!(axis.top, 100.0);
        assert_eq!(axis.ticks.len(), 6);
    }

    #[test]
    fn formatted_values() {
        assert_eq!(format_value(Lang::Vi, Scale::Percent, 4.4447), "4,44 %");
        assert_eq!(format_value(Lang::Vi, Scale::Count, 1299.0), "1.299");
        assert_eq!(format_value(Lang::Vi, Scale::Count, f64::NAN), "–");
    }
}
