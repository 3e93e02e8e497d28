//! Rebuild on save: watch the site's source folders, wait until the saves
//! settle (an editor writes a file in several steps), then rebuild once.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use super::state::{self, State};

/// The folders whose files make the site.
pub const SOURCE_DIRS: &[&str] = &["data", "content", "themes", "static"];

/// Quiet time after the last change before rebuilding.
const SETTLE: Duration = Duration::from_millis(60);
/// Longest wait under a steady stream of changes before rebuilding anyway.
const MAX_WAIT: Duration = Duration::from_secs(2);

/// Starts watching; rebuilds on a thread of its own for as long as the
/// process runs.
pub fn start(state: Arc<State>) -> notify::Result<()> {
    let (tx, rx) = mpsc::channel();
    let root = state.root.clone();
    let out = root.join("public");
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        match event {
            Ok(event) if is_relevant(&event, &root, &out) => {
                let paths = event.paths.into_iter();
                let _ = tx.send(paths.filter(|p| is_source(p, &root, &out)).collect());
            }
            // Events were lost (the kernel's queue overflowed): say that
            // everything may have changed, so every file is read again.
            Ok(event) if event.need_rescan() => {
                let _ = tx.send(vec![root.join("data")]);
            }
            Ok(_) => {}
            Err(_) => {
                let _ = tx.send(vec![root.join("data")]);
            }
        }
    })?;
    // The root itself, not recursively: so that a source folder created
    // later (static/ for a first PDF) is noticed and then watched.
    watcher.watch(&state.root, RecursiveMode::NonRecursive)?;
    let mut watched = Vec::new();
    watch_new_dirs(&mut watcher, &state.root, &mut watched);
    std::thread::spawn(move || {
        while let Some(changed) = settle(&rx) {
            watch_new_dirs(&mut watcher, &state.root, &mut watched);
            state::refresh(&state, &changed);
        }
    });
    Ok(())
}

/// Watches every source folder that exists and is not watched yet.
fn watch_new_dirs(watcher: &mut RecommendedWatcher, root: &Path, watched: &mut Vec<PathBuf>) {
    for dir in SOURCE_DIRS.iter().map(|d| root.join(d)) {
        if dir.is_dir()
            && !watched.contains(&dir)
            && watcher.watch(&dir, RecursiveMode::Recursive).is_ok()
        {
            watched.push(dir);
        }
    }
}

/// Waits for a change, then for the changes to stop; returns every path
/// that changed meanwhile, or `None` once the watcher is gone.
fn settle(rx: &Receiver<Vec<PathBuf>>) -> Option<Vec<PathBuf>> {
    let mut changed = rx.recv().ok()?;
    let first = Instant::now();
    loop {
        match rx.recv_timeout(SETTLE) {
            Ok(paths) => {
                changed.extend(paths);
                if first.elapsed() >= MAX_WAIT {
                    break;
                }
            }
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    changed.sort();
    changed.dedup();
    Some(changed)
}

/// A change to a source file, not a read (the rebuild itself reads every
/// file, and must not trigger another), not the output, not an editor's
/// scratch file.
pub fn is_relevant(event: &Event, root: &Path, out: &Path) -> bool {
    let kind_matters = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    };
    kind_matters && event.paths.iter().any(|path| is_source(path, root, out))
}

/// A path in a source folder, not in the output, not an editor's scratch file.
fn is_source(path: &Path, root: &Path, out: &Path) -> bool {
    !path.starts_with(out)
        && SOURCE_DIRS.iter().any(|d| path.starts_with(root.join(d)))
        && !is_scratch_file(path)
}

/// Files editors write beside the real one: vim's `.swp` and `4913`,
/// emacs's `.#name` and `name~`, and `*.tmp` (loaxa's own included).
pub fn is_scratch_file(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
        || name.ends_with(".tmp")
        || name == ".DS_Store"
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange};

    fn event(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_saves_of_source_files_count() {
        let (root, out) = (Path::new("/site"), Path::new("/site/public"));
        let save = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let relevant = |kind, path| is_relevant(&event(kind, path), root, out);
        assert!(relevant(save, "/site/data/campaigns/x.yaml"));
        assert!(relevant(
            EventKind::Create(CreateKind::File),
            "/site/content/notices/a.md"
        ));
        assert!(relevant(save, "/site/static"));
        assert!(!relevant(save, "/site/public/index.html"));
        assert!(!relevant(save, "/site/README.md"));
        assert!(!relevant(save, "/site/data/.site.yaml.swp"));
        assert!(!relevant(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            "/site/data/site.yaml"
        ));
    }

    #[test]
    fn editor_scratch_files() {
        for scratch in [
            "a.yaml.swp",
            "a.yaml~",
            ".#a.yaml",
            "4913",
            ".x.yaml.loaxa.tmp",
        ] {
            assert!(is_scratch_file(Path::new(scratch)), "{scratch}");
        }
        assert!(!is_scratch_file(Path::new("i-hatinh.yaml")));
    }
}
