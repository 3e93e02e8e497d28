//! Writing the rendered site atomically: every file goes into a staging
//! tree beside the output, which is then swapped in. `public/` is always
//! either the old complete site or the new complete one.
//!
//! The staging tree is recycled. After the swap, the tree that was published
//! is kept beside the output as the spare (`.public.loaxa-spare`), and the
//! next build fills it in place: its folders already exist, so a rebuild
//! makes no folder for an unchanged page. (Making and deleting 10,000 page
//! folders per build was a third of a warm build on ext4: see BENCHMARKS.md.)
//! In the recycled tree, a file whose bytes equal the published one is
//! hard-linked from it, or left alone when it already is that link; any other
//! file is unlinked and written anew, never written through, since it may
//! share its inode with the published site. Before the swap, every file and
//! folder this build did not put is removed from the tree. A build that fails
//! leaves its tree as the spare, which is always safe to reuse for the same
//! reasons.
//!
//! Space: the spare is a second tree beside the output. In steady state it
//! shares the inode (and blocks) of every unchanged file with the published
//! tree, so it costs its folders plus the previous version of each file that
//! changed in the last build; after a build where every page changed, it is a
//! whole second copy of the site. It can be deleted at any time: the next
//! build then starts from an empty folder.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

pub mod file;

/// Rendered files: path relative to the output root → bytes. A `BTreeMap` so
/// every walk over it is in one stable order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Every file of the new output.
    pub files: usize,
    /// Of them, the `.html` pages.
    pub pages: usize,
    /// Of them, files whose bytes were already published (hard-linked, or
    /// already a link to the published file in the recycled tree).
    pub unchanged: usize,
}

/// Writes `files` to `out`, replacing what was there only once everything
/// is written.
pub fn write_atomically(out: &Path, files: &Files) -> io::Result<()> {
    let staging = Staging::begin(out)?;
    files
        .par_iter()
        .for_each(|(path, bytes)| staging.put(path, bytes));
    staging.commit().map(|_| ())
}

/// Where the spare tree of `out` is kept between builds.
pub fn spare_path(out: &Path) -> io::Result<PathBuf> {
    let (_, parent, name) = locate(out)?;
    Ok(parent.join(format!(".{name}.loaxa-spare")))
}

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
    recycled: bool,
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

/// `out` made absolute, its parent folder, and its name.
fn locate(out: &Path) -> io::Result<(PathBuf, PathBuf, String)> {
    let out = absolute(out)?;
    let parent = out
        .parent()
        .ok_or_else(|| io::Error::other("the output folder has no parent folder"))?
        .to_path_buf();
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    Ok((out, parent, name))
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(path))
    }
}

/// Moves the spare to `dir`, or makes `dir` empty when there is no spare (or
/// it is not a real folder). Returns whether `dir` holds an earlier tree.
fn take_spare(spare: &Path, dir: &Path) -> io::Result<bool> {
    let _ = fs::rename(spare, dir);
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(true),
        Ok(_) => fs::remove_file(dir)?,
        Err(_) => {}
    }
    fs::create_dir(dir)?;
    Ok(false)
}

/// Cleans up after a build that was killed part-way. An old tree is the last
/// published site, whole, if the kill came between the two renames of the
/// swap: it goes back in place rather than being lost. Any other new or old
/// tree is never published as it is, only recycled: it becomes the spare if
/// there is none. A trash tree (half-deleted) is removed.
fn recover_leftovers(parent: &Path, out: &Path, name: &str, spare: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefix = |kind: &str| format!(".{name}.loaxa-{kind}-");
    let (new, old, trash) = (prefix("new"), prefix("old"), prefix("trash"));
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_old = file_name.starts_with(old.as_str());
        if is_old && !out.exists() && fs::rename(entry.path(), out).is_ok() {
            continue;
        }
        if is_old || file_name.starts_with(new.as_str()) {
            spare_or_remove(&entry.path(), spare);
        } else if file_name.starts_with(trash.as_str()) {
            remove_tree(&entry.path());
        }
    }
}

