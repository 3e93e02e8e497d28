//! Editing a campaign file in place: `loaxa new figure` adds one figure to an
//! indicator's `figures:` list and leaves every other byte as it was —
//! comments, blank lines, quoting, order, flow or block style, line endings.
//!
//! The located YAML tree says *where* things are; the edit itself is text:
//! whole lines inserted at the list's indentation, or one flow value (`[…]`,
//! `{…}`) extended before its closing bracket. Nothing is ever re-serialised,
//! so a comment an officer wrote three months ago stays where it was.

use std::iter::Peekable;
use std::str::CharIndices;

use chrono::NaiveDate;

use crate::source::yaml::{self, Key, Node, Pos, SyntaxError, Value};

/// What a figure reports: exactly one of `count`, `percent`, `remaining`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Count(u64),
    Percent(f64),
    Remaining(u64),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NewFigure {
    pub date: NaiveDate,
    pub amount: Amount,
}

impl NewFigure {
    /// The field name and its YAML text: `count`, `1500`.
    fn amount_field(&self) -> (&'static str, String) {
        match self.amount {
            Amount::Count(n) => ("count", n.to_string()),
            // `{}` prints 3.0 as `3` and 4.59 as `4.59`: plain YAML numbers.
            Amount::Percent(p) => ("percent", format!("{p}")),
            Amount::Remaining(n) => ("remaining", n.to_string()),
        }
    }

    /// `{ date: 2026-06-10, count: 1500 }`
    pub fn flow(&self) -> String {
        let (key, value) = self.amount_field();
        format!("{{ date: {}, {key}: {value} }}", self.date)
    }
}

/// Why the figure was not added. Positions are 1-based, as in diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    Syntax(SyntaxError),
    /// The file has no `indicators:` list.
    NoIndicators,
    /// No indicator has that id; `known` are the ids there are.
    UnknownIndicator {
        known: Vec<String>,
    },
    /// A figure with that date is already there.
    DuplicateDate {
        pos: Pos,
    },
    /// The list is written in a form this edit does not rewrite (an anchor,
    /// a tag, a `figures:` inside a one-line map…): better add it by hand
    /// than guess.
    Unsupported {
        pos: Pos,
    },
}

/// The whole new file, and where the new figure is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub text: String,
    /// 1-based line of the new figure.
    pub line: usize,
}

/// Adds `figure` to the indicator `indicator` of the campaign file `original`.
pub fn add_figure(
    original: &str,
    indicator: &str,
    figure: &NewFigure,
) -> Result<Edited, EditError> {
    let (bom, body) = match original.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", original),
    };
    let doc = Doc::new(body);
    let root = yaml::parse(&doc.normalized, 0).map_err(EditError::Syntax)?;
    let node = find_indicator(&root, indicator)?;
    if let Some(pos) = date_taken(node, figure.date) {
        return Err(EditError::DuplicateDate { pos });
    }
    let edits = plan(&doc, node, figure)?;
    let text = format!("{bom}{}", doc.apply(edits));
    let line =
        verify(&root, &text, indicator, figure).ok_or(EditError::Unsupported { pos: node.pos })?;
    Ok(Edited { text, line })
}

/// The indicator's map node, or why there is none.
fn find_indicator<'a>(root: &'a Node, id: &str) -> Result<&'a Node, EditError> {
    let items = match entry(root, "indicators").map(|(_, n)| &n.value) {
        Some(Value::Seq(items)) => items,
        _ => return Err(EditError::NoIndicators),
    };
    let id_of = |item: &Node| match entry(item, "id").map(|(_, n)| &n.value) {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    };
    match items.iter().find(|item| id_of(item).as_deref() == Some(id)) {
        Some(node) if matches!(node.value, Value::Map(_)) => Ok(node),
        Some(node) => Err(EditError::Unsupported { pos: node.pos }),
        None => Err(EditError::UnknownIndicator {
            known: items.iter().filter_map(id_of).collect(),
        }),
    }
}

fn entry<'a>(node: &'a Node, name: &str) -> Option<&'a (Key, Node)> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == name),
        _ => None,
    }
}

fn figures_of(indicator: &Node) -> &[Node] {
    match entry(indicator, "figures").map(|(_, n)| &n.value) {
        Some(Value::Seq(items)) => items,
        _ => &[],
    }
}

