//! The typed, checked site: every source file read into the model, every
//! problem collected. Nothing here touches the disk.

pub mod campaign;
pub mod notice;
pub mod reader;
pub mod site;

use std::path::Path;

pub use campaign::{
    Breakdown, BreakdownRow, Campaign, Figure, Indicator, Phase, Rank, Reading, Reporting,
    Schedule, Target,
};
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
    pub notices: Vec<Notice>,
    /// By `order`, then title.
    pub pages: Vec<Page>,
}

/// Reads and checks every source. `None` when anything is an error; the
/// diagnostics say what.
pub fn check_sources(sources: &Sources, diags: &mut Diagnostics) -> Option<Site> {
    let config = sources
        .site
        .as_ref()
        .and_then(|file| read_yaml_file(file, diags, site::read_site));
    let campaigns: Vec<Campaign> = sources
        .campaigns
        .iter()
        .filter_map(|file| {
            let id = campaign_id(file, diags)?;
            read_yaml_file(file, diags, |ck, node| {
                campaign::read_campaign(ck, id.clone(), node)
            })
        })
        .collect();
    let mut notices: Vec<Notice> = sources
        .notices
        .iter()
        .filter_map(|file| with_checker(file, diags, |ck| notice::read_notice(ck, file)))
        .collect();
    let mut pages: Vec<Page> = sources
        .pages
        .iter()
        .filter_map(|file| with_checker(file, diags, |ck| notice::read_page(ck, file)))
        .collect();
    let config = config?;
    let declared = Declared::of(sources, diags);
    cross_check(&config, &campaigns, &notices, &declared, diags);
    notices.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    pages.sort_by(|a, b| {
        (a.order.unwrap_or(i64::MAX), &a.title).cmp(&(b.order.unwrap_or(i64::MAX), &b.title))
    });
    (!diags.has_errors()).then_some(Site {
        config,
        campaigns,
        notices,
        pages,
    })
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

/// A YAML syntax error in plain words.
pub(crate) fn yaml_error(ck: &mut Checker, err: &SyntaxError) {
    ck.error(
        err.pos,
        "yaml-syntax",
        Text::new(
            format!("Lỗi cú pháp YAML: {}", err.message),
            format!("YAML syntax error: {}", err.message),
        ),
        Some(Text::new(
            "kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách (không dùng Tab), và dấu ngoặc đóng mở đủ cặp",
            "check the colon after each field name, indentation with spaces (not tabs), and matching brackets",
        )),
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

/// Every app and campaign id the site's files declare, including those whose
/// app or campaign failed to read (a campaign file too large or not UTF-8
/// included): a reference to one of them is not reported as unknown on top
/// of the error in its own file.
struct Declared {
    apps: Vec<String>,
    campaigns: Vec<String>,
}

impl Declared {
    fn of(sources: &Sources, diags: &Diagnostics) -> Self {
        let apps = sources
            .site
            .as_ref()
            .and_then(|file| yaml::parse(&file.text, 0).ok())
            .and_then(|root| match root.value {
                yaml::Value::Map(entries) => entries
                    .iter()
                    .find(|(key, _)| key.name == "apps")
                    .map(|(_, node)| reader::declared_ids(node)),
                _ => None,
            })
            .unwrap_or_default();
        let unreadable = diags
            .iter()
            .filter(|d| {
                matches!(
                    d.code,
                    "file-too-large" | "unreadable-file" | "invalid-utf8"
                )
            })
            .map(|d| d.file.as_path())
            .filter(|path| path.starts_with("data/campaigns"));
        let campaigns = sources
            .campaigns
            .iter()
            .map(|file| file.path.as_path())
            .chain(unreadable)
            .filter_map(|path| path.file_stem())
            .map(|stem| stem.to_string_lossy().into_owned())
            .filter(|stem| reader::is_slug(stem))
            .collect();
        Declared { apps, campaigns }
    }
}

/// References between files: apps named by campaigns, campaigns named by notices.
fn cross_check(
    config: &SiteConfig,
    campaigns: &[Campaign],
    notices: &[Notice],
    declared: &Declared,
    diags: &mut Diagnostics,
) {
    let app_ids: Vec<&str> = config.apps.iter().map(|a| a.id.as_str()).collect();
    for campaign in campaigns {
        let Some((app, pos)) = &campaign.app else {
            continue;
        };
        if !app_ids.contains(&app.as_str()) && !declared.apps.contains(app) {
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
    let campaign_ids: Vec<&str> = declared.campaigns.iter().map(String::as_str).collect();
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
pub fn load(root: &Path, diags: &mut Diagnostics) -> (Sources, Option<Site>) {
    let sources = crate::source::read_sources(root, diags);
    let site = check_sources(&sources, diags);
    (sources, site)
}
