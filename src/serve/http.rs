//! The preview's HTTP/1.1 server: GET and HEAD only, one request per
//! connection, for a browser on this computer.
//!
//! Bounded against a careless or hostile page (a preview holds drafts):
//! - only `Host: 127.0.0.1`, `localhost` or `[::1]` (any port) is answered,
//!   so a web page whose name was pointed at 127.0.0.1 (DNS rebinding)
//!   cannot read the preview;
//! - a request head must arrive whole within [`HEAD_DEADLINE`] and fit in
//!   [`MAX_HEAD`] bytes, else the connection is answered and closed;
//! - at most [`MAX_CONNECTIONS`] requests are read or answered at once, and
//!   the event streams that open tabs keep have their own [`MAX_STREAMS`],
//!   so tabs left open never starve pages;
//! - a redirect only ever adds a slash to a path on this server.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use super::pages::{self, Reply};
use super::state::State;

/// Where the browser listens for rebuilds.
pub const EVENTS_PATH: &str = "/__loaxa/events";

/// The longest request head (request line and headers) read. A browser's
/// is under 2 KB.
pub const MAX_HEAD: usize = 16 * 1024;
/// The longest request line (method, path, version).
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// Time for a whole request head to arrive.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// Requests being read or answered at once.
pub const MAX_CONNECTIONS: usize = 64;
/// Open event streams (one per open tab).
pub const MAX_STREAMS: usize = 64;
/// How long a write may wait for a browser that stopped reading.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How often an idle event stream sends a comment, which also notices a
/// closed tab (the write fails).
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Serves until the process ends.
pub fn serve(listener: TcpListener, state: Arc<State>) {
    let connections = Arc::new(AtomicUsize::new(0));
    let streams = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let Some(permit) = Permit::take(&connections, MAX_CONNECTIONS) else {
            // Answered without reading: nothing here can wait.
            let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
            let _ = write_reply(&mut stream, &Reply::text(503, "busy, try again\n"), false);
            continue;
        };
        let state = Arc::clone(&state);
        let streams = Arc::clone(&streams);
        // The system may refuse a thread: that request is dropped (its
        // permit with it), the server goes on.
        let _ = std::thread::Builder::new()
            .name("loaxa-request".into())
            .spawn(move || handle(stream, &state, permit, &streams));
    }
}

/// A place among at most `max`, given back when dropped.
struct Permit(Arc<AtomicUsize>);

impl Permit {
    fn take(count: &Arc<AtomicUsize>, max: usize) -> Option<Permit> {
        count
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()
            .map(|_| Permit(Arc::clone(count)))
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn handle(mut stream: TcpStream, state: &State, permit: Permit, streams: &Arc<AtomicUsize>) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let request = match read_request(&mut stream) {
        Ok(request) => request,
        Err(Refusal::Closed) => return,
        Err(Refusal::Reply(reply)) => {
            let _ = write_reply(&mut stream, &reply, false);
            return;
        }
    };
    let head_only = request.method == "HEAD";
    if request.path == EVENTS_PATH && !head_only {
        drop(permit);
        match Permit::take(streams, MAX_STREAMS) {
            Some(stream_permit) => events(stream, state, stream_permit),
            None => {
                let reply = Reply::text(503, "too many open tabs\n");
                let _ = write_reply(&mut stream, &reply, false);
            }
        }
        return;
    }
    let reply = pages::answer(&request.path, &state.snapshot());
    let reply = pages::revalidated(reply, request.if_none_match.as_deref());
    let _ = write_reply(&mut stream, &reply, head_only);
}

/// What a request asks for, once it passed every check.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path, without query or fragment.
    pub path: String,
    /// The `If-None-Match` the browser sent: the version of a file it has.
    pub if_none_match: Option<String>,
}

/// Why a request is not answered normally.
pub enum Refusal {
    /// The browser went away (or sent nothing in time): nothing to answer.
    Closed,
    Reply(Reply),
}

fn read_request(stream: &mut TcpStream) -> Result<Request, Refusal> {
    let head = read_head(stream)?;
    parse_head(&head)
}

