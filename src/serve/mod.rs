//! `loaxa serve`: a preview of the site on 127.0.0.1, served from memory
//! (nothing is written to disk), rebuilt on every save, reloading the open
//! pages by itself. A save that breaks the data keeps the last good pages
//! on screen with the errors in a panel above them (`overlay`).
//!
//! Threads: the main one accepts connections (`http`), one per request
//! answers it (bounded), one waits for saves and rebuilds (`watch`), one per
//! open tab streams its state (bounded apart, so tabs never starve pages).
//! They share a [`State`] whose snapshot each rebuild replaces whole. The
//! reload client, the panel's styles and its template are in `client/`:
//! served as files, nothing inline, so the site's own
//! Content-Security-Policy holds in the preview.

mod http;
mod inject;
mod overlay;
mod pages;
mod paths;
mod state;
mod watch;

use std::io;
use std::net::{Ipv4Addr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

pub use http::{
    EVENTS_PATH, HEAD_DEADLINE, MAX_CONNECTIONS, MAX_HEAD, MAX_REQUEST_LINE, MAX_STREAMS,
};
pub use overlay::Report;
pub use paths::{OVERLAY_CSS_PATH, OVERLAY_PATH, RELOAD_JS_PATH};
pub use state::{Built, Failed, Snapshot, State, rebuild, refresh};

use crate::diagnostic::Text;
use crate::pipeline::Options;
use crate::vi::Lang;

/// How many ports after the asked one to try when it is taken.
const PORT_TRIES: u16 = 20;

pub struct Config {
    pub root: PathBuf,
    pub options: Options,
    /// `--lang`; the site's language otherwise.
    pub lang: Option<Lang>,
    /// 0 lets the system choose.
    pub port: u16,
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum StartError {
    /// The site folder does not exist.
    NoSite(PathBuf),
    /// No port could be listened on.
    Bind(u16, io::Error),
    Watch(notify::Error),
}

impl StartError {
    pub fn text(&self) -> Text {
        match self {
            StartError::NoSite(root) => Text::new(
                format!("Không có thư mục `{}`", root.display()),
                format!("There is no folder `{}`", root.display()),
            ),
            StartError::Bind(port, err) => Text::new(
                format!(
                    "Không mở được cổng {port} (và các cổng sau): {err}. Chọn cổng khác bằng --port"
                ),
                format!(
                    "Cannot listen on port {port} (nor the next ones): {err}. Pick another with --port"
                ),
            ),
            StartError::Watch(err) => Text::new(
                format!("Không theo dõi được thay đổi của tệp: {err}"),
                format!("Cannot watch the files for changes: {err}"),
            ),
        }
    }
}

/// Builds once, starts watching, prints the address, then serves until the
/// process is stopped (Ctrl-C): it holds nothing that could be left
/// half-written.
pub fn run(config: Config) -> Result<(), StartError> {
    if !config.root.is_dir() {
        return Err(StartError::NoSite(config.root));
    }
    let root = std::path::absolute(&config.root).unwrap_or(config.root);
    let state = Arc::new(State::new(root, config.options, config.lang));
    refresh(&state, &[]);
    let (listener, port) = bind(config.port)?;
    watch::start(Arc::clone(&state)).map_err(StartError::Watch)?;
    announce(&state, config.port, port);
    http::serve(listener, state);
    Ok(())
}

/// The asked port, else the next free one. Only 127.0.0.1: a preview is for
/// the person at this computer, not the office network.
fn bind(port: u16) -> Result<(TcpListener, u16), StartError> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    let mut first_error = None;
    for candidate in port..=last {
        match TcpListener::bind((Ipv4Addr::LOCALHOST, candidate)) {
            Ok(listener) => {
                let actual = listener.local_addr().map_or(candidate, |a| a.port());
                return Ok((listener, actual));
            }
            Err(err) if err.kind() == io::ErrorKind::AddrInUse => {
                first_error.get_or_insert(err);
            }
            Err(err) => return Err(StartError::Bind(candidate, err)),
        }
    }
    Err(StartError::Bind(
        port,
        first_error.unwrap_or_else(|| io::Error::other("no port")),
    ))
}

/// The address on stdout (one line, easy to click and to parse), the rest
/// on stderr.
fn announce(state: &State, asked: u16, port: u16) {
    let lang = state.snapshot().lang;
    if asked != 0 && asked != port {
        let text = Text::new(
            format!("Cổng {asked} đang bận, dùng cổng {port}."),
            format!("Port {asked} is taken; using {port}."),
        );
        eprintln!("{}", text.get(lang));
    }
    let text = Text::new(
        format!(
            "Xem trước tại http://127.0.0.1:{port}/ — trang tự cập nhật mỗi khi lưu tệp. Nhấn Ctrl-C để dừng."
        ),
        format!(
            "Preview at http://127.0.0.1:{port}/ — pages update on every save. Press Ctrl-C to stop."
        ),
    );
    println!("{}", text.get(lang));
}
