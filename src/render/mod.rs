//! Rendering: routes, views, templates and charts into an in-memory map of
//! `path → bytes`. Pages are independent, so they render in parallel.

pub mod assets;
pub mod breakdown;
pub mod components;
pub mod ctx;
pub mod data_export;
pub mod feed;
pub mod figure_text;
pub mod filters;
pub mod frame;
pub mod indicator;
pub mod indicator_chart;
pub mod outreach;
pub mod pages;
pub mod phrases;
pub mod qr;
pub mod routes;
pub mod search;
pub mod share;
pub mod sitemap;
pub mod theme;
pub mod views;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::derive::Derived;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::markdown::PictureSizes;
use crate::model::{Campaign, Notice, Page, Site};
use crate::output::Files;
use ctx::Ctx;

/// How a build is asked to run.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// "Today" for days left, status and overdue figures.
    pub today: NaiveDate,
    /// Include draft notices.
    pub drafts: bool,
    /// Overrides `base_url` from site.yaml (ends with `/`).
    pub base_url: Option<String>,
}

/// One page to render: its path and what it shows. Only references: the
/// view is built inside the parallel loop, so no page's view waits on
/// another's and only the pages in flight are in memory.
struct Job<'s> {
    path: String,
    kind: PageKind<'s>,
}

