//! Search in the browser, with no server: a small JSON index of every
//! notice, page and campaign, folded the Vietnamese way (`Đường dây nóng` →
//! `duong day nong`), which `tim-kiem.js` matches against the query folded
//! the same way. Without script, the search page lists everything.

use serde::Serialize;

use crate::markdown;
use crate::render::pages::Ctx;
use crate::render::routes;
use crate::render::views::{SearchItem, SearchPage};
use crate::vi::{Lang, fold_words, format_date};

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

/// Every searchable document, in the order the search page lists them:
/// campaigns, notices (newest first, as the site orders them), pages.
fn entries(ctx: &Ctx) -> Vec<(SearchItem, String)> {
    let (notice, page, campaign) = kinds(ctx.lang);
    let mut out = Vec::new();
    for c in &ctx.site.campaigns {
        let body = c.summary.as_deref().map(markdown::render_inline);
        out.push((
            SearchItem {
                title: c.title.clone(),
                href: routes::campaign(&c.id),
                kind: campaign.into(),
                date: None,
                date_iso: None,
            },
            indexed_text(&c.title, body.as_deref().unwrap_or_default()),
        ));
    }
    for n in ctx.visible_notices() {
        out.push((
            SearchItem {
                title: n.title.clone(),
                href: routes::notice(&n.slug),
                kind: n.kind.clone().unwrap_or_else(|| notice.into()),
                date: Some(format_date(ctx.lang, n.date)),
                date_iso: Some(n.date.to_string()),
            },
            indexed_text(
                &format!("{} {}", n.number.as_deref().unwrap_or(""), n.title),
                &markdown::render(&n.body).html,
            ),
        ));
    }
    for p in &ctx.site.pages {
        out.push((
            SearchItem {
                title: p.title.clone(),
                href: routes::page(&p.slug),
                kind: page.into(),
                date: None,
                date_iso: None,
            },
            indexed_text(&p.title, &markdown::render(&p.body).html),
        ));
    }
    out
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

pub fn page(ctx: &Ctx) -> SearchPage {
    SearchPage {
        items: entries(ctx).into_iter().map(|(item, _)| item).collect(),
        index: routes::SEARCH_INDEX.into(),
        script: routes::SEARCH_SCRIPT.into(),
    }
}

/// `tim-kiem/chi-muc.json`: one compact line per document.
pub fn index(ctx: &Ctx) -> Vec<u8> {
    let entries: Vec<Entry> = entries(ctx)
        .into_iter()
        .map(|(item, text)| Entry {
            title: item.title,
            url: item.href,
            kind: item.kind,
            date: item.date,
            text,
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
