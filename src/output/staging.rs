//! The staging tree: filled from many threads, pruned of what this build
//! did not put, then swapped in.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

use super::disk::{
    Content, create_over, locate, make_real_dir, remove_tree, safe_relative, same_content,
    same_inode, write_new,
};
use super::guard::{self, Foreign, Found, MARKER};
use super::made::{Key, Made};
use super::published::{Known, Published, hash_of};
use super::recovery::{discard, keep_as_spare, recover_leftovers, spare_or_remove, take_spare};
use super::swap::swap_in;
use super::{Written, spare_path};

/// An output tree being filled beside the published one. Files may be put
/// from many threads at once. Nothing is visible at the output path until
/// [`Staging::commit`]; dropping a staging without committing leaves the
/// published site as it was (and the tree as the spare).
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    trash: PathBuf,
    spare: PathBuf,
    /// Whether `dir` holds files of an earlier build (the spare).
    pub(super) recycled: bool,
    /// Whether the recycled tree was built with drafts.
    recycled_drafts: bool,
    /// Whether this build includes drafts (see [`Staging::with_drafts`]).
    drafts: bool,
    /// Whether the published tree is someone else's, replaced with
    /// `--force`: deleted after the swap, never kept as the spare.
    replacing_foreign: bool,
    tracked: Mutex<Tracked>,
    first_error: Mutex<Option<io::Error>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    unchanged: AtomicUsize,
    /// The files slow to make, from the last build and this one.
    made: Made,
    /// What the files rendered in memory held, from the last build and this one.
    published: Published,
    committed: bool,
    /// Held until the staging is committed or dropped: two builds into one
    /// output (two CI jobs, say) take turns. Dropped last, after `drop`.
    _lock: Option<fs::File>,
}

/// What this build put, relative to the tree: the files, and every folder
/// made to hold them. Anything else in a recycled tree is stale.
#[derive(Default)]
struct Tracked {
    files: HashSet<PathBuf>,
    dirs: HashSet<PathBuf>,
}

