//! What each published file rendered in memory holds, so that a rebuild
//! knows an unchanged page without reading it back (reading back 11,700
//! published files was a twentieth of a warm build's CPU on tmpfs).
//!
//! Beside the output (`.public.loaxa-spare.pages`, next to the spare's
//! other lists) a build leaves one line per such file: the XXH3-64 of its
//! path, the XXH3-128 of its bytes, their length, and the file's inode,
//! modification and change times as the build left it (written as the
//! build goes, and held as numbers only: 100,000 paths held twice were
//! 30 MiB of a build's peak). The next build trusts a line only while the
//! published file still has that inode and those times (a file edited or
//! replaced since, even by a tool that keeps the modification time, is
//! compared byte by byte, as without the list); a missing or garbled list
//! only means every file is read back.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufWriter, Write as _};
#[cfg(unix)]
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// One file as the last build published it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    content: u128,
    len: u64,
    identity: Identity,
}

/// A file's inode, modification and change times (ns since 1970).
type Identity = (u64, i64, i64);

/// What the published file holds, as far as the list can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Known {
    /// The same bytes.
    Same,
    /// Other bytes.
    Different,
    /// Not in the list, or the file changed since: read it back.
    Unknown,
}

/// The list read at the start of a build, and the one being written.
pub(super) struct Published {
    list: PathBuf,
    before: HashMap<u64, Entry>,
    /// The new list, under a temporary name until [`Published::save`];
    /// `None` when it cannot be written (every page is read back next time).
    now: Mutex<Option<(PathBuf, BufWriter<fs::File>)>>,
}

impl Published {
    /// The list of the output whose spare is `spare`.
    pub(super) fn load(spare: &Path) -> Published {
        let mut list = spare.as_os_str().to_owned();
        list.push(".pages");
        let list = PathBuf::from(list);
        let before = fs::read_to_string(&list)
            .map(|text| text.lines().filter_map(parse).collect())
            .unwrap_or_default();
        remove_killed_lists(&list);
        let mut temp = list.as_os_str().to_owned();
        temp.push(format!(".{}.tmp", std::process::id()));
        let temp = PathBuf::from(temp);
        let now = fs::File::create(&temp)
            .ok()
            .map(|file| (temp, BufWriter::with_capacity(64 * 1024, file)));
        Published {
            list,
            before,
            now: Mutex::new(now),
        }
    }

    /// Whether the published file (whose metadata is `meta`, links not
    /// followed) holds `bytes`; `hash` is theirs.
    pub(super) fn knows(&self, relative: &str, meta: &fs::Metadata, hash: u128, len: u64) -> Known {
        match self.before.get(&path_key(relative)) {
            Some(entry) if meta.is_file() && identity(meta) == Some(entry.identity) => {
                match entry.len == len && entry.content == hash {
                    true => Known::Same,
                    false => Known::Different,
                }
            }
            // Not listed, or another file since (or another path of the
            // same hash: its inode tells them apart).
            _ => Known::Unknown,
        }
    }

    /// Notes a file of this build: its bytes' `hash` and length, and the
    /// metadata of the file that holds them (the one to be published).
    pub(super) fn record(&self, relative: &str, hash: u128, len: u64, meta: &fs::Metadata) {
        let Some((inode, modified, changed)) = identity(meta) else {
            return;
        };
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        let Some((_, out)) = now.as_mut() else {
            return;
        };
        let line = writeln!(
            out,
            "{:016x} {hash:032x} {len} {inode} {modified} {changed}",
            path_key(relative)
        );
        if line.is_err() {
            Self::drop_list(&mut now);
        }
    }

    /// Puts the list in place for the next build (after the swap: it
    /// describes the output now published).
    pub(super) fn save(&self) -> io::Result<()> {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        let Some((temp, out)) = now.take() else {
            // Not written: the last list would describe files replaced since.
            let _ = fs::remove_file(&self.list);
            return Ok(());
        };
        let written = out
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|_| fs::rename(&temp, &self.list));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
            let _ = fs::remove_file(&self.list);
        }
        written
    }

    fn drop_list(now: &mut Option<(PathBuf, BufWriter<fs::File>)>) {
        if let Some((temp, _)) = now.take() {
            let _ = fs::remove_file(temp);
        }
    }
}

