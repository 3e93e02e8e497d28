//! `pipeline::Live`: after a change, only the pages it touches are made
//! again, and the result is exactly what a full build makes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use loaxa::pipeline::{self, Live, Options, Rebuilt};

const NOTICE: &str = "content/notices/2026-06-02-959-ubnd-vhxh.md";
const CAMPAIGN: &str = "data/campaigns/i-hatinh.yaml";

/// The bundled site plus two more notices, one not in any campaign.
fn site() -> tempfile::TempDir {
    let dir = copy_site(&repo_root());
    let letter = fs::read_to_string(dir.path().join(NOTICE)).expect("notice");
    fs::write(
        dir.path()
            .join("content/notices/2026-06-05-960-ubnd-vhxh.md"),
        letter.replace("959/UBND-VHXH", "960/UBND-VHXH"),
    )
    .expect("write");
    let alone =
        "---\ntitle: Thông báo lịch tiếp công dân\ndate: 2026-06-06\n---\nThứ Năm hằng tuần.\n";
    fs::write(
        dir.path()
            .join("content/notices/2026-06-06-lich-tiep-dan.md"),
        alone,
    )
    .expect("write");
    dir
}

fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let full = root.join(path);
    let text = fs::read_to_string(&full).expect("read");
    assert!(text.contains(from), "{from:?} not in {path}");
    fs::write(full, text.replacen(from, to, 1)).expect("write");
}

/// Rebuilds after `changed`, and checks the result against a full build.
fn step(live: &mut Live, root: &Path, options: &Options, changed: &[&str]) -> Rebuilt {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let rebuilt = live.rebuild(&changed);
    let full = pipeline::run(root, options);
    assert!(!full.has_errors(), "{:?}", full.diagnostics);
    assert!(
        !rebuilt.outcome.has_errors(),
        "{:?}",
        rebuilt.outcome.diagnostics
    );
    assert_eq!(rebuilt.outcome.diagnostics, full.diagnostics);
    let (a, b) = (
        rebuilt.files.as_ref().expect("rebuilt"),
        full.files.as_ref().expect("built"),
    );
    let differ: Vec<&String> = b
        .keys()
        .filter(|k| a.get(k.as_str()).map(|v| &v[..]) != b.get(*k).map(|v| &v[..]))
        .collect();
    let extra: Vec<&str> = a
        .keys()
        .map(|k| &**k)
        .filter(|k| !b.contains_key(*k))
        .collect();
    assert!(
        differ.is_empty() && extra.is_empty(),
        "after {changed:?}: differ {differ:?}, extra {extra:?}"
    );
    rebuilt
}

