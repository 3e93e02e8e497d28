//! Finding and reading a site's files, and splitting front matter.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::inside::{self, Place};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};

/// Largest source file we read. A commune's file is a few KB; anything this
/// big is a mistake (a video saved as .md) and must not stall the build.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A file's text, with its path relative to the site root (for messages).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// Every source file of a site, each group sorted by path.
#[derive(Debug, Default)]
pub struct Sources {
    pub site: Option<SourceFile>,
    pub campaigns: Vec<SourceFile>,
    pub notices: Vec<SourceFile>,
    pub pages: Vec<SourceFile>,
}

impl Sources {
    /// Every file, for showing a line of it under a diagnostic.
    pub fn all(&self) -> impl Iterator<Item = &SourceFile> {
        self.site
            .iter()
            .chain(&self.campaigns)
            .chain(&self.notices)
            .chain(&self.pages)
    }
}

/// Which kind of source file a path (relative to the site root) is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Site,
    Campaign,
    Notice,
    Page,
}

/// Where `data/site.yaml` is, relative to the site root.
pub const SITE_FILE: &str = "data/site.yaml";

/// The folders of the other groups, and the extensions read there.
const GROUP_DIRS: &[(Group, &str, &[&str])] = &[
    (Group::Campaign, "data/campaigns", &["yaml", "yml"]),
    (Group::Notice, "content/notices", &["md"]),
    (Group::Page, "content/pages", &["md"]),
];

/// The group a path belongs to by its name alone: `data/site.yaml`, or a
/// file with a known extension directly in a group's folder, not hidden.
pub fn group_of(relative: &Path) -> Option<Group> {
    if relative == Path::new(SITE_FILE) {
        return Some(Group::Site);
    }
    let name = relative.file_name()?.to_str()?;
    let extension = relative.extension()?.to_str()?;
    if name.starts_with('.') {
        return None;
    }
    let dir = relative.parent()?;
    GROUP_DIRS
        .iter()
        .find(|(_, folder, extensions)| dir == Path::new(folder) && extensions.contains(&extension))
        .map(|(group, ..)| *group)
}

/// Every source file of the site at `root`, relative to it, by name within
/// each group (`data/site.yaml` first, when it exists).
pub fn list(root: &Path) -> Vec<PathBuf> {
    let site = Path::new(SITE_FILE);
    let mut paths: Vec<PathBuf> = root
        .join(site)
        .is_file()
        .then(|| site.to_path_buf())
        .into_iter()
        .collect();
    for (_, dir, _) in GROUP_DIRS {
        let full = root.join(dir);
        if !full.is_dir() {
            continue;
        }
        let walk = WalkDir::new(&full)
            .min_depth(1)
            .max_depth(1)
            .sort_by_file_name();
        // Links too: reading one says where it leads if that is outside.
        paths.extend(
            walk.into_iter()
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_file() || entry.path_is_symlink())
                .map(|entry| Path::new(dir).join(entry.file_name()))
                .filter(|path| group_of(path).is_some()),
        );
    }
    paths
}

/// The error for a site folder without `data/site.yaml`.
pub fn missing_site_file() -> Diagnostic {
    whole_file_error(
        Path::new(SITE_FILE),
        "missing-site-file",
        Text::new(
            "Không tìm thấy tệp data/site.yaml: đây có phải thư mục của một trang không?",
            "data/site.yaml was not found: is this a site folder?",
        ),
        Some(Text::new(
            "chạy lệnh trong thư mục của trang, dùng --root THƯ_MỤC, hoặc tạo trang mới bằng `loaxa init`",
            "run the command in the site folder, pass --root DIR, or create a site with `loaxa init`",
        )),
    )
}

/// Reads `data/site.yaml`, `data/campaigns/*.yaml`, `content/notices/*.md`
/// and `content/pages/*.md` under `root`. Unreadable files become diagnostics.
pub fn read_sources(root: &Path, diags: &mut Diagnostics) -> Sources {
    let paths = list(root);
    if paths.first().map(PathBuf::as_path) != Some(Path::new(SITE_FILE)) {
        diags.push(missing_site_file());
    }
    // Read in parallel (10,000 notices are 10,000 open/read/close), each
    // file's problems kept apart and merged back in name order.
    let read: Vec<(Option<SourceFile>, Diagnostics)> = paths
        .par_iter()
        .map(|relative| {
            let mut own = Diagnostics::default();
            (read_one(root, relative, &mut own), own)
        })
        .collect();
    let mut sources = Sources::default();
    for (file, own) in read {
        diags.extend(own);
        let Some(file) = file else { continue };
        match group_of(&file.path) {
            Some(Group::Site) => sources.site = Some(file),
            Some(Group::Campaign) => sources.campaigns.push(file),
            Some(Group::Notice) => sources.notices.push(file),
            Some(Group::Page) => sources.pages.push(file),
            None => {}
        }
    }
    sources
}

