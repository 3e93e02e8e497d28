//! Search in the browser, with no server: the full text of every notice,
//! page and campaign, the contacts, the apps and the English page, folded
//! the Vietnamese way (`Đường dây nóng` → `duong day nong`), as an inverted
//! index that `tim-kiem.js` reads piece by piece:
//!
//! - `tim-kiem/chi-muc.json`: how many documents, buckets and documents a
//!   chunk holds, and how many of the documents are campaigns (the first)
//!   and notices (the last, oldest first: see [`docs`]);
//! - `tim-kiem/chi-muc/B.json`: every word whose first three letters hash to
//!   bucket B, each with its documents (`{"duong":[4,3]}`: gaps between
//!   document numbers, doubled, plus 1 when the word is in the title);
//! - `tim-kiem/tai-lieu/K.json`: the title, address, kind and date of the
//!   documents K·16 to K·16+15.
//!
//! A query fetches the buckets of its words and the chunks of the results
//! it shows: on a 1,000-notice site a few kilobytes, never the whole text.
//! Without script, the search page lists everything (see [`page`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown;
use crate::model::{Campaign, Notice, Page};
use crate::render::ctx::Ctx;
use crate::render::input::Sink;
use crate::render::routes;
use crate::render::search_index::{
    Changed, DocKey, Fresh, Postings, Row, State, Terms, bucket_count,
};
use crate::render::views::{SearchItem, SearchPage};
use crate::render::{outreach, words};
use crate::vi::{Lang, fold_words, format_date, format_int};

/// Documents per chunk of titles: a query shows ten results at a time.
pub const CHUNK: usize = 16;
const BUCKET_DIR: &str = "tim-kiem/chi-muc/";
const CHUNK_DIR: &str = "tim-kiem/tai-lieu/";

/// `tim-kiem/chi-muc.json`.
#[derive(Debug, Serialize)]
struct Manifest {
    docs: usize,
    buckets: usize,
    chunk: usize,
    /// The first documents are the campaigns.
    campaigns: usize,
    /// The last documents are the notices, oldest first.
    notices: usize,
}

impl Manifest {
    fn of(docs: &[Doc], buckets: usize) -> Manifest {
        let campaigns = docs
            .iter()
            .take_while(|doc| matches!(doc, Doc::Campaign(_)))
            .count();
        Manifest {
            docs: docs.len(),
            buckets,
            chunk: CHUNK,
            campaigns,
            notices: notice_numbers(docs).len(),
        }
    }
}

fn kinds(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::Vi => ("Văn bản", "Trang", "Chiến dịch"),
        Lang::En => ("Notice", "Page", "Campaign"),
    }
}

/// A searchable document, and how to make its indexed text.
pub(super) enum Doc<'a> {
    Campaign(&'a Campaign),
    Notice(&'a Notice),
    Page(&'a Page),
    /// The contacts page: the hotline and every contact.
    Contacts,
    /// The apps page.
    Apps,
    /// The contacts in English.
    English,
}

/// Every searchable document, in the index's order: campaigns, pages, the
/// contacts, apps and English pages, then the notices oldest first. A new
/// notice (the newest) is the last document: the preview adds it without
/// moving any other, so only its words' buckets and the last title chunk
/// change. `tim-kiem.js` ranks ties in the site's order (see [`page`]).
pub(super) fn docs<'a>(ctx: &Ctx<'a>) -> Vec<Doc<'a>> {
    let notices = ctx.visible_notices().rev().map(Doc::Notice);
    ctx.site
        .campaigns
        .iter()
        .map(Doc::Campaign)
        .chain(others(ctx))
        .chain(notices)
        .collect()
}

/// The documents neither campaigns nor notices: pages, then the contacts,
/// apps and English pages.
fn others<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = Doc<'a>> + use<'a> {
    let site = ctx.site;
    let apps = (!site.config.apps.is_empty()).then_some(Doc::Apps);
    site.pages
        .iter()
        .map(Doc::Page)
        .chain([Doc::Contacts])
        .chain(apps)
        .chain([Doc::English])
}

