//! Which parts of the output a change touches (see [`Part`]): the pages of
//! the notice list from the first line that changed, the search page when
//! its newest notices or their count changed, the pages of the campaigns
//! whose list of notices changed, the sitemap when an address or a date
//! did, and the search index when a notice, page or campaign summary did.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Notice, Site};
use crate::render::{self, Part, RenderOptions, routes};
use crate::source::{Group, group_of};

pub(super) struct Plan {
    all: bool,
    /// A notice or free page changed, was added or removed.
    sources: BTreeSet<PathBuf>,
    /// Ids of the campaigns whose file changed.
    campaigns: BTreeSet<String>,
    /// Pages of the notice list (from 1) to make again.
    list_pages: BTreeSet<usize>,
    search_page: bool,
    sitemap: bool,
    /// Campaigns whose page lists a notice that changed.
    listing: BTreeSet<String>,
    /// The search index must be moved.
    index: bool,
}

impl Plan {
    pub(super) fn everything() -> Plan {
        Plan {
            all: true,
            sources: BTreeSet::new(),
            campaigns: BTreeSet::new(),
            list_pages: BTreeSet::new(),
            search_page: true,
            sitemap: true,
            listing: BTreeSet::new(),
            index: true,
        }
    }

    pub(super) fn new(
        old: &Site,
        new: &Site,
        render: &RenderOptions,
        pending: &BTreeSet<PathBuf>,
    ) -> Plan {
        let mut plan = Plan {
            search_page: false,
            sitemap: false,
            index: false,
            ..Plan::everything()
        };
        plan.all =
            render::shown_on_every_page(old, render) != render::shown_on_every_page(new, render);
        for path in pending {
            match group_of(path) {
                Some(Group::Notice | Group::Page) => {
                    plan.sources.insert(path.clone());
                }
                Some(Group::Campaign) => {
                    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
                    plan.campaigns.extend(id);
                }
                // Static files are made on every build; only the pages
                // showing a picture read it (its size).
                None if path.starts_with("static") => {
                    plan.sources.extend(showing(new, path));
                }
                Some(Group::Site) | None => plan.all = true,
            }
        }
        if plan.all {
            return Plan::everything();
        }
        plan.lists(old, new, render.drafts);
        // A campaign's newest figure dates its pages in the sitemap.
        plan.sitemap |= !plan.campaigns.is_empty();
        plan.index = !plan.sources.is_empty() || campaign_docs(old) != campaign_docs(new);
        plan
    }

    /// What the notices that changed as lists show them make again.
    fn lists(&mut self, old: &Site, new: &Site, drafts: bool) {
        let changed: Vec<(&PathBuf, Option<Listed>, Option<Listed>)> = self
            .sources
            .iter()
            .map(|file| (file, listed(old, file), listed(new, file)))
            .filter(|(_, before, after)| before != after)
            .collect();
        if changed.is_empty() {
            return;
        }
        let (before, after) = (
            Positions::in_site(old, drafts),
            Positions::in_site(new, drafts),
        );
        let per_page = routes::NOTICES_PER_PAGE;
        let pages = (
            routes::notice_list_pages(before.count),
            routes::notice_list_pages(after.count),
        );
        let mut first_moved: Option<usize> = None;
        for (file, was, is) in &changed {
            let (at_before, at_after) = (before.of(file), after.of(file));
            let at = at_before.into_iter().chain(at_after);
            let (first, last) = (at.clone().min(), at.clone().max());
            if let (Some(first), Some(last)) = (first, last) {
                // In between, every line moved by one.
                self.list_pages
                    .extend(first / per_page + 1..=last / per_page + 1);
                self.search_page |= first < per_page;
                if at_before != at_after {
                    first_moved = Some(first_moved.map_or(first, |f| f.min(first)));
                }
            }
            let shown =
                |l: &Option<Listed>| l.as_ref().map(|l| (l.slug.to_string(), l.date, l.draft));
            self.sitemap |= shown(was) != shown(is);
            for l in [was, is].into_iter().flatten() {
                self.listing
                    .extend(l.campaigns.iter().map(|id| id.to_string()));
            }
        }
        if before.count != after.count {
            // "Xem tất cả N văn bản", and every page's "Trang k/N".
            self.search_page = true;
            self.sitemap = true;
        }
        if pages.0 != pages.1 {
            self.list_pages.extend(1..=pages.0.max(pages.1));
        } else if let (Some(first), true) = (first_moved, before.count != after.count) {
            // A notice added or removed: every line after it moved.
            self.list_pages.extend(first / per_page + 1..=pages.1);
        }
    }

