//! The synthetic site's `site.yaml` and campaign files.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::notices::sentence;
use super::{Lcg, TODAY, date};

const FIGURES: u64 = 60;
const COMMUNES: usize = 69;

const COMMUNE_NAMES: &[&str] = &[
    "Lộc Hà",
    "Thạch Hà",
    "Can Lộc",
    "Nghi Xuân",
    "Cẩm Xuyên",
    "Kỳ Anh",
    "Hương Khê",
    "Hương Sơn",
    "Đức Thọ",
    "Vũ Quang",
    "Trường Lưu",
    "Mai Phụ",
    "Hồng Lộc",
    "Thạch Khê",
    "Đồng Lộc",
    "Tùng Lộc",
    "Xuân Hải",
    "Cổ Đạm",
    "Tiên Điền",
    "Đan Hải",
    "Kỳ Xuân",
    "Sơn Tây",
    "Hương Đô",
    "Phúc Trạch",
    "Thiên Cầm",
    "Cẩm Bình",
];

/// Distinct commune names, as many as asked: the list, then numbered.
pub fn commune_name(k: usize) -> String {
    let base = COMMUNE_NAMES[k % COMMUNE_NAMES.len()];
    match k / COMMUNE_NAMES.len() {
        0 => format!("Xã {base}"),
        n => format!("Xã {base} {}", n + 1),
    }
}

pub fn campaign_id(k: usize) -> String {
    format!("chien-dich-{:02}", k + 1)
}

pub fn site_yaml(commune: &str) -> String {
    format!(
        "# Trang tổng hợp để đo tốc độ (examples/synth): dữ liệu minh họa.\n\
         title: Chuyển đổi số {commune}\n\
         commune: {commune}\n\
         province: Hà Tĩnh\n\
         sample: true\n\
         hotline: {{ number: \"19009038\", label: Đường dây nóng phản ánh hiện trường }}\n\
         contacts:\n  - {{ name: Nguyễn Văn An, role: Phòng Văn hóa – Xã hội, phone: \"0916 222 326\" }}\n\
         apps:\n  - id: i-hatinh\n    name: i-HaTinh\n    summary: Ứng dụng Công dân số tỉnh Hà Tĩnh\n    \
         ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323\n    \
         android: https://play.google.com/store/apps/details?id=vn.gov.hatinh.app\n"
    )
}

/// A campaign: 60 daily figures ending on TODAY, two indicators (a rising
/// count and a falling "remaining"), two phases and a 69-row breakdown.
pub fn campaign_yaml(rng: &mut Lcg, k: usize) -> (String, String) {
    let end = date(TODAY);
    let start = end - Days::new(FIGURES - 1);
    let deadline = end + Days::new(rng.range(10, 120));
    let mid = start + Days::new(FIGURES / 2);
    let title = format!(
        "Chiến dịch chuyển đổi số số {} – {}",
        k + 1,
        sentence(rng, 6, 10)
    );
    let mut y = String::new();
    let _ = write!(
        y,
        "title: {title}\nsummary: {s}\napp: i-hatinh\n\
         start: {start}\ndeadline: {deadline}\nreporting: {{ every: [daily], before: \"16:00\" }}\n\
         phases:\n  - {{ name: Đợt 1, start: {start}, end: {mid}, targets: {{ adults: {{ percent: 20 }} }} }}\n  \
         - {{ name: Đợt 2, start: {mid1}, end: {deadline}, targets: {{ adults: {{ percent: 60 }} }} }}\n\
         indicators:\n",
        s = sentence(rng, 12, 20),
        mid1 = mid + Days::new(1),
    );
    y.push_str(&rising_indicator(rng, start));
    y.push_str(&falling_indicator(rng, start));
    (y, title)
}

fn rising_indicator(rng: &mut Lcg, start: NaiveDate) -> String {
    let population = rng.range(15_000, 40_000);
    let mut y = format!(
        "  - id: adults\n    label: Người dân từ 18 tuổi trở lên có tài khoản\n    unit: tài khoản\n    \
         population: {population}\n    target: {{ percent: {} }}\n    figures:\n",
        rng.range(30, 80)
    );
    let mut count = rng.range(100, 1_000);
    for d in 0..FIGURES {
        count = (count + rng.range(0, population / 200)).min(population);
        let rate = (count as f64 * 10_000.0 / population as f64).round() / 100.0;
        let _ = write!(
            y,
            "      - {{ date: {}, count: {count}, stated_percent: {rate}",
            start + Days::new(d)
        );
        if d % 7 == 6 {
            let _ = write!(y, ", rank: {{ position: {}, of: 69 }}", rng.range(1, 70));
        }
        y.push_str(", source: Sở Khoa học và Công nghệ }\n");
    }
    y.push_str(&breakdown(rng, start + Days::new(FIGURES - 1)));
    y
}

fn falling_indicator(rng: &mut Lcg, start: NaiveDate) -> String {
    let population = rng.range(3_000, 9_000);
    let mut y = format!(
        "  - id: households\n    label: Hộ dân chưa được hỗ trợ cài đặt\n    unit: hộ\n    \
         population: {population}\n    target: {{ percent: 100 }}\n    figures:\n"
    );
    let mut remaining = population - rng.range(0, population / 10);
    for d in 0..FIGURES {
        remaining = remaining.saturating_sub(rng.range(0, population / 90));
        let _ = writeln!(
            y,
            "      - {{ date: {}, remaining: {remaining} }}",
            start + Days::new(d)
        );
    }
    y
}

/// One row per commune of the province: the "thứ 45/69" table.
fn breakdown(rng: &mut Lcg, on: NaiveDate) -> String {
    let mut y = format!("    breakdown:\n      - date: {on}\n        by: xã\n        rows:\n");
    for k in 0..COMMUNES {
        let population = rng.range(5_000, 30_000);
        let count = rng.range(0, population / 2);
        let _ = writeln!(
            y,
            "          - {{ name: \"{}\", count: {count}, population: {population}, target: {{ percent: 30 }} }}",
            commune_name(k)
        );
    }
    y
}
