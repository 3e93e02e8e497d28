//! Real figures from the seed letters, for the tests and for looking at the
//! charts: `cargo test charts::samples -- --ignored` writes them as SVG to
//! /tmp/charts-preview/ (convert with `rsvg-convert -w 360`).

use chrono::NaiveDate;

use super::{Band, Bar, Bars, Point, Scale, TimeSeries};
use crate::vi::Lang;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn point(y: i32, m: u32, d: u32, value: f64) -> Point {
    Point {
        date: date(y, m, d),
        value,
    }
}

/// Lộc Hà, i-HaTinh accounts: one figure, 1.299 of 29.226 on 29/5/2026.
pub fn loc_ha() -> TimeSeries {
    TimeSeries {
        lang: Lang::Vi,
        id: "loc-ha-adults".to_string(),
        title: "Đạt 4,44 %, mục tiêu 30 % trước 31/12/2026".to_string(),
        desc: "Ngày 29/5/2026: 1.299 trên 29.226 người từ 18 tuổi (4,44 %).".to_string(),
        scale: Scale::Percent,
        points: vec![point(2026, 5, 29, 1299.0 / 29226.0 * 100.0)],
        falling: false,
        target: Some(30.0),
        start: None,
        deadline: Some(date(2026, 12, 31)),
        phases: Vec::new(),
    }
}

/// Cẩm Xuyên's two phases, with an invented rising series across them.
pub fn cam_xuyen() -> TimeSeries {
    TimeSeries {
        lang: Lang::Vi,
        id: "cam-xuyen-adults".to_string(),
        title: "Đạt 21,5 %, mục tiêu 30 % trước 24/5/2026".to_string(),
        desc: "Số liệu minh họa theo từng ngày báo cáo.".to_string(),
        scale: Scale::Percent,
        points: vec![
            point(2026, 5, 13, 2.1),
            point(2026, 5, 15, 5.8),
            point(2026, 5, 17, 9.4),
            point(2026, 5, 18, 11.0),
            point(2026, 5, 19, 12.7),
            point(2026, 5, 20, 14.2),
            point(2026, 5, 21, 16.9),
            point(2026, 5, 22, 18.3),
            point(2026, 5, 23, 20.0),
            point(2026, 5, 24, 21.5),
        ],
        falling: false,
        target: Some(30.0),
        start: Some(date(2026, 5, 13)),
        deadline: Some(date(2026, 5, 24)),
        phases: vec![
            Band {
                name: "Đợt 1".to_string(),
                start: date(2026, 5, 13),
                end: date(2026, 5, 17),
            },
            Band {
                name: "Đợt 2".to_string(),
                start: date(2026, 5, 18),
                end: date(2026, 5, 24),
            },
        ],
    }
}

/// Hoàng Thanh: 6.516 citizens aged 6–17 still without level-2 VNeID.
pub fn hoang_thanh() -> TimeSeries {
    TimeSeries {
        lang: Lang::Vi,
        id: "hoang-thanh-vneid".to_string(),
        title: "Còn 6.516 em chưa kích hoạt, mục tiêu 0 trước 15/5/2026".to_string(),
        desc: "Ngày 15/4/2026: còn 6.516 công dân từ 6 đến dưới 18 tuổi chưa kích hoạt."
            .to_string(),
        scale: Scale::Count,
        points: vec![point(2026, 4, 15, 6516.0)],
        falling: true,
        target: Some(0.0),
        start: Some(date(2026, 4, 16)),
        deadline: Some(date(2026, 5, 15)),
        phases: Vec::new(),
    }
}

/// Hoàng Thanh with a few invented daily updates, falling.
pub fn hoang_thanh_falling() -> TimeSeries {
    let mut chart = hoang_thanh();
    chart.id = "hoang-thanh-series".to_string();
    chart.points.extend([
        point(2026, 4, 20, 5830.0),
        point(2026, 4, 24, 4975.0),
        point(2026, 4, 28, 4012.0),
        point(2026, 5, 2, 3377.0),
        point(2026, 5, 6, 2561.0),
    ]);
    chart
}

