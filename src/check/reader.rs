//! Turning located YAML nodes into typed values, reporting every problem with
//! its position, in plain words, with what to write instead.

use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text, suggest};
use crate::source::yaml::{Key, Node, Pos, Value};
use crate::vi::slugify;

/// Where problems of the file being read are collected.
pub struct Checker<'a> {
    pub file: &'a Path,
    pub diags: &'a mut Diagnostics,
}

impl Checker<'_> {
    pub fn error(&mut self, pos: Pos, code: &'static str, message: Text, hint: Option<Text>) {
        self.report(Severity::Error, pos, code, message, hint);
    }

    pub fn warning(&mut self, pos: Pos, code: &'static str, message: Text, hint: Option<Text>) {
        self.report(Severity::Warning, pos, code, message, hint);
    }

    fn report(
        &mut self,
        severity: Severity,
        pos: Pos,
        code: &'static str,
        message: Text,
        hint: Option<Text>,
    ) {
        self.diags.push(Diagnostic {
            file: self.file.to_path_buf(),
            line: pos.line,
            column: pos.column,
            severity,
            code,
            message,
            hint,
        });
    }
}

/// The fields of one YAML map. Unknown keys are reported as soon as the map
/// is opened, with the nearest allowed name as a suggestion.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    /// `what` names the map in messages ("the hotline", "a figure").
    pub fn open(ck: &mut Checker, node: &'n Node, what: &Text, allowed: &[&str]) -> Option<Self> {
        let Value::Map(entries) = &node.value else {
            ck.error(
                node.pos,
                "expected-map",
                Text::new(
                    format!(
                        "{} phải là một nhóm trường `tên: giá trị`, không phải {}",
                        capitalized(&what.vi),
                        kind_vi(&node.value)
                    ),
                    format!(
                        "{} must be a group of `name: value` fields, not {}",
                        capitalized(&what.en),
                        node.value.kind()
                    ),
                ),
                Some(map_hint(allowed)),
            );
            return None;
        };
        for (key, _) in entries {
            if !allowed.contains(&key.name.as_str()) {
                unknown_field(ck, key, what, allowed);
            }
        }
        Some(Fields {
            pos: node.pos,
            entries,
        })
    }

    /// An optional field; an explicit `null` (`key:` with nothing) counts as absent.
    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(key, _)| key.name == name)
            .map(|(_, node)| node)
            .filter(|node| node.value != Value::Null)
    }

    /// A required field: reports it missing at the map's position.
    pub fn required(&self, ck: &mut Checker, name: &str, what: &Text) -> Option<&'n Node> {
        let node = self.get(name);
        if node.is_none() {
            ck.error(
                self.pos,
                "missing-field",
                Text::new(
                    format!("Thiếu trường bắt buộc `{name}` trong {}", what.vi),
                    format!("The required field `{name}` is missing from {}", what.en),
                ),
                Some(Text::new(
                    format!("thêm một dòng `{name}: …`"),
                    format!("add a line `{name}: …`"),
                )),
            );
        }
        node
    }
}

/// How to write a map of these fields, in the officer's own file: on one
/// line in braces, or a field a line.
fn map_hint(allowed: &[&str]) -> Text {
    let example = allowed
        .iter()
        .take(2)
        .map(|f| format!("{f}: …"))
        .collect::<Vec<_>>()
        .join(", ");
    Text::new(
        format!(
            "viết trên một dòng trong ngoặc nhọn, ví dụ `{{ {example} }}`, hoặc mỗi trường `tên: giá trị` một dòng, thụt vào thêm hai dấu cách"
        ),
        format!(
            "write it on one line in braces, e.g. `{{ {example} }}`, or one `name: value` field a line, indented two more spaces"
        ),
    )
}

/// A sentence starts with a capital: "tệp chiến dịch" → "Tệp chiến dịch".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn unknown_field(ck: &mut Checker, key: &Key, what: &Text, allowed: &[&str]) {
    let hint = match suggest(&key.name, allowed) {
        Some(near) => Text::new(
            format!("có phải ý bạn là `{near}`?"),
            format!("did you mean `{near}`?"),
        ),
        None => Text::new(
            format!("các trường hợp lệ: {}", allowed.join(", ")),
            format!("the valid fields are: {}", allowed.join(", ")),
        ),
    };
    ck.error(
        key.pos,
        "unknown-field",
        Text::new(
            format!("`{}` không phải là một trường của {}", key.name, what.vi),
            format!("`{}` is not a field of {}", key.name, what.en),
        ),
        Some(hint),
    );
}

