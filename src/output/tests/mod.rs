//! The output's tests: every one builds into a temporary folder. Whose
//! folder it is, drafts, links and static copies: `ownership.rs`.

mod ownership;

use super::disk::is_real_dir;
#[cfg(target_os = "linux")]
use super::swap::exchange;
use super::*;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

const SPARE: &str = ".public.loaxa-spare";

fn files(pairs: &[(&str, &str)]) -> Files {
    pairs
        .iter()
        .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
        .collect()
}

/// What is beside the output, but the lock (see `two_builds_into_one_output_take_turns`).
fn names(dir: &Path) -> Vec<OsString> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        // The lock and the list of what was published stay beside the output.
        .filter(|n| {
            let name = n.to_string_lossy();
            !name.ends_with(".loaxa-spare.lock") && !name.ends_with(".loaxa-spare.pages")
        })
        .collect();
    names.sort();
    names
}

fn os(names: &[&str]) -> Vec<OsString> {
    names.iter().map(OsString::from).collect()
}

/// Every file and folder under `dir` (folders end in `/`), sorted; not the
/// marker (see `every_build_marks_its_output`).
fn listing(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() != MARKER)
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().display().to_string();
            if e.file_type().is_dir() {
                path + "/"
            } else {
                path
            }
        })
        .collect();
    all.sort();
    all
}

/// The files under `dir` and their bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != MARKER)
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().display().to_string();
            (path, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every entry under `dir` and its inode number.
fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().display().to_string();
            (path, e.metadata().unwrap().ino())
        })
        .collect()
}

fn ino(path: &Path) -> u64 {
    fs::symlink_metadata(path).unwrap().ino()
}

/// `n` page folders, each page saying `text`.
fn pages(n: usize, text: &str) -> Files {
    (0..n)
        .map(|k| (format!("van-ban/{k:03}/index.html"), format!("{text} {k}")))
        .map(|(p, b)| (p, b.into_bytes()))
        .collect()
}

#[test]
fn replaces_the_whole_tree_and_keeps_the_old_one_as_the_spare() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_atomically(&out, &files(&[("index.html", "old"), ("gone.html", "x")])).unwrap();
    assert_eq!(names(dir.path()), os(&["public"]));
    write_atomically(
        &out,
        &files(&[("index.html", "new"), ("a/b/index.html", "deep")]),
    )
    .unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    assert_eq!(
        fs::read_to_string(out.join("a/b/index.html")).unwrap(),
        "deep"
    );
    assert!(!out.join("gone.html").exists());
    assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
    assert_eq!(spare_path(&out).unwrap(), dir.path().join(SPARE));
}

#[test]
fn refuses_paths_outside_the_output_and_keeps_the_old_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_atomically(&out, &files(&[("index.html", "old")])).unwrap();
    for bad in ["../escape.html", "/etc/x", "a/../../x", ""] {
        assert!(
            write_atomically(&out, &files(&[("index.html", "new"), (bad, "x")])).is_err(),
            "{bad}"
        );
    }
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    assert!(!dir.path().join("escape.html").exists());
    assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
}

#[test]
fn cleans_up_after_a_killed_build() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".public.loaxa-new-999/x")).unwrap();
    fs::write(dir.path().join(".public.loaxa-new-999/x/stale.html"), "s").unwrap();
    fs::create_dir_all(dir.path().join(".public.loaxa-trash-998/y")).unwrap();
    let out = dir.path().join("public");
    write_atomically(&out, &files(&[("index.html", "ok")])).unwrap();
    assert_eq!(names(dir.path()), os(&["public"]));
    assert_eq!(listing(&out), ["index.html"]);
}

