//! Editing a campaign file in place: `loaxa new figure` adds one figure to an
//! indicator's `figures:` list and leaves every other byte as it was —
//! comments, blank lines, quoting, order, flow or block style, line endings.
//!
//! The located YAML tree says *where* things are; the edit itself is text:
//! whole lines inserted at the list's indentation, or one flow value (`[…]`,
//! `{…}`) extended before its closing bracket. Nothing is ever re-serialised,
//! so a comment an officer wrote three months ago stays where it was.

mod flow;
mod lines;
mod plan;
mod scalar;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::source::yaml::{self, Key, Node, Pos, SyntaxError, Value};
use lines::Doc;
pub use scalar::{yaml_quoted, yaml_scalar};

/// What a figure reports: exactly one of `count`, `percent`, `remaining`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Count(u64),
    Percent(f64),
    Remaining(u64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewFigure {
    pub date: NaiveDate,
    pub amount: Amount,
    /// Where the figure comes from (`source:`), as the officer wrote it.
    pub source: Option<String>,
    /// The source said "about" (`approximate: true`).
    pub approximate: bool,
}

impl NewFigure {
    /// A figure with only a date and an amount.
    pub fn new(date: NaiveDate, amount: Amount) -> NewFigure {
        NewFigure {
            date,
            amount,
            source: None,
            approximate: false,
        }
    }

    /// Every field after `date`, with its YAML text: `count`, `1500`.
    /// `flow`: for a `{ … }` map, where a comma would end a plain value.
    fn fields(&self, flow: bool) -> Vec<(&'static str, String)> {
        let amount = match self.amount {
            Amount::Count(n) => ("count", n.to_string()),
            // `{}` prints 3.0 as `3` and 4.59 as `4.59`: plain YAML numbers.
            Amount::Percent(p) => ("percent", format!("{p}")),
            Amount::Remaining(n) => ("remaining", n.to_string()),
        };
        let mut fields = vec![amount];
        if let Some(source) = &self.source {
            let text = if flow {
                scalar::flow_scalar(source)
            } else {
                yaml_scalar(source)
            };
            fields.push(("source", text));
        }
        if self.approximate {
            fields.push(("approximate", "true".into()));
        }
        fields
    }

    /// `{ date: 2026-06-10, count: 1500 }`
    pub fn flow(&self) -> String {
        let fields: Vec<String> = self
            .fields(true)
            .into_iter()
            .map(|(key, value)| format!(", {key}: {value}"))
            .collect();
        format!("{{ date: {}{} }}", self.date, fields.concat())
    }
}

/// Why the figure was not added. Positions are 1-based, as in diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    Syntax(Box<SyntaxError>),
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
    /// A carriage return without its line feed: lines are ambiguous.
    StrayCarriageReturn {
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
    if let Some(pos) = lone_carriage_return(body) {
        return Err(EditError::StrayCarriageReturn { pos });
    }
    let doc = Doc::new(body);
    let root = yaml::parse(&doc.normalized, 0).map_err(|e| EditError::Syntax(Box::new(e)))?;
    let node = find_indicator(&root, indicator)?;
    if let Some(pos) = date_taken(node, figure.date) {
        return Err(EditError::DuplicateDate { pos });
    }
    let edits = plan::plan(&doc, node, figure)?;
    let text = format!("{bom}{}", doc.apply(edits));
    let line =
        verify(&root, &text, indicator, figure).ok_or(EditError::Unsupported { pos: node.pos })?;
    Ok(Edited { text, line })
}

/// Where a carriage return stands without its line feed (an old Mac line
/// end, or a stray byte). YAML counts it as a line break and lines here do
/// not, so an edit there could land on the wrong line: refused (found by
/// fuzzing).
fn lone_carriage_return(text: &str) -> Option<Pos> {
    let at = text
        .match_indices('\r')
        .map(|(i, _)| i)
        .find(|&i| !text[i + 1..].starts_with('\n'))?;
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    })
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