/// Reads one source file (`relative` to `root`): `None`, with the reason in
/// `diags`, when it leads outside the site, is too large, unreadable or not
/// UTF-8.
pub fn read_one(root: &Path, relative: &Path, diags: &mut Diagnostics) -> Option<SourceFile> {
    let full = match inside::place(root, relative) {
        Place::Inside(path) => path,
        Place::Outside(real) => {
            diags.push(inside::leads_outside(relative, &real));
            return None;
        }
        Place::Missing => root.join(relative),
    };
    let too_big = fs::metadata(&full).is_ok_and(|m| m.len() > MAX_FILE_BYTES);
    if too_big {
        diags.push(whole_file_error(
            relative,
            "file-too-large",
            Text::new(
                format!("Tệp quá lớn (hơn {} MB)", MAX_FILE_BYTES / 1024 / 1024),
                format!(
                    "The file is too large (over {} MB)",
                    MAX_FILE_BYTES / 1024 / 1024
                ),
            ),
            Some(Text::new(
                "tệp dữ liệu và văn bản chỉ cần vài KB; hãy kiểm tra lại đúng tệp chưa",
                "data and notice files need only a few KB; check that this is the right file",
            )),
        ));
        return None;
    }
    let bytes = match fs::read(&full) {
        Ok(bytes) => bytes,
        Err(err) => {
            diags.push(whole_file_error(
                relative,
                "unreadable-file",
                Text::new(
                    format!("Không đọc được tệp: {err}"),
                    format!("Cannot read the file: {err}"),
                ),
                None,
            ));
            return None;
        }
    };
    match crate::utf8::text_of(bytes) {
        Ok(text) => Some(SourceFile {
            path: relative.to_path_buf(),
            text: normalize(text),
        }),
        Err(err) => {
            diags.push(invalid_utf8(
                relative,
                err.as_bytes(),
                err.utf8_error().valid_up_to(),
            ));
            None
        }
    }
}

/// Reads again a source file already read and checked, as [`read_one`]
/// gives its text, for a caller that compares it with what it checked (a
/// notice's body: see `model::Body`), so without the checks of the path:
/// only the text matters, and it must be the one checked.
pub fn read_again(root: &Path, relative: &Path) -> Option<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let file = fs::File::open(root.join(relative)).ok()?;
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).ok()?;
    crate::utf8::text_of(bytes).ok().map(normalize)
}

/// Drops a byte-order mark and turns CRLF into LF, so positions and front
/// matter work the same for files saved on Windows.
fn normalize(text: String) -> String {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

fn invalid_utf8(relative: &Path, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let before = &bytes[..valid_up_to];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Diagnostic {
        file: relative.to_path_buf(),
        line,
        column,
        severity: Severity::Error,
        code: "invalid-utf8",
        message: Text::new(
            "Tệp không phải văn bản UTF-8 (có thể lưu bằng bảng mã cũ như TCVN3/VNI)",
            "The file is not UTF-8 text (perhaps saved in an old encoding such as TCVN3/VNI)",
        ),
        hint: Some(Text::new(
            "mở tệp và lưu lại với bảng mã UTF-8 (Unicode)",
            "open the file and save it again as UTF-8 (Unicode)",
        )),
    }
}

pub fn whole_file_error(
    path: &Path,
    code: &'static str,
    message: Text,
    hint: Option<Text>,
) -> Diagnostic {
    Diagnostic {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        code,
        message,
        hint,
    }
}

/// A Markdown file split into its YAML front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter<'a> {
    pub yaml: &'a str,
    /// How many lines come before the YAML (the opening `---`), for positions.
    pub yaml_line_offset: usize,
    pub body: &'a str,
}

/// Splits `---\nyaml\n---\nbody`. `None` when the file does not start with a
/// `---` line or the closing `---` is missing.
pub fn split_front_matter(text: &str) -> Option<FrontMatter<'_>> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let body_start = offset + line.len();
            return Some(FrontMatter {
                yaml: &rest[..offset],
                yaml_line_offset: 1,
                body: &rest[body_start..],
            });
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let fm = split_front_matter("---\ntitle: x\n---\nBody\n").unwrap();
        assert_eq!(fm.yaml, "title: x\n");
        assert_eq!(fm.body, "Body\n");
        assert_eq!(fm.yaml_line_offset, 1);
    }

    #[test]
    fn front_matter_may_end_the_file() {
        let fm = split_front_matter("---\ntitle: x\n---").unwrap();
        assert_eq!(fm.yaml, "title: x\n");
        assert_eq!(fm.body, "");
    }

    #[test]
    fn missing_delimiters_are_none() {
        assert!(split_front_matter("title: x\n").is_none());
        assert!(split_front_matter("---\ntitle: x\n").is_none());
        assert!(split_front_matter("").is_none());
    }

    #[test]
    fn a_dashed_rule_in_the_body_is_not_a_delimiter() {
        let fm = split_front_matter("---\na: 1\n---\nx\n---\ny\n").unwrap();
        assert_eq!(fm.body, "x\n---\ny\n");
    }

    #[test]
    fn normalizes_bom_and_crlf() {
        assert_eq!(normalize("\u{feff}a\r\nb\r\n".into()), "a\nb\n");
    }
}
