//! What a body's author must hear about, each at its line: HTML shown as
//! text, nesting too deep to show, pictures from elsewhere or without a
//! description. Run when a notice or page is checked, so the preview keeps
//! every file's warnings between saves; most bodies have none of these and
//! are not parsed at all here.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::events::{MAX_DEPTH, too_deep};
use super::{PictureProblem, options, picture_path, raw_html};
use crate::diagnostic::{Diagnostic, Diagnostics, Text, escape_controls};

pub use crate::model::PictureRef;

/// Lines with HTML reported one by one; the rest are counted in one more.
const HTML_LINES_SHOWN: usize = 10;

/// Checks a body that starts at line `first_line` of `file`: its problems
/// go to `diags`; returns the pictures it shows from `static/`.
pub fn check_body(
    body: &str,
    first_line: usize,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<PictureRef> {
    if !worth_parsing(body) {
        return Vec::new();
    }
    let at = Lines::new(body, first_line);
    let neutral = raw_html::neutralize(body);
    let parsed: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(&neutral.text, options())
        .into_offset_iter()
        .collect();
    let mut html = neutral.escaped.clone();
    for (event, range) in &parsed {
        if let Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) = event {
            let lt = neutral.text[range.clone()].find('<').unwrap_or(0);
            html.push(neutral.original(range.start + lt));
        }
    }
    html.sort_unstable();
    report_html(body, &html, &at, file, diags);
    let events: Vec<Event> = parsed.iter().map(|(e, _)| e.clone()).collect();
    if let Some(i) = too_deep(&events) {
        let (line, column) = at.position(neutral.original(parsed[i].1.start));
        diags.push(too_deep_warning(file, line, column));
    }
    let mut pictures = Vec::new();
    let mut open: Option<(String, usize, usize, String)> = None;
    for (event, range) in &parsed {
        match (&mut open, event) {
            (None, Event::Start(Tag::Image { dest_url, .. })) => {
                let (line, column) = at.position(neutral.original(range.start));
                open = Some((dest_url.to_string(), line, column, String::new()));
            }
            (Some((.., alt)), Event::Text(t) | Event::Code(t)) => alt.push_str(t),
            (Some(_), Event::End(TagEnd::Image)) => {
                let Some((url, line, column, alt)) = open.take() else {
                    continue;
                };
                match picture_path(&url) {
                    Ok(path) => {
                        if alt.trim().is_empty() {
                            diags.push(no_description(file, line, column, &path));
                        }
                        pictures.push(PictureRef { path, line, column });
                    }
                    Err(problem) => diags.push(refused_picture(file, line, column, &url, problem)),
                }
            }
            _ => {}
        }
    }
    pictures
}

/// Whether a body may hold anything [`check_body`] reports: HTML needs a
/// `<`, a picture `![`, and nesting deeper than [`MAX_DEPTH`] a line whose
/// leading marks (`>`, list markers, indentation) are longer than that.
fn worth_parsing(body: &str) -> bool {
    body.contains('<')
        || body.contains("![")
        || body.lines().any(|line| {
            line.chars()
                .take_while(|c| " \t>-*+.)".contains(*c) || c.is_ascii_digit())
                .count()
                > MAX_DEPTH
        })
}

/// Line starts of a body, for `line:column` from a byte offset. Columns
/// count characters from the line's start, or from the last offset asked
/// on the same line: a 1 MB line of pictures costs one pass, not one per
/// picture.
struct Lines<'a> {
    body: &'a str,
    starts: Vec<usize>,
    first_line: usize,
    /// The last offset asked, and its column.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    fn new(body: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines {
            body,
            starts,
            first_line,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// Line (in the file) and column (in characters, from 1) of an offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let index = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[index];
        let (last, last_column) = self.last.get();
        let (from, column) = if (start..=offset).contains(&last) {
            (last, last_column)
        } else {
            (start, 1)
        };
        let column = column + self.body.get(from..offset).map_or(0, |s| s.chars().count());
        self.last.set((offset, column));
        (self.first_line + index, column)
    }
}

