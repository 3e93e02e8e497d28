//! Search in the browser, with no server: the full text of every notice,
//! page and campaign, the contacts, the apps and the English page, folded
//! the Vietnamese way (`Đường dây nóng` → `duong day nong`), as an inverted
//! index that `tim-kiem.js` reads piece by piece:
//!
//! - `tim-kiem/chi-muc.json`: how many documents, buckets and documents a
//!   chunk holds;
//! - `tim-kiem/chi-muc/B.json`: every word whose first three letters hash to
//!   bucket B, each with its documents (`{"duong":[4,3]}`: gaps between
//!   document numbers, doubled, plus 1 when the word is in the title);
//! - `tim-kiem/tai-lieu/K.json`: the title, address, kind and date of the
//!   documents K·16 to K·16+15.
//!
//! A query fetches the buckets of its words and the chunks of the results
//! it shows: on a 1,000-notice site a few kilobytes, never the whole text.
//! Without script, the search page lists everything (see [`page`]).

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown;
use crate::model::{Campaign, Notice, Page};
use crate::render::ctx::Ctx;
use crate::render::routes;
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
}

fn kinds(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::Vi => ("Văn bản", "Trang", "Chiến dịch"),
        Lang::En => ("Notice", "Page", "Campaign"),
    }
}

/// A searchable document, and how to make its indexed text.
enum Doc<'a> {
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

