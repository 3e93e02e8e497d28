//! Rendering: routes, views, templates and charts into an in-memory map of
//! `path → bytes`. Pages are independent, so they render in parallel.

pub mod assets;
pub mod breakdown;
pub mod components;
pub mod ctx;
pub mod data_export;
mod doc_lists;
mod extras;
pub mod feed;
pub mod figure_text;
pub mod filters;
pub mod frame;
pub mod indicator;
pub mod indicator_chart;
mod input;
pub mod outreach;
mod page;
pub mod pages;
pub mod phrases;
mod plan;
pub mod qr;
pub mod routes;
pub mod search;
pub mod search_collector;
pub mod search_index;
pub mod share;
pub mod sitemap;
pub mod theme;
pub mod views;
pub mod words;

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::derive::Derived;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::PictureSizes;
use crate::model::Site;
use crate::output::Files;
use ctx::Ctx;

use extras::{always_made, campaign_files, unreadable_static};
pub use input::{Input, Part, RenderOptions, Sink, Wanted};
use page::{notices_apart, render_pages};
use plan::{jobs, part_outputs, sitemap_of};
use search_collector::Collector;

/// Renders the whole site into memory. `None` when a template fails;
/// diagnostics say why.
pub fn render_site(root: &Path, input: &Input, diags: &mut Diagnostics) -> Option<Files> {
    let files = Mutex::new(Files::new());
    let collect = |path: String, bytes: Vec<u8>| {
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path, bytes);
    };
    let ok = render_site_to(root, input, diags, &collect);
    ok.then(|| files.into_inner().unwrap_or_else(PoisonError::into_inner))
}

/// Renders the whole site, handing every file to `sink` as it is made
/// instead of keeping it: a 10,000-page site never sits in memory whole.
/// Every path is given once. Returns `false` when anything failed
/// (diagnostics say why); the caller must then discard what it received.
pub fn render_site_to(
    root: &Path,
    input: &Input,
    diags: &mut Diagnostics,
    sink: &dyn Sink,
) -> bool {
    render_some_to(root, input, diags, &|_| true, sink, None).is_some()
}

/// No picture: for what is shown on every page (never a body).
static NO_PICTURES: PictureSizes = PictureSizes::new();

/// What the preview keeps between rebuilds.
#[derive(Default)]
pub struct Kept {
    /// The search index, moved to each new site.
    pub index: Option<search_index::State>,
    /// The theme compiled, until a theme file or `data/site.yaml` changes
    /// (the caller's to drop then): compiling it took 2 ms of every save.
    pub theme: Option<theme::Theme>,
}

