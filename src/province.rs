//! `loaxa build --sites DIR`: every commune site of a province in one run,
//! in parallel, and a roll-up page ranking the communes on each campaign
//! they share.
//!
//! A site is a folder directly under `DIR` holding `data/site.yaml`. Each is
//! built exactly as `loaxa build --root DIR/<name>` would, into
//! `DIR/<name>/public/`, or `OUT/<name>/` with `--out OUT`. The roll-up is
//! made from what every build wrote to its own `data.json` and goes to
//! `OUT/index.html` (with `--out`) or `DIR/public-province/index.html`,
//! beside a `data.json` holding every commune's data for a national roll-up.
//! One broken site never stops the others.

pub mod rollup;
pub mod shards;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::opendata;
use crate::output::{Foreign, Written};
use crate::pipeline::{self, Options, Outcome};

/// Where the roll-up goes when there is no `--out`.
pub const ROLLUP_FOLDER: &str = "public-province";

/// A commune's site folder under the province folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFolder {
    /// The folder's name, also its name under `--out`.
    pub name: String,
    /// `DIR/<name>`, as given.
    pub root: PathBuf,
}

/// What one site's build did.
#[derive(Debug)]
pub struct SiteBuild {
    pub site: SiteFolder,
    /// Where its output goes.
    pub out: PathBuf,
    /// The outcome (diagnostics with paths from `DIR`) and what was written,
    /// or why the output folder could not be written.
    pub result: io::Result<(Outcome, Option<Written>)>,
}

impl SiteBuild {
    /// Built and swapped in, with no error.
    pub fn succeeded(&self) -> bool {
        matches!(&self.result, Ok((outcome, Some(_))) if !outcome.has_errors())
    }
}

/// Every site folder directly under `dir`, by name.
pub fn find_sites(dir: &Path) -> io::Result<Vec<SiteFolder>> {
    let mut sites: Vec<SiteFolder> = fs::read_dir(dir)?
        .flatten()
        .filter(|e| e.path().join("data/site.yaml").is_file())
        .map(|e| SiteFolder {
            name: e.file_name().to_string_lossy().into_owned(),
            root: e.path(),
        })
        .collect();
    sites.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(sites)
}

/// A site's output folder: `OUT/<name>` with `--out`, else `<site>/public`.
pub fn output_of(site: &SiteFolder, out_root: Option<&Path>) -> PathBuf {
    match out_root {
        Some(out) => out.join(&site.name),
        None => site.root.join("public"),
    }
}

/// Where a site's previous output waits to be recycled by its next build:
/// beside its `public/`, or with `--out OUT` beside `OUT`, in
/// `.OUT.loaxa-spares/<name>`, never inside the folder that is published.
pub fn spare_of(site: &SiteFolder, out_root: Option<&Path>) -> io::Result<PathBuf> {
    match out_root {
        Some(out) => {
            let out = std::path::absolute(out)?;
            let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
            let parent = out.parent().unwrap_or(&out).to_path_buf();
            Ok(parent
                .join(format!(".{}.loaxa-spares", name.unwrap_or_default()))
                .join(&site.name))
        }
        None => crate::output::spare_path(&output_of(site, None)),
    }
}

/// Builds every site, several at once. A `base_url` in `options` is the
/// province's: each site is published under `<base_url><name>/`.
pub fn build_sites(
    sites: &[SiteFolder],
    out_root: Option<&Path>,
    options: &Options,
) -> Vec<SiteBuild> {
    build_sites_with(sites, out_root, options, Foreign::Refuse)
}

/// [`build_sites`], saying what to do with an output folder holding files
/// loaxa did not make (`--force`: replace them).
pub fn build_sites_with(
    sites: &[SiteFolder],
    out_root: Option<&Path>,
    options: &Options,
    foreign: Foreign,
) -> Vec<SiteBuild> {
    sites
        .par_iter()
        .map(|site| {
            let out = output_of(site, out_root);
            let options = Options {
                base_url: options
                    .base_url
                    .as_ref()
                    .map(|b| format!("{b}{}/", site.name)),
                ..options.clone()
            };
            let result = spare_of(site, out_root)
                .and_then(|spare| pipeline::publish_to(&site.root, &out, spare, foreign, &options))
                .map(|(mut outcome, w)| {
                    prefix_paths(&mut outcome, &site.root);
                    (outcome, w)
                });
            SiteBuild {
                site: site.clone(),
                out,
                result,
            }
        })
        .collect()
}

/// Puts the site folder in front of every path a site's diagnostics name,
/// so `data/site.yaml` of one commune is told from another's.
pub fn prefix_paths(outcome: &mut Outcome, folder: &Path) {
    let folder = folder.strip_prefix(".").unwrap_or(folder);
    for diag in &mut outcome.diagnostics {
        diag.file = folder.join(&diag.file);
    }
    outcome.sources = std::mem::take(&mut outcome.sources)
        .into_iter()
        .map(|(path, text)| (folder.join(path), text))
        .collect();
}

/// Where the roll-up is written, and the link from it to a site's output.
pub fn rollup_place(sites_dir: &Path, out_root: Option<&Path>) -> PathBuf {
    match out_root {
        Some(out) => out.to_path_buf(),
        None => sites_dir.join(ROLLUP_FOLDER),
    }
}

/// The relative link from the roll-up page to a site's home.
pub fn link_to(site: &SiteFolder, out_root: Option<&Path>) -> String {
    let name = rollup::url_segment(&site.name);
    match out_root {
        Some(_) => format!("{name}/"),
        None => format!("../{name}/public/"),
    }
}

/// Makes the roll-up from the sites that were built (their `data.json`)
/// and writes it. Returns how many communes it ranks.
pub fn write_rollup(
    builds: &[SiteBuild],
    sites_dir: &Path,
    out_root: Option<&Path>,
) -> io::Result<usize> {
    let communes: Vec<rollup::Commune> = builds
        .iter()
        .filter(|b| b.succeeded())
        .filter_map(|b| {
            let data = opendata::read_site(&b.out.join(opendata::SITE_JSON)).ok()?;
            Some(rollup::commune(link_to(&b.site, out_root), data))
        })
        .collect();
    let files = rollup::files(&communes, None);
    write_files(&rollup_place(sites_dir, out_root), &files)?;
    Ok(communes.len())
}

/// Writes each file whole (`output::file::replace`): a reader sees the old
/// roll-up or the new one, never half of one. (The roll-up shares its folder
/// with the sites under `--out`, so it cannot swap the folder.)
pub fn write_files(dir: &Path, files: &crate::output::Files) -> io::Result<()> {
    for (name, bytes) in files {
        crate::output::file::replace(&dir.join(name), bytes)?;
    }
    Ok(())
}
