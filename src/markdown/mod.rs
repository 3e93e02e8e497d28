//! Markdown bodies to safe HTML: CommonMark + tables + footnotes, headings
//! given ids and shifted under the page's `h1`, raw HTML shown as text,
//! pictures from the site's own files with their size, nesting capped;
//! then an allow-list (ammonia's, see `clean`) removes unsafe links and
//! anything else.
//!
//! Every step is linear in the length of the body (see `benches/markdown.rs`).
//! [`check_body`] finds what a body's author must hear about, at its line.

mod check;
mod clean;
mod events;
mod raw_html;

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser, Tag};

pub use check::{PictureRef, check_body};
pub use events::MAX_DEPTH;

/// A rendered body and the links it contains (for link checking without
/// parsing the HTML again).
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    pub links: Vec<String>,
}

/// A picture's size in pixels, read from its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// The pictures a build found in `static/`, by path under it.
pub type PictureSizes = BTreeMap<String, Size>;

/// What a page needs to show pictures: the way back to the site root from
/// the page (`../../`), and the pictures' sizes.
#[derive(Debug, Clone, Copy)]
pub struct Pictures<'a> {
    pub root: &'a str,
    pub sizes: &'a PictureSizes,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Renders a Markdown body, its pictures shown by their description (a
/// summary, the search index). See [`render_with`].
pub fn render(markdown: &str) -> Rendered {
    render_with(markdown, None)
}

/// Renders a Markdown body. Headings start at `h2` (the page's title is the
/// `h1`) and get ids from their text; pictures `pictures` knows are shown.
pub fn render_with(markdown: &str, pictures: Option<&Pictures>) -> Rendered {
    let (html, links) = written(markdown, pictures);
    Rendered {
        html: sanitized(&html),
        links,
    }
}

/// A body's events written as HTML, not yet through the allow-list, and
/// the links it holds.
fn written(markdown: &str, pictures: Option<&Pictures>) -> (String, Vec<String>) {
    let neutral = raw_html::neutralize(markdown);
    let mut events: Vec<Event> = Parser::new_ext(&neutral.text, options()).collect();
    events::html_as_text(&mut events);
    let links = collect_links(&events);
    let mut events =
        events::scrolling_tables(events::pictures(events::flatten_deep(events), pictures));
    events::give_headings_ids(&mut events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (alignment_as_class(html), links)
}

/// `html` through the allow-list: walked once when it is only what
/// Markdown writes (see `clean`), through ammonia otherwise.
fn sanitized(html: &str) -> String {
    clean::clean(html, &URL_SCHEMES).unwrap_or_else(|| sanitized_by_ammonia(html))
}

/// The schemes a link or picture may have (relative addresses are kept).
const URL_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// What [`sanitized`] gives for any HTML: through ammonia's parser.
fn sanitized_by_ammonia(html: &str) -> String {
    let mut out = Vec::with_capacity(html.len() + html.len() / 8);
    if sanitizer().clean(html).write_to(&mut out).is_err() {
        return String::new();
    }
    // html5ever writes UTF-8 only.
    crate::utf8::text_of(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Where a picture's `url` is in `static/`: `/files/a.png` and `files/a.png`
/// are `files/a.png`. Refused: another site, any scheme, a path that is not
/// plain or leaves `static/`, a hidden file.
pub fn picture_path(url: &str) -> Result<String, PictureProblem> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || url.starts_with("//") {
        return Err(PictureProblem::Elsewhere);
    }
    let scheme = url
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && !s.contains('/'));
    if scheme {
        return Err(PictureProblem::NotAFile);
    }
    let path = url.strip_prefix('/').unwrap_or(url);
    let plain = !path.is_empty()
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if !plain {
        return Err(PictureProblem::NotPlain);
    }
    if path.split('/').any(|part| part.starts_with('.')) {
        return Err(PictureProblem::Hidden);
    }
    Ok(path.to_string())
}

/// Why a picture's address cannot be one of the site's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureProblem {
    /// On another site: pages load nothing from elsewhere.
    Elsewhere,
    /// `data:`, `javascript:`, `file:`…
    NotAFile,
    /// Spaces, `%`, `?`, `..`: not a plain path under `static/`.
    NotPlain,
    /// A hidden file or folder, never published.
    Hidden,
}

