//! `loaxa init`, `loaxa new notice` and `loaxa new figure` through the real
//! binary, as an officer runs them.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// 2026-06-10 12:00 in Vietnam: "today" for init and new without --today.
const EPOCH: &str = "1781067600";
const INIT_DAY: &str = "2026-06-10";

/// Runs the binary with a fixed clock, so init's dates are known.
fn run(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loaxa"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run loaxa")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

fn init(dir: &Path, names: &[&str]) -> Output {
    let mut args = vec!["init", dir.to_str().expect("utf-8 path")];
    args.extend_from_slice(names);
    run(&args, dir.parent().expect("parent"))
}

/// The new text is the old one with a block of lines inserted, every other
/// line (comments, blank lines, line endings) byte for byte the same.
/// Returns the inserted lines.
fn inserted_lines(old: &str, new: &str) -> Vec<String> {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let prefix = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_lines[prefix..]
        .iter()
        .rev()
        .zip(new_lines[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        old_lines.len(),
        "an original line changed:\n{new}"
    );
    new_lines[prefix..new_lines.len() - suffix]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn init_writes_a_site_that_builds_and_checks_clean() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("loc-ha");
    let out = init(&dir, &["--commune", "Xã Lộc Hà", "--province", "Hà Tĩnh"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    for file in [
        "data/site.yaml",
        "data/campaigns/chien-dich-mau.yaml",
        "content/notices/2026-06-10-thong-bao-mau.md",
        "content/pages/gioi-thieu.md",
        "README.md",
        ".gitignore",
        ".github/workflows/loaxa.yml",
        ".gitlab-ci.yml",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let site = fs::read_to_string(dir.join("data/site.yaml")).unwrap();
    assert_contains!(
        site,
        "commune: Xã Lộc Hà",
        "province: Hà Tĩnh",
        "\nsample: true"
    );
    assert_contains!(
        fs::read_to_string(dir.join(".gitignore")).unwrap(),
        "public/"
    );
    // The CI files are the recipes shipped in ci-recipes/, and valid YAML.
    let recipes = repo_root().join("ci-recipes");
    for (written, recipe) in [
        (".github/workflows/loaxa.yml", "github-actions.yml"),
        (".gitlab-ci.yml", "gitlab-ci.yml"),
    ] {
        let text = fs::read_to_string(dir.join(written)).unwrap();
        assert_eq!(text, fs::read_to_string(recipes.join(recipe)).unwrap());
        loaxa::source::yaml::parse(&text, 0).unwrap_or_else(|e| panic!("{written}: {e:?}"));
    }

    // Its one warning until the officer knows the site's address: no
    // `base_url` (the README says where to write it).
    let check = run(&["check", "--today", INIT_DAY], &dir);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert_contains!(stderr(&check), "`base_url`", "1 cảnh báo");
    let yaml = dir.join("data/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text + "base_url: https://loc-ha.hatinh.gov.vn/cds/\n",
    )
    .unwrap();
    // The placeholder figure is dated the day of init and the campaign has
    // no reporting schedule, so the new site has no other warning on that
    // day nor years later: `check --deny-warnings` (what a strict CI runs)
    // passes.
    for today in [INIT_DAY, "2029-01-01"] {
        let check = run(&["check", "--deny-warnings", "--today", today], &dir);
        assert_eq!(code(&check), 0, "{today}: {}", stderr(&check));
        assert_eq!(stderr(&check), "", "{today}");
    }
    let build = run(&["build"], &dir);
    assert_eq!(code(&build), 0, "{}", stderr(&build));
    let home = fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert_contains!(home, "Xã Lộc Hà", "Dữ liệu minh họa", "Thông báo mẫu");
    assert_lacks!(home, "__loaxa");
    assert!(
        dir.join("public/chien-dich/chien-dich-mau/index.html")
            .is_file()
    );
    assert!(dir.join("public/gioi-thieu/index.html").is_file());
}

#[test]
fn init_without_names_uses_sample_names() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("mau");
    assert_eq!(code(&init(&dir, &[])), 0);
    let site = fs::read_to_string(dir.join("data/site.yaml")).unwrap();
    assert_contains!(
        site,
        "commune: Xã Mẫu",
        "province: Tỉnh Mẫu",
        "sample: true"
    );
}

#[test]
fn init_quotes_names_yaml_would_misread() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("odd");
    let out = init(&dir, &["--commune", "Xã: Hà #1", "--province", "yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let build = run(&["build"], &dir);
    assert_eq!(code(&build), 0, "{}", stderr(&build));
    let home = fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert_contains!(home, "Xã: Hà #1");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("busy");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("notes.txt"), "mine").unwrap();
    let out = init(&dir, &[]);
    assert_eq!(code(&out), 2);
    assert_contains!(stderr(&out), "busy", "trống");
    let names: Vec<_> = fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
    assert_eq!(fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn new_notice_is_a_dated_draft_that_builds() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let title = "Kế hoạch: tuyên truyền \"i-HaTinh\" #1";
    let out = run(&["new", "notice", title, "--root", "."], root);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let relative = "content/notices/2026-06-10-ke-hoach-tuyen-truyen-i-hatinh-1.md";
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), relative);
    let text = fs::read_to_string(root.join(relative)).unwrap();
    assert_contains!(
        text,
        "title: \"Kế hoạch: tuyên truyền \\\"i-HaTinh\\\" #1\"",
        "date: 2026-06-10\n",
        "draft: true\n",
        "# number:",
        "# campaigns: [i-hatinh]"
    );

    let build = run(&["build", "--drafts"], root);
    assert_eq!(code(&build), 0, "{}", stderr(&build));
    let page = root.join("public/van-ban/2026-06-10-ke-hoach-tuyen-truyen-i-hatinh-1/index.html");
    assert_contains!(
        fs::read_to_string(page).unwrap(),
        "tuyên truyền &quot;i-HaTinh&quot; #1"
    );

    // Never over an existing file.
    fs::write(root.join(relative), "mine").unwrap();
    let again = run(&["new", "notice", title], root);
    assert_eq!(code(&again), 2, "{}", stderr(&again));
    assert_eq!(fs::read_to_string(root.join(relative)).unwrap(), "mine");
}

#[test]
fn new_notice_uses_today_and_refuses_an_empty_title() {
    let site = copy_site(&repo_root());
    let out = run(
        &["new", "notice", "Thông báo", "--today", "2026-11-23"],
        site.path(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        site.path()
            .join("content/notices/2026-11-23-thong-bao.md")
            .is_file()
    );
    let out = run(&["new", "notice", "?!"], site.path());
    assert_eq!(code(&out), 2);
    let out = run(
        &["new", "notice", "X", "--root", "/nonexistent"],
        site.path(),
    );
    assert_eq!(code(&out), 2);
}

#[test]
fn new_figure_keeps_every_line_and_shows_on_the_page() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let original = fs::read_to_string(&file).unwrap();
    let out = run(
        &[
            "new",
            "figure",
            "i-hatinh",
            "adults",
            "--count",
            "2345",
            "--date",
            "2026-07-15",
            "--today",
            TODAY,
        ],
        root,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_contains!(stderr(&out), "15/7/2026", "data/campaigns/i-hatinh.yaml:");
    let new = fs::read_to_string(&file).unwrap();
    assert_eq!(
        inserted_lines(&original, &new),
        ["      - date: 2026-07-15\n", "        count: 2345\n"]
    );

    let check = run(&["check", "--today", TODAY], root);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    let build = run(&["build", "--today", TODAY], root);
    assert_eq!(code(&build), 0, "{}", stderr(&build));
    let page = fs::read_to_string(root.join("public/chien-dich/i-hatinh/index.html")).unwrap();
    assert_contains!(page, "2.345", "datetime=\"2026-07-15\"");
}

#[test]
fn new_figure_defaults_to_today_and_takes_percent_or_remaining() {
    let site = copy_site(&fixture("truong-luu"));
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let original = fs::read_to_string(&file).unwrap();
    // The letter's figure is from 2026-06-10; a week later, without --date:
    let args = ["new", "figure", "i-hatinh", "adults", "--percent", "12.5"];
    let out = run(&[&args[..], &["--today", "2026-06-17"]].concat(), root);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let new = fs::read_to_string(&file).unwrap();
    assert_eq!(
        inserted_lines(&original, &new),
        ["      - date: 2026-06-17\n", "        percent: 12.5\n"]
    );
    let out = run(
        &["new", "figure", "i-hatinh", "adults", "--percent", "120"],
        root,
    );
    assert_eq!(code(&out), 2);
    assert_eq!(fs::read_to_string(&file).unwrap(), new);
}

#[test]
fn new_figure_adds_figures_to_an_indicator_without_any() {
    let site = copy_site(&fixture("cam-xuyen"));
    let root = site.path();
    let file = root.join("data/campaigns/dot-cao-diem-i-hatinh.yaml");
    let original = fs::read_to_string(&file).unwrap();
    let args = [
        "new",
        "figure",
        "dot-cao-diem-i-hatinh",
        "party",
        "--count",
        "120",
    ];
    let out = run(&[&args[..], &["--date", "2026-05-15"]].concat(), root);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let new = fs::read_to_string(&file).unwrap();
    assert_eq!(
        inserted_lines(&original, &new),
        [
            "    figures:\n",
            "      - { date: 2026-05-15, count: 120 }\n"
        ]
    );
    let check = run(&["check", "--today", TODAY], root);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
}

#[test]
fn a_duplicate_date_is_refused_and_the_file_unchanged() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let original = fs::read(&file).unwrap();
    let out = run(
        &[
            "new",
            "figure",
            "i-hatinh",
            "adults",
            "--count",
            "1",
            "--date",
            "2026-05-29",
        ],
        root,
    );
    assert_eq!(code(&out), 1);
    assert_contains!(stderr(&out), "29/5/2026", "data/campaigns/i-hatinh.yaml:");
    assert_eq!(fs::read(&file).unwrap(), original);
}

#[test]
fn a_figure_that_breaks_the_data_is_undone() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let original = fs::read(&file).unwrap();
    // More accounts than residents: an error, so the file goes back.
    let out = run(
        &[
            "new",
            "figure",
            "i-hatinh",
            "adults",
            "--count",
            "99999",
            "--date",
            "2026-08-01",
            "--today",
            TODAY,
        ],
        root,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_contains!(stderr(&out), "99.999", "29.226");
    assert_eq!(fs::read(&file).unwrap(), original);
}

#[test]
fn unknown_names_and_missing_values_are_usage_errors() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let original = fs::read(&file).unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["i-hatin", "adults", "--count", "1"], "i-hatinh"),
        (&["i-hatinh", "adult", "--count", "1"], "adults"),
        (&["i-hatinh", "adults"], "--count"),
        (&["../data/site", "adults", "--count", "1"], "i-hatinh"),
    ];
    for (args, hint) in cases {
        let out = run(&[&["new", "figure"][..], args].concat(), root);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert_contains!(stderr(&out), hint);
    }
    let both = run(
        &[
            "new",
            "figure",
            "i-hatinh",
            "adults",
            "--count",
            "1",
            "--percent",
            "2",
        ],
        root,
    );
    assert_eq!(code(&both), 2);
    assert_eq!(fs::read(&file).unwrap(), original);
}

