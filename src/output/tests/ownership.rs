//! Whose folder the output is, what the spare may keep, links, copies.

use super::*;

#[test]
fn every_build_marks_its_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_atomically(&out, &files(&[("index.html", "x")])).unwrap();
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(marker.contains("built by loaxa"), "{marker}");
    assert!(!marker.contains("drafts"), "{marker}");
}

#[test]
fn a_folder_of_someone_elses_files_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("docs");
    fs::create_dir_all(out.join("notes")).unwrap();
    fs::write(out.join("important.txt"), "precious").unwrap();
    fs::write(out.join("notes/a.md"), "mine").unwrap();
    let before = contents(&out);
    for _ in 0..2 {
        let err = write_atomically(&out, &files(&[("index.html", "site")])).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{err}");
        assert!(err.to_string().contains("important.txt"), "{err}");
    }
    assert_eq!(contents(&out), before);
    assert_eq!(names(dir.path()), os(&["docs"]), "nothing kept as a spare");
    // An empty folder, or none, is fine.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    write_atomically(&empty, &files(&[("index.html", "site")])).unwrap();
    assert_eq!(contents(&empty), files(&[("index.html", "site")]));
}

#[test]
fn a_file_where_the_output_goes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    fs::write(&out, "a file, not a folder").unwrap();
    assert!(write_atomically(&out, &files(&[("index.html", "site")])).is_err());
    assert_eq!(fs::read_to_string(&out).unwrap(), "a file, not a folder");
}

#[test]
fn replacing_someone_elses_folder_never_keeps_their_files_as_the_spare() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("docs");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("important.txt"), "precious").unwrap();
    let spare = dir.path().join(".docs.loaxa-spare");
    let site = files(&[("index.html", "site")]);
    let staging = Staging::open(&out, spare.clone(), Foreign::Replace).unwrap();
    site.iter().for_each(|(p, b)| staging.put(p, b));
    staging.commit().unwrap();
    assert_eq!(contents(&out), site);
    assert!(!spare.exists(), "the replaced files are not the spare");
    assert_eq!(names(dir.path()), os(&["docs"]));
    // From now on the folder is ours: no --force needed, and spares are kept.
    write_atomically(&out, &site).unwrap();
    write_atomically(&out, &site).unwrap();
    assert_eq!(contents(&spare), site);
}

#[test]
fn a_drafts_build_is_never_kept_as_the_spare_of_a_build_without_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let spare = dir.path().join(SPARE);
    let public = files(&[("index.html", "home")]);
    let mut with_draft = public.clone();
    with_draft.insert("van-ban/du-thao/index.html".into(), b"draft".to_vec());
    let build = |site: &Files, drafts: bool| {
        let staging = Staging::begin(&out).unwrap().with_drafts(drafts);
        site.iter().for_each(|(p, b)| staging.put(p, b));
        staging.commit().unwrap();
    };
    build(&public, false);
    build(&with_draft, true);
    assert!(
        fs::read_to_string(out.join(MARKER))
            .unwrap()
            .contains("drafts")
    );
    build(&public, false);
    assert_eq!(contents(&out), public);
    assert!(!spare.exists(), "the tree with the draft was deleted");
    // Twice with drafts, then without: the spare (the older drafts tree) is
    // recycled and pruned, the published one deleted.
    build(&with_draft, true);
    build(&with_draft, true);
    build(&public, false);
    assert!(!contents(&spare).contains_key("van-ban/du-thao/index.html"));
    // A build without drafts that fails does not keep a drafts tree either.
    build(&with_draft, true);
    build(&with_draft, true);
    let staging = Staging::begin(&out).unwrap();
    staging.put("index.html", b"home");
    drop(staging);
    let left = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().starts_with(&spare))
        .count();
    assert_eq!(left, 0, "no drafts tree beside the output");
}

#[test]
fn an_output_that_is_a_link_replaces_the_folder_it_leads_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("www");
    let link = dir.path().join("public");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let site = files(&[("index.html", "site")]);
    write_atomically(&link, &site).unwrap();
    write_atomically(&link, &site).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(contents(&real), site);
    assert!(dir.path().join(".www.loaxa-spare").is_dir());
}

#[test]
fn static_files_are_copied_and_linked_when_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let source = dir.path().join("big.bin");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    fs::write(&source, &bytes).unwrap();
    let copy = |_round| {
        let staging = Staging::begin(&out).unwrap();
        staging.put_file("files/big.bin", &source);
        staging.commit().unwrap()
    };
    assert_eq!(copy(0).unchanged, 0);
    assert_eq!(fs::read(out.join("files/big.bin")).unwrap(), bytes);
    assert_ne!(ino(&out.join("files/big.bin")), ino(&source), "a copy");
    assert_eq!(copy(1).unchanged, 1);
    // One byte changed in the last block: a new copy, the old one intact.
    let held = dir.path().join("held");
    fs::hard_link(out.join("files/big.bin"), &held).unwrap();
    let mut changed = bytes.clone();
    *changed.last_mut().unwrap() ^= 1;
    fs::write(&source, &changed).unwrap();
    assert_eq!(copy(2).unchanged, 0);
    assert_eq!(fs::read(out.join("files/big.bin")).unwrap(), changed);
    assert_eq!(fs::read(&held).unwrap(), bytes);
}

#[test]
fn paths_are_resolved_before_they_are_compared() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    for sub in ["data", "content", "static"] {
        fs::create_dir_all(site.join(sub)).unwrap();
    }
    let link = dir.path().join("sitelink");
    std::os::unix::fs::symlink(&site, &link).unwrap();
    let refused = |root: &Path, out: &Path| guard::check_overlap(root, out).is_err();
    assert!(refused(&link, &site), "the site through a link");
    assert!(refused(&site, &link));
    assert!(refused(&site, &link.join("content")));
    assert!(refused(&site, &link.join("public/../data")));
    assert!(refused(&link, &dir.path().join("x/../site/static/out")));
    assert!(refused(&link, dir.path()), "holds the site");
    assert!(!refused(&link, &link.join("public")));
    assert!(!refused(&site, &dir.path().join("docs")));
    // A source folder that is a link into the output folder.
    let shared = dir.path().join("docs/assets");
    fs::create_dir_all(&shared).unwrap();
    fs::remove_dir(site.join("static")).unwrap();
    std::os::unix::fs::symlink(&shared, site.join("static")).unwrap();
    let refusal = guard::check_overlap(&site, &dir.path().join("docs")).unwrap_err();
    assert!(
        refusal.text().en.contains("holds the site's `static/`"),
        "{refusal:?}"
    );
}

#[test]
fn resolve_follows_links_and_keeps_what_does_not_exist_yet() {
    let dir = tempfile::tempdir().unwrap();
    let real = fs::canonicalize(dir.path()).unwrap();
    fs::create_dir(real.join("a")).unwrap();
    std::os::unix::fs::symlink(real.join("a"), real.join("l")).unwrap();
    assert_eq!(
        guard::resolve(&real.join("l/new/x")).unwrap(),
        real.join("a/new/x")
    );
    assert_eq!(
        guard::resolve(&real.join("l/../b")).unwrap(),
        real.join("b")
    );
    assert_eq!(
        guard::resolve(&real.join("n/./m/../o")).unwrap(),
        real.join("n/o")
    );
}
