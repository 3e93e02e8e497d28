//! Hostile input: markup in every text field, scripts and unsafe links in
//! notice bodies, file names that try to leave the site, and files that are
//! huge, deep, explosive, badly encoded, empty, or saved on Windows. Each is
//! either built safely or refused with a located diagnostic; never a panic,
//! never a hang, never a write outside the output folder.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// The shared options with a base URL: each case is about its own mistake,
/// not the one warning every site without an address gets (`no-base-url`,
/// tested on its own).
fn options() -> loaxa::pipeline::Options {
    loaxa::pipeline::Options {
        base_url: Some("https://locha.hatinh.gov.vn/cds/".into()),
        ..common::options()
    }
}
use loaxa::diagnostic::{Diagnostic, Severity, render_human};
use loaxa::pipeline::{self, Outcome};
use loaxa::vi::Lang;

const SITE_PATH: &str = "data/site.yaml";
const CAMPAIGN_PATH: &str = "data/campaigns/i-hatinh.yaml";
const NOTICE_PATH: &str = "content/notices/2026-06-02-959-ubnd-vhxh.md";

const SITE: &str = "\
title: Chuyển đổi số xã Lộc Hà
commune: Xã Lộc Hà
province: Hà Tĩnh
hotline:
  number: \"19009038\"
  label: Đường dây nóng phản ánh hiện trường
apps:
  - id: i-hatinh
    name: i-HaTinh
    ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323
";

const CAMPAIGN: &str = "\
title: Cài đặt ứng dụng Công dân số i-HaTinh
app: i-hatinh
deadline: 2026-12-31
indicators:
  - id: adults
    label: Người dân từ 18 tuổi trở lên có tài khoản
    population: 29226
    target: { percent: 30 }
    figures:
      - date: 2026-05-29
        count: 1299
";

const NOTICE: &str = "\
---
title: Đôn đốc tiếp tục cài đặt i-HaTinh
date: 2026-06-02
campaigns: [i-hatinh]
---
Nội dung công văn.
";

/// The base site with `changes` (path → text) written over it.
fn site(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files: Vec<(&str, &str)> = vec![
        (SITE_PATH, SITE),
        (CAMPAIGN_PATH, CAMPAIGN),
        (NOTICE_PATH, NOTICE),
    ];
    files.retain(|(p, _)| !changes.iter().any(|(c, _)| c == p));
    files.extend_from_slice(changes);
    site_with(&files)
}

fn run(dir: &Path) -> Outcome {
    pipeline::run(dir, &options())
}

fn shown(outcome: &Outcome) -> String {
    render_human(&outcome.diagnostics, Lang::En, &outcome.sources, false)
}

fn errors(outcome: &Outcome) -> Vec<&Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The only error of the run, which must have `code`.
fn the_error<'a>(outcome: &'a Outcome, code: &str) -> &'a Diagnostic {
    let errors = errors(outcome);
    assert_eq!(errors.len(), 1, "{}", shown(outcome));
    assert_eq!(errors[0].code, code, "{}", shown(outcome));
    assert!(outcome.files.is_none());
    errors[0]
}

/// A diagnostic that a person can act on: located in a site file, with a
/// message in both languages and a hint.
fn assert_clear(d: &Diagnostic, file: &str) {
    assert_eq!(d.file, Path::new(file), "{d:?}");
    assert!(
        !d.message.vi.is_empty() && !d.message.en.is_empty(),
        "{d:?}"
    );
    assert!(d.hint.is_some(), "no hint: {d:?}");
}

// ---------------------------------------------------------------------------
// Markup in text fields and bodies

/// Markup a title might carry, pasted from a web page or typed on purpose.
const EVIL: &str =
    "<script>alert(1)</script>\"><img src=x onerror=alert(1)>' onmouseover='alert(1)";

/// `EVIL` as a YAML single-quoted scalar.
fn evil_yaml() -> String {
    format!("'{}'", EVIL.replace('\'', "''"))
}

/// A notice body with every kind of active content a letter pasted from a
/// web page or a word processor might bring.
const EVIL_BODY: &str = r#"Kính gửi các thôn.

<script>alert(1)</script>

<iframe src="https://evil.example/"></iframe>

<img src=x onerror=alert(1)>

<svg onload=alert(1)><circle r="5"/></svg>

<a href="javascript:alert(1)">bấm vào đây</a>

<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">Gửi</button></form>

<div style="background:url(javascript:alert(1))" onclick="alert(1)">khối</div>

<meta http-equiv="refresh" content="0;url=javascript:alert(1)">

<style>body { background: url(javascript:alert(1)) }</style>

<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">

