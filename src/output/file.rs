//! One file replaced whole, for commands that edit a source file in place
//! (`loaxa new figure`) or add one (`loaxa new notice`), while an editor, a
//! preview server or a second `loaxa` may be reading or writing it too.
//!
//! - A lock: every loaxa process that changes a file holds an exclusive
//!   lock on it from before it reads until after it writes, so two runs at
//!   once take turns and neither loses the other's change. The lock is on
//!   the file itself (no lock file is left beside it); since a replace puts
//!   a new file at the path, a waiter checks after locking that the path
//!   still is the file it locked, and starts again if not.
//! - A unique temporary name beside the file, written, flushed to disk and
//!   renamed over it: a reader sees the old bytes or the new ones, never
//!   half; two writers never share a temporary.
//! - A symbolic link stays a link: the file it points to is the one
//!   replaced (the temporary goes beside that file, on its file system).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A file held for a read-modify-write. The lock is released when dropped.
#[derive(Debug)]
pub struct LockedFile {
    /// The real file (links resolved): what is read and replaced.
    target: PathBuf,
    /// Open and locked: the file now at `target`.
    held: File,
}

/// How many times to start again when the file was replaced between opening
/// and locking it: each retry means another process finished a change.
const LOCK_TRIES: usize = 1_000;

impl LockedFile {
    /// Waits for, then takes, the lock on the file at `path` (which must
    /// exist), following symbolic links.
    pub fn lock(path: &Path) -> io::Result<LockedFile> {
        let target = fs::canonicalize(path)?;
        for _ in 0..LOCK_TRIES {
            let held = File::open(&target)?;
            lock(&held)?;
            if same_file(&held, &target)? {
                return Ok(LockedFile { target, held });
            }
        }
        Err(io::Error::other(format!(
            "{} keeps changing: cannot lock it",
            target.display()
        )))
    }

    /// The file's bytes as they are now (no one else can change them while
    /// the lock is held).
    pub fn read(&mut self) -> io::Result<Vec<u8>> {
        let mut file = File::open(&self.target)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// The real file written (links resolved).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Replaces the file's bytes. The new file is locked before it takes the
    /// path, so a process that opens it at once still waits its turn.
    pub fn replace(&mut self, bytes: &[u8]) -> io::Result<()> {
        let permissions = self.held.metadata()?.permissions();
        let (temp, file) = write_temporary(&self.target, bytes)?;
        let result = (|| {
            fs::set_permissions(&temp, permissions)?;
            lock(&file)?;
            fs::rename(&temp, &self.target)?;
            sync_parent(&self.target);
            Ok(())
        })();
        match result {
            Ok(()) => {
                // The old file is no longer at the path: its lock can go.
                self.held = file;
                Ok(())
            }
            Err(err) => {
                let _ = fs::remove_file(&temp);
                Err(err)
            }
        }
    }
}

/// Puts `bytes` at `path` whole, over what is there: a reader sees the old
/// file or the new one, never half (the roll-up beside the sites it ranks).
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let (temp, _file) = write_temporary(path, bytes)?;
    match fs::rename(&temp, path) {
        Ok(()) => {
            sync_parent(path);
            Ok(())
        }
        Err(err) => {
            let _ = fs::remove_file(&temp);
            Err(err)
        }
    }
}

/// Writes a file that must not exist yet: written whole under a temporary
/// name, then given its name only if nothing has it (never overwrites, even
/// in a race). A link at `path` counts as existing.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let (temp, _file) = write_temporary(path, bytes)?;
    // A hard link fails when the name is taken: an atomic "create if absent".
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => {
            sync_parent(path);
            Ok(())
        }
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(err),
        // A file system without hard links (FAT on a USB stick): the
        // exclusive create, written in place.
        Err(_) => {
            let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
            file.write_all(bytes)?;
            file.sync_all()
        }
    }
}

/// `.<name>.<pid>-<n>.loaxa.tmp` beside `path`, created (never reused),
/// written and flushed to disk. Hidden and ending in `.tmp`, so `loaxa serve`
/// and the site reader pass it by.
fn write_temporary(path: &Path, bytes: &[u8]) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = path.with_file_name(format!(".{name}.{}-{n}.loaxa.tmp", std::process::id()));
        let mut file = match OpenOptions::new()
            .write(true)
            .read(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => file,
            // Left by a process with our id long ago: take the next number.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        return match written {
            Ok(()) => Ok((temp, file)),
            Err(err) => {
                let _ = fs::remove_file(&temp);
                Err(err)
            }
        };
    }
}

fn lock(file: &File) -> io::Result<()> {
    match file.lock() {
        // A file system that cannot lock (some network mounts): one writer
        // at a time by convention, as before.
        Err(err) if err.kind() == io::ErrorKind::Unsupported => Ok(()),
        other => other,
    }
}

/// Whether the open file is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let (open, named) = (file.metadata()?, fs::metadata(path)?);
    Ok(open.dev() == named.dev() && open.ino() == named.ino())
}

/// Elsewhere a file that is open cannot be renamed over, so the path still
/// names the file that was locked.
#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> io::Result<bool> {
    Ok(true)
}

/// Makes the rename itself durable (a crash right after keeps the new name).
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent()
        && let Ok(dir) = File::open(parent)
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        fs::write(&path, "old\n").unwrap();
        let mut file = LockedFile::lock(&path).unwrap();
        assert_eq!(file.read().unwrap(), b"old\n");
        file.replace(b"new\n").unwrap();
        file.replace(b"newer\n").unwrap();
        assert_eq!(file.read().unwrap(), b"newer\n");
        drop(file);
        assert_eq!(fs::read(&path).unwrap(), b"newer\n");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_and_keeps_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("shared")).unwrap();
        let real = dir.path().join("shared/a.yaml");
        fs::write(&real, "old\n").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("a.yaml");
        std::os::unix::fs::symlink("shared/a.yaml", &link).unwrap();
        LockedFile::lock(&link).unwrap().replace(b"new\n").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new\n");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/n.md");
        create_new(&path, b"one").unwrap();
        let again = create_new(&path, b"two").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert_eq!(fs::read_dir(dir.path().join("sub")).unwrap().count(), 1);
    }

    #[test]
    fn threads_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("count");
        fs::write(&path, "0").unwrap();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let mut file = LockedFile::lock(&path).unwrap();
                        let n: u32 = String::from_utf8(file.read().unwrap())
                            .unwrap()
                            .parse()
                            .unwrap();
                        file.replace((n + 1).to_string().as_bytes()).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), "160");
    }
}
