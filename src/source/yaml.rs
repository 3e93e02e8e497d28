//! YAML into a tree of located nodes. This is the one place that knows the
//! YAML crate (serde-saphyr): swap it here and nothing else changes.
//!
//! We read into a generic tree rather than straight into typed structs so that
//! the checker can report *every* problem in a file (unknown keys, bad values,
//! missing fields) with its line and column, not only the first one serde meets.

mod explain;

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostic::Text;

/// A position in a file; line and column start at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A YAML value with the position where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
    /// A number exactly as written (`1.000`, `11.250`): in Vietnamese the dot
    /// groups thousands, so the checker must see more than the parsed value.
    /// `None` for every other kind of value.
    pub raw: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in file order; keys keep their own positions.
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub pos: Pos,
    pub name: String,
}

impl Value {
    /// What a reader would call this kind of value, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::Float(_) => "number",
            Value::Str(_) => "text",
            Value::Seq(_) => "list",
            Value::Map(_) => "map",
        }
    }
}

/// A YAML syntax error, or a budget the file went over: where the mistake
/// is, what it is and what to write, in both languages (see `explain`).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: Text,
    pub hint: Text,
}

/// Limits that keep a hostile file (alias bomb, deep nesting, huge scalars)
/// from costing unbounded time or memory. A commune's file is a few KB.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 32;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_nodes = 200_000;
    budget.max_events = 400_000;
    budget.max_total_scalar_bytes = 16 * 1024 * 1024;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    // `phone: 0916222326` must keep its leading zero, not become 916222326.
    options.leading_zero_numbers_as_strings = true;
    options
}

/// Parses one YAML document. `line_offset` is added to every line, for YAML
/// that starts part-way into a file (front matter).
pub fn parse(text: &str, line_offset: usize) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            pos: Pos {
                line: 1 + line_offset,
                column: 1,
            },
            value: Value::Null,
            raw: None,
        });
    }
    let parsed: Result<Spanned<RawNode>, _> = serde_saphyr::from_str_with_options(text, options());
    match parsed {
        Ok(root) => Ok(located(root, text, line_offset)),
        Err(err) => Err(syntax_error(text, &err, line_offset)),
    }
}

fn syntax_error(text: &str, err: &serde_saphyr::Error, line_offset: usize) -> SyntaxError {
    let pos = err
        .location()
        .map(|loc| Pos {
            line: loc.line() as usize,
            column: loc.column() as usize,
        })
        .unwrap_or(Pos { line: 1, column: 1 });
    let rendered = err.without_snippet().to_string();
    let parser = rendered.lines().next().unwrap_or("").trim().to_string();
    // The parser's words repeat the position; the diagnostic has it.
    let detail = parser.split(" at line ").next().unwrap_or(&parser).trim();
    let explained = explain::explain(text, pos, detail);
    SyntaxError {
        pos: Pos {
            line: explained.pos.line + line_offset,
            column: explained.pos.column,
        },
        message: explained.message,
        hint: explained.hint,
    }
}

fn pos_of<T>(spanned: &Spanned<T>, line_offset: usize) -> Pos {
    Pos {
        line: spanned.referenced.line() as usize + line_offset,
        column: spanned.referenced.column() as usize,
    }
}

/// The text of a scalar as written, from its span in the source.
fn written<T>(spanned: &Spanned<T>, text: &str) -> Option<String> {
    let span = spanned.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    text.get(start..start.checked_add(len)?)
        .map(|s| s.trim().to_string())
}

fn located(raw: Spanned<RawNode>, text: &str, line_offset: usize) -> Node {
    let pos = pos_of(&raw, line_offset);
    let written = match raw.value {
        RawNode::Int(_) | RawNode::Float(_) => written(&raw, text),
        _ => None,
    };
    let value = match raw.value {
        RawNode::Null => Value::Null,
        RawNode::Bool(b) => Value::Bool(b),
        RawNode::Int(i) => Value::Int(i),
        RawNode::Float(f) => Value::Float(f),
        RawNode::Str(s) => Value::Str(s),
        RawNode::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| located(item, text, line_offset))
                .collect(),
        ),
        RawNode::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(key, node)| {
                    let key = Key {
                        pos: pos_of(&key, line_offset),
                        name: key.value.into_name(),
                    };
                    (key, located(node, text, line_offset))
                })
                .collect(),
        ),
    };
    Node {
        pos,
        value,
        raw: written,
    }
}

