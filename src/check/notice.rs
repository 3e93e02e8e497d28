//! Reading `content/notices/*.md` and `content/pages/*.md`: front matter
//! into a [`Notice`] or [`Page`], the body kept as written.

use std::path::Path;

use crate::check::reader::{self as r, Checker, Fields};
use crate::markdown;
use crate::messages::{SiteProblem, Subject};
use crate::model::{Attachment, Body, Notice, Page, Signer};
use crate::source::yaml::{self, Node, Pos};
use crate::source::{SourceFile, split_front_matter};
use crate::vi::slugify;

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
        ck.error(
            Pos { line: 1, column: 1 },
            SiteProblem::MissingFrontMatter { opened },
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
                raw: None,
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
        ck.error(Pos::default(), SiteProblem::MalformedFileName { stem });
        return None;
    }
    Some(slug)
}

/// A notice, its body held in memory (`hold_body`) or left in its file
/// (see [`Body`]).
pub fn read_notice(ck: &mut Checker, file: &SourceFile, hold_body: bool) -> Option<Notice> {
    let slug = slug_of(ck, &file.path);
    let (root, body, body_line) = split(ck, file)?;
    let pictures = markdown::check_body(body, body_line, ck.file, ck.diags);
    let f = Fields::open(ck, &root, Subject::NoticeFrontMatter, NOTICE_FIELDS)?;
    let title = f.required(ck, "title").and_then(|n| r::text(ck, n));
    let date = f.required(ck, "date").and_then(|n| r::date(ck, n));
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
        body: if hold_body {
            Body::Held(body.to_string())
        } else {
            Body::InFile {
                text_hash: Body::text_hash(&file.text),
            }
        },
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
    let f = Fields::open(
        ck,
        node,
        Subject::Signer,
        &["name", "position", "authority", "on_behalf"],
    )?;
    let name = f.required(ck, "name").and_then(|n| r::text(ck, n));
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
    let f = Fields::open(ck, node, Subject::Attachment, &["title", "url"])?;
    let title = f.required(ck, "title").and_then(|n| r::text(ck, n));
    let url = f
        .required(ck, "url")
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
    let f = Fields::open(ck, &root, Subject::PageFrontMatter, &["title", "order"])?;
    let title = f.required(ck, "title").and_then(|n| r::text(ck, n));
    let order = f.get("order").and_then(|n| match n.value {
        yaml::Value::Int(i) => Some(i),
        _ => {
            ck.error(n.pos, SiteProblem::OrderNotWhole);
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
