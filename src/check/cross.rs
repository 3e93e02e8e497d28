//! References between files: apps named by campaigns, campaigns named by
//! notices.

use std::sync::Arc;

use crate::check::reader::Checker;
use crate::diagnostic::{Diagnostics, Text, suggest};
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
            ck.error(
                *pos,
                "unknown-app",
                Text::new(
                    format!("Không có ứng dụng mã `{app}` trong site.yaml"),
                    format!("There is no app with id `{app}` in site.yaml"),
                ),
                Some(known_hint(app, &app_ids, "apps")),
            );
        }
    }
    let campaign_ids: Vec<&str> = declared_campaigns.iter().map(String::as_str).collect();
    for notice in notices {
        for (id, pos) in &notice.campaigns {
            if !campaign_ids.contains(&id.as_str()) {
                let mut ck = Checker {
                    file: &notice.file,
                    diags,
                };
                ck.error(
                    *pos,
                    "unknown-campaign",
                    Text::new(
                        format!("Không có chiến dịch `{id}` (tệp data/campaigns/{id}.yaml)"),
                        format!("There is no campaign `{id}` (file data/campaigns/{id}.yaml)"),
                    ),
                    Some(known_hint(id, &campaign_ids, "campaigns")),
                );
            }
        }
    }
}

fn known_hint(word: &str, known: &[&str], what: &str) -> Text {
    match suggest(word, known) {
        Some(near) => Text::new(
            format!("có phải ý bạn là `{near}`?"),
            format!("did you mean `{near}`?"),
        ),
        None if known.is_empty() => Text::new(
            format!("chưa khai báo mục nào trong `{what}`"),
            format!("nothing is declared in `{what}` yet"),
        ),
        None => Text::new(
            format!("các mã hiện có: {}", known.join(", ")),
            format!("the known ids are: {}", known.join(", ")),
        ),
    }
}
