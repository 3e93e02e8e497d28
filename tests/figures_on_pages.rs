//! What every surface says about the figures, on the five sites built from
//! the letters, on the days that matter: before the start, the deadline day,
//! long after. Each test names the finding it guards against (issue 10).

mod common;

use common::*;
use loaxa::pipeline::{Options, Today};

fn on(day: &str) -> Options {
    Options {
        today: Today::Fixed(day.parse().expect("date")),
        ..options()
    }
}

fn build_on(name: &str, day: &str) -> Built {
    let from = if name.is_empty() {
        repo_root()
    } else {
        fixture(name)
    };
    let built = build_dir(copy_site(&from), &on(day));
    assert!(
        !built.outcome.has_errors(),
        "{name} on {day}: {:?}",
        built.outcome.diagnostics
    );
    built
}

/// The titles of a page's `<svg>` charts.
fn chart_titles(page: &str) -> Vec<String> {
    page.split("<title id=\"title-")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find('>')? + 1;
            let end = rest.find("</title>")?;
            Some(rest[start..end].to_string())
        })
        .collect()
}

const HOANG_THANH: &str = "chien-dich/dinh-danh-muc-2-tu-6-den-duoi-18/";

/// 6.516 is the number NOT yet activated: no surface may call it activated.
#[test]
fn hoang_thanh_remaining_is_worded_as_not_yet_done_everywhere() {
    let site = build_on("hoang-thanh", "2026-05-10");
    let surfaces = [
        ("home", site.main("index.html")),
        ("campaign", site.main(&format!("{HOANG_THANH}index.html"))),
        (
            "poster",
            site.page(&format!("{HOANG_THANH}ap-phich/index.html")),
        ),
        (
            "widget",
            site.page(&format!("{HOANG_THANH}nhung/index.html")),
        ),
        ("feed", site.page("atom.xml")),
    ];
    for (name, text) in &surfaces {
        assert_contains!(text, "6.516");
        assert_contains!(text, "chưa kích hoạt");
        assert_lacks!(text, "đã kích hoạt định danh điện tử mức độ 2 (6.516");
        assert_lacks!(text, "người còn lại chưa thực hiện");
        // Without a population nothing is "0 % of the target".
        assert_lacks!(text, "Đạt 0 % chỉ tiêu");
        let _ = name;
    }
    let chart = chart_titles(&site.page(&format!("{HOANG_THANH}index.html")));
    assert!(
        chart[0].starts_with("Công dân từ 6 đến dưới 18 tuổi chưa kích hoạt"),
        "{chart:?}"
    );
    // The share image's text alternative says the same.
    assert_contains!(
        site.page(&format!("{HOANG_THANH}index.html")),
        "chưa kích hoạt định danh điện tử mức độ 2: còn 6.516 người"
    );
}

/// One figure (15/4) dated before the start (16/4): not started on 15/4,
/// not enough data after — the same rule as every other site.
#[test]
fn hoang_thanh_one_figure_is_not_started_then_not_enough_data() {
    let before = build_on("hoang-thanh", "2026-04-15");
    assert_contains!(before.main("index.html"), "Chưa bắt đầu");
    assert_lacks!(before.main("index.html"), "Chậm tiến độ");
    let during = build_on("hoang-thanh", "2026-04-20");
    assert_contains!(
        during.main("index.html"),
        "Chưa đủ số liệu để đánh giá tiến độ"
    );
    assert_lacks!(during.main("index.html"), "Chậm tiến độ");
}

/// A second figure: progress measured from the first, never "% of target".
#[test]
fn hoang_thanh_progress_is_measured_from_the_first_figure() {
    let dir = copy_site(&fixture("hoang-thanh"));
    let file = dir
        .path()
        .join("data/campaigns/dinh-danh-muc-2-tu-6-den-duoi-18.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "        remaining: 6516\n",
        "        remaining: 6516\n      - date: 2026-04-25\n        remaining: 4000\n",
    );
    std::fs::write(&file, text).unwrap();
    let site = build_dir(dir, &on("2026-04-26"));
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    // 6.516 → 4.000: 2.516 reached since 15/4, 38,61 % of those then to go.
    let main = text_of(&site.main(&format!("{HOANG_THANH}index.html")));
    assert_contains!(
        main,
        "Thêm 2.516 người đã đạt từ ngày 15/4/2026 (38,61 % số chưa đạt lúc đó)"
    );
    assert_lacks!(main, "chỉ tiêu\"", "Đạt 38");
}

/// Chợ Đồn on its deadline day (18/8/2025) has six figures each: never
/// "not enough data"; VNeID needs 165 more at 125 a day, two days: behind.
#[test]
fn cho_don_on_the_deadline_day_is_judged_from_its_figures() {
    let site = build_on("cho-don", "2025-08-18");
    let main = text_of(&site.main("chien-dich/ho-tro-15/index.html"));
    assert_lacks!(main, "Chưa đủ số liệu");
    assert_contains!(main, "Chậm tiến độ", "hôm nay là hạn cuối", "20/8/2025");
}

