//! Vietnamese (and English) formatting of numbers, percents, dates and slugs.
//! Pure functions: the figures officials quote pass through here.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The language of the site's own words (and of diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// `1299` → `1.299` (vi) or `1,299` (en).
pub fn format_int(lang: Lang, n: i64) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A decimal with a fixed number of places: `4.444` → `4,44` (vi) or `4.44` (en).
/// The integer part is grouped like [`format_int`].
pub fn format_decimal(lang: Lang, x: f64, places: usize) -> String {
    let fixed = format!("{:.*}", places, x.abs());
    let (int_part, frac) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let int: i64 = int_part.parse().unwrap_or(0);
    let negative = x < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&format_int(lang, int));
    if !frac.is_empty() {
        out.push(match lang {
            Lang::Vi => ',',
            Lang::En => '.',
        });
        out.push_str(frac);
    }
    out
}

/// A rate in percent, two places: `4.4447` → `4,44 %` (vi) or `4.44%` (en).
/// Whole numbers drop the decimals: `30` → `30 %`.
pub fn format_percent(lang: Lang, percent: f64) -> String {
    let rounded = (percent * 100.0).round() / 100.0;
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

/// An ASCII URL slug: `Hướng dẫn cài đặt Đ` → `huong-dan-cai-dat-d`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
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

/// Folds a Vietnamese letter to its ASCII base: `ộ` → `o`, `Đ` → `D`.
/// Anything else without an ASCII base becomes a space.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    for (base, variants) in FOLDS {
        if variants.contains(c) {
            return *base;
        }
    }
    ' '
}

/// Lowercases and strips diacritics (`đ` included), for matching and search.
pub fn fold_text(text: &str) -> String {
    text.chars()
        .map(|c| fold_char(c).to_ascii_lowercase())
        .collect()
}

const FOLDS: &[(char, &str)] = &[
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('A', "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('E', "ÈÉẺẼẸÊỀẾỂỄỆ"),
    ('i', "ìíỉĩị"),
    ('I', "ÌÍỈĨỊ"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('O', "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
    ('u', "ùúủũụưừứửữự"),
    ('U', "ÙÚỦŨỤƯỪỨỬỮỰ"),
    ('y', "ỳýỷỹỵ"),
    ('Y', "ỲÝỶỸỴ"),
    ('d', "đ"),
    ('D', "Đ"),
];