fn each_kind_of_change(options: &Options) {
    let dir = site();
    let root = dir.path();
    let mut live = Live::new(root, options);
    let first = step(&mut live, root, options, &[]);
    assert_eq!(first.made.len(), first.files.as_ref().expect("built").len());
    edit(root, NOTICE, "Đôn đốc tiếp tục", "Đề nghị tiếp tục");
    step(&mut live, root, options, &[NOTICE]);
    edit(root, CAMPAIGN, "count: 1299", "count: 2450");
    step(&mut live, root, options, &[CAMPAIGN]);
    let added = "content/notices/2026-06-07-moi.md";
    fs::write(
        root.join(added),
        "---\ntitle: Văn bản mới\ndate: 2026-06-07\ncampaigns: [i-hatinh]\n---\nNội dung.\n",
    )
    .expect("write");
    step(&mut live, root, options, &[added]);
    fs::remove_file(root.join(added)).expect("remove");
    step(&mut live, root, options, &[added]);
    edit(
        root,
        CAMPAIGN,
        "title: Cài đặt, đăng ký",
        "title: Cài đặt và đăng ký",
    );
    step(&mut live, root, options, &[CAMPAIGN]);
    edit(root, "content/pages/gioi-thieu.md", "order: 2", "order: 0");
    step(&mut live, root, options, &["content/pages/gioi-thieu.md"]);
    fs::create_dir_all(root.join("static")).expect("mkdir");
    fs::write(root.join("static/lich.txt"), "Lịch tiếp dân").expect("write");
    let with_static = step(&mut live, root, options, &["static/lich.txt"]);
    assert!(with_static.changed.contains(&"lich.txt".to_string()));
    // A picture shown by a notice: its size is on the notice's page.
    fs::create_dir_all(root.join("static/anh")).expect("mkdir");
    fs::write(root.join("static/anh/so-do.png"), png(4, 3)).expect("write");
    let mut letter = fs::read_to_string(root.join(NOTICE)).expect("read");
    letter.push_str("\n![Sơ đồ các bước](anh/so-do.png)\n");
    fs::write(root.join(NOTICE), letter).expect("write");
    step(&mut live, root, options, &[NOTICE, "static/anh/so-do.png"]);
    fs::write(root.join("static/anh/so-do.png"), png(40, 30)).expect("write");
    let resized = step(&mut live, root, options, &["static/anh/so-do.png"]);
    let page = "van-ban/2026-06-02-959-ubnd-vhxh/index.html".to_string();
    assert!(resized.made.contains(&page), "{:?}", resized.made);
    edit(
        root,
        "data/site.yaml",
        "number: \"19009038\"",
        "number: \"1900 9038\"",
    );
    step(&mut live, root, options, &["data/site.yaml"]);
    // The theme's templates: the preview compiles them again.
    let not_found = "themes/default/templates/404.html";
    edit(
        root,
        not_found,
        "{% block main %}",
        "{% block main %}<p>Đã đổi.</p>",
    );
    let retemplated = step(&mut live, root, options, &[not_found]);
    assert!(retemplated.changed.contains(&"404.html".to_string()));
    let sitemap = "themes/default/templates/sitemap.xml";
    edit(root, sitemap, "<url>", "<url><!-- đổi -->");
    let own_sitemap = step(&mut live, root, options, &[sitemap]);
    if options.base_url.is_some() {
        let files = own_sitemap.files.as_ref().expect("rebuilt");
        let xml = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
        assert!(xml.contains("<url><!-- đổi --><loc>"), "{xml}");
    }
    // A folder gone at once (renamed away, say): every file is read again.
    fs::remove_dir_all(root.join("content/pages")).expect("remove");
    step(&mut live, root, options, &["content/pages"]);
}

#[test]
fn a_rebuild_equals_a_full_build_after_each_kind_of_change() {
    each_kind_of_change(&options());
}

/// With a base URL every page's frame names a campaign's share image.
fn with_base_url() -> Options {
    Options {
        base_url: Some("https://example.gov.vn/cds/".into()),
        ..options()
    }
}

#[test]
fn with_a_base_url_too() {
    each_kind_of_change(&with_base_url());
}

