//! What a build reads and publishes from the site folder: nothing through a
//! link that leads out of it, no hidden file or folder, no static file over
//! a file loaxa makes without a word, and an attachment that is a link
//! either published with its bytes or refused.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use common::*;
use loaxa::diagnostic::{Diagnostic, Severity};
use loaxa::pipeline::{self, Outcome};

/// A small real site (Chợ Đồn) in `place/site`.
fn site_in(place: &Path) -> std::path::PathBuf {
    let site = place.join("site");
    copy_dir(&fixture("cho-don"), &site);
    site
}

fn build(site: &Path) -> Outcome {
    pipeline::build(site, &site.join("public"), &options()).expect("build io")
}

fn with_code<'a>(outcome: &'a Outcome, code: &str) -> Vec<&'a Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect()
}

fn files_of(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    all.sort();
    all
}

/// A folder outside the site holding what must never be published.
fn secrets(place: &Path) -> std::path::PathBuf {
    let outside = place.join("home");
    fs::create_dir_all(outside.join(".ssh")).unwrap();
    fs::write(outside.join("env.txt"), "TOKEN=s3cr3t-t0k3n\n").unwrap();
    fs::write(outside.join(".ssh/id_rsa"), "PRIVATE KEY\n").unwrap();
    outside
}

#[test]
fn a_static_folder_that_is_a_link_out_of_the_site_is_refused() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    symlink(secrets(place.path()), site.join("static")).unwrap();
    let outcome = build(&site);
    let refused = with_code(&outcome, "link-outside-site");
    assert_eq!(refused.len(), 1, "{:?}", outcome.diagnostics);
    assert_eq!(refused[0].file, Path::new("static"));
    assert_eq!(refused[0].severity, Severity::Error);
    assert_contains!(refused[0].message.vi, "nằm ngoài thư mục của trang");
    assert!(!site.join("public").exists(), "nothing is built");
}

#[test]
fn a_theme_folder_that_is_a_link_out_of_the_site_is_refused() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let outside = secrets(place.path());
    fs::create_dir_all(outside.join("static")).unwrap();
    fs::write(outside.join("static/x.css"), "body{}").unwrap();
    fs::create_dir_all(site.join("themes")).unwrap();
    symlink(&outside, site.join("themes/default")).unwrap();
    let outcome = build(&site);
    let refused = with_code(&outcome, "link-outside-site");
    assert_eq!(refused.len(), 1, "{:?}", outcome.diagnostics);
    assert_eq!(refused[0].file, Path::new("themes/default"));
}

#[test]
fn a_source_file_that_leads_out_is_never_read_nor_shown() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let outside = secrets(place.path());
    // A "site.yaml" elsewhere whose line 1 is a secret: shown under an
    // error if it were read.
    fs::write(outside.join("site.yaml"), "TOKEN=s3cr3t-t0k3n: [\n").unwrap();
    fs::remove_file(site.join("data/site.yaml")).unwrap();
    symlink(outside.join("site.yaml"), site.join("data/site.yaml")).unwrap();
    for lang in ["vi", "en"] {
        let run = loaxa(
            &["check", "--root", site.to_str().unwrap(), "--lang", lang],
            &site,
        );
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{stderr}");
        assert_lacks!(stderr, "s3cr3t");
        assert_contains!(stderr, "data/site.yaml");
    }
    let outcome = pipeline::run(&site, &options());
    assert_eq!(with_code(&outcome, "link-outside-site").len(), 1);
    assert!(!outcome.sources.values().any(|text| text.contains("s3cr3t")));
}

#[cfg(target_os = "linux")]
#[test]
fn site_yaml_linked_to_the_environment_prints_no_variable() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    fs::remove_file(site.join("data/site.yaml")).unwrap();
    symlink("/proc/self/environ", site.join("data/site.yaml")).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_loaxa"))
        .args(["check", "--root", site.to_str().unwrap()])
        .env("LOAXA_TEST_TOKEN", "tok-9f8e7d")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_lacks!(stderr, "tok-9f8e7d", "LOAXA_TEST_TOKEN");
    assert_contains!(stderr, "/proc/");
}