/// Reads up to the blank line that ends a request head, within
/// [`HEAD_DEADLINE`] in all and [`MAX_HEAD`] bytes.
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Refusal> {
    let deadline = Instant::now() + HEAD_DEADLINE;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(timeout());
        }
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| Refusal::Closed)?;
        let n = match stream.read(&mut buf) {
            Ok(0) => return Err(Refusal::Closed),
            Ok(n) => n,
            Err(err) if is_timeout(&err) => return Err(timeout()),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(Refusal::Closed),
        };
        let searched_from = head.len().saturating_sub(3);
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = find_head_end(&head[searched_from..]) {
            head.truncate(searched_from + end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(too_large(&head));
        }
    }
}

fn is_timeout(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn timeout() -> Refusal {
    Refusal::Reply(Reply::text(408, "request head too slow\n"))
}

fn too_large(head: &[u8]) -> Refusal {
    let line_end = head.iter().position(|&b| b == b'\n');
    if line_end.is_none_or(|end| end > MAX_REQUEST_LINE) {
        Refusal::Reply(Reply::text(414, "request line too long\n"))
    } else {
        Refusal::Reply(Reply::text(431, "request headers too large\n"))
    }
}

/// Where the head ends: just after `\r\n\r\n` (or a bare `\n\n`).
fn find_head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Checks a whole request head: its size, method and host.
pub fn parse_head(head: &[u8]) -> Result<Request, Refusal> {
    if head.len() > MAX_HEAD {
        return Err(too_large(head));
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Err(Refusal::Reply(Reply::text(431, "too many headers\n")));
        }
        _ => return Err(Refusal::Reply(Reply::text(400, "bad request\n"))),
    }
    let method = parsed.method.unwrap_or_default().to_string();
    let target = parsed.path.unwrap_or_default();
    if target.len() > MAX_REQUEST_LINE {
        return Err(Refusal::Reply(Reply::text(414, "request line too long\n")));
    }
    if !matches!(method.as_str(), "GET" | "HEAD") {
        let reply = Reply::text(405, "only GET and HEAD\n").with_header("Allow", "GET, HEAD");
        return Err(Refusal::Reply(reply));
    }
    let host = parsed
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("host"))
        .map(|h| h.value);
    if !host.is_some_and(is_local_host) {
        return Err(Refusal::Reply(Reply::text(
            421,
            "this preview answers only http://127.0.0.1 or http://localhost\n",
        )));
    }
    if !target.starts_with('/') {
        return Err(Refusal::Reply(Reply::text(400, "bad request\n")));
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let if_none_match = parsed
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("if-none-match"))
        .and_then(|h| std::str::from_utf8(h.value).ok())
        .map(|v| v.trim().to_string());
    Ok(Request {
        method,
        path,
        if_none_match,
    })
}

/// `127.0.0.1`, `localhost` or `[::1]`, with any port: the names this
/// computer has for itself, never a name from the network.
pub fn is_local_host(value: &[u8]) -> bool {
    let Ok(value) = std::str::from_utf8(value) else {
        return false;
    };
    let value = value.trim().to_ascii_lowercase();
    let name = if let Some(rest) = value.strip_prefix("[::1]") {
        if rest.is_empty() || is_port(rest) {
            return true;
        }
        return false;
    } else {
        match value.rsplit_once(':') {
            Some((name, port)) if is_port(&format!(":{port}")) => name.to_string(),
            Some(_) => return false,
            None => value,
        }
    };
    matches!(name.as_str(), "127.0.0.1" | "localhost" | "localhost.")
}

