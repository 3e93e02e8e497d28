//! A campaign (`data/campaigns/ID.yaml`): a drive with indicators, phases
//! and figures.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::source::yaml::Pos;

#[derive(Debug, Clone)]
pub struct Campaign {
    pub id: String,
    pub file: PathBuf,
    pub title: String,
    pub summary: Option<String>,
    pub app: Option<(String, Pos)>,
    pub start: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub reporting: Option<Reporting>,
    pub phases: Vec<Phase>,
    pub indicators: Vec<Indicator>,
    /// The indicator the campaign leads with on cards and the widget
    /// (`headline:`; the first one when not given).
    pub headline: Option<String>,
}

impl Campaign {
    /// The indicator shown when there is room for one.
    pub fn headline_indicator(&self) -> Option<&Indicator> {
        self.headline
            .as_deref()
            .and_then(|id| self.indicators.iter().find(|i| i.id == id))
            .or(self.indicators.first())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Schedule {
    Daily,
    Weekly,
    Days(Vec<Weekday>),
}

#[derive(Debug, Clone)]
pub struct Reporting {
    pub every: Schedule,
    pub before: Option<NaiveTime>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Indicator id → target for this phase.
    pub targets: Vec<(String, Target)>,
}

/// A goal: a percent of the population, a count, or both (as letters often
/// print "30 %, tương ứng 8.489 tài khoản"). `by` defaults to the deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub percent: Option<f64>,
    pub count: Option<u64>,
    pub by: Option<NaiveDate>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub label: String,
    /// What a `remaining` figure counts, worded as not yet done ("Công dân …
    /// chưa kích hoạt …"); optional.
    pub remaining_label: Option<String>,
    pub unit: Option<String>,
    pub population: Option<u64>,
    pub target: Option<Target>,
    /// Sorted by date, oldest first.
    pub figures: Vec<Figure>,
    pub breakdown: Vec<Breakdown>,
}

/// What a figure reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// How many have done it.
    Count(u64),
    /// Only a rate was reported.
    Percent(f64),
    /// How many have not done it yet.
    Remaining(u64),
}

/// A number as a source printed it, kept to compare with what the counts give.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated<T> {
    pub value: T,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Figure {
    pub date: NaiveDate,
    pub reading: Reading,
    /// The rate the source printed (`stated_percent`).
    pub stated_percent: Option<Stated<f64>>,
    /// The base in force on that date, else the indicator's.
    pub population: Option<u64>,
    pub rank: Option<Rank>,
    pub source: Option<String>,
    pub approximate: bool,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rank {
    pub position: u64,
    pub of: u64,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub date: NaiveDate,
    pub by: String,
    pub rows: Vec<BreakdownRow>,
}

#[derive(Debug, Clone)]
pub struct BreakdownRow {
    pub name: String,
    pub count: u64,
    pub population: Option<u64>,
    pub target: Option<Target>,
}