[liên kết 1](javascript:alert(1)) [liên kết 2](JaVaScRiPt:alert(1))
[liên kết 3](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[liên kết 4](vbscript:msgbox(1)) [liên kết 5](java&#115;cript:alert(1))
[liên kết 6](&#106;avascript:alert(1)) [liên kết 7][xau]
<javascript:alert(1)>

[xau]: javascript:alert(1)

[Trang của tỉnh](https://hatinh.gov.vn/) vẫn được giữ.
"#;

/// The tags of an HTML (or SVG, XML) text, with their attributes (values
/// entity-decoded), as a browser would see them. Raw text inside `<script>`
/// and `<style>` is skipped, comments too.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = html[i..].find('<') {
        let start = i + rel;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = start + rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with("</") || rest.starts_with("<!") || rest.starts_with("<?") {
            i = start + rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let Some(first) = rest[1..].chars().next() else {
            break;
        };
        if !first.is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let mut j = start + 1;
        while j < bytes.len()
            && !bytes[j].is_ascii_whitespace()
            && bytes[j] != b'>'
            && bytes[j] != b'/'
        {
            j += 1;
        }
        let name = html[start + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                j += 1;
                break;
            }
            let a = j;
            while j < bytes.len()
                && !bytes[j].is_ascii_whitespace()
                && !matches!(bytes[j], b'=' | b'>' | b'/')
            {
                j += 1;
            }
            let attr = html[a..j].to_ascii_lowercase();
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let quote = bytes[j];
                    let v = j + 1;
                    j = v;
                    while j < bytes.len() && bytes[j] != quote {
                        j += 1;
                    }
                    value = decode_entities(&html[v..j.min(bytes.len())]);
                    j += 1;
                } else {
                    let v = j;
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    value = decode_entities(&html[v..j]);
                }
            }
            attrs.push((attr, value));
        }
        let end = j.min(bytes.len());
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = end
                + html[end..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .unwrap_or(html.len() - end);
        } else {
            i = end;
        }
        out.push((name, attrs));
    }
    out
}

/// Character references as a browser decodes them in an attribute.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|e| *e < 12);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A URL attribute value that would run code or load a document from itself.
fn is_active_url(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcdoc",
];

/// Fails if a page carries live script: a script element with `alert`,
/// an iframe/object/embed, an `on…` handler, a `javascript:`/`data:` URL,
/// a meta refresh, a style attribute with `url(`.
fn assert_no_live_markup(path: &str, html: &str) {
    assert!(!html.contains("<script>alert"), "{path}: a live script");
    for (name, attrs) in tags(html) {
        if is_theme_search(path, &name, &attrs) {
            continue;
        }
        assert!(
            !matches!(
                name.as_str(),
                "iframe" | "object" | "embed" | "frame" | "frameset" | "applet" | "base" | "form"
            ),
            "{path}: a live <{name}>"
        );
        if name == "script" {
            panic!("{path}: a <script> element");
        }
        for (attr, value) in &attrs {
            assert!(
                !attr.starts_with("on"),
                "{path}: <{name} {attr}=\"{value}\">"
            );
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                assert!(!is_active_url(value), "{path}: <{name} {attr}=\"{value}\">");
            }
            if attr == "style" {
                assert!(
                    !value.contains("url("),
                    "{path}: <{name} style=\"{value}\">"
                );
            }
            if name == "meta" && attr == "http-equiv" {
                assert!(
                    !value.eq_ignore_ascii_case("refresh"),
                    "{path}: a meta refresh"
                );
            }
        }
    }
}

/// The theme's own search page: its GET form and the site's one external
/// script, at fixed addresses no site file can change.
fn is_theme_search(path: &str, name: &str, attrs: &[(String, String)]) -> bool {
    let attr = |key: &str| {
        attrs
            .iter()
            .find(|(a, _)| a == key)
            .map(|(_, v)| v.as_str())
    };
    let path = path.replace('\\', "/");
    (path == "tim-kiem/index.html" || path.ends_with("/public/tim-kiem/index.html"))
        && match name {
            "script" => attr("src") == Some("../tim-kiem.js") && attrs.len() == 2,
            "form" => attr("action") == Some("./") && attr("method") == Some("get"),
            _ => false,
        }
}

