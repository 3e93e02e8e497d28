//! The output folder is loaxa's alone. A build replaces it whole, so it may
//! not be, hold or sit inside the site's own files, and a folder holding
//! files loaxa did not make is never replaced unless the user says so
//! (`--force`). Paths are compared once their links and `..` are resolved:
//! `sitelink/content` is the site's `content/` however it is spelled.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Text, escape_controls};

/// The file in every output folder loaxa builds: how a later build knows
/// that the folder is its own to replace.
pub const MARKER: &str = ".loaxa-output";

const MARKER_TEXT: &str = "This folder is built by loaxa and replaced whole by every build.\n\
Put your own files in the site's static/ folder, never here.\n";

/// The line a tree built with `--drafts` adds to its marker: such a tree
/// is never kept as the spare by a build without drafts.
const DRAFTS_LINE: &str = "drafts: included\n";

/// The marker's bytes for a build with or without drafts.
pub(super) fn marker_text(drafts: bool) -> String {
    let drafts = if drafts { DRAFTS_LINE } else { "" };
    format!("{MARKER_TEXT}{drafts}")
}

/// Whether the tree at `dir` was built with drafts (its marker says so).
pub(super) fn holds_drafts(dir: &Path) -> bool {
    fs::read_to_string(dir.join(MARKER)).is_ok_and(|text| text.contains(DRAFTS_LINE))
}

/// What a build may do with an output folder that holds files it did not
/// make.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Foreign {
    /// Refuse to build (the default).
    #[default]
    Refuse,
    /// Replace it, and delete what it held (`--force`): never kept as the
    /// spare, whose files a later build would remove without a word.
    Replace,
}

/// What is at the output path now.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// Nothing, an empty folder, or a folder with the marker.
    Ours,
    /// Anything else; `example` names one of its files.
    Foreign { example: String },
}

/// Looks at what `out` holds, without following a link at `out` itself.
pub(super) fn found(out: &Path) -> io::Result<Found> {
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Found::Ours),
        Err(err) => return Err(err),
    };
    if !meta.is_dir() {
        let name = out.file_name().unwrap_or_default();
        return Ok(Found::Foreign {
            example: name.to_string_lossy().into_owned(),
        });
    }
    let marked = fs::symlink_metadata(out.join(MARKER)).is_ok_and(|m| m.is_file());
    if marked {
        return Ok(Found::Ours);
    }
    let mut names: Vec<String> = fs::read_dir(out)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(match names.into_iter().next() {
        None => Found::Ours,
        Some(example) => Found::Foreign { example },
    })
}

/// Why a build may not write into a folder.
#[derive(Debug)]
pub enum Refusal {
    /// The output is, holds, or sits inside the site's own files.
    Overlap {
        out: PathBuf,
        resolved: PathBuf,
        relation: Relation,
    },
    /// The output holds files loaxa did not make.
    NotOurs { out: PathBuf, example: String },
    /// Nothing can be written beside the output (its parent folder is
    /// read-only, say): the staging tree, the spare and the lock live there.
    Parent {
        out: PathBuf,
        parent: PathBuf,
        error: io::Error,
    },
}

/// How an output folder overlaps the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    IsTheSite,
    HoldsTheSite,
    InsideSource(String),
    HoldsSource(String),
}

/// The folders of a site that an output may never replace.
const SOURCE_FOLDERS: &[&str] = &[
    "data", "content", "themes", "static", "src", "tests", ".git",
];

/// Checks an output folder before a build: not the site nor any of its
/// source folders (after resolving every link), not a folder of someone
/// else's files (unless `foreign` is [`Foreign::Replace`]), and with a
/// writable folder beside it.
pub fn check(root: &Path, out: &Path, foreign: Foreign) -> Result<(), Refusal> {
    check_overlap(root, out)?;
    let resolved = resolve(out).map_err(|error| Refusal::Parent {
        out: out.to_path_buf(),
        parent: out.to_path_buf(),
        error,
    })?;
    if foreign == Foreign::Refuse
        && let Ok(Found::Foreign { example }) = found(&resolved)
    {
        return Err(Refusal::NotOurs {
            out: out.to_path_buf(),
            example,
        });
    }
    check_parent(out, &resolved)
}

/// Refuses an output folder that is the site itself, holds it, sits inside
/// one of its source folders, or holds one (a `static` that is a link into
/// the output, say): a build replaces the output whole.
pub fn check_overlap(root: &Path, out: &Path) -> Result<(), Refusal> {
    let resolved = resolve(out).unwrap_or_else(|_| lexical(out));
    let site = resolve(root).unwrap_or_else(|_| lexical(root));
    let refuse = |relation| {
        Err(Refusal::Overlap {
            out: out.to_path_buf(),
            resolved: resolved.clone(),
            relation,
        })
    };
    if resolved == site {
        return refuse(Relation::IsTheSite);
    }
    if site.starts_with(&resolved) {
        return refuse(Relation::HoldsTheSite);
    }
    for name in SOURCE_FOLDERS {
        let spelled = site.join(name);
        // A source folder may be a link: both where it is and where it leads.
        let real = resolve(&spelled).unwrap_or_else(|_| spelled.clone());
        if resolved.starts_with(&spelled) || resolved.starts_with(&real) {
            return refuse(Relation::InsideSource(name.to_string()));
        }
        if real.starts_with(&resolved) {
            return refuse(Relation::HoldsSource(name.to_string()));
        }
    }
    Ok(())
}