/// Long after the deadline: ended, by how much, and no projection.
#[test]
fn cho_don_after_the_deadline_has_ended_without_projection() {
    let site = build_on("cho-don", "2025-11-01");
    let main = text_of(&site.main("chien-dich/ho-tro-15/index.html"));
    assert_contains!(
        main,
        "Hết hạn, chưa đạt chỉ tiêu",
        "Đến hạn 18/8/2025 còn thiếu 165 tài khoản so với chỉ tiêu."
    );
    assert_lacks!(main, "Dự kiến đạt", "Chậm tiến độ", "Tốc độ cần đạt");
}

/// "khoảng 3 %" keeps "khoảng" on the card, the widget, the chart and the feed.
#[test]
fn truong_luu_keeps_about_on_every_surface() {
    let site = build_on("truong-luu", "2026-06-20");
    assert_contains!(site.main("index.html"), "khoảng 3 %");
    assert_contains!(
        site.page("chien-dich/i-hatinh/nhung/index.html"),
        "khoảng 3 %"
    );
    let chart = chart_titles(&site.page("chien-dich/i-hatinh/index.html"));
    assert!(chart[0].contains("khoảng 3 % ngày 10/6/2026"), "{chart:?}");
    assert_contains!(site.page("atom.xml"), "khoảng 3 % (10/6/2026)");
}

/// Cẩm Xuyên: 85 % is for Party members only; no phase is "done" without data.
#[test]
fn cam_xuyen_targets_name_their_group_and_phases_without_data_say_so() {
    let site = build_on("cam-xuyen", "2026-06-01");
    let poster = text_of(&site.main("chien-dich/dot-cao-diem-i-hatinh/ap-phich/index.html"));
    // Every indicator, each target under the group it is for.
    assert_contains!(
        poster,
        "Đảng viên có tài khoản i-HaTinh Mục tiêu: 85 % trước 31/5/2026",
        "Hội viên, đoàn viên cài đặt i-HaTinh Mục tiêu: 10 % trước 31/5/2026",
        "Người dân từ đủ 18 tuổi trở lên có tài khoản i-HaTinh Mục tiêu: 30 % trước 31/5/2026"
    );
    let main = site.main("chien-dich/dot-cao-diem-i-hatinh/index.html");
    assert_contains!(main, "Không có số liệu");
    assert_lacks!(main, "✓");
}

/// Lộc Hà's letter printed 4,59 % and a target of 8.489: both fit about
/// 28,3 thousand residents, not the 29.226 of its own figure; the page says so.
#[test]
fn loc_ha_shows_the_letters_numbers_and_the_base_that_explains_them() {
    let site = build_on("", "2026-11-23");
    let main = text_of(&site.main("chien-dich/i-hatinh/index.html"));
    assert_contains!(
        main,
        "Văn bản nguồn ghi chỉ tiêu 8.489; trang này tính 30 % của 29.226 = 8.768.",
        "khoảng 28,3 nghìn người, không phải 29.226 người"
    );
}

/// The terminal speaks the pages' numbers: 1.299/29.226, 29/5/2026.
#[test]
fn the_terminal_writes_numbers_and_dates_as_the_pages_do() {
    let dir = copy_site(&repo_root());
    let root = dir.path().to_string_lossy().to_string();
    let out = loaxa(
        &["check", "--root", &root, "--today", "2026-11-23"],
        dir.path(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_contains!(err, "1.299/29.226", "28.301");
    assert_lacks!(err, "1299/29226", "28301");
    let out = loaxa(
        &[
            "check",
            "--root",
            &root,
            "--today",
            "2026-11-23",
            "--lang",
            "en",
        ],
        dir.path(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_contains!(err, "1,299/29,226");
}

/// "Today" is the site's own day, from its time zone (any IANA name): at
/// 12:00 UTC on 23/11/2026 it is already 24/11 in Kiritimati (UTC+14), so a
/// figure of 24/11 is today's there, and a future one in Ho Chi Minh City.
#[test]
fn today_is_the_day_in_the_sites_time_zone() {
    let noon_utc = "1795435200"; // 2026-11-23T12:00:00Z
    let figure_of_24_11 = |tz: &str| {
        let dir = copy_site(&fixture("truong-luu"));
        let site = dir.path().join("data/site.yaml");
        let text = std::fs::read_to_string(&site).unwrap();
        std::fs::write(&site, format!("{text}timezone: {tz}\n")).unwrap();
        let campaign = dir.path().join("data/campaigns/i-hatinh.yaml");
        let text = std::fs::read_to_string(&campaign).unwrap();
        std::fs::write(
            &campaign,
            format!("{text}      - date: 2026-11-24\n        percent: 10\n"),
        )
        .unwrap();
        let root = dir.path().to_string_lossy().to_string();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_loaxa"))
            .args(["check", "--root", &root])
            .env("SOURCE_DATE_EPOCH", noon_utc)
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (code, err) = figure_of_24_11("Pacific/Kiritimati");
    assert_lacks!(err, "future-figure", "sau ngày hôm nay");
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = figure_of_24_11("Asia/Ho_Chi_Minh");
    assert_eq!(code, Some(1), "{err}");
    assert_contains!(err, "24/11/2026", "sau ngày hôm nay (23/11/2026)");
    let (code, err) = figure_of_24_11("Asia/Ha_Noi");
    assert_eq!(code, Some(1), "{err}");
    assert_contains!(err, "`Asia/Ha_Noi` không phải là tên múi giờ");
}
