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
}
