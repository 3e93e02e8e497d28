//! Files slow to make — each campaign's share image, each app's QR codes —
//! are made once and then taken from the published output for as long as
//! what they are made from is unchanged (issue 14, item 4): a change makes
//! exactly the files it touches again, with the bytes a build from nothing
//! makes, and a published file damaged or deleted since is made again.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use loaxa::output::Written;
use loaxa::pipeline;
use loaxa::render::routes;

/// The synthetic site's three campaigns, and its app's two codes.
const CAMPAIGNS: [&str; 3] = ["chien-dich-01", "chien-dich-02", "chien-dich-03"];
const CODES: [&str; 2] = [
    "ung-dung/i-hatinh-ios-qr.svg",
    "ung-dung/i-hatinh-android-qr.svg",
];
const SLOW: usize = CAMPAIGNS.len() + CODES.len();

fn publish(site: &Path, out: &Path) -> Written {
    let (outcome, written) = pipeline::publish(site, out, &options()).expect("build io");
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    written.expect("published")
}

fn share(id: &str) -> String {
    routes::share_image(id)
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).expect("published").ino()
}

/// Every file of an output, with its bytes.
fn tree(out: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(out).unwrap().to_path_buf();
            (path, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The output a build from nothing makes of `site` now.
fn cold(site: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let place = tempfile::tempdir().unwrap();
    let out = place.path().join("public");
    let written = publish(site, &out);
    assert_eq!((written.reused, written.remade), (0, SLOW));
    tree(&out)
}

/// Replaces the first `from` in a site's file.
fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Adds a figure, a day after the last, to the first indicator of a campaign.
fn add_figure(site: &Path, id: &str) {
    let path = site.join(format!("data/campaigns/{id}.yaml"));
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("      - { date: "))
        .unwrap();
    let last = first
        + lines[first..]
            .iter()
            .take_while(|l| l.starts_with("      - { date: "))
            .count()
        - 1;
    let date: chrono::NaiveDate = lines[last][16..26].parse().unwrap();
    let count: u64 = lines[last]
        .split("count: ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let new = format!(
        "      - {{ date: {}, count: {}, source: Sở Khoa học và Công nghệ }}",
        date.succ_opt().unwrap(),
        count + 1234
    );
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out.insert(last + 1, new);
    fs::write(&path, out.join("\n") + "\n").unwrap();
}

#[cfg(unix)]
#[test]
fn unchanged_images_are_kept_and_a_change_makes_only_what_it_touches() {
    let site = synth_site(3, 3);
    let site = site.path();
    let place = tempfile::tempdir().unwrap();
    let out = place.path().join("public");

    let first = publish(site, &out);
    assert_eq!((first.reused, first.remade), (0, SLOW));
    assert_eq!(tree(&out), cold(site));
    let inodes: Vec<u64> = CAMPAIGNS
        .iter()
        .map(|c| inode(&out.join(share(c))))
        .collect();

    // Nothing changed: nothing drawn, the very same files published.
    let again = publish(site, &out);
    assert_eq!((again.reused, again.remade), (SLOW, 0));
    for (c, ino) in CAMPAIGNS.iter().zip(&inodes) {
        assert_eq!(inode(&out.join(share(c))), *ino, "{c} rewritten");
    }
    assert_eq!(tree(&out), cold(site));

    // A new figure in the second campaign: its image only.
    let before = fs::read(out.join(share(CAMPAIGNS[1]))).unwrap();
    add_figure(site, CAMPAIGNS[1]);
    let figure = publish(site, &out);
    assert_eq!((figure.reused, figure.remade), (SLOW - 1, 1));
    assert_ne!(fs::read(out.join(share(CAMPAIGNS[1]))).unwrap(), before);
    assert_eq!(inode(&out.join(share(CAMPAIGNS[0]))), inodes[0]);
    assert_ne!(inode(&out.join(share(CAMPAIGNS[1]))), inodes[1]);
    assert_eq!(tree(&out), cold(site));

    // A campaign retitled: its image only (the menu changes, not the cards).
    edit(
        site,
        &format!("data/campaigns/{}.yaml", CAMPAIGNS[2]),
        "title: ",
        "title: Đổi tên ",
    );
    let retitled = publish(site, &out);
    assert_eq!((retitled.reused, retitled.remade), (SLOW - 1, 1));
    assert_eq!(tree(&out), cold(site));

    // The hotline is on every card, not on the codes.
    edit(site, "data/site.yaml", "19009038", "19001234");
    let hotline = publish(site, &out);
    assert_eq!(
        (hotline.reused, hotline.remade),
        (CODES.len(), CAMPAIGNS.len())
    );
    assert_eq!(tree(&out), cold(site));

    // A store link changed: that code only.
    edit(site, "data/site.yaml", "id6759859323", "id6759859324");
    let link = publish(site, &out);
    assert_eq!((link.reused, link.remade), (SLOW - 1, 1));
    assert_eq!(tree(&out), cold(site));
}

#[test]
fn a_damaged_or_missing_published_file_is_made_again() {
    let site = synth_site(2, 3);
    let site = site.path();
    let place = tempfile::tempdir().unwrap();
    let out = place.path().join("public");
    publish(site, &out);
    let good = tree(&out);

    // Same length, other bytes: found by its hash, not its size.
    let damaged = out.join(share(CAMPAIGNS[0]));
    let mut bytes = fs::read(&damaged).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    fs::remove_file(&damaged).unwrap();
    fs::write(&damaged, &bytes).unwrap();
    fs::remove_file(out.join(CODES[0])).unwrap();
    let repaired = publish(site, &out);
    assert_eq!((repaired.reused, repaired.remade), (SLOW - 2, 2));
    assert_eq!(tree(&out), good);

    // The list of what was made lost or garbled: everything made again.
    let list = place.path().join(".public.loaxa-spare.made");
    assert!(list.is_file());
    fs::write(&list, "garbage\n").unwrap();
    let relisted = publish(site, &out);
    assert_eq!((relisted.reused, relisted.remade), (0, SLOW));
    fs::remove_file(&list).unwrap();
    let unlisted = publish(site, &out);
    assert_eq!((unlisted.reused, unlisted.remade), (0, SLOW));
    assert_eq!(tree(&out), good);

    // The output deleted (a cold build): made again.
    fs::remove_dir_all(&out).unwrap();
    let cold_again = publish(site, &out);
    assert_eq!((cold_again.reused, cold_again.remade), (0, SLOW));
    assert_eq!(tree(&out), good);
}

#[test]
fn the_site_language_draws_other_cards() {
    let site = synth_site(2, 3);
    let site = site.path();
    let place = tempfile::tempdir().unwrap();
    let out = place.path().join("public");
    publish(site, &out);
    let vi = fs::read(out.join(share(CAMPAIGNS[0]))).unwrap();
    edit(site, "data/site.yaml", "title: ", "language: en\ntitle: ");
    let english = publish(site, &out);
    assert_eq!(english.remade, CAMPAIGNS.len(), "cards in English");
    assert_ne!(fs::read(out.join(share(CAMPAIGNS[0]))).unwrap(), vi);
    assert_eq!(tree(&out), cold(site));
}

/// A page is known unchanged from the last build's list of what it
/// published, without being read back; a page changed by hand since —
/// even with its modification time put back, as `rsync -t` or `touch -r`
/// would — is compared byte by byte and written again.
#[cfg(unix)]
#[test]
fn a_page_changed_by_hand_is_written_again_whatever_its_time_says() {
    let site = synth_site(5, 3);
    let site = site.path();
    let place = tempfile::tempdir().unwrap();
    let out = place.path().join("public");
    publish(site, &out);
    let good = tree(&out);
    let list = place.path().join(".public.loaxa-spare.pages");
    assert!(list.is_file());
    let again = publish(site, &out);
    assert_eq!(again.unchanged, again.files);
    assert_eq!(tree(&out), good);

    // Same length, other bytes, the same modification time, the same inode.
    let page = out.join("van-ban/index.html");
    let mut bytes = fs::read(&page).unwrap();
    let time = fs::metadata(&page).unwrap().modified().unwrap();
    let at = bytes
        .windows(4)
        .position(|w| w == b"<h1>")
        .expect("a heading")
        + 4;
    bytes[at] = b'X';
    let before = inode(&page);
    fs::OpenOptions::new()
        .write(true)
        .open(&page)
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, &bytes).and_then(|()| f.set_modified(time))
        })
        .unwrap();
    assert_eq!(
        (
            inode(&page),
            fs::metadata(&page).unwrap().modified().unwrap()
        ),
        (before, time)
    );
    assert_ne!(tree(&out), good);
    let repaired = publish(site, &out);
    assert_eq!(repaired.unchanged, repaired.files - 1);
    assert_eq!(tree(&out), good);

    // The list garbled: every page read back, none written.
    fs::write(&list, "garbage\n").unwrap();
    let relisted = publish(site, &out);
    assert_eq!(relisted.unchanged, relisted.files);
    assert_eq!(tree(&out), good);
}
