//! The site's own files in its output: static files (the theme folder's,
//! then the site's `static/`, a later one replacing an earlier of the same
//! name) copied as they are, never over a file loaxa makes; attachments
//! checked to be files of `static/` that will be published; pictures found
//! there and measured.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text, escape_controls};
use crate::markdown::{PictureRef, PictureSizes, Size};
use crate::model::Site;
use crate::source::inside::{self, Place};

/// A file copied into the output from the site folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Its path in the output: `files/ke-hoach.pdf`.
    pub output: String,
    /// Where it is read from.
    pub source: PathBuf,
    /// How messages name it: `static/files/ke-hoach.pdf`.
    pub shown: PathBuf,
}

/// The theme folder's static files, then the site's `static/`, by output
/// path (the site's replaces the theme's). Links leading out of the site,
/// and hidden files, are left out (the first with an error in `diags`).
pub fn static_files(
    root: &Path,
    theme: Vec<StaticFile>,
    diags: &mut Diagnostics,
) -> Vec<StaticFile> {
    let site = inside::walk(root, Path::new("static"), diags)
        .into_iter()
        .map(|found| StaticFile {
            shown: Path::new("static").join(&found.name),
            output: found.name,
            source: found.path,
        });
    let mut files: std::collections::BTreeMap<String, StaticFile> = theme
        .into_iter()
        .map(|file| (file.output.clone(), file))
        .collect();
    files.extend(site.map(|file| (file.output.clone(), file)));
    files.into_values().collect()
}

/// Keeps the static files whose path no file loaxa makes takes; each one
/// left out is a warning naming it and what took its place (it used to be
/// dropped without a word).
pub fn drop_taken(
    files: Vec<StaticFile>,
    taken: impl Fn(&str) -> Option<Taker>,
    diags: &mut Diagnostics,
) -> Vec<StaticFile> {
    files
        .into_iter()
        .filter(|file| match taken(&file.output) {
            None => true,
            Some(taker) => {
                diags.push(taken_warning(file, taker));
                false
            }
        })
        .collect()
}

/// What loaxa makes at a path a static file wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taker {
    Page,
    Feed,
    SiteData,
    OtherFile,
}

fn taken_warning(file: &StaticFile, taker: Taker) -> Diagnostic {
    let (vi, en) = match taker {
        Taker::Page => ("một trang của trang web", "a page of the site"),
        Taker::Feed => ("nguồn tin Atom của trang", "the site's Atom feed"),
        Taker::SiteData => ("tệp dữ liệu mở của trang", "the site's open-data file"),
        Taker::OtherFile => (
            "một tệp loaxa tạo ra (sơ đồ trang, mã QR, dữ liệu, chỉ mục tìm kiếm…)",
            "a file loaxa makes (sitemap, QR code, data, search index…)",
        ),
    };
    let path = escape_controls(&file.output);
    Diagnostic::warning(
        file.shown.clone(),
        0,
        0,
        "static-file-taken",
        Text::new(
            format!("Tệp này không được đăng: địa chỉ `{path}` là của {vi}, do loaxa tạo ra"),
            format!("This file is not published: `{path}` is the address of {en}, which loaxa makes"),
        ),
    )
    .with_hint(Text::new(
        "đổi tên tệp (hoặc xóa); muốn sửa trang thì sửa nội dung trong content/, data/ hoặc giao diện trong themes/",
        "rename the file (or delete it); to change that page, edit content/, data/ or the theme in themes/",
    ))
}

/// A relative attachment must be a file of the site's `static/` folder that
/// is published: not missing, not hidden, not a link leading out of the site.
pub fn check_attachments(root: &Path, site: &Site, diags: &mut Diagnostics) {
    for notice in &site.notices {
        for attachment in notice
            .attachments
            .iter()
            .filter(|a| !crate::check::reader::is_web_link(&a.url))
        {
            let relative = Path::new("static").join(&attachment.url);
            let shown = escape_controls(&attachment.url);
            let problem = if inside::is_hidden(Path::new(&attachment.url)) {
                Some((
                    "hidden-attachment",
                    Text::new(
                        format!(
                            "Tệp đính kèm `static/{shown}` là tệp ẩn (tên bắt đầu bằng dấu chấm): tệp ẩn không được đăng"
                        ),
                        format!(
                            "The attachment `static/{shown}` is hidden (its name starts with a dot): hidden files are not published"
                        ),
                    ),
                    Text::new(
                        "đổi tên tệp hoặc thư mục, bỏ dấu chấm ở đầu, rồi sửa `url`",
                        "rename the file or folder without the leading dot, then fix the `url`",
                    ),
                ))
            } else {
                match inside::place(root, &relative) {
                    Place::Inside(path) if path.is_file() => None,
                    Place::Outside(real) => {
                        let real = escape_controls(&real.to_string_lossy());
                        Some((
                            "link-outside-site",
                            Text::new(
                                format!(
                                    "Tệp đính kèm `static/{shown}` là liên kết tới `{real}`, nằm ngoài thư mục của trang: tệp đó không được đăng"
                                ),
                                format!(
                                    "The attachment `static/{shown}` is a link to `{real}`, outside the site folder: that file is not published"
                                ),
                            ),
                            Text::new(
                                "chép tệp vào thư mục static/ của trang thay cho liên kết",
                                "copy the file into the site's static/ folder instead of linking to it",
                            ),
                        ))
                    }
                    _ => Some((
                        "missing-attachment",
                        Text::new(
                            format!("Không tìm thấy tệp đính kèm `static/{shown}`"),
                            format!("The attachment `static/{shown}` was not found"),
                        ),
                        Text::new(
                            "chép tệp vào thư mục static/ của trang, hoặc sửa `url`",
                            "copy the file into the site's static/ folder, or fix the `url`",
                        ),
                    )),
                }
            };
            if let Some((code, message, hint)) = problem {
                diags.push(Diagnostic {
                    file: notice.file.clone(),
                    line: 0,
                    column: 0,
                    severity: Severity::Error,
                    code,
                    message,
                    hint: Some(hint),
                });
            }
        }
    }
}

