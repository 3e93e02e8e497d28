//! The refusal and warning corpus: one small site per mistake in FORMAT.md
//! ("What must be refused", "What must be warned about"), made the way a
//! commune's communications officer would make it. Each case checks the
//! diagnostic's code, file, exact line and column, severity, and that the
//! message and hint say something useful; a few go through the real binary.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// The shared options with a base URL: each case is about its own mistake,
/// not the one warning every site without an address gets (`no-base-url`,
/// tested on its own).
fn options() -> loaxa::pipeline::Options {
    loaxa::pipeline::Options {
        base_url: Some("https://locha.hatinh.gov.vn/cds/".into()),
        ..common::options()
    }
}
use loaxa::diagnostic::{Diagnostic, Severity, render_human};
use loaxa::pipeline::{self, Options, Outcome, Today};
use loaxa::vi::Lang;

const SITE_PATH: &str = "data/site.yaml";
const CAMPAIGN_PATH: &str = "data/campaigns/i-hatinh.yaml";
const NOTICE_PATH: &str = "content/notices/2026-06-02-959-ubnd-vhxh.md";
const PAGE_PATH: &str = "content/pages/huong-dan.md";

/// A minimal valid site.yaml: every required field and one app.
const SITE: &str = "\
title: Chuyển đổi số xã Lộc Hà
commune: Xã Lộc Hà
province: Hà Tĩnh
portal: { name: Cổng thông tin xã Lộc Hà, url: https://locha.hatinh.gov.vn/ }
hotline:
  number: \"19009038\"
  label: Đường dây nóng phản ánh hiện trường
contacts:
  - { name: Nguyễn Huy Tuyền, role: Phòng Văn hóa – Xã hội, phone: \"0916222326\" }
apps:
  - id: i-hatinh
    name: i-HaTinh
    ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323
    android: https://play.google.com/store/apps/details?id=vn.gov.hatinh.app
";

/// A minimal valid campaign, with one indicator, one phase and one figure.
const CAMPAIGN: &str = "\
title: Cài đặt ứng dụng Công dân số i-HaTinh
app: i-hatinh
start: 2026-05-13
deadline: 2026-12-31
phases:
  - name: Đợt 1
    start: 2026-05-13
    end: 2026-05-31
    targets: { adults: { percent: 10 } }
indicators:
  - id: adults
    label: Người dân từ 18 tuổi trở lên có tài khoản
    unit: tài khoản
    population: 29226
    target: { percent: 30 }
    figures:
      - date: 2026-05-29
        count: 1299
        source: Sở Khoa học và Công nghệ
";

/// A minimal valid notice, belonging to the campaign.
const NOTICE: &str = "\
---
title: Đôn đốc tiếp tục cài đặt, sử dụng ứng dụng Công dân số i-HaTinh
kind: Công văn
number: 959/UBND-VHXH
date: 2026-06-02
campaigns: [i-hatinh]
---
Ủy ban nhân dân xã đề nghị các thôn tiếp tục hướng dẫn người dân.
";

/// A minimal valid free page.
const PAGE: &str = "\
---
title: Hướng dẫn cài đặt i-HaTinh
order: 1
---
Mở App Store hoặc CH Play, tìm `i-HaTinh`.
";

/// The base site with some files replaced (or added), as path → text.
fn files_with(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut files: BTreeMap<String, String> = [
        (SITE_PATH, SITE),
        (CAMPAIGN_PATH, CAMPAIGN),
        (NOTICE_PATH, NOTICE),
        (PAGE_PATH, PAGE),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    for (path, text) in changes {
        files.insert(path.to_string(), text.to_string());
    }
    files.into_iter().collect()
}

/// Writes the base site with `changes` into a temp dir.
fn site_dir(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let files = files_with(changes);
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    site_with(&refs)
}

/// Runs the pipeline (no write) on the base site with `changes`.
fn run(changes: &[(&str, &str)]) -> Outcome {
    run_with(changes, &options())
}

fn run_with(changes: &[(&str, &str)], options: &Options) -> Outcome {
    let dir = site_dir(changes);
    pipeline::run(dir.path(), options)
}

/// `base` with `from` (which must occur exactly once) replaced by `to`.
fn mutate(base: &str, from: &str, to: &str) -> String {
    assert_eq!(
        base.matches(from).count(),
        1,
        "`{from}` must occur exactly once in the base text"
    );
    base.replacen(from, to, 1)
}

/// Where `needle` (which must occur exactly once) starts in `text`, as
/// 1-based line and column in characters.
fn at(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "`{needle}` must occur exactly once in:\n{text}"
    );
    let offset = text.find(needle).expect("found");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The one diagnostic of the run, which must have `code`; any other
/// diagnostic fails the test (one mistake, one message, no noise).
fn the_one<'a>(outcome: &'a Outcome, code: &str) -> &'a Diagnostic {
    assert_eq!(
        outcome.diagnostics.len(),
        1,
        "expected exactly one diagnostic `{code}`, got:\n{}",
        shown(outcome)
    );
    let d = &outcome.diagnostics[0];
    assert_eq!(d.code, code, "{}", shown(outcome));
    d
}

/// The diagnostics of the run, rendered, for failure messages.
fn shown(outcome: &Outcome) -> String {
    render_human(&outcome.diagnostics, Lang::En, &outcome.sources, false)
}

/// Checks an error's file and exact position.
fn assert_error_at(d: &Diagnostic, file: &str, (line, column): (usize, usize)) {
    assert_eq!(d.severity, Severity::Error, "{d:?}");
    assert_position(d, file, (line, column));
}

fn assert_warning_at(d: &Diagnostic, file: &str, (line, column): (usize, usize)) {
    assert_eq!(d.severity, Severity::Warning, "{d:?}");
    assert_position(d, file, (line, column));
}

fn assert_position(d: &Diagnostic, file: &str, (line, column): (usize, usize)) {
    assert_eq!(d.file, Path::new(file), "{d:?}");
    assert_eq!(
        (d.line, d.column),
        (line, column),
        "wrong position for {}: {:?}",
        d.code,
        d.message.en
    );
}

/// Message and hint, in both languages, contain the given words.
fn says(d: &Diagnostic, message: &[&str], hint: &[&str]) {
    let h = d.hint.as_ref().unwrap_or_else(|| panic!("no hint: {d:?}"));
    for word in message {
        let en = english(word);
        assert!(
            d.message.vi.contains(word) && d.message.en.contains(&en),
            "message lacks {word:?} / {en:?}: {:?}",
            d.message
        );
    }
    for word in hint {
        let en = english(word);
        assert!(
            h.vi.contains(word) && h.en.contains(&en),
            "hint lacks {word:?} / {en:?}: {h:?}"
        );
    }
}

/// A number or date as the English messages write it: `29.226` → `29,226`,
/// `29/5/2026` → `29 May 2026`; anything else as it is.
fn english(word: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = word.split('/').collect();
    if let [day, month, year] = parts[..]
        && let (Ok(day), Ok(month), Ok(year)) = (
            day.parse::<u32>(),
            month.parse::<usize>(),
            year.parse::<u32>(),
        )
        && (1..=12).contains(&month)
    {
        return format!("{day} {} {year}", MONTHS[month - 1]);
    }
    let grouped = word.split('.').count() > 1
        && word.split('.').skip(1).all(|g| g.len() == 3)
        && word.chars().all(|c| c.is_ascii_digit() || c == '.');
    if grouped {
        word.replace('.', ",")
    } else {
        word.to_string()
    }
}

/// The human report, as an officer reads it in a terminal.
fn report(outcome: &Outcome, lang: Lang) -> String {
    render_human(&outcome.diagnostics, lang, &outcome.sources, false)
}

#[test]
fn the_base_site_is_clean() {
    let outcome = run(&[]);
    assert!(outcome.diagnostics.is_empty(), "{}", shown(&outcome));
    assert!(outcome.files.is_some());
}

// ---------------------------------------------------------------------------
// Missing required fields

#[test]
fn missing_site_title() {
    let text = mutate(SITE, "title: Chuyển đổi số xã Lộc Hà\n", "");
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    // Reported where the map starts: the first line of the file.
    assert_error_at(d, SITE_PATH, (1, 1));
    says(d, &["`title`"], &["title: …"]);
    assert!(d.message.vi.contains("site.yaml"), "{:?}", d.message);
}

#[test]
fn missing_hotline() {
    let text = mutate(
        SITE,
        "hotline:\n  number: \"19009038\"\n  label: Đường dây nóng phản ánh hiện trường\n",
        "",
    );
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, SITE_PATH, (1, 1));
    says(d, &["`hotline`"], &["hotline: …"]);
}

