//! The typed, checked site: every source file read into the model, every
//! problem collected. Nothing here touches the disk.

pub mod campaign;
mod checked;
pub mod notice;
pub mod reader;
pub mod site;

use std::path::Path;
use std::sync::Arc;

pub use campaign::{
    Breakdown, BreakdownRow, Campaign, Figure, Indicator, Phase, Rank, Reading, Reporting,
    Schedule, Target,
};
pub use checked::Checked;
pub use notice::{Attachment, Notice, Page, Signer};
pub use site::{App, Contact, Hotline, Portal, SiteConfig};

use crate::diagnostic::{Diagnostics, Text, suggest};
use crate::source::yaml::{self, SyntaxError};
use crate::source::{SourceFile, Sources};
use reader::Checker;

/// A whole site, checked.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// Sorted by id.
    pub campaigns: Vec<Campaign>,
    /// Newest first (by date signed, then slug), drafts included.
    pub notices: Vec<Arc<Notice>>,
    /// By `order`, then title.
    pub pages: Vec<Page>,
}

/// Checks every source already read. `None` when anything is an error; the
/// diagnostics say what.
pub fn check_sources(sources: &Sources, diags: &mut Diagnostics) -> Option<Site> {
    Checked::of_sources(sources).site(diags)
}

fn with_checker<T>(
    file: &SourceFile,
    diags: &mut Diagnostics,
    read: impl FnOnce(&mut Checker) -> Option<T>,
) -> Option<T> {
    let mut ck = Checker {
        file: &file.path,
        diags,
    };
    read(&mut ck)
}

fn read_yaml_file<T>(
    file: &SourceFile,
    diags: &mut Diagnostics,
    read: impl FnOnce(&mut Checker, &yaml::Node) -> Option<T>,
) -> Option<T> {
    with_checker(file, diags, |ck| match yaml::parse(&file.text, 0) {
        Ok(node) if node.value == yaml::Value::Null => {
            ck.error(
                yaml::Pos { line: 1, column: 1 },
                "empty-file",
                Text::new("Tệp đang trống", "The file is empty"),
                Some(Text::new(
                    "viết nội dung theo mẫu trong FORMAT, hoặc xóa tệp",
                    "write the fields as in the format guide, or delete the file",
                )),
            );
            None
        }
        Ok(node) => read(ck, &node),
        Err(err) => {
            yaml_error(ck, &err);
            None
        }
    })
}

/// A YAML syntax error, in the plain words the reader found for it.
pub(crate) fn yaml_error(ck: &mut Checker, err: &SyntaxError) {
    ck.error(
        err.pos,
        "yaml-syntax",
        err.message.clone(),
        Some(err.hint.clone()),
    );
}

/// The campaign id is the file stem and must be a slug.
fn campaign_id(file: &SourceFile, diags: &mut Diagnostics) -> Option<String> {
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if reader::is_slug(&stem) {
        return Some(stem);
    }
    let fixed = crate::vi::slugify(&stem);
    diags.push(crate::source::files::whole_file_error(
        &file.path,
        "malformed-id",
        Text::new(
            format!("Tên tệp `{stem}` là mã chiến dịch nên chỉ được có chữ thường không dấu, số và dấu gạch ngang"),
            format!("The file name `{stem}` is the campaign id, so it may only have lowercase ASCII letters, digits and dashes"),
        ),
        Some(Text::new(format!("đổi tên tệp thành `{fixed}.yaml`"), format!("rename the file to `{fixed}.yaml`"))),
    ));
    None
}

/// References between files: apps named by campaigns, campaigns named by notices.
fn cross_check(
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

/// Loads and checks a site folder.
pub fn load(root: &Path, diags: &mut Diagnostics) -> (Checked, Option<Site>) {
    let checked = Checked::load(root);
    let site = checked.site(diags);
    (checked, site)
}
