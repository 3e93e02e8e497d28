//! Every page of the bundled site and the fixtures, checked the way the
//! outside world will: the W3C Nu HTML checker (zero errors) and axe-core in
//! Chromium at 360 px (zero violations, no horizontal scrolling, no request
//! leaving the site).
//!
//! Needs java, chromium and `npm install` in tests/browser/. Without them the
//! checks are skipped with a message — except in CI (`CI=true`), where
//! `.ci/run` installs them and a missing tool fails the test.

mod common;
#[path = "browser/fonts.rs"]
mod fonts;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use fonts::{FontSetup, font_setups};

const SITES: &[&str] = &["", "truong-luu", "cam-xuyen", "hoang-thanh", "cho-don"];

/// The browser tests run side by side, except Lighthouse, which times pages
/// and would count the others' work against them: it runs alone.
static ALONE: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn side_by_side() -> std::sync::RwLockReadGuard<'static, ()> {
    ALONE
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn checkers() -> Option<PathBuf> {
    let modules = repo_root().join("tests/browser/node_modules");
    let ready = modules.join("vnu-jar/build/dist/vnu.jar").is_file()
        && modules.join("playwright-core").is_dir()
        && modules.join("lighthouse").is_dir()
        && Path::new("/usr/bin/chromium").exists()
        && Command::new("java").arg("-version").output().is_ok();
    if ready {
        return Some(modules);
    }
    assert!(
        std::env::var("CI").is_err(),
        "browser checkers missing in CI: .ci/run must install chromium, java and tests/browser/node_modules (vnu-jar, axe-core, playwright-core, lighthouse)"
    );
    eprintln!(
        "SKIPPED browser checks: install chromium, java and run `npm install` in tests/browser/"
    );
    None
}

fn built_sites() -> Vec<Built> {
    // And a synthetic site long enough for the notice list to have pages.
    let long = build_dir(synth_site(30, 1), &options());
    assert!(!long.outcome.has_errors(), "{:?}", long.outcome.diagnostics);
    // And the bundled site with its hotline written with spaces, as FORMAT
    // allows: it widened every page to 373-376 px.
    let dir = copy_site(&repo_root());
    let yaml = dir.path().join("data/site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    assert!(text.contains("number: \"19009038\""));
    let text = text.replace("number: \"19009038\"", "number: \"0912 345 678\"");
    std::fs::write(&yaml, text).expect("write site.yaml");
    let spaced = build_dir(dir, &options());
    assert!(
        !spaced.outcome.has_errors(),
        "{:?}",
        spaced.outcome.diagnostics
    );
    SITES
        .iter()
        .map(|name| {
            let mut opts = options();
            opts.drafts = true;
            let from = if name.is_empty() {
                repo_root()
            } else {
                fixture(name)
            };
            let site = build_dir(copy_site(&from), &opts);
            assert!(
                !site.outcome.has_errors(),
                "{name}: {:?}",
                site.outcome.diagnostics
            );
            site
        })
        .chain([long, spaced])
        .collect()
}

#[test]
fn every_page_passes_the_w3c_nu_html_checker() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    for site in built_sites() {
        let output = Command::new("java")
            .args(["-jar"])
            .arg(modules.join("vnu-jar/build/dist/vnu.jar"))
            .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
            .arg(site.out())
            .output()
            .expect("run vnu");
        let report = String::from_utf8_lossy(&output.stderr).to_string()
            + &String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && !report.contains(": error"),
            "Nu checker errors:\n{report}"
        );
    }
}

