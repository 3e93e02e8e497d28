//! Writing the rendered site atomically: the whole map goes into a fresh
//! directory beside the output, which is then swapped in. `public/` is always
//! either the old complete site or the new complete one.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Rendered files: path relative to the output root → bytes. A `BTreeMap` so
/// every walk over it is in one stable order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Writes `files` to `out`, replacing what was there only once everything
/// is written.
pub fn write_atomically(out: &Path, files: &Files) -> io::Result<()> {
    let out = absolute(out)?;
    let parent = out
        .parent()
        .ok_or_else(|| io::Error::other("the output folder has no parent folder"))?;
    fs::create_dir_all(parent)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    remove_leftovers(parent, &name);
    let staging = parent.join(format!(".{name}.loaxa-new-{}", std::process::id()));
    let result = write_tree(&staging, files).and_then(|()| swap_in(&staging, &out, parent, &name));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(path))
    }
}

/// Folders left by a build that was killed part-way: never part of the site.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.loaxa-new-"), format!(".{name}.loaxa-old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn write_tree(root: &Path, files: &Files) -> io::Result<()> {
    fs::create_dir_all(root)?;
    for (relative, bytes) in files {
        let path = root.join(safe_relative(relative)?);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
    }
    Ok(())
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

/// Moves the old output aside, the new one in, then deletes the old one.
/// Between the two renames `out` is briefly absent, never half-written.
fn swap_in(staging: &Path, out: &Path, parent: &Path, name: &str) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    let old = parent.join(format!(".{name}.loaxa-old-{}", std::process::id()));
    fs::rename(out, &old)?;
    if let Err(err) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(err);
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
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
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
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
    }

    #[test]
    fn cleans_up_after_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".public.loaxa-new-999/x")).unwrap();
        write_atomically(&dir.path().join("public"), &files(&[("index.html", "ok")])).unwrap();
        assert!(!dir.path().join(".public.loaxa-new-999").exists());
    }
}
