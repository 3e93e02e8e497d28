//! The compiler-style report for a person at a terminal:
//!
//! ```text
//! lỗi: `popluation` không phải là một trường hợp lệ
//!   --> data/campaigns/i-hatinh.yaml:14:5
//!    |
//! 14 |     popluation: 29226
//!    |     ^^^^^^^^^^
//!    = cách sửa: có phải ý bạn là `population`?
//! ```

use super::snippet::snippet;
use super::{Diagnostic, Severity, SourceLines, display_path, escape_controls};
use crate::vi::{Lang, format_int};

const RED_BOLD: &str = "\x1b[1;31m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const BLUE_BOLD: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Every diagnostic in the order given, a blank line between them, then a
/// summary line (`3 lỗi, 1 cảnh báo` / `3 errors, 1 warning`, counts of zero
/// left out). Nothing at all when there is nothing to report. ANSI colours
/// only when `color` is true.
pub fn render_human(
    diags: &[Diagnostic],
    lang: Lang,
    sources: &dyn SourceLines,
    color: bool,
) -> String {
    if diags.is_empty() {
        return String::new();
    }
    let paint = Paint { color };
    let mut out = String::new();
    for diagnostic in diags {
        write_diagnostic(&mut out, diagnostic, lang, sources, paint);
        out.push('\n');
    }
    out.push_str(&summary(diags, lang, paint));
    out.push('\n');
    out
}

#[derive(Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn apply(self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

fn style(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => RED_BOLD,
        Severity::Warning => YELLOW_BOLD,
    }
}

fn label(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

fn hint_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "cách sửa:",
        Lang::En => "help:",
    }
}

fn write_diagnostic(
    out: &mut String,
    d: &Diagnostic,
    lang: Lang,
    sources: &dyn SourceLines,
    paint: Paint,
) {
    let pad = " ".repeat(d.line.max(1).to_string().len());
    let head = paint.apply(style(d.severity), label(d.severity, lang));
    let message = paint.apply(BOLD, &format!(": {}", escape_controls(d.message.get(lang))));
    push_line(out, format!("{head}{message}"));
    let arrow = paint.apply(BLUE_BOLD, "-->");
    push_line(out, format!("{pad}{arrow} {}", location(d)));
    let source_line = (d.line > 0).then(|| sources.line(&d.file, d.line));
    if let Some(line) = source_line.flatten() {
        write_snippet(out, d, line, &pad, paint);
    }
    if let Some(hint) = &d.hint {
        let equals = paint.apply(BLUE_BOLD, "=");
        push_line(
            out,
            format!(
                "{pad} {equals} {} {}",
                hint_label(lang),
                escape_controls(hint.get(lang))
            ),
        );
    }
}

/// `file:line:column`, `file:line` for a whole line, `file` for a whole file.
fn location(d: &Diagnostic) -> String {
    let file = escape_controls(&display_path(&d.file));
    match (d.line, d.column) {
        (0, _) => file,
        (line, 0) => format!("{file}:{line}"),
        (line, column) => format!("{file}:{line}:{column}"),
    }
}

fn write_snippet(out: &mut String, d: &Diagnostic, line: &str, pad: &str, paint: Paint) {
    let shown = snippet(line, d.column);
    let bar = paint.apply(BLUE_BOLD, &format!("{pad} |"));
    push_line(out, bar.clone());
    let numbered = paint.apply(BLUE_BOLD, &format!("{} |", d.line));
    if shown.text.is_empty() {
        push_line(out, numbered);
    } else {
        push_line(out, format!("{numbered} {}", shown.text));
    }
    let carets = paint.apply(style(d.severity), &"^".repeat(shown.caret_len));
    let indent = " ".repeat(shown.caret_start);
    push_line(out, format!("{bar} {indent}{carets}"));
}

fn push_line(out: &mut String, line: String) {
    out.push_str(&line);
    out.push('\n');
}

/// `3 lỗi, 1 cảnh báo` / `3 errors, 1 warning`; zero counts left out.
fn summary(diags: &[Diagnostic], lang: Lang, paint: Paint) -> String {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    [Severity::Error, Severity::Warning]
        .into_iter()
        .map(|s| (s, count(s)))
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| paint.apply(style(s), &counted(s, n, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn counted(severity: Severity, n: usize, lang: Lang) -> String {
    let word = label(severity, lang);
    let n = format_int(lang, i64::try_from(n).unwrap_or(i64::MAX));
    if lang == Lang::En && n != "1" {
        format!("{n} {word}s")
    } else {
        format!("{n} {word}")
    }
}

#[cfg(test)]
mod tests;