fn is_markup(path: &str) -> bool {
    [".html", ".xml", ".svg", ".htm", ".xhtml"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// Every output file a browser parses as markup, checked.
fn assert_output_is_inert(built: &Built) -> usize {
    let files = built.outcome.files.as_ref().expect("built");
    let mut checked = 0;
    for (path, bytes) in files {
        // Markup matters where a browser parses it; JSON and CSV are data.
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        if !is_markup(path) {
            continue;
        }
        assert_no_live_markup(path, text);
        checked += 1;
    }
    // What was written is what was rendered.
    for entry in walkdir::WalkDir::new(built.out()).into_iter().flatten() {
        if entry.file_type().is_file() && is_markup(&entry.path().to_string_lossy()) {
            let text = fs::read(entry.path()).expect("read");
            if let Ok(text) = std::str::from_utf8(&text) {
                assert_no_live_markup(&entry.path().display().to_string(), text);
            }
        }
    }
    checked
}

#[test]
fn the_tag_scanner_catches_what_it_must() {
    // The checker must not be vacuous: live markup is caught…
    for live in [
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href='java&#x09;script:alert(1)'>x</a>",
        "<iframe src=\"https://x\"></iframe>",
        "<svg onload=alert(1)>",
        "<a href=\"data:text/html,x\">x</a>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_no_live_markup("t", live));
        assert!(caught.is_err(), "missed: {live}");
    }
    // …and escaped text is not.
    assert_no_live_markup(
        "t",
        "<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
}

#[test]
fn markup_in_every_text_field_is_escaped() {
    let e = evil_yaml();
    let site_yaml = format!(
        "title: {e}\ncommune: {e}\nprovince: {e}\nportal: {{ name: {e}, url: https://locha.hatinh.gov.vn/ }}\n\
hotline:\n  number: \"19009038\"\n  label: {e}\n\
contacts:\n  - {{ name: {e}, role: {e}, phone: \"0916222326\", email: a@b.vn }}\n\
apps:\n  - id: i-hatinh\n    name: {e}\n    summary: {e}\n    ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323\n"
    );
    let campaign = [
        format!("title: {e}"),
        format!("summary: {e}"),
        "app: i-hatinh".into(),
        "start: 2026-05-13".into(),
        "deadline: 2026-12-31".into(),
        "phases:".into(),
        format!("  - name: {e}"),
        "    start: 2026-05-13".into(),
        "    end: 2026-05-31".into(),
        "    targets: { adults: { percent: 10 } }".into(),
        "indicators:".into(),
        "  - id: adults".into(),
        format!("    label: {e}"),
        format!("    unit: {e}"),
        "    population: 29226".into(),
        "    target: { percent: 30 }".into(),
        "    figures:".into(),
        format!("      - {{ date: 2026-05-29, count: 1299, source: {e}, rank: {{ position: 45, of: 69 }} }}"),
        "      - { date: 2026-06-05, count: 1500 }".into(),
        "    breakdown:".into(),
        "      - date: 2026-06-05".into(),
        format!("        by: {e}"),
        "        rows:".into(),
        format!("          - {{ name: {e}, count: 120, population: 900 }}"),
    ]
    .join("\n");
    let notice = format!(
        "---\ntitle: {e}\nkind: {e}\nnumber: {e}\ndate: 2026-06-02\nplace: {e}\nissuer: {e}\n\
recipients: [{e}]\nsigner: {{ name: {e}, position: {e}, authority: {e}, on_behalf: {e} }}\n\
distribution: [{e}]\ncampaigns: [i-hatinh]\n\
attachments: [{{ title: {e}, url: https://hatinh.gov.vn/959.pdf }}]\n---\nNội dung.\n"
    );
    let page = format!("---\ntitle: {e}\norder: 1\n---\nHướng dẫn.\n");
    let dir = site(&[
        (SITE_PATH, &site_yaml),
        (CAMPAIGN_PATH, &campaign),
        (NOTICE_PATH, &notice),
        ("content/pages/huong-dan.md", &page),
    ]);
    let built = build_dir(dir, &options());
    assert!(!built.outcome.has_errors(), "{}", shown(&built.outcome));
    assert!(assert_output_is_inert(&built) >= 6);
    // The words are shown, as text.
    for page in [
        "index.html",
        "chien-dich/i-hatinh/index.html",
        "van-ban/2026-06-02-959-ubnd-vhxh/index.html",
        "huong-dan/index.html",
        "ung-dung/index.html",
        "lien-he/index.html",
    ] {
        let html = built.page(page);
        assert_contains!(
            html,
            "&lt;script&gt;alert(1)&lt;",
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_lacks!(html, "<img src=x");
    }
}

#[test]
fn active_content_in_a_notice_body_never_survives() {
    let notice = format!(
        "{}{EVIL_BODY}",
        NOTICE.trim_end_matches("Nội dung công văn.\n")
    );
    let page = format!("---\ntitle: Hướng dẫn\n---\n{EVIL_BODY}");
    let campaign = mutate(
        CAMPAIGN,
        "app: i-hatinh\n",
        "app: i-hatinh\nsummary: \"Xem <script>alert(1)</script> [đây](javascript:alert(1)) <img src=x onerror=alert(1)>\"\n",
    );
    let dir = site(&[
        (NOTICE_PATH, &notice),
        ("content/pages/huong-dan.md", &page),
        (CAMPAIGN_PATH, &campaign),
    ]);
    let built = build_dir(dir, &options());
    assert!(!built.outcome.has_errors(), "{}", shown(&built.outcome));
    assert_output_is_inert(&built);
    let body = built.main("van-ban/2026-06-02-959-ubnd-vhxh/index.html");
    // The letter's words and its safe link are kept.
    assert_contains!(
        body,
        "Kính gửi các thôn.",
        "liên kết 1",
        "href=\"https://hatinh.gov.vn/\""
    );
    assert_lacks!(
        body, "<iframe", "<img", "<svg", "<form", "<object", "<embed", "<style"
    );
    let page = built.main("huong-dan/index.html");
    assert_contains!(page, "liên kết 6");
    assert_lacks!(page, "<iframe", "<img", "<svg");
    // Raw HTML is shown as what was written, with a warning at its line.
    assert_contains!(body, "&lt;script&gt;alert(1)&lt;/script&gt;");
    let warned = built
        .outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "raw-html" && d.file == Path::new(NOTICE_PATH))
        .count();
    assert_eq!(warned, 10, "{}", shown(&built.outcome));
}

#[test]
fn a_picture_that_is_not_a_file_of_the_site_is_refused_at_its_line() {
    let body = "Kính gửi.\n\n![ảnh](javascript:alert(1)) ![ảnh 2](x \"onerror=alert(1)\")\n";
    let notice = format!("{}{body}", NOTICE.trim_end_matches("Nội dung công văn.\n"));
    let outcome = run(site(&[(NOTICE_PATH, &notice)]).path());
    let line = notice
        .lines()
        .position(|l| l.starts_with("![ảnh]"))
        .unwrap()
        + 1;
    let refused: Vec<(&str, usize, usize)> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.line, d.column))
        .collect();
    assert_eq!(
        refused,
        [("unsafe-picture", line, 1)],
        "{}",
        shown(&outcome)
    );
    // Without it, the second is `static/x`, which is not there.
    let notice = notice.replace("![ảnh](javascript:alert(1)) ", "");
    let outcome = run(site(&[(NOTICE_PATH, &notice)]).path());
    let refused: Vec<(&str, usize, usize)> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.line, d.column))
        .collect();
    assert_eq!(
        refused,
        [("missing-picture", line, 1)],
        "{}",
        shown(&outcome)
    );
}

