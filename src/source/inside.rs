//! Where a site's files may come from: inside the site folder once every
//! link is resolved, and never hidden. A link that stays inside the site is
//! followed (a file kept in two places is still the site's own); one that
//! leads out (`static -> /home/x`, `data/site.yaml -> /proc/self/environ`)
//! is refused and nothing is read through it. The site folder is the line:
//! whatever is inside it is what its officers chose to publish.

use std::cell::RefCell;
use std::fs;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text, escape_controls};

/// Where a path under the site folder leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Inside the site: the path to read (the real one when a link led there).
    Inside(PathBuf),
    /// Outside the site, or into a hidden folder of it: refused.
    Outside(PathBuf),
    /// Nothing there, or a broken link.
    Missing,
}

/// Where `relative` (a path under `root`) leads. Without a link on the way,
/// one `lstat` per part of the path; only a link costs a full resolve.
pub fn place(root: &Path, relative: &Path) -> Place {
    let mut at = root.to_path_buf();
    let mut linked = false;
    for part in relative.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.is_symlink() => {
                linked = true;
                break;
            }
            Ok(_) => {}
            Err(_) => return Place::Missing,
        }
    }
    if !linked {
        return Place::Inside(root.join(relative));
    }
    let (Ok(site), Ok(real)) = (
        fs::canonicalize(root),
        fs::canonicalize(root.join(relative)),
    ) else {
        return Place::Missing;
    };
    match real.strip_prefix(&site) {
        Ok(within) if !is_hidden(within) => Place::Inside(real),
        _ => Place::Outside(real),
    }
}

/// Whether a relative path has a hidden part (`.git/`, `.env`).
pub fn is_hidden(relative: &Path) -> bool {
    relative.components().any(|part| match part {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    })
}

/// A file found under a folder of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Relative to the folder walked, with `/`: `files/ke-hoach.pdf`.
    pub name: String,
    /// Where to read it from (through a link that stays inside the site).
    pub path: PathBuf,
}

/// Every file under `dir` (relative to `root`: `static`, `themes/x`), by
/// name: hidden files and folders skipped, links followed while they stay
/// inside the site and refused (an error naming the link) when they lead
/// out. Nothing when `dir` is absent.
pub fn walk(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<Found> {
    let start = match place(root, dir) {
        Place::Inside(path) => path,
        Place::Missing => return Vec::new(),
        Place::Outside(real) => {
            diags.push(leads_outside(dir, &real));
            return Vec::new();
        }
    };
    if !start.is_dir() {
        return Vec::new();
    }
    let site = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let shown = |path: &Path| dir.join(path.strip_prefix(&start).unwrap_or(path));
    // Filled while walking: a link leading out is neither listed nor entered.
    let refused = RefCell::new(Vec::new());
    let keep = |entry: &walkdir::DirEntry| {
        if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') {
            return false;
        }
        if !entry.path_is_symlink() {
            return true;
        }
        match fs::canonicalize(entry.path()) {
            Ok(real) if real.strip_prefix(&site).is_ok_and(|r| !is_hidden(r)) => true,
            Ok(real) => {
                refused
                    .borrow_mut()
                    .push(leads_outside(&shown(entry.path()), &real));
                false
            }
            Err(_) => {
                refused.borrow_mut().push(broken_link(&shown(entry.path())));
                false
            }
        }
    };
    let mut found = Vec::new();
    let walker = WalkDir::new(&start)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(keep);
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = entry.path().strip_prefix(&start).unwrap_or(entry.path());
                found.push(Found {
                    name: relative.to_string_lossy().replace('\\', "/"),
                    path: entry.path().to_path_buf(),
                });
            }
            Ok(_) => {}
            // A loop of links, or a folder that cannot be read.
            Err(err) => {
                let path = err.path().unwrap_or(&start);
                let at = shown(path);
                let link = fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
                refused
                    .borrow_mut()
                    .push(if link || err.loop_ancestor().is_some() {
                        broken_link(&at)
                    } else {
                        unreadable(&at, &err.to_string())
                    });
            }
        }
    }
    for diag in refused.into_inner() {
        diags.push(diag);
    }
    found
}

fn unreadable(relative: &Path, err: &str) -> Diagnostic {
    let (shown, err) = (
        escape_controls(&relative.to_string_lossy()),
        escape_controls(err),
    );
    Diagnostic {
        file: relative.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        code: "unreadable-file",
        message: Text::new(
            format!("Không đọc được `{shown}`: {err}"),
            format!("Cannot read `{shown}`: {err}"),
        ),
        hint: None,
    }
}

/// The error for a file or folder of the site that is a link leading out of
/// it (or into a hidden folder).
pub fn leads_outside(relative: &Path, real: &Path) -> Diagnostic {
    let (shown, real) = (
        escape_controls(&relative.to_string_lossy()),
        escape_controls(&real.to_string_lossy()),
    );
    Diagnostic {
        file: relative.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        code: "link-outside-site",
        message: Text::new(
            format!(
                "`{shown}` là liên kết tới `{real}`, nằm ngoài thư mục của trang (hoặc trong một thư mục ẩn): loaxa không đọc và không đăng gì từ đó"
            ),
            format!(
                "`{shown}` is a link to `{real}`, outside the site folder (or in a hidden folder): loaxa reads and publishes nothing from there"
            ),
        ),
        hint: Some(Text::new(
            "chép tệp hoặc thư mục vào trong thư mục của trang thay cho liên kết",
            "copy the file or folder into the site folder instead of linking to it",
        )),
    }
}

fn broken_link(relative: &Path) -> Diagnostic {
    let shown = escape_controls(&relative.to_string_lossy());
    Diagnostic {
        file: relative.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        code: "broken-link",
        message: Text::new(
            format!("`{shown}` là liên kết không dẫn tới tệp nào (hoặc dẫn vòng quanh)"),
            format!("`{shown}` is a link that leads to no file (or round in a loop)"),
        ),
        hint: Some(Text::new(
            "xóa liên kết, hoặc chép đúng tệp vào chỗ đó",
            "delete the link, or copy the right file in its place",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn places_inside_outside_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        fs::create_dir_all(site.join("static/files")).unwrap();
        fs::create_dir_all(site.join(".git")).unwrap();
        fs::write(site.join("static/files/a.pdf"), "a").unwrap();
        fs::write(site.join(".git/config"), "secret").unwrap();
        fs::write(dir.path().join("outside.txt"), "o").unwrap();
        symlink(site.join("static/files/a.pdf"), site.join("static/b.pdf")).unwrap();
        symlink(dir.path().join("outside.txt"), site.join("static/o.txt")).unwrap();
        symlink(site.join(".git/config"), site.join("static/c.txt")).unwrap();
        symlink(site.join("nowhere"), site.join("static/broken")).unwrap();
        let at = |p: &str| place(&site, Path::new(p));
        assert_eq!(
            at("static/files/a.pdf"),
            Place::Inside(site.join("static/files/a.pdf"))
        );
        let real = |p: &Path| fs::canonicalize(p).unwrap();
        assert_eq!(
            at("static/b.pdf"),
            Place::Inside(real(&site.join("static/files/a.pdf")))
        );
        assert!(matches!(at("static/o.txt"), Place::Outside(_)));
        assert!(matches!(at("static/c.txt"), Place::Outside(_)), "hidden");
        assert_eq!(at("static/broken"), Place::Missing);
        assert_eq!(at("static/none"), Place::Missing);
    }
}