#[test]
fn a_crlf_file_stays_crlf() {
    let site = copy_site(&fixture("cho-don"));
    let root = site.path();
    let file = root.join("data/campaigns/ho-tro-15.yaml");
    let lf = fs::read_to_string(&file).unwrap();
    let crlf = lf.replace('\n', "\r\n");
    fs::write(&file, &crlf).unwrap();
    let out = run(
        &[
            "new",
            "figure",
            "ho-tro-15",
            "vneid",
            "--count",
            "2900",
            "--date",
            "2025-08-21",
        ],
        root,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let new = fs::read_to_string(&file).unwrap();
    assert!(!new.replace("\r\n", "").contains('\n'), "a bare LF");
    assert_eq!(
        inserted_lines(&crlf, &new),
        ["      - { date: 2025-08-21, count: 2900 }\r\n"]
    );
    let check = run(&["check", "--today", "2025-08-21"], root);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn new_notice_takes_the_letters_date_number_and_campaigns() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let out = run(
        &[
            "new",
            "notice",
            "Kế hoạch tuyên truyền i-HaTinh",
            "--date",
            "03/11/2026",
            "--number",
            "12/KH-UBND",
            "--campaign",
            "i-hatinh",
            "--today",
            TODAY,
        ],
        root,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Named from the letter's date, not today's.
    let relative = "content/notices/2026-11-03-ke-hoach-tuyen-truyen-i-hatinh.md";
    assert_eq!(stdout(&out).trim(), relative);
    let text = fs::read_to_string(root.join(relative)).unwrap();
    assert_contains!(
        text,
        "\ndate: 2026-11-03\n",
        "\nnumber: \"12/KH-UBND\"\n",
        "\ncampaigns: [i-hatinh]\n",
        "draft: true"
    );
    let build = run(&["build", "--drafts", "--today", TODAY], root);
    assert_eq!(code(&build), 0, "{}", stderr(&build));
    let page = fs::read_to_string(
        root.join("public/van-ban/2026-11-03-ke-hoach-tuyen-truyen-i-hatinh/index.html"),
    )
    .unwrap();
    assert_contains!(page, "12/KH-UBND", "3/11/2026");

    // An unknown campaign or a date that is not one: a usage error, in words.
    let out = run(&["new", "notice", "X", "--campaign", "i-hatin"], root);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_contains!(stderr(&out), "i-hatinh");
    let out = run(&["new", "notice", "X", "--date", "31/02/2026"], root);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_contains!(stderr(&out), "NĂM-THÁNG-NGÀY", "03/11/2026");
}

#[test]
fn new_figure_arguments_get_the_same_vietnamese_hints_as_files() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let original = fs::read(&file).unwrap();
    let base = ["new", "figure", "i-hatinh", "adults", "--today", TODAY];
    let cases: [(&[&str], &str); 5] = [
        (&["--count", "4.102"], "`--count 4102`"),
        (&["--count", "1.000"], "`--count 1000`"),
        (&["--percent", "37,3"], "`--percent 37.3`"),
        (
            &["--count", "5", "--date", "2026-11-24"],
            "sau ngày hôm nay",
        ),
        (&["--count", "năm"], "số nguyên"),
    ];
    for (extra, words) in cases {
        let out = run(&[&base[..], extra].concat(), root);
        assert_eq!(code(&out), 2, "{extra:?}: {}", stderr(&out));
        assert_contains!(stderr(&out), words);
        assert_lacks!(stderr(&out), "invalid digit", "error:", "is not");
        assert_eq!(fs::read(&file).unwrap(), original, "{extra:?}");
    }
    // In English when asked, after the command.
    let out = run(
        &[&base[..], &["--count", "4.102", "--lang", "en"]].concat(),
        root,
    );
    assert_eq!(code(&out), 2);
    assert_contains!(stderr(&out), "write `--count 4102`");

    // A date as Vietnamese write it, a source and "about".
    let out = run(
        &[
            &base[..],
            &[
                "--percent",
                "37.3",
                "--date",
                "14/11/2026",
                "--source",
                "Sở KH&CN, báo cáo 5",
                "--approximate",
            ],
        ]
        .concat(),
        root,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let new = fs::read_to_string(&file).unwrap();
    assert_eq!(
        inserted_lines(&String::from_utf8(original).unwrap(), &new),
        [
            "      - date: 2026-11-14\n",
            "        percent: 37.3\n",
            "        source: \"Sở KH&CN, báo cáo 5\"\n",
            "        approximate: true\n",
        ]
    );
}

/// Runs `loaxa new figure` in `n` processes at once, one per (indicator,
/// date, count); every one must succeed and every figure must be there.
fn concurrent_figures(root: &Path, campaign: &str, figures: &[(&str, String, u64)]) {
    let children: Vec<_> = figures
        .iter()
        .map(|(indicator, date, count)| {
            Command::new(env!("CARGO_BIN_EXE_loaxa"))
                .args(["new", "figure", campaign, indicator, "--count"])
                .arg(count.to_string())
                .args(["--date", date, "--today", TODAY])
                .current_dir(root)
                .env("NO_COLOR", "1")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let text = fs::read_to_string(root.join(format!("data/campaigns/{campaign}.yaml"))).unwrap();
    for (_, date, count) in figures {
        assert!(
            text.contains(&format!("date: {date}")) && text.contains(&format!("count: {count}")),
            "the figure of {date} ({count}) was lost:\n{text}"
        );
    }
    let temporaries: Vec<_> = fs::read_dir(root.join("data/campaigns"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(temporaries.is_empty(), "{temporaries:?}");
    let check = run(&["check", "--today", TODAY], root);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
}

#[test]
fn concurrent_new_figures_all_land() {
    for round in 0..3 {
        // Eight at once on one indicator.
        let site = copy_site(&repo_root());
        let figures: Vec<_> = (0..8u64)
            .map(|i| {
                (
                    "adults",
                    format!("2026-07-{:02}", 10 + i),
                    1500 + 10 * i + round,
                )
            })
            .collect();
        concurrent_figures(site.path(), "i-hatinh", &figures);
        // Two at once on two indicators of one campaign.
        let site = copy_site(&fixture("cam-xuyen"));
        let figures = [
            ("party", "2026-05-16".to_string(), 100 + round),
            ("members", "2026-05-16".to_string(), 200 + round),
        ];
        concurrent_figures(site.path(), "dot-cao-diem-i-hatinh", &figures);
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_campaign_file_stays_a_link() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let shared = root.join("shared");
    fs::create_dir(&shared).unwrap();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    fs::rename(&file, shared.join("i-hatinh.yaml")).unwrap();
    std::os::unix::fs::symlink("../../shared/i-hatinh.yaml", &file).unwrap();
    let out = run(
        &[
            "new",
            "figure",
            "i-hatinh",
            "adults",
            "--count",
            "1500",
            "--date",
            "2026-07-01",
            "--today",
            TODAY,
        ],
        root,
    );
    assert!(code(&out) <= 1, "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&file)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    if code(&out) == 0 {
        let text = fs::read_to_string(shared.join("i-hatinh.yaml")).unwrap();
        assert_contains!(text, "date: 2026-07-01");
    }
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let vi = run(&["new", "figure", "--help"], dir.path());
    assert_eq!(code(&vi), 0);
    assert_contains!(
        stdout(&vi),
        "Cách dùng:",
        "Ví dụ:",
        "--approximate",
        "nguồn"
    );
    assert_lacks!(stdout(&vi), "Usage:", "Print help", "Options:");
    for args in [
        &["--lang", "en", "--help"][..],
        &["init", "--help", "--lang", "en"],
    ] {
        let en = run(args, dir.path());
        assert_eq!(code(&en), 0, "{args:?}: {}", stderr(&en));
        assert_contains!(stdout(&en), "Usage:", "Examples:");
    }
    let init = run(&["init", "--help"], dir.path());
    assert_contains!(
        stdout(&init),
        ".github/workflows/loaxa.yml",
        ".gitlab-ci.yml"
    );
    // LOAXA_LANG for every command.
    let en = Command::new(env!("CARGO_BIN_EXE_loaxa"))
        .args(["check", "--help"])
        .env("LOAXA_LANG", "en")
        .output()
        .unwrap();
    assert_contains!(String::from_utf8_lossy(&en.stdout), "Usage:");
    // A mistake in the command, in Vietnamese.
    let typo = run(&["biuld"], dir.path());
    assert_eq!(code(&typo), 2);
    assert_contains!(stderr(&typo), "không có lệnh `biuld`", "`build`");
    assert_lacks!(stderr(&typo), "error:", "unrecognized");
}

#[test]
fn git_ignores_the_output_the_spare_and_its_lock() {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(std::env::var("CI").is_err(), "git is needed in CI");
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("site");
    assert_eq!(code(&init(&dir, &[])), 0);
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .expect("git")
    };
    assert!(git(&["init", "-q"]).status.success());
    // Two builds: the second leaves the first's tree as the spare.
    for _ in 0..2 {
        let build = run(&["build"], &dir);
        assert_eq!(code(&build), 0, "{}", stderr(&build));
    }
    assert!(dir.join(".public.loaxa-spare").is_dir());
    let status =
        String::from_utf8(git(&["status", "--porcelain", "--untracked-files=all"]).stdout).unwrap();
    assert!(!status.is_empty(), "git saw nothing at all");
    assert_lacks!(status, "public", "loaxa-spare", ".lock");
}

#[test]
fn check_warns_about_init_placeholders_left_in_a_real_site() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("site");
    assert_eq!(code(&init(&dir, &[])), 0);
    let site_file = dir.join("data/site.yaml");
    let text = fs::read_to_string(&site_file).unwrap();
    fs::write(&site_file, text.replace("sample: true", "sample: false")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"0000000000\""))
        .unwrap()
        + 1;
    let check = run(&["check", "--today", INIT_DAY], &dir);
    assert_eq!(code(&check), 0, "warnings only: {}", stderr(&check));
    let said = stderr(&check);
    assert_contains!(
        said,
        &format!("data/site.yaml:{line}:"),
        "0000000000",
        "chien-dich-mau",
        "Xã Mẫu",
        "Đây là văn bản mẫu"
    );
    let strict = run(&["check", "--deny-warnings", "--today", INIT_DAY], &dir);
    assert_eq!(code(&strict), 1);
}

#[test]
fn yaml_mistakes_are_explained_in_vietnamese_at_their_line() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/site.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let cases = [
        ("\n  number:", "\n\tnumber:", "phím Tab"),
        ("\ncommune: ", "\ncommune ", "Thiếu dấu hai chấm"),
    ];
    for (from, to, words) in cases {
        assert!(text.contains(from), "{from:?}");
        let broken = text.replacen(from, to, 1);
        let line = broken[..broken.find(to).unwrap() + 1].lines().count() + 1;
        fs::write(&file, &broken).unwrap();
        let check = run(&["check", "--today", TODAY], root);
        assert_eq!(code(&check), 1);
        assert_contains!(
            stderr(&check),
            words,
            &format!("data/site.yaml:{line}:"),
            "cách sửa"
        );
        assert_lacks!(stderr(&check), "while scanning", "simple key", "expected");
        let en = run(&["check", "--today", TODAY, "--lang", "en"], root);
        assert_lacks!(stderr(&en), "Thiếu", "phím Tab");
    }
}

/// Found by fuzzing `edit_figure`: a carriage return alone made the
/// editor's lines and YAML's differ.
#[test]
fn a_file_with_a_lone_carriage_return_is_left_alone() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let file = root.join("data/campaigns/i-hatinh.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let stray = format!("# ghi chú\r cũ\n{text}");
    fs::write(&file, &stray).unwrap();
    let args = ["new", "figure", "i-hatinh", "adults", "--count", "1500"];
    let out = run(
        &[&args[..], &["--date", "2026-07-01", "--today", TODAY]].concat(),
        root,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_contains!(stderr(&out), "data/campaigns/i-hatinh.yaml:1:10", "(CR)");
    assert_eq!(fs::read_to_string(&file).unwrap(), stray);
}
