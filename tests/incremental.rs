//! `pipeline::rebuild`: after a change, only the pages it touches are made
//! again, and the result is exactly what a full build makes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use loaxa::pipeline::{self, Options, Outcome};

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

/// Rebuilds after `change`, and checks the result against a full build.
fn step(root: &Path, options: &Options, previous: &Outcome, changed: &[&str]) -> Outcome {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let rebuilt = pipeline::rebuild(root, options, previous, &changed);
    let full = pipeline::run(root, options);
    assert!(!full.has_errors(), "{:?}", full.diagnostics);
    let (a, b) = (
        rebuilt.files.as_ref().expect("rebuilt"),
        full.files.as_ref().expect("built"),
    );
    let differ: Vec<&String> = b.keys().filter(|k| a.get(*k) != b.get(*k)).collect();
    let extra: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    assert!(
        differ.is_empty() && extra.is_empty(),
        "after {changed:?}: differ {differ:?}, extra {extra:?}"
    );
    rebuilt
}

fn each_kind_of_change(options: &Options) {
    let dir = site();
    let root = dir.path();
    let mut outcome = pipeline::run(root, options);
    outcome = step(root, options, &outcome, &[]);
    edit(root, NOTICE, "Đôn đốc tiếp tục", "Đề nghị tiếp tục");
    outcome = step(root, options, &outcome, &[NOTICE]);
    edit(root, CAMPAIGN, "count: 1299", "count: 2450");
    outcome = step(root, options, &outcome, &[CAMPAIGN]);
    let added = "content/notices/2026-06-07-moi.md";
    fs::write(
        root.join(added),
        "---\ntitle: Văn bản mới\ndate: 2026-06-07\ncampaigns: [i-hatinh]\n---\nNội dung.\n",
    )
    .expect("write");
    outcome = step(root, options, &outcome, &[added]);
    fs::remove_file(root.join(added)).expect("remove");
    outcome = step(root, options, &outcome, &[added]);
    edit(
        root,
        CAMPAIGN,
        "title: Cài đặt, đăng ký",
        "title: Cài đặt và đăng ký",
    );
    outcome = step(root, options, &outcome, &[CAMPAIGN]);
    edit(root, "content/pages/gioi-thieu.md", "order: 2", "order: 0");
    outcome = step(root, options, &outcome, &["content/pages/gioi-thieu.md"]);
    edit(
        root,
        "data/site.yaml",
        "number: \"19009038\"",
        "number: \"1900 9038\"",
    );
    step(root, options, &outcome, &["data/site.yaml"]);
}

#[test]
fn a_rebuild_equals_a_full_build_after_each_kind_of_change() {
    each_kind_of_change(&options());
}

#[test]
fn with_a_base_url_share_images_follow_their_campaign() {
    // With a base URL every notice's frame shows its campaign's share
    // image, whose text carries the figures: a figure change reaches them.
    let options = Options {
        base_url: Some("https://example.gov.vn/cds/".into()),
        ..options()
    };
    each_kind_of_change(&options);
}

#[test]
fn pages_a_change_does_not_touch_are_not_made_again() {
    let dir = site();
    let root = dir.path();
    let mut previous = pipeline::run(root, &options());
    let untouched = "van-ban/2026-06-06-lich-tiep-dan/index.html";
    let files = previous.files.as_mut().expect("built");
    assert!(files.contains_key(untouched));
    // Marked, so a page made again would show.
    files.insert(untouched.into(), b"marked".to_vec());
    files.insert("chien-dich/i-hatinh/index.html".into(), b"marked".to_vec());

    edit(root, CAMPAIGN, "count: 1299", "count: 2450");
    let rebuilt = pipeline::rebuild(root, &options(), &previous, &[PathBuf::from(CAMPAIGN)]);
    let files = rebuilt.files.expect("rebuilt");
    assert_eq!(files[untouched], b"marked");
    assert_contains!(
        String::from_utf8_lossy(&files["chien-dich/i-hatinh/index.html"]),
        "2.450"
    );

    edit(
        root,
        "content/notices/2026-06-06-lich-tiep-dan.md",
        "Thứ Năm",
        "Thứ Sáu",
    );
    let changed = [root.join("content/notices/2026-06-06-lich-tiep-dan.md")];
    let again = pipeline::rebuild(root, &options(), &previous, &changed);
    let files = again.files.expect("rebuilt");
    assert_contains!(String::from_utf8_lossy(&files[untouched]), "Thứ Sáu");
}

#[test]
fn a_change_that_breaks_the_site_gives_its_errors_and_no_files() {
    let dir = site();
    let root = dir.path();
    let previous = pipeline::run(root, &options());
    edit(root, CAMPAIGN, "count: 1299", "count: -5");
    let rebuilt = pipeline::rebuild(root, &options(), &previous, &[PathBuf::from(CAMPAIGN)]);
    assert!(rebuilt.has_errors());
    assert!(rebuilt.files.is_none());
}
