//! What the preview adds to HTML pages, and only in the preview: a few lines
//! of script that reload the page when the site is rebuilt, and, when the
//! newest save has errors, a panel at the top listing them.

use crate::diagnostic::Text;
use crate::vi::Lang;

/// Where the browser listens for rebuilds.
pub const EVENTS_PATH: &str = "/__loaxa/events";

/// The page with the script (and the panel) put just before `</body>`, or
/// at the end when there is none.
pub fn inject(html: &[u8], generation: u64, problems: Option<&str>, lang: Lang) -> Vec<u8> {
    let mut extra = problems.map_or_else(String::new, |p| overlay(p, lang, true));
    extra.push_str(&live_reload(generation));
    let at = find_body_end(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The 404 page is served at whatever path was asked for, so its relative
/// links (`style.css`) would resolve under that path; in the preview the
/// site is at the server's root, so `<base href="/">` puts them right.
pub fn with_root_base(html: &[u8]) -> Vec<u8> {
    let needle = b"<head>";
    let Some(at) = html
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
    else {
        return html.to_vec();
    };
    let at = at + needle.len();
    [&html[..at], b"<base href=\"/\">".as_slice(), &html[at..]].concat()
}

/// The last `</body`, in any case.
fn find_body_end(html: &[u8]) -> Option<usize> {
    let needle = b"</body";
    html.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// A page that is only the panel: the first build failed, so there is no
/// good version to show under it.
pub fn problems_page(generation: u64, problems: &str, lang: Lang) -> Vec<u8> {
    let title = Text::new("Dữ liệu có lỗi — loaxa", "The data has errors — loaxa");
    let html = format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head>\n<body style=\"margin:0\"></body></html>\n",
        code = lang_code(lang),
        title = title.get(lang),
    );
    let mut page = html.into_bytes();
    let at = find_body_end(&page).unwrap_or(page.len());
    let extra = overlay(problems, lang, false) + &live_reload(generation);
    page.splice(at..at, extra.into_bytes());
    page
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// Opens the event stream; reloads when the server says the site changed
/// since this page was made. The generation is in the page so a rebuild
/// that lands between loading the page and connecting is not missed.
fn live_reload(generation: u64) -> String {
    format!(
        "<script>/* loaxa serve: live reload (preview only, never in the built site) */\n\
         (function () {{\n\
         var shown = \"{generation}\";\n\
         var events = new EventSource(\"{EVENTS_PATH}\");\n\
         events.addEventListener(\"reload\", function (e) {{ if (e.data !== shown) {{ location.reload(); }} }});\n\
         }})();\n</script>\n"
    )
}

/// The panel: fixed at the top, above the page, in the site's language.
/// `over_last_good`: there is a good version under it (else nothing is).
fn overlay(problems: &str, lang: Lang, over_last_good: bool) -> String {
    let heading = if over_last_good {
        Text::new(
            "Dữ liệu có lỗi: trang bên dưới là bản đúng gần nhất. Sửa lỗi rồi lưu tệp, trang sẽ tự cập nhật.",
            "The data has errors: the page below is the last good version. Fix them and save; the page will update itself.",
        )
    } else {
        Text::new(
            "Chưa dựng được trang vì dữ liệu có lỗi. Sửa lỗi rồi lưu tệp, trang sẽ tự hiện ra.",
            "The site cannot be built yet: the data has errors. Fix them and save; the site will appear by itself.",
        )
    };
    let hide = Text::new("Ẩn", "Hide");
    format!(
        "<div id=\"loaxa-overlay\" role=\"alert\" lang=\"{code}\" style=\"position:fixed;top:0;left:0;right:0;\
         z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:1rem 1.25rem;\
         background:#fff4f4;color:#1b1b1b;border-bottom:4px solid #b00020;\
         box-shadow:0 4px 16px rgba(0,0,0,.25);font:16px/1.45 system-ui,sans-serif;text-align:left\">\
         <button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit;\
         padding:.25rem .75rem\">{hide}</button>\
         <p style=\"margin:0 0 .75rem;font-weight:700;color:#b00020\">{heading}</p>\
         <pre style=\"margin:0;white-space:pre-wrap;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;\
         color:#1b1b1b;background:transparent\">{report}</pre></div>\n",
        code = lang_code(lang),
        hide = hide.get(lang),
        heading = heading.get(lang),
        report = escape_html(problems),
    )
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goes_before_the_last_body_end() {
        let page = b"<html><body><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(page, 7, None, Lang::Vi)).unwrap();
        assert!(out.starts_with("<html><body><p>x</p><script>"));
        assert!(out.ends_with("</script>\n</BODY></html>"));
        assert!(out.contains("var shown = \"7\""));
        assert!(out.contains(EVENTS_PATH));
        assert!(!out.contains("loaxa-overlay"));
    }

    #[test]
    fn without_a_body_it_goes_at_the_end() {
        let out = String::from_utf8(inject(b"<p>x</p>", 1, None, Lang::En)).unwrap();
        assert!(out.starts_with("<p>x</p><script>"));
    }

    #[test]
    fn the_overlay_escapes_the_report() {
        let out = inject(b"<body></body>", 1, Some("a <b> & \"c\""), Lang::En);
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("a &lt;b&gt; &amp; &quot;c&quot;"));
        assert!(out.contains("id=\"loaxa-overlay\""));
        assert!(out.contains("The data has errors"));
    }

    #[test]
    fn the_404_page_gets_a_base() {
        let out = with_root_base(b"<html><HEAD><title>x</title>");
        assert_eq!(out, b"<html><HEAD><base href=\"/\"><title>x</title>");
        assert_eq!(with_root_base(b"<p>x</p>"), b"<p>x</p>");
    }

    #[test]
    fn the_problems_page_is_a_whole_page() {
        let out = String::from_utf8(problems_page(3, "x", Lang::Vi)).unwrap();
        assert!(out.starts_with("<!doctype html>"));
        assert!(out.contains("Chưa dựng được trang"));
        assert!(!out.contains("bản đúng gần nhất"));
        assert!(out.contains("loaxa-overlay"));
        assert!(out.contains("EventSource"));
    }
}