/// Finds every picture the notices and pages show in `static/` and reads
/// its size from its header: a picture missing, not an image a browser
/// shows, or a link out of the site is an error at the line that shows it.
pub fn measure_pictures(root: &Path, site: &Site, diags: &mut Diagnostics) -> PictureSizes {
    let mut sizes = PictureSizes::new();
    let mut refused = std::collections::BTreeMap::new();
    let bodies = site
        .notices
        .iter()
        .map(|n| (&n.file, &n.pictures))
        .chain(site.pages.iter().map(|p| (&p.file, &p.pictures)));
    for (file, pictures) in bodies {
        for picture in pictures {
            if sizes.contains_key(&picture.path) {
                continue;
            }
            let known = refused.entry(picture.path.clone()).or_insert_with(|| {
                match measure(root, &picture.path) {
                    Ok(size) => {
                        sizes.insert(picture.path.clone(), size);
                        None
                    }
                    Err(problem) => Some(problem),
                }
            });
            if let Some(problem) = known {
                diags.push(picture_error(file, picture, problem));
            }
        }
    }
    sizes
}

/// Why a picture cannot be shown.
#[derive(Debug, Clone)]
enum Unshowable {
    Missing,
    Outside(PathBuf),
    NotAPicture,
}

fn measure(root: &Path, path: &str) -> Result<Size, Unshowable> {
    let file = match inside::place(root, &Path::new("static").join(path)) {
        Place::Inside(file) if file.is_file() => file,
        Place::Outside(real) => return Err(Unshowable::Outside(real)),
        _ => return Err(Unshowable::Missing),
    };
    let size = imagesize::size(&file).map_err(|_| Unshowable::NotAPicture)?;
    match (u32::try_from(size.width), u32::try_from(size.height)) {
        (Ok(width), Ok(height)) if width > 0 && height > 0 => Ok(Size { width, height }),
        _ => Err(Unshowable::NotAPicture),
    }
}

fn picture_error(file: &Path, picture: &PictureRef, problem: &Unshowable) -> Diagnostic {
    let path = escape_controls(&picture.path);
    let (code, message, hint) = match problem {
        Unshowable::Missing => (
            "missing-picture",
            Text::new(
                format!("Không tìm thấy ảnh `static/{path}`"),
                format!("The picture `static/{path}` was not found"),
            ),
            Text::new(
                "chép ảnh vào thư mục static/ của trang, hoặc sửa đường dẫn trong ngoặc tròn",
                "copy the picture into the site's static/ folder, or fix the path in the parentheses",
            ),
        ),
        Unshowable::Outside(real) => {
            let real = escape_controls(&real.to_string_lossy());
            (
                "link-outside-site",
                Text::new(
                    format!(
                        "Ảnh `static/{path}` là liên kết tới `{real}`, nằm ngoài thư mục của trang: ảnh đó không được đăng"
                    ),
                    format!(
                        "The picture `static/{path}` is a link to `{real}`, outside the site folder: it is not published"
                    ),
                ),
                Text::new(
                    "chép ảnh vào thư mục static/ của trang thay cho liên kết",
                    "copy the picture into the site's static/ folder instead of linking to it",
                ),
            )
        }
        Unshowable::NotAPicture => (
            "not-a-picture",
            Text::new(
                format!("Tệp `static/{path}` không phải là ảnh PNG, JPEG, GIF hay WebP"),
                format!("`static/{path}` is not a PNG, JPEG, GIF or WebP picture"),
            ),
            Text::new(
                "lưu ảnh lại dưới dạng PNG hoặc JPEG",
                "save the picture again as PNG or JPEG",
            ),
        ),
    };
    Diagnostic::error(file, picture.line, picture.column, code, message).with_hint(hint)
}
