//! The pipeline as one call: load → check → derive → render, then write.
//! `check` is the same without the write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;

use crate::check;
use crate::derive::{self, Derived};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::markdown::PictureSizes;
use crate::model::{self, Site};
use crate::output::{self, Files, Foreign, Written};
use crate::render::{self, RenderOptions};
use crate::stopwatch::Stopwatch;
use crate::vi::Lang;

mod incremental;
pub use incremental::{Live, Rebuilt, SharedFiles};

/// Where "today" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Today {
    /// Given explicitly (`--today`).
    Fixed(NaiveDate),
    /// `SOURCE_DATE_EPOCH` if set, else the clock, in the site's timezone.
    FromEnvironment,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub today: Today,
    pub drafts: bool,
    pub base_url: Option<String>,
}

/// What a run found and made.
#[derive(Debug)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every source file a diagnostic names, for showing its
    /// lines.
    pub sources: BTreeMap<PathBuf, String>,
    /// The site's language, for messages (Vietnamese when site.yaml is unreadable).
    pub lang: Lang,
    /// The rendered site, when there was no error.
    pub files: Option<Files>,
    pub site: Option<Site>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    pub fn has_warnings(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning)
    }
}

/// Loads, checks and renders the site in memory; writes nothing.
pub fn run(root: &Path, options: &Options) -> Outcome {
    let mut loaded = load(root, options);
    let files = loaded
        .input()
        .and_then(|(input, diags)| render::render_site(root, &input, diags));
    loaded.into_outcome(root, files)
}

/// Loads, checks and renders the site, keeping nothing it renders: what
/// `loaxa check` needs, in the memory of one page at a time (static files
/// are not read at all).
pub fn check(root: &Path, options: &Options) -> Outcome {
    let mut loaded = load(root, options);
    if let Some((input, diags)) = loaded.input() {
        render::render_site_to(root, &input, diags, &Nowhere);
    }
    loaded.into_outcome(root, None)
}

/// Runs the pipeline and, when there is no error, swaps the result into
/// `out`. The outcome keeps every rendered file in memory; see [`publish`]
/// for a build that does not.
pub fn build(root: &Path, out: &Path, options: &Options) -> std::io::Result<Outcome> {
    let outcome = run(root, options);
    if let (false, Some(files)) = (outcome.has_errors(), &outcome.files) {
        let staging = output::Staging::begin(out)?.with_drafts(options.drafts);
        files
            .par_iter()
            .for_each(|(path, bytes)| staging.put(path, bytes));
        staging.commit()?;
    }
    Ok(outcome)
}

/// Like [`build`], but each page goes to the staging folder as soon as it is
/// rendered and is then dropped: memory stays flat however many pages the
/// site has. The outcome's `files` is therefore `None`; what was written is
/// returned beside it (`None` when there was an error and nothing changed).
pub fn publish(
    root: &Path,
    out: &Path,
    options: &Options,
) -> std::io::Result<(Outcome, Option<Written>)> {
    publish_with_spare(root, out, output::spare_path(out)?, options)
}

/// [`publish`], keeping the previous tree for the next build at `spare`
/// rather than beside `out` (see [`output::Staging::begin_with_spare`]).
pub fn publish_with_spare(
    root: &Path,
    out: &Path,
    spare: PathBuf,
    options: &Options,
) -> std::io::Result<(Outcome, Option<Written>)> {
    publish_to(root, out, spare, Foreign::Refuse, options)
}