/// `:1111`: a colon and one to five digits.
fn is_port(text: &str) -> bool {
    text.strip_prefix(':').is_some_and(|digits| {
        (1..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Writes a whole reply and closes (one request per connection).
fn write_reply(stream: &mut TcpStream, reply: &Reply, head_only: bool) -> io::Result<()> {
    let mut out = Vec::with_capacity(256 + reply.body.len());
    write!(
        out,
        "HTTP/1.1 {} {}\r\n",
        reply.status,
        reason(reply.status)
    )?;
    for (name, value) in &reply.headers {
        write!(out, "{name}: {value}\r\n")?;
    }
    // A preview must always show the newest save: nothing is kept unless
    // the reply says how to check it (a file's ETag).
    if !reply
        .headers
        .iter()
        .any(|(name, _)| *name == "Cache-Control")
    {
        out.extend_from_slice(b"Cache-Control: no-store\r\n");
    }
    write!(
        out,
        "Content-Length: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        reply.body.len()
    )?;
    if !head_only {
        out.extend_from_slice(&reply.body);
    }
    stream.write_all(&out)?;
    stream.flush()?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Server-sent events: the current state at once, then each new one, with
/// a comment now and then to notice a tab that was closed.
fn events(mut stream: TcpStream, state: &State, _permit: Permit) {
    let updates = state.subscribe();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n";
    let now = state.snapshot();
    if send(&mut stream, head).is_err()
        || send(&mut stream, &state_event(now.build, now.report)).is_err()
    {
        return;
    }
    loop {
        let message = match updates.recv_timeout(KEEPALIVE) {
            Ok((build, report)) => state_event(build, report),
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut stream, &message).is_err() {
            return;
        }
    }
}

/// `event: state` with the build and report numbers the page compares with
/// its own (see client/reload.js).
fn state_event(build: u64, report: u64) -> String {
    format!("event: state\ndata: {{\"build\":{build},\"report\":{report}}}\n\n")
}

fn send(stream: &mut TcpStream, text: &str) -> io::Result<()> {
    stream.write_all(text.as_bytes())?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_with(head: &[u8]) -> u16 {
        match parse_head(head) {
            Ok(request) => panic!("accepted: {request:?}"),
            Err(Refusal::Reply(reply)) => reply.status,
            Err(Refusal::Closed) => 0,
        }
    }

    #[test]
    fn local_host_names_only() {
        for ok in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "LOCALHOST:8080",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(is_local_host(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "127.0.0.2",
            "127.0.0.1:",
            "127.0.0.1:99999x",
            "[::1]x",
            "",
            "0.0.0.0",
        ] {
            assert!(!is_local_host(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn heads_are_checked() {
        let ok = parse_head(b"GET /van-ban/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:1111\r\n\r\n");
        assert!(matches!(ok, Ok(Request { ref path, .. }) if path == "/van-ban/"));
        assert_eq!(
            refused_with(b"GET / HTTP/1.1\r\nHost: rebind.example:1111\r\n\r\n"),
            421
        );
        assert_eq!(refused_with(b"GET / HTTP/1.1\r\n\r\n"), 421);
        assert_eq!(
            refused_with(b"POST / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
            405
        );
        assert_eq!(refused_with(b"garbage\r\n\r\n"), 400);
        let long = format!(
            "GET /{} HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "a".repeat(9000)
        );
        assert_eq!(refused_with(long.as_bytes()), 414);
        let many: String = (0..70).map(|i| format!("X-{i}: y\r\n")).collect();
        let head = format!("GET / HTTP/1.1\r\nHost: localhost\r\n{many}\r\n");
        assert_eq!(refused_with(head.as_bytes()), 431);
    }

    #[test]
    fn head_ends() {
        assert_eq!(find_head_end(b"GET / HTTP/1.1\r\n\r\nbody"), Some(18));
        assert_eq!(find_head_end(b"GET / HTTP/1.1\n\n"), Some(16));
        assert_eq!(find_head_end(b"GET / HTTP/1.1\r\n"), None);
    }

    #[test]
    fn permits_are_bounded_and_given_back() {
        let count = Arc::new(AtomicUsize::new(0));
        let a = Permit::take(&count, 2).unwrap();
        let _b = Permit::take(&count, 2).unwrap();
        assert!(Permit::take(&count, 2).is_none());
        drop(a);
        assert!(Permit::take(&count, 2).is_some());
    }
}
