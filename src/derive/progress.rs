//! Where an indicator stands on a day: what is still needed, the pace, the
//! projection and the status word, by the status model of FORMAT.md. The
//! rules are checked in order; the first that applies is the status.

use chrono::{Duration, NaiveDate};

use super::figures::{Goal, Resolved, goal, resolve};
use crate::model::Indicator;

/// The unit progress is measured in, chosen from what the latest figure and
/// the target both give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// People or accounts counted (a `remaining` series with a population is
    /// counted too: count = population − remaining).
    Count,
    /// Percentage points of the population (only rates were reported).
    Points,
    /// People still to reach, toward 0: a `remaining` series without a
    /// population, measured from its first figure.
    Remaining,
}

/// FORMAT.md, "Status of an indicator on a day T".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 1. The indicator has no target: figures and trend only.
    NoTarget,
    /// 2. T is before the campaign's start.
    NotStarted,
    /// 5, with no figure at all.
    NoFigures,
    /// The figures and the target cannot be compared (a rate against a
    /// count without a population, say): the checker warns about it.
    Incomparable,
    /// 3. The latest figure meets the target.
    Reached,
    /// 4. T is after the deadline and the latest figure falls short.
    EndedNotReached,
    /// 5. Fewer than two dated figures.
    NotEnoughData,
    /// 6, for a target without any date: the pace and projection, no verdict.
    InProgress,
    /// 6. Projected to reach the target on or before its date.
    OnTrack,
    /// 6. Projected after its date, or not moving toward it.
    Behind,
}

impl Status {
    /// Stable ids for open data and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            Status::NoTarget => "no-target",
            Status::NotStarted => "not-started",
            Status::NoFigures => "no-figures",
            Status::Incomparable => "incomparable",
            Status::Reached => "reached",
            Status::EndedNotReached => "ended-not-reached",
            Status::NotEnoughData => "not-enough-data",
            Status::InProgress => "in-progress",
            Status::OnTrack => "on-track",
            Status::Behind => "behind",
        }
    }

    /// Every status, for tests and documentation.
    pub const ALL: [Status; 10] = [
        Status::NoTarget,
        Status::NotStarted,
        Status::NoFigures,
        Status::Incomparable,
        Status::Reached,
        Status::EndedNotReached,
        Status::NotEnoughData,
        Status::InProgress,
        Status::OnTrack,
        Status::Behind,
    ];
}

/// An amount in the measure's unit: whole people, or percentage points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    People(u64),
    Points(f64),
}

impl Quantity {
    pub fn value(self) -> f64 {
        match self {
            Quantity::People(n) => n as f64,
            Quantity::Points(p) => p,
        }
    }

    pub fn is_zero(self) -> bool {
        self.value() <= 0.0
    }
}

/// Everything derived about one indicator on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Every figure, oldest first.
    pub series: Vec<Resolved>,
    pub latest: Option<Resolved>,
    /// For [`Measure::Remaining`]: the first figure, which progress is
    /// measured from.
    pub baseline: Option<Resolved>,
    pub goal: Option<Goal>,
    pub measure: Option<Measure>,
    /// Still needed to reach the goal (the shortfall once it has ended).
    pub needed: Option<Quantity>,
    /// For [`Measure::Remaining`] with two figures or more: how many were
    /// reached since the baseline (negative if the number still to reach grew).
    pub done_since_baseline: Option<i64>,
    /// Share of the goal reached, 0–1 (for [`Measure::Remaining`]: of the
    /// way from the baseline to 0). Absent when it would say nothing true.
    pub share: Option<f64>,
    /// Days from T to the goal's date (0 on that day, negative after).
    pub days_left: Option<i64>,
    /// Per day, in the measure's unit (people or points), over the latest figures.
    pub pace: Option<f64>,
    /// Per day needed from T to make the goal's date.
    pub pace_needed: Option<f64>,
    pub status: Status,
    /// When the goal is reached at the current pace; never before the
    /// latest figure, and only with a status it agrees with.
    pub projected: Option<NaiveDate>,
}

/// How many of the latest figures the pace is measured over.
pub const PACE_WINDOW: usize = 4;

/// Beyond ~270 years a projection says nothing useful (and dates overflow).
const MAX_PROJECTION_DAYS: f64 = 100_000.0;

