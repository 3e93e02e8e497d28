//! `sitemap.xml` and `robots.txt`, and what a site without a `base_url`
//! loses.

use chrono::NaiveDate;

/// A sitemap of every page (path, date of its newest content when known).
/// Sitemaps need absolute URLs, so there is none without a `base_url`.
pub fn sitemap(base_url: &str, pages: &[(&str, Option<NaiveDate>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut sorted = pages.to_vec();
    sorted.sort_unstable();
    for (path, lastmod) in sorted {
        let loc = escape_xml(&format!("{base_url}{path}"));
        match lastmod {
            Some(date) => xml.push_str(&format!(
                "  <url><loc>{loc}</loc><lastmod>{date}</lastmod></url>\n"
            )),
            None => xml.push_str(&format!("  <url><loc>{loc}</loc></url>\n")),
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(base_url: Option<&str>) -> String {
    match base_url {
        Some(base) => format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".into(),
    }
}

pub fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
