//! What every page, image and data file is built from: the checked site,
//! what was derived from it today, and how the build was asked to run.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;

use crate::derive::{CampaignFacts, Derived};
use crate::diagnostic::{Diagnostic, Text};
use crate::markdown::PictureSizes;
use crate::model::{Body, Campaign, Notice, Site};
use crate::source::{files, split_front_matter};
use crate::vi::Lang;

pub struct Ctx<'a> {
    /// The site's folder: a build reads each notice's body from its file.
    pub root: &'a Path,
    pub site: &'a Site,
    /// Rates, statuses, projections: computed once, read by every surface.
    pub derived: &'a Derived,
    pub lang: Lang,
    pub today: NaiveDate,
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    /// The pictures bodies show from `static/`, measured.
    pub pictures: &'a PictureSizes,
    /// The notices shown (drafts only when asked), newest first: gathered
    /// once, so a page of the list is a slice, not a walk of every notice.
    pub visible: &'a [&'a Notice],
    /// The menu's entries (see [`crate::render::frame::menu`]), made once;
    /// empty: made for each page.
    pub menu: &'a [(String, String)],
}

impl<'a> Ctx<'a> {
    pub fn visible_notices(&self) -> std::iter::Copied<std::slice::Iter<'a, &'a Notice>> {
        self.visible.iter().copied()
    }

    /// The notices shown, as [`Ctx::visible`] holds them.
    pub fn visible_of(site: &Site, drafts: bool) -> Vec<&Notice> {
        let notices = site.notices.iter().map(|n| &**n);
        notices.filter(|n| drafts || !n.draft).collect()
    }

    /// A notice's body: held, or read again from its file, which must hold
    /// the text that was checked (see [`Body`]).
    pub fn body_of<'n>(&self, n: &'n Notice) -> Result<Cow<'n, str>, Box<Diagnostic>> {
        let text_hash = match &n.body {
            Body::Held(body) => return Ok(Cow::Borrowed(body)),
            Body::InFile { text_hash } => *text_hash,
        };
        let read =
            files::read_again(self.root, &n.file).filter(|text| Body::text_hash(text) == text_hash);
        // The body is the text's tail.
        let body_start = read
            .as_deref()
            .and_then(|text| Some(text.len() - split_front_matter(text)?.body.len()));
        match (read, body_start) {
            (Some(mut text), Some(start)) => {
                text.replace_range(..start, "");
                Ok(Cow::Owned(text))
            }
            _ => Err(Box::new(changed_during_build(n))),
        }
    }

    /// The derived facts of a campaign of this site.
    pub fn facts(&self, c: &Campaign) -> &'a CampaignFacts {
        self.derived
            .campaign(&c.id)
            .expect("every campaign of the site is derived (derive::site)")
    }
}

/// A notice's file read again for its page was not the text checked: the
/// page would show what no check saw.
fn changed_during_build(n: &Notice) -> Diagnostic {
    files::whole_file_error(
        &n.file,
        "changed-during-build",
        Text::new(
            "Tệp đã thay đổi (hoặc không đọc lại được) trong lúc dựng trang",
            "The file changed (or could not be read again) while the site was being built",
        ),
        Some(Text::new(
            "lưu xong tệp rồi dựng lại",
            "finish saving the file, then build again",
        )),
    )
}