impl Drop for Published {
    /// A build that did not publish leaves no half list behind.
    fn drop(&mut self) {
        Self::drop_list(self.now.get_mut().unwrap_or_else(PoisonError::into_inner));
    }
}

/// Removes the lists a killed build was writing (`….pages.PID.tmp`): the
/// caller holds the output's lock, so no other build is writing one.
fn remove_killed_lists(list: &Path) {
    let (Some(folder), Some(name)) = (list.parent(), list.file_name()) else {
        return;
    };
    let prefix = format!("{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let entry_name = entry_name.to_string_lossy();
        if entry_name.starts_with(&prefix) && entry_name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A path as the list names it.
fn path_key(relative: &str) -> u64 {
    xxh3_64(relative.as_bytes())
}

/// The hash of a file's bytes as the list keeps it.
pub(super) fn hash_of(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// What a change to a file, or a file put in its place, changes. The
/// change time cannot be set back by any tool (rsync keeps the
/// modification time of what it writes).
#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> Option<Identity> {
    let ns = |s: i64, ns: i64| s.checked_mul(1_000_000_000)?.checked_add(ns);
    Some((
        meta.ino(),
        ns(meta.mtime(), meta.mtime_nsec())?,
        ns(meta.ctime(), meta.ctime_nsec())?,
    ))
}

/// Elsewhere no file is known without reading it.
#[cfg(not(unix))]
fn identity(_meta: &fs::Metadata) -> Option<Identity> {
    None
}

/// `path content len inode modified changed`; anything else is skipped.
fn parse(line: &str) -> Option<(u64, Entry)> {
    let mut parts = line.split(' ');
    let path = u64::from_str_radix(parts.next()?, 16).ok()?;
    let content = u128::from_str_radix(parts.next()?, 16).ok()?;
    let len = parts.next()?.parse().ok()?;
    let inode = parts.next()?.parse().ok()?;
    let modified = parts.next()?.parse().ok()?;
    let changed = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    let entry = Entry {
        content,
        len,
        identity: (inode, modified, changed),
    };
    Some((path, entry))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_list_round_trips_and_knows_only_an_untouched_file() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join(".public.loaxa-spare");
        let page = dir.path().join("index.html");
        fs::write(&page, "<p>Xin chào</p>").unwrap();
        let meta = fs::symlink_metadata(&page).unwrap();
        let list = Published::load(&spare);
        let bytes = "<p>Xin chào</p>".as_bytes();
        list.record("index.html", hash_of(bytes), bytes.len() as u64, &meta);
        list.save().unwrap();
        let mut text = fs::read_to_string(dir.path().join(".public.loaxa-spare.pages")).unwrap();
        text.push_str("not a line\nzz 1 2 3 4 5\n");
        fs::write(dir.path().join(".public.loaxa-spare.pages"), text).unwrap();

        // What a killed build was writing is cleared by the next one.
        let killed = dir.path().join(".public.loaxa-spare.pages.999999.tmp");
        fs::write(&killed, "half a list").unwrap();
        let again = Published::load(&spare);
        assert!(!killed.exists());
        assert_eq!(again.before.len(), 1);
        let len = bytes.len() as u64;
        let knows = |meta: &fs::Metadata, bytes: &[u8]| {
            again.knows("index.html", meta, hash_of(bytes), bytes.len() as u64)
        };
        assert_eq!(knows(&meta, bytes), Known::Same);
        assert_eq!(knows(&meta, b"<p>Xin chao</p>"), Known::Different);
        assert_eq!(
            again.knows("khac.html", &meta, hash_of(bytes), len),
            Known::Unknown
        );
        // Edited in place since (another time), or replaced by another file:
        // the list says nothing, the bytes are compared.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&page, "<p>Xin chào</p>").unwrap();
        let edited = fs::symlink_metadata(&page).unwrap();
        assert_eq!(knows(&edited, bytes), Known::Unknown);
        fs::remove_file(&page).unwrap();
        fs::write(dir.path().join("other"), "x").unwrap();
        fs::write(&page, "<p>Xin chào</p>").unwrap();
        let replaced = fs::symlink_metadata(&page).unwrap();
        assert_eq!(knows(&replaced, bytes), Known::Unknown);
    }
}