#[test]
fn missing_hotline_number() {
    let text = mutate(SITE, "  number: \"19009038\"\n", "");
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, SITE_PATH, at(&text, "label: Đường dây nóng"));
    says(d, &["`number`"], &["number: …"]);
    assert!(d.message.vi.contains("đường dây nóng"), "{:?}", d.message);
}

#[test]
fn missing_campaign_title() {
    let text = mutate(
        CAMPAIGN,
        "title: Cài đặt ứng dụng Công dân số i-HaTinh\n",
        "",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, CAMPAIGN_PATH, (1, 1));
    says(d, &["`title`"], &["title: …"]);
}

#[test]
fn missing_indicators() {
    let start = CAMPAIGN.find("indicators:").expect("indicators");
    let text = &CAMPAIGN[..start];
    // The phase names `adults`, which no longer exists: drop the phase too so
    // the one mistake is the missing list.
    let text = mutate(text, "    targets: { adults: { percent: 10 } }\n", "");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, CAMPAIGN_PATH, (1, 1));
    says(d, &["`indicators`"], &["indicators: …"]);
}

#[test]
fn an_empty_indicator_list() {
    let start = CAMPAIGN.find("indicators:").expect("indicators");
    let text = format!("{}indicators: []\n", &CAMPAIGN[..start]);
    let text = mutate(&text, "    targets: { adults: { percent: 10 } }\n", "");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "no-indicators");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "[]"));
    assert!(
        d.message.vi.contains("ít nhất một chỉ số"),
        "{:?}",
        d.message
    );
}

#[test]
fn missing_indicator_id() {
    let text = mutate(CAMPAIGN, "  - id: adults\n    label:", "  - label:");
    // The phase target then names an indicator that is not there any more.
    let text = mutate(&text, "    targets: { adults: { percent: 10 } }\n", "");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "label: Người dân"));
    says(d, &["`id`"], &["id: …"]);
    assert!(d.message.vi.contains("chỉ số"), "{:?}", d.message);
}

#[test]
fn missing_indicator_label() {
    let text = mutate(
        CAMPAIGN,
        "    label: Người dân từ 18 tuổi trở lên có tài khoản\n",
        "",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "id: adults"));
    says(d, &["`label`"], &["label: …"]);
}

