//! A file as lines, each keeping its own ending, and the edits made to
//! them: every line not edited comes out byte for byte as it went in.

use crate::source::yaml::Pos;

/// The text of a line before a `#` comment.
pub(super) fn strip_comment(text: &str) -> &str {
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return &text[..i];
        }
        previous = c;
    }
    text
}

pub(super) fn indent_of(content: &str) -> usize {
    content.len() - content.trim_start_matches(' ').len()
}

pub(super) fn is_dash_item(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t")
}

pub(super) fn is_blank_or_comment(content: &str) -> bool {
    let trimmed = content.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

pub(super) fn spaces(n: usize) -> String {
    " ".repeat(n)
}

/// The byte index of a 1-based character column.
pub(super) fn byte_of_column(content: &str, column: usize) -> usize {
    content
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(content.len(), |(b, _)| b)
}

/// One line: its text and its own line ending (`\n`, `\r\n` or none).
pub(super) struct Line<'a> {
    pub(super) content: &'a str,
    pub(super) ending: &'a str,
}

/// A file as lines, and the same text with `\n` endings, which is what the
/// YAML positions (and every diagnostic) refer to.
pub(super) struct Doc<'a> {
    pub(super) lines: Vec<Line<'a>>,
    pub(super) normalized: String,
    /// Where each line starts in `normalized`.
    pub(super) starts: Vec<usize>,
    /// The ending for new lines: the one most lines already have.
    pub(super) eol: &'static str,
}

impl<'a> Doc<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let lines: Vec<Line> = text
            .split_inclusive('\n')
            .map(|piece| {
                let cut = if piece.ends_with("\r\n") {
                    2
                } else {
                    usize::from(piece.ends_with('\n'))
                };
                let (content, ending) = piece.split_at(piece.len() - cut);
                Line { content, ending }
            })
            .collect();
        let crlf = lines.iter().filter(|l| l.ending == "\r\n").count();
        let lf = lines.iter().filter(|l| l.ending == "\n").count();
        let mut normalized = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(lines.len());
        for line in &lines {
            starts.push(normalized.len());
            normalized.push_str(line.content);
            if !line.ending.is_empty() {
                normalized.push('\n');
            }
        }
        Doc {
            lines,
            normalized,
            starts,
            eol: if crlf > lf { "\r\n" } else { "\n" },
        }
    }

    pub(super) fn offset(&self, pos: Pos) -> Option<usize> {
        let line = self.lines.get(pos.line.checked_sub(1)?)?;
        Some(self.starts[pos.line - 1] + byte_of_column(line.content, pos.column))
    }

    /// The indentation of the dash that starts the block list at `pos` (the
    /// parser places a list at its dash, or at its first item's value).
    pub(super) fn dash_indent(&self, pos: Pos) -> Option<usize> {
        let content = self.lines.get(pos.line.checked_sub(1)?)?.content;
        let indent = indent_of(content);
        (is_dash_item(&content[indent..]) && indent < pos.column).then_some(indent)
    }

    pub(super) fn char_at(&self, pos: Pos) -> Option<char> {
        self.normalized[self.offset(pos)?..].chars().next()
    }

    /// (0-based line, byte in that line) of an offset into `normalized`.
    pub(super) fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        (line, offset - self.starts.get(line).copied().unwrap_or(0))
    }

    /// The last line, from `first` on, of a block whose content lines all
    /// satisfy `inside` (blank and comment lines do not end it).
    pub(super) fn last_content_line(&self, first: usize, inside: impl Fn(&str) -> bool) -> usize {
        let mut last = first;
        for (i, line) in self.lines.iter().enumerate().skip(first + 1) {
            if is_blank_or_comment(line.content) {
                continue;
            }
            if !inside(line.content) {
                break;
            }
            last = i;
        }
        last
    }

    /// Moves past comment lines indented at least `min_indent`, stopping at
    /// a blank line or anything else.
    pub(super) fn skip_comments(&self, mut at: usize, min_indent: usize) -> usize {
        while let Some(line) = self.lines.get(at) {
            let comment = line.content.trim_start().starts_with('#');
            if !comment || indent_of(line.content) < min_indent {
                break;
            }
            at += 1;
        }
        at
    }

    /// The text with the edits made, every untouched line byte for byte.
    pub(super) fn apply(&self, mut edits: Vec<Edit>) -> String {
        let mut lines: Vec<(String, String)> = self
            .lines
            .iter()
            .map(|l| (l.content.to_string(), l.ending.to_string()))
            .collect();
        // From the bottom up, so earlier line numbers stay right.
        edits.sort_by_key(|e| std::cmp::Reverse(e.order()));
        for edit in edits {
            edit.apply(&mut lines, self.eol);
        }
        lines.into_iter().flat_map(|(c, e)| [c, e]).collect()
    }
}

/// One change to the lines of a file.
#[derive(Debug)]
pub(super) enum Edit {
    /// New lines before line `at` (0-based; the line count means the end).
    Insert { at: usize, lines: Vec<String> },
    /// `text` put into line `line` at byte `at`; may hold `\n`.
    Splice {
        line: usize,
        at: usize,
        text: String,
    },
    /// Bytes `start..end` of line `line` replaced by `text`.
    Replace {
        line: usize,
        start: usize,
        end: usize,
        text: String,
    },
}

impl Edit {
    /// Position in the file: an insertion before line n sorts just before
    /// any change within line n.
    fn order(&self) -> (usize, usize) {
        match self {
            Edit::Insert { at, .. } => (2 * at, 0),
            Edit::Splice { line, at, .. } => (2 * line + 1, *at),
            Edit::Replace { line, start, .. } => (2 * line + 1, *start),
        }
    }

    fn apply(self, lines: &mut Vec<(String, String)>, eol: &str) {
        match self {
            Edit::Insert { at, lines: new } => {
                let at = at.min(lines.len());
                let mut new: Vec<(String, String)> =
                    new.into_iter().map(|l| (l, eol.to_string())).collect();
                // At the end of a file without a final newline: end the old
                // last line, and leave the new last line unended, as it was.
                if at == lines.len()
                    && let Some(last) = lines.last_mut().filter(|l| l.1.is_empty())
                {
                    last.1 = eol.to_string();
                    if let Some(n) = new.last_mut() {
                        n.1.clear();
                    }
                }
                lines.splice(at..at, new);
            }
            Edit::Splice { line, at, text } => {
                Self::replace_in(lines, line, at, at, &text, eol);
            }
            Edit::Replace {
                line,
                start,
                end,
                text,
            } => Self::replace_in(lines, line, start, end, &text, eol),
        }
    }

    fn replace_in(
        lines: &mut Vec<(String, String)>,
        line: usize,
        start: usize,
        end: usize,
        text: &str,
        eol: &str,
    ) {
        let Some((content, ending)) = lines.get(line).cloned() else {
            return;
        };
        let joined = format!("{}{text}{}", &content[..start], &content[end..]);
        let mut pieces: Vec<(String, String)> = joined
            .split('\n')
            .map(|p| (p.to_string(), eol.to_string()))
            .collect();
        if let Some(last) = pieces.last_mut() {
            last.1 = ending;
        }
        lines.splice(line..=line, pieces);
    }
}
