//! What the preview adds to HTML pages, and only in the preview: a link to
//! the panel's styles in the head, the problems panel first in the body
//! (when the newest save has something to say), and the reload script at
//! the end. Only elements that load files: nothing inline, so the pages'
//! own Content-Security-Policy holds in the preview too.

use super::paths::{OVERLAY_CSS_PATH, RELOAD_JS_PATH};
use super::state::Snapshot;
use crate::diagnostic::Text;

/// The page with the styles, the panel and the script put in.
pub fn inject(html: &[u8], snapshot: &Snapshot) -> Vec<u8> {
    let style = format!("<link rel=\"stylesheet\" href=\"{OVERLAY_CSS_PATH}\">\n");
    let script = script_tag(snapshot);
    let panel = snapshot.overlay.as_deref().unwrap_or("");
    let head_end = find(html, b"</head", true).unwrap_or(0);
    let body_start = find(html, b"<body", false)
        .and_then(|at| {
            html[at..]
                .iter()
                .position(|&b| b == b'>')
                .map(|end| at + end + 1)
        })
        .unwrap_or(head_end)
        .max(head_end);
    let body_end = find(html, b"</body", true)
        .unwrap_or(html.len())
        .max(body_start);
    [
        &html[..head_end],
        style.as_bytes(),
        &html[head_end..body_start],
        panel.as_bytes(),
        &html[body_start..body_end],
        script.as_bytes(),
        &html[body_end..],
    ]
    .concat()
}

/// The reload client, told which build and report this page shows.
fn script_tag(snapshot: &Snapshot) -> String {
    format!(
        "<script src=\"{RELOAD_JS_PATH}\" data-build=\"{}\" data-report=\"{}\"></script>\n",
        snapshot.build, snapshot.report
    )
}

/// The 404 page is served at whatever path was asked for, so its relative
/// links (`style.css`) would resolve under that path; in the preview the
/// site is at the server's root, so `<base href="/">` puts them right.
pub fn with_root_base(html: &[u8]) -> Vec<u8> {
    let Some(at) = find(html, b"<head>", false) else {
        return html.to_vec();
    };
    let at = at + b"<head>".len();
    [&html[..at], b"<base href=\"/\">".as_slice(), &html[at..]].concat()
}

/// The first (or last) place `needle` is, in any case.
fn find(html: &[u8], needle: &[u8], last: bool) -> Option<usize> {
    let mut windows = html.windows(needle.len());
    let matches = |w: &[u8]| w.eq_ignore_ascii_case(needle);
    if last {
        windows.rposition(matches)
    } else {
        windows.position(matches)
    }
}

/// A page that is only the panel: the first build failed, so there is no
/// good version to show under it. It keeps the site's policy.
pub fn problems_page(snapshot: &Snapshot) -> Vec<u8> {
    let lang = snapshot.lang;
    let title = Text::new("Dữ liệu có lỗi — loaxa", "The data has errors — loaxa");
    let html = format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'\">\
         <title>{title}</title></head>\n<body>\n<main></main>\n</body></html>\n",
        code = lang.code(),
        title = title.get(lang),
    );
    inject(html.as_bytes(), snapshot)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn snapshot(panel: Option<&str>) -> Snapshot {
        Snapshot {
            build: 7,
            report: 3,
            overlay: panel.map(Arc::from),
            ..Snapshot::default()
        }
    }

    #[test]
    fn styles_in_the_head_panel_first_in_the_body_script_last() {
        let page = b"<html><head><title>x</title></HEAD><body class=\"a\"><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(page, &snapshot(Some("<section>P</section>")))).unwrap();
        assert_eq!(
            out,
            "<html><head><title>x</title><link rel=\"stylesheet\" href=\"/__loaxa/overlay.css\">\n\
             </HEAD><body class=\"a\"><section>P</section><p>x</p>\
             <script src=\"/__loaxa/reload.js\" data-build=\"7\" data-report=\"3\"></script>\n</BODY></html>"
        );
        assert!(!out.contains("<script>"), "nothing inline");
        assert!(!out.contains("style=\""), "nothing inline");
    }

    #[test]
    fn without_head_or_body_everything_still_goes_in_order() {
        let out = String::from_utf8(inject(b"<p>x</p>", &snapshot(None))).unwrap();
        assert!(out.starts_with("<link rel=\"stylesheet\""), "{out}");
        assert!(out.contains("<p>x</p><script src="), "{out}");
    }

    #[test]
    fn the_404_page_gets_a_base() {
        let out = with_root_base(b"<html><HEAD><title>x</title>");
        assert_eq!(out, b"<html><HEAD><base href=\"/\"><title>x</title>");
        assert_eq!(with_root_base(b"<p>x</p>"), b"<p>x</p>");
    }

    #[test]
    fn the_problems_page_is_a_whole_page_under_the_policy() {
        let out =
            String::from_utf8(problems_page(&snapshot(Some("<section>P</section>")))).unwrap();
        assert!(out.starts_with("<!doctype html>"));
        assert!(out.contains("Content-Security-Policy"));
        assert!(out.contains("<body><section>P</section>"));
        assert!(out.contains("/__loaxa/reload.js"));
    }
}
