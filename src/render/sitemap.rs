//! `sitemap.xml`, rendered by the theme's `sitemap.xml` template (a theme
//! may override it), and `robots.txt`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::render::theme::template_failure;

pub const PATH: &str = "sitemap.xml";
const TEMPLATE: &str = "sitemap.xml";

/// One page of the sitemap.
#[derive(Serialize)]
struct UrlView {
    loc: String,
    lastmod: Option<String>,
}

/// A sitemap of every page (path, date of its newest content when known).
/// Sitemaps need absolute URLs, so there is none without a `base_url`.
pub fn sitemap(
    tera: &tera::Tera,
    base_url: &str,
    pages: &[(&str, Option<NaiveDate>)],
) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut sorted = pages.to_vec();
    sorted.sort_unstable();
    let urls: Vec<UrlView> = sorted
        .into_iter()
        .map(|(path, lastmod)| UrlView {
            loc: format!("{base_url}{path}"),
            lastmod: lastmod.map(|d| d.to_string()),
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("urls", &urls);
    let mut xml = Vec::with_capacity(128 * (urls.len() + 1));
    tera.render_to(TEMPLATE, &context, &mut xml)
        .map(|()| xml)
        .map_err(|err| Box::new(template_failure(TEMPLATE, PATH, &err)))
}

pub fn robots(base_url: Option<&str>) -> String {
    match base_url {
        Some(base) => format!("User-agent: *\nAllow: /\nSitemap: {base}{PATH}\n"),
        None => "User-agent: *\nAllow: /\n".into(),
    }
}
