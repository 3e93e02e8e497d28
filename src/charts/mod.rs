//! Charts as accessible inline SVG (plotters' SVG backend): a `<title>` and
//! `<desc>` that state the finding, `role="img"`, Vietnamese labels, and the
//! same numbers always shown in a table beside them by the page.

use chrono::NaiveDate;

use crate::vi::Lang;

mod bars;
#[cfg(test)]
mod samples;
mod svg;
mod ticks;
mod time_series;
#[cfg(test)]
mod xml_check;

pub use bars::bars_svg;
pub use time_series::time_series_svg;

/// What the y axis counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Percent of a population, 0–100.
    Percent,
    /// Plain counts (no population known), from 0 to at least the largest value.
    Count,
}

/// One reported figure on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    pub value: f64,
}

/// A shaded period on the time axis (a campaign phase).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// An indicator's reported series against its target and deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSeries {
    pub lang: Lang,
    /// Unique within the page, used for SVG ids (`title-<id>`).
    pub id: String,
    /// States the finding, e.g. "Đạt 4,44 %, mục tiêu 30 % trước 31/12/2026".
    pub title: String,
    /// A longer text alternative: every point in words.
    pub desc: String,
    pub scale: Scale,
    /// Sorted by date; may be empty or a single point.
    pub points: Vec<Point>,
    /// `true` when the series falls toward 0 (a "remaining" count).
    pub falling: bool,
    pub target: Option<f64>,
    pub start: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub phases: Vec<Band>,
}

/// One bar of a breakdown (a village, a unit, a commune).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub name: String,
    pub value: f64,
    /// The row's own target on the same scale, drawn as a mark across its bar.
    pub target: Option<f64>,
}

/// A breakdown on one date as horizontal bars, already sorted by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub lang: Lang,
    pub id: String,
    pub title: String,
    pub desc: String,
    pub scale: Scale,
    pub bars: Vec<Bar>,
}
