//! Answering the browser: pages from memory, the event stream that tells
//! open tabs to reload, and a 404 page like the published site's.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use super::inject::{self, EVENTS_PATH};
use super::state::{Snapshot, State};
use crate::pipeline::SharedFiles;

/// More open connections than a few tabs ever need: beyond this, something
/// is wrong, and a thread per connection must not grow without bound.
const MAX_ACTIVE: usize = 128;

/// How often an idle event stream sends a comment, which also notices a
/// closed tab (the write fails).
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Serves requests until the process ends. One thread per request, since an
/// event stream stays open as long as its tab.
pub fn serve(server: Server, state: Arc<State>) {
    let active = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        if active.load(Ordering::SeqCst) >= MAX_ACTIVE {
            let _ = request.respond(text_response(503, "too many connections\n"));
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let state = Arc::clone(&state);
        let active = Arc::clone(&active);
        std::thread::spawn(move || {
            handle(request, &state);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn handle(request: Request, state: &State) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text_response(405, "only GET and HEAD\n"));
        return;
    }
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if path == EVENTS_PATH {
        events(request, state);
        return;
    }
    let response = page(&path, &state.snapshot());
    let _ = request.respond(response);
}

/// What a path maps to in the built site.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(String),
    /// A folder asked for without its slash: relative links need it.
    AddSlash,
    NotFound,
}

pub fn lookup(files: &SharedFiles, path: &str) -> Lookup {
    let Some(decoded) = percent_decode(path) else {
        return Lookup::NotFound;
    };
    let relative = decoded.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return Lookup::NotFound;
    }
    let key = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    if files.contains_key(&key) {
        Lookup::Found(key)
    } else if files.contains_key(&format!("{relative}/index.html")) {
        Lookup::AddSlash
    } else {
        Lookup::NotFound
    }
}

fn page(path: &str, snapshot: &Snapshot) -> Response<io::Cursor<Vec<u8>>> {
    let Some(files) = &snapshot.files else {
        // No good build yet: whatever was asked, show why.
        let problems = snapshot.problems.as_deref().unwrap_or("");
        let body = inject::problems_page(snapshot.generation, problems, snapshot.lang);
        return response(503, "text/html; charset=utf-8", body);
    };
    let (status, key) = match lookup(files, path) {
        Lookup::Found(key) => (200, key),
        Lookup::AddSlash => {
            let location = format!("{path}/");
            return with_header(text_response(301, "moved\n"), "Location", &location);
        }
        Lookup::NotFound if files.contains_key("404.html") => (404, "404.html".to_string()),
        Lookup::NotFound => return text_response(404, "not found\n"),
    };
    let bytes = files.get(&key).map(|b| b.to_vec()).unwrap_or_default();
    let content_type = content_type(&key);
    let bytes = if status == 404 {
        inject::with_root_base(&bytes)
    } else {
        bytes
    };
    let body = if content_type.starts_with("text/html") {
        inject::inject(
            &bytes,
            snapshot.generation,
            snapshot.problems.as_deref(),
            snapshot.lang,
        )
    } else {
        bytes
    };
    response(status, content_type, body)
}

/// Server-sent events: the current generation at once, then each new one.
/// The page reloads when the number differs from the one it was made with.
fn events(request: Request, state: &State) {
    let updates = state.subscribe();
    let generation = state.snapshot().generation;
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n";
    if send(&mut out, head).is_err() || send(&mut out, &reload_event(generation)).is_err() {
        return;
    }
    loop {
        let message = match updates.recv_timeout(KEEPALIVE) {
            Ok(generation) => reload_event(generation),
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut out, &message).is_err() {
            return;
        }
    }
}

fn reload_event(generation: u64) -> String {
    format!("event: reload\ndata: {generation}\n\n")
}

fn send(out: &mut Box<dyn Write + Send>, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn response(status: u16, content_type: &str, body: Vec<u8>) -> Response<io::Cursor<Vec<u8>>> {
    let response = Response::from_data(body).with_status_code(status);
    let response = with_header(response, "Content-Type", content_type);
    // A preview must always show the newest save.
    with_header(response, "Cache-Control", "no-store")
}

fn text_response(status: u16, text: &str) -> Response<io::Cursor<Vec<u8>>> {
    response(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

/// Adds a header. Values are ours or come from the request line (ASCII);
/// one that is not valid is left out rather than failing the response.
fn with_header(
    response: Response<io::Cursor<Vec<u8>>>,
    name: &str,
    value: &str,
) -> Response<io::Cursor<Vec<u8>>> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

/// `%C3%A1` → `á`; `None` for malformed escapes or bytes that are not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(paths: &[&str]) -> SharedFiles {
        paths
            .iter()
            .map(|p| (p.to_string(), Arc::from([])))
            .collect()
    }

    #[test]
    fn paths_map_to_files() {
        let site = files(&[
            "index.html",
            "van-ban/index.html",
            "style.css",
            "files/bản ký.pdf",
        ]);
        assert_eq!(lookup(&site, "/"), Lookup::Found("index.html".into()));
        assert_eq!(
            lookup(&site, "/van-ban/"),
            Lookup::Found("van-ban/index.html".into())
        );
        assert_eq!(lookup(&site, "/van-ban"), Lookup::AddSlash);
        assert_eq!(
            lookup(&site, "/style.css"),
            Lookup::Found("style.css".into())
        );
        assert_eq!(
            lookup(&site, "/files/b%E1%BA%A3n%20k%C3%BD.pdf"),
            Lookup::Found("files/bản ký.pdf".into())
        );
        for missing in ["/nope", "/../index.html", "/%zz", "/%FF"] {
            assert_eq!(lookup(&site, missing), Lookup::NotFound, "{missing}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("chart.svg"), "image/svg+xml");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("data.CSV"), "text/csv; charset=utf-8");
        assert_eq!(content_type("x.pdf"), "application/pdf");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }

    #[test]
    fn missing_pages_are_the_404_page_with_status_404() {
        let mut site = files(&["index.html"]);
        site.insert("404.html".into(), Arc::from(&b"<body>not here</body>"[..]));
        let snapshot = Snapshot {
            generation: 2,
            files: Some(Arc::new(site)),
            ..Snapshot::default()
        };
        let response = page("/nope/", &snapshot);
        assert_eq!(response.status_code().0, 404);
    }
}
