//! What the preview answers for a path: a file of the last good build (an
//! HTML page with the reload script and the problems panel put in), the
//! preview's own files under `/__loaxa/`, or a 404 page like the published
//! site's.

use super::inject;
use super::state::Snapshot;
use crate::pipeline::SharedFiles;

pub use super::paths::{OVERLAY_CSS_PATH, OVERLAY_PATH, RELOAD_JS_PATH};

const RELOAD_JS: &str = include_str!("client/reload.js");
const OVERLAY_CSS: &str = include_str!("client/overlay.css");

/// A whole answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    pub fn text(status: u16, text: &str) -> Reply {
        Reply::new(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_string()));
        self
    }
}

/// The answer to a GET of `path` (percent-encoded, without query).
pub fn answer(path: &str, snapshot: &Snapshot) -> Reply {
    match path {
        RELOAD_JS_PATH => {
            return Reply::new(200, content_type("x.js"), RELOAD_JS.as_bytes().to_vec());
        }
        OVERLAY_CSS_PATH => {
            return Reply::new(200, content_type("x.css"), OVERLAY_CSS.as_bytes().to_vec());
        }
        OVERLAY_PATH => {
            let panel = snapshot.overlay.as_deref().unwrap_or("");
            return Reply::new(200, content_type("x.html"), panel.as_bytes().to_vec());
        }
        _ => {}
    }
    let Some(files) = &snapshot.files else {
        // No good build yet: whatever was asked, show why.
        return Reply::new(503, content_type("x.html"), inject::problems_page(snapshot));
    };
    let (status, key) = match lookup(files, path) {
        Lookup::Found(key) => (200, key),
        Lookup::AddSlash(location) => {
            return Reply::text(301, "moved\n").with_header("Location", &location);
        }
        Lookup::NotFound if files.contains_key("404.html") => (404, "404.html".to_string()),
        Lookup::NotFound => return Reply::text(404, "not found\n"),
    };
    let bytes = files
        .get(key.as_str())
        .map(|b| b.to_vec())
        .unwrap_or_default();
    let content_type = content_type(&key);
    let bytes = if status == 404 {
        inject::with_root_base(&bytes)
    } else {
        bytes
    };
    let body = if content_type.starts_with("text/html") {
        inject::inject(&bytes, snapshot)
    } else {
        bytes
    };
    Reply::new(status, content_type, body)
}

/// A file of the site (not a page, whose panel and script change with each
/// save) may be kept by the browser if it asks first: its ETag is a hash of
/// its bytes, and an unchanged file is answered `304` without them. Saves a
/// reload the site's fonts, styles and pictures.
pub fn revalidated(reply: Reply, if_none_match: Option<&str>) -> Reply {
    let content_type = reply
        .headers
        .iter()
        .find(|(name, _)| *name == "Content-Type")
        .map(|(_, value)| value.as_str())
        .unwrap_or("");
    if reply.status != 200 || content_type.starts_with("text/html") {
        return reply;
    }
    let tag = etag(&reply.body);
    let matched = if_none_match.is_some_and(|sent| sent.split(',').any(|t| t.trim() == tag));
    let reply = if matched {
        Reply {
            status: 304,
            headers: Vec::new(),
            body: Vec::new(),
        }
    } else {
        reply
    };
    reply
        .with_header("ETag", &tag)
        .with_header("Cache-Control", "no-cache")
}

fn etag(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:016x}-{}\"", hasher.finish(), bytes.len())
}

/// What a path maps to in the built site.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(String),
    /// A folder asked for without its slash: relative links need it. The
    /// location is always a path on this server (`/x/`), never `//x/`,
    /// which a browser would read as another host.
    AddSlash(String),
    NotFound,
}

pub fn lookup(files: &SharedFiles, path: &str) -> Lookup {
    let Some(decoded) = percent_decode(path) else {
        return Lookup::NotFound;
    };
    // `\` is a slash to a browser reading a Location; no page has one.
    if decoded.contains('\\') || path.contains('\\') {
        return Lookup::NotFound;
    }
    let relative = decoded.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return Lookup::NotFound;
    }
    let key = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    if files.contains_key(key.as_str()) {
        Lookup::Found(key)
    } else if files.contains_key(format!("{relative}/index.html").as_str()) {
        Lookup::AddSlash(format!("/{}/", path.trim_start_matches('/')))
    } else {
        Lookup::NotFound
    }
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
    use std::sync::Arc;

    use super::*;

    fn files(paths: &[&str]) -> SharedFiles {
        let page: Arc<[u8]> = Arc::from(&b"<html><head></head><body></body></html>"[..]);
        paths
            .iter()
            .map(|p| (Arc::from(*p), Arc::clone(&page)))
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
        assert_eq!(
            lookup(&site, "/van-ban"),
            Lookup::AddSlash("/van-ban/".into())
        );
        assert_eq!(
            lookup(&site, "/style.css"),
            Lookup::Found("style.css".into())
        );
        assert_eq!(
            lookup(&site, "/files/b%E1%BA%A3n%20k%C3%BD.pdf"),
            Lookup::Found("files/bản ký.pdf".into())
        );
        for missing in [
            "/nope",
            "/../index.html",
            "/%zz",
            "/%FF",
            "/\\van-ban",
            "/%5Cvan-ban",
        ] {
            assert_eq!(lookup(&site, missing), Lookup::NotFound, "{missing}");
        }
    }

    #[test]
    fn a_redirect_never_names_another_host() {
        let site = files(&["van-ban/index.html"]);
        for path in ["//van-ban", "///van-ban", "/van-ban"] {
            assert_eq!(
                lookup(&site, path),
                Lookup::AddSlash("/van-ban/".into()),
                "{path}"
            );
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
            files: Some(Arc::new(site)),
            ..Snapshot::default()
        };
        let reply = answer("/nope/", &snapshot);
        assert_eq!(reply.status, 404);
        assert!(String::from_utf8_lossy(&reply.body).contains("not here"));
    }

    #[test]
    fn files_are_revalidated_pages_never_kept() {
        let css = Reply::new(200, "text/css; charset=utf-8", b"body{}".to_vec());
        let first = revalidated(css.clone(), None);
        let tag = first
            .headers
            .iter()
            .find(|(n, _)| *n == "ETag")
            .map(|(_, v)| v.clone())
            .unwrap();
        assert!(
            first
                .headers
                .contains(&("Cache-Control", "no-cache".into()))
        );
        let again = revalidated(css, Some(&tag));
        assert_eq!((again.status, again.body.len()), (304, 0));
        let changed = Reply::new(200, "text/css; charset=utf-8", b"body{x}".to_vec());
        assert_eq!(revalidated(changed, Some(&tag)).status, 200);
        let page = Reply::new(200, "text/html; charset=utf-8", b"<p>".to_vec());
        let page = revalidated(page, Some("*"));
        assert_eq!(page.status, 200);
        assert!(!page.headers.iter().any(|(n, _)| *n == "ETag"));
    }

    #[test]
    fn the_client_files_are_served() {
        let snapshot = Snapshot::default();
        let js = answer(RELOAD_JS_PATH, &snapshot);
        assert_eq!(js.status, 200);
        assert!(
            js.headers
                .contains(&("Content-Type", "text/javascript; charset=utf-8".into()))
        );
        assert!(String::from_utf8_lossy(&js.body).contains("EventSource('/__loaxa/events')"));
        let css = answer(OVERLAY_CSS_PATH, &snapshot);
        assert!(String::from_utf8_lossy(&css.body).contains("#loaxa-overlay"));
    }
}