/// Keeps `tree` as the spare if there is none, else deletes it.
fn spare_or_remove(tree: &Path, spare: &Path) {
    if fs::symlink_metadata(spare).is_ok() || fs::rename(tree, spare).is_err() {
        remove_tree(tree);
    }
}

/// Keeps the tree that was published as the spare. If it cannot be kept it
/// is deleted, renamed first so a build killed while deleting leaves a
/// folder that is plainly garbage, never one that looks like a site to
/// restore.
fn keep_as_spare(tree: &Path, spare: &Path, trash: &Path) {
    if fs::rename(tree, spare).is_ok() {
        return;
    }
    if fs::rename(tree, trash).is_ok() {
        remove_tree(trash);
    } else {
        remove_tree(tree);
    }
}

/// Makes a folder at `path` (whose parent exists) unless a real one is
/// there, removing a file or link in the way.
fn make_real_dir(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => remove_tree(path),
        Err(_) => {}
    }
    match fs::create_dir(path) {
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists && is_real_dir(path) => Ok(()),
        other => other,
    }
}

fn is_real_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// Creates the file at `path` with `create`, first removing whatever is
/// there: a stale file or folder of a recycled tree, or an earlier put of
/// the same path. What is there is never opened: it may be a link to the
/// published site.
fn create_over(path: &Path, create: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    match create(path) {
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            remove_tree(path);
            create(path)
        }
        other => other,
    }
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

/// The published file's metadata if it holds exactly `bytes`: the size
/// first, so a changed page is rarely read at all.
fn same_bytes(path: &Path, bytes: &[u8]) -> Option<fs::Metadata> {
    let mut file = fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return None;
    }
    let mut old = Vec::with_capacity(bytes.len());
    (file.read_to_end(&mut old).is_ok() && old == bytes).then_some(meta)
}

/// Whether the file at `path` (not followed if a link) is the same inode as
/// the one `published` describes.
fn same_inode(published: &fs::Metadata, path: &Path) -> bool {
    let id = file_id(published);
    id.is_some() && fs::symlink_metadata(path).is_ok_and(|m| file_id(&m) == id)
}

