//! Feeds, sitemap, open data and QR codes: parsed and decoded back, not
//! just looked for.

mod common;

use common::*;

#[test]
fn atom_feed_parses_and_lists_notices_and_figures() {
    let site = build_fixture("");
    let xml = site.page("atom.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed Atom");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 2, "one notice and one figure");
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| {
            e.children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap()
        })
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("959/UBND-VHXH")),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("4,44 %")), "{titles:?}");
}

#[test]
fn sitemap_lists_only_pages_that_exist() {
    let mut opts = options();
    opts.base_url = Some("https://example.gov.vn/cds/".into());
    let site = build_dir(copy_site(&repo_root()), &opts);
    let xml = site.page("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() >= 7, "{locs:?}");
    for loc in locs {
        let path = loc
            .strip_prefix("https://example.gov.vn/cds/")
            .expect("absolute under base_url");
        assert!(
            site.out().join(path).join("index.html").is_file(),
            "{loc} has no page"
        );
    }
    assert_contains!(
        site.page("robots.txt"),
        "Sitemap: https://example.gov.vn/cds/sitemap.xml"
    );
    assert_contains!(
        site.page("index.html"),
        "<link rel=\"canonical\" href=\"https://example.gov.vn/cds/\""
    );
}

#[test]
fn campaign_figures_are_published_as_csv_and_json_with_derived_values() {
    let site = build_fixture("");
    let csv = site.page("chien-dich/i-hatinh/so-lieu.csv");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("campaign,indicator,date,count,rate_percent")
    );
    assert_eq!(
        lines.next().unwrap(),
        "i-hatinh,adults,2026-05-29,1299,4.4447,27927,29226,4.59,false,45,69,Sở Khoa học và Công nghệ"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.page("data.json")).expect("valid JSON");
    let adults = &json["campaigns"][0]["indicators"][0];
    assert_eq!(adults["target_count"], 8768);
    assert_eq!(adults["derived"]["needed"], 7469.0);
    assert_eq!(adults["derived"]["count"], 1299);
    let per_campaign: serde_json::Value =
        serde_json::from_str(&site.page("chien-dich/i-hatinh/so-lieu.json")).unwrap();
    assert_eq!(per_campaign["id"], "i-hatinh");
}

#[test]
fn app_store_qr_codes_decode_back_to_the_links() {
    let site = build_fixture("");
    for (file, url) in [
        (
            "ung-dung/i-hatinh-ios-qr.svg",
            "https://apps.apple.com/vn/app/i-hatinh/id6759859323",
        ),
        (
            "ung-dung/i-hatinh-android-qr.svg",
            "https://play.google.com/store/apps/details?id=vn.gov.hatinh.app",
        ),
    ] {
        assert_eq!(decode_qr_svg(&site.page(file)), url, "{file}");
    }
}

/// Rasterises the QR SVG (one path of `M x y h w v h H x V y` squares) and
/// decodes it with an independent decoder.
fn decode_qr_svg(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let size: usize = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let d = doc
        .descendants()
        .find(|n| n.has_tag_name("path"))
        .and_then(|n| n.attribute("d"))
        .unwrap();
    let mut dark = vec![false; size * size];
    for square in d.split('M').filter(|s| !s.is_empty()) {
        let numbers: Vec<usize> = square
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, w, h) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        for yy in y..y + h {
            for xx in x..x + w {
                dark[yy * size + xx] = true;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[y * size + x] { 0 } else { 255 }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}