#[test]
fn pages_a_change_does_not_touch_are_not_made_again() {
    let dir = site();
    let root = dir.path();
    let options = with_base_url();
    let mut live = Live::new(root, &options);
    step(&mut live, root, &options, &[]);
    let untouched = "van-ban/2026-06-06-lich-tiep-dan/index.html";
    let naming = "van-ban/2026-06-02-959-ubnd-vhxh/index.html";
    let campaign_page = "chien-dich/i-hatinh/index.html";

    edit(root, CAMPAIGN, "count: 1299", "count: 2450");
    let rebuilt = step(&mut live, root, &options, &[CAMPAIGN]);
    let made = |path: &str| rebuilt.made.iter().any(|p| p == path);
    assert!(made(campaign_page) && made("index.html"));
    assert!(made("chien-dich/i-hatinh/chia-se.png"));
    // The open data of the whole site holds every campaign's figures.
    assert!(made("data.json") && made("datapackage.json"));
    assert!(rebuilt.changed.iter().any(|p| p == campaign_page));
    // Not a notice (even one naming the campaign: pages other than the
    // campaign's own do not show its figures), not the lists, not another
    // campaign's files.
    assert!(!made(untouched) && !made(naming), "{:?}", rebuilt.made);
    assert!(!made("van-ban/index.html") && !made("tim-kiem/chi-muc.json"));
    assert!(
        !rebuilt
            .made
            .iter()
            .any(|p| p.starts_with("chien-dich/vneid"))
    );
    // The apps' QR codes are drawn again only when what they encode changes.
    let (android, ios) = (
        "ung-dung/i-hatinh-android-qr.svg",
        "ung-dung/i-hatinh-ios-qr.svg",
    );
    assert!(!made(android) && !made(ios), "{:?}", rebuilt.made);
    let files = rebuilt.files.expect("rebuilt");
    assert_contains!(String::from_utf8_lossy(&files[campaign_page]), "2.450");
    let drawn_before = files[android].clone();
    edit(
        root,
        "data/site.yaml",
        "id=vn.gov.hatinh.app",
        "id=vn.gov.hatinh.app2",
    );
    let new_link = step(&mut live, root, &options, &["data/site.yaml"]);
    assert!(new_link.made.iter().any(|p| p == android));
    assert!(!new_link.made.iter().any(|p| p == ios));
    assert_ne!(new_link.files.expect("rebuilt")[android], drawn_before);

    let notice = "content/notices/2026-06-06-lich-tiep-dan.md";
    edit(root, notice, "Thứ Năm", "Thứ Sáu");
    let again = step(
        &mut live,
        root,
        &options,
        &[&root.join(notice).to_string_lossy()],
    );
    let made = |path: &str| again.made.iter().any(|p| p == path);
    assert!(made(untouched) && made("tim-kiem/chi-muc.json"));
    assert!(!made("van-ban/2026-06-02-959-ubnd-vhxh/index.html"));
    // The body alone changed: no list shows it, nor the open data.
    assert!(!made("van-ban/index.html") && !made(campaign_page));
    assert!(!made("data.json") && !made("datapackage.json"));
    let files = again.files.expect("rebuilt");
    assert_contains!(String::from_utf8_lossy(&files[untouched]), "Thứ Sáu");

    // Its title shows in the lists: they are made again.
    edit(
        root,
        notice,
        "title: Thông báo lịch tiếp công dân",
        "title: Lịch tiếp công dân",
    );
    let retitled = step(&mut live, root, &options, &[notice]);
    let made = |path: &str| retitled.made.iter().any(|p| p == path);
    assert!(made("van-ban/index.html") && made("tim-kiem/index.html"));
    // No campaign lists it.
    assert!(!made(campaign_page), "{:?}", retitled.made);

    // One the campaign lists: its page is made again.
    retitle(root, NOTICE);
    let retitled = step(&mut live, root, &options, &[NOTICE]);
    let made = |path: &str| retitled.made.iter().any(|p| p == path);
    assert!(made(campaign_page) && made("van-ban/index.html"));
    assert!(!made("chien-dich/vneid/index.html"), "{:?}", retitled.made);
}

/// Puts a word before the notice's title (quoted or not).
fn retitle(root: &Path, path: &str) {
    let text = fs::read_to_string(root.join(path)).expect("read");
    let quoted = text.contains("\ntitle: \"");
    let (from, to) = match quoted {
        true => ("\ntitle: \"", "\ntitle: \"Sửa "),
        false => ("\ntitle: ", "\ntitle: Sửa "),
    };
    edit(root, path, from, to);
}

/// The list page (from 1) of 3 showing the notice with this slug.
fn list_page_of(files: &pipeline::SharedFiles, slug: &str) -> usize {
    let pages = [
        "van-ban/index.html",
        "van-ban/trang-2/index.html",
        "van-ban/trang-3/index.html",
    ];
    let at = pages
        .iter()
        .position(|p| String::from_utf8_lossy(&files[*p]).contains(&format!("/{slug}/")));
    at.expect("listed") + 1
}

