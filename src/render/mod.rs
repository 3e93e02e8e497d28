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

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::Site;
use crate::output::Files;
use pages::Ctx;
use views::Layout;

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

/// A rendered page's output path and bytes, or why it failed.
type RenderedPage = Result<(String, Vec<u8>), Box<Diagnostic>>;

/// One page to render.
struct Job {
    path: String,
    template: &'static str,
    layout: Layout,
    page: serde_json::Value,
}

/// Renders the whole site. `None` when a template fails; diagnostics say why.
pub fn render_site(
    root: &Path,
    site: &Site,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) -> Option<Files> {
    routes::check_collisions(site, opts.drafts, diags);
    check_attachments(root, site, diags);
    let theme = theme::load(root, &site.config.theme, diags)?;
    if diags.has_errors() {
        return None;
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
    let words = words::words(ctx.lang);
    let rendered: Vec<RenderedPage> = jobs
        .par_iter()
        .map(|job| render_job(&theme.tera, words, job))
        .collect();
    let mut files = theme.static_files;
    files.extend(theme::site_static_files(root));
    for result in rendered {
        match result {
            Ok((path, bytes)) => {
                files.insert(path, bytes);
            }
            Err(diag) => diags.push(*diag),
        }
    }
    let page_paths: Vec<&str> = jobs
        .iter()
        .map(|j| j.path.as_str())
        .filter(|p| !p.ends_with(".html"))
        .collect();
    files.insert(
        "sitemap.xml".into(),
        sitemap::sitemap(base_url.as_deref(), &page_paths).into_bytes(),
    );
    files.insert(
        "robots.txt".into(),
        sitemap::robots(base_url.as_deref()).into_bytes(),
    );
    files.insert(feed::PATH.into(), feed::atom(&ctx).into_bytes());
    files.extend(data_export::files(&ctx));
    files.extend(qr::files(&site.config.apps));
    (!diags.has_errors()).then_some(files)
}

fn job<T: Serialize>(
    ctx: &Ctx,
    path: String,
    template: &'static str,
    title: &str,
    description: &str,
    page: &T,
) -> Job {
    Job {
        layout: pages::layout(ctx, &path, title, description),
        page: serde_json::to_value(page).unwrap_or(serde_json::Value::Null),
        path,
        template,
    }
}

fn jobs(ctx: &Ctx) -> Vec<Job> {
    let site = ctx.site;
    let c = &site.config;
    let w = words::words(ctx.lang);
    let mut jobs = vec![
        job(
            ctx,
            String::new(),
            "index.html",
            &c.title,
            &format!("{} – {}, {}", c.title, c.commune, c.province),
            &pages::home(ctx),
        ),
        job(
            ctx,
            routes::NOTICES.into(),
            "notices.html",
            w.notices,
            w.notices,
            &pages::notice_list(ctx),
        ),
        job(
            ctx,
            routes::CONTACTS.into(),
            "contacts.html",
            w.contacts,
            &c.hotline.label,
            &pages::contacts(ctx),
        ),
    ];
    if !c.apps.is_empty() {
        jobs.push(job(
            ctx,
            routes::APPS.into(),
            "apps.html",
            w.download_app,
            w.download_app,
            &pages::apps(ctx),
        ));
    }
    for campaign in &site.campaigns {
        let summary = campaign
            .summary
            .clone()
            .unwrap_or_else(|| campaign.title.clone());
        jobs.push(job(
            ctx,
            routes::campaign(&campaign.id),
            "campaign.html",
            &campaign.title,
            &summary,
            &pages::campaign(ctx, campaign),
        ));
    }
    for notice in ctx.visible_notices() {
        jobs.push(job(
            ctx,
            routes::notice(&notice.slug),
            "notice.html",
            &notice.title,
            &notice.title,
            &pages::notice(ctx, notice),
        ));
    }
    for page in &site.pages {
        jobs.push(job(
            ctx,
            routes::page(&page.slug),
            "page.html",
            &page.title,
            &page.title,
            &pages::free_page(page),
        ));
    }
    let mut not_found = job(
        ctx,
        String::new(),
        "404.html",
        w.not_found,
        w.not_found,
        &(),
    );
    not_found.path = "404.html".into();
    jobs.push(not_found);
    jobs
}

fn render_job(tera: &tera::Tera, words: &words::Words, job: &Job) -> RenderedPage {
    let mut context = tera::Context::new();
    context.insert("layout", &job.layout);
    context.insert("t", words);
    if !job.page.is_null() {
        context.insert("page", &job.page);
    }
    let file = if job.path.ends_with(".html") {
        job.path.clone()
    } else {
        routes::file_of(&job.path)
    };
    tera.render(job.template, &context)
        .map(|html| (file, html.into_bytes()))
        .map_err(|err| {
            Box::new(Diagnostic {
                file: PathBuf::from("themes").join("templates").join(job.template),
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
