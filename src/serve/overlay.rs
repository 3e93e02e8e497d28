//! The problems panel: what the newest save had to say (errors, warnings,
//! drafts the preview does not show), rendered by a built-in Tera template
//! a theme may replace with its own `templates/loaxa-overlay.html`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::vi::{Lang, format_int};

/// The template's name, in the built-in set and in a theme's `templates/`.
pub const TEMPLATE: &str = "loaxa-overlay.html";
const BUILT_IN: &str = include_str!("client/overlay.html");
/// Drafts named one by one; more are counted.
const DRAFTS_LISTED: usize = 5;

/// What the newest save had to say. Equal reports show the same panel.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Errors and warnings, sorted as `loaxa check` prints them.
    pub diagnostics: Vec<Diagnostic>,
    /// Each diagnostic's line of its file, when it names one.
    pub lines: Vec<Option<String>>,
    /// Draft notices that exist but are not shown (no `--drafts`).
    pub drafts: Vec<PathBuf>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty() && self.drafts.is_empty()
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The panel's HTML, or `None` when there is nothing to say. `theme_dir`:
/// the site's theme folder, whose template wins when it has one.
/// `over_last_good`: a good build is shown under the panel.
pub fn render(
    report: &Report,
    id: u64,
    over_last_good: bool,
    lang: Lang,
    theme_dir: Option<&Path>,
) -> Option<String> {
    if report.is_empty() {
        return None;
    }
    let view = view(report, id, over_last_good, lang);
    let custom = theme_dir
        .and_then(|dir| std::fs::read_to_string(dir.join("templates").join(TEMPLATE)).ok());
    if let Some(template) = custom {
        match render_with(&template, &view) {
            Ok(html) => return Some(html),
            Err(err) => {
                let mut view = view;
                view.items.insert(0, template_failed(&err, lang));
                return render_with(BUILT_IN, &view).ok();
            }
        }
    }
    render_with(BUILT_IN, &view).ok()
}

fn render_with(template: &str, view: &View) -> Result<String, tera::Error> {
    let mut tera = tera::Tera::new();
    tera.set_escape_fn(crate::markup::escape_html);
    tera.add_raw_template(TEMPLATE, template)?;
    tera.render(TEMPLATE, &tera::Context::from_serialize(view)?)
}

/// The template's context.
#[derive(Debug, Serialize)]
struct View {
    lang: &'static str,
    report: u64,
    /// `error`, `warning` or `info`: the most serious item.
    kind: &'static str,
    heading: String,
    under: String,
    close: &'static str,
    /// The summary that opens a bar of warnings or drafts.
    open: &'static str,
    fix: &'static str,
    items: Vec<Item>,
}

#[derive(Debug, Serialize)]
struct Item {
    kind: &'static str,
    kind_label: &'static str,
    /// `data/campaigns/x.yaml:12:5`
    place: String,
    message: String,
    /// The line of the file with a caret under the fault.
    snippet: Option<String>,
    hint: Option<String>,
}

fn view(report: &Report, id: u64, over_last_good: bool, lang: Lang) -> View {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let kind = if errors > 0 {
        "error"
    } else if warnings > 0 {
        "warning"
    } else {
        "info"
    };
    let mut items: Vec<Item> = report
        .diagnostics
        .iter()
        .zip(&report.lines)
        .map(|(d, line)| diagnostic_item(d, line.as_deref(), lang))
        .collect();
    items.extend(draft_items(&report.drafts, lang));
    let counts = counts(errors, warnings, lang);
    let (heading, under) = match kind {
        "error" if over_last_good => words(
            format!("Dữ liệu có lỗi ({counts}): trang bên dưới là bản dựng đúng gần nhất"),
            format!("The data has errors ({counts}): the page under this is the last good build"),
            "Thay đổi vừa lưu chưa được đưa lên trang. Sửa lỗi rồi lưu tệp: trang tự cập nhật và bảng này tự đóng.",
            "Your latest save is not on the page yet. Fix the errors and save: the page updates and this panel closes by itself.",
            lang,
        ),
        "error" => words(
            format!("Chưa dựng được trang: dữ liệu có lỗi ({counts})"),
            format!("The site cannot be built yet: the data has errors ({counts})"),
            "Chưa có bản dựng đúng nào để hiện. Sửa lỗi rồi lưu tệp: trang tự hiện ra.",
            "There is no good build to show yet. Fix the errors and save: the site appears by itself.",
            lang,
        ),
        "warning" => words(
            format!("Trang đã dựng xong, có {counts}"),
            format!("The site is built, with {counts}"),
            "Trang bên dưới đã có thay đổi vừa lưu. Cảnh báo không chặn việc đăng trang, nhưng nên sửa.",
            "The page under this has your latest save. Warnings do not stop publishing, but should be fixed.",
            lang,
        ),
        _ => words(
            "Có văn bản nháp không hiện trên trang xem trước".to_string(),
            "Some draft notices are not shown in the preview".to_string(),
            "Trang bên dưới đã có thay đổi vừa lưu.",
            "The page under this has your latest save.",
            lang,
        ),
    };
    View {
        lang: lang.code(),
        report: id,
        kind,
        heading,
        under,
        close: pick(lang, "Đóng", "Close"),
        open: pick(lang, "Xem chi tiết", "Show details"),
        fix: pick(lang, "Cách sửa", "How to fix"),
        items,
    }
}

