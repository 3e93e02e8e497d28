//! What every kind of page says, on the bundled site and the four fixture
//! sites, held to a reviewed snapshot: the `<main>` of each page (charts
//! replaced by their titles, so the words and figures are what is read),
//! and, per site, every output file's size and hash, so a change meant to
//! keep the output (a refactor, a speed-up) is shown to keep it byte for
//! byte. `cargo insta review` after a change meant to show.

mod common;

use std::collections::BTreeMap;

use common::*;

const SITES: [&str; 5] = ["", "cam-xuyen", "cho-don", "hoang-thanh", "truong-luu"];

fn site_name(site: &str) -> &str {
    if site.is_empty() { "loc-ha" } else { site }
}

/// The `<main>` of a page, each `<svg>` replaced by its `<title>`: one line
/// a tag, so a snapshot's diff shows what changed.
fn readable_main(page: &str) -> String {
    let start = page.find("<main").expect("a <main>");
    let end = page.find("</main>").expect("a </main>") + "</main>".len();
    let mut main = page[start..end].to_string();
    while let Some(open) = main.find("<svg") {
        let close = main[open..]
            .find("</svg>")
            .map_or(main.len(), |i| open + i + "</svg>".len());
        let svg = &main[open..close];
        let title = svg
            .find("<title")
            .and_then(|t| {
                let from = t + svg[t..].find('>')? + 1;
                let to = from + svg[from..].find("</title>")?;
                Some(svg[from..to].to_string())
            })
            .unwrap_or_default();
        main.replace_range(open..close, &format!("[chart: {title}]"));
    }
    main.replace("><", ">\n<")
}

/// One page of each kind a site has (every campaign and its poster and
/// widget; the newest notice; every free page).
fn page_kinds(built: &Built) -> Vec<String> {
    let files = built.outcome.files.as_ref().expect("built");
    let mut pages: Vec<String> = files
        .keys()
        .filter(|p| p.ends_with(".html"))
        .filter(|p| !p.starts_with("van-ban/") || p.as_str() == "van-ban/index.html")
        .cloned()
        .collect();
    // The newest notice, as the list shows it first.
    let list = built.main("van-ban/index.html");
    let newest = list.split("href=\"../van-ban/").nth(1).and_then(|rest| {
        let slug = &rest[..rest.find('"')?];
        Some(format!("van-ban/{slug}index.html"))
    });
    if let Some(notice) = newest.filter(|n| files.contains_key(n)) {
        pages.push(notice);
    }
    pages.sort();
    pages.dedup();
    pages
}

#[test]
fn the_main_of_every_kind_of_page() {
    for site in SITES {
        let built = build_fixture(site);
        assert!(
            !built.outcome.has_errors(),
            "{site}: {:?}",
            built.outcome.diagnostics
        );
        for page in page_kinds(&built) {
            let name = format!(
                "{}__{}",
                site_name(site),
                page.trim_end_matches("index.html")
                    .trim_end_matches('/')
                    .replace('/', "__")
            );
            let name = name.trim_end_matches("__").to_string();
            insta::assert_snapshot!(name, readable_main(&built.page(&page)));
        }
    }
}

/// FNV-1a, 64 bits: a stable hash (std's is not promised across releases).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn every_output_file_byte_for_byte() {
    for site in SITES {
        let built = build_fixture(site);
        let files: &BTreeMap<String, Vec<u8>> = built.outcome.files.as_ref().expect("built");
        let manifest: String = files
            .iter()
            .map(|(path, bytes)| format!("{path}  {}  {:016x}\n", bytes.len(), fnv(bytes)))
            .collect();
        insta::assert_snapshot!(format!("{}__files", site_name(site)), manifest);
    }
}
