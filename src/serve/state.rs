//! What the preview shows: the last good build, and what the newest save
//! had to say (the panel). Rebuilds swap a new snapshot in whole, so a
//! request sees one build or the next, never a mix.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use super::overlay::{self, Report};
use crate::diagnostic::{Diagnostic, SourceLines, Text, render_human};
use crate::pipeline::{Live, Options, Outcome, SharedFiles};
use crate::vi::Lang;

/// Everything a preview server shares between its threads.
pub struct State {
    pub root: PathBuf,
    pub options: Options,
    /// `--lang`, else the site's own language.
    pub lang: Option<Lang>,
    current: RwLock<Arc<Snapshot>>,
    /// The site kept between rebuilds; made by the first one.
    live: Mutex<Option<Live>>,
    /// One sender per open event stream (browser tab).
    listeners: Mutex<Vec<Sender<(u64, u64)>>>,
}

/// One moment of the preview.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Bumped whenever the files served change: a tab showing another
    /// build reloads.
    pub build: u64,
    /// Bumped whenever the panel changes: a tab showing another report
    /// swaps its panel without reloading.
    pub report: u64,
    /// The last build without errors; `None` until there is one.
    pub files: Option<Arc<SharedFiles>>,
    /// What the newest save had to say.
    pub problems: Report,
    /// The panel's HTML; `None` when there is nothing to say.
    pub overlay: Option<Arc<str>>,
    pub lang: Lang,
}

/// A build the preview can show.
pub struct Built {
    pub files: Arc<SharedFiles>,
    /// Output files added, changed or removed by this build.
    pub changed: Vec<String>,
    /// How many pages this build made (the others kept their bytes).
    pub pages_made: usize,
    pub lang: Lang,
    /// Warnings, for the panel.
    pub report: Report,
    /// Warnings, rendered for the terminal (empty when there are none).
    pub warnings: String,
}

/// A build with errors: what to tell the officer.
pub struct Failed {
    pub lang: Lang,
    /// Errors and warnings, for the panel.
    pub report: Report,
    /// The diagnostics rendered as plain text (file:line:column, the line,
    /// the hint), for the terminal.
    pub text: String,
}

impl State {
    pub fn new(root: PathBuf, options: Options, lang: Option<Lang>) -> Self {
        State {
            root,
            options,
            lang,
            current: RwLock::new(Arc::new(Snapshot::default())),
            live: Mutex::new(None),
            listeners: Mutex::new(Vec::new()),
        }
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// A receiver of (build, report) for every future change.
    pub fn subscribe(&self) -> Receiver<(u64, u64)> {
        let (tx, rx) = mpsc::channel();
        self.listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(tx);
        rx
    }

    fn broadcast(&self, state: (u64, u64)) {
        let mut listeners = self
            .listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // A closed tab's receiver is gone: forget its sender.
        listeners.retain(|tx| tx.send(state).is_ok());
    }

    fn messages_lang(&self, outcome: &Outcome) -> Lang {
        self.lang.unwrap_or(outcome.lang)
    }

    /// Drafts the preview does not show (none with `--drafts`).
    fn hidden_drafts(&self, live: &Option<Live>) -> Vec<PathBuf> {
        match live {
            Some(live) if !self.options.drafts => live.drafts(),
            _ => Vec::new(),
        }
    }
}

/// Builds in memory after `changed` source files (absolute, or relative
/// to the root) changed: only what they touch is made again (see
/// [`Live`]). The first call builds everything.
pub fn rebuild(state: &State, changed: &[PathBuf]) -> Result<Built, Failed> {
    rebuild_with_theme(state, changed).0
}

/// [`rebuild`], with the theme folder of the last good build.
fn rebuild_with_theme(
    state: &State,
    changed: &[PathBuf],
) -> (Result<Built, Failed>, Option<PathBuf>) {
    let mut live = state.live.lock().unwrap_or_else(PoisonError::into_inner);
    // A bug that panics in one build must not end the preview: the next
    // save starts again from the files on disk.
    let run = || {
        live.get_or_insert_with(|| Live::new(&state.root, &state.options))
            .rebuild(changed)
    };
    let rebuilt = match std::panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(rebuilt) => rebuilt,
        Err(_) => {
            *live = None;
            return (Err(internal_failure(state)), None);
        }
    };
    let theme = live
        .as_ref()
        .and_then(Live::theme)
        .map(|name| state.root.join("themes").join(name));
    let drafts = state.hidden_drafts(&live);
    let outcome = &rebuilt.outcome;
    let lang = state.messages_lang(outcome);
    // Plain text: the same report goes to the terminal.
    let text = render_human(&outcome.diagnostics, lang, &outcome.sources, false);
    let report = Report {
        lines: outcome
            .diagnostics
            .iter()
            .map(|d| line_of(d, &outcome.sources))
            .collect(),
        diagnostics: outcome.diagnostics.clone(),
        drafts,
    };
    let result = match rebuilt.files {
        Some(files) if !outcome.has_errors() => Ok(Built {
            files,
            pages_made: rebuilt.made.iter().filter(|p| p.ends_with(".html")).count(),
            changed: rebuilt.changed,
            lang,
            report,
            warnings: text,
        }),
        _ => Err(Failed { lang, report, text }),
    };
    (result, theme)
}

