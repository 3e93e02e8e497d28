//! Problems found in a site, each pinned to `file:line:column`, in Vietnamese
//! and English. The messages are part of the product: officials act on them.
//!
//! Three ways out: [`render_human`] for a terminal (the line of YAML, a caret
//! under the fault, what to write instead), [`render_github`] for GitHub
//! Actions annotations, [`render_json`] (JSON Lines) for other tools.

mod human;
mod machine;
mod snippet;
mod suggest;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::vi::Lang;

pub use human::render_human;
pub use machine::{render_github, render_json};
pub use suggest::suggest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A sentence in both languages the product speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// One problem. `file` is relative to the site root; `line` and `column`
/// start at 1 (0 means "the whole file"; a column of 0 on a real line means
/// "the whole line"). Columns count characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    /// A stable machine name for the kind of problem, e.g. `unknown-field`.
    pub code: &'static str,
    pub message: Text,
    /// What to write instead.
    pub hint: Option<Text>,
}

impl Diagnostic {
    /// An error at `file:line:column`, without a hint.
    pub fn error(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        code: &'static str,
        message: Text,
    ) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            column,
            severity: Severity::Error,
            code,
            message,
            hint: None,
        }
    }

    /// A warning at `file:line:column`, without a hint.
    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        code: &'static str,
        message: Text,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, code, message)
        }
    }

    /// The same problem, with what to write instead.
    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// Every problem of one run, errors and warnings together.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// In file order, then position, so output is stable run to run.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message.en).cmp(&(
                &b.file,
                b.line,
                b.column,
                b.severity,
                &b.message.en,
            ))
        });
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// Where [`render_human`] finds the text of the line a diagnostic points at.
pub trait SourceLines {
    /// Line `line` (starting at 1) of `file`, without its line ending;
    /// `None` for line 0, a line past the end, or a file it does not know.
    fn line(&self, file: &Path, line: usize) -> Option<&str>;
}

/// File (as named in diagnostics) → its full text.
impl SourceLines for BTreeMap<PathBuf, String> {
    fn line(&self, file: &Path, line: usize) -> Option<&str> {
        let index = line.checked_sub(1)?;
        text_lines(self.get(file)?).nth(index)
    }
}

/// The lines of a text as YAML counts them: ended by `\n`, `\r\n` or a
/// lone `\r` (an old Mac file), so a snippet shows the line the parser
/// pointed at.
pub fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match &rest.as_bytes()[end..] {
            [b'\r', b'\n', ..] => 2,
            [] => 0,
            _ => 1,
        };
        rest = &rest[end + skip..];
        Some(line)
    })
}

/// No source text at hand: reports go without snippets.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSources;

impl SourceLines for NoSources {
    fn line(&self, _file: &Path, _line: usize) -> Option<&str> {
        None
    }
}

/// `text` with every control character written as `\u{1b}`: a message
/// never carries a terminal escape code (from a YAML string, a file name)
/// into a terminal or a CI log. Tabs and line ends too: a diagnostic is one
/// line.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A path as shown to people and tools: always with `/`, on every platform.
fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> BTreeMap<PathBuf, String> {
        let mut map = BTreeMap::new();
        map.insert(PathBuf::from("a.yaml"), "one\r\ntwo\nthree".to_string());
        map
    }

    #[test]
    fn source_lines_from_a_map() {
        let map = sources();
        let file = Path::new("a.yaml");
        assert_eq!(map.line(file, 0), None);
        assert_eq!(map.line(file, 1), Some("one"));
        assert_eq!(map.line(file, 2), Some("two"));
        assert_eq!(map.line(file, 3), Some("three"));
        assert_eq!(map.line(file, 4), None);
        assert_eq!(map.line(Path::new("b.yaml"), 1), None);
        assert_eq!(NoSources.line(file, 1), None);
    }

    #[test]
    fn constructors() {
        let text = Text::new("sai", "wrong");
        let d = Diagnostic::warning("a.yaml", 3, 4, "stale", text.clone())
            .with_hint(Text::new("sửa", "fix"));
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!((d.line, d.column, d.code), (3, 4, "stale"));
        assert_eq!(d.hint.as_ref().map(|h| h.get(Lang::En)), Some("fix"));
        let e = Diagnostic::error("a.yaml", 1, 1, "bad", text);
        assert_eq!((e.severity, e.hint), (Severity::Error, None));
    }
}
