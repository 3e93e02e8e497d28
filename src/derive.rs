//! What the numbers mean: rates, counts still needed, days left, pace, status
//! and projection. Pure functions of the model and "today"; never taken on
//! trust from a file. These are the figures officials will quote.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::{Figure, Indicator, Reading, Reporting, Schedule, Target};

/// A figure with everything it implies filled in where the population allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    pub date: NaiveDate,
    pub count: Option<u64>,
    pub remaining: Option<u64>,
    /// 0–100.
    pub percent: Option<f64>,
    pub population: Option<u64>,
    /// The source said "about", or the count was derived from a rate.
    pub approximate: bool,
}

/// Fills in count, remaining and rate from whichever one was reported.
pub fn resolve(figure: &Figure) -> Resolved {
    let pop = figure.population;
    let (count, remaining, percent) = match figure.reading {
        Reading::Count(c) => (Some(c), pop.map(|p| p.saturating_sub(c)), rate(c, pop)),
        Reading::Remaining(r) => {
            let count = pop.map(|p| p.saturating_sub(r));
            (count, Some(r), count.and_then(|c| rate(c, pop)))
        }
        Reading::Percent(p) => {
            let count = pop.map(|n| (p / 100.0 * n as f64).round() as u64);
            (
                count,
                pop.zip(count).map(|(n, c)| n.saturating_sub(c)),
                Some(p),
            )
        }
    };
    Resolved {
        date: figure.date,
        count,
        remaining,
        percent,
        population: pop,
        approximate: figure.approximate
            || matches!(figure.reading, Reading::Percent(_)) && count.is_some(),
    }
}

/// `count / population` in percent; `None` without a population (or an empty one).
pub fn rate(count: u64, population: Option<u64>) -> Option<f64> {
    population
        .filter(|p| *p > 0)
        .map(|p| count as f64 / p as f64 * 100.0)
}

/// A target made concrete: its percent and count where the population
/// allows, and the date it is due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goal {
    pub percent: Option<f64>,
    /// "At least N": the percent of the population rounded up.
    pub count: Option<u64>,
    pub by: Option<NaiveDate>,
}

pub fn goal(target: &Target, population: Option<u64>, deadline: Option<NaiveDate>) -> Goal {
    let count = target.count.or_else(|| {
        target
            .percent
            .zip(population)
            .map(|(p, n)| ceil_share(p, n))
    });
    let percent = target
        .percent
        .or_else(|| target.count.and_then(|c| rate(c, population)));
    Goal {
        percent,
        count,
        by: target.by.or(deadline),
    }
}

/// `percent` of `n`, rounded up, ignoring float noise (30 % of 100 is 30, not 31).
fn ceil_share(percent: f64, n: u64) -> u64 {
    let exact = percent / 100.0 * n as f64;
    (exact - 1e-9).ceil().max(0.0) as u64
}

/// The unit progress is measured in, chosen from what the figures and the
/// target both give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// People or accounts counted.
    Count,
    /// Percentage points of the population.
    Points,
    /// People still to reach, toward 0 (a "remaining" series without a population).
    Remaining,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// đạt
    Reached,
    /// đúng tiến độ
    OnTrack,
    /// chậm tiến độ
    Behind,
    /// chưa có số liệu
    NoData,
    /// chưa đủ số liệu để đánh giá (one figure, or no target)
    Unknown,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Reached => "reached",
            Status::OnTrack => "on-track",
            Status::Behind => "behind",
            Status::NoData => "no-data",
            Status::Unknown => "unknown",
        }
    }
}

/// Everything derived about one indicator on `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub series: Vec<Resolved>,
    pub latest: Option<Resolved>,
    pub goal: Option<Goal>,
    pub measure: Option<Measure>,
    /// Still needed to reach the goal, in `measure` units, never negative.
    pub needed: Option<f64>,
    /// Share of the goal reached, 0–1.
    pub share: Option<f64>,
    /// Days from today to the goal's date (negative once past).
    pub days_left: Option<i64>,
    /// Per day, in `measure` units, over the most recent figures.
    pub pace: Option<f64>,
    /// Per day needed from today to make the goal's date.
    pub pace_needed: Option<f64>,
    pub status: Status,
    /// When the goal is reached at the current pace; never before the last figure.
    pub projected: Option<NaiveDate>,
}