    pub(super) fn wants(&self, part: Part) -> bool {
        self.all
            || match part {
                Part::NoticeList(k) => self.list_pages.contains(&k),
                Part::SearchPage => self.search_page,
                Part::Sitemap => self.sitemap,
                Part::SearchIndex => self.index,
                Part::Campaign(id) => self.listing.contains(id) || self.campaigns.contains(id),
                Part::CampaignData(id) => self.campaigns.contains(id),
                Part::SiteData => !self.campaigns.is_empty(),
                // Asked for every notice: a save's few files compared as
                // strings (`Path`'s ordering walks components).
                Part::Source(file) if self.sources.len() <= 8 => self
                    .sources
                    .iter()
                    .any(|s| s.as_os_str() == file.as_os_str()),
                Part::Source(file) => self.sources.contains(file),
            }
    }
}

/// Where shown notices stand in the lists (newest first, from 0).
struct Positions<'s> {
    shown: Vec<&'s Path>,
    count: usize,
}

impl<'s> Positions<'s> {
    fn in_site(site: &'s Site, drafts: bool) -> Positions<'s> {
        let shown: Vec<&Path> = site
            .notices
            .iter()
            .filter(|n| drafts || !n.draft)
            .map(|n: &Arc<Notice>| n.file.as_path())
            .collect();
        let count = shown.len();
        Positions { shown, count }
    }

    /// A scan, for the few files a save changed (cheaper than hashing
    /// every path of 10,000 notices into a map).
    fn of(&self, file: &Path) -> Option<usize> {
        let file = file.as_os_str();
        self.shown.iter().position(|p| p.as_os_str() == file)
    }
}

/// The notices and pages whose body shows the picture at `path` (under
/// `static/`).
fn showing(site: &Site, path: &Path) -> Vec<PathBuf> {
    let Ok(picture) = path.strip_prefix("static") else {
        return Vec::new();
    };
    let picture = picture.to_string_lossy().replace('\\', "/");
    let shows =
        |pictures: &[crate::markdown::PictureRef]| pictures.iter().any(|p| p.path == picture);
    let notices = site
        .notices
        .iter()
        .filter(|n| shows(&n.pictures))
        .map(|n| n.file.clone());
    let pages = site
        .pages
        .iter()
        .filter(|p| shows(&p.pictures))
        .map(|p| p.file.clone());
    notices.chain(pages).collect()
}

/// What lists show of a notice: the notice list, the search page, the
/// campaign pages and the sitemap.
#[derive(PartialEq)]
struct Listed<'s> {
    slug: &'s str,
    title: &'s str,
    kind: Option<&'s str>,
    number: Option<&'s str>,
    date: chrono::NaiveDate,
    draft: bool,
    campaigns: Vec<&'s str>,
}

/// How lists show the notice in `file`, if it is a notice of the site.
fn listed<'s>(site: &'s Site, file: &Path) -> Option<Listed<'s>> {
    // Compared as strings: `Path`'s `==` walks components, slow over 10,000.
    let file = file.as_os_str();
    let n = site.notices.iter().find(|n| n.file.as_os_str() == file)?;
    Some(Listed {
        slug: &n.slug,
        title: &n.title,
        kind: n.kind.as_deref(),
        number: n.number.as_deref(),
        date: n.date,
        draft: n.draft,
        campaigns: n.campaigns.iter().map(|(id, _)| id.as_str()).collect(),
    })
}

/// What the search index shows of each campaign.
fn campaign_docs(site: &Site) -> Vec<(&str, &str, Option<&str>)> {
    site.campaigns
        .iter()
        .map(|c| (c.id.as_str(), c.title.as_str(), c.summary.as_deref()))
        .collect()
}
