//! Every page of the bundled site and the fixtures, checked the way the
//! outside world will: the W3C Nu HTML checker (zero errors) and axe-core in
//! Chromium at 360 px (zero violations, no horizontal scrolling, no request
//! leaving the site).
//!
//! Needs java, chromium and `npm install` in tests/browser/. Without them the
//! checks are skipped with a message — except in CI (`CI=true`), where
//! `.ci/run` installs them and a missing tool fails the test.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const SITES: &[&str] = &["", "truong-luu", "cam-xuyen", "hoang-thanh", "cho-don"];

fn checkers() -> Option<PathBuf> {
    let modules = repo_root().join("tests/browser/node_modules");
    let ready = modules.join("vnu-jar/build/dist/vnu.jar").is_file()
        && modules.join("playwright-core").is_dir()
        && Path::new("/usr/bin/chromium").exists()
        && Command::new("java").arg("-version").output().is_ok();
    if ready {
        return Some(modules);
    }
    assert!(
        std::env::var("CI").is_err(),
        "browser checkers missing in CI: .ci/run must install chromium, java and tests/browser/node_modules"
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
        .chain([long])
        .collect()
}

#[test]
fn every_page_passes_the_w3c_nu_html_checker() {
    let Some(modules) = checkers() else { return };
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
    for site in built_sites() {
        let (port, _server) = serve(site.out());
        let urls: Vec<String> = html_pages(&site.out())
            .iter()
            .map(|p| format!("http://127.0.0.1:{port}/{p}"))
            .collect();
        let output = Command::new("node")
            .arg(repo_root().join("tests/browser/check-pages.cjs"))
            .arg("360")
            .args(&urls)
            .env("NODE_PATH", &modules)
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
        for page in report.as_array().expect("array") {
            let url = page["url"].as_str().unwrap_or("");
            assert_eq!(
                page["violations"].as_array().map(Vec::len),
                Some(0),
                "{url}: {:#}",
                page["violations"]
            );
            assert!(
                page["overflow"].as_i64().unwrap_or(1) <= 0,
                "{url} scrolls sideways by {}px at 360px",
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
        }
    }
}

/// Runs tests/browser/check-features.cjs and returns its JSON report.
fn features(modules: &Path, args: &[String]) -> serde_json::Value {
    let output = Command::new("node")
        .arg(repo_root().join("tests/browser/check-features.cjs"))
        .args(args)
        .env("NODE_PATH", modules)
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
    let site = build_fixture("");
    let (port, _server) = serve(site.out());
    let root = format!("http://127.0.0.1:{port}/");
    let cases = [
        // No diacritics, đ included: "Đường dây nóng" is in the install guide.
        ("duong day nong", "huong-dan-cai-dat-i-hatinh/"),
        // With diacritics, from the letter's subject.
        ("đôn đốc", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        // Its number, written any way.
        ("959/ubnd", "van-ban/2026-06-02-959-ubnd-vhxh/"),
        ("DON DOC", "van-ban/2026-06-02-959-ubnd-vhxh/"),
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
    // Nothing found is said, not shown as an empty page.
    let none = features(
        &modules,
        &[
            "search".into(),
            format!("{root}tim-kiem/"),
            "xyzzy".into(),
            String::new(),
        ],
    );
    let status = none[0]["status"].as_str().unwrap_or("");
    assert!(status.starts_with("Không tìm thấy kết quả nào"), "{none:#}");
}

#[test]
fn every_poster_prints_on_one_a4_page() {
    let Some(modules) = checkers() else { return };
    for site in built_sites() {
        let (port, _server) = serve(site.out());
        let urls: Vec<String> = html_pages(&site.out())
            .into_iter()
            .filter(|p| p.ends_with("/ap-phich/"))
            .map(|p| format!("http://127.0.0.1:{port}/{p}"))
            .collect();
        assert!(!urls.is_empty(), "no poster in {}", site.out().display());
        let mut args = vec!["pdf".to_string()];
        args.extend(urls);
        for poster in features(&modules, &args).as_array().expect("array") {
            assert_eq!(poster["pages"], 1, "{poster}");
        }
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

/// A static file server on a free loopback port, for as long as the guard lives.
fn serve(root: PathBuf) -> (u16, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    let server = tiny_http::Server::from_listener(listener, None).expect("server");
    let handle = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request
                .url()
                .split(['?', '#'])
                .next()
                .unwrap_or("/")
                .trim_start_matches('/')
                .to_string();
            let mut file = root.join(percent_decode(&path));
            if file.is_dir() {
                file = file.join("index.html");
            }
            let response = match std::fs::read(&file) {
                Ok(bytes) => tiny_http::Response::from_data(bytes)
                    .with_header(content_type(&file))
                    .boxed(),
                Err(_) => tiny_http::Response::from_string("not found")
                    .with_status_code(404)
                    .boxed(),
            };
            let _ = request.respond(response);
        }
    });
    (port, handle)
}

fn content_type(file: &Path) -> tiny_http::Header {
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("xml") => "application/xml",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    tiny_http::Header::from_bytes("Content-Type", kind).unwrap()
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
