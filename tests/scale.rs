//! What only shows on a big site: a synthetic one from `loaxa-synth`, with
//! more notices and figures than the feed holds.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::*;
use loaxa::diagnostic::Diagnostics;
use loaxa::model;
use loaxa::pipeline;

fn synth_site(notices: usize, campaigns: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_loaxa-synth"))
        .args(["--notices", &notices.to_string()])
        .args(["--campaigns", &campaigns.to_string(), "--out"])
        .arg(dir.path())
        .status()
        .expect("run loaxa-synth");
    assert!(status.success());
    dir
}

/// Every notice and figure date, with the link the feed gives it.
fn dated_links(root: &Path) -> Vec<(NaiveDate, String)> {
    let mut diags = Diagnostics::default();
    let (_, site) = model::load(root, &mut diags);
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
                .map(move |f| (f.date, format!("chien-dich/{}/#chi-so-{}", c.id, i.id)))
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
            let href = child("link").attribute("href").expect("href");
            (updated[..10].parse().expect("date"), href.to_string())
        })
        .collect();
    assert_eq!(entries.len(), 100);
    assert!(entries.windows(2).all(|w| w[0].0 >= w[1].0), "newest first");
    // Everything newer than the oldest entry is in the feed.
    let oldest = entries.last().expect("entries").0;
    let linked: BTreeSet<&str> = entries.iter().map(|(_, l)| l.as_str()).collect();
    let newer: Vec<(NaiveDate, String)> = dated_links(dir.path())
        .into_iter()
        .filter(|(date, _)| *date > oldest)
        .collect();
    assert!(!newer.is_empty() && newer.len() <= 100);
    for (date, link) in &newer {
        assert!(linked.contains(link.as_str()), "{link} of {date} missing");
    }
}
