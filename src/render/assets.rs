//! The site's own files in its output: static files (the theme folder's,
//! then the site's `static/`, a later one replacing an earlier of the same
//! name) copied as they are, never over a file loaxa makes. (Attachments and
//! pictures are checked, and pictures measured, in `check::site_files`.)

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Text, escape_controls};
use crate::source::inside::{self};

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