#[test]
fn recovers_from_a_kill_with_every_kind_of_leftover() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let site = pages(5, "v1");
    write_atomically(&out, &site).unwrap();
    write_atomically(&out, &site).unwrap();
    // A spare, and what builds killed at different moments leave.
    for (leftover, junk) in [
        (".public.loaxa-new-999", "half.html"),
        (".public.loaxa-old-998", "old.html"),
        (".public.loaxa-trash-997", "trash.html"),
    ] {
        fs::create_dir_all(dir.path().join(leftover).join("van-ban")).unwrap();
        fs::write(dir.path().join(leftover).join(junk), "junk").unwrap();
    }
    write_atomically(&out, &site).unwrap();
    assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
    assert_eq!(contents(&out), site);
    assert_eq!(contents(&dir.path().join(SPARE)), site);
}

#[test]
fn a_build_killed_between_the_renames_gets_the_old_site_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    // Killed after `public` was moved aside, before the new one moved in.
    let old = dir.path().join(".public.loaxa-old-999");
    fs::create_dir_all(&old).unwrap();
    fs::write(old.join("index.html"), "published").unwrap();
    fs::write(old.join(MARKER), guard::marker_text(false)).unwrap();
    // A half-written new tree and a stale spare beside it.
    fs::create_dir_all(dir.path().join(".public.loaxa-new-999/x")).unwrap();
    fs::create_dir_all(dir.path().join(SPARE).join("y")).unwrap();
    // The next build fails: the published site is back, and a spare.
    drop(Staging::begin(&out).unwrap());
    assert_eq!(listing(&out), ["index.html"]);
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "published"
    );
    assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
    // And the one after publishes exactly what it puts.
    write_atomically(&out, &files(&[("a/index.html", "new")])).unwrap();
    assert_eq!(listing(&out), ["a/", "a/index.html"]);
}

#[test]
fn unchanged_files_are_linked_and_changed_ones_never_touch_the_old_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let site = files(&[("same.html", "same"), ("edited.html", "v1")]);
    write_atomically(&out, &site).unwrap();
    // Someone else holds the published inodes (a server mid-read, a backup).
    let (held_same, held_edited) = (dir.path().join("s"), dir.path().join("e"));
    fs::hard_link(out.join("same.html"), &held_same).unwrap();
    fs::hard_link(out.join("edited.html"), &held_edited).unwrap();

    let staging = Staging::begin(&out).unwrap();
    staging.put("same.html", b"same");
    staging.put("edited.html", b"v2!");
    let written = staging.commit().unwrap();

    assert_eq!(
        written,
        Written {
            files: 2,
            pages: 2,
            unchanged: 1,
            reused: 0,
            remade: 0,
        }
    );
    assert_eq!(ino(&out.join("same.html")), ino(&held_same));
    assert_ne!(ino(&out.join("edited.html")), ino(&held_edited));
    assert_eq!(fs::read_to_string(&held_edited).unwrap(), "v1");
    assert_eq!(fs::read_to_string(out.join("edited.html")).unwrap(), "v2!");
}

#[test]
fn a_path_put_twice_keeps_the_last_and_never_writes_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_atomically(&out, &files(&[("a.json", "published")])).unwrap();
    let held = dir.path().join("held");
    fs::hard_link(out.join("a.json"), &held).unwrap();
    for _recycled in 0..3 {
        let staging = Staging::begin(&out).unwrap();
        staging.put("a.json", b"published"); // linked to the published file
        staging.put("a.json", b"replaced");
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a.json")).unwrap(), "replaced");
        assert_eq!(fs::read_to_string(&held).unwrap(), "published");
        write_atomically(&out, &files(&[("a.json", "published")])).unwrap();
    }
}