#[test]
fn every_page_passes_axe_at_phone_width_without_overflow_or_external_requests() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    let setups = font_setups();
    for site in built_sites() {
        let (port, _server) = serve(site.out());
        let urls: Vec<String> = html_pages(&site.out())
            .iter()
            .map(|p| format!("http://127.0.0.1:{port}/{p}"))
            .collect();
        // axe once; the layout (overflow) under every font setup.
        for (i, fonts) in setups.iter().enumerate() {
            let mut args = vec!["360".to_string()];
            if i > 0 {
                args.push("--no-axe".into());
            }
            args.extend(urls.iter().cloned());
            let output = Command::new("node")
                .arg(repo_root().join("tests/browser/check-pages.cjs"))
                .args(&args)
                .env("NODE_PATH", &modules)
                .envs(fonts.env())
                .current_dir(repo_root().join("tests/browser"))
                .output()
                .expect("run node");
            assert!(
                output.status.success(),
                "checker failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let report: serde_json::Value =
                serde_json::from_slice(&output.stdout).expect("JSON report");
            let setup = fonts.name;
            for page in report.as_array().expect("array") {
                let url = page["url"].as_str().unwrap_or("");
                assert_eq!(
                    page["violations"].as_array().map(Vec::len),
                    Some(0),
                    "{url} ({setup}): {:#}",
                    page["violations"]
                );
                assert!(
                    page["overflow"].as_i64().unwrap_or(1) <= 0,
                    "{url} scrolls sideways by {}px at 360px ({setup})",
                    page["overflow"]
                );
                assert_eq!(
                    page["external_requests"].as_array().map(Vec::len),
                    Some(0),
                    "{url}: {}",
                    page["external_requests"]
                );
                assert_eq!(
                    page["csp_violations"].as_array().map(Vec::len),
                    Some(0),
                    "{url}: {}",
                    page["csp_violations"]
                );
                assert_eq!(
                    page["failed_requests"].as_array().map(Vec::len),
                    Some(0),
                    "{url}: {}",
                    page["failed_requests"]
                );
            }
        }
    }
}

/// Runs tests/browser/check-features.cjs and returns its JSON report.
fn features(modules: &Path, args: &[String]) -> serde_json::Value {
    features_with(modules, args, None)
}