/// Every searchable document, in the order the search page lists them:
/// campaigns, notices (newest first, as the site orders them), pages, then
/// the contacts, apps and English pages.
fn docs<'a>(ctx: &Ctx<'a>) -> Vec<Doc<'a>> {
    let site = ctx.site;
    let notices = site
        .notices
        .iter()
        .map(|n| &**n)
        .filter(|n| ctx.drafts || !n.draft);
    let apps = (!site.config.apps.is_empty()).then_some(Doc::Apps);
    site.campaigns
        .iter()
        .map(Doc::Campaign)
        .chain(notices.map(Doc::Notice))
        .chain(site.pages.iter().map(Doc::Page))
        .chain([Doc::Contacts])
        .chain(apps)
        .chain([Doc::English])
        .collect()
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
fn text(ctx: &Ctx, doc: &Doc) -> String {
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
        Doc::Notice(n) => notice_text(n, &markdown::render(&n.body).html),
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

/// The search page. Without script it lists every campaign and page and
/// the newest notices (as many as a page of the notice list), then links
/// to that list: a site of thousands of notices keeps a light page.
pub fn page(ctx: &Ctx) -> SearchPage {
    let notices = ctx.visible_notices().count();
    let mut shown = 0;
    let items = docs(ctx)
        .iter()
        .filter(|doc| match doc {
            Doc::Notice(_) => {
                shown += 1;
                shown <= routes::NOTICES_PER_PAGE
            }
            _ => true,
        })
        .map(|doc| item(ctx, doc))
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

/// How many buckets the words are spread over: about one for four
/// documents, so a bucket stays a few kilobytes, and a fixed number for a
/// given count of documents (a rebuild that keeps the index knows its files).
fn bucket_count(docs: usize) -> usize {
    (docs / 4).next_power_of_two().clamp(8, 512)
}

/// The bucket of a word: FNV-1a of its first three letters (the whole word
/// when shorter), as tim-kiem.js computes it. The index's words are ASCII.
fn bucket_of(word: &str, buckets: usize) -> usize {
    let key = &word.as_bytes()[..word.len().min(3)];
    let mut hash: u32 = 0x811c_9dc5;
    for &b in key {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % buckets
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

/// The index's files (see the module's comment).
pub fn index(ctx: &Ctx) -> Vec<(String, Vec<u8>)> {
    index_with(ctx, &|_| None)
}

/// [`index`], taking a notice's text from `known` when it has it (made
/// while its page was rendered, see [`notice_text`]).
pub fn index_with(
    ctx: &Ctx,
    known: &(dyn Fn(&Notice) -> Option<String> + Sync),
) -> Vec<(String, Vec<u8>)> {
    let docs = docs(ctx);
    // In parallel: every notice's Markdown is rendered for its text.
    let texts: Vec<String> = docs
        .par_iter()
        .map(|doc| match doc {
            Doc::Notice(n) => known(n).unwrap_or_else(|| text(ctx, doc)),
            _ => text(ctx, doc),
        })
        .collect();
    let buckets = bucket_count(docs.len());
    // Word → (document << 1 | in title), documents in order.
    let mut postings: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (id, text) in texts.iter().enumerate() {
        let (title, body) = text.split_once('\n').unwrap_or((text, ""));
        let mut seen: HashMap<&str, bool> = HashMap::new();
        for word in title.split(' ').filter(|w| !w.is_empty()) {
            seen.insert(word, true);
        }
        for word in body.split(' ').filter(|w| !w.is_empty()) {
            seen.entry(word).or_insert(false);
        }
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        for (word, in_title) in seen {
            postings
                .entry(word)
                .or_default()
                .push(id << 1 | u32::from(in_title));
        }
    }
    let mut files: Vec<BTreeMap<&str, Vec<u32>>> = vec![BTreeMap::new(); buckets];
    for (word, list) in postings {
        let mut previous = 0;
        let gaps = list
            .into_iter()
            .map(|p| {
                let gap = ((p >> 1) - previous) << 1 | (p & 1);
                previous = p >> 1;
                gap
            })
            .collect();
        files[bucket_of(word, buckets)].insert(word, gaps);
    }
    let manifest = Manifest {
        docs: docs.len(),
        buckets,
        chunk: CHUNK,
    };
    let mut out = vec![(
        routes::SEARCH_INDEX.to_string(),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    )];
    for (b, words) in files.iter().enumerate() {
        out.push((
            format!("{BUCKET_DIR}{b}.json"),
            serde_json::to_vec(words).unwrap_or_default(),
        ));
    }
    let items: Vec<SearchItem> = docs.iter().map(|d| item(ctx, d)).collect();
    for (k, chunk) in items.chunks(CHUNK).enumerate() {
        let rows: Vec<[&str; 4]> = chunk
            .iter()
            .map(|i| {
                [
                    i.title.as_str(),
                    i.href.as_str(),
                    i.kind.as_str(),
                    i.date.as_deref().unwrap_or(""),
                ]
            })
            .collect();
        let mut json = serde_json::to_vec(&rows).unwrap_or_default();
        json.push(b'\n');
        out.push((format!("{CHUNK_DIR}{k}.json"), json));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_text("<h2 id=\"a\">Đường dây nóng</h2><p>Gọi &amp; hỏi &lt;ngay&gt;</p>"),
            " Đường dây nóng  Gọi & hỏi <ngay> "
        );
    }

    /// The text as the first version took it, a character at a time.
    fn html_text_reference(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    text.push(' ');
                }
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&")
    }

    #[test]
    fn html_text_takes_runs_as_it_took_characters() {
        for html in [
            "",
            "plain",
            "a > b <i>c</i> d",
            "<<b>x</b>>",
            "open <tag never closed",
            "<p>&amp;lt; &lt;&gt; &quot;&#39;&nbsp;&l<b>t;</b></p>",
            "<h2 id=\"đ\">Đường</h2>\n<ul><li>một</li></ul>",
        ] {
            assert_eq!(html_text(html), html_text_reference(html), "{html}");
        }
    }

    proptest::proptest! {
        #[test]
        fn html_text_of_any_markup(html in "[<>a&;lgtampqu#39nbs đ/\"]{0,40}") {
            proptest::prop_assert_eq!(html_text(&html), html_text_reference(&html));
        }
    }

    #[test]
    fn indexed_text_is_folded_and_whole() {
        let body = format!("<p>{}cuối</p>", "Đường ".repeat(1000));
        let text = indexed_text("Số 959/UBND-VHXH", &body);
        let (title, body) = text.split_once('\n').unwrap();
        assert_eq!(title, "so 959 ubnd vhxh");
        // All 1,000 words and the last one, 6,000 characters in.
        assert_eq!(body.matches("duong").count(), 1000);
        assert!(body.ends_with("duong cuoi"), "{body}");
    }

    #[test]
    fn buckets_hash_the_first_three_letters() {
        // FNV-1a of "duo" is 0xee311ca7 (worked out in Python); "duong"
        // shares its bucket, as the script
        // expects when it looks up a prefix.
        assert_eq!(bucket_of("duong", 64), bucket_of("duo", 64));
        assert_eq!(bucket_of("duo", 1 << 31), 0xee31_1ca7_usize % (1 << 31));
        assert_eq!(bucket_count(7), 8);
        assert_eq!(bucket_count(1010), 256);
        assert_eq!(bucket_count(100_000), 512);
    }
}