#[derive(Clone, Copy)]
enum PageKind<'s> {
    Home,
    /// A page of the notice list, from 1.
    Notices(usize),
    Contacts,
    Apps,
    Campaign(&'s Campaign),
    Poster(&'s Campaign),
    Embed(&'s Campaign),
    Notice(&'s Notice),
    Free(&'s Page),
    Search,
    English,
    NotFound,
}

/// Receives each output file as soon as it is made (a path relative to the
/// output root, and its bytes). Called from several threads at once. Any
/// `Fn(String, Vec<u8>)` closure is one.
pub trait Sink: Sync {
    /// A file made in memory.
    fn put(&self, path: String, bytes: Vec<u8>);

    /// A copy of the site's file at `source` (a static file). By default it
    /// is read and put; a sink that writes to disk streams it instead, so a
    /// large file never sits in memory.
    fn copy(&self, path: String, source: &Path) -> std::io::Result<()> {
        self.put(path, std::fs::read(source)?);
        Ok(())
    }
}

impl<F: Fn(String, Vec<u8>) + Sync> Sink for F {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self(path, bytes);
    }
}

/// Renders the whole site into memory. `None` when a template fails;
/// diagnostics say why.
pub fn render_site(
    root: &Path,
    site: &Site,
    derived: &Derived,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) -> Option<Files> {
    let files = Mutex::new(Files::new());
    let collect = |path: String, bytes: Vec<u8>| {
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path, bytes);
    };
    let ok = render_site_to(root, site, derived, opts, diags, &collect);
    ok.then(|| files.into_inner().unwrap_or_else(PoisonError::into_inner))
}

/// Renders the whole site, handing every file to `sink` as it is made
/// instead of keeping it: a 10,000-page site never sits in memory whole.
/// Every path is given once. Returns `false` when anything failed
/// (diagnostics say why); the caller must then discard what it received.
pub fn render_site_to(
    root: &Path,
    site: &Site,
    derived: &Derived,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
    sink: &dyn Sink,
) -> bool {
    let texts = IndexTexts::default();
    let input = Input {
        site,
        derived,
        opts,
    };
    render_some_to(root, &input, diags, &|_| true, sink, &texts).is_some()
}

/// A part of the output that a rebuild may make again or keep as it was.
/// Every other file (home, contacts, feed, sitemap, `data.json`, QR codes,
/// static files) is made on every build: they are few, and each reads many
/// source files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    /// The pages of the notice list, the search page and the sitemap: a
    /// line per notice.
    Lists,
    /// The search index: the text of every notice and page.
    SearchIndex,
    /// A campaign's page, poster and widget (the page lists its notices).
    Campaign(&'a str),
    /// A campaign's share image, CSV and JSON: made from its file alone.
    CampaignData(&'a str),
    /// The page made from one source file (relative to the site root): a
    /// notice or a free page.
    Source(&'a Path),
}

/// No picture: for what is shown on every page (never a body).
static NO_PICTURES: PictureSizes = PictureSizes::new();

/// Decides whether a part is made.
pub type Wanted<'a> = dyn Fn(Part) -> bool + Sync + 'a;

/// Notice file → its text for the search index, filled as pages render. A
/// rebuild passes the previous build's texts in: the index needs every
/// notice's, and only the notices made again give a new one.
pub type IndexTexts = Mutex<HashMap<PathBuf, String>>;

/// Like [`render_site_to`], for a rebuild: only the parts `wanted` accepts
/// are made, with the files made on every build. Returns the output file of
/// every part, made or not (a part not made keeps its previous files), or
/// `None` when anything failed.
/// What a build renders: the checked site, what was derived from it, and
/// how it was asked to run.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub site: &'a Site,
    pub derived: &'a Derived,
    pub opts: &'a RenderOptions,
}

pub fn render_some_to(
    root: &Path,
    input: &Input,
    diags: &mut Diagnostics,
    wanted: &Wanted,
    sink: &dyn Sink,
    texts: &IndexTexts,
) -> Option<Vec<String>> {
    let (site, opts) = (input.site, input.opts);
    routes::check_collisions(site, opts.drafts, diags);
    assets::check_attachments(root, site, diags);
    let mut theme = theme::load(root, &site.config.theme, diags)?;
    let theme_copies = std::mem::take(&mut theme.static_copies);
    let statics = assets::static_files(root, theme_copies, diags);
    let pictures = assets::measure_pictures(root, site, diags);
    if diags.has_errors() {
        return None;
    }
    let base_url = base_url_of(site, opts);
    let ctx = ctx_of(site, input.derived, opts, &base_url, &pictures);
    let jobs = jobs(&ctx);
    let outputs = part_outputs(&ctx, &jobs);
    let theme_static = std::mem::take(&mut theme.static_files);
    let (made, copies) = always_made(&ctx, &jobs, theme_static, statics, diags);
    // The campaigns' share images take a while to draw: alongside the rest.
    let (failures, ()) = rayon::join(
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
            failures.extend(render_pages(&ctx, &theme.tera, &jobs, wanted, sink, texts));
            match feed::atom(&ctx, &theme.tera) {
                Ok(xml) => sink.put(feed::PATH.into(), xml),
                Err(diag) => failures.push(*diag),
            }
            failures
        },
        || {
            site.campaigns
                .par_iter()
                .filter(|c| wanted(Part::CampaignData(&c.id)))
                .for_each(|c| {
                    for (path, bytes) in campaign_files(&ctx, c) {
                        sink.put(path, bytes);
                    }
                })
        },
    );
    for diag in failures {
        diags.push(diag);
    }
    if let (true, Some(base_url)) = (wanted(Part::Lists), ctx.base_url) {
        sink.put(SITEMAP.into(), sitemap_of(&ctx, base_url, &jobs));
    }
    if wanted(Part::SearchIndex) {
        // After the pages: each notice's indexed text came from its page's body.
        let texts = texts.lock().unwrap_or_else(PoisonError::into_inner);
        let known = |n: &Notice| texts.get(&n.file).cloned();
        for (path, bytes) in search::index_with(&ctx, &known) {
            sink.put(path, bytes);
        }
    }
    (!diags.has_errors()).then_some(outputs)
}

const SITEMAP: &str = "sitemap.xml";

/// Every page but the widgets (fragments for other sites' pages, not for
/// search engines) and the `.html` ones (404), each with the date of its
/// newest content where it has one. Only with a `base_url`: a sitemap's
/// locations must be absolute.
fn sitemap_of(ctx: &Ctx, base_url: &str, jobs: &[Job]) -> Vec<u8> {
    let site = ctx.site;
    let newest_figure = |c: &Campaign| {
        c.indicators
            .iter()
            .filter_map(|i| i.figures.last().map(|f| f.date))
            .max()
    };
    let newest_notice = ctx.visible_notices().map(|n| n.date).max();
    let newest = site
        .campaigns
        .iter()
        .filter_map(newest_figure)
        .chain(newest_notice)
        .max();
    let pages: Vec<(&str, Option<NaiveDate>)> = jobs
        .iter()
        .filter(|j| !matches!(j.kind, PageKind::Embed(_)) && !j.path.ends_with(".html"))
        .map(|j| {
            let lastmod = match j.kind {
                PageKind::Home | PageKind::Search => newest,
                PageKind::Notices(_) => newest_notice,
                PageKind::Campaign(c) | PageKind::Poster(c) => newest_figure(c),
                PageKind::Notice(n) => Some(n.date),
                _ => None,
            };
            (j.path.as_str(), lastmod)
        })
        .collect();
    sitemap::sitemap(base_url, &pages).into_bytes()
}

/// The output file of every part (see [`Part`]).
fn part_outputs(ctx: &Ctx, jobs: &[Job]) -> Vec<String> {
    let site = ctx.site;
    let pages = jobs
        .iter()
        .filter(|job| job.kind.part().is_some())
        .map(|job| output_file(&job.path));
    let campaigns = site.campaigns.iter().flat_map(|c| {
        [
            routes::campaign_csv(&c.id),
            routes::campaign_xlsx(&c.id),
            routes::campaign_json(&c.id),
            routes::share_image(&c.id),
        ]
    });
    let sitemap = ctx.base_url.map(|_| SITEMAP.to_string());
    pages
        .chain(campaigns)
        .chain(search::index_paths_of(ctx))
        .chain(sitemap)
        .collect()
}

/// A campaign's files that are not pages: its open data and share image
/// (none when drawing failed: the preview is only lost).
fn campaign_files(ctx: &Ctx, campaign: &Campaign) -> Vec<(String, Vec<u8>)> {
    let mut files = data_export::campaign_files(ctx, campaign);
    if let (path, Some(png)) = share::file(ctx, campaign) {
        files.push((path, png));
    }
    files
}

/// Renders the pages `wanted` accepts, in parallel, into `sink`; returns
/// what failed.
fn render_pages(
    ctx: &Ctx,
    tera: &tera::Tera,
    jobs: &[Job],
    wanted: &Wanted,
    sink: &dyn Sink,
    texts: &IndexTexts,
) -> Vec<Diagnostic> {
    let words = tera::Value::from_serializable(words::words(ctx.lang));
    // The English page speaks English whatever the site's language.
    let english = tera::Value::from_serializable(&words::EN);
    jobs.par_iter()
        .filter(|job| job.kind.part().is_none_or(wanted))
        .filter_map(|job| {
            let words = match job.kind {
                PageKind::English => &english,
                _ => &words,
            };
            match render_job(ctx, tera, words, job) {
                Ok((bytes, text)) => {
                    sink.put(output_file(&job.path), bytes);
                    if let (Some(text), Some(file)) = (text, job.kind.source_file()) {
                        let mut texts = texts.lock().unwrap_or_else(PoisonError::into_inner);
                        texts.insert(file.to_path_buf(), text);
                    }
                    None
                }
                Err(diag) => Some(*diag),
            }
        })
        .collect()
}

/// `--base-url` over the site's own.
fn base_url_of(site: &Site, opts: &RenderOptions) -> Option<String> {
    opts.base_url
        .clone()
        .or_else(|| site.config.base_url.clone())
}

fn ctx_of<'a>(
    site: &'a Site,
    derived: &'a Derived,
    opts: &RenderOptions,
    base_url: &'a Option<String>,
    pictures: &'a PictureSizes,
) -> Ctx<'a> {
    Ctx {
        pictures,
        site,
        derived,
        lang: site.config.language,
        today: opts.today,
        base_url: base_url.as_deref(),
        drafts: opts.drafts,
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
    let ctx = ctx_of(site, &derived, opts, &base_url, &NO_PICTURES);
    let menu = frame::nav(&ctx, "")
        .into_iter()
        .map(|item| format!("{}\t{}", item.title, item.href));
    let titles = site
        .campaigns
        .iter()
        .map(|c| format!("{}\t{}", c.id, c.title));
    menu.chain(titles).collect()
}

/// The title and description of a page made from one source file.
fn own_texts(kind: &PageKind) -> Option<(String, String)> {
    match kind {
        PageKind::Notice(n) => Some((n.title.clone(), notice_description(n))),
        PageKind::Free(p) => Some((p.title.clone(), p.title.clone())),
        _ => None,
    }
}

impl<'s> PageKind<'s> {
    /// The one source file a page is made from, when it is made from one
    /// alone (besides what every page shows: the site, the menu).
    fn source_file(&self) -> Option<&'s Path> {
        match self {
            PageKind::Notice(n) => Some(&n.file),
            PageKind::Free(p) => Some(&p.file),
            _ => None,
        }
    }

    /// The part the page belongs to; `None` for pages made on every build.
    fn part(&self) -> Option<Part<'s>> {
        match self {
            PageKind::Notices(_) | PageKind::Search => Some(Part::Lists),
            PageKind::Campaign(c) | PageKind::Poster(c) | PageKind::Embed(c) => {
                Some(Part::Campaign(&c.id))
            }
            PageKind::Notice(_) | PageKind::Free(_) => self.source_file().map(Part::Source),
            PageKind::Home
            | PageKind::Contacts
            | PageKind::Apps
            | PageKind::English
            | PageKind::NotFound => None,
        }
    }
}

