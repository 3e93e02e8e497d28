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
    create_over, locate, make_real_dir, remove_tree, safe_relative, same_bytes, same_inode,
    write_new,
};
use super::recovery::{keep_as_spare, recover_leftovers, spare_or_remove, take_spare};
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
    tracked: Mutex<Tracked>,
    first_error: Mutex<Option<io::Error>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    unchanged: AtomicUsize,
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
        let (out, parent, name) = locate(out)?;
        fs::create_dir_all(&parent)?;
        if let Some(folder) = spare.parent() {
            fs::create_dir_all(folder)?;
        }
        // Before anything beside `out` is touched: another build's staging
        // tree would look like a killed build's leftovers.
        let lock = lock_output(&spare)?;
        recover_leftovers(&parent, &out, &name, &spare);
        let pid = std::process::id();
        let named = |kind: &str| parent.join(format!(".{name}.loaxa-{kind}-{pid}"));
        let dir = named("new");
        let recycled = take_spare(&spare, &dir)?;
        Ok(Staging {
            _lock: lock,
            old: named("old"),
            trash: named("trash"),
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

    /// Adds one file. An error is kept and returned by `commit`, so a
    /// renderer can hand files over without stopping to check each one.
    /// A path put twice keeps the last bytes.
    pub fn put(&self, relative: &str, bytes: &[u8]) {
        match self.try_put(relative, bytes) {
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
    fn try_put(&self, relative: &str, bytes: &[u8]) -> io::Result<bool> {
        let relative = safe_relative(relative)?;
        self.tracked().files.insert(relative.to_path_buf());
        if let Some(parent) = relative.parent() {
            self.make_dirs(parent)?;
        }
        let path = self.dir.join(relative);
        let published = self.out.join(relative);
        if let Some(meta) = same_bytes(&published, bytes) {
            if self.recycled && same_inode(&meta, &path) {
                return Ok(true);
            }
            // A link, never a write into the published file: the old site must
            // stay intact until the swap. Where links are not supported, write.
            if create_over(&path, |p| fs::hard_link(&published, p)).is_ok() {
                return Ok(true);
            }
        }
        create_over(&path, |p| write_new(p, bytes))?;
        Ok(false)
    }

    /// Makes the folders of `relative` in the tree, each looked at once per
    /// build. In a recycled tree a file or link in the way (one a user put in
    /// the published site, say) is removed, never followed.
    fn make_dirs(&self, relative: &Path) -> io::Result<()> {
        let mut at = PathBuf::new();
        for part in relative.components() {
            at.push(part);
            if self.tracked().dirs.contains(&at) {
                continue;
            }
            make_real_dir(&self.dir.join(&at))?;
            self.tracked().dirs.insert(at.clone());
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
        if let Some(tree) = old_tree {
            keep_as_spare(&tree, &self.spare, &self.trash);
        }
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            spare_or_remove(&self.dir, &self.spare);
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
