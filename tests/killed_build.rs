//! A build killed part-way (SIGKILL, power cut) must leave the previously
//! published site complete and unchanged, and the next build must clean up.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A copy of the bundled site with `n` extra notices, so writing takes a while.
fn big_site(n: usize) -> tempfile::TempDir {
    let dir = copy_site(&repo_root());
    let notices = dir.path().join("content/notices");
    let body = "Ủy ban nhân dân xã đề nghị các cơ quan, đơn vị tiếp tục tuyên truyền. ".repeat(40);
    for i in 0..n {
        let text = format!(
            "---\ntitle: Thông báo số {i}\ndate: 2026-06-{:02}\n---\n{body}\n",
            1 + i % 28
        );
        fs::write(notices.join(format!("2026-06-tb-{i:05}.md")), text).unwrap();
    }
    dir
}

fn staging_exists(parent: &Path) -> bool {
    fs::read_dir(parent)
        .map(|entries| {
            entries.flatten().any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".public.loaxa-new-")
            })
        })
        .unwrap_or(false)
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_build_killed_while_writing_leaves_the_old_site_whole() {
    let mut notices = 2_000;
    for _attempt in 0..4 {
        let site = big_site(notices);
        let root = site.path();
        let out = root.join("public");
        // The previously published site.
        let first = loaxa(
            &["build", "--root", root.to_str().unwrap(), "--today", TODAY],
            root,
        );
        assert!(
            first.status.success(),
            "{}",
            String::from_utf8_lossy(&first.stderr)
        );
        fs::write(out.join("marker.txt"), "published").unwrap();
        let before = snapshot(&out);
        // Change the data so the next build would write different pages.
        let campaign = root.join("data/campaigns/i-hatinh.yaml");
        let text = fs::read_to_string(&campaign)
            .unwrap()
            .replace("count: 1299", "count: 1300");
        fs::write(&campaign, text).unwrap();

        let mut child = Command::new(env!("CARGO_BIN_EXE_loaxa"))
            .args(["build", "--root", root.to_str().unwrap(), "--today", TODAY])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut caught = false;
        while Instant::now() < deadline {
            if staging_exists(root) {
                child.kill().unwrap(); // SIGKILL on Unix
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.wait();
        if !caught {
            notices *= 2; // The build finished before we saw it write: try a bigger site.
            continue;
        }
        assert_eq!(
            snapshot(&out),
            before,
            "the published site changed after a killed build"
        );
        // The next build succeeds, replaces the site and leaves no temporary folders.
        let again = loaxa(
            &["build", "--root", root.to_str().unwrap(), "--today", TODAY],
            root,
        );
        assert!(again.status.success());
        assert!(!out.join("marker.txt").exists());
        assert!(!staging_exists(root), "leftover temporary folder");
        assert_contains!(
            fs::read_to_string(out.join("chien-dich/i-hatinh/index.html")).unwrap(),
            "1.300"
        );
        return;
    }
    panic!("never caught the build while it was writing");
}
