//! The bundled example (Xã Lộc Hà, letter 959/UBND-VHXH) builds with its
//! real figures, formatted the Vietnamese way.

mod common;

use common::*;

#[test]
fn home_page_has_hotline_apps_campaign_and_notice() {
    let site = build_fixture("");
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let home = site.page("index.html");
    assert_contains!(
        home,
        "<html lang=\"vi\"",
        "href=\"tel:19009038\"",
        "19009038"
    );
    assert_contains!(home, "https://apps.apple.com/vn/app/i-hatinh/id6759859323");
    assert_contains!(
        home,
        "https://play.google.com/store/apps/details?id=vn.gov.hatinh.app"
    );
    let main = site.main("index.html");
    assert_contains!(
        main,
        "4,44 %",
        "1.299/29.226",
        "29/5/2026",
        "href=\"chien-dich/i-hatinh/\""
    );
    assert_contains!(main, "href=\"van-ban/2026-06-02-959-ubnd-vhxh/\"");
}

#[test]
fn campaign_page_derives_rate_target_and_rank() {
    let site = build_fixture("");
    let main = site.main("chien-dich/i-hatinh/index.html");
    // Computed, not copied: 1.299/29.226 = 4,44 %; 30 % of 29.226 = 8.768; still needed 7.469.
    assert_contains!(main, "4,44 %", "8.768", "7.469", "thứ 45/69", "31/12/2026");
    // The letter's own printed rate is shown as a note, not as the figure.
    assert_contains!(main, "4,59 %");
    // The chart is an accessible inline SVG and the table carries the same numbers.
    assert_contains!(main, "<svg", "role=\"img\"", "<table", "29/5/2026");
}

#[test]
fn stated_rate_disagreement_is_a_warning_naming_the_base() {
    let site = build_fixture("");
    let warning = site
        .outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "stated-percent-differs")
        .expect("a stated-percent warning");
    assert_eq!(
        warning.file,
        std::path::Path::new("data/campaigns/i-hatinh.yaml")
    );
    assert!(warning.line > 0);
    assert!(
        warning.hint.as_ref().unwrap().en.contains("28"),
        "{warning:?}"
    );
}

#[test]
fn notice_is_laid_out_as_the_official_letter() {
    let site = build_fixture("");
    let main = site.main("van-ban/2026-06-02-959-ubnd-vhxh/index.html");
    assert_contains!(
        main,
        "ỦY BAN NHÂN DÂN",
        "XÃ LỘC HÀ",
        "959/UBND-VHXH",
        "Lộc Hà, ngày 02 tháng 6 năm 2026"
    );
    assert_contains!(
        main,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Lê Văn Hân",
        "PHÓ CHỦ TỊCH",
        "Kính gửi"
    );
}

#[test]
fn every_internal_link_resolves_to_a_file() {
    let site = build_fixture("");
    let out = site.out();
    for entry in walkdir::WalkDir::new(&out).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap();
        for href in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            if href.starts_with("http")
                || href.starts_with("tel:")
                || href.starts_with("mailto:")
                || href.starts_with('#')
            {
                continue;
            }
            let target = href.split('#').next().unwrap();
            let resolved = path.parent().unwrap().join(target);
            let file = if target.ends_with('/') || target.is_empty() {
                resolved.join("index.html")
            } else {
                resolved
            };
            assert!(
                file.exists(),
                "{} links to {href}, which does not exist",
                path.display()
            );
        }
    }
}

fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .collect()
}
