//! What the numbers mean, computed once per build: rates, counts still
//! needed, days left, pace, status and projection, overdue figures, printed
//! numbers the counts contradict. Pure functions of the model and "today";
//! never taken on trust from a file. Every surface (pages, poster, widget,
//! share image, feed, open data, warnings, roll-up) reads [`Derived`], so
//! they cannot disagree. These are the figures officials will quote.

mod figures;
mod parts;
mod progress;
mod schedule;
mod stated;

use chrono::NaiveDate;

pub use figures::{Goal, Reported, Resolved, ceil_share, goal, rate, resolve};
pub use parts::{BreakdownFacts, PhaseFacts, PhaseResult, PhaseTarget, RowFacts, Timing};
pub use progress::{Measure, PACE_WINDOW, Progress, Quantity, Status, progress};
pub use schedule::{last_due, overdue};
pub use stated::{RATE_TOLERANCE, Stated, common_base};

use crate::model::{Campaign, Indicator, Site};

/// Everything derived about a site on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub today: NaiveDate,
    /// In the site's order of campaigns (by id).
    pub campaigns: Vec<CampaignFacts>,
}

impl Derived {
    /// The facts of the campaign `id`. Every campaign of the site it was
    /// derived from has them.
    pub fn campaign(&self, id: &str) -> Option<&CampaignFacts> {
        self.campaigns
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.campaigns[i])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFacts {
    pub id: String,
    /// The newest figure of any indicator.
    pub newest: Option<NaiveDate>,
    /// Days from today to the deadline (0 on the day, negative after).
    pub days_left: Option<i64>,
    /// The due date the newest figures miss, when they are late by the
    /// reporting schedule.
    pub overdue: Option<NaiveDate>,
    /// In the file's order.
    pub indicators: Vec<IndicatorFacts>,
    /// In the file's order.
    pub phases: Vec<PhaseFacts>,
}

impl CampaignFacts {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorFacts> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorFacts {
    pub id: String,
    pub progress: Progress,
    /// Printed numbers that the counts contradict.
    pub stated: Vec<Stated>,
    /// The population that explains every printed number, when they agree.
    pub common_base: Option<f64>,
    /// In the file's order.
    pub breakdowns: Vec<BreakdownFacts>,
}

/// Derives the whole site on `today`.
pub fn site(site: &Site, today: NaiveDate) -> Derived {
    let mut campaigns: Vec<CampaignFacts> =
        site.campaigns.iter().map(|c| campaign(c, today)).collect();
    campaigns.sort_by(|a, b| a.id.cmp(&b.id));
    Derived { today, campaigns }
}

/// Derives one campaign on `today` (a preview rebuild after one file).
pub fn campaign(c: &Campaign, today: NaiveDate) -> CampaignFacts {
    let newest = c
        .indicators
        .iter()
        .filter_map(|i| i.figures.last().map(|f| f.date))
        .max();
    CampaignFacts {
        id: c.id.clone(),
        newest,
        days_left: c.deadline.map(|d| (d - today).num_days()),
        overdue: c
            .reporting
            .as_ref()
            .and_then(|r| overdue(r, c.start, c.deadline, newest, today)),
        indicators: c
            .indicators
            .iter()
            .map(|i| indicator(i, c.start, c.deadline, today))
            .collect(),
        phases: c
            .phases
            .iter()
            .map(|p| parts::phase(p, &c.indicators, today))
            .collect(),
    }
}

fn indicator(
    i: &Indicator,
    start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    today: NaiveDate,
) -> IndicatorFacts {
    let progress = progress(i, start, deadline, today);
    let stated = stated::stated(i, progress.goal.as_ref());
    IndicatorFacts {
        id: i.id.clone(),
        common_base: common_base(&stated),
        stated,
        breakdowns: i.breakdown.iter().map(parts::breakdown).collect(),
        progress,
    }
}