// ---------------------------------------------------------------------------
// File names

/// Every file under `dir`, relative.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    files.sort();
    files
}

#[test]
fn notice_file_names_never_write_outside_the_output() {
    let outer = tempfile::tempdir().expect("temp dir");
    let root = outer.path().join("site");
    let names = [
        "..%2F..%2Fevil.md",
        "a..b.md",
        "Công văn số 1.md",
        "%2e%2e%2f%2e%2e%2fescape.md",
        "CON.md",
    ];
    let mut files = vec![
        (SITE_PATH.to_string(), SITE.to_string()),
        (CAMPAIGN_PATH.to_string(), CAMPAIGN.to_string()),
    ];
    for (i, name) in names.iter().enumerate() {
        let text = NOTICE.replace("2026-06-02", &format!("2026-06-{:02}", i + 1));
        files.push((format!("content/notices/{name}"), text));
    }
    for (path, text) in &files {
        let full = root.join(path);
        fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        fs::write(full, text).expect("write");
    }
    let sources_before = files_under(&root);
    let out = root.join("public");
    let outcome = pipeline::build(&root, &out, &options()).expect("build");
    assert!(!outcome.has_errors(), "{}", shown(&outcome));
    // Only the site folder beside it; the sources untouched.
    let beside: Vec<String> = fs::read_dir(outer.path())
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["site"]);
    // (Beside the output: its lock, and later the spare tree.)
    let after: Vec<PathBuf> = files_under(&root)
        .into_iter()
        .filter(|p| !p.starts_with("public") && !p.to_string_lossy().starts_with(".public.loaxa-"))
        .collect();
    assert_eq!(after, sources_before);
    // Each notice has a page under van-ban/, named by its folded slug; a
    // name starting with a dot is a hidden file, not read at all.
    let written = files_under(&out);
    assert!(
        !written.iter().any(|p| p.to_string_lossy().contains("evil")),
        "{written:?}"
    );
    for slug in ["a-b", "cong-van-so-1", "2e-2e-2f-2e-2e-2fescape", "con"] {
        let page = PathBuf::from(format!("van-ban/{slug}/index.html"));
        assert!(written.contains(&page), "no {page:?} in {written:?}");
    }
    for path in &written {
        assert!(
            path.components()
                .all(|c| matches!(c, std::path::Component::Normal(_))),
            "{path:?}"
        );
    }
}

#[test]
fn a_file_name_with_no_letters_is_refused() {
    let dir = site(&[("content/notices/---.md", NOTICE)]);
    let outcome = run(dir.path());
    let d = the_error(&outcome, "malformed-file-name");
    assert_clear(d, "content/notices/---.md");
}

#[test]
fn a_campaign_file_name_that_is_not_an_id_is_refused_with_the_fix() {
    let dir = site(&[("data/campaigns/Chiến dịch i-HaTinh.yaml", CAMPAIGN)]);
    let outcome = run(dir.path());
    let d = the_error(&outcome, "malformed-id");
    assert_clear(d, "data/campaigns/Chiến dịch i-HaTinh.yaml");
    assert!(
        d.hint
            .as_ref()
            .unwrap()
            .vi
            .contains("`chien-dich-i-hatinh.yaml`"),
        "{d:?}"
    );
}