/// Where the notices are among [`docs`]: after every other document.
pub(super) fn notice_numbers(docs: &[Doc]) -> Range<usize> {
    let first = docs
        .iter()
        .position(|doc| matches!(doc, Doc::Notice(_)))
        .unwrap_or(docs.len());
    first..docs.len()
}

/// How a document is listed on the search page.
fn item(ctx: &Ctx, doc: &Doc) -> SearchItem {
    let (notice, page, campaign) = kinds(ctx.lang);
    let w = words::words(ctx.lang);
    let (title, href, kind, date) = match doc {
        Doc::Campaign(c) => (
            c.title.clone(),
            routes::campaign(&c.id),
            campaign.to_string(),
            None,
        ),
        Doc::Notice(n) => (
            n.title.clone(),
            routes::notice(&n.slug),
            n.kind.clone().unwrap_or_else(|| notice.into()),
            Some(n.date),
        ),
        Doc::Page(p) => (
            p.title.clone(),
            routes::page(&p.slug),
            page.to_string(),
            None,
        ),
        Doc::Contacts => (
            w.contacts.into(),
            routes::CONTACTS.into(),
            page.into(),
            None,
        ),
        Doc::Apps => (
            w.download_app.into(),
            routes::APPS.into(),
            page.into(),
            None,
        ),
        Doc::English => (
            english_title(ctx),
            routes::ENGLISH.into(),
            page.into(),
            None,
        ),
    };
    SearchItem {
        title,
        href,
        kind,
        date: date.map(|d| format_date(ctx.lang, d)),
        date_iso: date.map(|d| d.to_string()),
    }
}

fn english_title(ctx: &Ctx) -> String {
    let page = outreach::english(ctx);
    format!("{} — {}", words::EN.contact_heading, page.organisation)
}

/// A document's indexed text: its title's words and its body's, folded, a
/// line apart. Renders Markdown: only the index needs this, so the search
/// page does not pay for it.
pub(super) fn text(ctx: &Ctx, doc: &Doc) -> String {
    let config = &ctx.site.config;
    match doc {
        Doc::Campaign(c) => {
            let body = c.summary.as_deref().map(markdown::render_inline);
            let labels: Vec<&str> = c.indicators.iter().map(|i| i.label.as_str()).collect();
            indexed_text(
                &c.title,
                &format!("{} {}", body.unwrap_or_default(), labels.join(" ")),
            )
        }
        Doc::Notice(n) => {
            // Only when its page gave no words (the preview's first build
            // of a notice it had not rendered): an unreadable body is then
            // the page's error, not the index's.
            let body = ctx.body_of(n).unwrap_or_default();
            notice_text(n, &markdown::render(&body).html)
        }
        Doc::Page(p) => indexed_text(&p.title, &markdown::render(&p.body).html),
        Doc::Contacts | Doc::English => {
            let mut body = vec![
                config.hotline.label.clone(),
                config.hotline.number.clone(),
                config.commune.clone(),
                config.province.clone(),
            ];
            for c in &config.contacts {
                body.extend([c.name.clone()]);
                body.extend(c.role.clone());
                body.extend(c.phone.clone());
                body.extend(c.email.clone());
            }
            let title = match doc {
                Doc::English => {
                    body.extend(["hotline contacts phone email".to_string()]);
                    english_title(ctx)
                }
                // The hotline is what the contact page is for: its words
                // count as its title.
                _ => format!(
                    "{} {} {}",
                    words::words(ctx.lang).contacts,
                    config.hotline.label,
                    config.hotline.number
                ),
            };
            plain_text(&title, &body.join(" "))
        }
        Doc::Apps => {
            let mut body = Vec::new();
            for a in &config.apps {
                body.push(a.name.clone());
                body.extend(a.summary.clone());
            }
            body.extend(["App Store Google Play iPhone Android".to_string()]);
            plain_text(words::words(ctx.lang).download_app, &body.join(" "))
        }
    }
}