#[test]
fn missing_notice_title() {
    let text = mutate(
        NOTICE,
        "title: Đôn đốc tiếp tục cài đặt, sử dụng ứng dụng Công dân số i-HaTinh\n",
        "",
    );
    let outcome = run(&[(NOTICE_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    // The front matter starts on line 2, after the opening `---`.
    assert_error_at(d, NOTICE_PATH, (2, 1));
    says(d, &["`title`"], &["title: …"]);
    assert!(d.message.vi.contains("văn bản"), "{:?}", d.message);
}

#[test]
fn missing_notice_date() {
    let text = mutate(NOTICE, "date: 2026-06-02\n", "");
    let outcome = run(&[(NOTICE_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, NOTICE_PATH, (2, 1));
    says(d, &["`date`"], &["date: …"]);
}

#[test]
fn missing_page_title() {
    let text = mutate(PAGE, "title: Hướng dẫn cài đặt i-HaTinh\n", "");
    let outcome = run(&[(PAGE_PATH, &text)]);
    let d = the_one(&outcome, "missing-field");
    assert_error_at(d, PAGE_PATH, (2, 1));
    says(d, &["`title`"], &["title: …"]);
}

#[test]
fn an_empty_title_is_not_a_title() {
    let text = mutate(
        CAMPAIGN,
        "title: Cài đặt ứng dụng Công dân số i-HaTinh",
        "title: \"  \"",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "empty-text");
    assert_error_at(d, CAMPAIGN_PATH, (1, 8));
}

#[test]
fn notice_without_front_matter() {
    let text = "Đôn đốc tiếp tục cài đặt i-HaTinh\n\nNội dung.\n";
    let outcome = run(&[(NOTICE_PATH, text)]);
    let d = the_one(&outcome, "missing-front-matter");
    assert_error_at(d, NOTICE_PATH, (1, 1));
    assert!(d.hint.as_ref().unwrap().vi.contains("`---`"), "{d:?}");
}

// ---------------------------------------------------------------------------
// Unknown keys

#[test]
fn unknown_key_suggests_the_near_one() {
    let text = mutate(CAMPAIGN, "population: 29226", "popluation: 29226");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "unknown-field");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "popluation"));
    says(d, &["`popluation`"], &["`population`"]);
}

#[test]
fn unknown_key_in_site_yaml_lists_the_valid_ones() {
    let text = format!("{SITE}dien_thoai: \"0916222326\"\n");
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "unknown-field");
    assert_error_at(d, SITE_PATH, at(&text, "dien_thoai"));
    says(d, &["`dien_thoai`"], &["hotline", "contacts"]);
}

#[test]
fn unknown_key_in_a_flow_map() {
    let text = mutate(CAMPAIGN, "{ percent: 30 }", "{ percnet: 30 }");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    // The target is then also empty, said on the same line; the typo is the
    // message that tells what to write.
    let codes: Vec<&str> = outcome.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["empty-target", "unknown-field"],
        "{}",
        shown(&outcome)
    );
    let d = &outcome.diagnostics[1];
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "percnet"));
    says(d, &["`percnet`"], &["`percent`"]);
    let empty = &outcome.diagnostics[0];
    assert_error_at(empty, CAMPAIGN_PATH, at(&text, "{ percnet"));
}

#[test]
fn unknown_key_in_notice_front_matter() {
    let text = mutate(NOTICE, "kind: Công văn", "loai: Công văn");
    let outcome = run(&[(NOTICE_PATH, &text)]);
    let d = the_one(&outcome, "unknown-field");
    assert_error_at(d, NOTICE_PATH, at(&text, "loai"));
    says(d, &["`loai`"], &[]);
}

// ---------------------------------------------------------------------------
// Dates

#[test]
fn vietnamese_date_spelling_gets_the_iso_form() {
    let text = mutate(CAMPAIGN, "date: 2026-05-29", "date: 29/5/2026");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "malformed-date");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "29/5/2026"));
    says(d, &["`29/5/2026`"], &["`2026-05-29`"]);
}

#[test]
fn a_day_that_does_not_exist() {
    let text = mutate(NOTICE, "date: 2026-06-02", "date: 2026-02-30");
    let outcome = run(&[(NOTICE_PATH, &text)]);
    let d = the_one(&outcome, "malformed-date");
    assert_error_at(d, NOTICE_PATH, at(&text, "2026-02-30"));
    says(d, &["`2026-02-30`"], &["2026-05-29"]);
}

#[test]
fn a_date_with_dots_in_a_deadline() {
    let text = mutate(CAMPAIGN, "deadline: 2026-12-31", "deadline: 31.12.2026");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "malformed-date");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "31.12.2026"));
    says(d, &[], &["`2026-12-31`"]);
}

// ---------------------------------------------------------------------------
// Numbers

#[test]
fn negative_count() {
    let text = mutate(CAMPAIGN, "count: 1299", "count: -1299");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "negative-count");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "-1299"));
    assert!(d.message.vi.contains("âm"), "{:?}", d.message);
}

#[test]
fn count_above_its_population() {
    let text = mutate(CAMPAIGN, "count: 1299", "count: 30000");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "above-population");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "30000"));
    says(d, &["30.000", "29.226"], &["`population`"]);
}

#[test]
fn count_above_the_population_of_its_date() {
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        population: 1000\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "above-population");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "1299"));
    says(d, &["1.299", "1.000"], &[]);
}

#[test]
fn a_breakdown_row_above_its_population() {
    let text = format!(
        "{CAMPAIGN}    breakdown:\n      - date: 2026-06-10\n        by: thôn\n        rows:\n          - {{ name: Thôn Trung Lương, count: 1200, population: 900 }}\n"
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "above-population");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "1200"));
    says(d, &["1.200", "900"], &[]);
}

#[test]
fn thousands_dot_in_a_population() {
    let text = mutate(CAMPAIGN, "population: 29226", "population: 29.226");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "thousands-separator");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "29.226"));
    says(d, &["`29.226`"], &["`29226`"]);
}

/// "1.000" is one thousand to a Vietnamese reader: never read as 1.
#[test]
fn a_count_written_with_a_thousands_dot_is_refused_not_read_as_one() {
    let text = mutate(CAMPAIGN, "count: 1299", "count: 1.000");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "thousands-separator");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "1.000"));
    says(d, &["`1.000`"], &["`1000`"]);
    assert!(
        d.hint.as_ref().unwrap().vi.contains("nếu là 1.000"),
        "{d:?}"
    );
    assert!(outcome.files.is_none());
}

#[test]
fn a_population_written_with_a_thousands_dot_is_refused() {
    let text = mutate(CAMPAIGN, "population: 29226", "population: 1.000");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "thousands-separator");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "1.000"));
    says(d, &["`1.000`"], &["`1000`"]);
}

/// The message echoes what was written, not the number YAML read (11.25).
#[test]
fn the_message_echoes_the_number_as_written() {
    let text = mutate(CAMPAIGN, "count: 1299", "count: 11.250");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "thousands-separator");
    says(d, &["`11.250`"], &["`11250`"]);
    assert!(!d.message.vi.contains("11.25`"), "{d:?}");
}

