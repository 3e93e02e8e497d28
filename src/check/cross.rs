//! References between files: apps named by campaigns, campaigns named by
//! notices.

use std::collections::HashSet;
use std::sync::Arc;

use crate::check::reader::Checker;
use crate::diagnostic::{Diagnostics, suggest};
use crate::messages::SiteProblem;
use crate::model::{Campaign, Notice, SiteConfig};

/// References between files: apps named by campaigns, campaigns named by notices.
pub(super) fn cross_check(
    config: &SiteConfig,
    campaigns: &[Campaign],
    notices: &[Arc<Notice>],
    declared_apps: &[String],
    declared_campaigns: &[String],
    diags: &mut Diagnostics,
) {
    let app_ids: Vec<&str> = config.apps.iter().map(|a| a.id.as_str()).collect();
    for campaign in campaigns {
        let Some((app, pos)) = &campaign.app else {
            continue;
        };
        if !app_ids.contains(&app.as_str()) && !declared_apps.contains(app) {
            let mut ck = Checker {
                file: &campaign.file,
                diags,
            };
            let problem = SiteProblem::UnknownApp {
                id: app.clone(),
                near: suggest(app, &app_ids).map(str::to_string),
                known: config.apps.iter().map(|a| a.id.clone()).collect(),
            };
            ck.error(*pos, problem);
        }
    }
    let campaign_ids: Vec<&str> = declared_campaigns.iter().map(String::as_str).collect();
    // Looked up for every notice on every save of the preview.
    let known: HashSet<&str> = campaign_ids.iter().copied().collect();
    for notice in notices {
        for (id, pos) in &notice.campaigns {
            if !known.contains(id.as_str()) {
                let mut ck = Checker {
                    file: &notice.file,
                    diags,
                };
                let problem = SiteProblem::UnknownCampaign {
                    id: id.clone(),
                    near: suggest(id, &campaign_ids).map(str::to_string),
                    known: declared_campaigns.to_vec(),
                };
                ck.error(*pos, problem);
            }
        }
    }
}