/// The tree as serde delivers it, before positions are made our own.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<RawKey>, Spanned<RawNode>)>),
}

/// Map keys: we only use text keys, but numbers and booleans are accepted
/// here so the checker can name them in an "unknown field" message.
struct RawKey(String);

impl RawKey {
    fn into_name(self) -> String {
        self.0
    }
}

impl<'de> Deserialize<'de> for RawKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = RawNode::deserialize(deserializer)?;
        Ok(RawKey(match node {
            RawNode::Null => "null".into(),
            RawNode::Bool(b) => b.to_string(),
            RawNode::Int(i) => i.to_string(),
            RawNode::Float(f) => f.to_string(),
            RawNode::Str(s) => s,
            RawNode::Seq(_) | RawNode::Map(_) => "<complex key>".into(),
        }))
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawNode, D::Error> {
        RawNode::deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<RawNode>>()? {
            items.push(item);
        }
        Ok(RawNode::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<RawKey>>()? {
            let value = map.next_value::<Spanned<RawNode>>()?;
            entries.push((key, value));
        }
        Ok(RawNode::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[(Key, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("expected a map, got {other:?}"),
        }
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let root = parse("title: Lộc Hà\nhotline:\n  number: \"19009038\"\n", 0).unwrap();
        let entries = map(&root);
        assert_eq!(entries[0].0.name, "title");
        assert_eq!(entries[0].0.pos, Pos { line: 1, column: 1 });
        assert_eq!(entries[0].1.pos, Pos { line: 1, column: 8 });
        let hotline = map(&entries[1].1);
        assert_eq!(hotline[0].0.pos, Pos { line: 3, column: 3 });
        assert_eq!(hotline[0].1.value, Value::Str("19009038".into()));
    }

    #[test]
    fn reads_numbers_dates_and_lists() {
        let root = parse("a: 29226\nb: 4.59\nc: 2026-05-29\nd: [x, y]\ne:\n", 0).unwrap();
        let e = map(&root);
        assert_eq!(e[0].1.value, Value::Int(29226));
        assert_eq!(e[1].1.value, Value::Float(4.59));
        assert_eq!(e[2].1.value, Value::Str("2026-05-29".into()));
        assert!(matches!(&e[3].1.value, Value::Seq(items) if items.len() == 2));
        assert_eq!(e[4].1.value, Value::Null);
    }

    #[test]
    fn numbers_keep_the_text_they_were_written_as() {
        let root = parse("a: 1.000\nb: { count: 11.250, c: 7 }\nc: [4.59]\n", 0).unwrap();
        let e = map(&root);
        assert_eq!(e[0].1.raw.as_deref(), Some("1.000"));
        let b = map(&e[1].1);
        assert_eq!(b[0].1.raw.as_deref(), Some("11.250"));
        assert_eq!(b[1].1.raw.as_deref(), Some("7"));
        let Value::Seq(items) = &e[2].1.value else {
            panic!()
        };
        assert_eq!(items[0].raw.as_deref(), Some("4.59"));
    }

    #[test]
    fn leading_zeros_stay_text() {
        let root = parse("phone: 0916222326\n", 0).unwrap();
        assert_eq!(map(&root)[0].1.value, Value::Str("0916222326".into()));
    }

    #[test]
    fn offsets_lines_for_front_matter() {
        let root = parse("title: x\n", 1).unwrap();
        assert_eq!(map(&root)[0].0.pos.line, 2);
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = parse("title: [unclosed\nnext: 1\n", 0).unwrap_err();
        assert!(err.pos.line >= 1, "{err:?}");
        assert!(!err.message.vi.is_empty() && !err.hint.vi.is_empty());
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            yaml.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert!(parse(&yaml, 0).is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let yaml = format!("a: {}1{}\n", "[".repeat(500), "]".repeat(500));
        assert!(parse(&yaml, 0).is_err());
    }
}