#[test]
fn remaining_and_target_counts_refuse_separators_too() {
    for (from, to, raw, plain) in [
        ("count: 1299", "remaining: 27.927", "27.927", "27927"),
        ("{ percent: 30 }", "{ count: 8.489 }", "8.489", "8489"),
        ("count: 1299", "count: 1,299", "1,299", "1299"),
    ] {
        let text = mutate(CAMPAIGN, from, to);
        let outcome = run(&[(CAMPAIGN_PATH, &text)]);
        let d = outcome
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .unwrap_or_else(|| panic!("{to}: no error:\n{}", shown(&outcome)));
        assert_error_at(d, CAMPAIGN_PATH, at(&text, raw));
        let hint = &d.hint.as_ref().expect("hint").vi;
        assert!(hint.contains(&format!("`{plain}`")), "{to}: {hint}");
    }
}

/// A count with real decimals is not a thousands mistake: it says so.
#[test]
fn a_count_with_decimals_is_not_a_whole_number() {
    let text = mutate(CAMPAIGN, "count: 1299", "count: 12.5");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "thousands-separator");
    says(d, &["`12.5`"], &[]);
    assert!(d.message.vi.contains("không phải là số nguyên"), "{d:?}");
}

#[test]
fn a_percent_with_a_decimal_comma_gets_the_fix() {
    let text = mutate(CAMPAIGN, "count: 1299", "percent: 34,4");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "wrong-type");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "34,4"));
    says(d, &[], &["`34.4`"]);
}

#[test]
fn a_population_of_zero_is_refused() {
    let text = mutate(CAMPAIGN, "population: 29226", "population: 0");
    let text = mutate(&text, "count: 1299", "count: 0");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "population-zero");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "0\n    target"));
    assert!(outcome.files.is_none());
}

#[test]
fn a_count_no_commune_could_have_is_refused() {
    let text = mutate(
        CAMPAIGN,
        "population: 29226",
        "population: 9223372036854775807",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "number-too-large");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "9223372036854775807"));
}

/// A typo in the month publishes nothing: it would show a count nobody
/// reported yet and hide the overdue alert.
#[test]
fn a_figure_dated_after_today_is_an_error() {
    let text = mutate(
        CAMPAIGN,
        "        source: Sở Khoa học và Công nghệ\n",
        "        source: Sở Khoa học và Công nghệ\n      - date: 2026-12-07\n        count: 1500\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "future-figure");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "2026-12-07"));
    says(d, &["7/12/2026", "23/11/2026"], &["`2026-11-23`"]);
    assert!(outcome.files.is_none());
}

/// FORMAT's own comment: "population, target optional" in a `{ }` row, and
/// a row's target is a count.
#[test]
fn a_breakdown_row_with_a_bare_target_count_is_accepted() {
    let text = mutate(
        CAMPAIGN,
        "        source: Sở Khoa học và Công nghệ\n",
        "        source: Sở Khoa học và Công nghệ\n    breakdown:\n      - date: 2026-05-29\n        by: đơn vị\n        rows:\n          - { name: Trường Mầm non, count: 370, target: 525 }\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    assert!(outcome.diagnostics.is_empty(), "{}", shown(&outcome));
    let files = outcome.files.expect("built");
    let page = String::from_utf8_lossy(&files["chien-dich/i-hatinh/index.html"]).to_string();
    // 370 of a target of 525: not reached.
    assert!(
        page.contains("525") && page.contains("Chưa đạt"),
        "row target lost"
    );
}

/// A row that is not a map gets a hint for a `{ }` row, in the officer's file.
#[test]
fn a_breakdown_row_that_is_not_a_map_says_how_to_write_one() {
    let text = mutate(
        CAMPAIGN,
        "        source: Sở Khoa học và Công nghệ\n",
        "        source: Sở Khoa học và Công nghệ\n    breakdown:\n      - date: 2026-05-29\n        by: đơn vị\n        rows:\n          - Trường Mầm non 370\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "expected-map");
    let hint = &d.hint.as_ref().expect("hint").vi;
    assert!(hint.contains("{ name:"), "{hint}");
    assert!(!hint.contains("FORMAT"), "{hint}");
}

#[test]
fn a_headline_names_an_indicator_of_the_campaign() {
    let text = mutate(
        CAMPAIGN,
        "app: i-hatinh\n",
        "app: i-hatinh\nheadline: adult\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "unknown-indicator");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "adult\n"));
    says(d, &["`adult`"], &["`adults`"]);
}

#[test]
fn percent_above_100() {
    let text = mutate(CAMPAIGN, "{ percent: 30 }", "{ percent: 130 }");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "percent-out-of-range");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "130"));
    says(d, &["130", "0–100"], &[]);
}

#[test]
fn negative_percent_in_a_figure() {
    let text = mutate(CAMPAIGN, "count: 1299", "percent: -4.44");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "percent-out-of-range");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "-4.44"));
}

#[test]
fn percent_sign_is_explained() {
    let text = mutate(CAMPAIGN, "{ percent: 30 }", "{ percent: 30% }");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "wrong-type");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "30%"));
    says(d, &[], &["`30`"]);
}

#[test]
fn a_figure_with_no_value() {
    let text = mutate(CAMPAIGN, "        count: 1299\n", "");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "figure-value");
    // Pointed at the figure: its first field, `date`.
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "date: 2026-05-29"));
    says(
        d,
        &["`count`", "`percent`", "`remaining`"],
        &["`remaining`"],
    );
}

#[test]
fn a_figure_with_two_values() {
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        percent: 4.44\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "figure-value");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "date: 2026-05-29"));
    says(d, &["count, percent"], &[]);
}

#[test]
fn duplicate_figure_dates() {
    let text = mutate(
        CAMPAIGN,
        "        source: Sở Khoa học và Công nghệ\n",
        "        source: Sở Khoa học và Công nghệ\n      - date: 2026-05-29\n        count: 1350\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "duplicate-date");
    // The second figure is the one reported, and the first one's line is named.
    let second = text.rfind("2026-05-29").expect("second");
    let line = text[..second].matches('\n').count() + 1;
    assert_error_at(d, CAMPAIGN_PATH, (line, 15));
    let (first_line, _) = at(CAMPAIGN, "2026-05-29");
    says(d, &["29/5/2026", &format!("{first_line})")], &[]);
}

// ---------------------------------------------------------------------------
// Phases

#[test]
fn a_phase_that_ends_before_it_starts() {
    let text = mutate(CAMPAIGN, "end: 2026-05-31", "end: 2026-05-03");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "phase-ends-before-start");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "2026-05-03"));
    says(d, &["3/5/2026", "13/5/2026"], &["`start`", "`end`"]);
}

