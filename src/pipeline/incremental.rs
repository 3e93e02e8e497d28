//! Rebuilding after a few files changed, for the preview. A [`Live`] site
//! keeps every source file checked, the last good build's model and files,
//! and each notice's search text. After a save it reads and checks again
//! only the changed files, checks the references between files (cheap),
//! and makes again only the parts of the output the change touches:
//!
//! - a campaign file: that campaign's pages and files (no other page shows
//!   its figures);
//! - a notice or free page: its page and the search index; and if its
//!   title, date, kind, number or campaigns changed (or it was added or
//!   removed), the lists and every campaign's pages (they list their
//!   notices; not their images and data files);
//! - `data/site.yaml`, a theme file, anything unknown, a change of the menu
//!   (a campaign or page added, removed or retitled), or a new day: all.
//!
//! Home, feed, sitemap, `data.json`, QR codes and static files are made on
//! every rebuild (see [`render::Part`]). The result is byte for byte what a
//! full [`run`](super::run) makes, which the tests hold it to.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::{Options, Outcome, check_readable_campaigns, check_whole_site};
use crate::check::Checked;
use crate::diagnostic::Diagnostics;
use crate::model::Site;
use crate::output::Files;
use crate::render::{self, IndexTexts, Part, RenderOptions};
use crate::source::{Group, group_of};
use crate::vi::Lang;

/// A rendered site whose files are shared between builds: a rebuild copies
/// the map, not the bytes of the pages it did not make again.
pub type SharedFiles = BTreeMap<String, Arc<[u8]>>;

/// A site kept in memory between rebuilds.
pub struct Live {
    root: PathBuf,
    options: Options,
    checked: Checked,
    last: Option<LastGood>,
    /// Files changed since the last good build: a save with errors leaves
    /// its changes to the next build that succeeds.
    pending: BTreeSet<PathBuf>,
}

/// What the last build without errors left.
struct LastGood {
    site: Site,
    render: RenderOptions,
    files: Arc<SharedFiles>,
    texts: HashMap<PathBuf, String>,
}

/// What a rebuild gives.
pub struct Rebuilt {
    /// Diagnostics and the texts of the files they name; `files` is `None`.
    pub outcome: Outcome,
    /// The whole site, when the build had no error.
    pub files: Option<Arc<SharedFiles>>,
    /// Output files added, changed or removed since the last good build.
    pub changed: Vec<String>,
    /// Output files made by this build (the others kept their bytes).
    pub made: Vec<String>,
}

impl Live {
    /// Reads and checks every source file; builds nothing yet.
    pub fn new(root: &Path, options: &Options) -> Live {
        Live {
            root: root.to_path_buf(),
            options: options.clone(),
            checked: Checked::load(root),
            last: None,
            pending: BTreeSet::new(),
        }
    }

    /// Builds after `changed` files (relative to the root, or absolute under
    /// it) changed; the first call builds everything.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Rebuilt {
        let changed: Vec<PathBuf> = changed
            .iter()
            .map(|p| relative(&self.root, p))
            .filter(|p| !self.is_scratch(p))
            .collect();
        if changed.iter().any(|p| needs_reload(p)) {
            self.checked = Checked::load(&self.root);
        } else {
            self.checked.recheck(&self.root, &changed);
        }
        self.pending.extend(changed);
        let mut diags = Diagnostics::default();
        let Some(site) = self.checked.site(&mut diags) else {
            check_readable_campaigns(&self.checked, &self.options, &mut diags);
            return self.failed(diags, Lang::Vi);
        };
        let lang = site.config.language;
        // Deriving the whole site takes microseconds: no need to keep it by campaign.
        let ready = check_whole_site(&self.root, &site, &self.checked, &self.options, &mut diags);
        let render = ready.render;
        let today = render.today;
        let plan = match &self.last {
            Some(last) if last.render.today == today => {
                Plan::new(&last.site, &site, &render, &self.pending)
            }
            _ => Plan::everything(),
        };
        let texts: IndexTexts = Mutex::new(
            self.last
                .as_mut()
                .map(|last| std::mem::take(&mut last.texts))
                .unwrap_or_default(),
        );
        let fresh = Mutex::new(Files::new());
        let sink = |path: String, bytes: Vec<u8>| {
            fresh
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(path, bytes);
        };
        let wanted = |part: Part| plan.wants(part);
        let input = render::Input {
            site: &site,
            derived: &ready.derived,
            opts: &render,
            pictures: &ready.pictures,
        };
        let outputs =
            render::render_some_to(&self.root, &input, &mut diags, &wanted, &sink, &texts);
        let mut texts = texts.into_inner().unwrap_or_else(PoisonError::into_inner);
        let Some(outputs) = outputs else {
            if let Some(last) = &mut self.last {
                last.texts = texts;
            }
            return self.failed(diags, lang);
        };
        if plan.lists {
            // Only the index reads the texts: forget those of removed notices.
            let notices: HashSet<&Path> = site.notices.iter().map(|n| n.file.as_path()).collect();
            texts.retain(|file, _| notices.contains(file.as_path()));
        }
        let fresh = fresh.into_inner().unwrap_or_else(PoisonError::into_inner);
        let made = fresh.keys().cloned().collect();
        let previous = self.last.as_ref().map(|last| Arc::clone(&last.files));
        let (files, changed) = assemble(previous.as_deref(), fresh, &outputs);
        let files = Arc::new(files);
        self.last = Some(LastGood {
            site,
            render,
            files: Arc::clone(&files),
            texts,
        });
        self.pending.clear();
        Rebuilt {
            outcome: self.outcome(diags, lang),
            files: Some(files),
            changed,
            made,
        }
    }

    /// The draft notices of the last good build: the preview names the
    /// ones it does not show.
    pub fn drafts(&self) -> Vec<PathBuf> {
        let notices = self.last.iter().flat_map(|last| &last.site.notices);
        notices
            .filter(|n| n.draft)
            .map(|n| n.file.clone())
            .collect()
    }

    /// The theme of the last good build.
    pub fn theme(&self) -> Option<&str> {
        self.last
            .as_ref()
            .map(|last| last.site.config.theme.as_str())
    }

    /// A file under `data/` or `content/` that no source could be: an
    /// editor's or `sed -i`'s temporary file, saved then renamed over the
    /// real one (whose own path comes with it). Folders, and paths that held
    /// source files, still count.
    fn is_scratch(&self, path: &Path) -> bool {
        let under_sources = path.starts_with("data") || path.starts_with("content");
        let full = self.root.join(path);
        under_sources
            && group_of(path).is_none()
            && !full.is_dir()
            && !self.checked.has_files_under(path)
    }

    fn failed(&self, diags: Diagnostics, lang: Lang) -> Rebuilt {
        Rebuilt {
            outcome: self.outcome(diags, lang),
            files: None,
            changed: Vec::new(),
            made: Vec::new(),
        }
    }

    /// The outcome, with the text of only the files its diagnostics name:
    /// a copy of all 10,000 notices on every save would cost more than the
    /// rebuild.
    fn outcome(&self, diags: Diagnostics, lang: Lang) -> Outcome {
        let diagnostics = diags.sorted();
        let sources = diagnostics
            .iter()
            .filter_map(|d| Some((d.file.clone(), self.checked.text(&d.file)?.to_string())))
            .collect();
        Outcome {
            diagnostics,
            sources,
            lang,
            files: None,
            site: None,
        }
    }
}