/// How many of the latest figures the pace is measured over.
const PACE_WINDOW: usize = 4;

pub fn progress(indicator: &Indicator, deadline: Option<NaiveDate>, today: NaiveDate) -> Progress {
    let series: Vec<Resolved> = indicator.figures.iter().map(resolve).collect();
    let latest = series.last().copied();
    let goal = indicator
        .target
        .as_ref()
        .map(|t| goal(t, indicator.population, deadline));
    let measure = latest
        .zip(goal)
        .and_then(|(l, g)| measure_of(&l, &g, indicator.population));
    let days_left = goal.and_then(|g| g.by).map(|by| (by - today).num_days());
    let mut p = Progress {
        series,
        latest,
        goal,
        measure,
        needed: None,
        share: None,
        days_left,
        pace: None,
        pace_needed: None,
        status: Status::NoData,
        projected: None,
    };
    fill_progress(&mut p, today);
    p
}

fn fill_progress(p: &mut Progress, today: NaiveDate) {
    let (Some(latest), Some(goal), Some(measure)) = (p.latest, p.goal, p.measure) else {
        p.status = if p.latest.is_some() {
            Status::Unknown
        } else {
            Status::NoData
        };
        return;
    };
    let (Some(value), Some(target)) = (value_in(measure, &latest), goal_in(measure, &goal)) else {
        p.status = Status::Unknown;
        return;
    };
    let needed = (target - value).max(0.0);
    p.needed = Some(needed);
    p.share = Some(share_of(measure, value, target, &p.series));
    p.pace = pace(measure, &p.series);
    p.pace_needed = goal.by.and_then(|by| {
        let days = (by - today.max(latest.date)).num_days();
        (days > 0).then(|| needed / days as f64)
    });
    p.projected = projection(latest.date, needed, p.pace);
    p.status = status(needed, p.pace, p.pace_needed, goal.by, today);
}

fn measure_of(latest: &Resolved, goal: &Goal, population: Option<u64>) -> Option<Measure> {
    if latest.count.is_some() && goal.count.is_some() {
        Some(Measure::Count)
    } else if latest.percent.is_some() && goal.percent.is_some() {
        Some(Measure::Points)
    } else if latest.remaining.is_some() && aims_at_everyone(goal, population) {
        Some(Measure::Remaining)
    } else {
        None
    }
}

/// A goal of 100 % (or the whole population) means "nobody remaining".
fn aims_at_everyone(goal: &Goal, population: Option<u64>) -> bool {
    goal.percent.is_some_and(|p| p >= 100.0)
        || goal.count.zip(population).is_some_and(|(c, n)| c >= n)
}

/// A figure's value in the measure: higher is always better (remaining is negated).
fn value_in(measure: Measure, r: &Resolved) -> Option<f64> {
    match measure {
        Measure::Count => r.count.map(|c| c as f64),
        Measure::Points => r.percent,
        Measure::Remaining => r.remaining.map(|x| -(x as f64)),
    }
}

fn goal_in(measure: Measure, goal: &Goal) -> Option<f64> {
    match measure {
        Measure::Count => goal.count.map(|c| c as f64),
        Measure::Points => goal.percent,
        Measure::Remaining => Some(0.0),
    }
}

/// Share of the goal reached. For a remaining series without a population,
/// progress is measured from the first reported figure.
fn share_of(measure: Measure, value: f64, target: f64, series: &[Resolved]) -> f64 {
    let share = match measure {
        Measure::Remaining => {
            let first = series.first().and_then(|r| r.remaining).unwrap_or(0) as f64;
            if first > 0.0 {
                (first + value) / first
            } else {
                1.0
            }
        }
        _ if target > 0.0 => value / target,
        _ => 1.0,
    };
    share.clamp(0.0, 1.0)
}

/// Change per day over the last few figures; `None` with fewer than two.
fn pace(measure: Measure, series: &[Resolved]) -> Option<f64> {
    let window = &series[series.len().saturating_sub(PACE_WINDOW)..];
    let (first, last) = (window.first()?, window.last()?);
    let days = (last.date - first.date).num_days();
    if days <= 0 {
        return None;
    }
    let change = value_in(measure, last)? - value_in(measure, first)?;
    Some(change / days as f64)
}

