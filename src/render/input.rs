//! What a render is given and gives back: how the build was asked to run,
//! its input, where each file goes (a [`Sink`]), and the parts of the output
//! a preview rebuild may make again.

use std::path::Path;

use chrono::NaiveDate;

use crate::derive::Derived;
use crate::markdown::PictureSizes;
use crate::model::Site;
use crate::output::made::Key;

/// How a build is asked to run.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// "Today" for days left, status and overdue figures.
    pub today: NaiveDate,
    /// Include draft notices.
    pub drafts: bool,
    /// Overrides `base_url` from site.yaml (ends with `/`).
    pub base_url: Option<String>,
}

/// Receives each output file as soon as it is made (a path relative to the
/// output root, and its bytes). Called from several threads at once. Any
/// `Fn(String, Vec<u8>)` closure is one.
pub trait Sink: Sync {
    /// A file made in memory.
    fn put(&self, path: String, bytes: Vec<u8>);

    /// A copy of the site's file at `source` (a static file). By default it
    /// is read and put; a sink that writes to disk streams it instead, so a
    /// large file never sits in memory.
    fn copy(&self, path: String, source: &Path) -> std::io::Result<()> {
        self.put(path, std::fs::read(source)?);
        Ok(())
    }

    /// A file slow to make (a share image), made from what `key` hashes:
    /// a sink that writes over an earlier output may take the file made
    /// then (see [`crate::output::made`]) instead of calling `make`, which
    /// gives nothing when drawing failed.
    fn put_made(&self, path: String, _key: Key, make: &dyn Fn() -> Option<Vec<u8>>) {
        if let Some(bytes) = make() {
            self.put(path, bytes);
        }
    }
}

impl<F: Fn(String, Vec<u8>) + Sync> Sink for F {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self(path, bytes);
    }
}

/// A part of the output that a rebuild may make again or keep as it was.
/// Every other file (home, contacts, feed, QR codes, static files) is made
/// on every build: they are few, and each reads many source files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    /// Page `k` (from 1) of the notice list: a line per notice.
    NoticeList(usize),
    /// The search page: the newest notices, and how many there are.
    SearchPage,
    /// The sitemap: every page, with the date of its newest content.
    Sitemap,
    /// The search index: the words of every notice and page.
    SearchIndex,
    /// A campaign's page (it lists the campaign's notices).
    Campaign(&'a str),
    /// A campaign's poster, widget, share image, CSV and JSON: made from
    /// its file alone.
    CampaignData(&'a str),
    /// `data.json` and `datapackage.json`: every campaign's figures (no
    /// notice), made from the site's and the campaigns' files.
    SiteData,
    /// The page made from one source file (relative to the site root): a
    /// notice or a free page.
    Source(&'a Path),
}

/// Decides whether a part is made.
pub type Wanted<'a> = dyn Fn(Part) -> bool + Sync + 'a;

/// What a build renders: the checked site, what was derived from it, and
/// how it was asked to run.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub site: &'a Site,
    pub derived: &'a Derived,
    pub opts: &'a RenderOptions,
    /// The pictures bodies show from `static/`, measured by the check stage.
    pub pictures: &'a PictureSizes,
}