/// The new site: the files just made, and the previous bytes of every part
/// output not made again. Returns it with the paths that differ.
fn assemble(
    previous: Option<&SharedFiles>,
    fresh: Files,
    outputs: &[String],
) -> (SharedFiles, Vec<String>) {
    let empty = SharedFiles::new();
    let previous = previous.unwrap_or(&empty);
    let mut files = SharedFiles::new();
    let mut changed = Vec::new();
    for path in outputs {
        if let (false, Some(bytes)) = (fresh.contains_key(path), previous.get(path)) {
            files.insert(path.clone(), Arc::clone(bytes));
        }
    }
    for (path, bytes) in fresh {
        let same = previous.get(&path).is_some_and(|old| **old == *bytes);
        match previous.get(&path) {
            Some(old) if same => files.insert(path, Arc::clone(old)),
            _ => {
                changed.push(path.clone());
                files.insert(path, Arc::from(bytes))
            }
        };
    }
    changed.extend(previous.keys().filter(|p| !files.contains_key(*p)).cloned());
    changed.sort();
    (files, changed)
}

/// Which parts of the output a change touches.
struct Plan {
    all: bool,
    /// A notice or free page changed, was added or removed.
    sources: BTreeSet<PathBuf>,
    /// Ids of the campaigns whose file changed.
    campaigns: BTreeSet<String>,
    /// A notice as lists show it changed (or was added, or removed).
    lists: bool,
    /// The search index must be made again.
    index: bool,
}

impl Plan {
    fn everything() -> Plan {
        Plan {
            all: true,
            sources: BTreeSet::new(),
            campaigns: BTreeSet::new(),
            lists: true,
            index: true,
        }
    }

    fn new(old: &Site, new: &Site, render: &RenderOptions, pending: &BTreeSet<PathBuf>) -> Plan {
        let mut plan = Plan {
            lists: false,
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
        plan.lists = plan
            .sources
            .iter()
            .any(|file| listed(old, file) != listed(new, file));
        plan.index = !plan.sources.is_empty() || campaign_docs(old) != campaign_docs(new);
        plan
    }

    fn wants(&self, part: Part) -> bool {
        self.all
            || match part {
                Part::Lists => self.lists,
                Part::SearchIndex => self.index,
                Part::Campaign(id) => self.lists || self.campaigns.contains(id),
                Part::CampaignData(id) => self.campaigns.contains(id),
                Part::Source(file) => self.sources.contains(file),
            }
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
    let n = site.notices.iter().find(|n| n.file == file)?;
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

/// A change under `data/` or `content/` that is not one source file (a
/// folder renamed or deleted, say): every file is read again.
fn needs_reload(path: &Path) -> bool {
    group_of(path).is_none() && (path.starts_with("data") || path.starts_with("content"))
}

/// A changed path as the model names files: relative to the site root,
/// without `.` parts.
fn relative(root: &Path, path: &Path) -> PathBuf {
    let path = path.strip_prefix(root).unwrap_or(path);
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}
