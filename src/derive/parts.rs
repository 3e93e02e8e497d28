//! The parts of a campaign beside its indicators' progress: breakdown rows
//! against their targets, and each phase against its own.

use chrono::NaiveDate;

use super::figures::{Goal, Resolved, goal, rate, resolve};
use crate::model::{Breakdown, Indicator, Phase, Target};

/// One row of a breakdown (a village, a unit) on its date.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFacts {
    pub name: String,
    pub count: u64,
    pub population: Option<u64>,
    /// 0–100.
    pub rate: Option<f64>,
    pub goal: Option<Goal>,
    /// Whether the row meets its own target; `None` without one, or when
    /// the target cannot be compared (a percent without a population).
    pub reached: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownFacts {
    pub date: NaiveDate,
    /// What a row is: "thôn", "đơn vị".
    pub by: String,
    /// Every row has a population: rows compare by rate, else by count.
    pub by_rate: bool,
    /// In the file's order.
    pub rows: Vec<RowFacts>,
}

pub fn breakdown(b: &Breakdown) -> BreakdownFacts {
    BreakdownFacts {
        date: b.date,
        by: b.by.clone(),
        by_rate: b.rows.iter().all(|r| r.population.is_some_and(|p| p > 0)),
        rows: b
            .rows
            .iter()
            .map(|r| {
                let rate = rate(r.count, r.population);
                let goal = r.target.as_ref().map(|t| goal(t, r.population, None));
                RowFacts {
                    name: r.name.clone(),
                    count: r.count,
                    population: r.population,
                    rate,
                    goal,
                    reached: goal.and_then(|g| meets(Some(r.count), rate, &g)),
                }
            })
            .collect(),
    }
}

/// Whether a count or rate meets a goal, compared in whatever both give.
fn meets(count: Option<u64>, rate: Option<f64>, goal: &Goal) -> Option<bool> {
    match (count, goal.count, rate, goal.percent) {
        (Some(c), Some(target), _, _) => Some(c >= target),
        (_, _, Some(r), Some(target)) => Some(r + 1e-9 >= target),
        _ => None,
    }
}

/// Where a phase stands on T.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    Future,
    Current,
    Past,
}

/// A phase's target for one indicator, judged by the latest figure dated
/// within the phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseResult {
    /// The phase has not begun.
    Upcoming,
    Reached,
    /// The phase is running and the target is not met yet.
    NotYet,
    /// The phase is over and its figure falls short.
    NotReached,
    /// No figure is dated within the phase: nothing to judge by.
    NoData,
    /// The figure and the target cannot be compared (a rate against a count
    /// without a population).
    Incomparable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhaseTarget {
    pub indicator: String,
    /// Due at the phase's end (`by` is left empty: the phase's period says it).
    pub goal: Goal,
    /// The figure the result is judged by.
    pub figure: Option<Resolved>,
    pub result: PhaseResult,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhaseFacts {
    pub timing: Timing,
    /// In the file's order; targets for unknown indicators are refused by the checker.
    pub targets: Vec<PhaseTarget>,
}

pub fn phase(p: &Phase, indicators: &[Indicator], today: NaiveDate) -> PhaseFacts {
    let timing = if today > p.end {
        Timing::Past
    } else if today < p.start {
        Timing::Future
    } else {
        Timing::Current
    };
    let targets = p
        .targets
        .iter()
        .filter_map(|(id, target)| {
            let indicator = indicators.iter().find(|i| &i.id == id)?;
            Some(phase_target(p, indicator, target, timing))
        })
        .collect();
    PhaseFacts { timing, targets }
}

fn phase_target(p: &Phase, indicator: &Indicator, target: &Target, timing: Timing) -> PhaseTarget {
    let goal = Goal {
        by: None,
        ..goal(target, indicator.population, None)
    };
    let figure = indicator
        .figures
        .iter()
        .rev()
        .find(|f| f.date >= p.start && f.date <= p.end)
        .map(resolve);
    let result = match (timing, figure) {
        (Timing::Future, _) => PhaseResult::Upcoming,
        (_, None) => PhaseResult::NoData,
        (_, Some(f)) => match meets(f.count, f.percent, &goal) {
            None => PhaseResult::Incomparable,
            Some(true) => PhaseResult::Reached,
            Some(false) if timing == Timing::Past => PhaseResult::NotReached,
            Some(false) => PhaseResult::NotYet,
        },
    };
    PhaseTarget {
        indicator: indicator.id.clone(),
        goal,
        figure,
        result,
    }
}
