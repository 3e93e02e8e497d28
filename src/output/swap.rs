//! Putting the new tree where the old one was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Moves the new output in and the old one aside; returns where the old
/// tree now is (none if there was no output). Where the kernel offers an
/// atomic exchange `out` is never absent; elsewhere it is briefly absent
/// between two renames, never half-written, and a build killed right there
/// is recovered by the next one (see `recover_leftovers`).
pub(super) fn swap_in(staging: &Path, out: &Path, old: &Path) -> io::Result<Option<PathBuf>> {
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
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// Elsewhere the two-rename swap (with recovery on the next build) is used.
#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}
