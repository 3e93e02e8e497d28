//! One figure made whole (count, remaining and rate, from whichever was
//! reported), and a target made concrete.

use chrono::NaiveDate;

use crate::model::{Figure, Reading, Target};

/// A figure with everything it implies filled in where the population allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    pub date: NaiveDate,
    pub count: Option<u64>,
    pub remaining: Option<u64>,
    /// 0–100.
    pub percent: Option<f64>,
    pub population: Option<u64>,
    /// What the file reported: the other values are derived from it.
    pub reported: Reported,
    /// The source said "about" (khoảng), or the count was derived from a rate.
    pub approximate: bool,
}

/// Which value a figure reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    Count,
    Percent,
    Remaining,
}

/// Fills in count, remaining and rate from whichever one was reported.
pub fn resolve(figure: &Figure) -> Resolved {
    let pop = figure.population;
    let (count, remaining, percent, reported) = match figure.reading {
        Reading::Count(c) => (
            Some(c),
            pop.map(|p| p.saturating_sub(c)),
            rate(c, pop),
            Reported::Count,
        ),
        Reading::Remaining(r) => {
            let count = pop.map(|p| p.saturating_sub(r));
            (
                count,
                Some(r),
                count.and_then(|c| rate(c, pop)),
                Reported::Remaining,
            )
        }
        Reading::Percent(p) => {
            let count = pop.map(|n| (p / 100.0 * n as f64).round() as u64);
            (
                count,
                pop.zip(count).map(|(n, c)| n.saturating_sub(c)),
                Some(p),
                Reported::Percent,
            )
        }
    };
    Resolved {
        date: figure.date,
        count,
        remaining,
        percent,
        population: pop,
        reported,
        approximate: figure.approximate || reported == Reported::Percent && count.is_some(),
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
    /// "At least N": the percent of the population rounded up, else the
    /// count the file gave.
    pub count: Option<u64>,
    /// The count the file wrote beside a percent, when the population gives
    /// another one (the letter's own figure; the page shows both).
    pub stated_count: Option<u64>,
    pub by: Option<NaiveDate>,
}

/// A percent of a known population is computed, never taken from the file:
/// a count written beside it is kept as `stated_count` when it differs.
pub fn goal(target: &Target, population: Option<u64>, deadline: Option<NaiveDate>) -> Goal {
    let computed = target
        .percent
        .zip(population)
        .map(|(p, n)| ceil_share(p, n));
    let count = computed.or(target.count);
    // Within one of the exact share is the same figure rounded another way.
    let exact = target
        .percent
        .zip(population)
        .map(|(p, n)| p / 100.0 * n as f64);
    let stated_count = target
        .count
        .filter(|c| exact.is_some_and(|x| (*c as f64 - x).abs() > 1.0));
    let percent = target
        .percent
        .or_else(|| target.count.and_then(|c| rate(c, population)));
    Goal {
        percent,
        count,
        stated_count,
        by: target.by.or(deadline),
    }
}

/// `percent` of `n`, rounded up, ignoring float noise (30 % of 100 is 30, not 31).
pub fn ceil_share(percent: f64, n: u64) -> u64 {
    let exact = percent / 100.0 * n as f64;
    (exact - 1e-9).ceil().max(0.0) as u64
}