fn projection(latest: NaiveDate, needed: f64, pace: Option<f64>) -> Option<NaiveDate> {
    if needed <= 0.0 {
        return None;
    }
    let pace = pace.filter(|p| *p > 0.0 && p.is_finite())?;
    let days = (needed / pace).ceil();
    // Beyond ~270 years the projection says nothing useful (and dates overflow).
    (days < 100_000.0).then(|| latest + Duration::days(days as i64))
}

fn status(
    needed: f64,
    pace: Option<f64>,
    pace_needed: Option<f64>,
    by: Option<NaiveDate>,
    today: NaiveDate,
) -> Status {
    if needed <= 0.0 {
        return Status::Reached;
    }
    if by.is_some_and(|by| today > by) {
        return Status::Behind;
    }
    match (pace, pace_needed) {
        (Some(p), Some(n)) if p >= n => Status::OnTrack,
        (Some(_), Some(_)) => Status::Behind,
        _ => Status::Unknown,
    }
}

/// The last day a figure was due by the reporting schedule, or `None` when
/// nothing is due yet (not started, or no schedule). After the deadline no
/// new figure is expected, so the due date stops at the deadline.
pub fn last_due(
    reporting: &Reporting,
    start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    // A report is due by the end of its day: today's is not late yet.
    let horizon = match deadline {
        Some(d) if d < today => d,
        _ => today - Duration::days(1),
    };
    let due = match &reporting.every {
        Schedule::Daily => horizon,
        Schedule::Weekly => horizon - Duration::days(6),
        Schedule::Days(days) => last_weekday_on_or_before(horizon, days)?,
    };
    match start {
        Some(s) if due < s => None,
        _ => Some(due),
    }
}

fn last_weekday_on_or_before(date: NaiveDate, days: &[Weekday]) -> Option<NaiveDate> {
    (0..7)
        .map(|back| date - Duration::days(back))
        .find(|d| days.contains(&d.weekday()))
}

