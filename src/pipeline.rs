//! The pipeline as one call: load → check → derive → render, then write.
//! `check` is the same without the write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::{self, Site};
use crate::output::{self, Files, Foreign, Written};
use crate::render::{self, RenderOptions};
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
    /// Every source file's text, for showing lines under diagnostics.
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
    let files = match (&loaded.site, &loaded.render) {
        (Some(site), Some(render)) => render::render_site(root, site, render, &mut loaded.diags),
        _ => None,
    };
    loaded.into_outcome(files)
}

/// Loads, checks and renders the site, keeping nothing it renders: what
/// `loaxa check` needs, in the memory of one page at a time (static files
/// are not read at all).
pub fn check(root: &Path, options: &Options) -> Outcome {
    let mut loaded = load(root, options);
    if let (Some(site), Some(render)) = (&loaded.site, &loaded.render) {
        render::render_site_to(root, site, render, &mut loaded.diags, &Nowhere);
    }
    loaded.into_outcome(None)
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
    if let (Some(site), Some(render)) = (&loaded.site, &loaded.render) {
        let staging = output::Staging::open(out, spare, foreign)?.with_drafts(options.drafts);
        let sink = IntoStaging(&staging);
        let rendered = render::render_site_to(root, site, render, &mut loaded.diags, &sink);
        clock.lap("render + write");
        if rendered {
            written = Some(staging.commit()?);
            clock.lap("clean stale files + swap");
        }
    }
    Ok((loaded.into_outcome(None), written))
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
}

/// Drops every file: a check renders the site only for what it finds.
struct Nowhere;

impl render::Sink for Nowhere {
    fn put(&self, _path: String, _bytes: Vec<u8>) {}

    fn copy(&self, _path: String, _source: &Path) -> std::io::Result<()> {
        Ok(())
    }
}

/// `LOAXA_TIMINGS=1` prints how long each stage of a build took, on stderr:
/// for measuring (BENCHMARKS.md), never in normal output.
struct Stopwatch(Option<std::time::Instant>);

impl Stopwatch {
    fn from_env() -> Stopwatch {
        let on = std::env::var_os("LOAXA_TIMINGS").is_some_and(|v| v != "0");
        Stopwatch(on.then(std::time::Instant::now))
    }

    fn lap(&mut self, stage: &str) {
        if let Some(start) = self.0 {
            eprintln!("{stage}: {:.3} s", start.elapsed().as_secs_f64());
            self.0 = Some(std::time::Instant::now());
        }
    }
}

/// A site loaded and checked, ready to render.
struct Loaded {
    diags: Diagnostics,
    sources: BTreeMap<PathBuf, String>,
    lang: Lang,
    site: Option<Site>,
    render: Option<RenderOptions>,
}

fn load(root: &Path, options: &Options) -> Loaded {
    let mut diags = Diagnostics::default();
    let (sources, site) = model::load(root, &mut diags);
    let lang = site.as_ref().map_or(Lang::Vi, |s| s.config.language);
    let render = site.as_ref().map(|site| {
        let today = resolve_today(options.today, &site.config.timezone);
        freshness_warnings(site, today, &mut diags);
        RenderOptions {
            today,
            drafts: options.drafts,
            base_url: options.base_url.clone(),
        }
    });
    Loaded {
        diags,
        sources: sources.into_texts(),
        lang,
        site,
        render,
    }
}

impl Loaded {
    fn into_outcome(self, files: Option<Files>) -> Outcome {
        Outcome {
            diagnostics: self.diags.sorted(),
            sources: self.sources,
            lang: self.lang,
            files,
            site: self.site,
        }
    }
}

/// "Today" in the site's timezone.
pub fn resolve_today(today: Today, timezone: &str) -> NaiveDate {
    match today {
        Today::Fixed(date) => date,
        Today::FromEnvironment => {
            let offset = model::site::KNOWN_TIMEZONES
                .iter()
                .find(|(n, _)| *n == timezone)
                .map_or(7 * 3600, |(_, o)| *o);
            let now = source_date_epoch().unwrap_or_else(|| Utc::now().timestamp());
            chrono::DateTime::from_timestamp(now + i64::from(offset), 0)
                .map_or_else(|| Utc::now().date_naive(), |t| t.date_naive())
        }
    }
}

/// The reproducible-builds convention for a fixed build time.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// Warns when a campaign's newest figures are older than its reporting
/// schedule allows, and when a figure is dated after today (a typo in the
/// year is the usual cause; the page would show a count nobody reported yet).
fn freshness_warnings(site: &Site, today: NaiveDate, diags: &mut Diagnostics) {
    future_figure_warnings(site, today, diags);
    for c in &site.campaigns {
        let Some(reporting) = &c.reporting else {
            continue;
        };
        let newest = c
            .indicators
            .iter()
            .filter_map(|i| i.figures.last().map(|f| f.date))
            .max();
        if !crate::derive::is_overdue(reporting, c.start, c.deadline, newest, today) {
            continue;
        }
        let Some(due) = crate::derive::last_due(reporting, c.start, c.deadline, today) else {
            continue;
        };
        let (vi, en) = match newest {
            Some(n) => (
                format!(
                    "Số liệu đã cũ: mới nhất là ngày {n}, theo lịch báo cáo phải có số liệu ngày {due}"
                ),
                format!(
                    "The figures are out of date: the newest is from {n}, the schedule wanted figures for {due}"
                ),
            ),
            None => (
                format!("Chưa có số liệu nào, dù theo lịch báo cáo phải có từ ngày {due}"),
                format!("There are no figures yet, though the schedule wanted them from {due}"),
            ),
        };
        diags.push(Diagnostic {
            file: c.file.clone(),
            line: reporting.pos.line,
            column: reporting.pos.column,
            severity: Severity::Warning,
            code: "figures-overdue",
            message: Text::new(vi, en),
            hint: Some(Text::new(
                format!(
                    "thêm số liệu mới vào `figures` (ví dụ `loaxa new figure {} …`)",
                    c.id
                ),
                format!(
                    "add the new figures under `figures` (e.g. `loaxa new figure {} …`)",
                    c.id
                ),
            )),
        });
    }
}

fn future_figure_warnings(site: &Site, today: NaiveDate, diags: &mut Diagnostics) {
    for c in &site.campaigns {
        for figure in c
            .indicators
            .iter()
            .flat_map(|i| &i.figures)
            .filter(|f| f.date > today)
        {
            diags.push(Diagnostic {
                file: c.file.clone(),
                line: figure.pos.line,
                column: figure.pos.column,
                severity: Severity::Warning,
                code: "future-figure",
                message: Text::new(
                    format!(
                        "Số liệu ghi ngày {}, sau ngày hôm nay ({today})",
                        figure.date
                    ),
                    format!("The figure is dated {}, after today ({today})", figure.date),
                ),
                hint: Some(Text::new(
                    "kiểm tra lại năm và tháng của `date`",
                    "check the year and month of `date`",
                )),
            });
        }
    }
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
