//! When figures are due by a campaign's reporting schedule, and whether the
//! newest ones are late.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::{Reporting, Schedule};

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

/// The due date the newest figure misses, if it is older than the schedule
/// allows.
pub fn overdue(
    reporting: &Reporting,
    start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    newest: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let due = last_due(reporting, start, deadline, today)?;
    newest.is_none_or(|n| n < due).then_some(due)
}
