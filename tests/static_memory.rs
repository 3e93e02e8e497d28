//! Static files are copied, never read into memory whole: three 1 GB files
//! once made a 5.2 GB build. A limit test, not a timing one: the peak
//! memory of `loaxa build` and `loaxa check` on a site with 600 MB of
//! (sparse) static files must stay far below their size.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

const FILE_MB: u64 = 200;
/// The peak a build may reach: the site itself needs a few tens of MB.
const LIMIT_MB: u64 = 150;

/// The peak resident memory of `loaxa args`, in MB, measured by GNU time;
/// `None` when it is not installed (outside CI).
fn peak_mb(args: &[&str], cwd: &Path) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "/usr/bin/time is missing (apt-get install time)"
        );
        eprintln!("skipped: /usr/bin/time is not installed");
        return None;
    }
    let run = Command::new(time)
        .args(["-f", "peak-kb=%M"])
        .arg(env!("CARGO_BIN_EXE_loaxa"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run /usr/bin/time");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kb="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak in {stderr}"));
    Some(kb / 1024)
}

#[test]
fn static_files_never_sit_in_memory() {
    let place = tempfile::tempdir().unwrap();
    let site = place.path().join("site");
    copy_dir(&fixture("cho-don"), &site);
    fs::create_dir_all(site.join("static/video")).unwrap();
    for k in 0..3 {
        let file = fs::File::create(site.join(format!("static/video/tap-{k}.mp4"))).unwrap();
        file.set_len(FILE_MB * 1024 * 1024).unwrap(); // sparse: no disk used
    }
    let root = site.to_str().unwrap();
    let Some(build) = peak_mb(&["build", "--root", root, "--today", TODAY], &site) else {
        return;
    };
    assert!(
        build < LIMIT_MB,
        "build peaked at {build} MB with {} MB of static files",
        3 * FILE_MB
    );
    let copy = site.join("public/video/tap-2.mp4");
    assert_eq!(fs::metadata(&copy).unwrap().len(), FILE_MB * 1024 * 1024);
    let check = peak_mb(&["check", "--root", root, "--today", TODAY], &site).unwrap();
    assert!(check < LIMIT_MB, "check peaked at {check} MB");
}