/// Where a figure with `date` already is.
fn date_taken(indicator: &Node, date: NaiveDate) -> Option<Pos> {
    date_taken_in(figures_of(indicator), date)
}

fn date_taken_in(figures: &[Node], date: NaiveDate) -> Option<Pos> {
    let wanted = date.to_string();
    figures.iter().find_map(|item| {
        let (_, node) = entry(item, "date")?;
        matches!(&node.value, Value::Str(s) if s.trim() == wanted).then_some(node.pos)
    })
}

/// Re-reads the new text: it must be the old document plus the one new
/// figure, every other value the same. Returns the new figure's line. A
/// guard against ever writing a file the edit got wrong.
fn verify(old: &Node, text: &str, indicator: &str, figure: &NewFigure) -> Option<usize> {
    let normalized = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut new = yaml::parse(&normalized, 0).ok()?;
    let line = date_taken(find_indicator(&new, indicator).ok()?, figure.date)?.line;
    let old_figures = entry(find_indicator(old, indicator).ok()?, "figures").map(|(_, n)| n);
    let entries = indicator_entries_mut(&mut new, indicator)?;
    match old_figures {
        None => entries.retain(|(k, _)| k.name != "figures"),
        Some(old_figures) => {
            let (_, figures) = entries.iter_mut().find(|(k, _)| k.name == "figures")?;
            match &mut figures.value {
                Value::Seq(_) if old_figures.value == Value::Null => figures.value = Value::Null,
                Value::Seq(items) => items.retain(|item| {
                    date_taken_in(std::slice::from_ref(item), figure.date).is_none()
                }),
                _ => return None,
            }
        }
    }
    same(old, &new).then_some(line)
}

fn indicator_entries_mut<'a>(root: &'a mut Node, id: &str) -> Option<&'a mut Vec<(Key, Node)>> {
    let Value::Map(entries) = &mut root.value else {
        return None;
    };
    let (_, list) = entries.iter_mut().find(|(k, _)| k.name == "indicators")?;
    let Value::Seq(items) = &mut list.value else {
        return None;
    };
    items.iter_mut().find_map(|item| {
        let is_it = matches!(entry(item, "id"), Some((_, n)) if n.value == Value::Str(id.into()));
        match &mut item.value {
            Value::Map(entries) if is_it => Some(entries),
            _ => None,
        }
    })
}

/// The same values, wherever they are written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx.name == ky.name && same(vx, vy))
        }
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (x, y) => x == y,
    }
}

/// The edits that add the figure, by the shape the indicator is written in.
fn plan(doc: &Doc, indicator: &Node, figure: &NewFigure) -> Result<Vec<Edit>, EditError> {
    let flow_map = doc.char_at(indicator.pos) == Some('{');
    match entry(indicator, "figures") {
        Some((_, node)) if matches!(node.value, Value::Seq(_)) => {
            if doc.char_at(node.pos) == Some('[') {
                flow_append(doc, node.pos, &figure.flow())
            } else {
                let indent = doc.dash_indent(node.pos);
                indent
                    .map(|indent| block_append(doc, node, indent, figure))
                    .ok_or(EditError::Unsupported { pos: node.pos })
            }
        }
        Some((key, node)) if node.value == Value::Null && !flow_map => {
            empty_figures(doc, key, figure)
        }
        Some((_, node)) => Err(EditError::Unsupported { pos: node.pos }),
        None if flow_map => {
            flow_append(doc, indicator.pos, &format!("figures: [{}]", figure.flow()))
        }
        None => Ok(add_figures_key(doc, indicator, figure)),
    }
}

/// A block list (`- …` items): new lines after the last item, before
/// whatever follows the list (the next key, a comment about it, the end).
fn block_append(doc: &Doc, list: &Node, indent: usize, figure: &NewFigure) -> Vec<Edit> {
    let dash_line = list.pos.line - 1;
    let last = doc.last_content_line(dash_line, |content| {
        let n = indent_of(content);
        n > indent || (n == indent && is_dash_item(&content[n..]))
    });
    // A comment indented deeper than the dashes belongs to the last item.
    let at = doc.skip_comments(last + 1, indent + 1);
    let last_item = match &list.value {
        Value::Seq(items) => items.last(),
        _ => None,
    };
    let lines = match last_item.and_then(|item| block_item_key_column(doc, item, indent)) {
        Some(key_indent) => block_item(figure, indent, key_indent),
        None => vec![format!("{}- {}", spaces(indent), figure.flow())],
    };
    vec![Edit::Insert { at, lines }]
}

