//! Vietnamese (and English) formatting of numbers, percents, dates and slugs.
//! Pure functions: the figures officials quote pass through here.

mod fold;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

pub use fold::fold_words;

/// The language of the site's own words (and of diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code: `vi`, `en` (for `lang=` attributes).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// What a number that is not finite (NaN or infinity, e.g. a rate over a
/// zero population) prints as: a dash, never `NaN` and never a made-up `0`.
pub const NOT_A_NUMBER: &str = "—";

fn thousands_separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    }
}

fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

/// Groups a run of ASCII digits by thousands: `1234567` → `1.234.567`.
fn group_digits(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// `1299` → `1.299` (vi) or `1,299` (en).
pub fn format_int(lang: Lang, n: i64) -> String {
    let grouped = group_digits(&n.unsigned_abs().to_string(), thousands_separator(lang));
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A decimal with a fixed number of places: `4.444` → `4,44` (vi) or `4.44` (en).
/// The integer part is grouped like [`format_int`]; a value that rounds to
/// zero never shows a minus sign; NaN and infinities print as [`NOT_A_NUMBER`].
pub fn format_decimal(lang: Lang, x: f64, places: usize) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let fixed = format!("{:.*}", places, x.abs());
    let (int_part, frac) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let negative = x < 0.0 && fixed.bytes().any(|b| matches!(b, b'1'..=b'9'));
    let mut out = String::with_capacity(fixed.len() + fixed.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(int_part, thousands_separator(lang)));
    if !frac.is_empty() {
        out.push(decimal_separator(lang));
        out.push_str(frac);
    }
    out
}

/// A rate in percent, two places: `4.4447` → `4,44 %` (vi) or `4.44%` (en).
/// Whole numbers drop the decimals: `30` → `30 %`. Halves round away from
/// zero (`0.005` → `0,01 %`). NaN and infinities print as [`NOT_A_NUMBER`],
/// without a percent sign.
pub fn format_percent(lang: Lang, percent: f64) -> String {
    if !percent.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let rounded = (percent * 100.0).round() / 100.0;
    // Beyond ~1e306 the product overflows; such a value has no fraction anyway.
    let rounded = if rounded.is_finite() {
        rounded
    } else {
        percent
    };
    let places = if rounded.fract() == 0.0 { 0 } else { 2 };
    let number = format_decimal(lang, rounded, places);
    match lang {
        Lang::Vi => format!("{number} %"),
        Lang::En => format!("{number}%"),
    }
}

/// `2026-05-29` → `29/5/2026` (vi) or `29 May 2026` (en).
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Vi => format!("{}/{}/{}", date.day(), date.month(), date.year()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            ENGLISH_MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

const ENGLISH_MONTHS: [&str; 12] = [
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

/// The date line of an official letter (Nghị định 30/2020: days below 10 and
/// months 1 and 2 take a leading zero): `ngày 02 tháng 6 năm 2026`.
pub fn format_letter_date(date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {} năm {}", date.day(), month, date.year())
}

/// The name of a day of the week: `thứ Hai` … `thứ Bảy`, `Chủ nhật` (vi);
/// `Monday` … `Sunday` (en). Capitalised as inside a sentence.
pub fn weekday_name(lang: Lang, wd: Weekday) -> &'static str {
    const VI: [&str; 7] = [
        "thứ Hai",
        "thứ Ba",
        "thứ Tư",
        "thứ Năm",
        "thứ Sáu",
        "thứ Bảy",
        "Chủ nhật",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = wd.num_days_from_monday() as usize;
    match lang {
        Lang::Vi => VI[i],
        Lang::En => EN[i],
    }
}

/// A number of days: `37 ngày` (vi); `37 days`, `1 day` (en).
pub fn format_days(lang: Lang, days: i64) -> String {
    let n = format_int(lang, days);
    match lang {
        Lang::Vi => format!("{n} ngày"),
        Lang::En if days.unsigned_abs() == 1 => format!("{n} day"),
        Lang::En => format!("{n} days"),
    }
}

/// A pace: `≈ 8,5 tài khoản/ngày` (vi) or `≈ 8.5 accounts/day` (en, the
/// caller gives the unit in the site's language). One decimal below 10
/// (dropped when it is `,0`), a whole number from 10 up: `≈ 13 tài khoản/ngày`.
/// A positive pace that rounds to nothing reads `< 0,1 …/ngày`; NaN and
/// infinities print as [`NOT_A_NUMBER`]. An empty unit gives `≈ 13/ngày`.
pub fn format_per_day(lang: Lang, x: f64, unit: &str) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let number = pace_number(lang, x);
    let day = match lang {
        Lang::Vi => "ngày",
        Lang::En => "day",
    };
    match unit.trim() {
        "" => format!("{number}/{day}"),
        unit => format!("{number} {unit}/{day}"),
    }
}

/// `≈ 8,5`, `≈ 13` or `< 0,1`, for [`format_per_day`].
fn pace_number(lang: Lang, x: f64) -> String {
    let tenths = (x * 10.0).round() / 10.0;
    if tenths == 0.0 && x > 0.0 {
        return format!("< {}", format_decimal(lang, 0.1, 1));
    }
    let number = if tenths.abs() >= 10.0 {
        format_decimal(lang, x.round(), 0)
    } else if tenths.fract() == 0.0 {
        format_decimal(lang, tenths, 0)
    } else {
        format_decimal(lang, tenths, 1)
    };
    format!("≈ {number}")
}

/// An ASCII URL slug: `Hướng dẫn cài đặt Đ` → `huong-dan-cai-dat-d`.
/// Letters and digits are kept (folded, lowercased); every other run of
/// characters becomes one `-`, never at either end. Combining marks
/// (decomposed input) are dropped. May be empty.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !is_combining_mark(c)) {
        let base = fold_char(c);
        if base.is_ascii_alphanumeric() {
            slug.push(base.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Folds a letter to its ASCII base: `ộ` → `o`, `Đ` → `D`, `ü` → `u`: the
/// first letter of its canonical decomposition (NFD), `đ`/`Đ` to `d`/`D`.
/// Anything else without an ASCII base (a combining mark included) becomes
/// a space.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        _ => {
            let mut base = ' ';
            let mut first = true;
            unicode_normalization::char::decompose_canonical(c, |d| {
                if first && d.is_ascii() {
                    base = d;
                }
                first = false;
            });
            base
        }
    }
}

/// Lowercases and strips diacritics (`đ` included), for matching and search,
/// exactly as `tim-kiem.js` folds a query: NFD, combining marks
/// (U+0300–U+036F) dropped, `đ` → `d`, lowercase. `Đường dây nóng` →
/// `duong day nong`, `Müller` → `muller`; letters without a decomposition
/// (`ø`, `ß`) stay as they are.
pub fn fold_text(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Combining diacritical marks (U+0300–U+036F), which decomposed (NFD) text,
/// e.g. from macOS, puts after the base letter.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn format_int_groups_by_thousands() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1.000"),
            (1299, "1.299"),
            (29226, "29.226"),
            (100000, "100.000"),
            (1234567, "1.234.567"),
            (-7, "-7"),
            (-1299, "-1.299"),
            (-1234567, "-1.234.567"),
            (i64::MAX, "9.223.372.036.854.775.807"),
            (i64::MIN, "-9.223.372.036.854.775.808"),
        ];
        for (n, want) in cases {
            assert_eq!(format_int(Vi, n), want, "{n}");
        }
        assert_eq!(format_int(En, 1234567), "1,234,567");
        assert_eq!(format_int(En, -1000), "-1,000");
    }

    #[test]
    fn format_decimal_places_and_separators() {
        assert_eq!(format_decimal(Vi, 4.444, 2), "4,44");
        assert_eq!(format_decimal(En, 4.444, 2), "4.44");
        assert_eq!(format_decimal(Vi, 1234.5, 1), "1.234,5");
        assert_eq!(format_decimal(En, 1234.5, 1), "1,234.5");
        assert_eq!(format_decimal(Vi, 12.0, 0), "12");
        assert_eq!(format_decimal(Vi, -1234.56, 1), "-1.234,6");
        assert_eq!(format_decimal(Vi, 0.0, 2), "0,00");
    }

    #[test]
    fn format_decimal_never_prints_minus_zero() {
        assert_eq!(format_decimal(Vi, -0.0, 0), "0");
        assert_eq!(format_decimal(Vi, -0.0, 2), "0,00");
        assert_eq!(format_decimal(Vi, -0.001, 2), "0,00");
        assert_eq!(format_decimal(Vi, -0.4, 0), "0");
        assert_eq!(format_decimal(Vi, -0.01, 2), "-0,01");
    }

    #[test]
    fn format_decimal_beyond_i64_keeps_every_digit() {
        assert_eq!(format_decimal(Vi, 1e20, 0), "100.000.000.000.000.000.000");
    }

    #[test]
    fn format_decimal_not_finite_is_a_dash() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_decimal(Vi, x, 2), "—");
            assert_eq!(format_decimal(En, x, 0), "—");
        }
    }

    #[test]
    fn format_percent_vi() {
        let cases = [
            (1299.0 / 29226.0 * 100.0, "4,44 %"),
            (4.59, "4,59 %"),
            (4.5, "4,50 %"),
            (30.0, "30 %"),
            (100.0, "100 %"),
            (0.0, "0 %"),
            (-0.0, "0 %"),
            (-0.001, "0 %"),
            (0.005, "0,01 %"),
            (0.004, "0 %"),
            (29.999, "30 %"),
            (12.345_6, "12,35 %"),
            (1234.5, "1.234,50 %"),
            (-2.5, "-2,50 %"),
        ];
        for (x, want) in cases {
            assert_eq!(format_percent(Vi, x), want, "{x}");
        }
    }

    #[test]
    fn format_percent_en() {
        assert_eq!(format_percent(En, 1299.0 / 29226.0 * 100.0), "4.44%");
        assert_eq!(format_percent(En, 30.0), "30%");
        assert_eq!(format_percent(En, 1234.5), "1,234.50%");
    }

    #[test]
    fn format_percent_not_finite_is_a_dash() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_percent(Vi, x), "—");
            assert_eq!(format_percent(En, x), "—");
        }
        // Finite but huge: the product overflows, the output must not.
        assert!(format_percent(Vi, f64::MAX).ends_with(" %"));
    }

    #[test]
    fn format_date_both_languages() {
        assert_eq!(format_date(Vi, date(2026, 5, 29)), "29/5/2026");
        assert_eq!(format_date(Vi, date(2026, 12, 1)), "1/12/2026");
        assert_eq!(format_date(En, date(2026, 5, 29)), "29 May 2026");
        assert_eq!(format_date(En, date(2026, 1, 2)), "2 January 2026");
    }

    #[test]
    fn format_letter_date_pads_days_and_first_months() {
        let cases = [
            (date(2026, 6, 2), "ngày 02 tháng 6 năm 2026"),
            (date(2026, 1, 15), "ngày 15 tháng 01 năm 2026"),
            (date(2026, 2, 9), "ngày 09 tháng 02 năm 2026"),
            (date(2026, 3, 10), "ngày 10 tháng 3 năm 2026"),
            (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
        ];
        for (d, want) in cases {
            assert_eq!(format_letter_date(d), want);
        }
    }

    #[test]
    fn weekday_names() {
        let all = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let vi: Vec<_> = all.iter().map(|&d| weekday_name(Vi, d)).collect();
        let en: Vec<_> = all.iter().map(|&d| weekday_name(En, d)).collect();
        assert_eq!(
            vi,
            [
                "thứ Hai",
                "thứ Ba",
                "thứ Tư",
                "thứ Năm",
                "thứ Sáu",
                "thứ Bảy",
                "Chủ nhật"
            ]
        );
        assert_eq!(
            en,
            [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday"
            ]
        );
    }

    #[test]
    fn format_days_plural() {
        assert_eq!(format_days(Vi, 37), "37 ngày");
        assert_eq!(format_days(Vi, 1), "1 ngày");
        assert_eq!(format_days(Vi, 1200), "1.200 ngày");
        assert_eq!(format_days(En, 37), "37 days");
        assert_eq!(format_days(En, 1), "1 day");
        assert_eq!(format_days(En, 0), "0 days");
        assert_eq!(format_days(En, -1), "-1 day");
        assert_eq!(format_days(En, 1200), "1,200 days");
    }

    #[test]
    fn format_per_day_precision() {
        let unit = "tài khoản";
        let cases = [
            (8.46, "≈ 8,5 tài khoản/ngày"),
            (8.25, "≈ 8,3 tài khoản/ngày"),
            (4.0, "≈ 4 tài khoản/ngày"),
            (9.94, "≈ 9,9 tài khoản/ngày"),
            (9.96, "≈ 10 tài khoản/ngày"),
            (12.5, "≈ 13 tài khoản/ngày"),
            (1234.4, "≈ 1.234 tài khoản/ngày"),
            (0.0, "≈ 0 tài khoản/ngày"),
            (0.04, "< 0,1 tài khoản/ngày"),
        ];
        for (x, want) in cases {
            assert_eq!(format_per_day(Vi, x, unit), want, "{x}");
        }
    }

    #[test]
    fn format_per_day_en_empty_unit_and_not_finite() {
        assert_eq!(format_per_day(En, 8.46, "accounts"), "≈ 8.5 accounts/day");
        assert_eq!(format_per_day(En, 0.04, "accounts"), "< 0.1 accounts/day");
        assert_eq!(format_per_day(Vi, 12.5, ""), "≈ 13/ngày");
        assert_eq!(format_per_day(Vi, 12.5, "  "), "≈ 13/ngày");
        assert_eq!(format_per_day(Vi, f64::NAN, "tài khoản"), "—");
        assert_eq!(format_per_day(Vi, f64::INFINITY, "tài khoản"), "—");
    }

    #[test]
    fn slugify_examples() {
        let cases = [
            ("Hướng dẫn cài đặt i-HaTinh", "huong-dan-cai-dat-i-hatinh"),
            ("Đường dây nóng", "duong-day-nong"),
            ("959/UBND-VHXH", "959-ubnd-vhxh"),
            ("  --Xã Lộc Hà--  ", "xa-loc-ha"),
            ("a  --  b", "a-b"),
            (
                "Kế hoạch: “Chuyển đổi số” (2026)!",
                "ke-hoach-chuyen-doi-so-2026",
            ),
            ("", ""),
            ("?!/ – …", ""),
            ("漢字", ""),
        ];
        for (text, want) in cases {
            assert_eq!(slugify(text), want, "{text:?}");
        }
    }

    #[test]
    fn slugify_drops_combining_marks_of_decomposed_text() {
        // NFD of "Hướng dẫn cài đặt Đường", as macOS file names arrive.
        let nfd = "Hu\u{031b}o\u{031b}\u{0301}ng da\u{0302}\u{0303}n ca\u{0300}i \
                   \u{0111}a\u{0323}\u{0306}t \u{0110}u\u{031b}o\u{031b}\u{0300}ng";
        assert_eq!(slugify(nfd), "huong-dan-cai-dat-duong");
        assert_eq!(fold_text(nfd), "huong dan cai dat duong");
    }

    #[test]
    fn fold_words_keeps_only_words() {
        assert_eq!(
            fold_words("  Đường dây nóng: 1900 9038 – Số 959/UBND-VHXH!"),
            "duong day nong 1900 9038 so 959 ubnd vhxh"
        );
        assert_eq!(fold_words("…"), "");
    }

    #[test]
    fn fold_text_examples() {
        assert_eq!(fold_text("Đường dây nóng"), "duong day nong");
        assert_eq!(fold_text("Xã Lộc Hà, HÀ TĨNH"), "xa loc ha, ha tinh");
        assert_eq!(fold_text(""), "");
    }

    /// Every precomposed Vietnamese letter, generated independently from the
    /// Unicode decompositions, grouped by base letter.
    const LOWER: &str = "àáâãăạảấầẩẫậắằẳẵặ\
                         èéêẹẻẽếềểễệ\
                         ìíĩỉị\
                         òóôõơọỏốồổỗộớờởỡợ\
                         ùúũưụủứừửữự\
                         ýỳỵỷỹ\
                         đ";
    const UPPER: &str = "ÀÁÂÃĂẠẢẤẦẨẪẬẮẰẲẴẶ\
                         ÈÉÊẸẺẼẾỀỂỄỆ\
                         ÌÍĨỈỊ\
                         ÒÓÔÕƠỌỎỐỒỔỖỘỚỜỞỠỢ\
                         ÙÚŨƯỤỦỨỪỬỮỰ\
                         ÝỲỴỶỸ\
                         Đ";

    fn expected_bases() -> String {
        [
            ("a", 17),
            ("e", 11),
            ("i", 5),
            ("o", 17),
            ("u", 11),
            ("y", 5),
            ("d", 1),
        ]
        .iter()
        .map(|(base, n)| base.repeat(*n))
        .collect()
    }

    #[test]
    fn every_vietnamese_letter_folds() {
        assert_eq!(LOWER.chars().count(), 67);
        assert_eq!(UPPER.chars().count(), 67);
        let bases = expected_bases();
        assert_eq!(fold_text(LOWER), bases);
        assert_eq!(fold_text(UPPER), bases);
        let upper: String = UPPER.chars().map(fold_char).collect();
        assert_eq!(upper, bases.to_ascii_uppercase());
        assert_eq!(slugify(LOWER), bases);
        assert_eq!(slugify(UPPER), bases);
    }

    #[test]
    fn latin_letters_outside_vietnamese_fold_to_their_base() {
        // "Müller" was "m ller" to the index and "muller" to the script.
        assert_eq!(fold_words("Müller"), "muller");
        // Letters without a decomposition are not words of a–z.
        assert_eq!(fold_words("Ærø Straße Łódź"), "r stra e odz");
        assert_eq!(fold_char('ü'), 'u');
        assert_eq!(fold_char('Ç'), 'C');
        assert_eq!(slugify("Müller Đức"), "muller-duc");
    }

    #[test]
    fn fold_char_leaves_ascii_and_blanks_the_rest() {
        assert_eq!(fold_char('x'), 'x');
        assert_eq!(fold_char('-'), '-');
        assert_eq!(fold_char('–'), ' ');
        assert_eq!(fold_char('\u{0301}'), ' ');
    }
}
