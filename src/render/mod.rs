//! Rendering: routes, views, templates and charts into an in-memory map of
//! `path → bytes`. Pages are independent, so they render in parallel.

pub mod data_export;
pub mod feed;
pub mod indicator;
pub mod pages;
pub mod phrases;
pub mod qr;
pub mod routes;
pub mod sitemap;
pub mod theme;
pub mod views;
pub mod words;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::{Campaign, Notice, Page, Site};
use crate::output::Files;
use pages::Ctx;

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
    Notices,
    Contacts,
    Apps,
    Campaign(&'s Campaign),
    Notice(&'s Notice),
    Free(&'s Page),
    NotFound,
}

/// Receives each output file as soon as it is made (a path relative to the
/// output root, and its bytes). Called from several threads at once.
pub type Sink<'a> = dyn Fn(String, Vec<u8>) + Sync + 'a;

/// Renders the whole site into memory. `None` when a template fails;
/// diagnostics say why.
pub fn render_site(
    root: &Path,
    site: &Site,
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
    let ok = render_site_to(root, site, opts, diags, &collect);
    ok.then(|| files.into_inner().unwrap_or_else(PoisonError::into_inner))
}

/// Renders the whole site, handing every file to `sink` as it is made
/// instead of keeping it: a 10,000-page site never sits in memory whole.
/// Every path is given once. Returns `false` when anything failed
/// (diagnostics say why); the caller must then discard what it received.
pub fn render_site_to(
    root: &Path,
    site: &Site,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
    sink: &Sink,
) -> bool {
    routes::check_collisions(site, opts.drafts, diags);
    check_attachments(root, site, diags);
    let Some(mut theme) = theme::load(root, &site.config.theme, diags) else {
        return false;
    };
    if diags.has_errors() {
        return false;
    }
    let base_url = opts
        .base_url
        .clone()
        .or_else(|| site.config.base_url.clone());
    let ctx = Ctx {
        site,
        lang: site.config.language,
        today: opts.today,
        base_url: base_url.as_deref(),
        drafts: opts.drafts,
    };
    let jobs = jobs(&ctx);
    let extra = extra_files(root, &ctx, &jobs, std::mem::take(&mut theme.static_files));
    // Static and generated files first: their paths never meet a page's.
    extra
        .into_par_iter()
        .for_each(|(path, bytes)| sink(path, bytes));
    let words = tera::Value::from_serializable(words::words(ctx.lang));
    let failures: Vec<Box<Diagnostic>> = jobs
        .par_iter()
        .filter_map(|job| match render_job(&ctx, &theme.tera, &words, job) {
            Ok(bytes) => {
                sink(output_file(&job.path), bytes);
                None
            }
            Err(diag) => Some(diag),
        })
        .collect();
    for diag in failures {
        diags.push(*diag);
    }
    !diags.has_errors()
}

/// Every file that is not a rendered page: the theme's and the site's
/// static files, the sitemap, robots.txt, the feed, open data, QR codes.
/// Later ones win on a shared path, as they always have; a static file
/// never replaces a page (pages are written over them).
fn extra_files(root: &Path, ctx: &Ctx, jobs: &[Job], theme_static: Files) -> Files {
    let base_url = ctx.base_url;
    let mut files = theme_static;
    files.extend(theme::site_static_files(root));
    for job in jobs {
        files.remove(&output_file(&job.path));
    }
    let page_paths: Vec<&str> = jobs
        .iter()
        .map(|j| j.path.as_str())
        .filter(|p| !p.ends_with(".html"))
        .collect();
    files.insert(
        "sitemap.xml".into(),
        sitemap::sitemap(base_url, &page_paths).into_bytes(),
    );
    files.insert("robots.txt".into(), sitemap::robots(base_url).into_bytes());
    files.insert(feed::PATH.into(), feed::atom(ctx).into_bytes());
    files.extend(data_export::files(ctx));
    files.extend(qr::files(&ctx.site.config.apps));
    files
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
    let mut jobs = vec![
        job(String::new(), PageKind::Home),
        job(routes::NOTICES.into(), PageKind::Notices),
        job(routes::CONTACTS.into(), PageKind::Contacts),
    ];
    if !site.config.apps.is_empty() {
        jobs.push(job(routes::APPS.into(), PageKind::Apps));
    }
    for c in &site.campaigns {
        jobs.push(job(routes::campaign(&c.id), PageKind::Campaign(c)));
    }
    for n in site.notices.iter().filter(|n| ctx.drafts || !n.draft) {
        jobs.push(job(routes::notice(&n.slug), PageKind::Notice(n)));
    }
    for p in &site.pages {
        jobs.push(job(routes::page(&p.slug), PageKind::Free(p)));
    }
    jobs.push(job("404.html".into(), PageKind::NotFound));
    jobs
}

/// A page's template, title, description and view, in the context.
fn fill_context(ctx: &Ctx, job: &Job, context: &mut tera::Context) -> &'static str {
    let c = &ctx.site.config;
    let w = words::words(ctx.lang);
    let mut put = |title: &str, description: &str, page: Option<tera::Value>| {
        // 404.html sits at the root and is served for any missing URL: its
        // links are the home page's.
        let path = match job.kind {
            PageKind::NotFound => "",
            _ => job.path.as_str(),
        };
        context.insert("layout", &pages::layout(ctx, path, title, description));
        if let Some(page) = page {
            context.insert_value("page", page);
        }
    };
    match job.kind {
        PageKind::Home => {
            let description = format!("{} – {}, {}", c.title, c.commune, c.province);
            put(&c.title, &description, value(&pages::home(ctx)));
            "index.html"
        }
        PageKind::Notices => {
            put(w.notices, w.notices, value(&pages::notice_list(ctx)));
            "notices.html"
        }
        PageKind::Contacts => {
            put(w.contacts, &c.hotline.label, value(&pages::contacts(ctx)));
            "contacts.html"
        }
        PageKind::Apps => {
            put(w.download_app, w.download_app, value(&pages::apps(ctx)));
            "apps.html"
        }
        PageKind::Campaign(campaign) => {
            let summary = campaign.summary.as_deref().unwrap_or(&campaign.title);
            put(
                &campaign.title,
                summary,
                value(&pages::campaign(ctx, campaign)),
            );
            "campaign.html"
        }
        PageKind::Notice(n) => {
            put(&n.title, &n.title, value(&pages::notice(ctx, n)));
            "notice.html"
        }
        PageKind::Free(p) => {
            put(&p.title, &p.title, value(&pages::free_page(p)));
            "page.html"
        }
        PageKind::NotFound => {
            put(w.not_found, w.not_found, None);
            "404.html"
        }
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
) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut context = tera::Context::new();
    context.insert_value("t", words.clone());
    let template = fill_context(ctx, job, &mut context);
    // Straight into bytes: `Tera::render` would check the UTF-8 again.
    let mut html = Vec::with_capacity(16 * 1024);
    tera.render_to(template, &context, &mut html)
        .map(|()| html)
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

/// A relative attachment must be a file in the site's `static/` folder.
fn check_attachments(root: &Path, site: &Site, diags: &mut Diagnostics) {
    for notice in &site.notices {
        for attachment in notice
            .attachments
            .iter()
            .filter(|a| !crate::model::reader::is_web_link(&a.url))
        {
            if !root.join("static").join(&attachment.url).is_file() {
                diags.push(Diagnostic {
                    file: notice.file.clone(),
                    line: 0,
                    column: 0,
                    severity: Severity::Error,
                    code: "missing-attachment",
                    message: Text::new(
                        format!("Không tìm thấy tệp đính kèm `static/{}`", attachment.url),
                        format!("The attachment `static/{}` was not found", attachment.url),
                    ),
                    hint: Some(Text::new(
                        "chép tệp vào thư mục static/ của trang, hoặc sửa `url`",
                        "copy the file into the site's static/ folder, or fix the `url`",
                    )),
                });
            }
        }
    }
}
