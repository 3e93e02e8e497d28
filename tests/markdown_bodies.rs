//! Notice bodies as officers write them, built into real pages: HTML that
//! a letter mentions is shown as text and never swallows what follows;
//! pictures from the site's files are published with their size and
//! description; pathological bodies keep every word. (How long they take is
//! measured by `benches/markdown.rs`, never here.)

mod common;

use std::fs;
use std::path::Path;

use common::*;
use loaxa::diagnostic::{Diagnostic, Severity};
use loaxa::pipeline::{self, Outcome};

const NOTICE_PATH: &str = "content/notices/2026-06-02-canh-bao.md";
/// The front matter takes lines 1–4: the body starts at line 5.
const HEAD: &str = "---\ntitle: Cảnh báo lừa đảo qua tin nhắn\ndate: 2026-06-02\n---\n";

/// The Chợ Đồn site plus one notice with `body`, and files in `static/`.
fn site(body: &str, statics: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = copy_site(&fixture("cho-don"));
    fs::write(dir.path().join(NOTICE_PATH), format!("{HEAD}{body}")).unwrap();
    for (path, bytes) in statics {
        let full = dir.path().join("static").join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, bytes).unwrap();
    }
    dir
}

fn build(dir: &Path) -> Outcome {
    pipeline::build(dir, &dir.join("public"), &options()).expect("build io")
}

/// The notice's letter body, as published.
fn body_of(dir: &Path) -> String {
    let page =
        fs::read_to_string(dir.join("public/van-ban/2026-06-02-canh-bao/index.html")).unwrap();
    let start = page.find("<main").unwrap();
    page[start..page.find("</main>").unwrap()].to_string()
}

fn of_notice<'a>(outcome: &'a Outcome, code: &str) -> Vec<&'a Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == code && d.file == Path::new(NOTICE_PATH))
        .collect()
}

/// Three paragraphs that must survive whatever comes before them.
const AFTER: &str = "Đoạn hai: không bấm vào đường link lạ.\n\nĐoạn ba: gọi **Công an xã** khi nghi ngờ.\n\n- Mục một\n- Mục hai\n";

fn assert_rest_survives(body: &str) {
    assert_contains!(
        body,
        "<p>Đoạn hai: không bấm vào đường link lạ.</p>",
        "<p>Đoạn ba: gọi <strong>Công an xã</strong> khi nghi ngờ.</p>",
        "<li>Mục một</li>",
        "<li>Mục hai</li>"
    );
}

#[test]
fn a_letter_that_mentions_a_tag_keeps_the_rest_of_the_letter() {
    // Each element the issue found swallowing a letter, in the middle of a
    // sentence and alone on a line.
    for tag in [
        "script", "style", "iframe", "noscript", "title", "textarea", "xmp",
    ] {
        for (first, column) in [
            (format!("Không mở tệp có thẻ <{tag}> lạ.\n\n"), 21),
            (format!("<{tag}>\n\n"), 1),
        ] {
            let dir = site(&format!("{first}{AFTER}"), &[]);
            let outcome = build(dir.path());
            assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
            let body = body_of(dir.path());
            assert_rest_survives(&body);
            assert_contains!(body, &format!("&lt;{tag}&gt;"));
            assert_lacks!(body, &format!("<{tag}"));
            let warned = of_notice(&outcome, "raw-html");
            assert_eq!(warned.len(), 1, "{tag}: {:?}", outcome.diagnostics);
            assert_eq!((warned[0].line, warned[0].column), (5, column), "{tag}");
            assert_eq!(warned[0].severity, Severity::Warning);
            assert_contains!(
                warned[0].message.vi,
                &format!("HTML `<{tag}>` được hiện nguyên văn như chữ")
            );
        }
    }
}