/// `2 lỗi, 1 cảnh báo` / `2 errors, 1 warning`.
fn counts(errors: usize, warnings: usize, lang: Lang) -> String {
    let n = |n: usize| format_int(lang, i64::try_from(n).unwrap_or(i64::MAX));
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(match lang {
            Lang::Vi => format!("{} lỗi", n(errors)),
            Lang::En if errors == 1 => "1 error".to_string(),
            Lang::En => format!("{} errors", n(errors)),
        });
    }
    if warnings > 0 {
        parts.push(match lang {
            Lang::Vi => format!("{} cảnh báo", n(warnings)),
            Lang::En if warnings == 1 => "1 warning".to_string(),
            Lang::En => format!("{} warnings", n(warnings)),
        });
    }
    parts.join(", ")
}

fn words(
    heading_vi: String,
    heading_en: String,
    under_vi: &str,
    under_en: &str,
    lang: Lang,
) -> (String, String) {
    match lang {
        Lang::Vi => (heading_vi, under_vi.to_string()),
        Lang::En => (heading_en, under_en.to_string()),
    }
}

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn diagnostic_item(d: &Diagnostic, line: Option<&str>, lang: Lang) -> Item {
    let (kind, kind_label) = match d.severity {
        Severity::Error => ("error", pick(lang, "Lỗi", "Error")),
        Severity::Warning => ("warning", pick(lang, "Cảnh báo", "Warning")),
    };
    Item {
        kind,
        kind_label,
        place: place(d),
        message: d.message.get(lang).to_string(),
        snippet: line.map(|line| snippet(line, d.line, d.column)),
        hint: d.hint.as_ref().map(|h| h.get(lang).to_string()),
    }
}

fn draft_items(drafts: &[PathBuf], lang: Lang) -> Vec<Item> {
    let item = |place: String, message: Text| {
        Item {
        kind: "info",
        kind_label: pick(lang, "Bản nháp", "Draft"),
        place,
        message: message.get(lang).to_string(),
        snippet: None,
        hint: Some(
            Text::new(
                "để xem cả bản nháp, dừng lệnh (Ctrl-C) rồi chạy `loaxa serve --drafts`; để đăng văn bản, đổi thành `draft: false`",
                "to see drafts, stop (Ctrl-C) and run `loaxa serve --drafts`; to publish the notice, change it to `draft: false`",
            )
            .get(lang)
            .to_string(),
        ),
    }
    };
    let mut items: Vec<Item> = drafts
        .iter()
        .take(DRAFTS_LISTED)
        .map(|file| {
            item(
                display(file),
                Text::new(
                    "Văn bản này là bản nháp (`draft: true`) nên không hiện trên trang xem trước",
                    "This notice is a draft (`draft: true`), so the preview does not show it",
                ),
            )
        })
        .collect();
    if drafts.len() > DRAFTS_LISTED {
        let more = drafts.len() - DRAFTS_LISTED;
        items.push(item(
            "content/notices/".to_string(),
            Text::new(
                format!("và {more} bản nháp khác"),
                format!("and {more} more drafts"),
            ),
        ));
    }
    items
}

