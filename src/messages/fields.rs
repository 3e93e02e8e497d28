//! Fields and values of any file: a group of fields that is not one, a
//! field missing or unknown, a value of the wrong kind, and counts,
//! percentages, dates, ids, links and phone numbers not written as they must be.

use chrono::NaiveDate;

use super::names::{Found, Subject};
use super::{Words, did_you_mean};
use crate::diagnostic::Text;
use crate::vi::{Lang, format_int};

/// Which links a field takes, said when one is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `https://…` or `http://…` only.
    Web,
    /// A web link, or a file in the site's `static/`.
    WebOrSiteFile,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    /// `allowed`: the group's fields, the first two shown as an example.
    NotAGroup {
        subject: Subject,
        found: Found,
        allowed: &'static [&'static str],
    },
    Missing {
        subject: Subject,
        field: &'static str,
    },
    /// `near`: the allowed field it is closest to, if any.
    Unknown {
        subject: Subject,
        field: String,
        near: Option<&'static str>,
        allowed: &'static [&'static str],
    },
    NotText {
        found: Found,
    },
    EmptyText,
    NotAList {
        found: Found,
    },
    NotTrueOrFalse {
        found: Found,
    },
    /// `digits`: the number without its separators, when that is all it has.
    NotAWholeNumber {
        found: Found,
        digits: Option<String>,
    },
    CountTooLarge,
    PopulationZero,
    /// A count written with `.` or `,`: `grouped` when in thousands
    /// (`1.299`), else a decimal (`12.5`).
    SeparatorInCount {
        written: String,
        grouped: bool,
    },
    FractionalCount {
        written: String,
    },
    NegativeCount,
    /// `30%`: `bare` is the number without its sign.
    PercentSign {
        found: Found,
        bare: String,
    },
    /// `34,4`: `fixed` is `34.4`.
    DecimalComma {
        found: Found,
        written: String,
        fixed: String,
    },
    NotAPercentage {
        found: Found,
    },
    PercentOutOfRange {
        written: String,
    },
    NotADate {
        found: Found,
    },
    /// `iso`: the date it seems to mean (`29/5/2026` → 2026-05-29).
    MalformedDate {
        written: String,
        iso: Option<NaiveDate>,
    },
    /// `fixed`: the id it becomes as a slug (empty when nothing is left).
    MalformedId {
        written: String,
        fixed: String,
    },
    UnsafeLink {
        written: String,
        allowed: LinkKind,
    },
    /// `digits`: the number with only its digits and a leading `+`.
    MalformedPhone {
        written: String,
        digits: String,
    },
}

/// How many characters of a refused link the message repeats.
const LINK_SHOWN: usize = 60;