#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// Without inode numbers, never "the same": the file is linked again.
#[cfg(not(unix))]
fn file_id(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Refuses any path that could leave the output folder.
fn safe_relative(relative: &str) -> io::Result<&Path> {
    let path = Path::new(relative);
    let inside =
        !relative.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
    if inside {
        Ok(path)
    } else {
        Err(io::Error::other(format!(
            "refusing to write outside the output folder: {relative}"
        )))
    }
}

/// A file and a folder of one name (`a` and `a/b` both put) cannot both be
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

/// Moves the new output in and the old one aside; returns where the old
/// tree now is (none if there was no output). Where the kernel offers an
/// atomic exchange `out` is never absent; elsewhere it is briefly absent
/// between two renames, never half-written, and a build killed right there
/// is recovered by the next one (see `recover_leftovers`).
fn swap_in(staging: &Path, out: &Path, old: &Path) -> io::Result<Option<PathBuf>> {
    if !out.exists() {
        return fs::rename(staging, out).map(|()| None);
    }
    if exchange(staging, out).is_ok() {
        return Ok(Some(staging.to_path_buf()));
    }
    fs::rename(out, old)?;
    if let Err(err) = fs::rename(staging, out) {
        let _ = fs::rename(old, out);
        return Err(err);
    }
    Ok(Some(old.to_path_buf()))
}

/// Swaps two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// Elsewhere the two-rename swap (with recovery on the next build) is used.
#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Deletes a file, a link (never followed) or a tree, its sub-folders in
/// parallel: a 10,000-page tree goes in 0.17 s on tmpfs against 0.23–0.28 s
/// for `rm -rf`; on the ext4 disk measured it was no clear win (see
/// BENCHMARKS.md).
fn remove_tree(path: &Path) {
    if is_real_dir(path) {
        remove_dir_and_contents(path);
    } else {
        let _ = fs::remove_file(path);
    }
}

fn remove_dir_and_contents(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|entry| {
        match entry.file_type() {
            Ok(t) if t.is_dir() => remove_dir_and_contents(&entry.path()),
            _ => {
                let _ = fs::remove_file(entry.path());
            }
        };
    });
    let _ = fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;
    use std::os::unix::fs::MetadataExt;

    const SPARE: &str = ".public.loaxa-spare";

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    /// What is beside the output, but the lock (see `two_builds_into_one_output_take_turns`).
    fn names(dir: &Path) -> Vec<OsString> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n != ".public.loaxa-spare.lock")
            .collect();
        names.sort();
        names
    }

    fn os(names: &[&str]) -> Vec<OsString> {
        names.iter().map(OsString::from).collect()
    }

    /// Every file and folder under `dir` (folders end in `/`), sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .flatten()
            .map(|e| {
                let path = e.path().strip_prefix(dir).unwrap().display().to_string();
                if e.file_type().is_dir() {
                    path + "/"
                } else {
                    path
                }
            })
            .collect();
        all.sort();
        all
    }

    /// The files under `dir` and their bytes.
    fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(dir).unwrap().display().to_string();
                (path, fs::read(e.path()).unwrap())
            })
            .collect()
    }

    /// Every entry under `dir` and its inode number.
    fn inodes(dir: &Path) -> BTreeMap<String, u64> {
        walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .flatten()
            .map(|e| {
                let path = e.path().strip_prefix(dir).unwrap().display().to_string();
                (path, e.metadata().unwrap().ino())
            })
            .collect()
    }

    fn ino(path: &Path) -> u64 {
        fs::symlink_metadata(path).unwrap().ino()
    }

    /// `n` page folders, each page saying `text`.
    fn pages(n: usize, text: &str) -> Files {
        (0..n)
            .map(|k| (format!("van-ban/{k:03}/index.html"), format!("{text} {k}")))
            .map(|(p, b)| (p, b.into_bytes()))
            .collect()
    }

    #[test]
    fn replaces_the_whole_tree_and_keeps_the_old_one_as_the_spare() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &files(&[("index.html", "old"), ("gone.html", "x")])).unwrap();
        assert_eq!(names(dir.path()), os(&["public"]));
        write_atomically(
            &out,
            &files(&[("index.html", "new"), ("a/b/index.html", "deep")]),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "deep"
        );
        assert!(!out.join("gone.html").exists());
        assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
        assert_eq!(spare_path(&out).unwrap(), dir.path().join(SPARE));
    }

    #[test]
    fn refuses_paths_outside_the_output_and_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &files(&[("index.html", "old")])).unwrap();
        for bad in ["../escape.html", "/etc/x", "a/../../x", ""] {
            assert!(
                write_atomically(&out, &files(&[("index.html", "new"), (bad, "x")])).is_err(),
                "{bad}"
            );
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!dir.path().join("escape.html").exists());
        assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
    }

    #[test]
    fn cleans_up_after_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".public.loaxa-new-999/x")).unwrap();
        fs::write(dir.path().join(".public.loaxa-new-999/x/stale.html"), "s").unwrap();
        fs::create_dir_all(dir.path().join(".public.loaxa-trash-998/y")).unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &files(&[("index.html", "ok")])).unwrap();
        assert_eq!(names(dir.path()), os(&["public"]));
        assert_eq!(listing(&out), ["index.html"]);
    }

    #[test]
    fn recovers_from_a_kill_with_every_kind_of_leftover() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let site = pages(5, "v1");
        write_atomically(&out, &site).unwrap();
        write_atomically(&out, &site).unwrap();
        // A spare, and what builds killed at different moments leave.
        for (leftover, junk) in [
            (".public.loaxa-new-999", "half.html"),
            (".public.loaxa-old-998", "old.html"),
            (".public.loaxa-trash-997", "trash.html"),
        ] {
            fs::create_dir_all(dir.path().join(leftover).join("van-ban")).unwrap();
            fs::write(dir.path().join(leftover).join(junk), "junk").unwrap();
        }
        write_atomically(&out, &site).unwrap();
        assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
        assert_eq!(contents(&out), site);
        assert_eq!(contents(&dir.path().join(SPARE)), site);
    }

    #[test]
    fn a_build_killed_between_the_renames_gets_the_old_site_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // Killed after `public` was moved aside, before the new one moved in.
        let old = dir.path().join(".public.loaxa-old-999");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "published").unwrap();
        // A half-written new tree and a stale spare beside it.
        fs::create_dir_all(dir.path().join(".public.loaxa-new-999/x")).unwrap();
        fs::create_dir_all(dir.path().join(SPARE).join("y")).unwrap();
        // The next build fails: the published site is back, and a spare.
        drop(Staging::begin(&out).unwrap());
        assert_eq!(listing(&out), ["index.html"]);
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "published"
        );
        assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
        // And the one after publishes exactly what it puts.
        write_atomically(&out, &files(&[("a/index.html", "new")])).unwrap();
        assert_eq!(listing(&out), ["a/", "a/index.html"]);
    }

    #[test]
    fn unchanged_files_are_linked_and_changed_ones_never_touch_the_old_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let site = files(&[("same.html", "same"), ("edited.html", "v1")]);
        write_atomically(&out, &site).unwrap();
        // Someone else holds the published inodes (a server mid-read, a backup).
        let (held_same, held_edited) = (dir.path().join("s"), dir.path().join("e"));
        fs::hard_link(out.join("same.html"), &held_same).unwrap();
        fs::hard_link(out.join("edited.html"), &held_edited).unwrap();

        let staging = Staging::begin(&out).unwrap();
        staging.put("same.html", b"same");
        staging.put("edited.html", b"v2!");
        let written = staging.commit().unwrap();

        assert_eq!(
            written,
            Written {
                files: 2,
                pages: 2,
                unchanged: 1
            }
        );
        assert_eq!(ino(&out.join("same.html")), ino(&held_same));
        assert_ne!(ino(&out.join("edited.html")), ino(&held_edited));
        assert_eq!(fs::read_to_string(&held_edited).unwrap(), "v1");
        assert_eq!(fs::read_to_string(out.join("edited.html")).unwrap(), "v2!");
    }

    #[test]
    fn a_path_put_twice_keeps_the_last_and_never_writes_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &files(&[("a.json", "published")])).unwrap();
        let held = dir.path().join("held");
        fs::hard_link(out.join("a.json"), &held).unwrap();
        for _recycled in 0..3 {
            let staging = Staging::begin(&out).unwrap();
            staging.put("a.json", b"published"); // linked to the published file
            staging.put("a.json", b"replaced");
            staging.commit().unwrap();
            assert_eq!(fs::read_to_string(out.join("a.json")).unwrap(), "replaced");
            assert_eq!(fs::read_to_string(&held).unwrap(), "published");
            write_atomically(&out, &files(&[("a.json", "published")])).unwrap();
        }
    }

    #[test]
    fn a_rebuild_recycles_the_spare_and_makes_no_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let spare = dir.path().join(SPARE);
        let site = pages(20, "same");
        write_atomically(&out, &site).unwrap();
        let first = inodes(&out);
        write_atomically(&out, &site).unwrap(); // no spare yet: a new tree
        let second = inodes(&out);
        assert_eq!(inodes(&spare), first, "the old tree is kept whole");
        // From now on the spare is filled in place: its folders are reused.
        let staging = Staging::begin(&out).unwrap();
        assert!(staging.recycled);
        site.iter().for_each(|(p, b)| staging.put(p, b));
        let written = staging.commit().unwrap();
        assert_eq!(written.unchanged, site.len());
        let third = inodes(&out);
        for (path, ino) in &third {
            let is_dir = out.join(path).is_dir();
            let expected = if is_dir { first[path] } else { second[path] };
            assert_eq!(*ino, expected, "{path}");
        }
        // In steady state both trees share every file and swap places; no
        // file and no folder is made.
        for _ in 0..2 {
            let (published, kept) = (inodes(&out), inodes(&spare));
            write_atomically(&out, &site).unwrap();
            assert_eq!(inodes(&out), kept);
            assert_eq!(inodes(&spare), published);
            assert_eq!(contents(&out), site);
        }
        let shared = |tree: &BTreeMap<String, u64>| -> Vec<u64> {
            let mut files: Vec<u64> = tree
                .iter()
                .filter(|(p, _)| p.ends_with(".html"))
                .map(|(_, i)| *i)
                .collect();
            files.sort();
            files
        };
        assert_eq!(shared(&inodes(&out)), shared(&inodes(&spare)));
    }

    #[test]
    fn changed_files_never_write_through_a_published_inode() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let held = dir.path().join("held");
        fs::create_dir_all(&held).unwrap();
        // Every page changes each build; some keep their size, so the bytes
        // are compared, not only the lengths.
        let sites = [pages(8, "A"), pages(8, "B"), pages(8, "A"), pages(8, "Bb")];
        let mut kept: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        for (round, site) in sites.iter().enumerate() {
            let before = contents(&out);
            let staging = Staging::begin(&out).unwrap();
            site.iter().for_each(|(p, b)| staging.put(p, b));
            assert_eq!(contents(&out), before, "published before the swap");
            staging.commit().unwrap();
            assert_eq!(contents(&out), *site);
            // Hold every published inode, as a reader or a backup would.
            for (k, (path, bytes)) in site.iter().enumerate() {
                let link = held.join(format!("{round}-{k}"));
                fs::hard_link(out.join(path), &link).unwrap();
                kept.push((link, bytes.clone()));
            }
            for (link, bytes) in &kept {
                assert_eq!(fs::read(link).unwrap(), *bytes, "{}", link.display());
            }
        }
    }

    #[test]
    fn removed_files_and_folders_disappear_from_the_output_and_the_spare() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let spare = dir.path().join(SPARE);
        let mut full = pages(3, "p");
        full.extend(files(&[
            ("index.html", "home"),
            ("gone.html", "x"),
            ("old/deep/x.html", "x"),
        ]));
        let small = files(&[("index.html", "home"), ("van-ban/000/index.html", "p 0")]);
        let wanted = [
            "index.html",
            "van-ban/",
            "van-ban/000/",
            "van-ban/000/index.html",
        ];
        write_atomically(&out, &full).unwrap();
        write_atomically(&out, &full).unwrap();
        for _ in 0..2 {
            write_atomically(&out, &small).unwrap();
            assert_eq!(listing(&out), wanted);
        }
        // Two builds on, the spare (the tree published last) is clean too.
        assert_eq!(listing(&spare), wanted);
    }

    #[test]
    fn a_file_can_become_a_folder_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let as_file = files(&[("a", "file")]);
        let as_folder = files(&[("a/index.html", "folder")]);
        for site in [&as_file, &as_file, &as_folder, &as_folder, &as_file] {
            write_atomically(&out, site).unwrap();
            assert_eq!(contents(&out), *site);
        }
    }

    #[test]
    fn a_file_and_a_folder_of_one_name_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let site = files(&[("a/index.html", "ok")]);
        write_atomically(&out, &site).unwrap();
        write_atomically(&out, &site).unwrap();
        // In either order, whichever put comes second would make way for
        // itself: only the check at commit catches it.
        for order in [["a", "a/index.html"], ["a/index.html", "a"]] {
            let staging = Staging::begin(&out).unwrap();
            order.iter().for_each(|path| staging.put(path, b"x"));
            assert!(staging.commit().is_err(), "{order:?}");
            assert_eq!(contents(&out), site);
        }
    }

    #[test]
    fn links_put_in_the_published_site_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let outside = dir.path().join("mine");
        fs::create_dir_all(outside.join("000")).unwrap();
        fs::write(outside.join("000/index.html"), "mine").unwrap();
        fs::write(outside.join("keep.txt"), "keep").unwrap();
        let mut site = pages(2, "page");
        site.insert("f.html".into(), b"page f".to_vec());
        write_atomically(&out, &site).unwrap();
        // Someone replaces a folder and a file of the site by links.
        fs::remove_dir_all(out.join("van-ban")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("van-ban")).unwrap();
        fs::remove_file(out.join("f.html")).unwrap();
        std::os::unix::fs::symlink(outside.join("keep.txt"), out.join("f.html")).unwrap();
        let before = contents(&outside);
        // The tree with the links becomes the spare, then is recycled.
        for _ in 0..3 {
            write_atomically(&out, &site).unwrap();
            assert_eq!(contents(&outside), before);
            assert!(is_real_dir(&out.join("van-ban")));
            assert_eq!(contents(&out), site);
        }
    }

    #[test]
    fn a_failed_build_leaves_the_site_and_its_tree_as_a_spare_to_recycle() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let spare = dir.path().join(SPARE);
        let mut site = pages(3, "p");
        site.insert("index.html".into(), b"old".to_vec());
        write_atomically(&out, &site).unwrap();
        write_atomically(&out, &site).unwrap();
        let published = contents(&out);
        let folder = ino(&spare.join("van-ban/001"));

        let staging = Staging::begin(&out).unwrap();
        staging.put("index.html", b"new");
        staging.put("extra/x.html", b"half-built");
        staging.put("../escape", b"x"); // the error that fails the build
        assert!(staging.commit().is_err());
        assert_eq!(contents(&out), published);
        assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
        assert_eq!(ino(&spare.join("van-ban/001")), folder);

        let staging = Staging::begin(&out).unwrap();
        staging.put("index.html", b"new");
        drop(staging); // killed in-process: no commit at all
        assert_eq!(contents(&out), published);

        write_atomically(&out, &site).unwrap();
        assert_eq!(contents(&out), site);
        assert_eq!(
            ino(&out.join("van-ban/001")),
            folder,
            "the spare was reused"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("x"), "from a").unwrap();
        fs::write(b.join("x"), "from b").unwrap();
        exchange(&a, &b).unwrap();
        assert_eq!(fs::read_to_string(b.join("x")).unwrap(), "from a");
        assert_eq!(fs::read_to_string(a.join("x")).unwrap(), "from b");
    }

    #[test]
    fn two_builds_into_one_output_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let site = |tag: &str| -> Files {
            (0..200)
                .map(|k| {
                    (
                        format!("van-ban/{k:03}/index.html"),
                        format!("{tag} {k}").into_bytes(),
                    )
                })
                .collect()
        };
        let (a, b) = (site("a"), site("b"));
        std::thread::scope(|scope| {
            for files in [&a, &b] {
                let out = &out;
                scope.spawn(move || {
                    for _ in 0..10 {
                        write_atomically(out, files).expect("each build succeeds");
                    }
                });
            }
        });
        // One whole site or the other, nothing of both, no staging left.
        let published: Files = walkdir::WalkDir::new(&out)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(&out).unwrap().display().to_string();
                (path, fs::read(e.path()).unwrap())
            })
            .collect();
        assert!(published == a || published == b);
        assert_eq!(names(dir.path()), os(&[".public.loaxa-spare", "public"]));
        assert!(dir.path().join(".public.loaxa-spare.lock").is_file());
    }
}
