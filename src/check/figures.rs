//! What the derived figures say that the commune must hear before
//! publishing: a figure dated after today (refused: it would publish a count
//! nobody reported yet and hide the overdue alert), figures late by the
//! reporting schedule, printed numbers the counts contradict, and figures
//! that cannot be compared with their target.

use chrono::NaiveDate;

use crate::check::reader::Checker;
use crate::derive::{CampaignFacts, Derived, Stated, Status};
use crate::diagnostic::Diagnostics;
use crate::messages::FigureProblem;
use crate::model::{Campaign, Site};
use crate::source::yaml::Pos;

/// Adds every problem the derived figures show.
pub fn check(site: &Site, derived: &Derived, diags: &mut Diagnostics) {
    check_campaigns(&site.campaigns, derived, true, diags);
}

/// The same for campaigns read when the site as a whole has an error
/// (`whole` is false): what rests on the values that were read (dates,
/// printed numbers) is still reported in the same run; what could only come
/// from a field dropped by the error (late figures, a target that cannot be
/// compared) is left for the run after it is fixed.
pub fn check_campaigns(
    campaigns: &[Campaign],
    derived: &Derived,
    whole: bool,
    diags: &mut Diagnostics,
) {
    for c in campaigns {
        let Some(facts) = derived.campaign(&c.id) else {
            continue;
        };
        let mut ck = Checker {
            file: &c.file,
            diags,
        };
        future_figures(&mut ck, c, derived.today);
        if whole {
            overdue(&mut ck, c, facts);
        }
        for (indicator, f) in c.indicators.iter().zip(&facts.indicators) {
            for stated in &f.stated {
                stated_differs(&mut ck, stated);
            }
            if whole && f.progress.status == Status::Incomparable {
                let pos = indicator.target.as_ref().map_or(Pos::default(), |t| t.pos);
                ck.warning(pos, FigureProblem::TargetIncomparable);
            }
        }
    }
}

fn future_figures(ck: &mut Checker, c: &Campaign, today: NaiveDate) {
    for figure in c
        .indicators
        .iter()
        .flat_map(|i| &i.figures)
        .filter(|f| f.date > today)
    {
        let date = figure.date;
        ck.error(figure.pos, FigureProblem::FutureFigure { date, today });
    }
}

fn overdue(ck: &mut Checker, c: &Campaign, facts: &CampaignFacts) {
    let (Some(due), Some(reporting)) = (facts.overdue, &c.reporting) else {
        return;
    };
    let problem = FigureProblem::Overdue {
        campaign: c.id.clone(),
        newest: facts.newest,
        due,
    };
    ck.warning(reporting.pos, problem);
}

fn stated_differs(ck: &mut Checker, stated: &Stated) {
    let (pos, problem) = match *stated {
        Stated::Rate {
            stated,
            computed,
            count,
            population,
            base,
            pos,
            ..
        } => (
            pos,
            FigureProblem::StatedRateDiffers {
                stated,
                computed,
                count,
                population,
                base,
            },
        ),
        Stated::TargetCount {
            stated,
            computed,
            percent,
            population,
            base,
            pos,
        } => (
            pos,
            FigureProblem::TargetCountDiffers {
                stated,
                computed,
                percent,
                population,
                base,
            },
        ),
    };
    ck.warning(pos, problem);
}