fn kind_vi(value: &Value) -> &'static str {
    match value {
        Value::Null => "giá trị trống",
        Value::Bool(_) => "giá trị đúng/sai",
        Value::Int(_) | Value::Float(_) => "một số",
        Value::Str(_) => "một đoạn chữ",
        Value::Seq(_) => "một danh sách",
        Value::Map(_) => "một nhóm trường",
    }
}

fn expected(ck: &mut Checker, node: &Node, vi: &str, en: &str, hint: Option<Text>) {
    ck.error(
        node.pos,
        "wrong-type",
        Text::new(
            format!("Cần {vi}, nhưng ở đây là {}", kind_vi(&node.value)),
            format!("Expected {en}, found {}", node.value.kind()),
        ),
        hint,
    );
}

/// Text. Numbers are accepted as their digits (a title may be "2026").
pub fn text(ck: &mut Checker, node: &Node) -> Option<String> {
    let text = match &node.value {
        Value::Str(s) => s.trim().to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(_) => {
            // YAML reads a bare `yes`, `no`, `on`, `y` as true/false.
            let hint = Text::new(
                "nếu đây là chữ, hãy đặt trong dấu ngoặc kép, ví dụ `\"Có\"`",
                "if this is text, put it in quotes, e.g. `\"yes\"`",
            );
            expected(ck, node, "một đoạn chữ", "text", Some(hint));
            return None;
        }
        _ => {
            expected(ck, node, "một đoạn chữ", "text", None);
            return None;
        }
    };
    if text.is_empty() {
        ck.error(
            node.pos,
            "empty-text",
            Text::new("Trường này đang để trống", "This field is empty"),
            Some(Text::new(
                "viết nội dung, hoặc xóa cả dòng nếu không bắt buộc",
                "write a value, or remove the line if it is optional",
            )),
        );
        return None;
    }
    Some(text)
}

/// A list of text items; a single text is accepted as a one-item list.
pub fn text_list(ck: &mut Checker, node: &Node) -> Vec<String> {
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(|item| text(ck, item)).collect(),
        _ => text(ck, node).into_iter().collect(),
    }
}

/// The items of a list.
pub fn list<'n>(ck: &mut Checker, node: &'n Node) -> &'n [Node] {
    match &node.value {
        Value::Seq(items) => items,
        _ => {
            expected(
                ck,
                node,
                "một danh sách (mỗi mục bắt đầu bằng `- `)",
                "a list (each item starting with `- `)",
                None,
            );
            &[]
        }
    }
}

pub fn boolean(ck: &mut Checker, node: &Node) -> Option<bool> {
    match &node.value {
        Value::Bool(b) => Some(*b),
        _ => {
            expected(ck, node, "`true` hoặc `false`", "`true` or `false`", None);
            None
        }
    }
}

