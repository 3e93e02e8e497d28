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
            let cells: Vec<String> = row
                .split("<td")
                .skip(1)
                .map(|cell| text(&format!("<td{cell}")))
                .collect();
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
    // Xã An reported twice, by village the second time: the roll-up carries
    // the latest figure, the commune's own data.json both and the villages.
    let an_campaign = sites.path().join("an/data/campaigns/i-hatinh.yaml");
    edit(
        &an_campaign,
        "      - date: 2026-06-10\n",
        "      - date: 2026-06-01\n        percent: 1\n      - date: 2026-06-10\n",
    );
    edit(
        &an_campaign,
        "        approximate: true\n",
        "        approximate: true\n    breakdown:\n      - date: 2026-06-10\n        by: thôn\n        rows:\n          - { name: Thôn Một, count: 20, population: 1000 }\n          - { name: Thôn Hai, count: 40, population: 1000 }\n",
    );
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
        [
            "an",
            "binh",
            "cuong",
            "data.json",
            "index.html",
            "rollup.css"
        ]
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
    let an = data["communes"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["site"]["commune"] == "Xã An"))
        .expect("Xã An in the roll-up");
    let figures = &an["site"]["campaigns"][0]["indicators"][0]["figures"];
    assert_eq!(figures.as_array().map(Vec::len), Some(1), "{figures}");
    assert_eq!(figures[0]["date"], "2026-06-10");
    assert_eq!(figures[0]["rate_percent"], 3.0);
    let own: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("an/data.json")).expect("an/data.json"))
            .expect("json");
    let series = &own["campaigns"][0]["indicators"][0]["figures"];
    assert_eq!(series.as_array().map(Vec::len), Some(2), "{series}");
    let rows = &own["campaigns"][0]["indicators"][0]["breakdowns"];
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    let in_rollup = &an["site"]["campaigns"][0]["indicators"][0]["breakdowns"];
    assert_eq!(in_rollup.as_array().map(Vec::len), Some(0), "{in_rollup}");
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

/// Two provinces built apart (as two CI jobs would), into `shards/<name>/`.
fn two_province_shards() -> (tempfile::TempDir, tempfile::TempDir) {
    let ha_tinh = province(&[("an", "Xã An", "3"), ("binh", "Xã Bình", "12.5")]);
    let nghe_an = province(&[("cuong", "Xã Cường", "7")]);
    edit(
        &nghe_an.path().join("cuong/data/site.yaml"),
        "province: Hà Tĩnh",
        "province: Nghệ An",
    );
    let shards = tempfile::tempdir().expect("temp dir");
    for (sites, name) in [(&ha_tinh, "ha-tinh"), (&nghe_an, "nghe-an")] {
        let out = shards.path().join("shards").join(name);
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
    }
    (shards, tempfile::tempdir().expect("temp dir"))
}

fn rollup(cwd: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["rollup"];
    all.extend_from_slice(args);
    loaxa(&all, cwd)
}

#[test]
fn rollup_ranks_the_communes_of_every_shard_on_one_page() {
    let (dir, _) = two_province_shards();
    let run = rollup(
        dir.path(),
        &["shards/ha-tinh", "shards/nghe-an", "--out", "national"],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert_contains!(stderr(&run), "Đã xếp hạng 3 xã, phường từ 2 phân đoạn");
    let page = fs::read_to_string(dir.path().join("national/index.html")).expect("page");
    assert_eq!(
        ranked(&page),
        vec![
            ("thứ 1/3".to_string(), "Xã Bình".to_string()),
            ("thứ 2/3".to_string(), "Xã Cường".to_string()),
            ("thứ 3/3".to_string(), "Xã An".to_string()),
        ]
    );
    // Links lead from the national page to each commune's page.
    assert_contains!(
        page,
        "href=\"../shards/nghe-an/cuong/chien-dich/i-hatinh/#chi-so-adults\"",
        "Chuyển đổi số các tỉnh Hà Tĩnh, Nghệ An",
        "<th scope=\"col\">Tỉnh, thành phố</th>"
    );
    assert!(
        dir.path()
            .join("national/../shards/nghe-an/cuong/chien-dich/i-hatinh/index.html")
            .is_file()
    );
    // The sites' CSP, and no inline style for it to block.
    assert_contains!(
        page,
        "Content-Security-Policy",
        "style-src 'self'",
        "rollup.css"
    );
    assert_lacks!(page, "<style", " style=\"");
    assert!(dir.path().join("national/rollup.css").is_file());
    // The national data.json is the same schema again: it can be rolled up.
    let again = rollup(dir.path(), &["national", "--out", "region"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_contains!(
        fs::read_to_string(dir.path().join("region/index.html")).unwrap(),
        "href=\"../shards/nghe-an/cuong/chien-dich/i-hatinh/#chi-so-adults\""
    );
}

#[test]
fn rollup_refuses_a_broken_shard_names_it_and_writes_nothing() {
    let (dir, _) = two_province_shards();
    let data = dir.path().join("shards/nghe-an/data.json");
    let text = fs::read_to_string(&data).unwrap();
    // Cut short, as an interrupted artifact download leaves it.
    fs::write(&data, &text[..text.len() / 2]).unwrap();
    let run = rollup(
        dir.path(),
        &[
            "shards/ha-tinh",
            "shards/nghe-an",
            "shards/quang-binh",
            "--out",
            "national",
        ],
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let err = stderr(&run);
    assert_contains!(
        err,
        "shards/nghe-an/data.json:",
        "tệp bị cắt ngang",
        "shards/quang-binh: không có tệp shards/quang-binh/data.json",
        "Không ghi gì vào national"
    );
    assert_lacks!(err, "shards/ha-tinh");
    assert!(!dir.path().join("national").exists());

    let en = rollup(
        dir.path(),
        &[
            "shards/nghe-an",
            "shards/quang-binh",
            "--out",
            "national",
            "--lang",
            "en",
        ],
    );
    assert_eq!(en.status.code(), Some(1));
    assert_contains!(
        stderr(&en),
        "the file is cut short",
        "there is no shards/quang-binh/data.json",
        "Nothing was written to national"
    );
}

#[test]
fn rollup_refuses_json_of_another_format() {
    let (dir, _) = two_province_shards();
    fs::write(
        dir.path().join("shards/nghe-an/data.json"),
        "{\"format\": \"loaxa-province-1\", \"communes\": []}",
    )
    .unwrap();
    let run = rollup(dir.path(), &["shards/nghe-an", "--out", "national"]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains!(
        stderr(&run),
        "định dạng `loaxa-province-1` không dùng được",
        "loaxa-rollup-2"
    );
    // No shard at all is a usage error.
    let none = rollup(dir.path(), &["--out", "national"]);
    assert_eq!(none.status.code(), Some(2));
}
