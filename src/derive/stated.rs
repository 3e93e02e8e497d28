//! Where a letter's printed numbers disagree with what its own counts give:
//! a printed rate, a printed target count. The page shows both, and names
//! the population that would explain the letter's numbers.

use chrono::NaiveDate;

use super::figures::{Goal, rate};
use crate::model::{Indicator, Reading};
use crate::source::yaml::Pos;

/// A printed rate further than this from the computed one (in points) is
/// a different number, not a rounding.
pub const RATE_TOLERANCE: f64 = 0.05;

/// One printed number the counts do not give.
#[derive(Debug, Clone, PartialEq)]
pub enum Stated {
    /// `stated_percent` of a figure.
    Rate {
        date: NaiveDate,
        stated: f64,
        computed: f64,
        count: u64,
        population: u64,
        /// The population that would give the stated rate.
        base: Option<f64>,
        pos: Pos,
    },
    /// A target count written beside a percent.
    TargetCount {
        stated: u64,
        computed: u64,
        percent: f64,
        population: u64,
        /// The population of which the stated count is that percent.
        base: Option<f64>,
        pos: Pos,
    },
}

impl Stated {
    pub fn base(&self) -> Option<f64> {
        match self {
            Stated::Rate { base, .. } | Stated::TargetCount { base, .. } => *base,
        }
    }

    pub fn pos(&self) -> Pos {
        match self {
            Stated::Rate { pos, .. } | Stated::TargetCount { pos, .. } => *pos,
        }
    }
}

/// Every printed number of the indicator that its counts contradict.
pub fn stated(indicator: &Indicator, goal: Option<&Goal>) -> Vec<Stated> {
    let mut found: Vec<Stated> = indicator
        .figures
        .iter()
        .filter_map(|f| {
            let (Reading::Count(count), Some(population), Some(stated)) =
                (f.reading, f.population, f.stated_percent)
            else {
                return None;
            };
            let computed = rate(count, Some(population))?;
            ((computed - stated.value).abs() > RATE_TOLERANCE).then(|| Stated::Rate {
                date: f.date,
                stated: stated.value,
                computed,
                count,
                population,
                base: (stated.value > 0.0).then(|| count as f64 / stated.value * 100.0),
                pos: stated.pos,
            })
        })
        .collect();
    if let (Some(goal), Some(target), Some(population)) =
        (goal, &indicator.target, indicator.population)
        && let (Some(stated), Some(computed), Some(percent)) =
            (goal.stated_count, goal.count, target.percent)
    {
        found.push(Stated::TargetCount {
            stated,
            computed,
            percent,
            population,
            base: (percent > 0.0).then(|| stated as f64 / percent * 100.0),
            pos: target.pos,
        });
    }
    found
}

/// The one population that explains every printed number, when they agree
/// on one (within 0.5 %): "both fit about 28.3 thousand".
pub fn common_base(stated: &[Stated]) -> Option<f64> {
    let bases: Vec<f64> = stated.iter().filter_map(Stated::base).collect();
    if bases.len() < 2 {
        return None;
    }
    let (low, high) = bases
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), b| (l.min(*b), h.max(*b)));
    (high - low <= low * 0.005).then(|| bases.iter().sum::<f64>() / bases.len() as f64)
}
