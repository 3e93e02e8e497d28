//! The YAML parser's complaints, said again in Vietnamese and English at the
//! line and column where the mistake is, with the line as it should be
//! written. The parser's English never reaches an officer: a complaint not
//! recognised here gets a plain general message, at the parser's position.
//!
//! The parser names what it met, not what the writer did: a tab is reported
//! on the line above it, a missing colon as a colon "not allowed" on the
//! next line. So each explanation looks at the lines themselves.

use super::Pos;
use crate::diagnostic::Text;

/// A parser complaint made plain: where, what, and what to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub pos: Pos,
    pub message: Text,
    pub hint: Text,
}

/// Explains the parser's `detail` (its message without position) about
/// `text`, which it placed at `pos` (lines of `text`, from 1).
pub fn explain(text: &str, pos: Pos, detail: &str) -> Explained {
    let lines: Vec<&str> = text.lines().collect();
    let doc = Lines { lines: &lines };
    let has = |needle: &str| detail.contains(needle);
    let found = if let Some(rest) = detail.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        Some(doc.duplicate(pos, key))
    } else if has("tabs disallowed") || has("found a tab") || has("found tab") {
        doc.tab(pos)
    } else if has("simple key expected ':'") || has("could not find expected ':'") {
        doc.missing_colon(pos.line)
    } else if has("mapping values are not allowed") {
        doc.misplaced_colon(pos)
    } else if has("did not find expected key") || has("did not find expected '-'") {
        Some(doc.indentation(pos, has("'-'")))
    } else if has("unclosed quote") {
        Some(doc.unclosed_quote(pos))
    } else if has("trailing content after") {
        Some(doc.after_quote(pos))
    } else {
        None
    };
    found
        .or_else(|| known(detail, pos))
        .unwrap_or_else(|| general(detail, pos))
}

struct Lines<'a> {
    lines: &'a [&'a str],
}