#[test]
fn a_content_folder_that_leads_out_publishes_none_of_it() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let moved = place.path().join("elsewhere");
    fs::rename(site.join("content"), &moved).unwrap();
    symlink(&moved, site.join("content")).unwrap();
    let outcome = build(&site);
    let refused = with_code(&outcome, "link-outside-site");
    assert_eq!(refused.len(), 1, "{:?}", outcome.diagnostics);
    assert!(refused[0].file.starts_with("content/notices"));
    // A link that stays inside the site is the site's own.
    fs::remove_file(site.join("content")).unwrap();
    fs::rename(&moved, site.join("noi-dung")).unwrap();
    symlink(site.join("noi-dung"), site.join("content")).unwrap();
    let outcome = build(&site);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
}

#[test]
fn hidden_files_and_folders_are_never_published() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    for (path, text) in [
        ("static/files/ke-hoach.pdf", "pdf"),
        ("static/.env", "TOKEN=x"),
        ("static/.git/config", "[core]"),
        ("static/files/.cache/old.pdf", "old"),
        ("static/.well-known/x.txt", "x"),
        ("themes/default/static/.secret.css", "x"),
        ("themes/default/static/.hidden/a.css", "x"),
        ("themes/default/static/them.css", "body{}"),
    ] {
        let full = site.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    let outcome = build(&site);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let published = files_of(&site.join("public"));
    assert!(published.contains(&"files/ke-hoach.pdf".to_string()));
    assert!(published.contains(&"them.css".to_string()));
    let hidden: Vec<&String> = published
        .iter()
        .filter(|p| p.split('/').any(|part| part.starts_with('.')))
        .collect();
    assert_eq!(hidden, [".loaxa-output"], "only loaxa's own marker");
}

#[test]
fn links_inside_static_are_followed_inside_the_site_and_refused_out_of_it() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let outside = secrets(place.path());
    fs::create_dir_all(site.join("static/files")).unwrap();
    fs::create_dir_all(site.join("tai-lieu")).unwrap();
    fs::write(site.join("tai-lieu/ke-hoach.pdf"), "the plan").unwrap();
    symlink(
        site.join("tai-lieu/ke-hoach.pdf"),
        site.join("static/files/ke-hoach.pdf"),
    )
    .unwrap();
    symlink(site.join("tai-lieu"), site.join("static/tai-lieu")).unwrap();
    let outcome = build(&site);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let copy = site.join("public/files/ke-hoach.pdf");
    assert!(!fs::symlink_metadata(&copy).unwrap().is_symlink(), "a copy");
    assert_eq!(fs::read_to_string(&copy).unwrap(), "the plan");
    assert!(site.join("public/tai-lieu/ke-hoach.pdf").is_file());
    // Out of the site: refused, file by file and folder by folder.
    symlink(outside.join("env.txt"), site.join("static/env.txt")).unwrap();
    symlink(&outside, site.join("static/home")).unwrap();
    symlink(site.join("nowhere"), site.join("static/broken.pdf")).unwrap();
    let outcome = build(&site);
    let mut refused: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.file.display()))
        .collect();
    refused.sort();
    assert_eq!(
        refused,
        [
            "broken-link static/broken.pdf",
            "link-outside-site static/env.txt",
            "link-outside-site static/home",
        ]
    );
}

/// A notice of the site with one attachment at `url`.
fn notice_with_attachment(site: &Path, url: &str) {
    let text = format!(
        "---\ntitle: Kế hoạch triển khai\nkind: Kế hoạch\ndate: 2025-08-01\nattachments:\n  - {{ title: Kế hoạch (PDF), url: {url} }}\n---\nXem tệp đính kèm.\n"
    );
    fs::write(site.join("content/notices/2025-08-01-ke-hoach.md"), text).unwrap();
}