/// A notice's indexed text from its body already rendered (by its page):
/// rendering every notice's Markdown a second time for the index was a
/// quarter of a 10,000-notice build. Its number counts as title.
pub fn notice_text(n: &Notice, body_html: &str) -> String {
    indexed_text(
        &format!("{} {}", n.number.as_deref().unwrap_or(""), n.title),
        body_html,
    )
}

/// The title's words and the whole body's, folded, on two lines.
fn indexed_text(title: &str, body_html: &str) -> String {
    plain_text(title, &html_text(body_html))
}

fn plain_text(title: &str, body: &str) -> String {
    format!("{}\n{}", fold_words(title), fold_words(body))
}

/// The text of sanitized HTML: tags dropped (each as a space), the few
/// entities the sanitizer writes decoded.
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    // Runs of text copied whole: a tag starts at `<` and ends at the next
    // `>` (a `>` outside a tag is text); one left open runs to the end.
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => {
                text.push(' ');
                rest = &rest[open + close + 1..];
            }
            None => rest = "",
        }
    }
    text.push_str(rest);
    if !text.contains('&') {
        return text;
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The search page. Without script it lists every campaign, the newest
/// notices (as many as a page of the notice list), every page, then links
/// to the notice list: a site of thousands of notices keeps a light page.
/// This is the site's order, which `tim-kiem.js` ranks ties in.
pub fn page(ctx: &Ctx) -> SearchPage {
    let notices = ctx.visible_notices().count();
    let newest = ctx
        .visible_notices()
        .take(routes::NOTICES_PER_PAGE)
        .map(Doc::Notice);
    let campaigns = ctx.site.campaigns.iter().map(Doc::Campaign);
    let items = campaigns
        .chain(newest)
        .chain(others(ctx))
        .map(|doc| item(ctx, &doc))
        .collect();
    let count = format_int(ctx.lang, notices as i64);
    SearchPage {
        items,
        all_notices: (notices > routes::NOTICES_PER_PAGE).then(|| match ctx.lang {
            Lang::Vi => format!("Xem tất cả {count} văn bản"),
            Lang::En => format!("See all {count} notices"),
        }),
        index: routes::SEARCH_INDEX.into(),
        script: routes::SEARCH_SCRIPT.into(),
    }
}

fn key_of(doc: &Doc) -> DocKey {
    match doc {
        Doc::Campaign(c) => DocKey::Campaign(c.id.clone()),
        Doc::Notice(n) => DocKey::Notice(n.file.clone()),
        Doc::Page(p) => DocKey::Page(p.file.clone()),
        Doc::Contacts => DocKey::Contacts,
        Doc::Apps => DocKey::Apps,
        Doc::English => DocKey::English,
    }
}

fn row_of(ctx: &Ctx, doc: &Doc) -> Row {
    let i = item(ctx, doc);
    [i.title, i.href, i.kind, i.date.unwrap_or_default()]
}

/// The paths of the index's files for `docs` documents, made or not.
pub fn index_paths(docs: usize) -> Vec<String> {
    let buckets = (0..bucket_count(docs)).map(|b| format!("{BUCKET_DIR}{b}.json"));
    let chunks = (0..docs.div_ceil(CHUNK)).map(|k| format!("{CHUNK_DIR}{k}.json"));
    std::iter::once(routes::SEARCH_INDEX.to_string())
        .chain(buckets)
        .chain(chunks)
        .collect()
}

/// [`index_paths`] for this site.
pub fn index_paths_of(ctx: &Ctx) -> Vec<String> {
    index_paths(docs(ctx).len())
}

/// The postings a build of this site fills.
pub fn postings_for(ctx: &Ctx) -> Postings {
    Postings::packed(bucket_count(docs(ctx).len()))
}

/// A build's index files, once every notice page gave its words to
/// `postings` (see `search_collector::Collector::build`, which gave the campaigns' words
/// first): the words of the documents after the notices added, in order,
/// every file written.
pub fn index_files(ctx: &Ctx, mut postings: Postings, sink: &dyn Sink) {
    let docs = docs(ctx);
    let after_notices = notice_numbers(&docs).end;
    let others: Vec<(u32, String)> = docs[after_notices..]
        .par_iter()
        .enumerate()
        .map(|(k, doc)| ((after_notices + k) as u32, text(ctx, doc)))
        .collect();
    for (id, text) in others {
        let terms = postings.terms(&text);
        postings.push(id, &terms);
    }
    postings.sort();
    let all = Changed {
        buckets: (0..postings.buckets()).collect(),
        chunks: (0..docs.len().div_ceil(CHUNK)).collect(),
    };
    // Each chunk's rows made as it is written, not 100,000 at once.
    let rows =
        |range: Range<usize>| Cow::Owned(docs[range].iter().map(|doc| row_of(ctx, doc)).collect());
    let manifest = Manifest::of(&docs, postings.buckets());
    files_of(&manifest, &postings, &rows, &all, sink);
}

/// The preview's index after a rebuild: `state` (empty on the first build)
/// moved to this site, given the words of the notices rendered; returns the
/// files that changed.
pub fn update_index(
    ctx: &Ctx,
    current: &mut State,
    fresh: HashMap<PathBuf, Terms>,
    sink: &dyn Sink,
) {
    let mut clock = crate::stopwatch::Stopwatch::from_env();
    let docs = docs(ctx);
    let buckets = current.postings.buckets();
    let whole = current.keys().is_empty();
    let lists: Vec<Fresh> = docs
        .par_iter()
        .map(|doc| {
            let key = key_of(doc);
            let (row, terms) = match doc {
                Doc::Notice(n) => match fresh.get(&n.file) {
                    Some(terms) => (Some(row_of(ctx, doc)), Some(terms.clone())),
                    None if whole => (
                        Some(row_of(ctx, doc)),
                        Some(current.postings.terms(&text(ctx, doc))),
                    ),
                    None => (None, None),
                },
                _ => (
                    Some(row_of(ctx, doc)),
                    Some(current.postings.terms(&text(ctx, doc))),
                ),
            };
            Fresh { key, row, terms }
        })
        .collect();
    clock.lap("index: docs + rows + terms");
    let changed = current.update(lists, CHUNK);
    clock.lap("index: update");
    let changed = if whole {
        Changed {
            buckets: (0..buckets).collect(),
            chunks: (0..docs.len().div_ceil(CHUNK)).collect(),
        }
    } else {
        changed
    };
    // Written from the rows kept, not from a copy of them.
    let rows = |range: Range<usize>| Cow::Borrowed(&current.rows()[range]);
    let manifest = Manifest::of(&docs, buckets);
    files_of(&manifest, &current.postings, &rows, &changed, sink);
    clock.lap("index: files");
}

/// The manifest, and the buckets and chunks in `changed`, each put as it is
/// made (at 100,000 notices they are 56 MB).
fn files_of<'a>(
    manifest: &Manifest,
    postings: &Postings,
    rows: &(dyn Fn(Range<usize>) -> Cow<'a, [Row]> + Sync),
    changed: &Changed,
    sink: &dyn Sink,
) {
    let docs = manifest.docs;
    sink.put(
        routes::SEARCH_INDEX.to_string(),
        serde_json::to_vec(manifest).unwrap_or_default(),
    );
    let buckets: Vec<usize> = changed.buckets.iter().copied().collect();
    buckets
        .par_iter()
        .for_each(|&b| sink.put(format!("{BUCKET_DIR}{b}.json"), postings.bucket_json(b)));
    let chunks: Vec<usize> = changed.chunks.iter().copied().collect();
    chunks.par_iter().for_each(|&k| {
        if k * CHUNK > docs {
            return;
        }
        let chunk = rows(k * CHUNK..docs.min((k + 1) * CHUNK));
        let mut json = serde_json::to_vec(&*chunk).unwrap_or_default();
        json.push(b'\n');
        sink.put(format!("{CHUNK_DIR}{k}.json"), json);
    });
}

#[cfg(test)]
mod tests;