#[test]
fn a_phase_with_wrong_dates_still_has_its_targets_checked() {
    let text = mutate(CAMPAIGN, "end: 2026-05-31", "end: 2026-05-03");
    let text = mutate(
        &text,
        "{ adults: { percent: 10 } }",
        "{ adult: { percent: 10 } }",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let codes: Vec<&str> = outcome.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["phase-ends-before-start", "unknown-indicator"],
        "{}",
        shown(&outcome)
    );
}

#[test]
fn a_phase_target_for_a_missing_indicator() {
    let text = mutate(
        CAMPAIGN,
        "{ adults: { percent: 10 } }",
        "{ adult: { percent: 10 } }",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "unknown-indicator");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "adult:"));
    says(d, &["`adult`"], &["`adults`"]);
}

// ---------------------------------------------------------------------------
// References between files

#[test]
fn an_unknown_app_id() {
    let text = mutate(CAMPAIGN, "app: i-hatinh", "app: vneid");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "unknown-app");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "vneid"));
    says(d, &["`vneid`", "site.yaml"], &["i-hatinh"]);
}

#[test]
fn an_app_id_with_a_typo() {
    let text = mutate(CAMPAIGN, "app: i-hatinh", "app: i-hatin");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "unknown-app");
    assert_error_at(d, CAMPAIGN_PATH, at(&text, "i-hatin\n"));
    says(d, &["`i-hatin`"], &["`i-hatinh`"]);
}

#[test]
fn an_unknown_campaign_in_a_notice() {
    let text = mutate(
        NOTICE,
        "campaigns: [i-hatinh]",
        "campaigns: [i-hatinh, vneid-muc-2]",
    );
    let outcome = run(&[(NOTICE_PATH, &text)]);
    let d = the_one(&outcome, "unknown-campaign");
    assert_error_at(d, NOTICE_PATH, at(&text, "vneid-muc-2"));
    says(d, &["`vneid-muc-2`"], &["i-hatinh"]);
}

#[test]
fn two_pages_writing_the_same_url() {
    // A free page named like the built-in list of notices (/van-ban/).
    let page = "---\ntitle: Văn bản\n---\nDanh sách văn bản.\n";
    let outcome = run(&[("content/pages/van-ban.md", page)]);
    let d = the_one(&outcome, "duplicate-url");
    // The whole file: its name is the fault.
    assert_error_at(d, "content/pages/van-ban.md", (0, 0));
    says(d, &["/van-ban/"], &[]);
}

#[test]
fn two_notices_whose_names_fold_to_one_url() {
    let a = "content/notices/Công văn 959.md";
    let b = "content/notices/cong-van-959.md";
    let outcome = run(&[(a, NOTICE), (b, NOTICE)]);
    let errors: Vec<&Diagnostic> = outcome.diagnostics.iter().collect();
    assert_eq!(errors.len(), 2, "{}", shown(&outcome));
    for (d, (me, other)) in errors.iter().zip([(a, b), (b, a)]) {
        assert_eq!(d.code, "duplicate-url");
        assert_error_at(d, me, (0, 0));
        // Each names the other file and the URL they fight over.
        says(d, &["/van-ban/cong-van-959/", other], &[]);
    }
}

// ---------------------------------------------------------------------------
// Links and phone numbers

#[test]
fn a_javascript_app_link() {
    let text = mutate(
        SITE,
        "ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323",
        "ios: javascript:alert(1)",
    );
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "unsafe-link");
    assert_error_at(d, SITE_PATH, at(&text, "javascript:"));
    says(d, &["javascript:alert(1)", "https://"], &["https://"]);
    assert!(
        outcome.files.is_none(),
        "a refused link must not reach a page"
    );
}

#[test]
fn a_data_link_as_the_portal() {
    let text = mutate(
        SITE,
        "url: https://locha.hatinh.gov.vn/",
        "url: \"data:text/html,<script>alert(1)</script>\"",
    );
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "unsafe-link");
    assert_error_at(d, SITE_PATH, at(&text, "\"data:"));
    says(d, &["data:text/html"], &[]);
}

#[test]
fn a_link_without_its_scheme() {
    let text = mutate(
        SITE,
        "android: https://play.google.com/store/apps/details?id=vn.gov.hatinh.app",
        "android: play.google.com/store/apps/details?id=vn.gov.hatinh.app",
    );
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "unsafe-link");
    assert_error_at(d, SITE_PATH, at(&text, "play.google.com"));
}

#[test]
fn an_attachment_that_climbs_out_of_static() {
    let text = mutate(
        NOTICE,
        "campaigns: [i-hatinh]\n",
        "campaigns: [i-hatinh]\nattachments: [{ title: Bản ký số, url: ../../etc/passwd }]\n",
    );
    let outcome = run(&[(NOTICE_PATH, &text)]);
    let d = the_one(&outcome, "unsafe-link");
    assert_error_at(d, NOTICE_PATH, at(&text, "../../etc/passwd"));
    says(d, &[], &[]);
}

#[test]
fn a_phone_number_with_dashes() {
    let text = mutate(SITE, "number: \"19009038\"", "number: \"1900-9038\"");
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "malformed-phone");
    assert_error_at(d, SITE_PATH, at(&text, "\"1900-9038\""));
    says(d, &["1900-9038"], &["`\"19009038\"`"]);
}

#[test]
fn a_phone_number_with_letters() {
    let text = mutate(
        SITE,
        "phone: \"0916222326\"",
        "phone: \"0916 222 326 (anh Tuyền)\"",
    );
    let outcome = run(&[(SITE_PATH, &text)]);
    let d = the_one(&outcome, "malformed-phone");
    assert_error_at(d, SITE_PATH, at(&text, "\"0916 222 326"));
    says(d, &["anh Tuyền"], &["`\"0916222326\"`"]);
}

