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

mod disk;
pub mod file;
pub mod guard;
pub mod made;
mod published;
mod recovery;
mod staging;
mod swap;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use disk::locate;
pub use guard::{Foreign, MARKER};
pub use staging::Staging;

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
    /// Files slow to make (share images, QR codes) taken from the published
    /// output, unchanged since (see [`made`]).
    pub reused: usize,
    /// Files slow to make that were made (new, changed, or damaged since).
    pub remade: usize,
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

#[cfg(test)]
mod tests;
