//! Diagnostics for machines: GitHub Actions workflow commands, which show
//! as annotations on the changed lines of a pull request, and JSON Lines.

use serde::Serialize;

use super::{Diagnostic, Severity, display_path, escape_controls};
use crate::vi::Lang;

/// One workflow command per diagnostic and line:
/// `::error file=data/campaigns/x.yaml,line=14,col=5,title=unknown-field::message — hint`.
/// `line` and `col` are left out when they are 0 (the whole file, the whole
/// line); warnings use `::warning`.
pub fn render_github(diags: &[Diagnostic], lang: Lang) -> String {
    diags.iter().map(|d| github_line(d, lang) + "\n").collect()
}

fn github_line(d: &Diagnostic, lang: Lang) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = escape_controls(&display_path(&d.file));
    let mut properties = vec![format!("file={}", escape_property(&file))];
    if d.line > 0 {
        properties.push(format!("line={}", d.line));
        if d.column > 0 {
            properties.push(format!("col={}", d.column));
        }
    }
    properties.push(format!("title={}", escape_property(d.code)));
    let message = match &d.hint {
        Some(hint) => format!("{} — {}", d.message.get(lang), hint.get(lang)),
        None => d.message.get(lang).to_string(),
    };
    // A CI log is a terminal too: no escape code from a file reaches it.
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// GitHub's escaping of a command's message; any other control character
/// written out (`\u{1b}`).
fn escape_data(text: &str) -> String {
    let shown: String = text
        .split_inclusive(['\r', '\n'])
        .map(|part| {
            let end = part.trim_end_matches(['\r', '\n']);
            escape_controls(end) + &part[end.len()..]
        })
        .collect();
    shown
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a command's property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One JSON object per diagnostic and line (JSON Lines), keys in this order:
/// `file`, `line`, `column`, `severity` (`error` | `warning`), `code`,
/// `message`, `hint` (`null` when there is none); texts in `lang`.
pub fn render_json(diags: &[Diagnostic], lang: Lang) -> String {
    diags.iter().map(|d| json_line(d, lang) + "\n").collect()
}

#[derive(Serialize)]
struct Record<'a> {
    file: String,
    line: usize,
    column: usize,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
}

fn json_line(d: &Diagnostic, lang: Lang) -> String {
    let record = Record {
        file: display_path(&d.file),
        line: d.line,
        column: d.column,
        severity: d.severity,
        code: d.code,
        message: d.message.get(lang),
        hint: d.hint.as_ref().map(|h| h.get(lang)),
    };
    serde_json::to_string(&record).expect("strings and integers always serialize")
}

#[cfg(test)]
mod tests;