#[test]
fn list_pages_are_made_again_from_the_line_that_changed() {
    // 60 notices: three pages of 25 in the notice list.
    let dir = synth_site(60, 2);
    let root = dir.path();
    let options = options();
    let mut live = Live::new(root, &options);
    let first = step(&mut live, root, &options, &[]);
    let files = first.files.expect("built");
    let made_of = |rebuilt: &Rebuilt| -> Vec<usize> {
        let pages = [
            "van-ban/index.html",
            "van-ban/trang-2/index.html",
            "van-ban/trang-3/index.html",
        ];
        (1..=3)
            .filter(|k| rebuilt.made.iter().any(|p| p == pages[k - 1]))
            .collect()
    };
    let mut notices: Vec<PathBuf> = fs::read_dir(root.join("content/notices"))
        .expect("notices")
        .flatten()
        .map(|e| e.path())
        .collect();
    notices.sort();
    // A notice on the last page, retitled: that page alone, not the search
    // page (it shows the newest 25).
    let on_last = notices
        .iter()
        .map(|p| p.strip_prefix(root).expect("under root").to_path_buf())
        .find(|p| {
            let text = fs::read_to_string(root.join(p)).expect("read");
            let slug = p.file_stem().expect("stem").to_string_lossy().into_owned();
            !text.contains("draft: true") && list_page_of(&files, &slug) == 3
        })
        .expect("a notice on page 3");
    let on_last = on_last.to_string_lossy().into_owned();
    retitle(root, &on_last);
    let retitled = step(&mut live, root, &options, &[&on_last]);
    assert_eq!(made_of(&retitled), [3]);
    assert!(!retitled.made.iter().any(|p| p == "tim-kiem/index.html"));

    // A new notice older than all: the last page, and the search page (it
    // counts them).
    let oldest = "content/notices/2000-01-03-cu.md";
    fs::write(
        root.join(oldest),
        "---\ntitle: Văn bản cũ\ndate: 2000-01-03\n---\nCũ.\n",
    )
    .expect("write");
    let added = step(&mut live, root, &options, &[oldest]);
    assert_eq!(made_of(&added), [3]);
    assert!(added.made.iter().any(|p| p == "tim-kiem/index.html"));

    // A new notice dated today: every line moved down by one.
    let newest = format!("content/notices/{TODAY}-moi.md");
    let text = format!("---\ntitle: Văn bản mới\ndate: {TODAY}\n---\nMới.\n");
    fs::write(root.join(&newest), text).expect("write");
    let added = step(&mut live, root, &options, &[&newest]);
    assert_eq!(made_of(&added), [1, 2, 3]);
    // And removed again.
    fs::remove_file(root.join(&newest)).expect("remove");
    let removed = step(&mut live, root, &options, &[&newest]);
    assert_eq!(made_of(&removed), [1, 2, 3]);
}

#[test]
fn a_change_that_breaks_the_site_gives_its_errors_then_the_fix_catches_up() {
    let dir = site();
    let root = dir.path();
    let mut live = Live::new(root, &options());
    step(&mut live, root, &options(), &[]);
    edit(root, CAMPAIGN, "count: 1299", "count: -5");
    let broken = live.rebuild(&[PathBuf::from(CAMPAIGN)]);
    assert!(broken.outcome.has_errors());
    assert!(broken.files.is_none());
    // The report can show the line: the broken file's text is there.
    assert!(broken.outcome.sources.contains_key(Path::new(CAMPAIGN)));
    // A notice changes while the campaign is broken, then the campaign is
    // fixed: the build after the fix has both changes.
    edit(root, NOTICE, "Đôn đốc tiếp tục", "Đề nghị tiếp tục");
    assert!(live.rebuild(&[PathBuf::from(NOTICE)]).outcome.has_errors());
    edit(root, CAMPAIGN, "count: -5", "count: 1300");
    step(&mut live, root, &options(), &[CAMPAIGN]);
}

