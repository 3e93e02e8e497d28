//! The check stage: every source file turned from located YAML into the
//! typed model, every problem collected with its place and a fix (a
//! compiler reports all its errors, not the first); then the references
//! between files, and what the derived figures show (`figures`).

mod campaign;
mod checked;
pub mod collisions;
mod cross;
pub mod figures;
mod files;
mod notice;
pub mod reader;
pub mod site;
pub mod site_files;

use std::path::Path;

pub use checked::Checked;
pub(crate) use files::yaml_error;

use crate::diagnostic::Diagnostics;
use crate::model::Site;
use crate::source::Sources;

/// Checks every source already read. `None` when anything is an error; the
/// diagnostics say what.
pub fn check_sources(sources: &Sources, diags: &mut Diagnostics) -> Option<Site> {
    Checked::of_sources(sources).site(diags)
}

/// Loads and checks a site folder for a build: notices' bodies are left in
/// their files (see [`Checked::load_lean`]).
pub fn load(root: &Path, diags: &mut Diagnostics) -> (Checked, Option<Site>) {
    let checked = Checked::load_lean(root);
    let site = checked.site(diags);
    (checked, site)
}