#[test]
fn an_unclosed_div_keeps_the_rest_of_the_letter() {
    let dir = site(
        &format!("<div class=\"x\"\nKhông mở tệp lạ.\n\n{AFTER}"),
        &[],
    );
    let outcome = build(dir.path());
    let body = body_of(dir.path());
    assert_rest_survives(&body);
    assert_contains!(body, "&lt;div class=\"x\"", "Không mở tệp lạ.");
    let warned = of_notice(&outcome, "raw-html");
    assert_eq!(warned.len(), 1, "{:?}", outcome.diagnostics);
    assert_eq!((warned[0].line, warned[0].column), (5, 1));
    assert_contains!(
        warned[0].message.en,
        "The HTML `<div` is shown as plain text"
    );
}

#[test]
fn a_block_that_runs_to_the_end_is_markdown_again_after_its_tag() {
    // `<pre>` at the start of a line opens a block that runs to `</pre>`:
    // there is none, so without care the whole rest is one raw block.
    let dir = site(&format!("<pre>\n## Cách nhận biết\n\n{AFTER}"), &[]);
    build(dir.path());
    let body = body_of(dir.path());
    assert_rest_survives(&body);
    assert_contains!(
        body,
        "&lt;pre&gt;",
        "id=\"cach-nhan-biet\">Cách nhận biết</h"
    );
}

#[test]
fn a_picture_of_the_site_is_published_with_its_size_and_description() {
    let body = format!(
        "Các bước cài đặt:\n\n![Sơ đồ hướng dẫn cài đặt i-HaTinh](/files/anh.png)\n\n{AFTER}"
    );
    let dir = site(&body, &[("files/anh.png", png(120, 80))]);
    let outcome = build(dir.path());
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let body = body_of(dir.path());
    assert_contains!(
        body,
        "<img src=\"../../files/anh.png\" alt=\"Sơ đồ hướng dẫn cài đặt i-HaTinh\" width=\"120\" height=\"80\" loading=\"lazy\">"
    );
    assert_rest_survives(&body);
    assert_eq!(
        fs::read(dir.path().join("public/files/anh.png")).unwrap(),
        png(120, 80)
    );
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.file != Path::new(NOTICE_PATH))
    );
}

#[test]
fn a_picture_on_a_free_page_is_published_too() {
    let dir = site("Xem trang hướng dẫn.\n", &[("anh/b.png", png(3, 2))]);
    fs::create_dir_all(dir.path().join("content/pages")).unwrap();
    fs::write(
        dir.path().join("content/pages/huong-dan.md"),
        "---\ntitle: Hướng dẫn\n---\n![Bước 1](anh/b.png)\n",
    )
    .unwrap();
    let outcome = build(dir.path());
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let page = fs::read_to_string(dir.path().join("public/huong-dan/index.html")).unwrap();
    assert_contains!(
        page,
        "<img src=\"../anh/b.png\" alt=\"Bước 1\" width=\"3\" height=\"2\" loading=\"lazy\">"
    );
}

#[test]
fn a_picture_without_a_description_is_a_warning() {
    let dir = site(
        "Xem ảnh:\n\n![](files/anh.png)\n",
        &[("files/anh.png", png(2, 2))],
    );
    let outcome = build(dir.path());
    let warned = of_notice(&outcome, "picture-without-description");
    assert_eq!(warned.len(), 1, "{:?}", outcome.diagnostics);
    assert_eq!((warned[0].line, warned[0].column), (7, 1));
    assert_eq!(warned[0].severity, Severity::Warning);
    assert_contains!(body_of(dir.path()), "alt=\"\" width=\"2\"");
}

#[test]
fn a_picture_from_another_site_is_refused_at_its_line() {
    let dir = site(
        "Một.\n\nHai ![Sơ đồ](https://cdn.example.com/so-do.png) ba.\n",
        &[],
    );
    let outcome = build(dir.path());
    let refused = of_notice(&outcome, "remote-picture");
    assert_eq!(refused.len(), 1, "{:?}", outcome.diagnostics);
    assert_eq!((refused[0].line, refused[0].column), (7, 5));
    assert_eq!(refused[0].severity, Severity::Error);
    assert_contains!(
        refused[0].message.vi,
        "lấy từ trang web khác: trang của xã không tải gì từ nơi khác"
    );
    assert!(!dir.path().join("public").exists(), "nothing built");
}