/// The largest count a file may give: far above any commune's or province's
/// people, far below where a derived figure (a sum, a share, a pace) could
/// overflow.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// A whole number ≥ 0 (a count of people or accounts), written plainly:
/// `1.000` is one thousand to a Vietnamese reader, so a number written with
/// a dot or comma is refused, never read as 1.
pub fn count(ck: &mut Checker, node: &Node) -> Option<u64> {
    let written = node.raw.as_deref();
    if let Some(raw) = written.filter(|r| r.contains(['.', ','])) {
        separator_in_count(ck, node, raw);
        return None;
    }
    let n = match &node.value {
        Value::Int(i) if *i >= 0 => *i as u64,
        Value::Int(_) => {
            negative(ck, node);
            return None;
        }
        Value::Float(f) if *f < 0.0 => {
            negative(ck, node);
            return None;
        }
        Value::Float(f) if f.fract() == 0.0 && *f <= MAX_COUNT as f64 => *f as u64,
        Value::Float(f) if f.fract() != 0.0 => {
            let shown = written.map_or_else(|| f.to_string(), str::to_string);
            not_whole(ck, node, &shown);
            return None;
        }
        Value::Float(_) => MAX_COUNT + 1,
        Value::Str(s) => {
            let digits: String = s
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
                .collect();
            let hint =
                (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then(|| {
                    Text::new(
                        format!("viết số liền, không dấu chấm, dấu phẩy hay dấu cách: `{digits}`"),
                        format!("write the number plainly, without separators: `{digits}`"),
                    )
                });
            expected(ck, node, "một số nguyên", "a whole number", hint);
            return None;
        }
        _ => {
            expected(ck, node, "một số nguyên", "a whole number", None);
            return None;
        }
    };
    if n > MAX_COUNT {
        ck.error(
            node.pos,
            "number-too-large",
            Text::new(
                "Số này quá lớn để là một số người hay số tài khoản (quá 1 tỷ)",
                "This number is too large to be a count of people or accounts (over a billion)",
            ),
            Some(Text::new(
                "kiểm tra lại số, có thể bị thừa chữ số",
                "check the number; it may have extra digits",
            )),
        );
        return None;
    }
    Some(n)
}

/// A population: a count that is not 0 (a rate of 0 people means nothing).
pub fn population(ck: &mut Checker, node: &Node) -> Option<u64> {
    let n = count(ck, node)?;
    if n == 0 {
        ck.error(
            node.pos,
            "population-zero",
            Text::new(
                "Tổng số người (`population`) không thể bằng 0",
                "The population cannot be 0",
            ),
            Some(Text::new(
                "ghi tổng số người mà chỉ số nói tới, ví dụ `population: 29226`; nếu chưa biết, xóa dòng này",
                "write how many people the indicator is about, e.g. `population: 29226`; if it is not known, delete the line",
            )),
        );
        return None;
    }
    Some(n)
}

/// `1.000`, `11.250`, `1,299`: a count written with a separator.
fn separator_in_count(ck: &mut Checker, node: &Node, raw: &str) {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let grouped = is_grouped(raw);
    let (vi, en) = if grouped {
        (
            format!("`{raw}` có dấu phân cách hàng nghìn: trong tệp dữ liệu số được viết liền"),
            format!("`{raw}` has a thousands separator: data files write numbers plainly"),
        )
    } else {
        (
            format!("`{raw}` không phải là số nguyên"),
            format!("`{raw}` is not a whole number"),
        )
    };
    let hint = if grouped {
        Text::new(
            format!(
                "nếu là {} thì viết `{digits}` (không có dấu chấm hay dấu phẩy)",
                crate::vi::format_int(crate::vi::Lang::Vi, digits.parse().unwrap_or(0))
            ),
            format!(
                "if you mean {}, write `{digits}` (no dot or comma)",
                crate::vi::format_int(crate::vi::Lang::En, digits.parse().unwrap_or(0))
            ),
        )
    } else {
        Text::new(
            "số đếm là số nguyên, không có phần thập phân",
            "a count is a whole number, with no decimals",
        )
    };
    ck.error(
        node.pos,
        "thousands-separator",
        Text::new(vi, en),
        Some(hint),
    );
}

/// `1.000`, `29.226`, `1,299,000`: digits in groups of three after the first.
fn is_grouped(raw: &str) -> bool {
    let mut groups = raw.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && raw.contains(['.', ','])
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

fn not_whole(ck: &mut Checker, node: &Node, shown: &str) {
    ck.error(
        node.pos,
        "not-a-whole-number",
        Text::new(
            format!("`{shown}` không phải là số nguyên"),
            format!("`{shown}` is not a whole number"),
        ),
        Some(Text::new(
            "số đếm là số nguyên, không có phần thập phân",
            "a count is a whole number, with no decimals",
        )),
    );
}

fn negative(ck: &mut Checker, node: &Node) {
    ck.error(
        node.pos,
        "negative-count",
        Text::new("Số đếm không thể âm", "A count cannot be negative"),
        Some(Text::new(
            "viết số người hoặc số tài khoản, từ 0 trở lên",
            "write the number of people or accounts, 0 or more",
        )),
    );
}

/// A percentage from 0 to 100.
pub fn percent(ck: &mut Checker, node: &Node) -> Option<f64> {
    let value = match &node.value {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Str(s) if s.trim_end().ends_with('%') => {
            let bare = s.trim_end().trim_end_matches('%').trim().replace(',', ".");
            expected(
                ck,
                node,
                "một số phần trăm",
                "a percentage",
                Some(Text::new(
                    format!("bỏ dấu %, viết `{bare}`"),
                    format!("drop the % sign: `{bare}`"),
                )),
            );
            return None;
        }
        Value::Str(s) if decimal_comma(s).is_some() => {
            let fixed = decimal_comma(s).unwrap_or_default();
            expected(
                ck,
                node,
                "một số phần trăm (0 đến 100)",
                "a percentage (0 to 100)",
                Some(Text::new(
                    format!(
                        "trong tệp dữ liệu phần thập phân viết sau dấu chấm: `{fixed}` thay cho `{}`",
                        s.trim()
                    ),
                    format!(
                        "data files write decimals with a point: `{fixed}` instead of `{}`",
                        s.trim()
                    ),
                )),
            );
            return None;
        }
        _ => {
            expected(
                ck,
                node,
                "một số phần trăm (0 đến 100)",
                "a percentage (0 to 100)",
                None,
            );
            return None;
        }
    };
    if !(0.0..=100.0).contains(&value) || value.is_nan() {
        let shown = node.raw.clone().unwrap_or_else(|| value.to_string());
        ck.error(
            node.pos,
            "percent-out-of-range",
            Text::new(
                format!("Tỷ lệ `{shown}` nằm ngoài khoảng 0–100"),
                format!("The percentage `{shown}` is outside 0–100"),
            ),
            Some(Text::new(
                "viết tỷ lệ phần trăm từ 0 đến 100, ví dụ `4.44`",
                "write a percentage from 0 to 100, e.g. `4.44`",
            )),
        );
        return None;
    }
    Some(value)
}

/// `34,4` → `34.4`: a Vietnamese decimal comma in a number.
fn decimal_comma(s: &str) -> Option<String> {
    let (whole, frac) = s.trim().split_once(',')?;
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (digits(whole) && digits(frac)).then(|| format!("{whole}.{frac}"))
}

/// An ISO date `YYYY-MM-DD`.
pub fn date(ck: &mut Checker, node: &Node) -> Option<NaiveDate> {
    let raw = match &node.value {
        Value::Str(s) => s.trim(),
        _ => {
            expected(
                ck,
                node,
                "một ngày dạng NĂM-THÁNG-NGÀY",
                "a date as YEAR-MONTH-DAY",
                Some(date_hint(None)),
            );
            return None;
        }
    };
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|_| raw.len() == 10);
    if parsed.is_none() {
        ck.error(
            node.pos,
            "malformed-date",
            Text::new(
                format!("`{raw}` không phải là ngày hợp lệ dạng NĂM-THÁNG-NGÀY"),
                format!("`{raw}` is not a valid date as YEAR-MONTH-DAY"),
            ),
            Some(date_hint(Some(raw))),
        );
    }
    parsed
}

/// Suggests the ISO spelling of a Vietnamese `29/5/2026`.
fn date_hint(raw: Option<&str>) -> Text {
    let iso = raw.and_then(|r| {
        let parts: Vec<u32> = r
            .split(['/', '-', '.'])
            .map(|p| p.trim().parse().ok())
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [d, m, y] if *y > 1900 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
            _ => None,
        }
    });
    match iso {
        Some(d) => Text::new(
            format!("viết `{}`", d.format("%Y-%m-%d")),
            format!("write `{}`", d.format("%Y-%m-%d")),
        ),
        None => Text::new(
            "viết ngày dạng `2026-05-29` (năm-tháng-ngày)",
            "write the date as `2026-05-29` (year-month-day)",
        ),
    }
}

