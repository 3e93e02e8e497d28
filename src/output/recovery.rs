//! Spare trees and what a killed build left beside the output.

use std::fs;
use std::io;
use std::path::Path;

use super::disk::remove_tree;

/// Moves the spare to `dir`, or makes `dir` empty when there is no spare (or
/// it is not a real folder). Returns whether `dir` holds an earlier tree.
pub(super) fn take_spare(spare: &Path, dir: &Path) -> io::Result<bool> {
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
pub(super) fn recover_leftovers(parent: &Path, out: &Path, name: &str, spare: &Path) {
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
pub(super) fn spare_or_remove(tree: &Path, spare: &Path) {
    if fs::symlink_metadata(spare).is_ok() || fs::rename(tree, spare).is_err() {
        remove_tree(tree);
    }
}

/// Keeps the tree that was published as the spare. If it cannot be kept it
/// is deleted, renamed first so a build killed while deleting leaves a
/// folder that is plainly garbage, never one that looks like a site to
/// restore.
pub(super) fn keep_as_spare(tree: &Path, spare: &Path, trash: &Path) {
    if fs::rename(tree, spare).is_err() {
        discard(tree, trash);
    }
}

/// Deletes a tree that must not be kept, renamed first (see [`keep_as_spare`]).
pub(super) fn discard(tree: &Path, trash: &Path) {
    if fs::rename(tree, trash).is_ok() {
        remove_tree(trash);
    } else {
        remove_tree(tree);
    }
}
