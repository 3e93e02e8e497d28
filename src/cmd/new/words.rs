//! The sentences `loaxa new` says, in both languages.
use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Severity, Text, suggest};
use crate::source::edit::{EditError, NewFigure};
use crate::source::yaml::Pos;
use crate::vi::{Lang, format_date};

/// Why the edit was refused, at the place in the file that says why;
/// `Err` for a mistake in the command itself (an unknown indicator).
pub fn edit_refused(
    err: EditError,
    relative: &Path,
    indicator: &str,
    figure: &NewFigure,
) -> Result<Diagnostic, Text> {
    let (pos, code, message, hint) = match err {
        EditError::UnknownIndicator { known } => {
            return Err(unknown("chỉ số", "indicator", indicator, &known));
        }
        EditError::Syntax(e) => (
            e.pos,
            "yaml-syntax",
            e.message,
            Text::new(
                format!("{}; rồi chạy lại lệnh", e.hint.vi),
                format!("{}; then run the command again", e.hint.en),
            ),
        ),
        EditError::NoIndicators => (
            Pos { line: 0, column: 0 },
            "no-indicators",
            Text::new(
                "Tệp không có danh sách `indicators:`",
                "The file has no `indicators:` list",
            ),
            Text::new(
                "thêm chỉ số theo mẫu trong FORMAT, rồi chạy lại lệnh",
                "add the indicators as in the format guide, then run the command again",
            ),
        ),
        EditError::DuplicateDate { pos } => (
            pos,
            "duplicate-date",
            Text::new(
                format!(
                    "Chỉ số `{indicator}` đã có số liệu ngày {}",
                    format_date(Lang::Vi, figure.date)
                ),
                format!(
                    "The indicator `{indicator}` already has a figure for {}",
                    format_date(Lang::En, figure.date)
                ),
            ),
            Text::new(
                "sửa số liệu đó ngay trong tệp, hoặc chọn ngày khác bằng --date NĂM-THÁNG-NGÀY",
                "correct that figure in the file, or pick another day with --date YYYY-MM-DD",
            ),
        ),
        EditError::StrayCarriageReturn { pos } => (
            pos,
            "stray-carriage-return",
            Text::new(
                "Dòng này có ký tự xuống dòng kiểu cũ (CR) đứng một mình",
                "This line has an old-style line break (CR) on its own",
            ),
            Text::new(
                "mở tệp bằng trình soạn thảo và lưu lại với kiểu xuống dòng LF (hoặc CRLF), rồi chạy lại lệnh",
                "open the file in an editor and save it with LF (or CRLF) line ends, then run the command again",
            ),
        ),
        EditError::Unsupported { pos } => (
            pos,
            "cannot-edit",
            Text::new(
                "Không tự thêm được số liệu vào chỗ viết theo dạng này",
                "Cannot add the figure automatically where the list is written this way",
            ),
            Text::new(
                format!(
                    "thêm bằng tay một dòng `- {}` vào `figures:`",
                    figure.flow()
                ),
                format!("add a line `- {}` under `figures:` by hand", figure.flow()),
            ),
        ),
    };
    Ok(Diagnostic {
        file: relative.to_path_buf(),
        line: pos.line,
        column: pos.column,
        severity: Severity::Error,
        code,
        message,
        hint: Some(hint),
    })
}

pub fn empty_title() -> Text {
    Text::new(
        "Trích yếu cần có chữ hoặc số để đặt tên tệp, ví dụ: loaxa new notice \"Kế hoạch tuyên truyền i-HaTinh\"",
        "The title needs letters or digits to name the file, e.g. loaxa new notice \"Plan for the i-HaTinh drive\"",
    )
}

pub fn notice_exists(relative: &Path) -> Text {
    let file = relative.display();
    Text::new(
        format!("Đã có tệp {file}: không ghi đè. Sửa tệp đó, hoặc đặt trích yếu khác."),
        format!("{file} already exists and is left as it is: edit it, or choose another title."),
    )
}