/// pulldown-cmark aligns table columns with `style="text-align: …"`, which
/// the pages' Content-Security-Policy (`style-src 'self'`) blocks: a class
/// the stylesheet aligns instead.
fn alignment_as_class(html: String) -> String {
    if !html.contains("style=\"text-align: ") {
        return html;
    }
    ["left", "center", "right"].iter().fold(html, |html, side| {
        html.replace(
            &format!(" style=\"text-align: {side}\""),
            &format!(" class=\"align-{side}\""),
        )
    })
}

/// Inline Markdown (a campaign summary): no paragraphs, no headings.
pub fn render_inline(markdown: &str) -> String {
    let html = render(markdown).html;
    let trimmed = html.trim();
    let inner = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .filter(|s| !s.contains("<p>"))
        .unwrap_or(trimmed);
    inner.to_string()
}

fn collect_links(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// The allow-list: structure, tables, footnotes, heading ids; links only to
/// the web, mail, phones and inside the site. External links open safely.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(HashSet::from(URL_SCHEMES))
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("h2", ["id"])
            .add_tag_attributes("h3", ["id"])
            .add_tag_attributes("h4", ["id"])
            .add_tag_attributes("h5", ["id"])
            .add_tag_attributes("h6", ["id"])
            .add_tag_attributes("sup", ["class", "id"])
            .add_tag_attributes("div", ["class", "id", "tabindex", "role", "aria-label"])
            .add_tag_attributes("li", ["id"])
            .add_generic_attributes(["lang"])
            .id_prefix(None)
            .add_tag_attributes("img", ["loading"])
            .clean_content_tags(HashSet::from(["script", "style"]));
        b.add_tag_attribute_values("div", "class", ["footnote-definition"]);
        for cell in ["th", "td"] {
            b.add_tag_attribute_values(
                cell,
                "class",
                ["align-left", "align-center", "align-right"],
            );
        }
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_start_at_h2_with_ids() {
        let html = render("# Một\n\n## Hai\n\n# Một\n").html;
        assert!(html.contains(r#"<h2 id="mot">Một</h2>"#), "{html}");
        assert!(html.contains(r#"<h3 id="hai">Hai</h3>"#), "{html}");
        assert!(html.contains(r#"<h2 id="mot-2">Một</h2>"#), "{html}");
    }

    #[test]
    fn tables_and_footnotes_survive() {
        let html =
            render("| a | b |\n|--:|---|\n| 1 | 2 |\n\nChú thích[^1]\n\n[^1]: Nguồn.\n").html;
        assert!(
            html.contains("<table>") && html.contains("<td class=\"align-right\">1</td>"),
            "{html}"
        );
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn each_table_scrolls_in_its_own_named_region() {
        let html = render("| a |\n|---|\n| 1 |\n\nGiữa\n\n| b |\n|---|\n| 2 |\n").html;
        let region = |n: u8| {
            format!(
                "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng {n}\"><table>"
            )
        };
        assert!(html.contains(&region(1)), "{html}");
        assert!(html.contains(&region(2)), "{html}");
        assert_eq!(html.matches("</table>\n</div>").count(), 2, "{html}");
    }

    #[test]
    fn raw_html_is_text_and_unsafe_links_are_removed() {
        let md = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[bấm](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) <a href=\"#\" onclick=\"x()\">d</a>\n\n<style>body{}</style>";
        let html = render(md).html;
        for bad in [
            "<script",
            "<img",
            "<style",
            "<a href=\"#\"",
            "href=\"javascript:",
            "href=\"data:",
            "href=\"vbscript:",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        // Shown as what was written, never run.
        for shown in [
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(1)&gt;",
            "&lt;style&gt;body{}&lt;/style&gt;",
        ] {
            assert!(html.contains(shown), "{shown} in {html}");
        }
    }

    #[test]
    fn external_links_get_noopener_and_are_collected() {
        let r = render(
            "[i-HaTinh](https://apps.apple.com/vn/app/i-hatinh/id6759859323) và [gọi](tel:19009038)",
        );
        assert!(
            r.html.contains(r#"rel="noopener noreferrer""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"href="tel:19009038""#), "{}", r.html);
        assert_eq!(r.links.len(), 2);
    }

    #[test]
    fn inline_summary_has_no_paragraph() {
        assert_eq!(
            render_inline("Mỗi người dân **từ 18 tuổi**"),
            "Mỗi người dân <strong>từ 18 tuổi</strong>"
        );
    }
}