#[test]
fn a_save_through_a_temporary_file_is_still_a_small_rebuild() {
    // `sed -i` and many editors write a temporary file beside the real one,
    // then rename it over: the watcher reports both paths.
    let dir = site();
    let root = dir.path();
    let mut live = Live::new(root, &options());
    step(&mut live, root, &options(), &[]);
    let notice = "content/notices/2026-06-06-lich-tiep-dan.md";
    let temp = "content/notices/sedX4k2Qa";
    let text = fs::read_to_string(root.join(notice)).expect("read");
    fs::write(root.join(temp), text.replace("Thứ Năm", "Thứ Bảy")).expect("write");
    fs::rename(root.join(temp), root.join(notice)).expect("rename");
    let rebuilt = step(&mut live, root, &options(), &[temp, notice]);
    let made = |path: &str| rebuilt.made.iter().any(|p| p == path);
    assert!(made("van-ban/2026-06-06-lich-tiep-dan/index.html"));
    // Not everything: another notice, a campaign page stay as they were.
    assert!(!made("van-ban/2026-06-02-959-ubnd-vhxh/index.html"));
    assert!(
        !made("chien-dich/i-hatinh/index.html"),
        "{:?}",
        rebuilt.made
    );
}

#[test]
fn a_new_notice_moves_no_other_document_of_the_search_index() {
    // 300 notices: 19 title chunks of 16 documents, 128 buckets.
    let dir = synth_site(300, 2);
    let root = dir.path();
    let options = options();
    let mut live = Live::new(root, &options);
    let first = step(&mut live, root, &options, &[]);
    let files = first.files.expect("built");
    let count = |prefix: &str| files.keys().filter(|p| p.starts_with(prefix)).count();
    let (chunks, buckets) = (count("tim-kiem/tai-lieu/"), count("tim-kiem/chi-muc/"));
    assert_eq!(buckets, 128);
    let index_files = |rebuilt: &Rebuilt, prefix: &str| -> Vec<String> {
        let mut made: Vec<String> = rebuilt
            .made
            .iter()
            .filter(|p| p.starts_with(prefix))
            .cloned()
            .collect();
        made.sort();
        made
    };

    // The newest notice is the index's last document: the last title chunk
    // and the buckets of its own words are written again, nothing else.
    let added = "content/notices/2026-11-23-moi.md";
    fs::write(
        root.join(added),
        "---\ntitle: Lịch trực tết\ndate: 2026-11-23\n---\nTrực ban.\n",
    )
    .expect("write");
    let rebuilt = step(&mut live, root, &options, &[added]);
    let last = format!("tim-kiem/tai-lieu/{}.json", chunks - 1);
    assert_eq!(
        index_files(&rebuilt, "tim-kiem/tai-lieu/"),
        std::slice::from_ref(&last)
    );
    let words = index_files(&rebuilt, "tim-kiem/chi-muc/").len();
    assert!((1..=5).contains(&words), "{words} buckets for 4 words");

    // Taken away again: the same files.
    fs::remove_file(root.join(added)).expect("remove");
    let removed = step(&mut live, root, &options, &[added]);
    assert_eq!(index_files(&removed, "tim-kiem/tai-lieu/"), [last]);
    assert!(index_files(&removed, "tim-kiem/chi-muc/").len() <= 5);

    // One dated before every other renumbers them all, in one pass: the
    // index still equals a build's (see `step`).
    let oldest = "content/notices/2001-01-01-cu.md";
    fs::write(
        root.join(oldest),
        "---\ntitle: Văn bản cũ\ndate: 2001-01-01\n---\nLưu trữ.\n",
    )
    .expect("write");
    let renumbered = step(&mut live, root, &options, &[oldest]);
    assert_eq!(index_files(&renumbered, "tim-kiem/tai-lieu/").len(), chunks);
}