#[test]
fn a_linked_attachment_inside_the_site_is_published_with_its_bytes() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    fs::create_dir_all(site.join("static/files")).unwrap();
    fs::create_dir_all(site.join("van-ban-goc")).unwrap();
    fs::write(site.join("van-ban-goc/kh-08.pdf"), "%PDF plan").unwrap();
    symlink(
        site.join("van-ban-goc/kh-08.pdf"),
        site.join("static/files/kh-08.pdf"),
    )
    .unwrap();
    notice_with_attachment(&site, "files/kh-08.pdf");
    let outcome = build(&site);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let copy = site.join("public/files/kh-08.pdf");
    assert_eq!(fs::read_to_string(&copy).unwrap(), "%PDF plan");
    assert!(!fs::symlink_metadata(&copy).unwrap().is_symlink());
    let page =
        fs::read_to_string(site.join("public/van-ban/2025-08-01-ke-hoach/index.html")).unwrap();
    assert_contains!(page, "href=\"../../files/kh-08.pdf\"");
}

#[test]
fn a_linked_attachment_out_of_the_site_is_refused_at_its_notice() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let outside = secrets(place.path());
    fs::create_dir_all(site.join("static/files")).unwrap();
    symlink(outside.join("env.txt"), site.join("static/files/kh.pdf")).unwrap();
    notice_with_attachment(&site, "files/kh.pdf");
    let outcome = build(&site);
    let at_notice: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.file == Path::new("content/notices/2025-08-01-ke-hoach.md"))
        .collect();
    assert_eq!(at_notice.len(), 1, "{:?}", outcome.diagnostics);
    assert_eq!(at_notice[0].code, "link-outside-site");
    assert_contains!(
        at_notice[0].message.en,
        "The attachment `static/files/kh.pdf` is a link to"
    );
    assert!(!site.join("public").exists());
    // A hidden one is refused too: it would never be published.
    fs::remove_file(site.join("static/files/kh.pdf")).unwrap();
    fs::create_dir_all(site.join("static/.nhap")).unwrap();
    fs::write(site.join("static/.nhap/kh.pdf"), "draft").unwrap();
    notice_with_attachment(&site, ".nhap/kh.pdf");
    let outcome = build(&site);
    assert_eq!(with_code(&outcome, "hidden-attachment").len(), 1);
}

#[test]
fn every_notice_attaching_a_missing_file_is_told_at_its_own_file() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    notice_with_attachment(&site, "files/khong-co.pdf");
    let second = fs::read_to_string(site.join("content/notices/2025-08-01-ke-hoach.md")).unwrap();
    fs::write(
        site.join("content/notices/2025-08-02-ke-hoach-2.md"),
        second.replace("2025-08-01", "2025-08-02"),
    )
    .unwrap();
    let outcome = build(&site);
    let mut told: Vec<String> = with_code(&outcome, "missing-attachment")
        .iter()
        .map(|d| d.file.display().to_string())
        .collect();
    told.sort();
    assert_eq!(
        told,
        [
            "content/notices/2025-08-01-ke-hoach.md",
            "content/notices/2025-08-02-ke-hoach-2.md"
        ],
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn a_static_file_where_loaxa_makes_one_is_named_not_dropped() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    for (path, text) in [
        ("static/index.html", "<p>my home</p>"),
        ("static/data.json", "{}"),
        ("static/atom.xml", "<feed/>"),
        ("static/robots.txt", "User-agent: *"),
        ("static/van-ban/index.html", "<p>mine</p>"),
        ("static/files/ok.pdf", "pdf"),
    ] {
        let full = site.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    let outcome = build(&site);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let mut warned: Vec<String> = with_code(&outcome, "static-file-taken")
        .iter()
        .map(|d| d.file.display().to_string())
        .collect();
    warned.sort();
    assert_eq!(
        warned,
        [
            "static/atom.xml",
            "static/data.json",
            "static/index.html",
            "static/robots.txt",
            "static/van-ban/index.html",
        ]
    );
    let home = with_code(&outcome, "static-file-taken")
        .into_iter()
        .find(|d| d.file == Path::new("static/index.html"))
        .unwrap();
    assert_contains!(
        home.message.vi,
        "không được đăng",
        "một trang của trang web"
    );
    let feed = with_code(&outcome, "static-file-taken")
        .into_iter()
        .find(|d| d.file == Path::new("static/atom.xml"))
        .unwrap();
    assert_contains!(feed.message.en, "the site's Atom feed");
    let out = site.join("public");
    assert_lacks!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "my home"
    );
    assert_contains!(
        fs::read_to_string(out.join("atom.xml")).unwrap(),
        "<feed xmlns"
    );
    assert_eq!(fs::read_to_string(out.join("files/ok.pdf")).unwrap(), "pdf");
    // With --deny-warnings, CI stops on it.
    let run = loaxa(
        &[
            "build",
            "--root",
            site.to_str().unwrap(),
            "--today",
            TODAY,
            "--deny-warnings",
        ],
        &site,
    );
    assert_eq!(run.status.code(), Some(1));
    assert_contains!(String::from_utf8_lossy(&run.stderr), "static/index.html");
}