/// Like [`render_site_to`], for a rebuild: only the parts `wanted` accepts
/// are made, with the files made on every build. Returns the output file of
/// every part, made or not (a part not made keeps its previous files; none
/// without `kept`), or `None` when anything failed. `kept`: what the
/// preview keeps between rebuilds (a build passes `None`: its index is made
/// from the pages as they render, keeping no text).
pub fn render_some_to(
    root: &Path,
    input: &Input,
    diags: &mut Diagnostics,
    wanted: &Wanted,
    sink: &dyn Sink,
    kept: Option<&mut Kept>,
) -> Option<Vec<String>> {
    let mut clock = crate::stopwatch::Stopwatch::from_env();
    let (site, opts) = (input.site, input.opts);
    let (index, kept_theme) = match kept {
        Some(kept) => (Some(&mut kept.index), Some(&mut kept.theme)),
        None => (None, None),
    };
    let mut loaded = None;
    let theme = match kept_theme {
        Some(slot) => match slot {
            Some(theme) if theme.name == site.config.theme => theme,
            _ => slot.insert(theme::load(root, &site.config.theme, diags)?),
        },
        None => loaded.insert(theme::load(root, &site.config.theme, diags)?),
    };
    let statics = assets::static_files(root, theme.static_copies.clone(), diags);
    if diags.has_errors() {
        return None;
    }
    let base_url = base_url_of(site, opts);
    let visible = Ctx::visible_of(site, opts.drafts);
    let ctx = ctx_of(root, site, input.derived, opts, &base_url, input.pictures);
    let ctx = Ctx {
        visible: &visible,
        ..ctx
    };
    let menu = frame::menu(&ctx);
    let ctx = Ctx { menu: &menu, ..ctx };
    clock.lap("render: theme + statics");
    let jobs = jobs(&ctx);
    // Only the preview asks which files each part made (100,000 paths held
    // through a build for nothing).
    let outputs = match index {
        Some(_) => part_outputs(&ctx, &jobs),
        None => Vec::new(),
    };
    clock.lap("render: jobs + outputs");
    // A few built-in files (the fonts): copied, as the theme may be kept.
    let theme_static = theme.static_files.clone();
    let (made, copies) = always_made(&ctx, &jobs, theme_static, statics, wanted, sink, diags);
    clock.lap("render: always made");
    let build_postings = index.is_none().then(|| search::postings_for(&ctx));
    let index = index.map(|state| {
        let buckets = search::postings_for(&ctx).buckets();
        if state.as_ref().map(|s| s.postings.buckets()) != Some(buckets) {
            *state = Some(search_index::State::new(search_index::Postings::new(
                buckets,
            )));
        }
        state
    });
    let collector = match (&build_postings, &index) {
        (Some(postings), _) => Collector::build(&ctx, postings),
        (None, Some(Some(state))) => Collector::keep(state),
        (None, _) => unreachable!("a state was made above"),
    };
    // The campaigns' files (their share images take a while to draw) are
    // made alongside the pages: a build's alongside the notices' (drawn
    // at the end, beside the whole index, they raised the peak by a
    // quarter), the preview's alongside the pages a figure changes.
    let preview = index.is_some();
    let campaign_files = || {
        site.campaigns
            .par_iter()
            .filter(|c| wanted(Part::CampaignData(&c.id)))
            .for_each(|c| campaign_files(&ctx, c, sink))
    };
    // The notices' pages first: the search index takes their words.
    let (notice_jobs, other_jobs) = notices_apart(&jobs);
    let tera = &theme.tera;
    let (mut failures, ()) = rayon::join(
        || render_pages(&ctx, tera, &notice_jobs, wanted, sink, Some(&collector)),
        || {
            if !preview {
                campaign_files()
            }
        },
    );
    let fresh = collector.finish();
    clock.lap("render: notice pages");
    // Then the other pages alongside the files made from all of them: the
    // index and the sitemap.
    let (pages, others) = rayon::join(
        || {
            made.into_par_iter()
                .for_each(|(path, bytes)| sink.put(path, bytes));
            let mut failures: Vec<Diagnostic> = copies
                .into_par_iter()
                .filter_map(|file| {
                    let copied = sink.copy(file.output.clone(), &file.source);
                    copied.err().map(|err| unreadable_static(&file, &err))
                })
                .collect();
            failures.extend(render_pages(&ctx, tera, &other_jobs, wanted, sink, None));
            match feed::atom(&ctx, tera) {
                Ok(xml) => sink.put(feed::PATH.into(), xml),
                Err(diag) => failures.push(*diag),
            }
            failures
        },
        || {
            // The index first: a build's words (the most it holds) are let
            // go before the sitemap of every page is made.
            match (build_postings, index) {
                (Some(postings), _) => search::index_files(&ctx, postings, sink),
                (None, Some(Some(state))) if wanted(Part::SearchIndex) => {
                    search::update_index(&ctx, state, fresh, sink)
                }
                _ => {}
            }
            let ((), sitemap) = rayon::join(
                || {
                    if preview {
                        campaign_files()
                    }
                },
                || sitemap_to(&ctx, theme, &jobs, wanted, sink),
            );
            sitemap
        },
    );
    failures.extend(pages);
    failures.extend(others);
    for diag in failures {
        diags.push(diag);
    }
    clock.lap("render: other pages, index, sitemap, campaign files");
    (!diags.has_errors()).then_some(outputs)
}

/// The sitemap, when wanted and there is a base URL; what failed.
fn sitemap_to(
    ctx: &Ctx,
    theme: &theme::Theme,
    jobs: &[plan::Job],
    wanted: &Wanted,
    sink: &dyn Sink,
) -> Option<Diagnostic> {
    let base_url = ctx.base_url.filter(|_| wanted(Part::Sitemap))?;
    let writer = match theme.is_built_in(sitemap::TEMPLATE) {
        true => sitemap::Writer::BuiltIn,
        false => sitemap::Writer::Theme(&theme.tera),
    };
    match sitemap_of(ctx, writer, base_url, jobs) {
        Ok(xml) => {
            sink.put(sitemap::PATH.into(), xml);
            None
        }
        Err(diag) => Some(*diag),
    }
}

/// `--base-url` over the site's own.
fn base_url_of(site: &Site, opts: &RenderOptions) -> Option<String> {
    opts.base_url
        .clone()
        .or_else(|| site.config.base_url.clone())
}

fn ctx_of<'a>(
    root: &'a Path,
    site: &'a Site,
    derived: &'a Derived,
    opts: &RenderOptions,
    base_url: &'a Option<String>,
    pictures: &'a PictureSizes,
) -> Ctx<'a> {
    Ctx {
        root,
        pictures,
        site,
        derived,
        lang: site.config.language,
        today: opts.today,
        base_url: base_url.as_deref(),
        drafts: opts.drafts,
        visible: &[],
        menu: &[],
    }
}

/// What the pages made from one source file (a notice, a free page) show
/// of other files: the menu and the campaigns' titles. A rebuild makes
/// every such page again when this changed (see `pipeline::Live`).
pub fn shown_on_every_page(site: &Site, opts: &RenderOptions) -> Vec<String> {
    let base_url = base_url_of(site, opts);
    let derived = Derived {
        today: opts.today,
        campaigns: Vec::new(),
    };
    let ctx = ctx_of(Path::new(""), site, &derived, opts, &base_url, &NO_PICTURES);
    let menu = frame::menu(&ctx)
        .into_iter()
        .map(|(title, href)| format!("{title}\t{href}"));
    let titles = site
        .campaigns
        .iter()
        .map(|c| format!("{}\t{}", c.id, c.title));
    menu.chain(titles).collect()
}