/// The files that are not pages and are made on every build: robots.txt,
/// the feed, `data.json`, QR codes and the theme's built-in static files,
/// in memory; and the static files to copy (the theme folder's and the
/// site's). A static file never takes the path of a file loaxa makes: it is
/// left out with a warning.
fn always_made(
    ctx: &Ctx,
    jobs: &[Job],
    theme_static: Files,
    statics: Vec<assets::StaticFile>,
    diags: &mut Diagnostics,
) -> (Files, Vec<assets::StaticFile>) {
    let base_url = ctx.base_url;
    let mut files = Files::new();
    files.insert("robots.txt".into(), sitemap::robots(base_url).into_bytes());
    files.insert(routes::SITE_JSON.into(), data_export::site_json(ctx));
    files.insert(routes::DATAPACKAGE.into(), data_export::datapackage(ctx));
    files.extend(qr::files(&ctx.site.config.apps));
    // A few static files against thousands of pages: look each one up.
    let routes: HashSet<&str> = jobs.iter().map(|j| j.path.as_str()).collect();
    let site = ctx.site;
    let campaign_file = |path: &str| {
        site.campaigns.iter().any(|c| {
            path == routes::campaign_csv(&c.id)
                || path == routes::campaign_xlsx(&c.id)
                || path == routes::campaign_json(&c.id)
                || path == routes::share_image(&c.id)
        })
    };
    let taken = |path: &str| {
        let page = routes.contains(path)
            || path
                .strip_suffix("index.html")
                .is_some_and(|route| routes.contains(route));
        let index = path.starts_with(routes::SEARCH) && path.ends_with(".json");
        match path {
            _ if page => Some(assets::Taker::Page),
            feed::PATH => Some(assets::Taker::Feed),
            routes::SITE_JSON => Some(assets::Taker::SiteData),
            _ if files.contains_key(path)
                || campaign_file(path)
                || index
                || path == SITEMAP
                || path == crate::output::MARKER =>
            {
                Some(assets::Taker::OtherFile)
            }
            _ => None,
        }
    };
    let copies = assets::drop_taken(statics, taken, diags);
    for (path, bytes) in theme_static {
        let replaced = copies.iter().any(|c| c.output == path);
        if !replaced && !files.contains_key(&path) {
            files.insert(path, bytes);
        }
    }
    (files, copies)
}

