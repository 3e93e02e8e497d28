//! `content/notices/*.md` (official letters) and `content/pages/*.md`.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::source::yaml::Pos;

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

/// A picture a body shows from the site's own files, for the build to find
/// in `static/` and measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureRef {
    /// Under `static/`: `files/so-do.png`.
    pub path: String,
    pub line: usize,
    pub column: usize,
}
