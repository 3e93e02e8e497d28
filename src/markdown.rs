//! Markdown bodies to safe HTML: CommonMark + tables + footnotes, headings
//! given ids and shifted under the page's `h1`, raw HTML and unsafe links
//! removed by an allow-list (ammonia).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::vi::slugify;

/// A rendered body and the links it contains (for link checking without
/// parsing the HTML again).
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    pub links: Vec<String>,
}

/// Renders a Markdown body. Headings start at `h2` (the page's title is the
/// `h1`) and get ids from their text.
pub fn render(markdown: &str) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let links = collect_links(&events);
    give_headings_ids(&mut events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html: sanitizer().clean(&alignment_as_class(html)).to_string(),
        links,
    }
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

/// Shifts headings so the highest is `h2`, and gives each a unique id.
fn give_headings_ids(events: &mut [Event]) {
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min();
    let Some(top) = top else { return };
    let shift = 2usize.saturating_sub(top);
    let mut used = HashSet::new();
    for i in 0..events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let text = heading_text(&events[i + 1..]);
            let id = unique_id(&text, &mut used);
            if let Event::Start(Tag::Heading {
                level, id: slot, ..
            }) = &mut events[i]
            {
                *level = shifted(*level, shift);
                *slot = Some(CowStr::from(id));
            }
        } else if let Event::End(TagEnd::Heading(level)) = &mut events[i] {
            *level = shifted(*level, shift);
        }
    }
}

fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

fn unique_id(text: &str, used: &mut HashSet<String>) -> String {
    let base = match slugify(text) {
        s if s.is_empty() => "muc".to_string(),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn shifted(level: HeadingLevel, by: usize) -> HeadingLevel {
    let n = (level as usize + by).min(6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

/// The allow-list: structure, tables, footnotes, heading ids; links only to
/// the web, mail, phones and inside the site. External links open safely.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("h2", ["id"])
            .add_tag_attributes("h3", ["id"])
            .add_tag_attributes("h4", ["id"])
            .add_tag_attributes("h5", ["id"])
            .add_tag_attributes("h6", ["id"])
            .add_tag_attributes("sup", ["class", "id"])
            .add_tag_attributes("div", ["class", "id"])
            .add_tag_attributes("li", ["id"])
            .add_generic_attributes(["lang"])
            .id_prefix(None)
            .rm_tags(["img"])
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
    fn raw_html_and_unsafe_links_are_removed() {
        let md = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[bấm](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) <a href=\"#\" onclick=\"x()\">d</a>\n\n<style>body{}</style>";
        let html = render(md).html;
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "javascript:",
            "data:",
            "vbscript:",
            "onclick",
            "<style",
            "<img",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
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