/// The same under a font setup.
fn features_with(modules: &Path, args: &[String], fonts: Option<&FontSetup>) -> serde_json::Value {
    let output = Command::new("node")
        .arg(repo_root().join("tests/browser/check-features.cjs"))
        .args(args)
        .env("NODE_PATH", modules)
        .envs(fonts.map(FontSetup::env).unwrap_or_default())
        .current_dir(repo_root().join("tests/browser"))
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "checker failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

#[test]
fn search_finds_vietnamese_with_or_without_diacritics_in_a_real_browser() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    let site = build_fixture("");
    let (port, _server) = serve(site.out());
    let root = format!("http://127.0.0.1:{port}/");
    let cases = [
        // No diacritics, đ included: "Đường dây nóng" is the contact page's
        // hotline (and in the install guide, see below).
        ("duong day nong", "lien-he/"),
        // With diacritics, from the letter's subject.
        ("đôn đốc", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        // Its number, written any way.
        ("959/ubnd", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        ("DON DOC", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        // Past the 2,000 characters the index used to keep: "định danh
        // điện tử VNeID" stands at character 2,092 of the letter.
        ("dinh danh", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        ("VNeID", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        // The hotline's number reaches the contact page.
        ("19009038", "lien-he/"),
    ];
    let mut args = vec!["search".to_string(), format!("{root}tim-kiem/")];
    for (query, page) in cases {
        args.push(query.into());
        args.push(format!("{root}{page}"));
    }
    let report = features(&modules, &args);
    for case in report.as_array().expect("array") {
        let hrefs: Vec<&str> = case["hrefs"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h.as_str())
            .collect();
        assert_eq!(
            hrefs.first().copied(),
            case["expected"].as_str(),
            "{case:#}"
        );
        assert_eq!(case["listHidden"], true, "{case:#}");
        assert_eq!(
            case["csp_violations"].as_array().map(Vec::len),
            Some(0),
            "{case:#}"
        );
    }
    // Nothing found is said, not shown as an empty page; what was typed is
    // said as typed (`$&` is not the text replaced).
    let none = features(
        &modules,
        &[
            "search".into(),
            format!("{root}tim-kiem/"),
            "xyzzy $& $1".into(),
            String::new(),
        ],
    );
    let status = none[0]["status"].as_str().unwrap_or("");
    assert!(
        status.starts_with("Không tìm thấy kết quả nào cho “xyzzy $& $1”."),
        "{none:#}"
    );
    // "đường dây nóng" also finds the install guide, which mentions it.
    let hotline = features(
        &modules,
        &[
            "search".into(),
            format!("{root}tim-kiem/"),
            "duong day nong".into(),
            String::new(),
        ],
    );
    let hrefs = hotline[0]["hrefs"].to_string();
    assert!(
        hrefs.contains(&format!("{root}huong-dan-cai-dat-i-hatinh/")),
        "{hotline:#}"
    );

    // Without script, `?q=` says why nothing was filtered and links to the
    // notice list.
    let plain = features(
        &modules,
        &["noscript".into(), format!("{root}tim-kiem/?q=dinh+danh")],
    );
    let text = plain[0]["text"].as_str().unwrap_or("");
    assert!(
        text.contains("Trình duyệt đang tắt JavaScript nên ô tìm kiếm không lọc được"),
        "{plain:#}"
    );
    assert!(
        plain[0]["links"]
            .to_string()
            .contains(&format!("{root}van-ban/")),
        "{plain:#}"
    );
}

#[test]
fn equal_results_come_in_the_sites_order_newest_notice_first() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    // The index numbers the notices last, oldest first; the script ranks
    // results of the same score as the site lists them: the campaign, the
    // notices newest first, then the pages. Every document below has
    // "i-HaTinh" in its title.
    let dir = copy_site(&repo_root());
    for (file, title, date) in [
        (
            "2026-05-20-mot.md",
            "Nhắc cài i-HaTinh lần một",
            "2026-05-20",
        ),
        (
            "2026-06-10-hai.md",
            "Nhắc cài i-HaTinh lần hai",
            "2026-06-10",
        ),
    ] {
        std::fs::write(
            dir.path().join("content/notices").join(file),
            format!("---\ntitle: {title}\ndate: {date}\n---\nNhắc lại.\n"),
        )
        .expect("a notice");
    }
    let site = build_dir(dir, &options());
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let (port, _server) = serve(site.out());
    let root = format!("http://127.0.0.1:{port}/");
    let report = features(
        &modules,
        &[
            "search".into(),
            format!("{root}tim-kiem/"),
            "hatinh".into(),
            String::new(),
        ],
    );
    let hrefs: Vec<String> = report[0]["hrefs"]
        .as_array()
        .expect("hrefs")
        .iter()
        .filter_map(|h| Some(h.as_str()?.strip_prefix(&root)?.to_string()))
        .collect();
    assert_eq!(
        hrefs.get(..5),
        Some(
            &[
                "chien-dich/i-hatinh/",
                "van-ban/2026-06-10-hai/",
                "van-ban/2026-06-02-959-ubnd-vhxh/",
                "van-ban/2026-05-20-mot/",
                "huong-dan-cai-dat-i-hatinh/",
            ]
            .map(String::from)[..]
        ),
        "{report:#}"
    );
}

#[test]
fn the_first_search_on_a_1000_notice_site_fetches_under_100_kb() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    let site = build_dir(synth_site(1000, 3), &options());
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let (port, _server) = serve(site.out());
    let root = format!("http://127.0.0.1:{port}/");
    // Words every synthetic notice has, asked through `?q=` on a page
    // just opened: its first query.
    let report = features(
        &modules,
        &[
            "search-url".into(),
            format!("{root}tim-kiem/"),
            "dinh danh dien tu".into(),
            String::new(),
        ],
    );
    let bytes = report[0]["bytes"].as_u64().expect("bytes");
    assert!(bytes > 0 && bytes < 100 * 1024, "{bytes} bytes: {report:#}");
    let found = report[0]["hrefs"].as_array().map_or(0, Vec::len);
    assert_eq!(found, 10, "ten results at a time: {report:#}");
    assert!(
        report[0]["status"]
            .as_str()
            .unwrap_or("")
            .starts_with("Có "),
        "{report:#}"
    );
}

/// The poster's content on paper at most: the page's 277 mm (A4 less the
/// 10 mm margins) less 15 mm of slack.
const POSTER_CONTENT_MM: f64 = 262.0;

#[test]
fn every_poster_prints_on_one_a4_page() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    let setups = font_setups();
    for site in built_sites() {
        let (port, _server) = serve(site.out());
        let urls: Vec<String> = html_pages(&site.out())
            .into_iter()
            .filter(|p| p.ends_with("/ap-phich/"))
            .map(|p| format!("http://127.0.0.1:{port}/{p}"))
            .collect();
        assert!(!urls.is_empty(), "no poster in {}", site.out().display());
        // Each setup with the site's fonts, and the narrowest setup without
        // them: a font that comes late is not used (font-display: optional).
        let runs = setups.iter().map(|fonts| ("pdf", fonts, "")).chain(
            setups
                .first()
                .map(|f| ("pdf-machine-fonts", f, ", no site font")),
        );
        for (mode, fonts, without) in runs {
            let mut args = vec![mode.to_string()];
            args.extend(urls.iter().cloned());
            let report = features_with(&modules, &args, Some(fonts));
            let name = format!("{}{without}", fonts.name);
            for poster in report.as_array().expect("array") {
                assert_eq!(poster["pages"], 1, "{poster} ({name})");
                assert!(
                    poster["wide_px"].as_i64().unwrap_or(1) <= 0,
                    "{poster}: wider than the sheet ({name})"
                );
                // Real slack: the content stops well before the page does, so
                // another font or a longer word does not push out the hotline.
                let sizes = |key: &str| -> Vec<f64> {
                    poster[key]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(|v| v.as_f64())
                        .collect()
                };
                // Read across a room: what each figure counts at 20 pt at
                // least, QR codes a phone's camera finds at 35 mm at least,
                // and "Chưa có số liệu" a sentence, not a figure.
                assert!(!sizes("label_pt").is_empty(), "{poster}");
                assert!(sizes("label_pt").iter().all(|&s| s >= 20.0), "{poster}");
                assert!(sizes("qr_mm").iter().all(|&s| s >= 35.0), "{poster}");
                let smallest_figure = sizes("number_pt").into_iter().fold(f64::MAX, f64::min);
                for none in sizes("no_figure_pt") {
                    assert!(none <= 24.0 && none < smallest_figure, "{poster}");
                }
                let natural = poster["natural_mm"].as_f64().expect("a poster");
                eprintln!("{} {natural:.1} mm ({name})", poster["url"]);
                assert!(
                    natural <= POSTER_CONTENT_MM,
                    "{poster}: {natural:.1} mm of content, over {POSTER_CONTENT_MM} mm ({name})"
                );
            }
        }
    }
}

/// The height of a cheap phone's first screen, in CSS px.
const FIRST_SCREEN: f64 = 640.0;

#[test]
fn at_360_by_640_the_figure_its_status_and_the_store_buttons_are_on_the_first_screen() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    let setups = font_setups();
    for site in built_sites() {
        let (port, _server) = serve(site.out());
        let pages: Vec<String> = html_pages(&site.out())
            .into_iter()
            .filter(|p| {
                p.is_empty()
                    || p == "ung-dung/"
                    || (p.starts_with("chien-dich/") && p.matches('/').count() == 2)
            })
            .collect();
        let mut args = vec!["layout".to_string()];
        args.extend(pages.iter().map(|p| format!("http://127.0.0.1:{port}/{p}")));
        let report = features_with(&modules, &args, setups.first());
        for page in report.as_array().expect("array") {
            let url = page["url"].as_str().unwrap_or("");
            let bottom = |what: &str| page[what]["bottom"].as_f64();
            assert!(page["overflow"].as_i64().unwrap_or(1) <= 0, "{page:#}");
            // One <h1>, said once.
            let h1 = page["h1"].as_array().expect("h1s");
            assert_eq!(h1.len(), 1, "{page:#}");
            assert!(
                !page["headings"].as_array().unwrap().contains(&h1[0]),
                "{page:#}"
            );
            if url.ends_with("/ung-dung/") {
                let store = bottom("store").expect("a store button");
                assert!(store <= FIRST_SCREEN, "{url}: store button ends at {store}");
                continue;
            }
            // Home and campaign pages: the figure (when there is one) and
            // the status.
            if let Some(figure) = bottom("figure") {
                assert!(figure <= FIRST_SCREEN, "{url}: figure ends at {figure}");
            }
            let status = bottom("status").expect("a status");
            assert!(status <= FIRST_SCREEN, "{url}: status ends at {status}");
        }
    }
}

#[test]
fn chart_text_is_readable_at_360_px_and_never_sits_on_a_line_or_a_label() {
    let Some(modules) = checkers() else { return };
    let _side_by_side = side_by_side();
    let setups = font_setups();
    let mut charts = 0;
    for site in built_sites() {
        let (port, _server) = serve(site.out());
        let mut args = vec!["charts".to_string()];
        args.extend(
            html_pages(&site.out())
                .into_iter()
                .filter(|p| p.starts_with("chien-dich/") && p.matches('/').count() == 2)
                .map(|p| format!("http://127.0.0.1:{port}/{p}")),
        );
        for chart in features_with(&modules, &args, setups.first())
            .as_array()
            .expect("array")
        {
            charts += 1;
            // 640-unit charts shown 324 px wide read at 7.6 px.
            let smallest = chart["smallest"].as_f64().expect("a size");
            assert!(smallest >= 12.0, "{chart:#}");
            assert_eq!(chart["clashes"], serde_json::json!([]), "{chart:#}");
        }
    }
    assert!(charts >= 10, "{charts} charts");
}

#[test]
fn lighthouse_scores_every_kind_of_page_95_or_more_in_all_four_categories() {
    let Some(modules) = checkers() else { return };
    let _alone = ALONE
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let site = build_fixture("");
    let (port, _server) = serve(site.out());
    let pages = [
        "",
        "chien-dich/i-hatinh/",
        "van-ban/2026-06-02-959-ubnd-vhxh/",
        "van-ban/",
        "tim-kiem/",
        "lien-he/",
        "ung-dung/",
        "chien-dich/i-hatinh/ap-phich/",
        "en/",
        // The portal widget: `noindex` by design, so exempt from SEO only.
        "chien-dich/i-hatinh/nhung/",
    ];
    // An empty page on the same server: what the machine alone costs.
    std::fs::write(
        site.out().join("trong.html"),
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>Trống</title>\
         <meta name=\"description\" content=\"Trang trống\"></head><body><p>Trống</p></body></html>",
    )
    .expect("write the empty page");
    let fonts = font_setups();
    let output = Command::new("node")
        .arg(modules.join("../check-lighthouse.mjs"))
        .args(pages.iter().map(|p| format!("http://127.0.0.1:{port}/{p}")))
        .env("BLANK_URL", format!("http://127.0.0.1:{port}/trong.html"))
        .env("CHROME_PATH", "/usr/bin/chromium")
        .envs(fonts.first().map(FontSetup::env).unwrap_or_default())
        .current_dir(repo_root().join("tests/browser"))
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "lighthouse failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let report = report.as_array().expect("an array");
    assert_eq!(report.len(), pages.len() + 1);
    let (empty, report) = report.split_last().expect("the empty page");
    for (page, path) in report.iter().zip(pages) {
        let url = page["url"].as_str().unwrap_or("");
        assert!(page["runtimeError"].is_null(), "{page:#}");
        for category in ["accessibility", "best-practices", "seo"] {
            if category == "seo" && url.ends_with("/nhung/") {
                continue;
            }
            let score = page["scores"][category].as_i64().unwrap_or(0);
            assert!(score >= 95, "{url}: {category} {score}: {:#}", page["lost"]);
        }
        let score = page["scores"]["performance"].as_i64().unwrap_or(0);
        if score >= 95 {
            continue;
        }
        // Blocking time is every long task on the main thread, and on this
        // 2-core VM Chromium's own tasks are long: an empty page has lost
        // 190–630 ms of it. So a page under 95 is judged on what it controls:
        // every other timed metric, its size, and the main-thread time of its
        // own scripts (compiling and running them, slowed 4× as Lighthouse does).
        let html = std::fs::read_to_string(site.out().join(path).join("index.html"))
            .expect("the page's file");
        let elements = html
            .as_bytes()
            .windows(2)
            .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
            .count();
        let script_ms: i64 = page["scripts"]
            .as_array()
            .expect("scripts")
            .iter()
            .map(|s| s["ms"].as_i64().unwrap_or(0))
            .sum();
        let (mut sum, mut weights) = (0.0, 0.0);
        for metric in page["metrics"].as_array().expect("metrics") {
            if metric["id"] != "total-blocking-time" {
                let weight = metric["weight"].as_f64().unwrap_or(0.0);
                sum += weight * metric["score"].as_f64().unwrap_or(0.0);
                weights += weight;
            }
        }
        let without_blocking = (sum / weights * 100.0).round();
        assert!(
            script_ms <= 100 && elements <= 800 && without_blocking >= 95.0,
            "{url}: performance {score} ({without_blocking} without blocking time; \
             {elements} elements; its scripts {script_ms} ms; an empty page here: {:#}): {:#}",
            empty["lost"]["performance"],
            page["lost"]
        );
        eprintln!(
            "{url}: performance {score}, {without_blocking} without blocking time \
             ({elements} elements, its scripts {script_ms} ms; an empty page here lost {:#})",
            empty["lost"]["performance"]
        );
    }
}

#[test]
fn a_notices_picture_loads_under_the_pages_content_security_policy() {
    let Some(modules) = checkers() else { return };
    let dir = copy_site(&fixture("cho-don"));
    // Below a long letter, so it loads only once scrolled to (lazily).
    let words = "Ủy ban nhân dân xã hướng dẫn người dân cài đặt ứng dụng.\n\n".repeat(40);
    let notice = format!(
        "---\ntitle: Hướng dẫn cài đặt\ndate: 2026-06-02\n---\n{words}![Sơ đồ các bước cài đặt](/files/so-do.png)\n"
    );
    std::fs::write(
        dir.path().join("content/notices/2026-06-02-huong-dan.md"),
        notice,
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("static/files")).unwrap();
    std::fs::write(dir.path().join("static/files/so-do.png"), png(1200, 800)).unwrap();
    let site = build_dir(dir, &options());
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let (port, _server) = serve(site.out());
    let url = format!("http://127.0.0.1:{port}/van-ban/2026-06-02-huong-dan/");
    let report = features(&modules, &["images".into(), url]);
    let page = &report[0];
    assert_eq!(
        page["csp_violations"].as_array().map(Vec::len),
        Some(0),
        "{page:#}"
    );
    let pictures = page["pictures"].as_array().expect("pictures");
    assert_eq!(pictures.len(), 1, "{page:#}");
    let picture = &pictures[0];
    assert_eq!(picture["src"], "../../files/so-do.png");
    assert_eq!(picture["alt"], "Sơ đồ các bước cài đặt");
    assert_eq!(picture["loading"], "lazy");
    assert_eq!(
        (
            picture["naturalWidth"].as_u64(),
            picture["naturalHeight"].as_u64()
        ),
        (Some(1200), Some(800)),
        "it loaded"
    );
    // A screenshot wider than the phone is shown at its width, in proportion.
    let (width, height) = (
        picture["width"].as_u64().unwrap(),
        picture["height"].as_u64().unwrap(),
    );
    assert!(width <= 360, "{picture}");
    assert_eq!(height, width * 2 / 3, "{picture}");
}

/// Every HTML file as a URL path (`index.html` → ``, `x/index.html` → `x/`).
fn html_pages(out: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            rel.strip_suffix("index.html")
                .map(str::to_string)
                .unwrap_or(rel)
        })
        .collect();
    pages.sort();
    pages
}

