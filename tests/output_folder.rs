//! The output folder is loaxa's alone: `build --out DIR` never loses a file
//! the user keeps in DIR, never replaces the site's own folders however the
//! path is spelled (links, `..`), and says plainly what is wrong with a
//! place it cannot write. Each case goes through the real binary.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// A small real site (Chợ Đồn, one notice that is a draft) in `place/site`.
fn site_in(place: &Path) -> PathBuf {
    let site = place.join("site");
    copy_dir(&fixture("cho-don"), &site);
    site
}

fn build(site: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", "--root", site.to_str().unwrap(), "--today", TODAY];
    args.extend_from_slice(extra);
    loaxa(&args, site)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` with its text, to compare before and after.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_folder_of_the_users_files_is_never_built_over() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let docs = place.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("important.txt"), "precious\n").unwrap();
    for _ in 0..2 {
        let run = build(&site, &["--out", "../docs"]);
        assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
        assert_contains!(
            stderr(&run),
            "loaxa: Không dựng trang vào `../docs`",
            "không do loaxa tạo ra (ví dụ `important.txt`)",
            "--force"
        );
    }
    assert_eq!(
        fs::read_to_string(docs.join("important.txt")).unwrap(),
        "precious\n"
    );
    let beside: Vec<String> = fs::read_dir(place.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(beside.len(), 2, "no spare, no staging tree: {beside:?}");
    let english = build(&site, &["--out", "../docs", "--lang", "en"]);
    assert_eq!(english.status.code(), Some(2));
    assert_contains!(
        stderr(&english),
        "Refusing to build into `../docs`: it holds files loaxa did not make (e.g. `important.txt`)"
    );
}

#[test]
fn force_replaces_the_users_files_and_keeps_none_of_them() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let docs = place.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("important.txt"), "precious\n").unwrap();
    let run = build(&site, &["--out", "../docs", "--force"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(docs.join("index.html").is_file());
    assert!(docs.join(".loaxa-output").is_file());
    let anywhere = walkdir::WalkDir::new(place.path())
        .into_iter()
        .flatten()
        .any(|e| e.file_name() == "important.txt");
    assert!(
        !anywhere,
        "the replaced files are deleted, not kept as a spare"
    );
    // The folder is now loaxa's: later builds need no --force.
    for _ in 0..2 {
        let again = build(&site, &["--out", "../docs"]);
        assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    }
}

#[test]
fn the_site_is_never_built_over_through_a_link_or_dots() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let link = place.path().join("sitelink");
    std::os::unix::fs::symlink(&site, &link).unwrap();
    let before = snapshot(&site);
    let root = link.to_str().unwrap();
    let cases: [&[&str]; 4] = [
        &["--root", root, "--out", site.to_str().unwrap()],
        &["--root", root, "--out", &format!("{root}/content")],
        &["--out", &format!("{}/public/../data", site.display())],
        &["--out", place.path().to_str().unwrap()],
    ];
    for args in cases {
        let mut all = vec!["build", "--today", TODAY];
        all.extend_from_slice(args);
        if !args.contains(&"--root") {
            all.extend(["--root", root]);
        }
        let run = loaxa(&all, place.path());
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", stderr(&run));
        assert_contains!(stderr(&run), "Không thể ghi trang vào");
        assert_eq!(snapshot(&site), before, "{args:?}");
    }
    let run = loaxa(
        &[
            "build",
            "--lang",
            "en",
            "--root",
            root,
            "--out",
            &format!("{root}/content"),
        ],
        place.path(),
    );
    assert_contains!(
        stderr(&run),
        "that folder is inside the site's `content/` folder"
    );
    let real = fs::canonicalize(&site).unwrap().join("content");
    assert_contains!(stderr(&run), &format!("(that is `{}`)", real.display()));
}

#[test]
fn a_source_folder_that_leads_into_the_output_is_refused() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let shared = site.join("public/tep");
    fs::create_dir_all(&shared).unwrap();
    fs::write(shared.join("ke-hoach.pdf"), "pdf").unwrap();
    std::os::unix::fs::symlink(&shared, site.join("static")).unwrap();
    let run = build(&site, &["--lang", "en"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_contains!(stderr(&run), "holds the site's `static/` folder");
    assert!(shared.join("ke-hoach.pdf").is_file());
}

#[test]
fn a_read_only_parent_is_named_as_what_it_is() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let locked = place.path().join("locked");
    fs::create_dir(&locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    for dir in [place.path(), locked.as_path()] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let out = locked.join("public");
    let args = [
        "build",
        "--root",
        site.to_str().unwrap(),
        "--today",
        TODAY,
        "--out",
        out.to_str().unwrap(),
    ];
    // As root every folder is writable: run as `nobody` to meet the
    // permission an officer's account would.
    let run = if is_root() {
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_loaxa"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("setpriv (util-linux) runs loaxa as nobody")
    } else {
        loaxa(&args, place.path())
    };
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let real = fs::canonicalize(&locked).unwrap();
    assert_contains!(
        stderr(&run),
        &format!("Không ghi được vào thư mục `{}`", real.display()),
        &format!("nơi sẽ chứa thư mục đầu ra `{}`", out.display()),
        "không có quyền ghi"
    );
    assert!(!out.exists());
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn the_spare_keeps_no_draft_after_a_build_without_drafts() {
    let place = tempfile::tempdir().unwrap();
    let site = site_in(place.path());
    let draft = "van-ban/2025-07-du-thao-chu-ky-so-cong-cong/index.html";
    let out = site.join("public");
    for drafts in [false, true, false, true, true, false] {
        let run = build(&site, if drafts { &["--drafts"] } else { &[] });
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        assert_eq!(out.join(draft).is_file(), drafts);
        if !drafts {
            let left: Vec<PathBuf> = walkdir::WalkDir::new(&site)
                .into_iter()
                .flatten()
                .filter(|e| e.path().to_string_lossy().contains("du-thao"))
                .filter(|e| !e.path().starts_with(site.join("content")))
                .map(|e| e.path().to_path_buf())
                .collect();
            assert!(left.is_empty(), "a draft beside the site: {left:?}");
        }
    }
}

#[test]
fn the_bundled_public_folder_is_loaxas_own() {
    // The example site's `public/` is committed: it must carry the marker,
    // or `loaxa build` in a fresh clone would refuse it.
    assert!(repo_root().join("public/.loaxa-output").is_file());
}