pub fn notice_removed(relative: &Path) -> Text {
    let file = relative.display();
    Text::new(
        format!("Văn bản mới gây lỗi (xem trên) nên đã xóa lại {file}."),
        format!("The new notice caused the errors above, so {file} was removed again."),
    )
}

pub fn notice_created(relative: &Path) -> Text {
    let file = relative.display();
    Text::new(
        format!(
            "Đã tạo {file} (bản nháp, `draft: true`). Mở tệp, điền thông tin và nội dung; xem trước bằng `loaxa serve --drafts`."
        ),
        format!(
            "Created {file} (a draft, `draft: true`). Fill in its fields and body; preview it with `loaxa serve --drafts`."
        ),
    )
}

pub fn unreadable(relative: &Path, err: &std::io::Error) -> Text {
    let file = relative.display();
    Text::new(
        format!("Không đọc được {file}: {err}"),
        format!("Cannot read {file}: {err}"),
    )
}

pub fn figure_undone(relative: &Path) -> Text {
    let file = relative.display();
    Text::new(
        format!("Số liệu mới gây lỗi (xem trên) nên {file} đã được trả lại như cũ."),
        format!("The new figure caused the errors above, so {file} was put back as it was."),
    )
}

pub fn figure_added(indicator: &str, date: NaiveDate, place: &str) -> Text {
    Text::new(
        format!(
            "Đã thêm số liệu ngày {} vào chỉ số `{indicator}`: {place}",
            format_date(Lang::Vi, date)
        ),
        format!(
            "Added the figure for {} to the indicator `{indicator}`: {place}",
            format_date(Lang::En, date)
        ),
    )
}

/// "There is no campaign `x`; did you mean `y`?" with the known ones.
pub fn unknown(what_vi: &str, what_en: &str, id: &str, known: &[String]) -> Text {
    let names: Vec<&str> = known.iter().map(String::as_str).collect();
    let list = names.join(", ");
    match suggest(id, &names) {
        Some(near) => Text::new(
            format!("Không có {what_vi} `{id}`: có phải ý bạn là `{near}`? (có: {list})"),
            format!("There is no {what_en} `{id}`: did you mean `{near}`? (there are: {list})"),
        ),
        None if names.is_empty() => Text::new(
            format!("Không có {what_vi} `{id}`, và chưa có {what_vi} nào"),
            format!("There is no {what_en} `{id}`, nor any other yet"),
        ),
        None => Text::new(
            format!("Không có {what_vi} `{id}` (có: {list})"),
            format!("There is no {what_en} `{id}` (there are: {list})"),
        ),
    }
}

pub fn not_a_site(root: &Path) -> Text {
    let root = root.display();
    Text::new(
        format!(
            "`{root}` không có tệp data/site.yaml: đây có phải thư mục của một trang không? Dùng --root THƯ_MỤC, hoặc tạo trang mới bằng `loaxa init`."
        ),
        format!(
            "`{root}` has no data/site.yaml: is it a site folder? Pass --root DIR, or create a site with `loaxa init`."
        ),
    )
}

pub fn bad_notice_date(text: &str) -> Text {
    Text::new(
        format!(
            "`--date {text}` không phải là ngày: viết ngày ký dạng NĂM-THÁNG-NGÀY (2026-11-03) hoặc ngày/tháng/năm (03/11/2026)"
        ),
        format!(
            "`--date {text}` is not a date: write the date signed as YYYY-MM-DD (2026-11-03) or dd/mm/yyyy (03/11/2026)"
        ),
    )
}

pub fn bad_number() -> Text {
    Text::new(
        "--number phải là số văn bản trên một dòng, ví dụ --number 959/UBND-VHXH",
        "--number must be the notice's number on one line, e.g. --number 959/UBND-VHXH",
    )
}