#[test]
fn phone_numbers_that_are_allowed() {
    for good in ["\"0916 222 326\"", "\"+84 916.222.326\"", "0916222326"] {
        let text = mutate(SITE, "phone: \"0916222326\"", &format!("phone: {good}"));
        let outcome = run(&[(SITE_PATH, &text)]);
        assert!(
            outcome.diagnostics.is_empty(),
            "{good}: {}",
            shown(&outcome)
        );
    }
}

// ---------------------------------------------------------------------------
// Warnings

#[test]
fn a_stated_percent_off_by_more_than_005_names_the_base() {
    // The Lộc Hà letter: 1.299/29.226 printed as 4,59 % (it is 4,44 %).
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        stated_percent: 4.59\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "stated-percent-differs");
    assert_warning_at(d, CAMPAIGN_PATH, at(&text, "4.59"));
    assert!(
        d.message.vi.contains("4,59 %") && d.message.vi.contains("4,44 %"),
        "{d:?}"
    );
    assert!(
        d.message.en.contains("4.59%") && d.message.en.contains("4.44%"),
        "{d:?}"
    );
    // 1299 / 4,59 % ≈ 28.301 people: the base the letter must have used.
    says(d, &[], &["28.301", "`population`"]);
    assert!(outcome.files.is_some(), "a warning does not stop the build");
}

#[test]
fn a_stated_percent_within_005_is_quiet() {
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        stated_percent: 4.48\n",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    assert!(outcome.diagnostics.is_empty(), "{}", shown(&outcome));
}

fn with_reporting() -> String {
    mutate(
        CAMPAIGN,
        "deadline: 2026-12-31\n",
        "deadline: 2026-12-31\nreporting:\n  every: [monday, thursday]\n  before: \"14:00\"\n",
    )
}

#[test]
fn figures_older_than_the_reporting_schedule() {
    let text = with_reporting();
    // Wednesday 10 June 2026: the last figure due was Monday 8 June.
    let options = Options {
        today: Today::Fixed("2026-06-10".parse().expect("date")),
        ..options()
    };
    let outcome = run_with(&[(CAMPAIGN_PATH, &text)], &options);
    let d = the_one(&outcome, "figures-overdue");
    // Pointed at the schedule that makes them late.
    assert_warning_at(d, CAMPAIGN_PATH, at(&text, "every:"));
    says(d, &["29/5/2026", "8/6/2026"], &["figures"]);
    assert!(outcome.files.is_some());
}

#[test]
fn figures_on_schedule_are_quiet() {
    let text = with_reporting();
    // Friday 29 May 2026 with a figure of that day: nothing overdue.
    let options = Options {
        today: Today::Fixed("2026-05-30".parse().expect("date")),
        ..options()
    };
    let outcome = run_with(&[(CAMPAIGN_PATH, &text)], &options);
    assert!(outcome.diagnostics.is_empty(), "{}", shown(&outcome));
}

#[test]
fn a_target_count_that_is_not_its_percent_of_the_population() {
    // The Lộc Hà letter: "30 % (tương ứng 8.489 tài khoản)" of 29.226 people;
    // 30 % of 29.226 is 8.768, and 8.489 is 30 % of about 28.297.
    let text = mutate(CAMPAIGN, "{ percent: 30 }", "{ percent: 30, count: 8489 }");
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    let d = the_one(&outcome, "target-disagrees");
    assert_warning_at(d, CAMPAIGN_PATH, at(&text, "{ percent: 30, count: 8489 }"));
    says(d, &["8.489", "29.226", "8.768"], &["28.297"]);
    assert!(outcome.files.is_some());
}

// ---------------------------------------------------------------------------
// Many mistakes at once

#[test]
fn every_mistake_in_every_file_is_reported_in_one_run() {
    let site = mutate(SITE, "number: \"19009038\"", "number: \"1900-9038\"");
    let campaign = mutate(CAMPAIGN, "population: 29226", "popluation: 29226");
    let campaign = mutate(&campaign, "date: 2026-05-29", "date: 29/5/2026");
    let notice = mutate(NOTICE, "date: 2026-06-02\n", "");
    let page = mutate(PAGE, "order: 1", "oder: 1");
    let outcome = run(&[
        (SITE_PATH, &site),
        (CAMPAIGN_PATH, &campaign),
        (NOTICE_PATH, &notice),
        (PAGE_PATH, &page),
    ]);
    let found: Vec<(String, &str, usize, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.file.display().to_string(), d.code, d.line, d.column))
        .collect();
    let want = vec![
        (
            PAGE_PATH.to_string(),
            "unknown-field",
            at(&page, "oder").0,
            1,
        ),
        (NOTICE_PATH.to_string(), "missing-field", 2, 1),
        (
            CAMPAIGN_PATH.to_string(),
            "unknown-field",
            at(&campaign, "popluation").0,
            at(&campaign, "popluation").1,
        ),
        (
            CAMPAIGN_PATH.to_string(),
            "malformed-date",
            at(&campaign, "29/5/2026").0,
            at(&campaign, "29/5/2026").1,
        ),
        (
            SITE_PATH.to_string(),
            "malformed-phone",
            at(&site, "\"1900-9038\"").0,
            at(&site, "\"1900-9038\"").1,
        ),
    ];
    let mut want_sorted = want.clone();
    want_sorted.sort();
    let mut found_sorted = found.clone();
    found_sorted.sort();
    assert_eq!(found_sorted, want_sorted, "{}", shown(&outcome));
    assert!(outcome.files.is_none());
}

// ---------------------------------------------------------------------------
// The real binary: exit statuses, formats, languages, and the old output kept

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn root_arg(dir: &tempfile::TempDir) -> String {
    dir.path().to_string_lossy().into_owned()
}

const TODAY_ARGS: [&str; 2] = ["--today", "2026-06-03"];