impl Lines<'_> {
    fn line(&self, number: usize) -> Option<&str> {
        self.lines.get(number.checked_sub(1)?).copied()
    }

    /// The nearest line before `number` with something on it (not blank,
    /// not only a comment): its number and text.
    fn previous_content(&self, number: usize) -> Option<(usize, &str)> {
        (1..number).rev().find_map(|n| {
            let line = self.line(n)?;
            let trimmed = line.trim();
            (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some((n, line))
        })
    }

    /// A tab in the indentation: reported on its own line (the parser names
    /// the line before it), at the tab.
    fn tab(&self, pos: Pos) -> Option<Explained> {
        let tab_at = |n: usize| {
            let line = self.line(n)?;
            let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
            indent
                .find('\t')
                .map(|at| (n, indent[..at].chars().count() + 1, line))
        };
        let (line, column, text) = (pos.line.max(1)..=self.lines.len())
            .chain(1..pos.line)
            .find_map(tab_at)?;
        let fixed = format!(
            "{}{}",
            text.chars()
                .take_while(|c| c.is_whitespace())
                .map(|c| if c == '\t' { "  " } else { " " })
                .collect::<String>(),
            text.trim_start()
        );
        Some(Explained {
            pos: Pos { line, column },
            message: Text::new(
                "Dòng này thụt lề bằng phím Tab",
                "This line is indented with a Tab",
            ),
            hint: Text::new(
                format!(
                    "thay Tab ở đầu dòng bằng dấu cách (hai dấu cách cho mỗi bậc thụt lề): `{fixed}`"
                ),
                format!(
                    "replace the Tab at the start of the line with spaces (two per level): `{fixed}`"
                ),
            ),
        })
    }

    fn duplicate(&self, pos: Pos, key: &str) -> Explained {
        let indent = pos.column.saturating_sub(1);
        let first = (1..pos.line).find(|&n| {
            self.line(n).is_some_and(|line| {
                let rest = line.get(indent..).unwrap_or("");
                line.chars().take(indent).all(|c| c == ' ' || c == '-')
                    && (rest.starts_with(&format!("{key}:"))
                        || rest.starts_with(&format!("\"{key}\":")))
            })
        });
        let (where_vi, where_en) = match first {
            Some(n) => (
                format!(" (dòng {n} và dòng {})", pos.line),
                format!(" (lines {n} and {})", pos.line),
            ),
            None => (String::new(), String::new()),
        };
        Explained {
            pos,
            message: Text::new(
                format!("Trường `{key}` được viết hai lần trong cùng một nhóm{where_vi}"),
                format!("The field `{key}` is written twice in the same group{where_en}"),
            ),
            hint: Text::new(
                format!("giữ một dòng `{key}: …` và xóa dòng còn lại"),
                format!("keep one `{key}: …` line and delete the other"),
            ),
        }
    }

    /// `commune Xã Lộc Hà` (or `- date 2026-06-10`): a field without its
    /// colon.
    fn missing_colon(&self, number: usize) -> Option<Explained> {
        let line = self.line(number)?;
        let indent = line.len() - line.trim_start().len();
        let mut content = line.trim();
        let mut prefix = " ".repeat(indent);
        while let Some(rest) = content.strip_prefix("- ") {
            prefix.push_str("- ");
            content = rest.trim_start();
        }
        let (key, rest) = content
            .split_once(char::is_whitespace)
            .unwrap_or((content, ""));
        if key.is_empty() || key.contains(':') || key.starts_with(['-', '#', '"', '\'', '[', '{']) {
            return None;
        }
        let fixed = format!("{prefix}{key}: {}", rest.trim());
        Some(Explained {
            pos: Pos {
                line: number,
                column: prefix.chars().count() + key.chars().count() + 1,
            },
            message: Text::new(
                format!("Thiếu dấu hai chấm sau tên trường `{key}`"),
                format!("The colon after the field name `{key}` is missing"),
            ),
            hint: Text::new(
                format!("viết `{}`", fixed.trim_end()),
                format!("write `{}`", fixed.trim_end()),
            ),
        })
    }

    /// `title:x`: a colon without the space YAML needs after it.
    fn colon_without_space(&self, number: usize) -> Option<Explained> {
        let line = self.line(number)?;
        let indent = line.len() - line.trim_start().len();
        let content = line.trim_start().trim_start_matches("- ");
        let (key, value) = content.split_once(':')?;
        let plain_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !plain_key || value.is_empty() || value.starts_with([' ', '\t']) {
            return None;
        }
        let start = &line[..line.len() - content.len()];
        let fixed = format!("{start}{key}: {value}");
        Some(Explained {
            pos: Pos {
                line: number,
                column: indent.max(start.chars().count()) + key.chars().count() + 1,
            },
            message: Text::new(
                format!("Sau dấu hai chấm của `{key}` cần một dấu cách"),
                format!("The colon after `{key}` needs a space after it"),
            ),
            hint: Text::new(
                format!("viết `{}`", fixed.trim()),
                format!("write `{}`", fixed.trim()),
            ),
        })
    }

    /// A colon where none is allowed: a missing colon on the line before
    /// (the two lines were read as one value), a line indented deeper than
    /// its group, or a colon inside a value that needs quotes.
    fn misplaced_colon(&self, pos: Pos) -> Option<Explained> {
        if let Some((number, previous)) = self.previous_content(pos.line) {
            let content = previous.trim().trim_start_matches("- ").trim_start();
            let plain = !content.contains(':')
                && !content.starts_with(['-', '"', '\'', '[', '{', '|', '>']);
            if plain {
                return self.missing_colon(number);
            }
            if let Some(explained) = self.colon_without_space(number) {
                return Some(explained);
            }
            let line = self.line(pos.line)?;
            let indent = line.len() - line.trim_start().len();
            let key_column = key_indent(previous);
            let previous_has_value = previous
                .split_once(": ")
                .is_some_and(|(_, v)| !v.trim().is_empty());
            if previous_has_value && indent > key_column {
                return Some(self.reindent(pos.line, key_column, number));
            }
        }
        let line = self.line(pos.line)?;
        let (key, value) = line.split_once(": ")?;
        let value = value.trim();
        let quoted = format!(
            "{key}: \"{}\"",
            value.replace('\\', "\\\\").replace('"', "\\\"")
        );
        Some(Explained {
            pos,
            message: Text::new(
                "Có dấu `: ` ở chỗ không được có",
                "There is a `: ` where none is allowed",
            ),
            hint: Text::new(
                format!(
                    "nếu giá trị có dấu hai chấm (như `V/v: …`), đặt cả giá trị trong dấu ngoặc kép: `{}`",
                    quoted.trim()
                ),
                format!(
                    "if the value has a colon (like `V/v: …`), put the whole value in double quotes: `{}`",
                    quoted.trim()
                ),
            ),
        })
    }

    /// A line whose indentation does not match its group's.
    fn indentation(&self, pos: Pos, list_item: bool) -> Explained {
        let line = self.line(pos.line).unwrap_or("");
        let indent = line.len() - line.trim_start().len();
        // The group's column: the nearest line before with the same kind of
        // start (a `- ` item, or a key), at a column no deeper than this one
        // … or any, when this line is not deep enough for any.
        let sibling = (1..pos.line).rev().find_map(|n| {
            let other = self.line(n)?;
            let trimmed = other.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                return None;
            }
            let column = if list_item {
                trimmed
                    .starts_with("- ")
                    .then(|| other.len() - trimmed.len())?
            } else {
                key_indent(other)
            };
            (column != indent).then_some((n, column))
        });
        match sibling {
            Some((number, column)) => {
                let mut explained = self.reindent(pos.line, column, number);
                explained.pos = pos;
                explained
            }
            None => Explained {
                pos,
                message: indentation_message(),
                hint: indentation_hint(),
            },
        }
    }

    /// "Indent line `number` by `column` spaces, like line `like`."
    fn reindent(&self, number: usize, column: usize, like: usize) -> Explained {
        let line = self.line(number).unwrap_or("");
        let fixed = format!("{}{}", " ".repeat(column), line.trim());
        let indent = line.len() - line.trim_start().len();
        Explained {
            pos: Pos {
                line: number,
                column: indent + 1,
            },
            message: indentation_message(),
            hint: Text::new(
                format!("viết `{fixed}` ({column} dấu cách ở đầu dòng, thẳng cột với dòng {like})"),
                format!("write `{fixed}` ({column} spaces before it, in line with line {like})"),
            ),
        }
    }

    fn unclosed_quote(&self, pos: Pos) -> Explained {
        let line = self.line(pos.line).unwrap_or("");
        let quote = line
            .chars()
            .nth(pos.column.saturating_sub(1))
            .filter(|c| *c == '"' || *c == '\'')
            .unwrap_or('"');
        let fixed = format!("{}{quote}", line.trim_end());
        Explained {
            pos,
            message: Text::new(
                "Dấu ngoặc kép mở ở đây chưa được đóng",
                "The quote opened here is not closed",
            ),
            hint: Text::new(
                format!(
                    "thêm dấu ngoặc đóng ở cuối giá trị, trên cùng một dòng: `{}`",
                    fixed.trim()
                ),
                format!(
                    "add the closing quote at the end of the value, on the same line: `{}`",
                    fixed.trim()
                ),
            ),
        }
    }

    fn after_quote(&self, pos: Pos) -> Explained {
        Explained {
            pos,
            message: Text::new(
                "Sau dấu ngoặc kép đóng vẫn còn chữ",
                "There is text after the closing quote",
            ),
            hint: Text::new(
                "đặt cả giá trị trong một cặp ngoặc kép, ví dụ `title: \"Kế hoạch \\\"i-HaTinh\\\" số 1\"` (bên trong viết \\\" cho dấu ngoặc kép)",
                "put the whole value in one pair of quotes, e.g. `title: \"Plan \\\"i-HaTinh\\\" no. 1\"` (write \\\" for a quote inside)",
            ),
        }
    }
}