/// When the last item is a block map starting on its dash's line
/// (`- date: …`), the column its keys are at; else `None` (write a flow item).
fn block_item_key_column(doc: &Doc, item: &Node, dash_indent: usize) -> Option<usize> {
    if !matches!(item.value, Value::Map(_)) || doc.char_at(item.pos) == Some('{') {
        return None;
    }
    let content = doc.lines.get(item.pos.line - 1)?.content;
    let key_indent = item.pos.column - 1;
    let on_dash_line = content.chars().nth(dash_indent) == Some('-');
    (on_dash_line && key_indent > dash_indent + 1).then_some(key_indent)
}

/// `- date: D` then `  count: N`, aligned like the items above.
fn block_item(figure: &NewFigure, dash_indent: usize, key_indent: usize) -> Vec<String> {
    let (key, value) = figure.amount_field();
    vec![
        format!(
            "{}-{}date: {}",
            spaces(dash_indent),
            spaces(key_indent - dash_indent - 1),
            figure.date
        ),
        format!("{}{key}: {value}", spaces(key_indent)),
    ]
}

/// `figures:` with nothing after it (a list to come), or `figures: ~`.
fn empty_figures(doc: &Doc, key: &Key, figure: &NewFigure) -> Result<Vec<Edit>, EditError> {
    let unsupported = EditError::Unsupported { pos: key.pos };
    let line = key.pos.line - 1;
    let content = doc.lines.get(line).ok_or(unsupported.clone())?.content;
    let key_start = byte_of_column(content, key.pos.column);
    let colon = content[key_start..]
        .find(':')
        .map(|i| key_start + i)
        .ok_or(unsupported.clone())?;
    let after = &content[colon + 1..];
    let value = strip_comment(after).trim();
    if value.is_empty() {
        let key_indent = key.pos.column - 1;
        let at = doc.skip_comments(line + 1, key_indent + 1);
        let item = format!("{}- {}", spaces(key_indent + 2), figure.flow());
        return Ok(vec![Edit::Insert {
            at,
            lines: vec![item],
        }]);
    }
    if !matches!(value, "~" | "null" | "Null" | "NULL") {
        return Err(unsupported);
    }
    let start = colon + 1 + after.find(value).ok_or(unsupported)?;
    Ok(vec![Edit::Replace {
        line,
        start,
        end: start + value.len(),
        text: format!("[{}]", figure.flow()),
    }])
}

/// An indicator without `figures:`: the key and one item, after the
/// indicator's last line.
fn add_figures_key(doc: &Doc, indicator: &Node, figure: &NewFigure) -> Vec<Edit> {
    let key_indent = indicator.pos.column - 1;
    let first = indicator.pos.line - 1;
    let last = doc.last_content_line(first, |content| indent_of(content) >= key_indent);
    // Comments at the keys' indentation are the indicator's own; those at
    // the dashes' introduce the next indicator and stay above it.
    let at = doc.skip_comments(last + 1, key_indent);
    vec![Edit::Insert {
        at,
        lines: vec![
            format!("{}figures:", spaces(key_indent)),
            format!("{}- {}", spaces(key_indent + 2), figure.flow()),
        ],
    }]
}

/// Adds `element` to the flow collection opening at `open` (`[` or `{`).
fn flow_append(doc: &Doc, open: Pos, element: &str) -> Result<Vec<Edit>, EditError> {
    let unsupported = EditError::Unsupported { pos: open };
    let start = doc.offset(open).ok_or(unsupported.clone())?;
    let span = scan_flow(&doc.normalized, start).ok_or(unsupported)?;
    let (open_line, open_byte) = doc.locate(start);
    if span.last == start {
        // `[]` → `[{ … }]`
        return Ok(vec![Edit::Splice {
            line: open_line,
            at: open_byte + 1,
            text: element.to_string(),
        }]);
    }
    let (last_line, last_byte) = doc.locate(span.last);
    let last_char = doc.normalized[span.last..].chars().next().unwrap_or(' ');
    let after_last = last_byte + last_char.len_utf8();
    let comma = last_char == ',';
    if last_line == doc.locate(span.close).0 {
        let text = if comma {
            format!(" {element}")
        } else {
            format!(", {element}")
        };
        return Ok(vec![Edit::Splice {
            line: last_line,
            at: after_last,
            text,
        }]);
    }
    // Written over several lines: the new element on a line of its own,
    // indented like the last one.
    let content = doc.lines[last_line].content;
    let indent = if last_line == open_line {
        indent_of(content) + 2
    } else {
        indent_of(content)
    };
    let mut edits = Vec::new();
    let line = if comma {
        format!("{}{element},", spaces(indent))
    } else {
        edits.push(Edit::Splice {
            line: last_line,
            at: after_last,
            text: ",".into(),
        });
        format!("{}{element}", spaces(indent))
    };
    edits.push(Edit::Insert {
        at: last_line + 1,
        lines: vec![line],
    });
    Ok(edits)
}