/// Whether the newest figure is older than the schedule allows.
pub fn is_overdue(
    reporting: &Reporting,
    start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    match last_due(reporting, start, deadline, today) {
        Some(due) => latest.is_none_or(|l| l < due),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::Pos;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn figure(date: NaiveDate, reading: Reading, population: Option<u64>) -> Figure {
        Figure {
            date,
            reading,
            stated_percent: None,
            population,
            rank: None,
            source: None,
            approximate: false,
            pos: Pos::default(),
        }
    }

    fn indicator(
        population: Option<u64>,
        target: Option<Target>,
        figures: Vec<Figure>,
    ) -> Indicator {
        Indicator {
            id: "x".into(),
            label: "x".into(),
            unit: None,
            population,
            target,
            figures,
            breakdown: vec![],
        }
    }

    fn percent_target(p: f64) -> Target {
        Target {
            percent: Some(p),
            count: None,
            by: None,
            pos: Pos::default(),
        }
    }

    #[test]
    fn loc_ha_rate_and_target_from_the_letter() {
        // 1.299 / 29.226 = 4,44 % (the letter printed 4.59 %); 30 % of 29.226 = 8.768.
        let f = figure(d(2026, 5, 29), Reading::Count(1299), Some(29226));
        let r = resolve(&f);
        assert_eq!(
            crate::vi::format_percent(crate::vi::Lang::Vi, r.percent.unwrap()),
            "4,44 %"
        );
        assert_eq!(r.remaining, Some(27927));
        let g = goal(&percent_target(30.0), Some(29226), Some(d(2026, 12, 31)));
        assert_eq!(g.count, Some(8768));
        let ind = indicator(Some(29226), Some(percent_target(30.0)), vec![f]);
        let p = progress(&ind, Some(d(2026, 12, 31)), d(2026, 6, 2));
        assert_eq!(p.measure, Some(Measure::Count));
        assert_eq!(p.needed, Some(7469.0));
        assert_eq!(p.days_left, Some(212));
        assert_eq!(p.status, Status::Unknown, "one figure gives no pace");
        let needed_per_day = p.pace_needed.unwrap();
        assert!((needed_per_day - 7469.0 / 212.0).abs() < 1e-9);
    }

    #[test]
    fn pace_projection_and_status_from_several_figures() {
        let figs = vec![
            figure(d(2026, 6, 1), Reading::Count(1000), Some(10000)),
            figure(d(2026, 6, 11), Reading::Count(2000), Some(10000)),
        ];
        let ind = indicator(Some(10000), Some(percent_target(30.0)), figs);
        let p = progress(&ind, Some(d(2026, 6, 30)), d(2026, 6, 11));
        assert_eq!(p.pace, Some(100.0));
        assert_eq!(p.needed, Some(1000.0));
        assert_eq!(p.projected, Some(d(2026, 6, 21)));
        assert_eq!(p.status, Status::OnTrack);
        let late = progress(&ind, Some(d(2026, 6, 14)), d(2026, 6, 11));
        assert_eq!(
            late.status,
            Status::Behind,
            "needs 1000 in 3 days at 100/day"
        );
    }

    #[test]
    fn percent_only_series_is_measured_in_points() {
        // Trường Lưu: "khoảng 3%" on 10/6/2026, target 50 % by 30/6/2026.
        let mut f = figure(d(2026, 6, 10), Reading::Percent(3.0), None);
        f.approximate = true;
        let ind = indicator(None, Some(percent_target(50.0)), vec![f]);
        let p = progress(&ind, Some(d(2026, 6, 30)), d(2026, 6, 10));
        assert_eq!(p.measure, Some(Measure::Points));
        assert_eq!(p.needed, Some(47.0));
        assert_eq!(p.pace_needed, Some(47.0 / 20.0));
        let after = progress(&ind, Some(d(2026, 6, 30)), d(2026, 11, 23));
        assert_eq!(
            after.status,
            Status::Behind,
            "deadline passed without reaching 50 %"
        );
    }

    #[test]
    fn remaining_series_falls_toward_zero() {
        // Hoàng Thanh: 6.516 still to activate on 15/4/2026, target 100 % by 15/5/2026.
        let figs = vec![
            figure(d(2026, 4, 15), Reading::Remaining(6516), None),
            figure(d(2026, 4, 25), Reading::Remaining(5516), None),
        ];
        let ind = indicator(None, Some(percent_target(100.0)), figs);
        let p = progress(&ind, Some(d(2026, 5, 15)), d(2026, 4, 25));
        assert_eq!(p.measure, Some(Measure::Remaining));
        assert_eq!(p.needed, Some(5516.0));
        assert_eq!(p.pace, Some(100.0));
        assert_eq!(p.status, Status::Behind, "needs 275,8/day, doing 100/day");
        assert!((p.share.unwrap() - 1000.0 / 6516.0).abs() < 1e-9);
    }

    #[test]
    fn no_figures_is_no_data_and_reached_is_reached() {
        let empty = indicator(Some(100), Some(percent_target(30.0)), vec![]);
        assert_eq!(progress(&empty, None, d(2026, 1, 1)).status, Status::NoData);
        let done = indicator(
            Some(100),
            Some(percent_target(30.0)),
            vec![figure(d(2026, 1, 1), Reading::Count(31), Some(100))],
        );
        let p = progress(&done, None, d(2026, 1, 2));
        assert_eq!(
            (p.status, p.needed, p.share),
            (Status::Reached, Some(0.0), Some(1.0))
        );
    }

    #[test]
    fn reporting_schedule_due_dates() {
        let mon_thu = Reporting {
            every: Schedule::Days(vec![Weekday::Mon, Weekday::Thu]),
            before: None,
            pos: Pos::default(),
        };
        // Wednesday 6/8/2025: last due Monday 4/8.
        assert_eq!(
            last_due(
                &mon_thu,
                Some(d(2025, 7, 28)),
                Some(d(2025, 8, 18)),
                d(2025, 8, 6)
            ),
            Some(d(2025, 8, 4))
        );
        assert!(is_overdue(
            &mon_thu,
            None,
            None,
            Some(d(2025, 7, 31)),
            d(2025, 8, 6)
        ));
        assert!(!is_overdue(
            &mon_thu,
            None,
            None,
            Some(d(2025, 8, 4)),
            d(2025, 8, 6)
        ));
        // Before the campaign starts nothing is due.
        assert!(!is_overdue(
            &mon_thu,
            Some(d(2025, 7, 28)),
            None,
            None,
            d(2025, 7, 20)
        ));
        let daily = Reporting {
            every: Schedule::Daily,
            before: None,
            pos: Pos::default(),
        };
        // After the deadline, the last due day is the deadline.
        assert_eq!(
            last_due(&daily, None, Some(d(2026, 5, 15)), d(2026, 11, 23)),
            Some(d(2026, 5, 15))
        );
    }
}