/// `start` is the campaign's; `deadline` the date a target without its own
/// `by` is due.
pub fn progress(
    indicator: &Indicator,
    start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    today: NaiveDate,
) -> Progress {
    let series: Vec<Resolved> = indicator.figures.iter().map(resolve).collect();
    let latest = series.last().copied();
    let goal = indicator
        .target
        .as_ref()
        .map(|t| goal(t, indicator.population, deadline));
    let measure = latest
        .zip(goal)
        .and_then(|(l, g)| measure_of(&l, &g, indicator.population));
    let mut p = Progress {
        series,
        latest,
        baseline: None,
        goal,
        measure,
        needed: None,
        done_since_baseline: None,
        share: None,
        days_left: goal.and_then(|g| g.by).map(|by| (by - today).num_days()),
        pace: None,
        pace_needed: None,
        status: Status::NoTarget,
        projected: None,
    };
    fill(&mut p, start, today);
    p
}

fn fill(p: &mut Progress, start: Option<NaiveDate>, today: NaiveDate) {
    let Some(goal) = p.goal else {
        p.status = Status::NoTarget;
        return;
    };
    let (Some(latest), Some(measure)) = (p.latest, p.measure) else {
        p.status = if start.is_some_and(|s| today < s) {
            Status::NotStarted
        } else if p.latest.is_none() {
            Status::NoFigures
        } else {
            Status::Incomparable
        };
        return;
    };
    let measured: Vec<Resolved> = p
        .series
        .iter()
        .filter(|r| value_in(measure, r).is_some())
        .copied()
        .collect();
    let needed = needed(measure, &latest, &goal);
    p.needed = Some(needed);
    if measure == Measure::Remaining {
        p.baseline = measured.first().copied();
        if measured.len() >= 2 {
            let first = p.baseline.and_then(|b| b.remaining).unwrap_or(0);
            let now = latest.remaining.unwrap_or(0);
            p.done_since_baseline = Some(first as i64 - now as i64);
            p.share =
                (first > 0).then(|| ((first as f64 - now as f64) / first as f64).clamp(0.0, 1.0));
        }
    } else {
        p.share = share(measure, &latest, &goal);
    }
    let ended = p.days_left.is_some_and(|d| d < 0);
    p.status = if start.is_some_and(|s| today < s) {
        Status::NotStarted
    } else if needed.is_zero() {
        Status::Reached
    } else if ended {
        Status::EndedNotReached
    } else if measured.len() < 2 {
        Status::NotEnoughData
    } else {
        p.pace = pace(measure, &measured);
        p.projected = projection(latest.date, needed, p.pace);
        match (goal.by, p.projected) {
            (None, _) => Status::InProgress,
            (Some(by), Some(date)) if date <= by => Status::OnTrack,
            (Some(_), _) => Status::Behind,
        }
    };
    // The pace a day needs from now, while there is a now to need it from.
    let open = matches!(
        p.status,
        Status::NotStarted | Status::NotEnoughData | Status::OnTrack | Status::Behind
    );
    if let (true, Some(days)) = (open, p.days_left.filter(|d| *d >= 0)) {
        p.pace_needed = Some(needed.value() / days.max(1) as f64);
    }
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

fn needed(measure: Measure, latest: &Resolved, goal: &Goal) -> Quantity {
    match measure {
        Measure::Count => Quantity::People(
            goal.count
                .unwrap_or(0)
                .saturating_sub(latest.count.unwrap_or(0)),
        ),
        Measure::Points => {
            Quantity::Points((goal.percent.unwrap_or(0.0) - latest.percent.unwrap_or(0.0)).max(0.0))
        }
        Measure::Remaining => Quantity::People(latest.remaining.unwrap_or(0)),
    }
}

fn share(measure: Measure, latest: &Resolved, goal: &Goal) -> Option<f64> {
    let (value, target) = match measure {
        Measure::Count => (latest.count? as f64, goal.count? as f64),
        Measure::Points => (latest.percent?, goal.percent?),
        Measure::Remaining => return None,
    };
    Some(if target > 0.0 {
        (value / target).clamp(0.0, 1.0)
    } else {
        1.0
    })
}

/// Change per day from the first to the last of the latest few figures.
fn pace(measure: Measure, measured: &[Resolved]) -> Option<f64> {
    let window = &measured[measured.len().saturating_sub(PACE_WINDOW)..];
    let (first, last) = (window.first()?, window.last()?);
    let days = (last.date - first.date).num_days();
    if days <= 0 {
        return None;
    }
    let change = value_in(measure, last)? - value_in(measure, first)?;
    Some(change / days as f64)
}

/// The latest figure's date plus the days the need takes at this pace: at
/// least one day after the latest figure, since something is still needed.
fn projection(latest: NaiveDate, needed: Quantity, pace: Option<f64>) -> Option<NaiveDate> {
    let pace = pace.filter(|p| *p > 0.0 && p.is_finite())?;
    let days = (needed.value() / pace).ceil().max(1.0);
    (days < MAX_PROJECTION_DAYS).then(|| latest + Duration::days(days as i64))
}