/// A flow collection's closing bracket, and the last significant character
/// before it (the opening bracket itself when it is empty).
struct FlowSpan {
    close: usize,
    last: usize,
}

/// Finds the bracket matching the one at `open`, skipping quoted text and
/// comments. Byte offsets into `text`.
fn scan_flow(text: &str, open: usize) -> Option<FlowSpan> {
    let mut depth = 0usize;
    let mut last = open;
    let mut last_char = ' ';
    let mut previous = ' ';
    let mut chars = text[open..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = open + i;
        match c {
            '#' if previous.is_whitespace() => {
                // A comment runs to the end of the line.
                chars.by_ref().find(|(_, c)| *c == '\n');
                previous = '\n';
                continue;
            }
            // A quote opens quoted text only where a value starts: in
            // `O'Brien` it is just a letter.
            '"' | '\'' if matches!(last_char, '[' | '{' | ',' | ':') => {
                last = open + closing_quote(c, &mut chars)?;
                last_char = c;
            }
            '[' | '{' => {
                depth += 1;
                (last, last_char) = (at, c);
            }
            ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(FlowSpan { close: at, last });
                }
                (last, last_char) = (at, c);
            }
            c if c.is_whitespace() => {}
            c => (last, last_char) = (at, c),
        }
        previous = c;
    }
    None
}

/// Reads on to the quote closing quoted text; returns its offset (relative,
/// like the iterator's).
fn closing_quote(quote: char, chars: &mut Peekable<CharIndices>) -> Option<usize> {
    let mut escaped = false;
    while let Some((i, c)) = chars.next() {
        if escaped {
            escaped = false;
        } else if quote == '"' && c == '\\' {
            escaped = true;
        } else if c == quote {
            // `''` inside single quotes is one quote, not the end.
            if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
                continue;
            }
            return Some(i);
        }
    }
    None
}

/// The text of a line before a `#` comment.
fn strip_comment(text: &str) -> &str {
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return &text[..i];
        }
        previous = c;
    }
    text
}

fn indent_of(content: &str) -> usize {
    content.len() - content.trim_start_matches(' ').len()
}

fn is_dash_item(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t")
}

fn is_blank_or_comment(content: &str) -> bool {
    let trimmed = content.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

fn spaces(n: usize) -> String {
    " ".repeat(n)
}

/// The byte index of a 1-based character column.
fn byte_of_column(content: &str, column: usize) -> usize {
    content
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(content.len(), |(b, _)| b)
}

/// One line: its text and its own line ending (`\n`, `\r\n` or none).
struct Line<'a> {
    content: &'a str,
    ending: &'a str,
}

