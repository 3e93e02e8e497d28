//! `content/notices/*.md` (official letters) and `content/pages/*.md`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diagnostic::Text;
use crate::markdown::{self, PictureRef};
use crate::model::reader::{self as r, Checker, Fields};
use crate::source::yaml::{self, Node, Pos};
use crate::source::{SourceFile, split_front_matter};
use crate::vi::slugify;

#[derive(Debug, Clone)]
pub struct Notice {
    /// From the file name: `2026-06-02-959-ubnd-vhxh`.
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: NaiveDate,
    pub effective: Option<NaiveDate>,
    pub place: Option<String>,
    pub issuer: Option<String>,
    pub recipients: Vec<String>,
    pub signer: Option<Signer>,
    pub distribution: Vec<String>,
    pub campaigns: Vec<(String, Pos)>,
    pub attachments: Vec<Attachment>,
    pub draft: bool,
    pub body: String,
    /// Line of the body's first line in the file, for Markdown diagnostics.
    pub body_line: usize,
    /// The pictures the body shows from `static/` (checked to exist and
    /// measured when the site is built).
    pub pictures: Vec<PictureRef>,
}

#[derive(Debug, Clone)]
pub struct Signer {
    pub name: String,
    pub position: Option<String>,
    pub authority: Option<String>,
    pub on_behalf: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Attachment {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub order: Option<i64>,
    pub body: String,
    /// The pictures the body shows from `static/`.
    pub pictures: Vec<PictureRef>,
}

const NOTICE_FIELDS: &[&str] = &[
    "title",
    "kind",
    "number",
    "date",
    "effective",
    "place",
    "issuer",
    "recipients",
    "signer",
    "distribution",
    "campaigns",
    "attachments",
    "draft",
];

/// The front matter as a node, the body, and the body's first line.
fn split<'a>(ck: &mut Checker, file: &'a SourceFile) -> Option<(Node, &'a str, usize)> {
    let Some(fm) = split_front_matter(&file.text) else {
        let opened = file
            .text
            .lines()
            .next()
            .is_some_and(|l| l.trim_end() == "---");
        let message = if opened {
            Text::new(
                "Phần thông tin mở bằng dòng `---` nhưng chưa có dòng `---` đóng lại",
                "The front matter opens with a `---` line but no `---` line closes it",
            )
        } else {
            Text::new(
                "Tệp phải bắt đầu bằng phần thông tin giữa hai dòng `---`",
                "The file must start with front matter between two `---` lines",
            )
        };
        ck.error(
            Pos { line: 1, column: 1 },
            "missing-front-matter",
            message,
            Some(Text::new(
                "dòng đầu tiên là `---`, tiếp theo là `title: …`, `date: …`, rồi một dòng `---`, sau đó là nội dung",
                "the first line is `---`, then `title: …`, `date: …`, then a `---` line, then the body",
            )),
        );
        return None;
    };
    let body_line = fm.yaml_line_offset + fm.yaml.lines().count() + 2;
    match yaml::parse(fm.yaml, fm.yaml_line_offset) {
        // An empty front matter lacks its fields: say which.
        Ok(node) if node.value == yaml::Value::Null => Some((
            Node {
                pos: node.pos,
                value: yaml::Value::Map(Vec::new()),
            },
            fm.body,
            body_line,
        )),
        Ok(node) => Some((node, fm.body, body_line)),
        Err(err) => {
            super::yaml_error(ck, &err);
            None
        }
    }
}

/// The URL name of a content file, from its file stem.
fn slug_of(ck: &mut Checker, path: &Path) -> Option<String> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = slugify(&stem);
    if slug.is_empty() {
        ck.error(
            Pos::default(),
            "malformed-file-name",
            Text::new(
                format!("Tên tệp `{stem}` không dùng làm địa chỉ trang được"),
                format!("The file name `{stem}` cannot be used as a page address"),
            ),
            Some(Text::new(
                "đặt tên tệp bằng chữ không dấu và số, ví dụ `2026-06-02-959-ubnd-vhxh.md`",
                "name the file with plain letters and digits, e.g. `2026-06-02-959-ubnd-vhxh.md`",
            )),
        );
        return None;
    }
    Some(slug)
}