impl Staging {
    /// Starts the staging tree beside `out` (after clearing what a killed
    /// build left there): the spare if there is one, else an empty folder.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        Staging::begin_with_spare(out, spare_path(out)?)
    }

    /// Like [`Staging::begin`], keeping the spare at `spare` (on the same
    /// file system): outside a folder that is published whole, say.
    pub fn begin_with_spare(out: &Path, spare: PathBuf) -> io::Result<Staging> {
        Staging::open(out, spare, Foreign::Refuse)
    }

    /// Like [`Staging::begin_with_spare`], saying what to do when `out`
    /// holds files loaxa did not make: refuse (an error of kind
    /// `AlreadyExists`), or replace them (`--force`).
    pub fn open(out: &Path, spare: PathBuf, foreign: Foreign) -> io::Result<Staging> {
        let (out, parent, name) = locate(out)?;
        let beside = |err: io::Error| {
            io::Error::new(
                err.kind(),
                format!(
                    "cannot write in {}, beside the output: {err}",
                    parent.display()
                ),
            )
        };
        fs::create_dir_all(&parent).map_err(beside)?;
        if let Some(folder) = spare.parent() {
            fs::create_dir_all(folder).map_err(beside)?;
        }
        // Before anything beside `out` is touched: another build's staging
        // tree would look like a killed build's leftovers.
        let lock = lock_output(&spare).map_err(beside)?;
        recover_leftovers(&parent, &out, &name, &spare);
        let replacing_foreign = match guard::found(&out)? {
            Found::Ours => false,
            Found::Foreign { .. } if foreign == Foreign::Replace => true,
            Found::Foreign { example } => {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} holds files loaxa did not make (e.g. {example}); refusing to replace it",
                        out.display()
                    ),
                ));
            }
        };
        let pid = std::process::id();
        let named = |kind: &str| parent.join(format!(".{name}.loaxa-{kind}-{pid}"));
        let dir = named("new");
        let recycled = take_spare(&spare, &dir).map_err(beside)?;
        Ok(Staging {
            made: Made::load(&spare),
            published: Published::load(&spare),
            _lock: lock,
            old: named("old"),
            trash: named("trash"),
            recycled_drafts: recycled && guard::holds_drafts(&dir),
            drafts: false,
            replacing_foreign,
            out,
            dir,
            spare,
            recycled,
            tracked: Mutex::default(),
            first_error: Mutex::new(None),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Says whether this build includes drafts. A tree with drafts is never
    /// kept as the spare by a build without them: the drafts would wait
    /// beside the published site.
    pub fn with_drafts(mut self, drafts: bool) -> Staging {
        self.drafts = drafts;
        self
    }

    /// Adds one file. An error is kept and returned by `commit`, so a
    /// renderer can hand files over without stopping to check each one.
    /// A path put twice keeps the last bytes.
    pub fn put(&self, relative: &str, bytes: &[u8]) {
        self.add(relative, Content::Bytes(bytes));
    }

    /// Adds a copy of the file at `source` (a static file), streamed: never
    /// read into memory whole, however large.
    pub fn put_file(&self, relative: &str, source: &Path) {
        self.add(relative, Content::File(source));
    }

    /// Adds a file slow to make, made from what `key` hashes: the published
    /// file when it was made from the same and is intact (see
    /// [`super::made`]), else what `make` gives (nothing when it gives
    /// nothing).
    pub fn put_made(&self, relative: &str, key: Key, make: &dyn Fn() -> Option<Vec<u8>>) {
        let published = self.out.join(relative);
        if safe_relative(relative).is_ok() && self.made.still_there(relative, key, &published) {
            self.made.count_reused();
            self.add(relative, Content::Published(&published));
        } else if let Some(bytes) = make() {
            self.made.count_remade();
            self.made.record(relative, key, &bytes);
            self.put(relative, &bytes);
        }
    }

    fn add(&self, relative: &str, content: Content) {
        match self.try_put(relative, content) {
            Ok(linked) => {
                self.files.fetch_add(1, Ordering::Relaxed);
                if relative.ends_with(".html") {
                    self.pages.fetch_add(1, Ordering::Relaxed);
                }
                if linked {
                    self.unchanged.fetch_add(1, Ordering::Relaxed);
                }
            }
            Err(err) => {
                let mut slot = self
                    .first_error
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                slot.get_or_insert(err);
            }
        }
    }

    /// Links the published file when its bytes are the same (nothing to do
    /// when the recycled tree already holds that link), else writes a new
    /// file. Returns whether the bytes were already published.
    fn try_put(&self, relative: &str, content: Content) -> io::Result<bool> {
        let relative = safe_relative(relative)?;
        self.tracked().files.insert(relative.to_path_buf());
        if let Some(parent) = relative.parent() {
            self.make_dirs(parent)?;
        }
        let path = self.dir.join(relative);
        let published = self.out.join(relative);
        let key = relative.to_string_lossy();
        let hashed = match content {
            Content::Bytes(bytes) => Some((hash_of(bytes), bytes.len() as u64)),
            _ => None,
        };
        let known = match (&content, hashed) {
            // Already known to be the published bytes: no need to compare them.
            (Content::Published(_), _) => fs::symlink_metadata(&published).ok(),
            (Content::Bytes(_), Some(hashed)) => {
                self.known_page(&key, &published, &content, hashed)
            }
            _ => same_content(&published, &content),
        };
        // The file as this tree holds it (a link changes its inode's ctime).
        let note = |staged: Option<fs::Metadata>| {
            if let (Some((hash, len)), Some(meta)) = (hashed, staged) {
                self.published.record(&key, hash, len, &meta);
            }
        };
        let staged = || hashed.and_then(|_| fs::symlink_metadata(&path).ok());
        if let Some(meta) = known {
            if self.recycled
                && let Some(linked) = same_inode(&meta, &path)
            {
                note(Some(linked));
                return Ok(true);
            }
            // A link, never a write into the published file: the old site must
            // stay intact until the swap. Where links are not supported, write.
            if create_over(&path, |p| fs::hard_link(&published, p)).is_ok() {
                note(staged());
                return Ok(true);
            }
        }
        create_over(&path, |p| write_new(p, &content))?;
        note(staged());
        Ok(false)
    }

    /// The published file's metadata if it holds exactly `content` (bytes
    /// whose hash and length are `hashed`): told by the last build's list
    /// while the file is as that build left it, else read back.
    fn known_page(
        &self,
        relative: &str,
        published: &Path,
        content: &Content,
        (hash, len): (u128, u64),
    ) -> Option<fs::Metadata> {
        let meta = fs::symlink_metadata(published).ok()?;
        match self.published.knows(relative, &meta, hash, len) {
            Known::Same => Some(meta),
            Known::Different => None,
            Known::Unknown => same_content(published, content),
        }
    }

    /// Makes the folders of `relative` in the tree, each looked at once per
    /// build. In a recycled tree a file or link in the way (one a user put in
    /// the published site, say) is removed, never followed.
    ///
    /// Looked at and made under the lock: two puts in one new folder would
    /// otherwise both see the link in the way, and the later one remove the
    /// folder the first had just made in its place, with its files.
    fn make_dirs(&self, relative: &Path) -> io::Result<()> {
        let mut at = PathBuf::new();
        for part in relative.components() {
            at.push(part);
            let mut tracked = self.tracked();
            if tracked.dirs.contains(&at) {
                continue;
            }
            make_real_dir(&self.dir.join(&at))?;
            tracked.dirs.insert(at.clone());
        }
        Ok(())
    }

    fn tracked(&self) -> MutexGuard<'_, Tracked> {
        self.tracked.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Removes what this build did not put, swaps the tree in, and keeps the
    /// old one as the spare. Fails, leaving the published site untouched, if
    /// any `put` failed.
    pub fn commit(mut self) -> io::Result<Written> {
        let error = self
            .first_error
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(err) = error {
            return Err(err);
        }
        // Not counted in `Written`: it is not a file of the site.
        self.try_put(
            MARKER,
            Content::Bytes(guard::marker_text(self.drafts).as_bytes()),
        )?;
        let tracked = std::mem::take(
            self.tracked
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner),
        );
        refuse_clash(&tracked)?;
        if self.recycled {
            prune(&self.dir, Path::new(""), &tracked)?;
        }
        let old_tree = swap_in(&self.dir, &self.out, &self.old)?;
        self.committed = true;
        // Only a cost for the next build when it cannot be written.
        let _ = self.made.save();
        let _ = self.published.save();
        if let Some(tree) = old_tree {
            let drafts_left = !self.drafts && guard::holds_drafts(&tree);
            if self.replacing_foreign || drafts_left {
                discard(&tree, &self.trash);
            } else {
                keep_as_spare(&tree, &self.spare, &self.trash);
            }
        }
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
            reused: self.made.reused.load(Ordering::Relaxed),
            remade: self.made.remade.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            if self.recycled_drafts && !self.drafts {
                remove_tree(&self.dir);
            } else {
                spare_or_remove(&self.dir, &self.spare);
            }
        }
    }
}

