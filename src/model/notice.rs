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
    pub body: Body,
    /// Line of the body's first line in the file, for Markdown diagnostics.
    pub body_line: usize,
    /// The pictures the body shows from `static/` (checked to exist and
    /// measured when the site is built).
    pub pictures: Vec<PictureRef>,
}

/// A notice's Markdown body. The preview holds it (it renders pages again
/// after each save); a build leaves it in its file and reads it again when
/// the notice's page is rendered, so 100,000 bodies are never held at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Held(String),
    /// Still in the file, whose whole text (as read: no byte-order mark,
    /// LF line ends) hashed to this when it was checked: read again, it must
    /// be the same text, or the page would show what was not checked.
    InFile {
        text_hash: u64,
    },
}

impl Body {
    /// The hash a body left in its file is checked against when read again.
    pub fn text_hash(text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        text.hash(&mut hasher);
        hasher.finish()
    }
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
