//! The files that are not pages: made on every build (robots.txt,
//! `data.json`, the data package, QR codes, the theme's built-in files, the
//! static files to copy) and a campaign's own (its open data and share image).

use std::collections::HashSet;

use super::ctx::Ctx;
use super::input::{Part, Sink, Wanted};
use super::plan::Job;
use super::{assets, data_export, feed, qr, routes, share, sitemap};
use crate::diagnostic::{Diagnostic, Diagnostics, Text};
use crate::model::Campaign;
use crate::output::Files;

/// The files that are not pages and are made on every build: robots.txt,
/// the feed, the theme's built-in static files, and `data.json` and
/// `datapackage.json` when `wanted` (see [`Part::SiteData`]), in memory;
/// and the static files to copy (the theme folder's and the site's). The
/// QR codes go straight to `sink` (kept from the last build when the same). A static file never takes the path of a file loaxa makes: it is
/// left out with a warning.
pub(super) fn always_made(
    ctx: &Ctx,
    jobs: &[Job],
    theme_static: Files,
    statics: Vec<assets::StaticFile>,
    wanted: &Wanted,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> (Files, Vec<assets::StaticFile>) {
    let base_url = ctx.base_url;
    let mut files = Files::new();
    files.insert("robots.txt".into(), sitemap::robots(base_url).into_bytes());
    if wanted(Part::SiteData) {
        files.insert(routes::SITE_JSON.into(), data_export::site_json(ctx));
        files.insert(routes::DATAPACKAGE.into(), data_export::datapackage(ctx));
    }
    let codes = qr::put(&ctx.site.config.apps, sink);
    // A few static files against thousands of pages: look each one up.
    let routes: HashSet<&str> = jobs.iter().map(|j| j.path.as_str()).collect();
    let site = ctx.site;
    let campaign_file = |path: &str| {
        site.campaigns.iter().any(|c| {
            path == routes::campaign_csv(&c.id)
                || path == routes::campaign_xlsx(&c.id)
                || path == routes::campaign_json(&c.id)
                || path == routes::share_image(&c.id)
        })
    };
    let taken = |path: &str| {
        let page = routes.contains(path)
            || path
                .strip_suffix("index.html")
                .is_some_and(|route| routes.contains(route));
        let index = path.starts_with(routes::SEARCH) && path.ends_with(".json");
        match path {
            _ if page => Some(assets::Taker::Page),
            feed::PATH => Some(assets::Taker::Feed),
            routes::SITE_JSON => Some(assets::Taker::SiteData),
            routes::DATAPACKAGE => Some(assets::Taker::OtherFile),
            _ if files.contains_key(path)
                || codes.contains(path)
                || campaign_file(path)
                || index
                || path == sitemap::PATH
                || path == crate::output::MARKER =>
            {
                Some(assets::Taker::OtherFile)
            }
            _ => None,
        }
    };
    let copies = assets::drop_taken(statics, taken, diags);
    for (path, bytes) in theme_static {
        let replaced = copies.iter().any(|c| c.output == path);
        if !replaced && !files.contains_key(&path) && !codes.contains(&path) {
            files.insert(path, bytes);
        }
    }
    (files, copies)
}

pub(super) fn unreadable_static(file: &assets::StaticFile, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        file.shown.clone(),
        0,
        0,
        "unreadable-file",
        Text::new(
            format!("Không đọc được tệp: {err}"),
            format!("Cannot read the file: {err}"),
        ),
    )
}

/// A campaign's files that are not pages, into `sink`: its open data and
/// share image (none when drawing failed: the preview is only lost).
pub(super) fn campaign_files(ctx: &Ctx, campaign: &Campaign, sink: &dyn Sink) {
    for (path, bytes) in data_export::campaign_files(ctx, campaign) {
        sink.put(path, bytes);
    }
    share::put(ctx, campaign, sink);
}