/// An id: lowercase ASCII letters, digits and dashes (`i-hatinh`).
pub fn id(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = text(ck, node)?;
    if is_slug(&raw) {
        return Some(raw);
    }
    let fixed = slugify(&raw);
    ck.error(
        node.pos,
        "malformed-id",
        Text::new(
            format!("Mã `{raw}` chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang"),
            format!("The id `{raw}` may only have lowercase ASCII letters, digits and dashes"),
        ),
        Some(if fixed.is_empty() {
            Text::new("ví dụ `i-hatinh`", "for example `i-hatinh`")
        } else {
            Text::new(format!("viết `{fixed}`"), format!("write `{fixed}`"))
        }),
    );
    None
}

/// The `id:` texts of a list of maps as written, whether or not each item
/// read cleanly: a reference to an item that failed for another reason (a
/// missing `label`, `name`…) is not reported a second time as unknown.
pub fn declared_ids(node: &Node) -> Vec<String> {
    let Value::Seq(items) = &node.value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match &item.value {
            Value::Map(entries) => entries.iter().find(|(key, _)| key.name == "id"),
            _ => None,
        })
        .filter_map(|(_, id)| match &id.value {
            Value::Str(s) => Some(s.trim().to_string()),
            _ => None,
        })
        .collect()
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// An absolute `http(s)://` link: anything else (`javascript:`, `data:`) is refused.
pub fn web_link(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = text(ck, node)?;
    if is_web_link(&raw) {
        return Some(raw);
    }
    refuse_link(
        ck,
        node,
        &raw,
        "phải bắt đầu bằng `https://` hoặc `http://`",
        "must start with `https://` or `http://`",
    );
    None
}