// ---------------------------------------------------------------------------
// Hostile files

#[test]
fn a_50_mb_campaign_is_refused_without_reading_it() {
    let mut big = String::from(CAMPAIGN);
    let line = "# Dòng ghi chú lặp lại để làm tệp thật lớn, như một video lưu nhầm đuôi .yaml\n";
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(line);
    }
    let dir = site(&[("data/campaigns/lon.yaml", &big)]);
    let started = std::time::Instant::now();
    let outcome = run(dir.path());
    eprintln!("50 MB campaign refused in {:?}", started.elapsed());
    let d = the_error(&outcome, "file-too-large");
    assert_clear(d, "data/campaigns/lon.yaml");
    assert_eq!((d.line, d.column), (0, 0));
    assert!(d.message.vi.contains("MB"), "{d:?}");
}

fn yaml_error_in(outcome: &Outcome, file: &str) -> Diagnostic {
    let d = the_error(outcome, "yaml-syntax").clone();
    assert_clear(&d, file);
    assert!(d.line >= 1, "{d:?}");
    d
}

#[test]
fn deeply_nested_yaml_is_refused() {
    for (open, close) in [("[", "]"), ("{a: ", "}")] {
        let text = format!(
            "title: Lồng sâu\nindicators: {}1{}\n",
            open.repeat(10_000),
            close.repeat(10_000)
        );
        let dir = site(&[(CAMPAIGN_PATH, &text)]);
        let outcome = run(dir.path());
        let d = yaml_error_in(&outcome, CAMPAIGN_PATH);
        assert_eq!(d.line, 2, "{}", shown(&outcome));
        assert!(d.message.vi.contains("lồng nhau quá sâu"), "{d:?}");
    }
}

