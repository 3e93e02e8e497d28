//! `sitemap.xml` and `robots.txt`.

/// A sitemap of every page. Sitemaps need absolute URLs, so without a
/// `base_url` the locations are relative to the site root and the file is
/// still well-formed (search engines ignore it until a base URL is set).
pub fn sitemap(base_url: Option<&str>, paths: &[&str]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut sorted = paths.to_vec();
    sorted.sort_unstable();
    for path in sorted {
        let loc = format!("{}{path}", base_url.unwrap_or(""));
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape_xml(&loc)));
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
