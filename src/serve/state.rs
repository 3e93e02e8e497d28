//! What the preview shows: the last good build, and why the newest save is
//! not shown (if it is not). Rebuilds swap a new snapshot in whole, so a
//! request sees one build or the next, never a mix.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use crate::diagnostic::{Text, render_human};
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
    listeners: Mutex<Vec<Sender<u64>>>,
}

/// One moment of the preview.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Bumped whenever what a browser would show changes.
    pub generation: u64,
    /// The last build without errors; `None` until there is one.
    pub files: Option<Arc<SharedFiles>>,
    /// The newest build's errors, as text, when it had any.
    pub problems: Option<String>,
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
    /// Warnings, rendered for the terminal (empty when there are none).
    pub warnings: String,
}

/// A build with errors: what to tell the officer.
pub struct Failed {
    pub lang: Lang,
    /// The diagnostics rendered as plain text (file:line:column, the line,
    /// the hint).
    pub report: String,
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

    /// A receiver of the generation numbers of every future change.
    pub fn subscribe(&self) -> Receiver<u64> {
        let (tx, rx) = mpsc::channel();
        self.listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(tx);
        rx
    }

    fn broadcast(&self, generation: u64) {
        let mut listeners = self
            .listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // A closed tab's receiver is gone: forget its sender.
        listeners.retain(|tx| tx.send(generation).is_ok());
    }

    fn messages_lang(&self, outcome: &Outcome) -> Lang {
        self.lang.unwrap_or(outcome.lang)
    }
}

/// Builds in memory after `changed` source files (absolute, or relative
/// to the root) changed: only what they touch is made again (see
/// [`Live`]). The first call builds everything.
pub fn rebuild(state: &State, changed: &[PathBuf]) -> Result<Built, Failed> {
    let mut live = state.live.lock().unwrap_or_else(PoisonError::into_inner);
    // A bug that panics in one build must not end the preview: the next
    // save starts again from the files on disk.
    let run = || {
        live.get_or_insert_with(|| Live::new(&state.root, &state.options))
            .rebuild(changed)
    };
    let rebuilt = std::panic::catch_unwind(AssertUnwindSafe(run)).map_err(|_| {
        let lang = state.lang.unwrap_or_default();
        let text = Text::new(
            "loaxa gặp lỗi nội bộ khi dựng trang (xem thông báo trong cửa sổ lệnh). Xin báo lại lỗi này.",
            "loaxa failed internally while building (see the terminal). Please report this.",
        );
        Failed {
            lang,
            report: text.get(lang).to_string(),
        }
    });
    let rebuilt = match rebuilt {
        Ok(rebuilt) => rebuilt,
        Err(failed) => {
            *live = None;
            return Err(failed);
        }
    };
    let outcome = &rebuilt.outcome;
    let lang = state.messages_lang(outcome);
    // Plain text: the same report goes to the terminal and into the page.
    let report = render_human(&outcome.diagnostics, lang, &outcome.sources, false);
    match rebuilt.files {
        Some(files) if !outcome.has_errors() => Ok(Built {
            files,
            pages_made: rebuilt.made.iter().filter(|p| p.ends_with(".html")).count(),
            changed: rebuilt.changed,
            lang,
            warnings: report,
        }),
        _ => Err(Failed { lang, report }),
    }
}

/// Rebuilds, swaps the result in, says so in the terminal and tells every
/// open tab to reload (only when what it would show has changed).
pub fn refresh(state: &State, changed: &[PathBuf]) {
    let started = Instant::now();
    let result = rebuild(state, changed);
    report(&result, started.elapsed());
    let previous = state.snapshot();
    let mut files_changed = false;
    let next = match result {
        Ok(built) => {
            files_changed = !built.changed.is_empty();
            Snapshot {
                generation: previous.generation,
                files: Some(built.files),
                problems: None,
                lang: built.lang,
            }
        }
        Err(failed) => Snapshot {
            generation: previous.generation,
            files: previous.files.clone(),
            problems: Some(failed.report),
            lang: failed.lang,
        },
    };
    let changed = next.problems != previous.problems
        || files_changed
        || next.files.is_some() != previous.files.is_some()
        || previous.generation == 0;
    if !changed {
        return;
    }
    let generation = previous.generation + 1;
    *state
        .current
        .write()
        .unwrap_or_else(PoisonError::into_inner) = Arc::new(Snapshot { generation, ..next });
    state.broadcast(generation);
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
            eprint!("{}", failed.report);
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