fn unreadable_static(file: &assets::StaticFile, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        file.shown.clone(),
        0,
        0,
        "unreadable-file",
        Text::new(
            format!("Không đọc được tệp: {err}"),
            format!("Cannot read the file: {err}"),
        ),
    )
}

/// The file a page path is written to: `van-ban/` → `van-ban/index.html`.
fn output_file(path: &str) -> String {
    if path.ends_with(".html") {
        path.to_string()
    } else {
        routes::file_of(path)
    }
}

fn jobs<'s>(ctx: &Ctx<'s>) -> Vec<Job<'s>> {
    let site = ctx.site;
    let job = |path: String, kind| Job { path, kind };
    let mut jobs = vec![job(String::new(), PageKind::Home)];
    let list_pages = routes::notice_list_pages(ctx.visible_notices().count());
    jobs.extend((1..=list_pages).map(|k| job(routes::notice_list(k), PageKind::Notices(k))));
    jobs.push(job(routes::CONTACTS.into(), PageKind::Contacts));
    if !site.config.apps.is_empty() {
        jobs.push(job(routes::APPS.into(), PageKind::Apps));
    }
    for c in &site.campaigns {
        jobs.push(job(routes::campaign(&c.id), PageKind::Campaign(c)));
        jobs.push(job(routes::poster(&c.id), PageKind::Poster(c)));
        jobs.push(job(routes::embed(&c.id), PageKind::Embed(c)));
    }
    for n in site.notices.iter().filter(|n| ctx.drafts || !n.draft) {
        jobs.push(job(routes::notice(&n.slug), PageKind::Notice(n)));
    }
    for p in &site.pages {
        jobs.push(job(routes::page(&p.slug), PageKind::Free(p)));
    }
    jobs.push(job(routes::SEARCH.into(), PageKind::Search));
    jobs.push(job(routes::ENGLISH.into(), PageKind::English));
    jobs.push(job("404.html".into(), PageKind::NotFound));
    jobs
}