#[test]
fn deeply_nested_front_matter_is_refused() {
    let text = format!(
        "---\ntitle: x\ndate: 2026-06-02\nrecipients: {}x{}\n---\nBody\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let dir = site(&[(NOTICE_PATH, &text)]);
    let outcome = run(dir.path());
    let d = yaml_error_in(&outcome, NOTICE_PATH);
    assert_eq!(d.line, 4, "{}", shown(&outcome));
}

#[test]
fn deeply_nested_markdown_builds_without_a_crash() {
    let body = format!(
        "{}x\n\n{}y\n\n{}z{}\n\n{}w\n",
        "> ".repeat(5_000),
        "- ".repeat(5_000),
        "*".repeat(5_000),
        "*".repeat(5_000),
        "[".repeat(10_000),
    );
    let notice = format!("{}{body}", NOTICE.trim_end_matches("Nội dung công văn.\n"));
    let dir = site(&[(NOTICE_PATH, &notice)]);
    let built = build_dir(dir, &options());
    assert!(!built.outcome.has_errors(), "{}", shown(&built.outcome));
    assert_output_is_inert(&built);
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from(
        "title: Bom\nlols:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let p = i - 1;
        let refs = vec![format!("*a{p}"); 9].join(", ");
        text.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    text.push_str("indicators: [*a9]\n");
    let dir = site(&[(CAMPAIGN_PATH, &text)]);
    let started = std::time::Instant::now();
    let outcome = run(dir.path());
    eprintln!("alias bomb refused in {:?}", started.elapsed());
    let d = yaml_error_in(&outcome, CAMPAIGN_PATH);
    assert!(d.message.vi.contains("bí danh"), "{d:?}");
    assert!(d.message.en.contains("aliases"), "{d:?}");
}

#[test]
fn invalid_utf8_is_located_and_explained() {
    // "Chiến dịch" in TCVN3 (ABC), as old Vietnamese word processors save it.
    let mut bytes = b"title: Chi\xd5n d\xdfch\nindicators: []\n".to_vec();
    bytes.splice(
        0..0,
        b"# "
            .iter()
            .copied()
            .chain(b"ghi ch\xc3\xba\n".iter().copied()),
    );
    let dir = site(&[]);
    fs::write(dir.path().join(CAMPAIGN_PATH), &bytes).expect("write");
    let outcome = run(dir.path());
    let d = the_error(&outcome, "invalid-utf8");
    assert_clear(d, CAMPAIGN_PATH);
    // Line 2, after `title: Chi`: the 11th character.
    assert_eq!((d.line, d.column), (2, 11));
    assert!(d.message.vi.contains("TCVN3"), "{d:?}");
    assert!(d.hint.as_ref().unwrap().vi.contains("UTF-8"), "{d:?}");
}

#[test]
fn invalid_utf8_in_a_notice_is_refused() {
    let dir = site(&[]);
    fs::write(
        dir.path().join(NOTICE_PATH),
        b"---\ntitle: C\xf4ng v\xe3n\ndate: 2026-06-02\n---\nx\n",
    )
    .expect("write");
    let outcome = run(dir.path());
    let d = the_error(&outcome, "invalid-utf8");
    assert_eq!((d.line, d.column), (2, 9));
}

#[test]
fn empty_files_are_refused_clearly() {
    for (path, code) in [
        (CAMPAIGN_PATH, "empty-file"),
        (SITE_PATH, "empty-file"),
        (NOTICE_PATH, "missing-front-matter"),
        ("content/pages/trong.md", "missing-front-matter"),
    ] {
        for empty in ["", "\n\n", "# chỉ có ghi chú\n"] {
            let empty = if path.ends_with(".md") && empty.starts_with('#') {
                "   \n"
            } else {
                empty
            };
            let dir = site(&[(path, empty)]);
            let outcome = run(dir.path());
            let d = the_error(&outcome, code);
            assert_clear(d, path);
            assert_eq!((d.line, d.column), (1, 1), "{path}: {empty:?}");
        }
    }
}

#[test]
fn empty_front_matter_says_which_fields_are_missing() {
    let dir = site(&[(NOTICE_PATH, "---\n---\nNội dung.\n")]);
    let outcome = run(dir.path());
    let found: Vec<(&str, usize, usize)> = errors(&outcome)
        .iter()
        .map(|d| (d.code, d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [("missing-field", 2, 1), ("missing-field", 2, 1)],
        "{}",
        shown(&outcome)
    );
    let words: Vec<&str> = errors(&outcome)
        .iter()
        .map(|d| d.message.vi.as_str())
        .collect();
    assert!(words.iter().any(|w| w.contains("`title`")), "{words:?}");
    assert!(words.iter().any(|w| w.contains("`date`")), "{words:?}");
    assert!(outcome.files.is_none());
}

#[test]
fn a_bom_is_accepted_and_positions_stay_right() {
    let text = format!(
        "\u{feff}{}",
        mutate(SITE, "number: \"19009038\"", "number: \"1900-9038\"")
    );
    let dir = site(&[(SITE_PATH, &text)]);
    let outcome = run(dir.path());
    let d = the_error(&outcome, "malformed-phone");
    assert_eq!((d.line, d.column), (5, 11));
    // An error on the first line: the BOM takes no column.
    let text = format!(
        "\u{feff}titel: x\n{}",
        &SITE["title: Chuyển đổi số xã Lộc Hà\n".len()..]
    );
    let dir = site(&[(SITE_PATH, &text)]);
    let outcome = run(dir.path());
    let unknown = outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-field")
        .unwrap_or_else(|| panic!("{}", shown(&outcome)));
    assert_eq!((unknown.line, unknown.column), (1, 1));
    // A BOM before the front matter's `---` too.
    let dir = site(&[(NOTICE_PATH, &format!("\u{feff}{NOTICE}"))]);
    let outcome = run(dir.path());
    assert!(outcome.diagnostics.is_empty(), "{}", shown(&outcome));
}

#[test]
fn crlf_line_endings_are_accepted_and_positions_stay_right() {
    let campaign = mutate(CAMPAIGN, "count: 1299", "count: -1299").replace('\n', "\r\n");
    let notice = mutate(NOTICE, "date: 2026-06-02", "date: 2/6/2026").replace('\n', "\r\n");
    let dir = site(&[(CAMPAIGN_PATH, &campaign), (NOTICE_PATH, &notice)]);
    let outcome = run(dir.path());
    let found: Vec<(&str, usize, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.code, d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [("malformed-date", 3, 7), ("negative-count", 11, 16)],
        "{}",
        shown(&outcome)
    );
    let rendered = render_human(&outcome.diagnostics, Lang::Vi, &outcome.sources, false);
    assert!(!rendered.contains('\r'), "{rendered:?}");
    // The caret sits under the date on the line shown.
    let lines: Vec<&str> = rendered.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("3 | date: 2/6/2026"))
        .unwrap_or_else(|| panic!("{rendered}"));
    let value_at = lines[i].find("2/6/2026").expect("value");
    assert_eq!(lines[i + 1].find('^'), Some(value_at), "{rendered}");
    assert!(lines[i + 1].ends_with("^^^^^^^^"), "{rendered}");
    // A clean CRLF site builds.
    let dir = site(&[
        (SITE_PATH, &SITE.replace('\n', "\r\n")),
        (CAMPAIGN_PATH, &CAMPAIGN.replace('\n', "\r\n")),
        (NOTICE_PATH, &NOTICE.replace('\n', "\r\n")),
    ]);
    let built = build_dir(dir, &options());
    assert!(
        built.outcome.diagnostics.is_empty(),
        "{}",
        shown(&built.outcome)
    );
    assert_contains!(
        built.main("van-ban/2026-06-02-959-ubnd-vhxh/index.html"),
        "Nội dung công văn."
    );
}

/// A file with old Mac line ends (a lone carriage return) is read as lines,
/// as YAML says: its figure is published, and a mistake in it is reported at
/// its own line with that line shown.
#[test]
fn old_mac_line_endings_are_lines() {
    let dir = site(&[(CAMPAIGN_PATH, &CAMPAIGN.replace('\n', "\r"))]);
    let built = build_dir(dir, &options());
    assert!(!built.outcome.has_errors(), "{}", shown(&built.outcome));
    assert_contains!(built.main("chien-dich/i-hatinh/index.html"), "1.299/29.226");
    let text = mutate(CAMPAIGN, "count: 1299", "count: -1299").replace('\n', "\r");
    let dir = site(&[(CAMPAIGN_PATH, &text)]);
    let outcome = run(dir.path());
    let d = outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "negative-count")
        .unwrap_or_else(|| panic!("no negative-count: {}", shown(&outcome)));
    let expected = CAMPAIGN[..CAMPAIGN.find("count: 1299").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert_eq!(d.line, expected, "{}", shown(&outcome));
    let rendered = render_human(&outcome.diagnostics, Lang::Vi, &outcome.sources, false);
    assert!(rendered.contains("count: -1299"), "{rendered}");
}

#[test]
fn tabs_for_indentation_are_refused_at_the_tab() {
    let text = mutate(SITE, "  number: \"19009038\"", "\tnumber: \"19009038\"");
    let dir = site(&[(SITE_PATH, &text)]);
    let outcome = run(dir.path());
    let d = yaml_error_in(&outcome, SITE_PATH);
    let rendered = render_human(&outcome.diagnostics, Lang::Vi, &outcome.sources, false);
    assert_eq!(d.line, 5, "the tab is on line 5:\n{rendered}");
    assert!(d.message.vi.contains("phím Tab"), "{rendered}");
    assert!(d.hint.as_ref().unwrap().vi.contains("dấu cách"), "{d:?}");
}

#[test]
fn a_tab_after_a_colon_is_fine() {
    let text = mutate(SITE, "province: Hà Tĩnh", "province:\tHà Tĩnh");
    let dir = site(&[(SITE_PATH, &text)]);
    let outcome = run(dir.path());
    // Accepted, or refused at that line with a clear message.
    match errors(&outcome).as_slice() {
        [] => {}
        [d] => {
            assert_clear(d, SITE_PATH);
            assert_eq!(d.line, 3, "{}", shown(&outcome));
        }
        _ => panic!("{}", shown(&outcome)),
    }
}

/// A hostile or odd file: refused at `line:column` with `code`, and a
/// message (Vietnamese) saying `words`; `None` when it is accepted.
type Expect = Option<(&'static str, usize, usize, &'static str)>;

#[test]
fn odd_yaml_shapes_are_refused_in_plain_words() {
    let big = "title: x\nindicators: [{ id: a, label: b, population: 99999999999999999999999 }]\n";
    let cases: &[(&str, &str, Expect)] = &[
        (
            CAMPAIGN_PATH,
            "- title: x\n- indicators: []\n",
            Some((
                "expected-map",
                1,
                1,
                "Tệp chiến dịch phải là một nhóm trường",
            )),
        ),
        (
            CAMPAIGN_PATH,
            "just a sentence\n",
            Some(("expected-map", 1, 1, "không phải một đoạn chữ")),
        ),
        (
            CAMPAIGN_PATH,
            "title: a\n---\ntitle: b\n",
            Some(("yaml-syntax", 2, 1, "Dòng `---` ở giữa tệp")),
        ),
        (
            CAMPAIGN_PATH,
            "title: a\ntitle: b\nindicators: [{ id: a, label: b }]\n",
            Some(("yaml-syntax", 2, 1, "Trường `title` được viết hai lần")),
        ),
        (
            CAMPAIGN_PATH,
            "title: V/v: đôn đốc\nindicators: [{ id: a, label: b }]\n",
            Some(("yaml-syntax", 1, 11, "dấu `: `")),
        ),
        (
            CAMPAIGN_PATH,
            "title: \"chưa đóng\nindicators: [{ id: a, label: b }]\n",
            Some(("yaml-syntax", 1, 8, "ngoặc kép")),
        ),
        (
            CAMPAIGN_PATH,
            "title: x\nindicators: [{ id: a, label: b }\n",
            Some(("yaml-syntax", 2, 13, "chưa được đóng")),
        ),
        (
            CAMPAIGN_PATH,
            "title: x\nindicators:\n  - id: a\n   label: b\n",
            Some(("yaml-syntax", 4, 4, "Thụt lề")),
        ),
        (
            CAMPAIGN_PATH,
            "? [a, b]\n: c\ntitle: x\nindicators: [{ id: a, label: b }]\n",
            Some(("unknown-field", 1, 3, "không phải là một trường")),
        ),
        (
            CAMPAIGN_PATH,
            big,
            Some(("number-too-large", 2, 45, "quá lớn")),
        ),
        (
            CAMPAIGN_PATH,
            "title: x\nindicators: [{ id: a, label: b, population: .nan }]\n",
            Some(("yaml-syntax", 2, 45, "`.nan`")),
        ),
        (
            CAMPAIGN_PATH,
            "title: x\nindicators: [{ id: a, label: b, population: 100, figures: [{ date: 2026-01-01, count: .inf }] }]\n",
            Some(("yaml-syntax", 2, 87, "`.inf`")),
        ),
        (
            CAMPAIGN_PATH,
            "title: x\nindicators: [{ id: a, label: b, population: 100, figures: [{ date: 2026-01-01, percent: .nan }] }]\n",
            Some(("yaml-syntax", 2, 89, "`.nan`")),
        ),
        (
            CAMPAIGN_PATH,
            "title: x\nindicators: [{ id: a, label: b, figures: [{ date: 99999-01-01, count: 1 }] }]\n",
            Some(("malformed-date", 2, 51, "99999-01-01")),
        ),
        (
            CAMPAIGN_PATH,
            "title: !!binary aGVsbG8=\nindicators: [{ id: a, label: b }]\n",
            None,
        ),
        (
            CAMPAIGN_PATH,
            "title: \"\\u0000\\u001b[31m\"\nindicators: [{ id: a, label: b }]\n",
            None,
        ),
        (
            SITE_PATH,
            "title: x\ncommune: x\nprovince: x\nhotline: 19009038\n",
            Some((
                "expected-map",
                4,
                10,
                "Đường dây nóng (hotline) phải là một nhóm trường",
            )),
        ),
        (
            NOTICE_PATH,
            "---\ntitle: x\ndate: 2026-06-02\n",
            Some(("missing-front-matter", 1, 1, "chưa có dòng `---` đóng lại")),
        ),
        (
            NOTICE_PATH,
            "---\n- a\n---\n",
            Some(("expected-map", 2, 1, "Phần thông tin của văn bản phải là")),
        ),
        (
            NOTICE_PATH,
            "---\ntitle: [\n---\nx\n",
            Some(("yaml-syntax", 2, 8, "chưa được đóng")),
        ),
    ];
    for (path, text, expect) in cases {
        let dir = site(&[(path, text)]);
        let outcome = run(dir.path());
        let rendered = render_human(&outcome.diagnostics, Lang::Vi, &outcome.sources, false);
        assert!(
            !rendered.contains('\u{1b}'),
            "a raw escape reached the terminal: {rendered:?}"
        );
        let errors = errors(&outcome);
        let Some((code, line, column, words)) = expect else {
            assert!(errors.is_empty(), "{text:?}:\n{rendered}");
            continue;
        };
        let d = errors
            .iter()
            .find(|d| d.file == Path::new(path))
            .unwrap_or_else(|| panic!("{text:?}: nothing pinned to {path}:\n{rendered}"));
        assert_eq!(d.code, *code, "{text:?}:\n{rendered}");
        assert_eq!(d.line, *line, "{text:?}:\n{rendered}");
        if *column > 0 {
            assert_eq!(d.column, *column, "{text:?}:\n{rendered}");
        }
        assert!(d.message.vi.contains(words), "{text:?}:\n{rendered}");
        assert!(d.hint.is_some(), "{text:?}:\n{rendered}");
        assert!(outcome.files.is_none());
    }
}

/// A population of 0 would make every rate a division by zero: refused
/// (before, it published "Đã đạt chỉ tiêu … 0/0 … 100 %").
#[test]
fn a_zero_population_is_refused() {
    let text = mutate(CAMPAIGN, "population: 29226", "population: 0");
    let text = mutate(&text, "count: 1299", "count: 0");
    let dir = site(&[(CAMPAIGN_PATH, &text)]);
    let built = build_dir(dir, &options());
    assert!(built.outcome.files.is_none());
    assert!(
        built
            .outcome
            .diagnostics
            .iter()
            .any(|d| d.code == "population-zero"),
        "{}",
        shown(&built.outcome)
    );
}

#[test]
fn the_binary_never_panics_on_hostile_files() {
    let bomb = format!(
        "title: x\nindicators: {}1{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let dir = site(&[(CAMPAIGN_PATH, &bomb)]);
    fs::write(dir.path().join(NOTICE_PATH), b"---\ntitle: \xff\n---\n").expect("write");
    let root = dir.path().to_string_lossy().into_owned();
    let out = loaxa(&["build", "--root", &root], dir.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_contains!(err, CAMPAIGN_PATH, NOTICE_PATH);
    assert_lacks!(err, "panicked", "RUST_BACKTRACE");
    assert!(!dir.path().join("public").exists());
}

/// `base` with `from` (exactly once) replaced by `to`.
fn mutate(base: &str, from: &str, to: &str) -> String {
    assert_eq!(base.matches(from).count(), 1, "`{from}`");
    base.replacen(from, to, 1)
}
