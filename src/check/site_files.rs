//! The files of `static/` that notices name: an attachment must be a file
//! of the site that will be published (not missing, not hidden, not a link
//! leading out of the site), and a picture must be one a browser shows —
//! measured here, so its page can give its width and height.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::check::reader::{Checker, is_web_link};
use crate::diagnostic::{Diagnostics, escape_controls};
use crate::markdown::{PictureSizes, Size};
use crate::messages::FileProblem;
use crate::model::Site;
use crate::source::inside::{self, Place};
use crate::source::yaml::Pos;

/// Every relative attachment of every notice.
pub fn check_attachments(root: &Path, site: &Site, diags: &mut Diagnostics) {
    // Each file looked up once: many notices attach the same few files, and
    // every lookup walks the path's folders (8 ms of each preview save at
    // 10,000 notices).
    let mut found: HashMap<&str, Option<FileProblem>> = HashMap::new();
    for notice in &site.notices {
        let mut ck = Checker {
            file: &notice.file,
            diags,
        };
        for attachment in notice.attachments.iter().filter(|a| !is_web_link(&a.url)) {
            let problem = found
                .entry(&attachment.url)
                .or_insert_with(|| attachment_problem(root, &attachment.url));
            if let Some(problem) = problem {
                ck.error(Pos::default(), problem.clone());
            }
        }
    }
}

fn attachment_problem(root: &Path, url: &str) -> Option<FileProblem> {
    let path = escape_controls(url);
    if inside::is_hidden(Path::new(url)) {
        return Some(FileProblem::HiddenAttachment { path });
    }
    match inside::place(root, &Path::new("static").join(url)) {
        Place::Inside(file) if file.is_file() => None,
        Place::Outside(real) => Some(FileProblem::AttachmentOutside {
            path,
            real: escape_controls(&real.to_string_lossy()),
        }),
        _ => Some(FileProblem::MissingAttachment { path }),
    }
}

/// Finds every picture the notices and pages show in `static/` and reads
/// its size from its header: a picture missing, not an image a browser
/// shows, or a link out of the site is an error at the line that shows it.
pub fn measure_pictures(root: &Path, site: &Site, diags: &mut Diagnostics) -> PictureSizes {
    let mut sizes = PictureSizes::new();
    let mut refused: BTreeMap<String, Option<Unshowable>> = BTreeMap::new();
    let bodies = site
        .notices
        .iter()
        .map(|n| (&n.file, &n.pictures))
        .chain(site.pages.iter().map(|p| (&p.file, &p.pictures)));
    for (file, pictures) in bodies {
        let mut ck = Checker { file, diags };
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
                let pos = Pos {
                    line: picture.line,
                    column: picture.column,
                };
                ck.error(pos, problem.message(&picture.path));
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

impl Unshowable {
    fn message(&self, path: &str) -> FileProblem {
        let path = escape_controls(path);
        match self {
            Unshowable::Missing => FileProblem::MissingPicture { path },
            Unshowable::Outside(real) => FileProblem::PictureOutside {
                path,
                real: escape_controls(&real.to_string_lossy()),
            },
            Unshowable::NotAPicture => FileProblem::NotAPicture { path },
        }
    }
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