/// A page's template, title, description and view, in the context.
/// Fills the context of a page; returns its template, and for a notice
/// its text for the search index.
fn fill_context(
    ctx: &Ctx,
    job: &Job,
    context: &mut tera::Context,
) -> (&'static str, Option<String>) {
    let mut index_text = None;
    let c = &ctx.site.config;
    let w = words::words(ctx.lang);
    let (template, title, description, page): (_, String, String, _) = match job.kind {
        PageKind::Home => (
            "index.html",
            c.title.clone(),
            format!("{} – {}, {}", c.title, c.commune, c.province),
            value(&pages::home(ctx)),
        ),
        PageKind::Notices(number) => {
            let view = pages::notice_list(ctx, number);
            let title = match &view.pager {
                Some(pager) if number > 1 => format!("{} – {}", w.notices, pager.position),
                _ => w.notices.into(),
            };
            let description = format!("{}: {}", c.commune, w.notices_intro);
            ("notices.html", title, description, value(&view))
        }
        PageKind::Contacts => (
            "contacts.html",
            w.contacts.into(),
            format!(
                "{}: {} – {}, {}",
                c.hotline.label, c.hotline.number, c.commune, c.province
            ),
            value(&pages::contacts(ctx)),
        ),
        PageKind::Apps => (
            "apps.html",
            w.download_app.into(),
            format!("{}: {}", c.commune, w.apps_intro),
            value(&pages::apps(ctx)),
        ),
        PageKind::Campaign(campaign) => (
            "campaign.html",
            campaign.title.clone(),
            outreach::summary_line(ctx, campaign),
            value(&pages::campaign(ctx, campaign)),
        ),
        PageKind::Poster(campaign) => (
            "poster.html",
            format!("{}: {}", w.poster, campaign.title),
            outreach::summary_line(ctx, campaign),
            value(&outreach::poster(ctx, campaign)),
        ),
        PageKind::Embed(campaign) => (
            "embed.html",
            campaign.title.clone(),
            outreach::summary_line(ctx, campaign),
            value(&outreach::embed(ctx, campaign)),
        ),
        PageKind::Notice(n) => {
            let (title, description) = own_texts(&job.kind).unwrap_or_default();
            let view = pages::notice(ctx, n);
            index_text = Some(search::notice_text(n, &view.body_html));
            ("notice.html", title, description, value(&view))
        }
        PageKind::Free(p) => {
            let (title, description) = own_texts(&job.kind).unwrap_or_default();
            (
                "page.html",
                title,
                description,
                value(&pages::free_page(ctx, p)),
            )
        }
        PageKind::Search => (
            "search.html",
            w.search.into(),
            format!("{}: {}", c.commune, w.search_intro),
            value(&search::page(ctx)),
        ),
        PageKind::English => {
            let page = outreach::english(ctx);
            let title = format!("{} — {}", words::EN.contact_heading, page.organisation);
            ("en.html", title.clone(), title, value(&page))
        }
        PageKind::NotFound => ("404.html", w.not_found.into(), w.not_found.into(), None),
    };
    context.insert("layout", &frame_of(ctx, job, &title, &description));
    if let Some(page) = page {
        context.insert_value("page", page);
    }
    (template, index_text)
}

