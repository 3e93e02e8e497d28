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
//!   removed), the pages of the notice list from its line on (all of them
//!   only when lines moved), the search page when it shows it or the count
//!   changed, the pages of the campaigns that list it, and the sitemap when
//!   an address or date changed (see [`plan`]);
//! - `data/site.yaml`, a theme file, anything unknown, a change of the menu
//!   (a campaign or page added, removed or retitled), or a new day: all.
//!
//! Home, feed, `data.json`, QR codes and static files are made on
//! every rebuild (see [`render::Part`]). The result is byte for byte what a
//! full [`run`](super::run) makes, which the tests hold it to.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::{Options, Outcome, check_readable_campaigns, check_whole_site};
use crate::check::Checked;
use crate::diagnostic::Diagnostics;
use crate::model::Site;
use crate::output::Files;
use crate::output::made::Key;
use crate::render::{self, Part, RenderOptions, Sink};
use crate::source::{Group, group_of};
use crate::stopwatch::Stopwatch;

mod plan;
use crate::vi::Lang;
use plan::Plan;

/// A rendered site whose files are shared between builds: a persistent map,
/// so a rebuild's copy shares the last one's paths, bytes and tree, and
/// patching it copies only the branches it changes (copying a `BTreeMap`
/// of 11,700 files took 15–25 ms of every save at 10,000 notices).
pub type SharedFiles = imbl::OrdMap<Arc<str>, Arc<[u8]>>;

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
    /// The search index's words, kept to move only what a change touches,
    /// and the compiled theme.
    kept: render::Kept,
    /// What each file slow to make (QR codes, share images) was made from.
    made: MadeKeys,
}

/// The key of what each file slow to make was made from, by path.
type MadeKeys = HashMap<String, Key>;

/// Where a rebuild's files go: into memory, a file slow to make taken from
/// the last build when made from the same (the QR codes were drawn again
/// on every save).
struct LiveSink<'a> {
    fresh: Mutex<Files>,
    made_before: Option<(&'a MadeKeys, &'a SharedFiles)>,
    made_now: Mutex<MadeKeys>,
    reused: Mutex<Vec<String>>,
}

impl Sink for LiveSink<'_> {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self.fresh
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path, bytes);
    }

    fn put_made(&self, path: String, key: Key, make: &dyn Fn() -> Option<Vec<u8>>) {
        let before = self.made_before.and_then(|(keys, files)| {
            let same = keys.get(&path) == Some(&key);
            same.then(|| files.get(path.as_str())).flatten()
        });
        if before.is_some() {
            // Kept as it is, as a part not made again is.
            self.reused
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(path);
        } else if let Some(bytes) = make() {
            self.made_now
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(path.clone(), key);
            self.put(path, bytes);
        }
    }
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
        let mut clock = Stopwatch::from_env();
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
        clock.lap("rebuild: read + check the changed files");
        let mut diags = Diagnostics::default();
        let Some(site) = self.checked.site(&mut diags) else {
            check_readable_campaigns(&self.checked, &self.options, &mut diags);
            return self.failed(diags, Lang::Vi);
        };
        clock.lap("rebuild: the site assembled, references checked");
        let lang = site.config.language;
        // Deriving the whole site takes microseconds: no need to keep it by campaign.
        let ready = check_whole_site(&self.root, &site, &self.checked, &self.options, &mut diags);
        clock.lap("rebuild: the whole site's checks");
        let render = ready.render;
        let today = render.today;
        let plan = match &self.last {
            Some(last) if last.render.today == today => {
                Plan::new(&last.site, &site, &render, &self.pending)
            }
            _ => Plan::everything(),
        };
        clock.lap("rebuild: plan");
        let mut kept = self
            .last
            .as_mut()
            .map(|last| std::mem::take(&mut last.kept))
            .unwrap_or_default();
        if self.pending.iter().any(|p| touches_theme(p)) {
            kept.theme = None;
        }
        let sink = LiveSink {
            fresh: Mutex::new(Files::new()),
            made_before: self.last.as_ref().map(|last| (&last.made, &*last.files)),
            // A file not made this time keeps its bytes, so its key.
            made_now: Mutex::new(
                self.last
                    .as_ref()
                    .map(|l| l.made.clone())
                    .unwrap_or_default(),
            ),
            reused: Mutex::default(),
        };
        let wanted = |part: Part| plan.wants(part);
        let input = render::Input {
            site: &site,
            derived: &ready.derived,
            opts: &render,
            pictures: &ready.pictures,
        };
        let outputs = render::render_some_to(
            &self.root,
            &input,
            &mut diags,
            &wanted,
            &sink,
            Some(&mut kept),
        );
        clock.lap("rebuild: render");
        let Some(outputs) = outputs else {
            // The index may be half moved: the next build makes it anew
            // (and compiles the theme again, which may be why it failed).
            return self.failed(diags, lang);
        };
        let made_keys = sink
            .made_now
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let mut outputs = outputs;
        outputs.extend(
            sink.reused
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner),
        );
        let fresh = sink
            .fresh
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let made = fresh.keys().cloned().collect();
        let previous = self.last.as_ref().map(|last| Arc::clone(&last.files));
        let (files, changed) = assemble(previous.as_deref(), fresh, &outputs);
        let files = Arc::new(files);
        clock.lap("rebuild: files assembled");
        self.last = Some(LastGood {
            site,
            render,
            files: Arc::clone(&files),
            kept,
            made: made_keys,
        });
        self.pending.clear();
        clock.lap("rebuild: the last build dropped");
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
/// output not made again. Returns it with the paths that differ. The
/// previous map is copied (its bytes shared) and patched: building a new
/// map of 10,000 paths cost more than the rest of a small rebuild.
fn assemble(
    previous: Option<&SharedFiles>,
    fresh: Files,
    outputs: &[String],
) -> (SharedFiles, Vec<String>) {
    let parts: foldhash::HashSet<&str> = outputs.iter().map(String::as_str).collect();
    let mut files = previous.cloned().unwrap_or_default();
    // Gone: neither a part's file (kept when not made) nor made now.
    let mut changed: Vec<String> = files
        .keys()
        .filter(|path| !parts.contains(&***path) && !fresh.contains_key(&***path))
        .map(|path| path.to_string())
        .collect();
    for path in &changed {
        files.remove(path.as_str());
    }
    for (path, bytes) in fresh {
        match files.get_mut(path.as_str()) {
            Some(old) if **old == *bytes => {}
            Some(old) => {
                *old = Arc::from(bytes);
                changed.push(path);
            }
            None => {
                files.insert(Arc::from(path.as_str()), Arc::from(bytes));
                changed.push(path);
            }
        }
    }
    changed.sort();
    (files, changed)
}

/// A change that may have changed the theme: a file of `themes/`, the
/// site's settings (which name it), or everything read again.
fn touches_theme(path: &Path) -> bool {
    path.starts_with("themes") || group_of(path) == Some(Group::Site) || needs_reload(path)
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