/// An attachment link: a web link, or a path inside the site's `static/`.
pub fn site_or_web_link(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = text(ck, node)?;
    if is_web_link(&raw) || is_safe_relative_path(&raw) {
        return Some(raw);
    }
    refuse_link(
        ck,
        node,
        &raw,
        "phải là `https://…` hoặc đường dẫn tới tệp trong thư mục static/ (ví dụ `files/959.pdf`)",
        "must be `https://…` or a path to a file in static/ (e.g. `files/959.pdf`)",
    );
    None
}

fn refuse_link(ck: &mut Checker, node: &Node, raw: &str, vi: &str, en: &str) {
    let shown: String = raw.chars().take(60).collect();
    ck.error(
        node.pos,
        "unsafe-link",
        Text::new(
            format!("Liên kết `{shown}` không được chấp nhận: liên kết {vi}"),
            format!("The link `{shown}` is refused: a link {en}"),
        ),
        Some(Text::new(
            "sao chép đúng địa chỉ trang web (bắt đầu bằng https://) từ trình duyệt",
            "copy the exact web address (starting with https://) from the browser",
        )),
    );
}

pub fn is_web_link(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !raw
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
}

/// A relative path that stays inside the site: no scheme, no `..`, no
/// leading `/`, only plain characters.
pub fn is_safe_relative_path(raw: &str) -> bool {
    !raw.is_empty()
        && !raw.starts_with('/')
        && raw
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && raw
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// A phone number: digits, spaces, dots and an optional leading `+`.
pub fn phone(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = match &node.value {
        Value::Int(i) if *i >= 0 => i.to_string(),
        _ => text(ck, node)?,
    };
    let body = raw.strip_prefix('+').unwrap_or(&raw);
    let valid = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '.')
        && body.chars().filter(char::is_ascii_digit).count() >= 3;
    if valid {
        return Some(raw);
    }
    ck.error(
        node.pos,
        "malformed-phone",
        Text::new(
            format!("Số điện thoại `{raw}` chỉ được có chữ số, dấu cách, dấu chấm và dấu + ở đầu"),
            format!("The phone number `{raw}` may only have digits, spaces, dots and a leading +"),
        ),
        Some(phone_hint(&raw)),
    );
    None
}

/// The number with only its digits (and a leading `+`), when it has enough
/// of them to be one; the example otherwise.
fn phone_hint(raw: &str) -> Text {
    let digits = tel_digits(raw.trim());
    if digits.chars().filter(char::is_ascii_digit).count() >= 3 {
        Text::new(
            format!(
                "chỉ giữ các chữ số, trong dấu ngoặc kép: `\"{digits}\"` (được cách nhóm số bằng dấu cách hoặc dấu chấm)"
            ),
            format!(
                "keep only the digits, in quotes: `\"{digits}\"` (groups may be separated by spaces or dots)"
            ),
        )
    } else {
        Text::new(
            "viết số trong dấu ngoặc kép, ví dụ `\"0916222326\"`",
            "write the number in quotes, e.g. `\"0916222326\"`",
        )
    }
}

