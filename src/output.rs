//! Writing the rendered site atomically: every file goes into a fresh
//! directory beside the output, which is then swapped in. `public/` is always
//! either the old complete site or the new complete one.
//!
//! Most of a rebuild is unchanged pages, so a file whose bytes equal the
//! published one is hard-linked from it instead of written again: no new
//! blocks, and deleting the old tree afterwards only drops a link.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

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
    /// Of them, files whose bytes were already published (hard-linked).
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

/// A new output tree being filled beside the published one. Files may be
/// put from many threads at once, each path once. Nothing is visible at the
/// output path until [`Staging::commit`]; dropping a staging without
/// committing removes it and leaves the published site as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    first_error: Mutex<Option<io::Error>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    unchanged: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Makes an empty staging folder beside `out` (after clearing what a
    /// killed build left there).
    pub fn begin(out: &Path) -> io::Result<Staging> {
        let out = absolute(out)?;
        let parent = out
            .parent()
            .ok_or_else(|| io::Error::other("the output folder has no parent folder"))?
            .to_path_buf();
        fs::create_dir_all(&parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        recover_leftovers(&parent, &out, &name);
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.loaxa-new-{pid}"));
        let old = parent.join(format!(".{name}.loaxa-old-{pid}"));
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            out,
            dir,
            old,
            first_error: Mutex::new(None),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Adds one file. An error is kept and returned by `commit`, so a
    /// renderer can hand files over without stopping to check each one.
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

    /// Writes the file, or links the published one when its bytes are the
    /// same. Returns whether it was linked.
    fn try_put(&self, relative: &str, bytes: &[u8]) -> io::Result<bool> {
        let relative = safe_relative(relative)?;
        let path = self.dir.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let published = self.out.join(relative);
        // A link, never a write into the published file: the old site must
        // stay intact until the swap. Where links are not supported, write.
        if same_bytes(&published, bytes) && fs::hard_link(&published, &path).is_ok() {
            return Ok(true);
        }
        write_new(&path, bytes)?;
        Ok(false)
    }

    /// Swaps the new tree in, then deletes the old one. Fails, leaving the
    /// published site untouched, if any `put` failed.
    pub fn commit(mut self) -> io::Result<Written> {
        let error = self
            .first_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(err) = error {
            return Err(err);
        }
        swap_in(&self.dir, &self.out, &self.old)?;
        self.committed = true;
        // Renamed first, so a build killed while deleting leaves a folder
        // that is plainly garbage, never one that looks like a site to restore.
        let trash = self.old.with_file_name(
            self.old
                .file_name()
                .map(|n| n.to_string_lossy().replace("-old-", "-trash-"))
                .unwrap_or_default(),
        );
        if fs::rename(&self.old, &trash).is_ok() {
            remove_tree(&trash);
        } else {
            remove_tree(&self.old);
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
            remove_tree(&self.dir);
        }
    }
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(path))
    }
}

/// Cleans up after a build that was killed part-way. A half-written new
/// tree or a half-deleted trash tree is never part of the site. An old tree
/// is the last published site, whole, if the kill came between the two
/// renames of the swap: it goes back in place rather than being lost.
fn recover_leftovers(parent: &Path, out: &Path, name: &str) {
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
        if is_old || file_name.starts_with(new.as_str()) || file_name.starts_with(trash.as_str()) {
            remove_tree(&entry.path());
        }
    }
}

/// Writes a new file at `path`. A file already there (a path put twice:
/// the last one wins) is unlinked first, never written through: it may be
/// a link to the published site.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = match create() {
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            create()?
        }
        other => other?,
    };
    file.write_all(bytes)
}

/// Whether the file at `path` holds exactly `bytes`: the size first, so a
/// changed page is rarely read at all.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let same_size = file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    if !same_size {
        return false;
    }
    let mut old = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut old).is_ok() && old == bytes
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

/// Moves the new output in and the old one aside, to `old`. Where the
/// kernel offers an atomic exchange `out` is never absent; elsewhere it is
/// briefly absent between two renames, never half-written, and a build
/// killed right there is recovered by the next one (see `recover_leftovers`).
fn swap_in(staging: &Path, out: &Path, old: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    if exchange(staging, out).is_ok() {
        // The new site is published: the old one, now at `staging`, is only
        // garbage, deleted here if it cannot be moved aside.
        if fs::rename(staging, old).is_err() {
            remove_tree(staging);
        }
        return Ok(());
    }
    fs::rename(out, old)?;
    if let Err(err) = fs::rename(staging, out) {
        let _ = fs::rename(old, out);
        return Err(err);
    }
    Ok(())
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

/// Deletes a tree, its sub-folders in parallel: a 10,000-page tree goes in
/// 0.17 s on tmpfs against 0.23–0.28 s for `rm -rf`; on the ext4 disk
/// measured it was no clear win (see BENCHMARKS.md).
fn remove_tree(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        let _ = fs::remove_file(dir);
        return;
    };
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|entry| {
        match entry.file_type() {
            Ok(t) if t.is_dir() => remove_tree(&entry.path()),
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
    use std::os::unix::fs::MetadataExt;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_whole_tree_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &files(&[("index.html", "old"), ("gone.html", "x")])).unwrap();
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
        assert_eq!(names(dir.path()), vec![std::ffi::OsString::from("public")]);
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
        assert_eq!(names(dir.path()), vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn cleans_up_after_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".public.loaxa-new-999/x")).unwrap();
        fs::create_dir_all(dir.path().join(".public.loaxa-trash-998/y")).unwrap();
        write_atomically(&dir.path().join("public"), &files(&[("index.html", "ok")])).unwrap();
        assert_eq!(names(dir.path()), vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn a_build_killed_between_the_renames_gets_the_old_site_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // Killed after `public` was moved aside, before the new one moved in.
        let old = dir.path().join(".public.loaxa-old-999");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "published").unwrap();
        // The next build fails: the published site is back, nothing else.
        drop(Staging::begin(&out).unwrap());
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "published"
        );
        assert_eq!(names(dir.path()), vec![std::ffi::OsString::from("public")]);
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
        let ino = |p: &Path| fs::metadata(p).unwrap().ino();
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
        let staging = Staging::begin(&out).unwrap();
        staging.put("a.json", b"published"); // linked to the published file
        staging.put("a.json", b"replaced");
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a.json")).unwrap(), "replaced");
        assert_eq!(fs::read_to_string(&held).unwrap(), "published");
    }

    #[test]
    fn a_staging_dropped_without_commit_leaves_the_site_and_no_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &files(&[("index.html", "old")])).unwrap();
        let staging = Staging::begin(&out).unwrap();
        staging.put("index.html", b"new");
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(names(dir.path()), vec![std::ffi::OsString::from("public")]);
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
}