#[test]
fn a_rebuild_recycles_the_spare_and_makes_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let spare = dir.path().join(SPARE);
    let site = pages(20, "same");
    write_atomically(&out, &site).unwrap();
    let first = inodes(&out);
    write_atomically(&out, &site).unwrap(); // no spare yet: a new tree
    let second = inodes(&out);
    assert_eq!(inodes(&spare), first, "the old tree is kept whole");
    // From now on the spare is filled in place: its folders are reused.
    let staging = Staging::begin(&out).unwrap();
    assert!(staging.recycled);
    site.iter().for_each(|(p, b)| staging.put(p, b));
    let written = staging.commit().unwrap();
    assert_eq!(written.unchanged, site.len());
    let third = inodes(&out);
    for (path, ino) in &third {
        let is_dir = out.join(path).is_dir();
        let expected = if is_dir { first[path] } else { second[path] };
        assert_eq!(*ino, expected, "{path}");
    }
    // In steady state both trees share every file and swap places; no
    // file and no folder is made.
    for _ in 0..2 {
        let (published, kept) = (inodes(&out), inodes(&spare));
        write_atomically(&out, &site).unwrap();
        assert_eq!(inodes(&out), kept);
        assert_eq!(inodes(&spare), published);
        assert_eq!(contents(&out), site);
    }
    let shared = |tree: &BTreeMap<String, u64>| -> Vec<u64> {
        let mut files: Vec<u64> = tree
            .iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .map(|(_, i)| *i)
            .collect();
        files.sort();
        files
    };
    assert_eq!(shared(&inodes(&out)), shared(&inodes(&spare)));
}

#[test]
fn changed_files_never_write_through_a_published_inode() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let held = dir.path().join("held");
    fs::create_dir_all(&held).unwrap();
    // Every page changes each build; some keep their size, so the bytes
    // are compared, not only the lengths.
    let sites = [pages(8, "A"), pages(8, "B"), pages(8, "A"), pages(8, "Bb")];
    let mut kept: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (round, site) in sites.iter().enumerate() {
        let before = contents(&out);
        let staging = Staging::begin(&out).unwrap();
        site.iter().for_each(|(p, b)| staging.put(p, b));
        assert_eq!(contents(&out), before, "published before the swap");
        staging.commit().unwrap();
        assert_eq!(contents(&out), *site);
        // Hold every published inode, as a reader or a backup would.
        for (k, (path, bytes)) in site.iter().enumerate() {
            let link = held.join(format!("{round}-{k}"));
            fs::hard_link(out.join(path), &link).unwrap();
            kept.push((link, bytes.clone()));
        }
        for (link, bytes) in &kept {
            assert_eq!(fs::read(link).unwrap(), *bytes, "{}", link.display());
        }
    }
}

#[test]
fn removed_files_and_folders_disappear_from_the_output_and_the_spare() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let spare = dir.path().join(SPARE);
    let mut full = pages(3, "p");
    full.extend(files(&[
        ("index.html", "home"),
        ("gone.html", "x"),
        ("old/deep/x.html", "x"),
    ]));
    let small = files(&[("index.html", "home"), ("van-ban/000/index.html", "p 0")]);
    let wanted = [
        "index.html",
        "van-ban/",
        "van-ban/000/",
        "van-ban/000/index.html",
    ];
    write_atomically(&out, &full).unwrap();
    write_atomically(&out, &full).unwrap();
    for _ in 0..2 {
        write_atomically(&out, &small).unwrap();
        assert_eq!(listing(&out), wanted);
    }
    // Two builds on, the spare (the tree published last) is clean too.
    assert_eq!(listing(&spare), wanted);
}

#[test]
fn a_file_can_become_a_folder_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let as_file = files(&[("a", "file")]);
    let as_folder = files(&[("a/index.html", "folder")]);
    for site in [&as_file, &as_file, &as_folder, &as_folder, &as_file] {
        write_atomically(&out, site).unwrap();
        assert_eq!(contents(&out), *site);
    }
}

#[test]
fn a_file_and_a_folder_of_one_name_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let site = files(&[("a/index.html", "ok")]);
    write_atomically(&out, &site).unwrap();
    write_atomically(&out, &site).unwrap();
    // In either order, whichever put comes second would make way for
    // itself: only the check at commit catches it.
    for order in [["a", "a/index.html"], ["a/index.html", "a"]] {
        let staging = Staging::begin(&out).unwrap();
        order.iter().for_each(|path| staging.put(path, b"x"));
        assert!(staging.commit().is_err(), "{order:?}");
        assert_eq!(contents(&out), site);
    }
}