/// The digits of a phone number and a leading `+`, for `tel:` links.
pub fn tel_digits(phone: &str) -> String {
    let plus = phone.starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if plus { format!("+{digits}") } else { digits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::parse;

    fn check<T>(yaml: &str, f: impl Fn(&mut Checker, &Node) -> T) -> (T, Vec<Diagnostic>) {
        let root = parse(yaml, 0).unwrap();
        let Value::Map(entries) = &root.value else {
            panic!()
        };
        let mut diags = Diagnostics::default();
        let mut ck = Checker {
            file: Path::new("x.yaml"),
            diags: &mut diags,
        };
        let out = f(&mut ck, &entries[0].1);
        (out, diags.sorted())
    }

    #[test]
    fn counts_refuse_negatives_and_explain_thousand_dots() {
        assert_eq!(check("a: 1299", count).0, Some(1299));
        let (v, d) = check("a: -5", count);
        assert_eq!((v, d[0].code), (None, "negative-count"));
        let (_, d) = check("a: 29.226", count);
        assert!(d[0].hint.as_ref().unwrap().en.contains("`29226`"), "{d:?}");
    }

    #[test]
    fn percents_stay_within_0_to_100() {
        assert_eq!(check("a: 4.59", percent).0, Some(4.59));
        assert_eq!(check("a: 130", percent).1[0].code, "percent-out-of-range");
        assert!(
            check("a: 30%", percent).1[0]
                .hint
                .as_ref()
                .unwrap()
                .en
                .contains("`30`")
        );
    }

    #[test]
    fn dates_are_iso_and_vietnamese_spelling_gets_a_fix() {
        assert_eq!(
            check("a: 2026-05-29", date).0,
            NaiveDate::from_ymd_opt(2026, 5, 29)
        );
        let (v, d) = check("a: 29/5/2026", date);
        assert_eq!(v, None);
        assert_eq!(d[0].code, "malformed-date");
        assert!(d[0].hint.as_ref().unwrap().en.contains("`2026-05-29`"));
        assert_eq!(check("a: 2026-02-30", date).0, None);
    }

    #[test]
    fn links_must_be_web_links() {
        assert!(
            check("a: https://apps.apple.com/vn/app/x", web_link)
                .0
                .is_some()
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//evil",
            "ftp://x",
        ] {
            let (v, d) = check(&format!("a: \"{bad}\""), web_link);
            assert_eq!((v, d[0].code), (None, "unsafe-link"), "{bad}");
        }
    }

    #[test]
    fn relative_attachment_paths_stay_inside() {
        assert!(is_safe_relative_path("files/959-ubnd-vhxh.pdf"));
        for bad in [
            "../secret",
            "/etc/passwd",
            "files/../../x",
            "a//b",
            "javascript:x",
            "",
        ] {
            assert!(!is_safe_relative_path(bad), "{bad}");
        }
    }

    #[test]
    fn phones_allow_digits_spaces_dots_and_plus() {
        assert_eq!(
            check("a: \"0916 222 326\"", phone).0.as_deref(),
            Some("0916 222 326")
        );
        assert_eq!(check("a: 19009038", phone).0.as_deref(), Some("19009038"));
        assert_eq!(
            check("a: \"+84 916.222.326\"", phone).0.as_deref(),
            Some("+84 916.222.326")
        );
        assert_eq!(
            check("a: \"0916-222-326\"", phone).1[0].code,
            "malformed-phone"
        );
        assert_eq!(tel_digits("+84 916.222.326"), "+84916222326");
    }

    #[test]
    fn ids_are_slugs() {
        assert_eq!(check("a: i-hatinh", id).0.as_deref(), Some("i-hatinh"));
        let (_, d) = check("a: I-HaTinh", id);
        assert!(d[0].hint.as_ref().unwrap().en.contains("`i-hatinh`"));
        assert_eq!(check("a: ../x", id).1[0].code, "malformed-id");
    }
}