#[test]
fn a_missing_picture_or_a_file_that_is_no_picture_is_refused_at_its_line() {
    let body = "![Sơ đồ](files/khong-co.png)\n\n![Ảnh](files/ke-hoach.pdf)\n";
    let dir = site(body, &[("files/ke-hoach.pdf", b"%PDF-1.4".to_vec())]);
    let outcome = build(dir.path());
    let refused: Vec<(&str, usize, usize)> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.line, d.column))
        .collect();
    assert_eq!(
        refused,
        [("missing-picture", 5, 1), ("not-a-picture", 7, 1)]
    );
}

// ---------------------------------------------------------------------------
// Pathological bodies: every word kept, output correct. (Timing: the bench.)

fn render(body: &str) -> String {
    loaxa::markdown::render(body).html
}

#[test]
fn twenty_thousand_repeated_headings_get_distinct_ids() {
    let html = render(&"## h\n".repeat(20_000));
    assert_contains!(
        html,
        "<h2 id=\"h\">h</h2>",
        "<h2 id=\"h-2\">h</h2>",
        "<h2 id=\"h-20000\">h</h2>"
    );
    assert_eq!(html.matches("<h2 id=").count(), 20_000);
}

#[test]
fn deep_quotes_are_flattened_below_the_cap_and_keep_their_words() {
    let html = render(&format!("{} Lời nhắn cuối.\n", ">".repeat(40_000)));
    assert_eq!(
        html.matches("<blockquote>").count(),
        loaxa::markdown::MAX_DEPTH
    );
    assert_contains!(html, "Lời nhắn cuối.");
    let mut diags = loaxa::diagnostic::Diagnostics::default();
    loaxa::markdown::check_body(&">".repeat(40_000), 5, Path::new("a.md"), &mut diags);
    let warned: Vec<(&str, usize, usize)> =
        diags.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(warned, [("nested-too-deep", 5, 17)]);
}

#[test]
fn a_line_of_list_markers_is_flattened_and_keeps_its_words() {
    let html = render(&format!("{}mục\n", "- ".repeat(20_000)));
    assert_eq!(html.matches("<ul>").count(), loaxa::markdown::MAX_DEPTH);
    assert_contains!(html, "mục");
    // Nested items past the cap stay apart, their words kept.
    let nested: String = (0..40)
        .map(|i| format!("{}- mục {i}\n", "  ".repeat(i)))
        .collect();
    let html = render(&nested);
    for i in 0..40 {
        assert_contains!(html, &format!("mục {i}"));
    }
    assert_eq!(html.matches("<ul>").count(), loaxa::markdown::MAX_DEPTH);
}

#[test]
fn emphasis_links_and_tables_at_scale_keep_every_word() {
    let html = render(&format!(
        "{}chữ{}",
        "*a ".repeat(20_000),
        " b*".repeat(20_000)
    ));
    assert_eq!(
        html.matches('a').count() - html.matches("<a").count(),
        20_000
    );
    let html = render(&format!(
        "{}chữ{}",
        "[".repeat(20_000),
        "](https://x.vn)".repeat(20_000)
    ));
    assert_contains!(html, "chữ", "href=\"https://x.vn\"");
    let mut table = "| a | b |\n|---|---|\n".to_string();
    table.push_str(&"| x | y |\n".repeat(20_000));
    let html = render(&table);
    assert_eq!(html.matches("<td>x</td>").count(), 20_000);
    let wide = format!(
        "{}|\n{}|\n{}|\n",
        "| c ".repeat(5_000),
        "|---".repeat(5_000),
        "| d ".repeat(5_000)
    );
    assert_eq!(render(&wide).matches("<td>d</td>").count(), 5_000);
}

#[test]
fn html_blocks_nested_in_html_blocks_keep_every_line() {
    // Each `<script>` line opens a block that swallows the next: more than
    // the passes that take them apart. What is left is shown as text.
    let body: String = (0..200).map(|i| format!("<script>\ndòng {i}\n")).collect();
    let html = render(&body);
    for i in 0..200 {
        assert_contains!(html, &format!("dòng {i}"));
    }
    assert_lacks!(html, "<script");
}
