//! What only shows on a big site: a synthetic one from `loaxa-synth`, with
//! more notices and figures than the feed holds.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use common::*;
use loaxa::check;
use loaxa::diagnostic::Diagnostics;
use loaxa::pipeline;
use std::fs;

/// Every notice and figure date, with the link the feed gives it.
fn dated_links(root: &Path) -> Vec<(NaiveDate, String)> {
    let mut diags = Diagnostics::default();
    let (_, site) = check::load(root, &mut diags);
    let site = site.expect("a valid site");
    let notices = site
        .notices
        .iter()
        .filter(|n| !n.draft)
        .map(|n| (n.date, format!("van-ban/{}/", n.slug)));
    let figures = site.campaigns.iter().flat_map(|c| {
        c.indicators.iter().flat_map(move |i| {
            i.figures
                .iter()
                .map(move |f| (f.date, format!("chien-dich/{}/", c.id)))
        })
    });
    notices.chain(figures).collect()
}

#[test]
fn the_feed_holds_the_hundred_newest_notices_and_figures() {
    let dir = synth_site(400, 3);
    let outcome = pipeline::run(dir.path(), &options());
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let files = outcome.files.expect("built");
    let xml = String::from_utf8(files["atom.xml"].clone()).expect("utf-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed feed");
    let entries: Vec<(NaiveDate, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|entry| {
            let child = |name: &str| {
                entry
                    .children()
                    .find(|c| c.has_tag_name(name))
                    .expect("field")
            };
            let updated = child("updated").text().expect("date");
            // One entry per campaign and day: its link names the campaign's page.
            let href = child("link").attribute("href").expect("href");
            let page = href.split('#').next().unwrap_or(href);
            (updated[..10].parse().expect("date"), page.to_string())
        })
        .collect();
    assert_eq!(entries.len(), 100);
    assert!(entries.windows(2).all(|w| w[0].0 >= w[1].0), "newest first");
    // Everything newer than the oldest entry is in the feed.
    let oldest = entries.last().expect("entries").0;
    let linked: BTreeSet<&str> = entries.iter().map(|(_, l)| l.as_str()).collect();
    let newer: BTreeSet<(NaiveDate, String)> = dated_links(dir.path())
        .into_iter()
        .filter(|(date, _)| *date > oldest)
        .collect();
    assert!(!newer.is_empty() && newer.len() <= 100);
    for (date, link) in &newer {
        assert!(linked.contains(link.as_str()), "{link} of {date} missing");
    }
}

#[test]
fn the_notice_list_is_paged_and_every_notice_is_on_one_page() {
    // With a base URL, for the sitemap.
    let mut opts = options();
    opts.base_url = Some("https://locha.hatinh.gov.vn/cds/".into());
    let site = build_dir(synth_site(60, 1), &opts);
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let out = site.out();
    let page = |path: &str| fs::read_to_string(out.join(path)).expect(path);
    let listed = |html: &str| -> Vec<String> {
        html.split("<li class=\"notices__item\"><a href=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').expect("href end")].to_string())
            .collect()
    };
    let (first, second, third) = (
        page("van-ban/index.html"),
        page("van-ban/trang-2/index.html"),
        page("van-ban/trang-3/index.html"),
    );
    assert!(!out.join("van-ban/trang-4").exists());
    assert_eq!(listed(&first).len(), 25);
    assert_eq!(listed(&second).len(), 25);
    // Every published notice once, newest first, across the pages.
    let mut diags = Diagnostics::default();
    let (_, model) = check::load(site.dir.path(), &mut diags);
    let expected: Vec<String> = model
        .expect("site")
        .notices
        .iter()
        .filter(|n| !n.draft)
        .map(|n| format!("van-ban/{}/", n.slug))
        .collect();
    let all: Vec<String> = [&first, &second, &third]
        .iter()
        .flat_map(|html| listed(html))
        .map(|href| href.trim_start_matches("../").to_string())
        .collect();
    assert_eq!(all, expected);
    // The pager: where you are, the way back and on, each link a real page.
    assert_contains!(
        first,
        "Trang 1/3",
        "rel=\"next\"",
        "aria-current=\"page\">1<"
    );
    assert_lacks!(first, "rel=\"prev\"");
    assert_contains!(
        second,
        "<title>Văn bản – Trang 2/3",
        "rel=\"prev\"",
        "rel=\"next\""
    );
    assert_contains!(third, "aria-current=\"page\">3<");
    assert_lacks!(third, "rel=\"next\"");
    assert_contains!(
        second,
        "href=\"../../van-ban/\"",
        "href=\"../../van-ban/trang-3/\""
    );
    assert_contains!(page("sitemap.xml"), "van-ban/trang-3/");

    // Search lists the newest notices without script and links to the rest;
    // its index still holds every one.
    let search = page("tim-kiem/index.html");
    let section = &search[search.find("id=\"tat-ca\"").expect("the list")..];
    let section = &section[..section.find("</section>").expect("its end")];
    let listed_there = section.matches("<a href=\"../van-ban/").count();
    assert_eq!(
        listed_there,
        25 + 1,
        "25 notices and the link to all of them"
    );
    assert_contains!(search, "<a href=\"../van-ban/\">Xem tất cả 60 văn bản</a>");
    let indexed = search_index(&out)
        .into_iter()
        .filter(|d| d.url.starts_with("van-ban/"))
        .count();
    assert_eq!(indexed, expected.len());
}