/// [`publish_with_spare`], saying what to do when `out` holds files loaxa
/// did not make (see [`output::Staging::open`]).
pub fn publish_to(
    root: &Path,
    out: &Path,
    spare: PathBuf,
    foreign: Foreign,
    options: &Options,
) -> std::io::Result<(Outcome, Option<Written>)> {
    let mut clock = Stopwatch::from_env();
    let mut loaded = load(root, options);
    clock.lap("load + check");
    let mut written = None;
    if let Some((input, diags)) = loaded.input() {
        let staging = output::Staging::open(out, spare, foreign)?.with_drafts(options.drafts);
        let sink = IntoStaging(&staging);
        let rendered = render::render_site_to(root, &input, diags, &sink);
        clock.lap("render + write");
        if rendered {
            written = Some(staging.commit()?);
            clock.lap("clean stale files + swap");
        }
    }
    Ok((loaded.into_outcome(root, None), written))
}

/// Hands each file to the staging tree; static files are streamed there,
/// never read into memory (three 1 GB files once made a 5 GB build).
struct IntoStaging<'a>(&'a output::Staging);

impl render::Sink for IntoStaging<'_> {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self.0.put(&path, &bytes);
    }

    fn copy(&self, path: String, source: &Path) -> std::io::Result<()> {
        self.0.put_file(&path, source);
        Ok(())
    }

    fn put_made(&self, path: String, key: output::made::Key, make: &dyn Fn() -> Option<Vec<u8>>) {
        self.0.put_made(&path, key, make);
    }
}

/// Drops every file: a check renders the site only for what it finds.
struct Nowhere;

impl render::Sink for Nowhere {
    fn put(&self, _path: String, _bytes: Vec<u8>) {}

    /// Nothing to check in a share image: not drawn at all.
    fn put_made(&self, _: String, _: output::made::Key, _: &dyn Fn() -> Option<Vec<u8>>) {}

    fn copy(&self, _path: String, _source: &Path) -> std::io::Result<()> {
        Ok(())
    }
}

/// A site loaded and checked, ready to render.
struct Loaded {
    diags: Diagnostics,
    /// The texts the check kept (see [`check::Checked::keep_only_texts`]).
    checked: check::Checked,
    lang: Lang,
    site: Option<Site>,
    /// What the site's figures mean, how to render it, its pictures'
    /// sizes: when the site could be read.
    ready: Option<Ready>,
}

/// What the check and derive stages give render, beside the site.
pub(crate) struct Ready {
    pub(crate) derived: Derived,
    pub(crate) render: RenderOptions,
    pub(crate) pictures: PictureSizes,
}

impl Loaded {
    /// What render needs, and where its problems go; `None` when the site
    /// could not be read.
    fn input(&mut self) -> Option<(render::Input<'_>, &mut Diagnostics)> {
        let (site, ready) = (self.site.as_ref()?, self.ready.as_ref()?);
        let input = render::Input {
            site,
            derived: &ready.derived,
            opts: &ready.render,
            pictures: &ready.pictures,
        };
        Some((input, &mut self.diags))
    }
}

fn load(root: &Path, options: &Options) -> Loaded {
    let mut diags = Diagnostics::default();
    let (mut checked, site) = check::load(root, &mut diags);
    let lang = site.as_ref().map_or(Lang::Vi, |s| s.config.language);
    let ready = match &site {
        Some(site) => Some(check_whole_site(root, site, &checked, options, &mut diags)),
        None => {
            check_readable_campaigns(&checked, options, &mut diags);
            None
        }
    };
    // From here only the texts under diagnostics are looked up.
    checked.keep_only_texts();
    Loaded {
        diags,
        checked,
        lang,
        site,
        ready,
    }
}

/// Every check that needs the whole site: its figures derived and checked,
/// no two pages on one URL, attachments and pictures found in `static/`
/// (and measured), placeholders left from `init`.
pub(crate) fn check_whole_site(
    root: &Path,
    site: &Site,
    checked: &check::Checked,
    options: &Options,
    diags: &mut Diagnostics,
) -> Ready {
    let (derived, render) = derive_and_check(site, options, diags);
    check::site::warn_without_base_url(&site.config, options.base_url.is_some(), diags);
    check::collisions::check_collisions(render::routes::claims(site, options.drafts), diags);
    check::site_files::check_attachments(root, site, diags);
    let pictures = check::site_files::measure_pictures(root, site, diags);
    let text_of = |path: &Path| checked.text(path).map(str::to_string);
    crate::scaffold::leftovers::warn(site, &text_of, diags);
    Ready {
        derived,
        render,
        pictures,
    }
}

