//! The URL of every page, decided in one place (and who claims each, for
//! the check that no two pages write the same one).

use crate::check::collisions::Claim;
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

/// Every URL the site's pages claim, and who claims it: the built-in pages
/// and each campaign, notice and free page's source file (for
/// `check::collisions`).
pub fn claims(site: &Site, include_drafts: bool) -> Vec<(String, Claim<'_>)> {
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
    built_in
        .chain(campaigns)
        .chain(notices)
        .chain(pages)
        .collect()
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