#[test]
fn links_put_in_the_published_site_are_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let outside = dir.path().join("mine");
    fs::create_dir_all(outside.join("000")).unwrap();
    fs::write(outside.join("000/index.html"), "mine").unwrap();
    fs::write(outside.join("keep.txt"), "keep").unwrap();
    let mut site = pages(64, "page");
    site.insert("f.html".into(), b"page f".to_vec());
    write_atomically(&out, &site).unwrap();
    // Someone replaces a folder and a file of the site by links.
    fs::remove_dir_all(out.join("van-ban")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("van-ban")).unwrap();
    fs::remove_file(out.join("f.html")).unwrap();
    std::os::unix::fs::symlink(outside.join("keep.txt"), out.join("f.html")).unwrap();
    let before = contents(&outside);
    // The tree with the links becomes the spare, then is recycled.
    for _ in 0..3 {
        write_atomically(&out, &site).unwrap();
        assert_eq!(contents(&outside), before);
        assert!(is_real_dir(&out.join("van-ban")));
        assert_eq!(contents(&out), site);
    }
}

#[test]
fn a_failed_build_leaves_the_site_and_its_tree_as_a_spare_to_recycle() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let spare = dir.path().join(SPARE);
    let mut site = pages(3, "p");
    site.insert("index.html".into(), b"old".to_vec());
    write_atomically(&out, &site).unwrap();
    write_atomically(&out, &site).unwrap();
    let published = contents(&out);
    let folder = ino(&spare.join("van-ban/001"));

    let staging = Staging::begin(&out).unwrap();
    staging.put("index.html", b"new");
    staging.put("extra/x.html", b"half-built");
    staging.put("../escape", b"x"); // the error that fails the build
    assert!(staging.commit().is_err());
    assert_eq!(contents(&out), published);
    assert_eq!(names(dir.path()), os(&[SPARE, "public"]));
    assert_eq!(ino(&spare.join("van-ban/001")), folder);

    let staging = Staging::begin(&out).unwrap();
    staging.put("index.html", b"new");
    drop(staging); // killed in-process: no commit at all
    assert_eq!(contents(&out), published);

    write_atomically(&out, &site).unwrap();
    assert_eq!(contents(&out), site);
    assert_eq!(
        ino(&out.join("van-ban/001")),
        folder,
        "the spare was reused"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn exchange_swaps_two_folders_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    fs::write(a.join("x"), "from a").unwrap();
    fs::write(b.join("x"), "from b").unwrap();
    exchange(&a, &b).unwrap();
    assert_eq!(fs::read_to_string(b.join("x")).unwrap(), "from a");
    assert_eq!(fs::read_to_string(a.join("x")).unwrap(), "from b");
}

#[test]
fn two_builds_into_one_output_take_turns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let site = |tag: &str| -> Files {
        (0..200)
            .map(|k| {
                (
                    format!("van-ban/{k:03}/index.html"),
                    format!("{tag} {k}").into_bytes(),
                )
            })
            .collect()
    };
    let (a, b) = (site("a"), site("b"));
    std::thread::scope(|scope| {
        for files in [&a, &b] {
            let out = &out;
            scope.spawn(move || {
                for _ in 0..10 {
                    write_atomically(out, files).expect("each build succeeds");
                }
            });
        }
    });
    // One whole site or the other, nothing of both, no staging left.
    let published: Files = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != MARKER)
        .map(|e| {
            let path = e.path().strip_prefix(&out).unwrap().display().to_string();
            (path, fs::read(e.path()).unwrap())
        })
        .collect();
    assert!(published == a || published == b);
    assert_eq!(names(dir.path()), os(&[".public.loaxa-spare", "public"]));
    assert!(dir.path().join(".public.loaxa-spare.lock").is_file());
}