pub fn read_notice(ck: &mut Checker, file: &SourceFile) -> Option<Notice> {
    let slug = slug_of(ck, &file.path);
    let (root, body, body_line) = split(ck, file)?;
    let pictures = markdown::check_body(body, body_line, ck.file, ck.diags);
    let what = Text::new("phần thông tin của văn bản", "the notice's front matter");
    let f = Fields::open(ck, &root, &what, NOTICE_FIELDS)?;
    let title = f.required(ck, "title", &what).and_then(|n| r::text(ck, n));
    let date = f.required(ck, "date", &what).and_then(|n| r::date(ck, n));
    let notice = Notice {
        kind: f.get("kind").and_then(|n| r::text(ck, n)),
        number: f.get("number").and_then(|n| r::text(ck, n)),
        effective: f.get("effective").and_then(|n| r::date(ck, n)),
        place: f.get("place").and_then(|n| r::text(ck, n)),
        issuer: f.get("issuer").and_then(|n| r::text(ck, n)),
        recipients: f
            .get("recipients")
            .map(|n| r::text_list(ck, n))
            .unwrap_or_default(),
        signer: f.get("signer").and_then(|n| read_signer(ck, n)),
        distribution: f
            .get("distribution")
            .map(|n| r::text_list(ck, n))
            .unwrap_or_default(),
        campaigns: f
            .get("campaigns")
            .map(|n| read_campaign_refs(ck, n))
            .unwrap_or_default(),
        attachments: f
            .get("attachments")
            .map(|n| {
                r::list(ck, n)
                    .iter()
                    .filter_map(|a| read_attachment(ck, a))
                    .collect()
            })
            .unwrap_or_default(),
        draft: f
            .get("draft")
            .and_then(|n| r::boolean(ck, n))
            .unwrap_or(false),
        body: body.to_string(),
        body_line,
        pictures,
        file: file.path.clone(),
        slug: slug?,
        title: title?,
        date: date?,
    };
    Some(notice)
}

fn read_signer(ck: &mut Checker, node: &Node) -> Option<Signer> {
    let what = Text::new("người ký (signer)", "the signer");
    let f = Fields::open(
        ck,
        node,
        &what,
        &["name", "position", "authority", "on_behalf"],
    )?;
    let name = f.required(ck, "name", &what).and_then(|n| r::text(ck, n));
    Some(Signer {
        name: name?,
        position: f.get("position").and_then(|n| r::text(ck, n)),
        authority: f.get("authority").and_then(|n| r::text(ck, n)),
        on_behalf: f.get("on_behalf").and_then(|n| r::text(ck, n)),
    })
}

fn read_campaign_refs(ck: &mut Checker, node: &Node) -> Vec<(String, Pos)> {
    match &node.value {
        yaml::Value::Seq(items) => items
            .iter()
            .filter_map(|n| r::id(ck, n).map(|id| (id, n.pos)))
            .collect(),
        _ => r::id(ck, node)
            .map(|id| (id, node.pos))
            .into_iter()
            .collect(),
    }
}

fn read_attachment(ck: &mut Checker, node: &Node) -> Option<Attachment> {
    let what = Text::new("một tệp đính kèm (attachments)", "an attachment");
    let f = Fields::open(ck, node, &what, &["title", "url"])?;
    let title = f.required(ck, "title", &what).and_then(|n| r::text(ck, n));
    let url = f
        .required(ck, "url", &what)
        .and_then(|n| r::site_or_web_link(ck, n));
    Some(Attachment {
        title: title?,
        url: url?,
    })
}

pub fn read_page(ck: &mut Checker, file: &SourceFile) -> Option<Page> {
    let slug = slug_of(ck, &file.path);
    let (root, body, body_line) = split(ck, file)?;
    let pictures = markdown::check_body(body, body_line, ck.file, ck.diags);
    let what = Text::new("phần thông tin của trang", "the page's front matter");
    let f = Fields::open(ck, &root, &what, &["title", "order"])?;
    let title = f.required(ck, "title", &what).and_then(|n| r::text(ck, n));
    let order = f.get("order").and_then(|n| match n.value {
        yaml::Value::Int(i) => Some(i),
        _ => {
            ck.error(
                n.pos,
                "wrong-type",
                Text::new(
                    "`order` phải là một số nguyên",
                    "`order` must be a whole number",
                ),
                Some(Text::new("ví dụ `order: 1`", "for example `order: 1`")),
            );
            None
        }
    });
    Some(Page {
        slug: slug?,
        file: file.path.clone(),
        title: title?,
        order,
        body: body.to_string(),
        pictures,
    })
}