#[test]
fn check_exits_1_with_a_located_report_and_a_caret() {
    let campaign = mutate(CAMPAIGN, "population: 29226", "popluation: 29226");
    let dir = site_dir(&[(CAMPAIGN_PATH, &campaign)]);
    let root = root_arg(&dir);
    let out = loaxa(
        &["check", "--root", &root, TODAY_ARGS[0], TODAY_ARGS[1]],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let (line, column) = at(&campaign, "popluation");
    assert_contains!(
        err,
        &format!("{CAMPAIGN_PATH}:{line}:{column}"),
        "lỗi: `popluation` không phải là một trường của",
        "    popluation: 29226",
        "    ^^^^^^^^^^\n",
        "cách sửa: có phải ý bạn là `population`?",
        "1 lỗi"
    );
    assert_lacks!(err, "\x1b[", "error:");
    // The site's own folder is never named in full, only site-relative paths.
    assert_lacks!(err, &root);
}

#[test]
fn check_in_english() {
    let campaign = mutate(CAMPAIGN, "population: 29226", "popluation: 29226");
    let dir = site_dir(&[(CAMPAIGN_PATH, &campaign)]);
    let root = root_arg(&dir);
    let out = loaxa(&["check", "--root", &root, "--lang", "en"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_contains!(
        err,
        "error: `popluation` is not a field of an indicator",
        "help: did you mean `population`?",
        "1 error"
    );
    assert_lacks!(err, "lỗi", "cách sửa");
}

#[test]
fn warnings_exit_0_unless_denied() {
    let campaign = mutate(CAMPAIGN, "{ percent: 30 }", "{ percent: 30, count: 8489 }");
    // With its address: a site without one is warned about that too.
    let site = format!("{SITE}\nbase_url: https://locha.hatinh.gov.vn/cds/\n");
    let dir = site_dir(&[(CAMPAIGN_PATH, &campaign), (SITE_PATH, &site)]);
    let root = root_arg(&dir);
    let out = loaxa(
        &["check", "--root", &root, TODAY_ARGS[0], TODAY_ARGS[1]],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_contains!(
        stderr(&out),
        "cảnh báo: Số lượng mục tiêu 8.489",
        "1 cảnh báo"
    );
    let out = loaxa(
        &[
            "check",
            "--root",
            &root,
            "--deny-warnings",
            TODAY_ARGS[0],
            TODAY_ARGS[1],
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // `build` does the same, and writes the site when the warning is allowed.
    let out = loaxa(
        &[
            "build",
            "--root",
            &root,
            "--deny-warnings",
            TODAY_ARGS[0],
            TODAY_ARGS[1],
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = loaxa(
        &["build", "--root", &root, TODAY_ARGS[0], TODAY_ARGS[1]],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("public/index.html").is_file());
}

#[test]
fn usage_errors_exit_2() {
    let dir = site_dir(&[]);
    let root = root_arg(&dir);
    let out = loaxa(&["build", "--root", &root, "--out", "data"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_contains!(stderr(&out), "data");
    // The site's data folder is untouched.
    assert!(dir.path().join(SITE_PATH).is_file());
    assert!(dir.path().join(CAMPAIGN_PATH).is_file());
    let out = loaxa(&["build", "--out", "data"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = loaxa(&["check", "--root", &root, "--format", "nope"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // 29/5/2026 is a date as Vietnam writes it; 29/13/2026 is none.
    let out = loaxa(
        &["check", "--root", &root, "--today", "29/13/2026"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_contains!(stderr(&out), "NĂM-THÁNG-NGÀY");
    let out = loaxa(&["frobnicate"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_folder_that_is_not_a_site_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = root_arg(&dir);
    let out = loaxa(&["check", "--root", &root], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_contains!(stderr(&out), "data/site.yaml");
}

#[test]
fn github_annotations() {
    let campaign = mutate(CAMPAIGN, "unit: tài khoản", "uint: tài khoản");
    let campaign = mutate(&campaign, "{ percent: 30 }", "{ percent: 30, count: 8489 }");
    let dir = site_dir(&[(CAMPAIGN_PATH, &campaign)]);
    let root = root_arg(&dir);
    let out = loaxa(
        &["check", "--root", &root, "--format", "github"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let (line, column) = at(&campaign, "uint");
    let (wline, wcolumn) = at(&campaign, "{ percent: 30, count");
    assert_contains!(
        text,
        &format!(
            "::error file={CAMPAIGN_PATH},line={line},col={column},title=unknown-field::`uint`"
        ),
        &format!(
            "::warning file={CAMPAIGN_PATH},line={wline},col={wcolumn},title=target-disagrees::"
        )
    );
    for l in text.lines() {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning "),
            "{l}"
        );
    }
}

#[test]
fn json_lines() {
    let campaign = mutate(CAMPAIGN, "population: 29226", "popluation: 29226");
    let notice = mutate(NOTICE, "date: 2026-06-02", "date: 2/6/2026");
    let dir = site_dir(&[(CAMPAIGN_PATH, &campaign), (NOTICE_PATH, &notice)]);
    let root = root_arg(&dir);
    let out = loaxa(
        &["check", "--root", &root, "--format", "json", "--lang", "en"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(records.len(), 2, "{records:?}");
    let date = records
        .iter()
        .find(|r| r["code"] == "malformed-date")
        .expect("the date");
    let (line, column) = at(&notice, "2/6/2026");
    assert_eq!(date["file"], NOTICE_PATH);
    assert_eq!(date["line"], line);
    assert_eq!(date["column"], column);
    assert_eq!(date["severity"], "error");
    assert_eq!(date["hint"], "write `2026-06-02`");
    let field = records
        .iter()
        .find(|r| r["code"] == "unknown-field")
        .expect("the field");
    assert_eq!(field["file"], CAMPAIGN_PATH);
    assert_eq!(field["hint"], "did you mean `population`?");
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            (rel, fs::read(e.path()).expect("read"))
        })
        .collect()
}

#[test]
fn a_failed_build_leaves_the_published_site_byte_identical() {
    let dir = site_dir(&[]);
    let root = root_arg(&dir);
    let out = loaxa(
        &["build", "--root", &root, TODAY_ARGS[0], TODAY_ARGS[1]],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = dir.path().join("public");
    fs::write(public.join("marker.txt"), "published 2026-06-03\n").expect("marker");
    let before = tree(&public);
    assert!(before.len() > 5, "{:?}", before.keys());

    // Break the site two ways: a refused value, and a cross-file reference.
    let campaign = mutate(CAMPAIGN, "count: 1299", "count: -1299");
    fs::write(dir.path().join(CAMPAIGN_PATH), campaign).expect("write");
    let notice = mutate(NOTICE, "campaigns: [i-hatinh]", "campaigns: [khong-co]");
    fs::write(dir.path().join(NOTICE_PATH), notice).expect("write");
    let out = loaxa(
        &["build", "--root", &root, TODAY_ARGS[0], TODAY_ARGS[1]],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_contains!(stderr(&out), "Trang đã xuất bản trước đó vẫn giữ nguyên");
    assert_eq!(
        tree(&public),
        before,
        "public/ changed after a failed build"
    );
    // Nothing left beside the output either (but the first build's lock and
    // its lists of files slow to make and of what it published).
    let lists = [
        ".public.loaxa-spare.lock",
        ".public.loaxa-spare.made",
        ".public.loaxa-spare.pages",
    ];
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !lists.contains(&name.as_str()))
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["content", "data", "public"]);

    // Same through the library.
    let built = build_dir(dir, &options());
    assert!(built.outcome.has_errors());
    assert_eq!(tree(&built.out()), before);
}

// ---------------------------------------------------------------------------
// Snapshots of the messages, as an officer reads them

fn snapshot_of(changes: &[(&str, &str)], lang: Lang) -> String {
    let outcome = run(changes);
    let rendered = report(&outcome, lang);
    assert!(!rendered.contains("/tmp"), "{rendered}");
    assert!(
        !rendered.contains(&*std::env::temp_dir().to_string_lossy()),
        "{rendered}"
    );
    rendered
}

#[test]
fn snapshot_vi_unknown_field() {
    let text = mutate(CAMPAIGN, "population: 29226", "popluation: 29226");
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_malformed_date() {
    let text = mutate(CAMPAIGN, "date: 2026-05-29", "date: 29/5/2026");
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_missing_notice_date() {
    let text = mutate(NOTICE, "date: 2026-06-02\n", "");
    insta::assert_snapshot!(snapshot_of(&[(NOTICE_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_count_above_population() {
    let text = mutate(CAMPAIGN, "count: 1299", "count: 30000");
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_figure_with_two_values() {
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        percent: 4.44\n",
    );
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_javascript_link() {
    let text = mutate(
        SITE,
        "ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323",
        "ios: javascript:alert(1)",
    );
    insta::assert_snapshot!(snapshot_of(&[(SITE_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_phone_with_dashes() {
    let text = mutate(SITE, "number: \"19009038\"", "number: \"1900-9038\"");
    insta::assert_snapshot!(snapshot_of(&[(SITE_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_duplicate_url() {
    let page = "---\ntitle: Văn bản\n---\nDanh sách văn bản.\n";
    insta::assert_snapshot!(snapshot_of(&[("content/pages/van-ban.md", page)], Lang::Vi));
}

#[test]
fn snapshot_vi_warnings_stated_percent_and_target() {
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        stated_percent: 4.59\n",
    );
    let text = mutate(&text, "{ percent: 30 }", "{ percent: 30, count: 8489 }");
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_phase_and_unknown_indicator() {
    let text = mutate(CAMPAIGN, "end: 2026-05-31", "end: 2026-05-03");
    let text = mutate(
        &text,
        "{ adults: { percent: 10 } }",
        "{ adult: { percent: 10 } }",
    );
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_en_unknown_campaign_and_app() {
    let campaign = mutate(CAMPAIGN, "app: i-hatinh", "app: i-hatin");
    let notice = mutate(NOTICE, "campaigns: [i-hatinh]", "campaigns: [hatinh]");
    insta::assert_snapshot!(snapshot_of(
        &[(CAMPAIGN_PATH, &campaign), (NOTICE_PATH, &notice)],
        Lang::En
    ));
}

#[test]
fn snapshot_en_figure_without_value_and_negative() {
    let text = mutate(CAMPAIGN, "        count: 1299\n", "");
    let text = mutate(&text, "population: 29226", "population: -29226");
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::En));
}

#[test]
fn snapshot_en_stated_percent() {
    let text = mutate(
        CAMPAIGN,
        "        count: 1299\n",
        "        count: 1299\n        stated_percent: 4.59\n",
    );
    insta::assert_snapshot!(snapshot_of(&[(CAMPAIGN_PATH, &text)], Lang::En));
}

// ---------------------------------------------------------------------------
// One mistake, one message: a file that fails must not make the files that
// name it fail too ("there is no campaign `i-hatinh`" when there is one).

#[test]
fn a_broken_campaign_is_not_reported_missing_by_its_notice() {
    let text = mutate(
        CAMPAIGN,
        "title: Cài đặt ứng dụng Công dân số i-HaTinh\n",
        "",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    the_one(&outcome, "missing-field");
}

#[test]
fn a_broken_indicator_is_not_reported_missing_by_its_phase() {
    let text = mutate(
        CAMPAIGN,
        "    label: Người dân từ 18 tuổi trở lên có tài khoản\n",
        "",
    );
    let outcome = run(&[(CAMPAIGN_PATH, &text)]);
    the_one(&outcome, "missing-field");
}

#[test]
fn a_broken_app_is_not_reported_missing_by_its_campaign() {
    let text = mutate(SITE, "    name: i-HaTinh\n", "");
    let outcome = run(&[(SITE_PATH, &text)]);
    the_one(&outcome, "missing-field");
}

#[test]
fn snapshot_vi_tab_indentation() {
    let text = mutate(SITE, "  number: \"19009038\"", "\tnumber: \"19009038\"");
    insta::assert_snapshot!(snapshot_of(&[(SITE_PATH, &text)], Lang::Vi));
}

#[test]
fn snapshot_vi_title_with_a_colon_and_a_repeated_field() {
    let notice = mutate(
        NOTICE,
        "title: Đôn đốc tiếp tục cài đặt, sử dụng ứng dụng Công dân số i-HaTinh",
        "title: V/v: đôn đốc cài đặt i-HaTinh",
    );
    let campaign = mutate(
        CAMPAIGN,
        "app: i-hatinh\n",
        "app: i-hatinh\napp: i-hatinh\n",
    );
    insta::assert_snapshot!(snapshot_of(
        &[(NOTICE_PATH, &notice), (CAMPAIGN_PATH, &campaign)],
        Lang::Vi
    ));
}