impl FieldProblem {
    pub fn words(&self) -> Words {
        use FieldProblem::*;
        match self {
            NotAGroup {
                subject,
                found,
                allowed,
            } => {
                let (what, found) = (subject.capitalized_name(), found.name());
                Words::new(
                    "expected-map",
                    format!(
                        "{} phải là một nhóm trường `tên: giá trị`, không phải {}",
                        what.vi,
                        found.vi
                    ),
                    format!(
                        "{} must be a group of `name: value` fields, not {}",
                        what.en,
                        found.en
                    ),
                )
                .hint_text(group_hint(allowed))
            }
            Missing { subject, field } => {
                let what = subject.name();
                Words::new(
                    "missing-field",
                    format!("Thiếu trường bắt buộc `{field}` trong {}", what.vi),
                    format!("The required field `{field}` is missing from {}", what.en),
                )
                .hint(
                    format!("thêm một dòng `{field}: …`"),
                    format!("add a line `{field}: …`"),
                )
            }
            Unknown {
                subject,
                field,
                near,
                allowed,
            } => {
                let what = subject.name();
                let words = Words::new(
                    "unknown-field",
                    format!("`{field}` không phải là một trường của {}", what.vi),
                    format!("`{field}` is not a field of {}", what.en),
                );
                match near {
                    Some(near) => words.hint_text(did_you_mean(near)),
                    None => words.hint(
                        format!("các trường hợp lệ: {}", allowed.join(", ")),
                        format!("the valid fields are: {}", allowed.join(", ")),
                    ),
                }
            }
            NotText { found } => {
                let words = expected("một đoạn chữ", "text", *found);
                if *found == Found::Boolean {
                    // YAML reads a bare `yes`, `no`, `on`, `y` as true/false.
                    words.hint(
                        "nếu đây là chữ, hãy đặt trong dấu ngoặc kép, ví dụ `\"Có\"`",
                        "if this is text, put it in quotes, e.g. `\"yes\"`",
                    )
                } else {
                    words
                }
            }
            EmptyText => Words::new(
                "empty-text",
                "Trường này đang để trống",
                "This field is empty",
            )
            .hint(
                "viết nội dung, hoặc xóa cả dòng nếu không bắt buộc",
                "write a value, or remove the line if it is optional",
            ),
            NotAList { found } => expected(
                "một danh sách (mỗi mục bắt đầu bằng `- `)",
                "a list (each item starting with `- `)",
                *found,
            ),
            NotTrueOrFalse { found } => {
                expected("`true` hoặc `false`", "`true` or `false`", *found)
            }
            NotAWholeNumber { found, digits } => {
                let words = expected("một số nguyên", "a whole number", *found);
                match digits {
                    Some(digits) => words.hint(
                        format!("viết số liền, không dấu chấm, dấu phẩy hay dấu cách: `{digits}`"),
                        format!("write the number plainly, without separators: `{digits}`"),
                    ),
                    None => words,
                }
            }
            CountTooLarge => Words::new(
                "number-too-large",
                "Số này quá lớn để là một số người hay số tài khoản (quá 1 tỷ)",
                "This number is too large to be a count of people or accounts (over a billion)",
            )
            .hint(
                "kiểm tra lại số, có thể bị thừa chữ số",
                "check the number; it may have extra digits",
            ),
            PopulationZero => Words::new(
                "population-zero",
                "Tổng số người (`population`) không thể bằng 0",
                "The population cannot be 0",
            )
            .hint(
                "ghi tổng số người mà chỉ số nói tới, ví dụ `population: 29226`; nếu chưa biết, xóa dòng này",
                "write how many people the indicator is about, e.g. `population: 29226`; if it is not known, delete the line",
            ),
            SeparatorInCount {
                written,
                grouped: true,
            } => {
                let digits: String = written.chars().filter(char::is_ascii_digit).collect();
                let n = digits.parse().unwrap_or(0);
                Words::new(
                    "thousands-separator",
                    format!("`{written}` có dấu phân cách hàng nghìn: trong tệp dữ liệu số được viết liền"),
                    format!("`{written}` has a thousands separator: data files write numbers plainly"),
                )
                .hint(
                    format!(
                        "nếu là {} thì viết `{digits}` (không có dấu chấm hay dấu phẩy)",
                        format_int(Lang::Vi, n)
                    ),
                    format!(
                        "if you mean {}, write `{digits}` (no dot or comma)",
                        format_int(Lang::En, n)
                    ),
                )
            }
            SeparatorInCount {
                written,
                grouped: false,
            } => not_whole("thousands-separator", written),
            FractionalCount { written } => not_whole("not-a-whole-number", written),
            NegativeCount => {
                Words::new("negative-count", "Số đếm không thể âm", "A count cannot be negative")
                    .hint(
                        "viết số người hoặc số tài khoản, từ 0 trở lên",
                        "write the number of people or accounts, 0 or more",
                    )
            }
            PercentSign { found, bare } => expected("một số phần trăm", "a percentage", *found)
                .hint(
                    format!("bỏ dấu %, viết `{bare}`"),
                    format!("drop the % sign: `{bare}`"),
                ),
            DecimalComma {
                found,
                written,
                fixed,
            } => expected(
                "một số phần trăm (0 đến 100)",
                "a percentage (0 to 100)",
                *found,
            )
            .hint(
                format!(
                    "trong tệp dữ liệu phần thập phân viết sau dấu chấm: `{fixed}` thay cho `{written}`"
                ),
                format!("data files write decimals with a point: `{fixed}` instead of `{written}`"),
            ),
            NotAPercentage { found } => expected(
                "một số phần trăm (0 đến 100)",
                "a percentage (0 to 100)",
                *found,
            ),
            PercentOutOfRange { written } => Words::new(
                "percent-out-of-range",
                format!("Tỷ lệ `{written}` nằm ngoài khoảng 0–100"),
                format!("The percentage `{written}` is outside 0–100"),
            )
            .hint(
                "viết tỷ lệ phần trăm từ 0 đến 100, ví dụ `4.44`",
                "write a percentage from 0 to 100, e.g. `4.44`",
            ),
            NotADate { found } => expected(
                "một ngày dạng NĂM-THÁNG-NGÀY",
                "a date as YEAR-MONTH-DAY",
                *found,
            )
            .hint_text(date_hint(None)),
            MalformedDate { written, iso } => Words::new(
                "malformed-date",
                format!("`{written}` không phải là ngày hợp lệ dạng NĂM-THÁNG-NGÀY"),
                format!("`{written}` is not a valid date as YEAR-MONTH-DAY"),
            )
            .hint_text(date_hint(*iso)),
            MalformedId { written, fixed } => {
                let words = Words::new(
                    "malformed-id",
                    format!(
                        "Mã `{written}` chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang"
                    ),
                    format!(
                        "The id `{written}` may only have lowercase ASCII letters, digits and dashes"
                    ),
                );
                if fixed.is_empty() {
                    words.hint("ví dụ `i-hatinh`", "for example `i-hatinh`")
                } else {
                    words.hint(format!("viết `{fixed}`"), format!("write `{fixed}`"))
                }
            }
            UnsafeLink { written, allowed } => {
                let shown: String = written.chars().take(LINK_SHOWN).collect();
                let (vi, en) = match allowed {
                    LinkKind::Web => (
                        "phải bắt đầu bằng `https://` hoặc `http://`",
                        "must start with `https://` or `http://`",
                    ),
                    LinkKind::WebOrSiteFile => (
                        "phải là `https://…` hoặc đường dẫn tới tệp trong thư mục static/ (ví dụ `files/959.pdf`)",
                        "must be `https://…` or a path to a file in static/ (e.g. `files/959.pdf`)",
                    ),
                };
                Words::new(
                    "unsafe-link",
                    format!("Liên kết `{shown}` không được chấp nhận: liên kết {vi}"),
                    format!("The link `{shown}` is refused: a link {en}"),
                )
                .hint(
                    "sao chép đúng địa chỉ trang web (bắt đầu bằng https://) từ trình duyệt",
                    "copy the exact web address (starting with https://) from the browser",
                )
            }
            MalformedPhone { written, digits } => {
                let words = Words::new(
                    "malformed-phone",
                    format!(
                        "Số điện thoại `{written}` chỉ được có chữ số, dấu cách, dấu chấm và dấu + ở đầu"
                    ),
                    format!(
                        "The phone number `{written}` may only have digits, spaces, dots and a leading +"
                    ),
                );
                // Enough digits to be a number: show it with only those.
                if digits.chars().filter(char::is_ascii_digit).count() >= 3 {
                    words.hint(
                        format!(
                            "chỉ giữ các chữ số, trong dấu ngoặc kép: `\"{digits}\"` (được cách nhóm số bằng dấu cách hoặc dấu chấm)"
                        ),
                        format!(
                            "keep only the digits, in quotes: `\"{digits}\"` (groups may be separated by spaces or dots)"
                        ),
                    )
                } else {
                    words.hint(
                        "viết số trong dấu ngoặc kép, ví dụ `\"0916222326\"`",
                        "write the number in quotes, e.g. `\"0916222326\"`",
                    )
                }
            }
        }
    }
}

/// "Expected a whole number, found text", without a hint.
fn expected(vi: &str, en: &str, found: Found) -> Words {
    let found = found.name();
    Words::new(
        "wrong-type",
        format!("Cần {vi}, nhưng ở đây là {}", found.vi),
        format!("Expected {en}, found {}", found.en),
    )
}

/// A count written with decimals.
fn not_whole(code: &'static str, written: &str) -> Words {
    Words::new(
        code,
        format!("`{written}` không phải là số nguyên"),
        format!("`{written}` is not a whole number"),
    )
    .hint(
        "số đếm là số nguyên, không có phần thập phân",
        "a count is a whole number, with no decimals",
    )
}

/// How to write a group of these fields, in the officer's own file: on one
/// line in braces, or a field a line.
fn group_hint(allowed: &[&str]) -> Text {
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

/// The ISO spelling of the date meant, or the form with an example.
fn date_hint(iso: Option<NaiveDate>) -> Text {
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