/// A file as lines, and the same text with `\n` endings, which is what the
/// YAML positions (and every diagnostic) refer to.
struct Doc<'a> {
    lines: Vec<Line<'a>>,
    normalized: String,
    /// Where each line starts in `normalized`.
    starts: Vec<usize>,
    /// The ending for new lines: the one most lines already have.
    eol: &'static str,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
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

    fn offset(&self, pos: Pos) -> Option<usize> {
        let line = self.lines.get(pos.line.checked_sub(1)?)?;
        Some(self.starts[pos.line - 1] + byte_of_column(line.content, pos.column))
    }

    /// The indentation of the dash that starts the block list at `pos` (the
    /// parser places a list at its dash, or at its first item's value).
    fn dash_indent(&self, pos: Pos) -> Option<usize> {
        let content = self.lines.get(pos.line.checked_sub(1)?)?.content;
        let indent = indent_of(content);
        (is_dash_item(&content[indent..]) && indent < pos.column).then_some(indent)
    }

    fn char_at(&self, pos: Pos) -> Option<char> {
        self.normalized[self.offset(pos)?..].chars().next()
    }

    /// (0-based line, byte in that line) of an offset into `normalized`.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        (line, offset - self.starts.get(line).copied().unwrap_or(0))
    }

    /// The last line, from `first` on, of a block whose content lines all
    /// satisfy `inside` (blank and comment lines do not end it).
    fn last_content_line(&self, first: usize, inside: impl Fn(&str) -> bool) -> usize {
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
    fn skip_comments(&self, mut at: usize, min_indent: usize) -> usize {
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
    fn apply(&self, mut edits: Vec<Edit>) -> String {
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
enum Edit {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(date: &str, amount: Amount) -> NewFigure {
        NewFigure {
            date: date.parse().unwrap(),
            amount,
        }
    }

    fn add(text: &str, id: &str, date: &str, n: u64) -> String {
        add_figure(text, id, &figure(date, Amount::Count(n)))
            .unwrap_or_else(|e| panic!("{e:?} for:\n{text}"))
            .text
    }

    /// The new text is the old one with some lines inserted, nothing else.
    fn assert_only_inserted(old: &str, new: &str, inserted: &[&str]) {
        let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
        let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
        let prefix = old_lines
            .iter()
            .zip(&new_lines)
            .take_while(|(a, b)| a == b)
            .count();
        let suffix = old_lines[prefix..]
            .iter()
            .rev()
            .zip(new_lines[prefix..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        assert_eq!(prefix + suffix, old_lines.len(), "changed lines in:\n{new}");
        let middle: Vec<&str> = new_lines[prefix..new_lines.len() - suffix]
            .iter()
            .map(|l| l.trim_end_matches(['\r', '\n']))
            .collect();
        assert_eq!(middle, inserted, "in:\n{new}");
    }

    const BLOCK: &str = "\
# a campaign
title: T
indicators:
  - id: a
    label: A  # the label
    figures:
      # first report
      - date: 2026-05-29
        count: 1299
        # where it came from
        source: Sở KH&CN

      # more to come
  # the second one
  - id: b
    label: B
    figures:
      - { date: 2026-01-01, count: 1 }
    breakdown: []
";

    #[test]
    fn block_items_get_a_block_item_after_the_last_one() {
        let new = add(BLOCK, "a", "2026-06-10", 1500);
        assert_only_inserted(
            BLOCK,
            &new,
            &["      - date: 2026-06-10", "        count: 1500"],
        );
        // Before the blank line and the comment about what comes next.
        assert!(new.contains("Sở KH&CN\n      - date: 2026-06-10\n"));
    }

    #[test]
    fn flow_items_get_a_flow_item_before_the_next_key() {
        let new = add(BLOCK, "b", "2026-01-02", 2);
        assert_only_inserted(BLOCK, &new, &["      - { date: 2026-01-02, count: 2 }"]);
        assert!(new.contains("count: 1 }\n      - { date: 2026-01-02, count: 2 }\n    breakdown"));
    }

    #[test]
    fn reports_the_line_of_the_new_figure() {
        let edited = add_figure(BLOCK, "b", &figure("2026-01-02", Amount::Count(2))).unwrap();
        assert_eq!(edited.line, 19);
    }

    #[test]
    fn percent_and_remaining() {
        let new = add_figure(BLOCK, "b", &figure("2026-01-02", Amount::Percent(4.5))).unwrap();
        assert!(new.text.contains("- { date: 2026-01-02, percent: 4.5 }"));
        let new = add_figure(BLOCK, "b", &figure("2026-01-02", Amount::Remaining(7))).unwrap();
        assert!(new.text.contains("- { date: 2026-01-02, remaining: 7 }"));
    }

    #[test]
    fn at_the_end_of_the_file_with_and_without_a_final_newline() {
        let text = "indicators:\n  - id: a\n    label: A\n    figures:\n      - { date: 2026-01-01, count: 1 }\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_eq!(
            new,
            format!("{text}      - {{ date: 2026-01-02, count: 2 }}\n")
        );
        let unended = text.trim_end();
        let new = add(unended, "a", "2026-01-02", 2);
        assert_eq!(
            new,
            format!("{unended}\n      - {{ date: 2026-01-02, count: 2 }}")
        );
    }

    #[test]
    fn indentless_lists_end_at_the_next_key() {
        let text = "indicators:\n- id: a\n  label: A\n  figures:\n  - { date: 2026-01-01, count: 1 }\n  unit: x\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_only_inserted(text, &new, &["  - { date: 2026-01-02, count: 2 }"]);
        assert!(new.contains("count: 2 }\n  unit: x\n"));
    }

    #[test]
    fn missing_figures_get_the_key_under_the_indicator() {
        let text = "\
indicators:
  # first
  - id: a
    label: A
    target: { percent: 85 }
    # no figures yet
  # second
  - id: b
    label: B
";
        let new = add(text, "a", "2026-05-13", 10);
        assert_only_inserted(
            text,
            &new,
            &["    figures:", "      - { date: 2026-05-13, count: 10 }"],
        );
        assert!(new.contains("# no figures yet\n    figures:"));
        let new = add(text, "b", "2026-05-13", 10);
        assert!(new.ends_with("label: B\n    figures:\n      - { date: 2026-05-13, count: 10 }\n"));
    }

    #[test]
    fn empty_and_null_figures() {
        let text = "indicators:\n  - id: a\n    label: A\n    figures:   # none yet\n    unit: x\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_only_inserted(text, &new, &["      - { date: 2026-01-02, count: 2 }"]);
        let text = "indicators:\n  - id: a\n    figures: ~  # none\n    label: A\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_eq!(
            new,
            "indicators:\n  - id: a\n    figures: [{ date: 2026-01-02, count: 2 }]  # none\n    label: A\n"
        );
    }

    #[test]
    fn flow_lists_are_extended_in_place() {
        let cases = [
            ("figures: []", "figures: [{ date: 2026-01-02, count: 2 }]"),
            (
                "figures: [ { date: 2026-01-01, count: 1 } ]  # one",
                "figures: [ { date: 2026-01-01, count: 1 }, { date: 2026-01-02, count: 2 } ]  # one",
            ),
            (
                "figures: [{ date: 2026-01-01, count: 1, source: \"a ] b\" },]",
                "figures: [{ date: 2026-01-01, count: 1, source: \"a ] b\" }, { date: 2026-01-02, count: 2 }]",
            ),
        ];
        for (old, want) in cases {
            let text = format!("indicators:\n  - id: a\n    label: A\n    {old}\n    unit: x\n");
            let new = add(&text, "a", "2026-01-02", 2);
            assert_eq!(new, text.replace(old, want));
        }
    }

    #[test]
    fn multi_line_flow_lists_get_a_line() {
        let text = "indicators:\n  - id: a\n    label: A\n    figures: [\n      { date: 2026-01-01, count: 1 }  # x\n    ]\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_eq!(
            new,
            "indicators:\n  - id: a\n    label: A\n    figures: [\n      { date: 2026-01-01, count: 1 },  # x\n      { date: 2026-01-02, count: 2 }\n    ]\n"
        );
        let text = "indicators:\n  - id: a\n    label: A\n    figures: [\n      { date: 2026-01-01, count: 1 },\n    ]\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_only_inserted(text, &new, &["      { date: 2026-01-02, count: 2 },"]);
    }

    #[test]
    fn flow_indicators_get_figures_inside_their_braces() {
        let text = "indicators:\n  - { id: a, label: \"O'Brien, A\" }  # flow\n  - { id: b, label: B, figures: [] }\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert_eq!(
            new,
            text.replace(
                "\"O'Brien, A\" }",
                "\"O'Brien, A\", figures: [{ date: 2026-01-02, count: 2 }] }"
            )
        );
        let new = add(text, "b", "2026-01-02", 2);
        assert!(new.contains("figures: [{ date: 2026-01-02, count: 2 }] }"));
    }

    #[test]
    fn crlf_files_stay_crlf_and_keep_their_bom() {
        let text = format!("\u{feff}{}", BLOCK.replace('\n', "\r\n"));
        let new = add(&text, "a", "2026-06-10", 1500);
        assert!(new.starts_with('\u{feff}'));
        assert!(
            !new.replace("\r\n", "").contains('\n'),
            "bare LF in:\n{new}"
        );
        assert_only_inserted(
            &text,
            &new,
            &["      - date: 2026-06-10", "        count: 1500"],
        );
    }

    #[test]
    fn refusals() {
        let dup = add_figure(BLOCK, "a", &figure("2026-05-29", Amount::Count(1)));
        assert_eq!(
            dup,
            Err(EditError::DuplicateDate {
                pos: Pos {
                    line: 8,
                    column: 15
                }
            })
        );
        let unknown = add_figure(BLOCK, "c", &figure("2026-05-29", Amount::Count(1)));
        assert_eq!(
            unknown,
            Err(EditError::UnknownIndicator {
                known: vec!["a".into(), "b".into()]
            })
        );
        let none = add_figure("title: x\n", "a", &figure("2026-05-29", Amount::Count(1)));
        assert_eq!(none, Err(EditError::NoIndicators));
        let broken = add_figure(
            "indicators: [\n",
            "a",
            &figure("2026-05-29", Amount::Count(1)),
        );
        assert!(matches!(broken, Err(EditError::Syntax(_))));
        let anchored =
            "indicators:\n  - id: a\n    figures: &f\n      - { date: 2026-01-01, count: 1 }\n";
        let result = add_figure(anchored, "a", &figure("2026-05-29", Amount::Count(1)));
        assert!(
            matches!(result, Err(EditError::Unsupported { .. })) || result.is_ok(),
            "{result:?}"
        );
    }

    /// Every campaign file shipped with loaxa, every indicator: only lines
    /// are inserted, and with CRLF too.
    #[test]
    fn every_bundled_campaign_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = walkdir::WalkDir::new(root.join("tests/sites"))
            .into_iter()
            .chain(walkdir::WalkDir::new(root.join("data")))
            .flatten()
            .filter(|e| e.path().to_string_lossy().contains("data/campaigns/"))
            .filter(|e| e.file_type().is_file());
        let mut seen = 0;
        for file in files {
            let text = std::fs::read_to_string(file.path()).unwrap();
            let root_node = yaml::parse(&text, 0).unwrap();
            let Some((
                _,
                Node {
                    value: Value::Seq(items),
                    ..
                },
            )) = entry_of(&root_node)
            else {
                panic!("no indicators in {}", file.path().display());
            };
            for item in items {
                let Some((
                    _,
                    Node {
                        value: Value::Str(id),
                        ..
                    },
                )) = entry(item, "id")
                else {
                    continue;
                };
                for text in [text.clone(), text.replace('\n', "\r\n")] {
                    let new = add(&text, id, "2030-01-01", 1);
                    let normalized = new.replace("\r\n", "\n");
                    let inserted: Vec<&str> = normalized
                        .lines()
                        .filter(|l| !text.replace("\r\n", "\n").lines().any(|o| o == *l))
                        .collect();
                    assert!(!inserted.is_empty() && inserted.len() <= 2, "{inserted:?}");
                    assert_only_inserted(&text, &new, &inserted);
                    seen += 1;
                }
            }
        }
        assert!(seen >= 10, "{seen}");
    }

    fn entry_of(root: &Node) -> Option<&(Key, Node)> {
        entry(root, "indicators")
    }

    #[test]
    fn anchors_tags_and_block_scalars_are_left_alone() {
        let cases = [
            (
                "indicators:\n  - id: a\n    figures: &f\n      - { date: 2026-01-01, count: 1 }\n",
                vec!["      - { date: 2026-05-29, count: 1 }"],
            ),
            (
                "indicators:\n  - id: a\n    figures: !!seq\n      - { date: 2026-01-01, count: 1 }\n",
                vec!["      - { date: 2026-05-29, count: 1 }"],
            ),
            (
                "indicators:\n  - id: a\n    figures:\n      - source: |\n          x\n          # y\n        date: 2026-01-01\n        count: 1\n  - id: b\n",
                vec!["      - date: 2026-05-29", "        count: 1"],
            ),
        ];
        for (text, inserted) in cases {
            let new = add(text, "a", "2026-05-29", 1);
            assert_only_inserted(text, &new, &inserted);
        }
    }

    #[test]
    fn quotes_and_comments_inside_flow_are_skipped() {
        let text = "indicators:\n  - id: a\n    figures: [{ date: 2026-01-01, count: 1, source: 'it''s ]' }]\n";
        let new = add(text, "a", "2026-01-02", 2);
        assert!(new.contains("'it''s ]' }, { date: 2026-01-02, count: 2 }]"));
    }
}