fn line_of(d: &Diagnostic, sources: &dyn SourceLines) -> Option<String> {
    (d.line > 0)
        .then(|| sources.line(&d.file, d.line))
        .flatten()
        .map(str::to_string)
}

fn internal_failure(state: &State) -> Failed {
    let lang = state.lang.unwrap_or_default();
    let text = Text::new(
        "loaxa gặp lỗi nội bộ khi dựng trang (xem thông báo trong cửa sổ lệnh). Xin báo lại lỗi này.",
        "loaxa failed internally while building (see the terminal). Please report this.",
    );
    let diagnostic = Diagnostic::error("data", 0, 0, "internal", text.clone());
    Failed {
        lang,
        report: Report {
            diagnostics: vec![diagnostic],
            lines: vec![None],
            drafts: Vec::new(),
        },
        text: text.get(lang).to_string(),
    }
}

/// Rebuilds, swaps the result in, says so in the terminal and tells every
/// open tab (only when what it would show has changed).
pub fn refresh(state: &State, changed: &[PathBuf]) {
    let started = Instant::now();
    let (result, theme) = rebuild_with_theme(state, changed);
    report(&result, started.elapsed());
    let previous = state.snapshot();
    let (files, files_changed, problems, lang) = match result {
        Ok(built) => (
            Some(built.files),
            !built.changed.is_empty(),
            built.report,
            built.lang,
        ),
        Err(failed) => (previous.files.clone(), false, failed.report, failed.lang),
    };
    if problems.drafts != previous.problems.drafts && !problems.drafts.is_empty() {
        say_drafts(&problems.drafts, lang);
    }
    let first = previous.build == 0;
    let build = previous.build + u64::from(files_changed || first);
    let report_changed =
        first || problems != previous.problems || files.is_some() != previous.files.is_some();
    let report = previous.report + u64::from(report_changed);
    if build == previous.build && report == previous.report {
        return;
    }
    let overlay = overlay::render(&problems, report, files.is_some(), lang, theme.as_deref());
    *state
        .current
        .write()
        .unwrap_or_else(PoisonError::into_inner) = Arc::new(Snapshot {
        build,
        report,
        files,
        problems,
        overlay: overlay.map(Arc::from),
        lang,
    });
    state.broadcast((build, report));
}

/// Names the drafts the preview leaves out, and how to see them.
fn say_drafts(drafts: &[PathBuf], lang: Lang) {
    let list: Vec<String> = drafts.iter().map(|p| p.display().to_string()).collect();
    let text = Text::new(
        format!(
            "Bản nháp (draft: true) không hiện trên trang xem trước: {}. Để xem, dừng lệnh (Ctrl-C) rồi chạy `loaxa serve --drafts`; để đăng, đổi thành `draft: false`.",
            list.join(", ")
        ),
        format!(
            "Drafts (draft: true) are not shown in the preview: {}. To see them, stop (Ctrl-C) and run `loaxa serve --drafts`; to publish one, change it to `draft: false`.",
            list.join(", ")
        ),
    );
    eprintln!("{}", text.get(lang));
}

/// A line in the terminal for each rebuild, with the problems in full.
fn report(result: &Result<Built, Failed>, took: Duration) {
    let time = chrono::Local::now().format("%H:%M:%S");
    match result {
        Ok(built) => {
            eprint!("{}", built.warnings);
            let pages = built.files.keys().filter(|k| k.ends_with(".html")).count();
            let made = built.pages_made;
            let ms = took.as_millis();
            let text = if made == pages {
                Text::new(
                    format!("[{time}] Đã dựng {pages} trang ({ms} ms)"),
                    format!("[{time}] Built {pages} pages ({ms} ms)"),
                )
            } else {
                Text::new(
                    format!(
                        "[{time}] Đã dựng {made} trang, giữ nguyên {} trang ({ms} ms)",
                        pages - made
                    ),
                    format!(
                        "[{time}] Built {made} pages, kept {} as they were ({ms} ms)",
                        pages - made
                    ),
                )
            };
            eprintln!("{}", text.get(built.lang));
        }
        Err(failed) => {
            eprint!("{}", failed.text);
            let text = Text::new(
                format!(
                    "[{time}] Dữ liệu có lỗi: trang xem trước vẫn giữ bản đúng gần nhất. Sửa lỗi rồi lưu lại."
                ),
                format!(
                    "[{time}] The data has errors: the preview keeps the last good version. Fix them and save again."
                ),
            );
            eprintln!("{}", text.get(failed.lang));
        }
    }
}