/// Where the keys of a line start: after its indentation and any `- `.
fn key_indent(line: &str) -> usize {
    let mut column = line.len() - line.trim_start().len();
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix("- ") {
        let spaces = after.len() - after.trim_start().len();
        column += 2 + spaces;
        rest = after.trim_start();
    }
    column
}

fn indentation_message() -> Text {
    Text::new(
        "Thụt lề của dòng này không khớp với các dòng cùng nhóm",
        "This line's indentation does not match the other lines of its group",
    )
}

fn indentation_hint() -> Text {
    Text::new(
        "các trường cùng nhóm phải thẳng cột (cùng số dấu cách đầu dòng); mỗi mục của danh sách bắt đầu bằng `- `",
        "the fields of a group must line up (the same number of spaces before them); each list item starts with `- `",
    )
}

/// Complaints that need no look at the lines.
fn known(detail: &str, pos: Pos) -> Option<Explained> {
    let has = |needle: &str| detail.contains(needle);
    let (vi, en, hint_vi, hint_en) = if has("Documents") {
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
    Some(Explained {
        pos,
        message: Text::new(vi, en),
        hint: Text::new(hint_vi, hint_en),
    })
}

/// Anything else: plain words in Vietnamese; the parser's own in English.
fn general(detail: &str, pos: Pos) -> Explained {
    Explained {
        pos,
        message: Text::new(
            "Dòng này viết chưa đúng cách viết của tệp dữ liệu (YAML)",
            format!("YAML syntax error: {detail}"),
        ),
        hint: Text::new(
            "kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách (không dùng Tab), dấu ngoặc kép và dấu ngoặc đóng mở đủ cặp",
            "check the colon after each field name, indentation with spaces (not tabs), and matching quotes and brackets",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    /// The explained error of a text that does not parse.
    fn error(text: &str) -> (Pos, Text, Text) {
        let err = parse(text, 0).expect_err("a syntax error");
        (err.pos, err.message, err.hint)
    }

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn a_tab_is_reported_on_its_own_line() {
        let (pos, message, hint) = error("indicators:\n  - id: a\n\t  label: b\n");
        assert_eq!(pos, at(3, 1));
        assert!(message.vi.contains("phím Tab"), "{message:?}");
        assert!(hint.vi.contains("`    label: b`"), "{hint:?}");
        let (pos, ..) = error("title: x\nhotline:\n\tnumber: \"1\"\n");
        assert_eq!(pos, at(3, 1));
    }

    #[test]
    fn a_missing_colon_is_shown_with_its_colon() {
        let (pos, message, hint) = error("title: x\ncommune Xã Lộc Hà\nprovince: y\n");
        assert_eq!(pos, at(2, 8));
        assert!(
            message
                .vi
                .contains("Thiếu dấu hai chấm sau tên trường `commune`"),
            "{message:?}"
        );
        assert!(hint.vi.contains("`commune: Xã Lộc Hà`"), "{hint:?}");
        // Nested: the parser complains on the next line.
        let (pos, _, hint) = error("hotline:\n  number \"1900\"\n  label: y\n");
        assert_eq!(pos.line, 2);
        assert!(hint.vi.contains("`  number: \"1900\"`"), "{hint:?}");
    }

    #[test]
    fn a_list_item_without_its_colon_and_a_colon_without_its_space() {
        let (pos, _, hint) = error(
            "indicators:\n  - id: a\n    figures:\n      - date 2026-06-10\n        count: 5\n",
        );
        assert_eq!(pos, at(4, 13));
        assert!(hint.vi.contains("`      - date: 2026-06-10`"), "{hint:?}");
        let (pos, message, hint) = error("title:x\ncommune: y\n");
        assert_eq!(pos, at(1, 6));
        assert!(message.vi.contains("cần một dấu cách"), "{message:?}");
        assert!(hint.vi.contains("`title: x`"), "{hint:?}");
    }

    #[test]
    fn unclosed_quotes_get_their_closing_quote() {
        let (pos, message, hint) = error("title: \"Kế hoạch\ncommune: x\n");
        assert_eq!(pos, at(1, 8));
        assert!(message.vi.contains("ngoặc kép"), "{message:?}");
        assert!(hint.vi.contains("`title: \"Kế hoạch\"`"), "{hint:?}");
        let (_, _, hint) = error("title: 'Kế hoạch\ncommune: x\n");
        assert!(hint.vi.contains("`title: 'Kế hoạch'`"), "{hint:?}");
    }

    #[test]
    fn bad_indentation_shows_the_line_in_line() {
        let (pos, message, hint) = error("hotline:\n  number: \"1\"\n   label: y\n");
        assert_eq!(pos.line, 3);
        assert!(message.vi.contains("Thụt lề"), "{message:?}");
        assert!(hint.vi.contains("`  label: y`"), "{hint:?}");
        let (pos, _, hint) = error("indicators:\n  - id: a\n    label: b\n   - id: c\n");
        assert_eq!(pos.line, 4);
        assert!(hint.vi.contains("`  - id: c`"), "{hint:?}");
        let (pos, _, hint) = error("indicators:\n  - id: a\n     label: b\n");
        assert_eq!(pos.line, 3);
        assert!(hint.vi.contains("`    label: b`"), "{hint:?}");
    }

    #[test]
    fn duplicate_keys_name_both_lines() {
        let (pos, message, hint) = error("title: x\ncommune: a\ntitle: y\n");
        assert_eq!(pos, at(3, 1));
        assert!(
            message.vi.contains("`title` được viết hai lần") && message.vi.contains("dòng 1"),
            "{message:?}"
        );
        assert!(hint.vi.contains("xóa dòng còn lại"), "{hint:?}");
    }

    #[test]
    fn a_colon_in_a_value_is_quoted() {
        let (pos, _, hint) = error("title: V/v: đôn đốc\n");
        assert_eq!(pos, at(1, 11));
        assert!(hint.vi.contains("`title: \"V/v: đôn đốc\"`"), "{hint:?}");
    }

    #[test]
    fn no_english_reaches_vietnamese() {
        for text in [
            "title: x\ncommune Xã Lộc Hà\n",
            "a: \"x\" y\n",
            "a: [1, 2\n",
            "a: *nope\n",
            "? a\n? a\n",
            "a: |\n x\n  y\n z: 1\n",
            "- a\nb: c\n",
        ] {
            if let Err(err) = parse(text, 0) {
                for english in ["while", "expected", "found", "mapping", "scalar", "error"] {
                    assert!(
                        !err.message.vi.contains(english),
                        "{text:?}: {:?}",
                        err.message
                    );
                    assert!(!err.hint.vi.contains(english), "{text:?}: {:?}", err.hint);
                }
            }
        }
    }
}
