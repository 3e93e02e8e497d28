//! Where and how the new figure goes, by the shape the indicator is
//! written in: a block list, a flow list, an empty `figures:`, none at all.

use super::flow::scan_flow;
use super::lines::{Doc, Edit, byte_of_column, indent_of, is_dash_item, spaces, strip_comment};
use super::{EditError, NewFigure, entry};
use crate::source::yaml::{Key, Node, Pos, Value};

/// The edits that add the figure, by the shape the indicator is written in.
pub(super) fn plan(
    doc: &Doc,
    indicator: &Node,
    figure: &NewFigure,
) -> Result<Vec<Edit>, EditError> {
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

/// `- date: D` then `  count: N` (and any other field), aligned like the
/// items above.
fn block_item(figure: &NewFigure, dash_indent: usize, key_indent: usize) -> Vec<String> {
    let first = format!(
        "{}-{}date: {}",
        spaces(dash_indent),
        spaces(key_indent - dash_indent - 1),
        figure.date
    );
    let rest = figure
        .fields(false)
        .into_iter()
        .map(|(key, value)| format!("{}{key}: {value}", spaces(key_indent)));
    std::iter::once(first).chain(rest).collect()
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