fn template_failed(err: &tera::Error, lang: Lang) -> Item {
    Item {
        kind: "warning",
        kind_label: pick(lang, "Cảnh báo", "Warning"),
        place: format!("themes/…/templates/{TEMPLATE}"),
        message: Text::new(
            format!("Mẫu bảng báo lỗi của giao diện không dùng được: {err}"),
            format!("The theme's panel template cannot be used: {err}"),
        )
        .get(lang)
        .to_string(),
        snippet: None,
        hint: None,
    }
}

/// `file:line:column`, `file:line`, or `file`.
fn place(d: &Diagnostic) -> String {
    let file = display(&d.file);
    match (d.line, d.column) {
        (0, _) => file,
        (line, 0) => format!("{file}:{line}"),
        (line, column) => format!("{file}:{line}:{column}"),
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// ` 12 | popluation: 1` and a caret under the column. A tab is shown as
/// `→` (the fault is often the tab itself); other control characters as
/// `�`, so the file cannot write to the page what it is not.
fn snippet(line: &str, number: usize, column: usize) -> String {
    let shown: String = line
        .chars()
        .map(|c| match c {
            '\t' => '→',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect();
    let gutter = number.to_string();
    let pad = " ".repeat(gutter.len());
    let mut out = format!("{gutter} | {shown}");
    if column > 0 {
        out.push_str(&format!("\n{pad} | {}^", " ".repeat(column - 1)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let error = Diagnostic::error(
            "data/campaigns/a.yaml",
            3,
            5,
            "unknown-field",
            Text::new("Trường `popluation` <lạ>", "Unknown field `popluation`"),
        )
        .with_hint(Text::new("viết `population`", "write `population`"));
        let warning = Diagnostic::warning(
            "data/site.yaml",
            7,
            0,
            "sample-value",
            Text::new("Số đường dây nóng mẫu", "The sample hotline"),
        );
        Report {
            diagnostics: vec![error, warning],
            lines: vec![Some("    popluation: 1".into()), None],
            drafts: vec![PathBuf::from("content/notices/nhap.md")],
        }
    }

    #[test]
    fn lists_errors_warnings_and_drafts_with_places_and_fixes() {
        let html = render(&report(), 4, true, Lang::Vi, None).unwrap();
        for needle in [
            "id=\"loaxa-overlay\"",
            "role=\"alert\"",
            "tabindex=\"-1\"",
            "data-report=\"4\"",
            "data-kind=\"error\"",
            "bản dựng đúng gần nhất",
            "1 lỗi, 1 cảnh báo",
            "Lỗi: data/campaigns/a.yaml:3:5",
            "Trường `popluation` &lt;lạ&gt;",
            "3 |     popluation: 1\n  |     ^",
            "Cách sửa: viết `population`",
            "Cảnh báo: data/site.yaml:7",
            "Bản nháp: content/notices/nhap.md",
            "loaxa serve --drafts",
            "data-loaxa-close",
        ] {
            assert!(html.contains(needle), "{needle} not in:\n{html}");
        }
        assert!(!html.contains("style="), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }

    #[test]
    fn warnings_alone_are_a_status_not_an_alert() {
        let mut report = report();
        report.diagnostics.remove(0);
        report.lines.remove(0);
        let html = render(&report, 1, true, Lang::En, None).unwrap();
        assert!(html.contains("role=\"status\""), "{html}");
        assert!(html.contains("The site is built, with 1 warning"), "{html}");
        assert!(render(&Report::default(), 1, true, Lang::Vi, None).is_none());
    }

    #[test]
    fn a_theme_template_wins_and_a_broken_one_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        let own = dir.path().join("templates").join(TEMPLATE);
        std::fs::write(&own, "<div id=\"loaxa-overlay\">{{ heading }}</div>").unwrap();
        let html = render(&report(), 1, true, Lang::Vi, Some(dir.path())).unwrap();
        assert!(
            html.starts_with("<div id=\"loaxa-overlay\">Dữ liệu có lỗi"),
            "{html}"
        );
        std::fs::write(&own, "{% if %}").unwrap();
        let html = render(&report(), 1, true, Lang::Vi, Some(dir.path())).unwrap();
        assert!(html.contains("<section id=\"loaxa-overlay\""), "{html}");
        assert!(html.contains("không dùng được"), "{html}");
    }

    #[test]
    fn tabs_and_control_characters_are_shown_not_sent() {
        assert_eq!(
            snippet("\tx: \u{1b}[31m", 2, 1),
            "2 | →x: \u{fffd}[31m\n  | ^"
        );
    }
}
