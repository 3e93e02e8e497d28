//! `loaxa build --sites DIR`: every commune of a province in one run, each
//! into its own output, and a roll-up ranking them.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// A province folder of copies of the Trường Lưu fixture, each with its
/// own commune name and reported rate: (folder, commune, percent).
fn province(communes: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (folder, commune, percent) in communes {
        let root = dir.path().join(folder);
        copy_dir(&fixture("truong-luu"), &root);
        edit(
            &root.join("data/site.yaml"),
            "commune: Xã Trường Lưu",
            &format!("commune: {commune}"),
        );
        edit(
            &root.join("data/campaigns/i-hatinh.yaml"),
            "percent: 3\n",
            &format!("percent: {percent}\n"),
        );
    }
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The communes in the order the roll-up's first table lists them, with
/// their place.
fn ranked(rollup: &str) -> Vec<(String, String)> {
    let table = &rollup[rollup.find("<tbody>").expect("a table")..];
    let table = &table[..table.find("</tbody>").expect("end of table")];
    table
        .split("<tr>")
        .skip(1)
        .map(|row| {
            let cells: Vec<String> = row.split("<td>").skip(1).map(text).collect();
            (cells[0].clone(), cells[1].clone())
        })
        .collect()
}

/// The text of an HTML fragment: tags dropped.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[test]
fn one_run_builds_every_site_and_ranks_them_by_rate() {
    let sites = province(&[
        ("an", "Xã An", "3"),
        ("binh", "Xã Bình", "12.5"),
        ("cuong", "Xã Cường", "7"),
    ]);
    let place = tempfile::tempdir().expect("temp dir");
    let out = place.path().join("public");
    let build = || {
        let run = loaxa(
            &[
                "build",
                "--sites",
                &sites.path().to_string_lossy(),
                "--out",
                &out.to_string_lossy(),
                "--today",
                TODAY,
            ],
            sites.path(),
        );
        assert!(run.status.success(), "{}", stderr(&run));
    };
    build();
    // Built again: each site's previous tree is kept for the next build
    // beside the published folder, never inside it.
    build();
    let mut published: Vec<String> = fs::read_dir(&out)
        .expect("out")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    published.sort();
    assert_eq!(
        published,
        ["an", "binh", "cuong", "data.json", "index.html"]
    );
    assert!(
        place
            .path()
            .join(".public.loaxa-spares/an/index.html")
            .is_file()
    );
    for name in ["an", "binh", "cuong"] {
        let home = out.join(name).join("index.html");
        assert!(home.is_file(), "no {}", home.display());
    }
    let rollup = fs::read_to_string(out.join("index.html")).expect("roll-up");
    assert_eq!(
        ranked(&rollup),
        vec![
            ("thứ 1/3".to_string(), "Xã Bình".to_string()),
            ("thứ 2/3".to_string(), "Xã Cường".to_string()),
            ("thứ 3/3".to_string(), "Xã An".to_string()),
        ]
    );
    assert_contains!(
        rollup,
        "12,50 %",
        "href=\"binh/chien-dich/i-hatinh/#chi-so-adults\"",
        "<svg"
    );
    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("data.json")).expect("data.json")).expect("json");
    assert_eq!(data["communes"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_broken_site_is_reported_with_its_folder_and_the_others_are_still_built() {
    let sites = province(&[
        ("an", "Xã An", "3"),
        ("binh", "Xã Bình", "12.5"),
        ("cuong", "Xã Cường", "7"),
    ]);
    let args = |dir: &Path| {
        loaxa(
            &["build", "--sites", &dir.to_string_lossy(), "--today", TODAY],
            dir,
        )
    };
    assert!(args(sites.path()).status.success());
    let published = fs::read(sites.path().join("binh/public/index.html")).expect("published");
    // Xã Bình's letter now has an unknown field; the others are corrected.
    edit(
        &sites.path().join("binh/data/campaigns/i-hatinh.yaml"),
        "unit: người",
        "unti: người",
    );
    edit(
        &sites.path().join("an/data/campaigns/i-hatinh.yaml"),
        "percent: 3\n",
        "percent: 20\n",
    );

    let run = args(sites.path());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_contains!(stderr(&run), "binh/data/campaigns/i-hatinh.yaml:");
    // The broken site keeps what it had published; the others are rebuilt.
    assert_eq!(
        fs::read(sites.path().join("binh/public/index.html")).expect("kept"),
        published
    );
    let rollup =
        fs::read_to_string(sites.path().join("public-province/index.html")).expect("roll-up");
    assert_eq!(
        ranked(&rollup),
        vec![
            ("thứ 1/2".to_string(), "Xã An".to_string()),
            ("thứ 2/2".to_string(), "Xã Cường".to_string()),
        ]
    );
    assert_contains!(
        rollup,
        "href=\"../an/public/chien-dich/i-hatinh/#chi-so-adults\""
    );
}

#[test]
fn a_folder_without_sites_is_a_usage_error() {
    let empty = tempfile::tempdir().expect("temp dir");
    let run = loaxa(
        &["build", "--sites", &empty.path().to_string_lossy()],
        empty.path(),
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
}
