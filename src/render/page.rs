//! One page rendered: its template, title, description and view put in the
//! context, the frame around it, and the bytes out of Tera — every page in
//! parallel.

use std::path::PathBuf;

use rayon::prelude::*;

use super::ctx::Ctx;
use super::input::{Sink, Wanted};
use super::plan::{Job, PageKind, output_file};
use super::search_collector::Collector;
use super::{frame, outreach, pages, routes, search, views, words};
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::model::Notice;

/// Renders the pages `wanted` accepts, in parallel and in the order given,
/// into `sink`; returns what failed. A notice's words go to `index`.
pub(super) fn render_pages(
    ctx: &Ctx,
    tera: &tera::Tera,
    jobs: &[&Job],
    wanted: &Wanted,
    sink: &dyn Sink,
    index: Option<&Collector>,
) -> Vec<Diagnostic> {
    let words = tera::Value::from_serializable(words::words(ctx.lang));
    // The English page speaks English whatever the site's language.
    let english = tera::Value::from_serializable(&words::EN);
    // Those not wanted are left out first: a preview save makes a few
    // hundred of 10,000 pages, in one or two rounds.
    let order: Vec<&Job> = jobs
        .iter()
        .copied()
        .filter(|job| job.kind.part().is_none_or(wanted))
        .collect();
    // A few hundred pages at a time, in order: a build's search index takes
    // the notices' words in its order and holds back those that come early.
    order
        .chunks(IN_ORDER)
        .flat_map(|chunk| {
            chunk
                .par_iter()
                .filter_map(|job| {
                    let words = match job.kind {
                        PageKind::English => &english,
                        _ => &words,
                    };
                    match render_job(ctx, tera, words, job, index) {
                        Ok(bytes) => {
                            sink.put(output_file(&job.path), bytes);
                            None
                        }
                        Err(diag) => Some(*diag),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Pages rendered together (see [`render_pages`]): enough to keep every
/// core busy, few enough that the words held back stay small.
const IN_ORDER: usize = 256;

/// The notices' pages, oldest first as the search index numbers them (the
/// site lists them newest first), and the other pages.
pub(super) fn notices_apart<'j, 's>(jobs: &'j [Job<'s>]) -> (Vec<&'j Job<'s>>, Vec<&'j Job<'s>>) {
    let is_notice = |job: &&Job| matches!(job.kind, PageKind::Notice(_));
    let notices = jobs.iter().rev().filter(is_notice).collect();
    let others = jobs.iter().filter(|job| !is_notice(job)).collect();
    (notices, others)
}

fn render_job(
    ctx: &Ctx,
    tera: &tera::Tera,
    words: &tera::Value,
    job: &Job,
    index: Option<&Collector>,
) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut context = tera::Context::new();
    context.insert_value("t", words.clone());
    let template = fill_context(ctx, job, &mut context, index)?;
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

/// Fills the context of a page (its title, description, view and frame);
/// returns its template. A notice's words go to the search index.
fn fill_context(
    ctx: &Ctx,
    job: &Job,
    context: &mut tera::Context,
    index: Option<&Collector>,
) -> Result<&'static str, Box<Diagnostic>> {
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
            let view = pages::notice(ctx, n, &ctx.body_of(n)?);
            if let Some(index) = index {
                index.notice(n, &view.body_html);
            }
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
    Ok(template)
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
                menu: &[],
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

/// The title and description of a page made from one source file.
fn own_texts(kind: &PageKind) -> Option<(String, String)> {
    match kind {
        PageKind::Notice(n) => Some((n.title.clone(), notice_description(n))),
        PageKind::Free(p) => Some((p.title.clone(), p.title.clone())),
        _ => None,
    }
}
