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
    Schedule, Stated, Target,
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
                    "viết các trường của tệp, bắt đầu bằng dòng `title: …`, hoặc xóa tệp",
                    "write the file's fields, starting with a line `title: …`, or delete the file",
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
    // The parser's own words repeat the position; the diagnostic has it.
    let detail = err
        .message
        .split(" at line ")
        .next()
        .unwrap_or(&err.message)
        .trim();
    let (message, hint) = explain_yaml(detail).unwrap_or_else(|| {
        (
            Text::new(
                format!("Lỗi cú pháp YAML: {detail}"),
                format!("YAML syntax error: {detail}"),
            ),
            Text::new(
                "kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách (không dùng Tab), và dấu ngoặc đóng mở đủ cặp",
                "check the colon after each field name, indentation with spaces (not tabs), and matching brackets",
            ),
        )
    });
    ck.error(err.pos, "yaml-syntax", message, Some(hint));
}

/// The parser's English message, for the mistakes people make, said in
/// both languages with what to do.
fn explain_yaml(detail: &str) -> Option<(Text, Text)> {
    if let Some(rest) = detail.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return Some((
            Text::new(
                format!("Trường `{key}` được viết hai lần trong cùng một nhóm"),
                format!("The field `{key}` is written twice in the same group"),
            ),
            Text::new(
                format!("giữ một dòng `{key}: …` và xóa dòng còn lại"),
                format!("keep one `{key}: …` line and delete the other"),
            ),
        ));
    }
    let has = |needle: &str| detail.contains(needle);
    let (vi, en, hint_vi, hint_en) = if has("tabs disallowed") {
        (
            "Dòng này thụt lề bằng phím Tab",
            "This line is indented with a Tab",
            "thay Tab ở đầu dòng bằng dấu cách (hai dấu cách cho mỗi bậc thụt lề)",
            "replace the Tab at the start of the line with spaces (two per level)",
        )
    } else if has("Documents") {
        (
            "Dòng `---` ở giữa tệp chia tệp thành hai phần; tệp dữ liệu chỉ được có một phần",
            "A `---` line splits the file in two; a data file may have only one part",
            "xóa dòng `---` này",
            "delete this `---` line",
        )
    } else if has("budget breached") || has("recursion limit") {
        (
            "Tệp lồng nhau quá sâu hoặc dùng quá nhiều bí danh (`&`, `*`) để đọc được",
            "The file is nested too deeply or uses too many aliases (`&`, `*`) to be read",
            "tệp dữ liệu chỉ cần các trường đơn giản như trong mẫu: bỏ các ngoặc lồng nhau và các dấu `&`, `*`",
            "a data file needs only plain fields as in the format guide: remove the nested brackets and the `&`, `*` aliases",
        )
    } else if has("non-finite float") {
        (
            "`.inf` và `.nan` không phải là số dùng được",
            "`.inf` and `.nan` are not usable numbers",
            "viết một số cụ thể, ví dụ `1299`",
            "write an actual number, e.g. `1299`",
        )
    } else if has("unclosed quote") {
        (
            "Dấu ngoặc kép mở ở đây chưa được đóng",
            "The quote opened here is not closed",
            "thêm dấu ngoặc đóng ở cuối giá trị, trên cùng một dòng",
            "add the closing quote at the end of the value, on the same line",
        )
    } else if has("unclosed bracket")
        || has("flow mapping")
        || has("flow sequence")
        || has("illegal placement of ':'")
    {
        (
            "Một dấu ngoặc `[` hoặc `{` mở phía trước chưa được đóng",
            "A `[` or `{` opened before is not closed",
            "đóng ngoặc bằng `]` hoặc `}` ở cuối dòng đã mở nó",
            "close it with `]` or `}` at the end of the line that opened it",
        )
    } else if has("mapping values are not allowed") {
        (
            "Có dấu `: ` ở chỗ không được có",
            "There is a `: ` where none is allowed",
            "nếu giá trị có dấu hai chấm (như `V/v: …`), đặt cả giá trị trong dấu ngoặc kép; nếu không, kiểm tra thụt lề của dòng này so với dòng trên",
            "if the value has a colon (like `V/v: …`), put the whole value in double quotes; otherwise check this line's indentation against the line above",
        )
    } else if has("did not find expected key") || has("did not find expected '-'") {
        (
            "Thụt lề của dòng này không khớp với các dòng cùng nhóm",
            "This line's indentation does not match the other lines of its group",
            "các trường cùng nhóm phải thẳng cột (cùng số dấu cách đầu dòng); mỗi mục của danh sách bắt đầu bằng `- `",
            "the fields of a group must line up (the same number of spaces before them); each list item starts with `- `",
        )
    } else if has("unexpected character") || has("alias references unknown anchor") {
        (
            "Giá trị không được bắt đầu bằng ký tự này",
            "A value cannot start with this character",
            "đặt cả giá trị trong dấu ngoặc kép, ví dụ `title: \"@Lộc Hà\"`",
            "put the whole value in double quotes, e.g. `title: \"@Lộc Hà\"`",
        )
    } else {
        return None;
    };
    Some((Text::new(vi, en), Text::new(hint_vi, hint_en)))
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
