//! `sitemap.xml` and `robots.txt`, and what a site without a `base_url`
//! loses.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Severity, Text};

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

/// `loaxa check`'s one warning for a site without a `base_url`: what the
/// commune loses, and how to set it.
pub fn missing_base_url() -> Diagnostic {
    Diagnostic {
        file: PathBuf::from("data/site.yaml"),
        line: 0,
        column: 0,
        severity: Severity::Warning,
        code: "no-base-url",
        message: Text::new(
            "Chưa ghi địa chỉ trang web (`base_url`): khi chia sẻ trang lên Zalo, Facebook sẽ \
             không hiện ảnh xem trước; trang không có sitemap.xml để Google tìm thấy \
             mọi trang, và không có liên kết gốc (canonical)",
            "No web address (`base_url`): pages shared on Zalo or Facebook show no preview \
             picture, the site has no sitemap.xml for search engines to find every page, and \
             no canonical links",
        ),
        hint: Some(Text::new(
            "khi đã biết địa chỉ trang, thêm một dòng vào data/site.yaml, ví dụ \
             `base_url: https://loc-ha.hatinh.gov.vn/cds/` (hoặc dựng bằng \
             `loaxa build --base-url https://…/`)",
            "once the address is known, add a line to data/site.yaml, e.g. \
             `base_url: https://loc-ha.hatinh.gov.vn/cds/` (or build with \
             `loaxa build --base-url https://…/`)",
        )),
    }
}
