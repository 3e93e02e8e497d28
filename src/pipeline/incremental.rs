//! Rebuilding after a few files changed: the site is loaded and checked
//! whole (a change can break a reference anywhere, and checking is cheap),
//! but only the pages the changed files touch are rendered again; every
//! other page keeps its bytes from the previous build. The result is the
//! same as a full [`run`](super::run), which the tests hold it to.
//!
//! Pages not made from one file alone (home, lists, campaign pages, posters,
//! search) and every other file (feeds, data exports, sitemap) are always
//! made: they are few, and read many files. A page made from one file (a
//! notice, a free page) is made again when:
//! - that file changed;
//! - its frame changed (the menu, the share image of its campaign…): this is
//!   compared, not guessed, by [`render::frames`] on both sites;
//! - `data/site.yaml`, a theme file or anything unknown changed, or a
//!   campaign or free page was added, removed or retitled: every such page.

use std::collections::BTreeSet;
use std::collections::btree_map::Entry;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::{Options, Outcome, load, run};
use crate::model::Site;
use crate::output::Files;
use crate::render;

/// Rebuilds in memory after `changed` files (relative to `root`, or
/// absolute under it) changed since `previous`, which must come from
/// [`run`](super::run) or `rebuild` on the same `root` with the same
/// `options` (bar "today", which only pages always made depend on).
/// Without a previous site it is a full run.
pub fn rebuild(root: &Path, options: &Options, previous: &Outcome, changed: &[PathBuf]) -> Outcome {
    let (Some(old_site), Some(old_files)) = (&previous.site, &previous.files) else {
        return run(root, options);
    };
    let mut loaded = load(root, options);
    let (Some(site), Some(render_options)) = (&loaded.site, &loaded.render) else {
        return loaded.into_outcome(None);
    };
    let touched = Touched::new(root, old_site, site, changed);
    // A page whose frame changed (the menu, its campaign's share image…)
    // is made again even if its own file did not change.
    let (old_frames, new_frames) = (
        render::frames(old_site, render_options),
        render::frames(site, render_options),
    );
    let fresh = Mutex::new(Files::new());
    let collect = |path: String, bytes: Vec<u8>| {
        fresh
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path, bytes);
    };
    // A page the previous build did not have is always rendered.
    let wanted = |file: &Path, output: &str| {
        touched.covers(file)
            || old_frames.get(file) != new_frames.get(file)
            || !old_files.contains_key(output)
    };
    let outputs = render::render_some_to(
        root,
        site,
        render_options,
        &mut loaded.diags,
        &wanted,
        &collect,
    );
    let files = outputs.map(|outputs| {
        let mut files = fresh.into_inner().unwrap_or_else(PoisonError::into_inner);
        for output in outputs {
            if let (Entry::Vacant(slot), Some(bytes)) =
                (files.entry(output.clone()), old_files.get(&output))
            {
                slot.insert(bytes.clone());
            }
        }
        files
    });
    loaded.into_outcome(files)
}

/// The source files a change touches, or all of them.
struct Touched {
    all: bool,
    files: BTreeSet<PathBuf>,
}

impl Touched {
    fn new(root: &Path, old: &Site, new: &Site, changed: &[PathBuf]) -> Touched {
        let files: BTreeSet<PathBuf> = changed.iter().map(|p| relative(root, p)).collect();
        let everywhere = |path: &Path| {
            !(path.starts_with("content/notices")
                || path.starts_with("content/pages")
                || path.starts_with("data/campaigns")
                || path.starts_with("static"))
        };
        let all = files.iter().any(|p| everywhere(p)) || menu(old) != menu(new);
        Touched { all, files }
    }

    fn covers(&self, file: &Path) -> bool {
        self.all || self.files.contains(file)
    }
}

/// Everything the menu on every page is made of.
fn menu(site: &Site) -> Vec<(&str, &str, Option<i64>)> {
    let campaigns = site
        .campaigns
        .iter()
        .map(|c| (c.id.as_str(), c.title.as_str(), None));
    let pages = site
        .pages
        .iter()
        .map(|p| (p.slug.as_str(), p.title.as_str(), p.order));
    campaigns.chain(pages).collect()
}

/// A changed path as the model names files: relative to the site root,
/// without `.` parts.
fn relative(root: &Path, path: &Path) -> PathBuf {
    let path = path.strip_prefix(root).unwrap_or(path);
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}
