//! Search in the browser, with no server: a small JSON index of every
//! notice, page and campaign, folded the Vietnamese way (`Đường dây nóng` →
//! `duong day nong`), which `tim-kiem.js` matches against the query folded
//! the same way. Without script, the search page lists everything.

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown;
use crate::model::{Campaign, Notice, Page};
use crate::render::ctx::Ctx;
use crate::render::routes;
use crate::render::views::{SearchItem, SearchPage};
use crate::vi::{Lang, fold_words, format_date, format_int};

/// How much of a document's body goes into the index, in characters: the
/// beginning of a letter says what it is about, and the whole of 1,000
/// letters would be megabytes on a phone.
pub const BODY_CHARS: usize = 2000;

/// One document in `tim-kiem/chi-muc.json`.
#[derive(Debug, Serialize)]
struct Entry {
    title: String,
    /// Root-relative.
    url: String,
    kind: String,
    /// Formatted for the site's language ("2/6/2026"); absent on pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// Title and the start of the body, folded: lowercase ASCII words
    /// separated by single spaces.
    text: String,
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
}

/// Every searchable document, in the order the search page lists them:
/// campaigns, notices (newest first, as the site orders them), pages.
fn docs<'a>(ctx: &Ctx<'a>) -> Vec<Doc<'a>> {
    let site = ctx.site;
    let notices = site
        .notices
        .iter()
        .map(|n| &**n)
        .filter(|n| ctx.drafts || !n.draft);
    site.campaigns
        .iter()
        .map(Doc::Campaign)
        .chain(notices.map(Doc::Notice))
        .chain(site.pages.iter().map(Doc::Page))
        .collect()
}

/// How a document is listed on the search page.
fn item(ctx: &Ctx, doc: &Doc) -> SearchItem {
    let (notice, page, campaign) = kinds(ctx.lang);
    let (title, href, kind, date) = match doc {
        Doc::Campaign(c) => (
            &c.title,
            routes::campaign(&c.id),
            campaign.to_string(),
            None,
        ),
        Doc::Notice(n) => (
            &n.title,
            routes::notice(&n.slug),
            n.kind.clone().unwrap_or_else(|| notice.into()),
            Some(n.date),
        ),
        Doc::Page(p) => (&p.title, routes::page(&p.slug), page.to_string(), None),
    };
    SearchItem {
        title: title.clone(),
        href,
        kind,
        date: date.map(|d| format_date(ctx.lang, d)),
        date_iso: date.map(|d| d.to_string()),
    }
}

/// A document's indexed text. Renders its Markdown: only the index needs
/// this, so the search page does not pay for it.
fn text(doc: &Doc) -> String {
    match doc {
        Doc::Campaign(c) => {
            let body = c.summary.as_deref().map(markdown::render_inline);
            indexed_text(&c.title, body.as_deref().unwrap_or_default())
        }
        Doc::Notice(n) => notice_text(n, &markdown::render(&n.body).html),
        Doc::Page(p) => indexed_text(&p.title, &markdown::render(&p.body).html),
    }
}

/// A notice's indexed text from its body already rendered (by its page):
/// rendering every notice's Markdown a second time for the index was a
/// quarter of a 10,000-notice build.
pub fn notice_text(n: &Notice, body_html: &str) -> String {
    indexed_text(
        &format!("{} {}", n.number.as_deref().unwrap_or(""), n.title),
        body_html,
    )
}

/// The title and the first [`BODY_CHARS`] characters of the body's text, folded.
fn indexed_text(title: &str, body_html: &str) -> String {
    let body = html_text(body_html);
    let cut: String = body.chars().take(BODY_CHARS).collect();
    fold_words(&format!("{title} {cut}"))
}

/// The text of sanitized HTML: tags dropped (each as a space), the few
/// entities the sanitizer writes decoded.
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
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

/// `tim-kiem/chi-muc.json`: one compact line per document.
pub fn index(ctx: &Ctx) -> Vec<u8> {
    index_with(ctx, &|_| None)
}

/// [`index`], taking a notice's text from `known` when it has it (made
/// while its page was rendered, see [`notice_text`]).
pub fn index_with(ctx: &Ctx, known: &(dyn Fn(&Notice) -> Option<String> + Sync)) -> Vec<u8> {
    // In parallel: every notice's Markdown is rendered for its text.
    let entries: Vec<Entry> = docs(ctx)
        .par_iter()
        .map(|doc| {
            let item = item(ctx, doc);
            Entry {
                title: item.title,
                url: item.href,
                kind: item.kind,
                date: item.date,
                text: match doc {
                    Doc::Notice(n) => known(n).unwrap_or_else(|| text(doc)),
                    _ => text(doc),
                },
            }
        })
        .collect();
    let mut json = b"[\n".to_vec();
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            json.extend_from_slice(b",\n");
        }
        json.extend(serde_json::to_vec(entry).unwrap_or_default());
    }
    json.extend_from_slice(b"\n]\n");
    json
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

    #[test]
    fn indexed_text_is_folded_and_capped() {
        let body = format!("<p>{}</p>", "Đường ".repeat(1000));
        let text = indexed_text("Số 959/UBND-VHXH", &body);
        assert!(text.starts_with("so 959 ubnd vhxh duong duong"), "{text}");
        // A leading space, then 333 whole words in the first 2,000 characters.
        assert_eq!(text.matches("duong").count(), 333);
    }
}
