//! Reading one source file with a checker: YAML files, their syntax errors,
//! and the campaign id a file name gives.

use crate::check::reader::{self, Checker};
use crate::diagnostic::{Diagnostics, Text};
use crate::source::SourceFile;
use crate::source::yaml::{self, SyntaxError};

pub(super) fn with_checker<T>(
    file: &SourceFile,
    diags: &mut Diagnostics,
    read: impl FnOnce(&mut Checker) -> Option<T>,
) -> Option<T> {
    let mut ck = Checker {
        file: &file.path,
        diags,
    };
    read(&mut ck)
}

pub(super) fn read_yaml_file<T>(
    file: &SourceFile,
    diags: &mut Diagnostics,
    read: impl FnOnce(&mut Checker, &yaml::Node) -> Option<T>,
) -> Option<T> {
    with_checker(file, diags, |ck| match yaml::parse(&file.text, 0) {
        Ok(node) if node.value == yaml::Value::Null => {
            ck.error(
                yaml::Pos { line: 1, column: 1 },
                "empty-file",
                Text::new("Tệp đang trống", "The file is empty"),
                Some(Text::new(
                    "viết các trường của tệp, bắt đầu bằng dòng `title: …`, hoặc xóa tệp",
                    "write the file's fields, starting with a line `title: …`, or delete the file",
                )),
            );
            None
        }
        Ok(node) => read(ck, &node),
        Err(err) => {
            yaml_error(ck, &err);
            None
        }
    })
}

/// A YAML syntax error in plain words.
pub(crate) fn yaml_error(ck: &mut Checker, err: &SyntaxError) {
    // The parser's own words repeat the position; the diagnostic has it.
    let detail = err
        .message
        .split(" at line ")
        .next()
        .unwrap_or(&err.message)
        .trim();
    let (message, hint) = explain_yaml(detail).unwrap_or_else(|| {
        (
            Text::new(
                format!("Lỗi cú pháp YAML: {detail}"),
                format!("YAML syntax error: {detail}"),
            ),
            Text::new(
                "kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách (không dùng Tab), và dấu ngoặc đóng mở đủ cặp",
                "check the colon after each field name, indentation with spaces (not tabs), and matching brackets",
            ),
        )
    });
    ck.error(err.pos, "yaml-syntax", message, Some(hint));
}

/// The parser's English message, for the mistakes people make, said in
/// both languages with what to do.
fn explain_yaml(detail: &str) -> Option<(Text, Text)> {
    if let Some(rest) = detail.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return Some((
            Text::new(
                format!("Trường `{key}` được viết hai lần trong cùng một nhóm"),
                format!("The field `{key}` is written twice in the same group"),
            ),
            Text::new(
                format!("giữ một dòng `{key}: …` và xóa dòng còn lại"),
                format!("keep one `{key}: …` line and delete the other"),
            ),
        ));
    }
    let has = |needle: &str| detail.contains(needle);
    let (vi, en, hint_vi, hint_en) = if has("tabs disallowed") {
        (
            "Dòng này thụt lề bằng phím Tab",
            "This line is indented with a Tab",
            "thay Tab ở đầu dòng bằng dấu cách (hai dấu cách cho mỗi bậc thụt lề)",
            "replace the Tab at the start of the line with spaces (two per level)",
        )
    } else if has("Documents") {
        (
            "Dòng `---` ở giữa tệp chia tệp thành hai phần; tệp dữ liệu chỉ được có một phần",
            "A `---` line splits the file in two; a data file may have only one part",
            "xóa dòng `---` này",
            "delete this `---` line",
        )
    } else if has("budget breached") || has("recursion limit") {
        (
            "Tệp lồng nhau quá sâu hoặc dùng quá nhiều bí danh (`&`, `*`) để đọc được",
            "The file is nested too deeply or uses too many aliases (`&`, `*`) to be read",
            "tệp dữ liệu chỉ cần các trường đơn giản như trong mẫu: bỏ các ngoặc lồng nhau và các dấu `&`, `*`",
            "a data file needs only plain fields as in the format guide: remove the nested brackets and the `&`, `*` aliases",
        )
    } else if has("non-finite float") {
        (
            "`.inf` và `.nan` không phải là số dùng được",
            "`.inf` and `.nan` are not usable numbers",
            "viết một số cụ thể, ví dụ `1299`",
            "write an actual number, e.g. `1299`",
        )
    } else if has("unclosed quote") {
        (
            "Dấu ngoặc kép mở ở đây chưa được đóng",
            "The quote opened here is not closed",
            "thêm dấu ngoặc đóng ở cuối giá trị, trên cùng một dòng",
            "add the closing quote at the end of the value, on the same line",
        )
    } else if has("unclosed bracket")
        || has("flow mapping")
        || has("flow sequence")
        || has("illegal placement of ':'")
    {
        (
            "Một dấu ngoặc `[` hoặc `{` mở phía trước chưa được đóng",
            "A `[` or `{` opened before is not closed",
            "đóng ngoặc bằng `]` hoặc `}` ở cuối dòng đã mở nó",
            "close it with `]` or `}` at the end of the line that opened it",
        )
    } else if has("mapping values are not allowed") {
        (
            "Có dấu `: ` ở chỗ không được có",
            "There is a `: ` where none is allowed",
            "nếu giá trị có dấu hai chấm (như `V/v: …`), đặt cả giá trị trong dấu ngoặc kép; nếu không, kiểm tra thụt lề của dòng này so với dòng trên",
            "if the value has a colon (like `V/v: …`), put the whole value in double quotes; otherwise check this line's indentation against the line above",
        )
    } else if has("did not find expected key") || has("did not find expected '-'") {
        (
            "Thụt lề của dòng này không khớp với các dòng cùng nhóm",
            "This line's indentation does not match the other lines of its group",
            "các trường cùng nhóm phải thẳng cột (cùng số dấu cách đầu dòng); mỗi mục của danh sách bắt đầu bằng `- `",
            "the fields of a group must line up (the same number of spaces before them); each list item starts with `- `",
        )
    } else if has("unexpected character") || has("alias references unknown anchor") {
        (
            "Giá trị không được bắt đầu bằng ký tự này",
            "A value cannot start with this character",
            "đặt cả giá trị trong dấu ngoặc kép, ví dụ `title: \"@Lộc Hà\"`",
            "put the whole value in double quotes, e.g. `title: \"@Lộc Hà\"`",
        )
    } else {
        return None;
    };
    Some((Text::new(vi, en), Text::new(hint_vi, hint_en)))
}

/// The campaign id is the file stem and must be a slug.
pub(super) fn campaign_id(file: &SourceFile, diags: &mut Diagnostics) -> Option<String> {
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if reader::is_slug(&stem) {
        return Some(stem);
    }
    let fixed = crate::vi::slugify(&stem);
    diags.push(crate::source::files::whole_file_error(
        &file.path,
        "malformed-id",
        Text::new(
            format!("Tên tệp `{stem}` là mã chiến dịch nên chỉ được có chữ thường không dấu, số và dấu gạch ngang"),
            format!("The file name `{stem}` is the campaign id, so it may only have lowercase ASCII letters, digits and dashes"),
        ),
        Some(Text::new(format!("đổi tên tệp thành `{fixed}.yaml`"), format!("rename the file to `{fixed}.yaml`"))),
    ));
    None
}