/// The 69 communes of Hà Tĩnh, ranked (names and rates invented apart from
/// Lộc Hà's 4,44 %), each against the province's 30 % target.
pub fn communes() -> Bars {
    let bars = (0..69)
        .map(|i| Bar {
            name: if i == 44 {
                "Xã Lộc Hà".to_string()
            } else {
                format!("Xã Thạch Hương Điền {}", i + 1)
            },
            value: if i == 44 {
                4.44
            } else {
                31.0 - f64::from(i) * 0.42
            },
            target: Some(30.0),
        })
        .collect();
    Bars {
        lang: Lang::Vi,
        id: "province-rank".to_string(),
        title: "Lộc Hà đứng thứ 45 trên 69 xã".to_string(),
        desc: "Tỷ lệ người từ 18 tuổi có tài khoản i-HaTinh, từng xã.".to_string(),
        scale: Scale::Percent,
        bars,
    }
}

/// A village breakdown in counts, some with their own targets.
pub fn villages() -> Bars {
    let rows = [
        ("Thôn Trung Lương", 120.0, Some(270.0)),
        ("Thôn Bắc Hà", 310.0, Some(260.0)),
        ("Thôn Đông Tiến <b>", 95.0, None),
        ("", 42.0, Some(100.0)),
    ];
    Bars {
        lang: Lang::Vi,
        id: "villages".to_string(),
        title: "Tài khoản theo thôn, ngày 10/6/2026".to_string(),
        desc: "Thôn Bắc Hà đã vượt mục tiêu.".to_string(),
        scale: Scale::Count,
        bars: rows
            .into_iter()
            .map(|(name, value, target)| Bar {
                name: name.to_string(),
                value,
                target,
            })
            .collect(),
    }
}

#[test]
#[ignore = "writes preview files; run by hand"]
fn write_previews() -> std::io::Result<()> {
    use super::{bars_svg, time_series_svg};
    let dir = std::path::Path::new("/tmp/charts-preview");
    std::fs::create_dir_all(dir)?;
    let mut empty = loc_ha();
    empty.points.clear();
    empty.id = "empty".to_string();
    let mut english = cam_xuyen();
    english.lang = Lang::En;
    let mut no_bars = villages();
    no_bars.bars.clear();
    let mut crowded = cam_xuyen();
    crowded.id = "crowded".to_string();
    crowded.deadline = Some(date(2026, 6, 30));
    crowded.phases = (0..5)
        .map(|i| Band {
            name: format!("Đợt cao điểm {}", i + 1),
            start: date(2026, 5, 13) + chrono::Days::new(7 * i),
            end: date(2026, 5, 19) + chrono::Days::new(7 * i),
        })
        .collect();
    let mut trang_luu = loc_ha();
    trang_luu.id = "truong-luu".to_string();
    trang_luu.points = vec![point(2026, 6, 10, 3.0)];
    trang_luu.target = Some(50.0);
    trang_luu.deadline = Some(date(2026, 6, 30));
    let mut decades = hoang_thanh();
    decades.id = "decades".to_string();
    decades.points = vec![point(1990, 1, 1, 5.0), point(2026, 4, 15, 7.0)];
    let charts = [
        ("loc-ha", time_series_svg(&loc_ha())),
        ("cam-xuyen", time_series_svg(&cam_xuyen())),
        ("cam-xuyen-en", time_series_svg(&english)),
        ("hoang-thanh", time_series_svg(&hoang_thanh())),
        (
            "hoang-thanh-falling",
            time_series_svg(&hoang_thanh_falling()),
        ),
        ("empty", time_series_svg(&empty)),
        ("crowded", time_series_svg(&crowded)),
        ("truong-luu", time_series_svg(&trang_luu)),
        ("decades", time_series_svg(&decades)),
        ("communes", bars_svg(&communes())),
        ("villages", bars_svg(&villages())),
        ("no-bars", bars_svg(&no_bars)),
    ];
    for (name, svg) in charts {
        std::fs::write(dir.join(format!("{name}.svg")), svg)?;
    }
    Ok(())
}