/// The layout of a page: the frame every page shares, with what this kind
/// of page changes in it.
fn frame_of(ctx: &Ctx, job: &Job, title: &str, description: &str) -> views::Layout {
    let c = &ctx.site.config;
    // 404.html is served for any missing URL: its links are the home
    // page's, and absolute from the base URL when there is one.
    let path = match job.kind {
        PageKind::NotFound => "",
        _ => job.path.as_str(),
    };
    let mut layout = frame::layout(ctx, path, title, description);
    match job.kind {
        PageKind::NotFound => {
            // Not the home page: keep the page's own title.
            layout.title = format!("{title} – {}", c.title);
            if let Some(base) = ctx.base_url {
                frame::set_root(&mut layout, base.to_string());
            }
            layout.canonical = None;
            layout.share.url = None;
            layout.share.title = title.to_string();
            for item in &mut layout.nav {
                item.current = false;
            }
        }
        PageKind::Campaign(campaign) | PageKind::Poster(campaign) | PageKind::Embed(campaign) => {
            layout.share.image = frame::share_image(ctx, campaign);
        }
        PageKind::Notice(n) => {
            layout.share.kind = "article".into();
            if let Some(campaign) = n
                .campaigns
                .iter()
                .find_map(|(id, _)| ctx.site.campaigns.iter().find(|c| &c.id == id))
            {
                layout.share.image = frame::share_image_elsewhere(ctx, campaign);
            }
        }
        PageKind::Notices(_) => {
            // Every page of the list is under "Văn bản" in the menu.
            for item in &mut layout.nav {
                item.current = item.href == routes::NOTICES;
            }
        }
        PageKind::English => {
            layout.lang = "en".into();
            layout.nav.clear();
            layout.share.locale = "en_US".into();
            // The preview in English too: the organisation's English name,
            // the image described in English.
            layout.share.site_name =
                format!("{} People's Committee", outreach::english_unit(&c.commune));
            let english = Ctx {
                lang: crate::vi::Lang::En,
                ..*ctx
            };
            layout.share.image = ctx
                .site
                .campaigns
                .first()
                .and_then(|camp| frame::share_image_elsewhere(&english, camp));
        }
        _ => {}
    }
    layout
}

/// "Công văn số 959/UBND-VHXH ngày 2/6/2026: Đôn đốc …" for the page's description.
fn notice_description(n: &Notice) -> String {
    let mut head = n.kind.clone().unwrap_or_default();
    if let Some(number) = &n.number {
        head = format!("{head} {number}").trim().to_string();
    }
    if head.is_empty() {
        n.title.clone()
    } else {
        format!("{head}: {}", n.title)
    }
}

fn value<T: serde::Serialize>(view: &T) -> Option<tera::Value> {
    Some(tera::Value::from_serializable(view))
}

fn render_job(
    ctx: &Ctx,
    tera: &tera::Tera,
    words: &tera::Value,
    job: &Job,
) -> Result<(Vec<u8>, Option<String>), Box<Diagnostic>> {
    let mut context = tera::Context::new();
    context.insert_value("t", words.clone());
    let (template, index_text) = fill_context(ctx, job, &mut context);
    // Straight into bytes: `Tera::render` would check the UTF-8 again.
    let mut html = Vec::with_capacity(16 * 1024);
    tera.render_to(template, &context, &mut html)
        .map(|()| (html, index_text))
        .map_err(|err| {
            Box::new(Diagnostic {
                file: PathBuf::from("themes").join("templates").join(template),
                line: 0,
                column: 0,
                severity: Severity::Error,
                code: "template",
                message: Text::new(
                    format!("Không dựng được trang /{}: {err}", job.path),
                    format!("Cannot render the page /{}: {err}", job.path),
                ),
                hint: None,
            })
        })
}