/// A static file server on a free loopback port, for as long as the guard
/// lives: a thread a connection, one request a connection. (tiny_http,
/// used before, now and then never answered one of several requests made
/// at once: the 1,000-notice search test hung one run in three.)
fn serve(root: PathBuf) -> (u16, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || respond(&root, stream));
        }
    });
    (port, handle)
}

fn respond(root: &Path, mut stream: std::net::TcpStream) {
    use std::io::{BufRead, BufReader, Write};
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers, up to the blank line; no request here has a body.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = request_line.split(' ').nth(1).unwrap_or("/");
    let path = target
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let mut file = root.join(percent_decode(path));
    if file.is_dir() {
        file = file.join("index.html");
    }
    let (status, kind, body) = match std::fs::read(&file) {
        Ok(bytes) => ("200 OK", content_type(&file), bytes),
        Err(_) => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("xml") => "application/xml",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        Some("ico") => "image/x-icon",
        Some("js") => "text/javascript; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The province roll-up page, as `build --sites` writes it: the W3C Nu
/// checker, and axe in Chromium at 360 px under its Content-Security-Policy
/// (no inline style for it to block, nothing loaded from elsewhere).
#[test]
fn the_rollup_page_passes_nu_and_axe_under_its_csp() {
    let Some(modules) = checkers() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for (folder, commune) in [("an", "Xã An"), ("binh", "Xã Bình")] {
        let root = dir.path().join("sites").join(folder);
        copy_dir(&fixture("truong-luu"), &root);
        let site = root.join("data/site.yaml");
        let text = std::fs::read_to_string(&site).expect("site.yaml");
        std::fs::write(
            &site,
            text.replacen("commune: Xã Trường Lưu", &format!("commune: {commune}"), 1),
        )
        .expect("write");
    }
    let out = dir.path().join("out");
    let run = loaxa(
        &[
            "build",
            "--sites",
            &dir.path().join("sites").to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "--today",
            TODAY,
        ],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let nu = Command::new("java")
        .args(["-jar"])
        .arg(modules.join("vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .arg(out.join("index.html"))
        .output()
        .expect("run vnu");
    let report =
        String::from_utf8_lossy(&nu.stderr).to_string() + &String::from_utf8_lossy(&nu.stdout);
    assert!(
        nu.status.success() && !report.contains(": error"),
        "{report}"
    );
    let (port, _server) = serve(out);
    let output = Command::new("node")
        .arg(repo_root().join("tests/browser/check-pages.cjs"))
        .arg("360")
        .arg(format!("http://127.0.0.1:{port}/index.html"))
        .env("NODE_PATH", &modules)
        .current_dir(repo_root().join("tests/browser"))
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let page = &report[0];
    for key in ["violations", "external_requests", "csp_violations"] {
        assert_eq!(
            page[key].as_array().map(Vec::len),
            Some(0),
            "{key}: {page:#}"
        );
    }
    assert!(page["overflow"].as_i64().unwrap_or(1) <= 0, "{page:#}");
}
