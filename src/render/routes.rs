//! The URL of every page, decided in one place, and the check that no two
//! pages would write the same URL.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::Site;

pub const NOTICES: &str = "van-ban/";
pub const APPS: &str = "ung-dung/";
pub const CONTACTS: &str = "lien-he/";
pub const CAMPAIGNS: &str = "chien-dich/";
/// Search over notices and pages, in the browser.
pub const SEARCH: &str = "tim-kiem/";
/// The search index the search page's script loads.
pub const SEARCH_INDEX: &str = "tim-kiem/chi-muc.json";
/// The search page's script (a theme static file).
pub const SEARCH_SCRIPT: &str = "tim-kiem.js";
/// The organisation's contacts in English.
pub const ENGLISH: &str = "en/";

pub fn campaign(id: &str) -> String {
    format!("{CAMPAIGNS}{id}/")
}

/// A campaign's figures as CSV (open data).
pub fn campaign_csv(id: &str) -> String {
    format!("{}so-lieu.csv", campaign(id))
}

/// A campaign's figures as JSON (open data).
pub fn campaign_json(id: &str) -> String {
    format!("{}so-lieu.json", campaign(id))
}

/// Every campaign's figures in one JSON file (the province roll-up reads it).
pub const SITE_JSON: &str = crate::opendata::SITE_JSON;

/// A campaign's figures as an Excel workbook, beside the CSV.
pub fn campaign_xlsx(id: &str) -> String {
    format!("{}so-lieu.xlsx", campaign(id))
}

/// The Frictionless Data Package describing every campaign's CSV.
pub const DATAPACKAGE: &str = crate::opendata::DATAPACKAGE;

/// A campaign's printable A4 poster.
pub fn poster(id: &str) -> String {
    format!("{}ap-phich/", campaign(id))
}

/// A campaign's compact widget, for an `<iframe>` on the commune portal.
pub fn embed(id: &str) -> String {
    format!("{}nhung/", campaign(id))
}

/// A campaign's 1200×630 PNG for link previews (Open Graph).
pub fn share_image(id: &str) -> String {
    format!("{}chia-se.png", campaign(id))
}

/// How many notices a page of the notice list shows: a phone on slow data
/// gets a short page, not every letter the commune ever signed.
pub const NOTICES_PER_PAGE: usize = 25;

/// Page `number` (from 1) of the notice list: `van-ban/`, `van-ban/trang-2/`…
pub fn notice_list(number: usize) -> String {
    if number <= 1 {
        NOTICES.to_string()
    } else {
        format!("{NOTICES}trang-{number}/")
    }
}

/// How many pages the notice list has for `notices` notices (one, even empty).
pub fn notice_list_pages(notices: usize) -> usize {
    notices.div_ceil(NOTICES_PER_PAGE).max(1)
}

pub fn notice(slug: &str) -> String {
    format!("{NOTICES}{slug}/")
}

pub fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// The output file of a page path: `van-ban/` → `van-ban/index.html`.
pub fn file_of(path: &str) -> String {
    format!("{path}index.html")
}

/// From a page path back to the site root: `chien-dich/x/` → `../../`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Pages the site always has; a content file may not take their URLs.
/// (`tim-kiem/` and `en/` are the search and English contact pages.)
const BUILT_IN: &[&str] = &["", NOTICES, APPS, CONTACTS, CAMPAIGNS, "tim-kiem/", "en/"];

/// Who wants a URL: one of the site's own pages, or a source file.
#[derive(Clone, Copy, PartialEq)]
enum Claim<'a> {
    BuiltIn,
    File(&'a Path),
}

impl Claim<'_> {
    fn describe(&self) -> Text {
        match self {
            Claim::BuiltIn => Text::new(
                "một trang có sẵn của trang web (trang chủ, văn bản, ứng dụng, liên hệ, tìm kiếm)",
                "a page every site has (home, notices, apps, contacts, search)",
            ),
            Claim::File(path) => Text::new(path.display().to_string(), path.display().to_string()),
        }
    }
}

/// Reports every URL claimed by more than one source file (a free page named
/// like a built-in page, two notices whose names fold to the same slug…).
pub fn check_collisions(site: &Site, include_drafts: bool, diags: &mut Diagnostics) {
    // Hashed, then sorted only where there is a clash: a 10,000-notice site
    // is checked on every rebuild of the preview.
    let mut claims: HashMap<String, Vec<Claim>> = HashMap::with_capacity(site.notices.len() + 64);
    let visible = site
        .notices
        .iter()
        .filter(|n| include_drafts || !n.draft)
        .count();
    let list_pages = (2..=notice_list_pages(visible)).map(notice_list);
    let built_in = BUILT_IN
        .iter()
        .map(|p| p.to_string())
        .chain(list_pages)
        .map(|p| (p, Claim::BuiltIn));
    let campaigns = site
        .campaigns
        .iter()
        .map(|c| (campaign(&c.id), Claim::File(&c.file)));
    let notices = site
        .notices
        .iter()
        .filter(|n| include_drafts || !n.draft)
        .map(|n| (notice(&n.slug), Claim::File(&n.file)));
    let pages = site
        .pages
        .iter()
        .map(|p| (page(&p.slug), Claim::File(&p.file)));
    for (url, who) in built_in.chain(campaigns).chain(notices).chain(pages) {
        claims.entry(url).or_default().push(who);
    }
    let mut clashes: Vec<(String, Vec<Claim>)> =
        claims.into_iter().filter(|(_, c)| c.len() > 1).collect();
    clashes.sort_by(|a, b| a.0.cmp(&b.0));
    for (url, claimants) in clashes {
        for claimant in &claimants {
            let Claim::File(file) = claimant else {
                continue;
            };
            let others: Vec<Text> = claimants
                .iter()
                .filter(|o| *o != claimant)
                .map(Claim::describe)
                .collect();
            let list =
                |pick: fn(&Text) -> &str| others.iter().map(pick).collect::<Vec<_>>().join(", ");
            diags.push(Diagnostic {
                file: file.to_path_buf(),
                line: 0,
                column: 0,
                severity: Severity::Error,
                code: "duplicate-url",
                message: Text::new(
                    format!("Trang này trùng địa chỉ /{url} với {}", list(|t| &t.vi)),
                    format!(
                        "This page would write the same URL /{url} as {}",
                        list(|t| &t.en)
                    ),
                ),
                hint: Some(Text::new(
                    "đổi tên tệp để mỗi trang có một địa chỉ riêng",
                    "rename the file so each page has its own URL",
                )),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_climb_back_to_the_site_root() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("van-ban/"), "../");
        assert_eq!(root_of(&campaign("i-hatinh")), "../../");
        assert_eq!(file_of(&notice("a")), "van-ban/a/index.html");
        assert_eq!(root_of(&poster("i-hatinh")), "../../../");
        assert_eq!(embed("x"), "chien-dich/x/nhung/");
    }
}