#[test]
fn escape_codes_from_a_yaml_string_never_reach_the_terminal() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let campaign = site.join("data/campaigns/ho-tro-15.yaml");
    // A key and a value with escape codes (YAML "\e" is ESC, "\a" is BEL):
    // set the terminal's title, clear the screen, turn the text red.
    let text = fs::read_to_string(&campaign).unwrap();
    let text = format!("\"\\e]0;pwned\\a\\e[2J\\e[31mtitel\": \"\\e[31mx\"\n{text}");
    fs::write(&campaign, text).unwrap();
    for format in ["human", "github", "json"] {
        let run = loaxa(
            &[
                "check",
                "--root",
                site.to_str().unwrap(),
                "--format",
                format,
            ],
            &site,
        );
        assert_eq!(run.status.code(), Some(1));
        let all = [run.stdout, run.stderr].concat();
        let shown = String::from_utf8_lossy(&all);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: {shown:?}"
        );
        assert_contains!(shown, "titel");
        if format != "json" {
            assert_contains!(shown, "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{1b}[31mtitel");
        }
    }
}

#[test]
fn an_email_that_would_add_recipients_to_the_mail_is_refused_with_the_fix() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let yaml = site.join("data/site.yaml");
    let base = fs::read_to_string(&yaml).unwrap();
    let with = |email: &str| {
        let contact = format!(
            "contacts:\n  - name: Lý Văn Chấn\n    role: Phó Chủ tịch\n    email: \"{email}\"\n"
        );
        fs::write(&yaml, format!("{base}{contact}")).unwrap();
        let line = base.lines().count() + 4;
        (pipeline::run(&site, &options()), line)
    };
    for (email, character) in [
        ("a@b.c?cc=evil@x.y", '?'),
        ("vhxh@xa.vn&bcc=x@y.z", '&'),
        ("vhxh@xa.vn%3Fcc=x@y.z", '%'),
    ] {
        let (outcome, line) = with(email);
        let refused = with_code(&outcome, "malformed-email");
        assert_eq!(refused.len(), 1, "{email}: {:?}", outcome.diagnostics);
        assert_eq!((refused[0].line, refused[0].column), (line, 12), "{email}");
        assert_contains!(
            refused[0].message.vi,
            &format!("có ký tự `{character}`"),
            "thêm người nhận"
        );
        assert_contains!(
            refused[0].hint.as_ref().unwrap().en,
            "write one address only"
        );
    }
    let (outcome, _) = with("vhxh.choddon@bacninh.gov.vn");
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let files = outcome.files.unwrap();
    let contacts = String::from_utf8_lossy(&files["lien-he/index.html"]);
    assert_contains!(contacts, "href=\"mailto:vhxh.choddon@bacninh.gov.vn\"");
}
