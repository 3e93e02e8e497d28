//! Files slow to make (a campaign's share image, an app's QR codes), taken
//! from the published output when what they are made from has not changed.
//!
//! Beside the output (`.public.loaxa-spare.made`, next to the spare and its
//! lock) a build leaves one line per such file: its path, the key of what it
//! was made from, the hash and length of its bytes. The next build asks
//! before making one: when the key is the same and the published file still
//! has those bytes (read and hashed, so a file damaged or replaced since is
//! made again), the published file is linked into the new tree instead.
//! A missing or garbled list only means everything is made again.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::hash::Hasher as _;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use siphasher::sip128::{Hasher128 as _, SipHasher13};

/// What a file is made from, hashed (128 bits: collisions are out of reach
/// for the few dozen files a site has).
pub type Key = u128;

/// The key of `parts`, each length-prefixed so that no two lists of parts
/// hash the same bytes. Stable across runs and machines (fixed keys).
pub fn key(parts: &[&[u8]]) -> Key {
    let mut hasher = SipHasher13::new_with_keys(0x6c6f_6178_615f_6d61, 0x6465_5f66_726f_6d21);
    for part in parts {
        hasher.write_u64(part.len() as u64);
        hasher.write(part);
    }
    hasher.finish128().as_u128()
}

/// One file made last time: from what, and what its bytes were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    key: Key,
    content: Key,
    len: u64,
}

/// The list read at the start of a build, and the one being written.
pub(super) struct Made {
    list: PathBuf,
    before: HashMap<String, Entry>,
    now: Mutex<BTreeMap<String, Entry>>,
    pub(super) reused: AtomicUsize,
    pub(super) remade: AtomicUsize,
}

impl Made {
    /// The list of the output whose spare is `spare`.
    pub(super) fn load(spare: &Path) -> Made {
        let mut list = spare.as_os_str().to_owned();
        list.push(".made");
        let list = PathBuf::from(list);
        let before = fs::read_to_string(&list)
            .map(|text| text.lines().filter_map(parse).collect())
            .unwrap_or_default();
        Made {
            list,
            before,
            now: Mutex::default(),
            reused: AtomicUsize::new(0),
            remade: AtomicUsize::new(0),
        }
    }

    /// Whether the file at `published` (the output's `relative`) was made
    /// from `key` and still holds the bytes it was made with.
    pub(super) fn still_there(&self, relative: &str, key: Key, published: &Path) -> bool {
        let Some(entry) = self.before.get(relative).filter(|e| e.key == key) else {
            return false;
        };
        let intact = fs::symlink_metadata(published)
            .is_ok_and(|meta| meta.is_file() && meta.len() == entry.len)
            && fs::read(published).is_ok_and(|bytes| content_key(&bytes) == entry.content);
        if intact {
            self.keep(relative, *entry);
        }
        intact
    }

    /// Notes a file made in this build.
    pub(super) fn record(&self, relative: &str, key: Key, bytes: &[u8]) {
        let entry = Entry {
            key,
            content: content_key(bytes),
            len: bytes.len() as u64,
        };
        self.keep(relative, entry);
    }

    fn keep(&self, relative: &str, entry: Entry) {
        self.now
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(relative.to_string(), entry);
    }

    /// Writes the list for the next build (after the swap: it describes
    /// the output now published). Written whole under another name, then
    /// renamed: a kill never leaves half a list.
    pub(super) fn save(&self) -> io::Result<()> {
        let now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        if now.is_empty() && self.before.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        for (path, e) in now.iter() {
            text.push_str(&format!(
                "{:032x} {:032x} {} {path}\n",
                e.key, e.content, e.len
            ));
        }
        let mut temp = self.list.as_os_str().to_owned();
        temp.push(format!(".{}.tmp", std::process::id()));
        let temp = PathBuf::from(temp);
        let written = fs::File::create(&temp)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .and_then(|()| fs::rename(&temp, &self.list));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written
    }

    /// Counts a file made again (it was not in the list, or had changed).
    pub(super) fn count_remade(&self) {
        self.remade.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn count_reused(&self) {
        self.reused.fetch_add(1, Ordering::Relaxed);
    }
}

fn content_key(bytes: &[u8]) -> Key {
    key(&[bytes])
}

/// `key content len path`; anything else is skipped.
fn parse(line: &str) -> Option<(String, Entry)> {
    let mut parts = line.splitn(4, ' ');
    let key = Key::from_str_radix(parts.next()?, 16).ok()?;
    let content = Key::from_str_radix(parts.next()?, 16).ok()?;
    let len = parts.next()?.parse().ok()?;
    let path = parts.next().filter(|p| !p.is_empty())?;
    Some((path.to_string(), Entry { key, content, len }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_their_parts_and_are_stable() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_ne!(key(&[b"x"]), key(&[b"x", b""]));
    }

    #[test]
    fn a_list_round_trips_and_garbage_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join(".public.loaxa-spare");
        let made = Made::load(&spare);
        made.record("anh/chia se.png", 7, b"bytes");
        made.save().unwrap();
        let mut text = fs::read_to_string(dir.path().join(".public.loaxa-spare.made")).unwrap();
        text.push_str("not a line\nzz 1 2 path\n");
        fs::write(dir.path().join(".public.loaxa-spare.made"), text).unwrap();
        let again = Made::load(&spare);
        assert_eq!(again.before.len(), 1);
        let entry = again.before["anh/chia se.png"];
        assert_eq!((entry.key, entry.len), (7, 5));
        assert_eq!(entry.content, content_key(b"bytes"));
    }
}