/// Tries to make a file in the folder that will hold the output (or, when
/// it does not exist yet, the nearest folder above it that does), then
/// removes it: a read-only place is reported before anything is built.
fn check_parent(out: &Path, resolved: &Path) -> Result<(), Refusal> {
    let parent = resolved.parent().unwrap_or(resolved).to_path_buf();
    let mut probe_in = parent.as_path();
    while !probe_in.is_dir() {
        match probe_in.parent() {
            Some(up) => probe_in = up,
            None => break,
        }
    }
    let probe = probe_in.join(format!(".loaxa-probe-{}", std::process::id()));
    let made = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe);
    match made {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(error) => Err(Refusal::Parent {
            out: out.to_path_buf(),
            parent: probe_in.to_path_buf(),
            error,
        }),
    }
}

/// `path` absolute, with every link and `..` resolved: the existing part
/// as the file system sees it, the rest (not made yet) after it.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        match fs::canonicalize(existing) {
            Ok(real) => {
                let mut resolved = real;
                for part in rest.iter().rev() {
                    match part {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::CurDir => {}
                        other => resolved.push(other),
                    }
                }
                return Ok(resolved);
            }
            Err(err) => {
                let (Some(up), Some(last)) = (existing.parent(), existing.components().next_back())
                else {
                    return Err(err);
                };
                rest.push(last);
                existing = up;
            }
        }
    }
}

/// `path` absolute with `.` and `..` removed, without touching the disk.
pub fn lexical(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path as shown in a message: never a control character.
fn shown(path: &Path) -> String {
    escape_controls(&path.to_string_lossy())
}

impl Refusal {
    /// The message, in both languages.
    pub fn text(&self) -> Text {
        match self {
            Refusal::Overlap {
                out,
                resolved,
                relation,
            } => overlap_text(out, resolved, relation),
            Refusal::NotOurs { out, example } => {
                let (out, example) = (shown(out), escape_controls(example));
                Text::new(
                    format!(
                        "Không dựng trang vào `{out}`: thư mục này đang chứa tệp không do loaxa tạo ra (ví dụ `{example}`), mà mỗi lần dựng sẽ thay thế toàn bộ thư mục đầu ra. Hãy chọn một thư mục trống hoặc chưa có, chuyển các tệp đó đi nơi khác, hoặc thêm --force nếu chắc chắn muốn xóa chúng"
                    ),
                    format!(
                        "Refusing to build into `{out}`: it holds files loaxa did not make (e.g. `{example}`), and a build replaces the whole output folder. Choose an empty or new folder, move those files elsewhere, or add --force if you are sure they may be deleted"
                    ),
                )
            }
            Refusal::Parent { out, parent, error } => {
                let (out, parent) = (shown(out), shown(parent));
                let (vi, en) = reason(error);
                Text::new(
                    format!(
                        "Không ghi được vào thư mục `{parent}`, nơi sẽ chứa thư mục đầu ra `{out}`: {vi}. loaxa dựng trang mới bên cạnh thư mục đầu ra rồi mới thay vào, nên thư mục chứa nó phải ghi được"
                    ),
                    format!(
                        "Cannot write in `{parent}`, the folder that holds the output folder `{out}`: {en}. loaxa builds the new site beside the output folder and then swaps it in, so the folder holding it must be writable"
                    ),
                )
            }
        }
    }
}

fn overlap_text(out: &Path, resolved: &Path, relation: &Relation) -> Text {
    let spelled = lexical(out);
    let (vi_real, en_real) = if spelled == resolved {
        (String::new(), String::new())
    } else {
        let real = shown(resolved);
        (
            format!(" (tức là `{real}`)"),
            format!(" (that is `{real}`)"),
        )
    };
    let (vi, en) = match relation {
        Relation::IsTheSite => (
            "đó là chính thư mục của trang".to_string(),
            "that is the site folder itself".to_string(),
        ),
        Relation::HoldsTheSite => (
            "thư mục này chứa thư mục của trang".to_string(),
            "that folder holds the site folder".to_string(),
        ),
        Relation::InsideSource(name) => (
            format!("thư mục này nằm trong thư mục `{name}/` của trang"),
            format!("that folder is inside the site's `{name}/` folder"),
        ),
        Relation::HoldsSource(name) => (
            format!("thư mục này chứa thư mục `{name}/` của trang"),
            format!("that folder holds the site's `{name}/` folder"),
        ),
    };
    let out = shown(out);
    Text::new(
        format!(
            "Không thể ghi trang vào `{out}`{vi_real}: {vi}, mà mỗi lần dựng sẽ thay thế toàn bộ thư mục đầu ra. Hãy chọn thư mục khác, ví dụ `--out public`"
        ),
        format!(
            "Refusing to build into `{out}`{en_real}: {en}, and a build replaces the whole output folder. Choose another folder, e.g. `--out public`"
        ),
    )
}

/// Why a folder cannot be written, in plain words.
fn reason(error: &io::Error) -> (String, String) {
    match error.kind() {
        io::ErrorKind::PermissionDenied => {
            ("không có quyền ghi".into(), "permission denied".into())
        }
        io::ErrorKind::ReadOnlyFilesystem => (
            "ổ đĩa chỉ cho đọc".into(),
            "the file system is read-only".into(),
        ),
        io::ErrorKind::NotADirectory => (
            "một phần của đường dẫn là tệp, không phải thư mục".into(),
            "part of the path is a file, not a folder".into(),
        ),
        io::ErrorKind::StorageFull => ("ổ đĩa đã đầy".into(), "the disk is full".into()),
        _ => (error.to_string(), error.to_string()),
    }
}