/// Waits for, then holds, the lock of an output: a file beside its spare
/// (so never inside a folder that is published). `None` where the file
/// system cannot lock (some network mounts): a build there runs as before,
/// alone by convention.
fn lock_output(spare: &Path) -> io::Result<Option<fs::File>> {
    let mut path = spare.as_os_str().to_owned();
    path.push(".lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    match file.lock() {
        Ok(()) => Ok(Some(file)),
        Err(err) if err.kind() == io::ErrorKind::Unsupported => Ok(None),
        Err(err) => Err(err),
    }
}

/// published. Checked once at the end, so no order of puts can hide it.
fn refuse_clash(tracked: &Tracked) -> io::Result<()> {
    match tracked.files.iter().find(|f| tracked.dirs.contains(*f)) {
        Some(path) => Err(io::Error::other(format!(
            "a file and a folder would have the same path: {}",
            path.display()
        ))),
        None => Ok(()),
    }
}

/// Removes from a recycled tree every file and folder this build did not
/// put, its folders in parallel. A stale file left in would be published,
/// so one that cannot be removed fails the build.
fn prune(dir: &Path, relative: &Path, tracked: &Tracked) -> io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| {
        let path = relative.join(entry.file_name());
        let is_dir = entry.file_type()?.is_dir();
        if is_dir && tracked.dirs.contains(&path) {
            return prune(&entry.path(), &path, tracked);
        }
        if is_dir || !tracked.files.contains(&path) {
            remove_tree(&entry.path());
            if fs::symlink_metadata(entry.path()).is_ok() {
                return Err(io::Error::other(format!(
                    "could not remove the stale {} from the staging folder",
                    path.display()
                )));
            }
        }
        Ok(())
    })
}
