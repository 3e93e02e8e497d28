//! What pages a site has: one job per page, the part of the output each
//! belongs to (for the preview's partial rebuilds), the file it is written
//! to, and the sitemap of them.

use std::path::Path;

use chrono::NaiveDate;

use super::ctx::Ctx;
use super::input::Part;
use super::{routes, search, sitemap};
use crate::diagnostic::Diagnostic;
use crate::model::{Campaign, Notice, Page};

/// One page to render: its path and what it shows. Only references: the
/// view is built inside the parallel loop, so no page's view waits on
/// another's and only the pages in flight are in memory.
pub(super) struct Job<'s> {
    pub(super) path: String,
    pub(super) kind: PageKind<'s>,
}

#[derive(Clone, Copy)]
pub(super) enum PageKind<'s> {
    Home,
    /// A page of the notice list, from 1.
    Notices(usize),
    Contacts,
    Apps,
    Campaign(&'s Campaign),
    Poster(&'s Campaign),
    Embed(&'s Campaign),
    Notice(&'s Notice),
    Free(&'s Page),
    Search,
    English,
    NotFound,
}

impl<'s> PageKind<'s> {
    /// The one source file a page is made from, when it is made from one
    /// alone (besides what every page shows: the site, the menu).
    pub(super) fn source_file(&self) -> Option<&'s Path> {
        match self {
            PageKind::Notice(n) => Some(&n.file),
            PageKind::Free(p) => Some(&p.file),
            _ => None,
        }
    }

    /// The part the page belongs to; `None` for pages made on every build.
    pub(super) fn part(&self) -> Option<Part<'s>> {
        match self {
            PageKind::Notices(k) => Some(Part::NoticeList(*k)),
            PageKind::Search => Some(Part::SearchPage),
            PageKind::Campaign(c) => Some(Part::Campaign(&c.id)),
            PageKind::Poster(c) | PageKind::Embed(c) => Some(Part::CampaignData(&c.id)),
            PageKind::Notice(_) | PageKind::Free(_) => self.source_file().map(Part::Source),
            PageKind::Home
            | PageKind::Contacts
            | PageKind::Apps
            | PageKind::English
            | PageKind::NotFound => None,
        }
    }
}

/// The file a page path is written to: `van-ban/` → `van-ban/index.html`.
pub(super) fn output_file(path: &str) -> String {
    if path.ends_with(".html") {
        path.to_string()
    } else {
        routes::file_of(path)
    }
}

pub(super) fn jobs<'s>(ctx: &Ctx<'s>) -> Vec<Job<'s>> {
    let site = ctx.site;
    let job = |path: String, kind| Job { path, kind };
    let mut jobs = vec![job(String::new(), PageKind::Home)];
    let list_pages = routes::notice_list_pages(ctx.visible_notices().count());
    jobs.extend((1..=list_pages).map(|k| job(routes::notice_list(k), PageKind::Notices(k))));
    jobs.push(job(routes::CONTACTS.into(), PageKind::Contacts));
    if !site.config.apps.is_empty() {
        jobs.push(job(routes::APPS.into(), PageKind::Apps));
    }
    for c in &site.campaigns {
        jobs.push(job(routes::campaign(&c.id), PageKind::Campaign(c)));
        jobs.push(job(routes::poster(&c.id), PageKind::Poster(c)));
        jobs.push(job(routes::embed(&c.id), PageKind::Embed(c)));
    }
    for n in site.notices.iter().filter(|n| ctx.drafts || !n.draft) {
        jobs.push(job(routes::notice(&n.slug), PageKind::Notice(n)));
    }
    for p in &site.pages {
        jobs.push(job(routes::page(&p.slug), PageKind::Free(p)));
    }
    jobs.push(job(routes::SEARCH.into(), PageKind::Search));
    jobs.push(job(routes::ENGLISH.into(), PageKind::English));
    jobs.push(job("404.html".into(), PageKind::NotFound));
    jobs
}

/// The output file of every part (see [`Part`]).
pub(super) fn part_outputs(ctx: &Ctx, jobs: &[Job]) -> Vec<String> {
    let site = ctx.site;
    let pages = jobs
        .iter()
        .filter(|job| job.kind.part().is_some())
        .map(|job| output_file(&job.path));
    let campaigns = site.campaigns.iter().flat_map(|c| {
        [
            routes::campaign_csv(&c.id),
            routes::campaign_xlsx(&c.id),
            routes::campaign_json(&c.id),
            routes::share_image(&c.id),
        ]
    });
    let sitemap = ctx.base_url.map(|_| sitemap::PATH.to_string());
    let site_data = [routes::SITE_JSON, routes::DATAPACKAGE].map(String::from);
    pages
        .chain(campaigns)
        .chain(site_data)
        .chain(search::index_paths_of(ctx))
        .chain(sitemap)
        .collect()
}

/// Every page but the widgets (fragments for other sites' pages, not for
/// search engines) and the `.html` ones (404), each with the date of its
/// newest content where it has one. Only with a `base_url`: a sitemap's
/// locations must be absolute.
pub(super) fn sitemap_of(
    ctx: &Ctx,
    writer: sitemap::Writer,
    base_url: &str,
    jobs: &[Job],
) -> Result<Vec<u8>, Box<Diagnostic>> {
    let site = ctx.site;
    let newest_figure = |c: &Campaign| {
        c.indicators
            .iter()
            .filter_map(|i| i.figures.last().map(|f| f.date))
            .max()
    };
    let newest_notice = ctx.visible_notices().map(|n| n.date).max();
    let newest = site
        .campaigns
        .iter()
        .filter_map(newest_figure)
        .chain(newest_notice)
        .max();
    let pages: Vec<(&str, Option<NaiveDate>)> = jobs
        .iter()
        .filter(|j| !matches!(j.kind, PageKind::Embed(_)) && !j.path.ends_with(".html"))
        .map(|j| {
            let lastmod = match j.kind {
                PageKind::Home | PageKind::Search => newest,
                PageKind::Notices(_) => newest_notice,
                PageKind::Campaign(c) | PageKind::Poster(c) => newest_figure(c),
                PageKind::Notice(n) => Some(n.date),
                _ => None,
            };
            (j.path.as_str(), lastmod)
        })
        .collect();
    sitemap::sitemap(writer, base_url, &pages)
}