/// When the site cannot be built, the campaigns that could be read are
/// still derived and checked (in the default time zone if `site.yaml` is
/// the file in error), so a run reports every problem.
pub(crate) fn check_readable_campaigns(
    checked: &check::Checked,
    options: &Options,
    diags: &mut Diagnostics,
) {
    let campaigns = checked.campaigns();
    let today = resolve_today(options.today, model::site::DEFAULT_TIMEZONE);
    let derived = Derived {
        today,
        campaigns: campaigns
            .iter()
            .map(|c| derive::campaign(c, today))
            .collect(),
    };
    check::figures::check_campaigns(&campaigns, &derived, false, diags);
}

/// The derive stage, once per build: what the figures mean today, and the
/// problems that shows (figures dated after today, late, contradicted).
fn derive_and_check(
    site: &Site,
    options: &Options,
    diags: &mut Diagnostics,
) -> (Derived, RenderOptions) {
    let today = resolve_today(options.today, site.config.timezone);
    let derived = derive::site(site, today);
    check::figures::check(site, &derived, diags);
    let render = RenderOptions {
        today,
        drafts: options.drafts,
        base_url: options.base_url.clone(),
    };
    (derived, render)
}

impl Loaded {
    fn into_outcome(self, root: &Path, files: Option<Files>) -> Outcome {
        let diagnostics = self.diags.sorted();
        let sources = texts_named(root, &self.checked, &diagnostics);
        Outcome {
            diagnostics,
            sources,
            lang: self.lang,
            files,
            site: self.site,
        }
    }
}

/// The text of every file the diagnostics name: kept by the check, or read
/// again (as the check reads: never through a link out of the site).
fn texts_named(
    root: &Path,
    checked: &check::Checked,
    diagnostics: &[Diagnostic],
) -> BTreeMap<PathBuf, String> {
    let mut texts = BTreeMap::new();
    for d in diagnostics {
        if texts.contains_key(&d.file) || crate::source::group_of(&d.file).is_none() {
            continue;
        }
        let text = checked.text(&d.file).map(str::to_string).or_else(|| {
            let read = crate::source::files::read_one(root, &d.file, &mut Diagnostics::default());
            read.map(|file| file.text)
        });
        if let Some(text) = text {
            texts.insert(d.file.clone(), text);
        }
    }
    texts
}

/// "Today" in the site's time zone.
pub fn resolve_today(today: Today, timezone: Tz) -> NaiveDate {
    match today {
        Today::Fixed(date) => date,
        Today::FromEnvironment => {
            let now = source_date_epoch()
                .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
                .unwrap_or_else(Utc::now);
            now.with_timezone(&timezone).date_naive()
        }
    }
}

/// The reproducible-builds convention for a fixed build time.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// Refuses an output folder that is the site itself, one of its source
/// folders, or a folder that contains the site or one of them, every link
/// resolved: a build replaces it whole (see [`output::guard`]).
pub fn check_output_folder(root: &Path, out: &Path) -> Result<(), Text> {
    output::guard::check_overlap(root, out).map_err(|refusal| refusal.text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_folder_may_not_be_a_source_folder() {
        let root = Path::new("/site");
        for bad in [
            "/site",
            "/site/data",
            "/site/content/notices",
            "/",
            "/site/./data/../content",
        ] {
            assert!(check_output_folder(root, Path::new(bad)).is_err(), "{bad}");
        }
        for good in ["/site/public", "/tmp/out", "/site/public/sub"] {
            assert!(check_output_folder(root, Path::new(good)).is_ok(), "{good}");
        }
    }
}