/// One warning for each line holding HTML (its first piece), the first
/// [`HTML_LINES_SHOWN`] of them, then one counting the others.
fn report_html(body: &str, offsets: &[usize], at: &Lines, file: &Path, diags: &mut Diagnostics) {
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    for &offset in offsets {
        let (line, column) = at.position(offset);
        if lines.last().is_none_or(|(l, ..)| *l != line) {
            lines.push((line, column, offset));
        }
    }
    for &(line, column, offset) in lines.iter().take(HTML_LINES_SHOWN) {
        diags.push(html_warning(file, line, column, &tag_at(body, offset)));
    }
    if let Some(&(line, column, _)) = lines.get(HTML_LINES_SHOWN) {
        let more = lines.len() - HTML_LINES_SHOWN;
        diags.push(
            Diagnostic::warning(
                file,
                line,
                column,
                "raw-html",
                Text::new(
                    format!("Còn {more} dòng khác có HTML, cũng được hiện nguyên văn như chữ"),
                    format!("{more} more lines hold HTML, also shown as plain text"),
                ),
            )
            .with_hint(html_hint()),
        );
    }
}

/// The tag as written at `offset` (`<script>`, `<div`, `</p>`, `<!--`).
fn tag_at(body: &str, offset: usize) -> String {
    let rest = body.get(offset..).unwrap_or("");
    let mut tag = String::new();
    for c in rest.chars().take(40) {
        if c.is_whitespace() && tag.len() > 1 {
            break;
        }
        tag.push(c);
        if c == '>' {
            break;
        }
    }
    escape_controls(&tag)
}

fn html_warning(file: &Path, line: usize, column: usize, tag: &str) -> Diagnostic {
    Diagnostic::warning(
        file,
        line,
        column,
        "raw-html",
        Text::new(
            format!(
                "HTML `{tag}` được hiện nguyên văn như chữ: văn bản trên trang không dùng HTML"
            ),
            format!("The HTML `{tag}` is shown as plain text: notices and pages do not use HTML"),
        ),
    )
    .with_hint(html_hint())
}

fn html_hint() -> Text {
    Text::new(
        "định dạng bằng Markdown (**đậm**, *nghiêng*, dòng bắt đầu bằng `- ` cho danh sách); nếu chỉ muốn viết dấu `<`, hãy viết `\\<` và cảnh báo này sẽ hết",
        "format with Markdown (**bold**, *italic*, lines starting with `- ` for a list); to write a plain `<`, write `\\<` and this warning goes away",
    )
}

fn too_deep_warning(file: &Path, line: usize, column: usize) -> Diagnostic {
    Diagnostic::warning(
        file,
        line,
        column,
        "nested-too-deep",
        Text::new(
            format!(
                "Văn bản lồng quá sâu (hơn {MAX_DEPTH} lớp trích dẫn `>` hoặc danh sách): từ đây các lớp sâu hơn được hiện phẳng"
            ),
            format!(
                "The text nests too deep (more than {MAX_DEPTH} levels of `>` quotes or lists): from here deeper levels are shown flat"
            ),
        ),
    )
    .with_hint(Text::new(
        "bớt số lớp lồng nhau",
        "use fewer nested levels",
    ))
}

fn no_description(file: &Path, line: usize, column: usize, path: &str) -> Diagnostic {
    let path = escape_controls(path);
    Diagnostic::warning(
        file,
        line,
        column,
        "picture-without-description",
        Text::new(
            format!(
                "Ảnh `{path}` chưa có mô tả: người dùng máy đọc màn hình, hoặc khi ảnh chưa tải được, sẽ không biết ảnh nói gì"
            ),
            format!(
                "The picture `{path}` has no description: someone using a screen reader, or whose connection did not load it, will not know what it shows"
            ),
        ),
    )
    .with_hint(Text::new(
        format!("viết mô tả trong ngoặc vuông: `![Sơ đồ các bước cài đặt]({path})`"),
        format!("write the description in the brackets: `![Steps to install]({path})`"),
    ))
}

fn refused_picture(
    file: &Path,
    line: usize,
    column: usize,
    url: &str,
    problem: PictureProblem,
) -> Diagnostic {
    let shown: String = escape_controls(&url.chars().take(80).collect::<String>());
    let (code, vi, en) = match problem {
        PictureProblem::Elsewhere => (
            "remote-picture",
            format!(
                "Ảnh `{shown}` lấy từ trang web khác: trang của xã không tải gì từ nơi khác (chậm, tốn dữ liệu di động, và nơi đó có thể đổi ảnh)"
            ),
            format!(
                "The picture `{shown}` is on another site: the commune's pages load nothing from elsewhere (slow, costly on mobile data, and that site could change it)"
            ),
        ),
        PictureProblem::NotAFile => (
            "unsafe-picture",
            format!("Ảnh `{shown}` không phải là một tệp của trang"),
            format!("The picture `{shown}` is not one of the site's files"),
        ),
        PictureProblem::NotPlain => (
            "malformed-picture-path",
            format!(
                "Đường dẫn ảnh `{shown}` không dùng được: chỉ được có chữ, số, `-`, `_`, `.` và `/`, không có dấu cách, `%`, `?` hay `..`"
            ),
            format!(
                "The picture path `{shown}` cannot be used: only letters, digits, `-`, `_`, `.` and `/`, no spaces, `%`, `?` or `..`"
            ),
        ),
        PictureProblem::Hidden => (
            "hidden-picture",
            format!("Ảnh `{shown}` là tệp ẩn (tên bắt đầu bằng dấu chấm): tệp ẩn không được đăng"),
            format!(
                "The picture `{shown}` is hidden (its name starts with a dot): hidden files are not published"
            ),
        ),
    };
    Diagnostic::error(file, line, column, code, Text::new(vi, en)).with_hint(Text::new(
        "chép ảnh vào thư mục static/ của trang (ví dụ `static/anh/so-do.png`, tên không dấu cách) rồi viết `![mô tả](anh/so-do.png)`",
        "copy the picture into the site's static/ folder (e.g. `static/anh/so-do.png`, no spaces in the name) and write `![description](anh/so-do.png)`",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str) -> (Vec<Diagnostic>, Vec<PictureRef>) {
        let mut diags = Diagnostics::default();
        let pictures = check_body(body, 10, Path::new("a.md"), &mut diags);
        (diags.sorted(), pictures)
    }

    #[test]
    fn html_is_reported_once_a_line_at_its_column() {
        let (diags, _) = check("Mở <b>x</b> đây.\n\n<script>\nalert(1)\n\nSau *đó*.\n");
        let found: Vec<(usize, usize, &str)> = diags
            .iter()
            .map(|d| (d.line, d.column, d.message.en.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    10,
                    4,
                    "The HTML `<b>` is shown as plain text: notices and pages do not use HTML"
                ),
                (
                    12,
                    1,
                    "The HTML `<script>` is shown as plain text: notices and pages do not use HTML"
                ),
            ]
        );
    }

    #[test]
    fn many_lines_of_html_are_counted_after_ten() {
        let body = "<br>\n\n".repeat(13);
        let (diags, _) = check(&body);
        assert_eq!(diags.len(), 11);
        assert_eq!(
            diags[10].message.en,
            "3 more lines hold HTML, also shown as plain text"
        );
        assert_eq!(diags[10].line, 30);
    }

    #[test]
    fn pictures_are_found_refused_or_warned_at_their_place() {
        let body = "Xem ![Sơ đồ](/anh/so-do.png)\n\n![](anh/b.png) ![x](https://e.vn/a.png)\n![y](<anh/c d.png>) ![z](.an/a.png)\n";
        let (diags, pictures) = check(body);
        assert_eq!(
            pictures,
            [
                PictureRef {
                    path: "anh/so-do.png".into(),
                    line: 10,
                    column: 5
                },
                PictureRef {
                    path: "anh/b.png".into(),
                    line: 12,
                    column: 1
                },
            ]
        );
        let found: Vec<(usize, usize, &str)> =
            diags.iter().map(|d| (d.line, d.column, d.code)).collect();
        assert_eq!(
            found,
            [
                (12, 1, "picture-without-description"),
                (12, 16, "remote-picture"),
                (13, 1, "malformed-picture-path"),
                (13, 21, "hidden-picture"),
            ]
        );
    }

    #[test]
    fn plain_bodies_are_not_parsed() {
        assert!(!worth_parsing("Một đoạn.\n\n- một\n  - hai\n> trích\n"));
        assert!(worth_parsing(&format!("{}x\n", "> ".repeat(9))));
        assert!(worth_parsing("a < b"));
    }
}
