//! `loaxa serve` as an officer uses it: the real binary on 127.0.0.1, a
//! browser's requests, saves in an editor.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;

const CAMPAIGN: &str = "data/campaigns/i-hatinh.yaml";
const CAMPAIGN_PAGE: &str = "/chien-dich/i-hatinh/";
/// The problems panel, when the newest save has errors.
const ERROR_PANEL: &str = "data-kind=\"error\"";
/// Long enough for a slow CI machine to notice a save and rebuild.
const PATIENCE: Duration = Duration::from_secs(20);

/// The running preview; killed when the test ends, even by a panic.
struct Preview {
    child: Child,
    port: u16,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    /// Starts `loaxa serve` on a port the system picks, and reads the
    /// address it prints.
    fn start(root: &Path) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_loaxa"))
            .args(["serve", "--port", "0", "--today", TODAY, "--root"])
            .arg(root)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start loaxa serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        drain(child.stderr.take().expect("stderr"), Arc::clone(&stderr));
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut preview = Preview {
            child,
            port: 0,
            stderr,
        };
        let line = rx
            .recv_timeout(PATIENCE)
            .unwrap_or_else(|_| panic!("no address printed; stderr:\n{}", preview.log()));
        preview.port = port_in(&line).unwrap_or_else(|| panic!("no address in {line:?}"));
        preview
    }

    fn log(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Waits until the server's stderr (read on its own thread) has `needle`.
    fn wait_log(&self, needle: &str) {
        let start = Instant::now();
        while !self.log().contains(needle) {
            if start.elapsed() > PATIENCE {
                panic!("{needle:?} not in the server log:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn get(&self, path: &str) -> Reply {
        get(self.port, path).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", self.log()))
    }

    /// Polls `path` until `done` holds for the reply, or fails after `PATIENCE`.
    fn wait_for(&self, path: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let start = Instant::now();
        loop {
            let reply = self.get(path);
            if done(&reply) {
                return reply;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "{what}: not seen on {path} after {PATIENCE:?}.\nLast body:\n{}\nServer log:\n{}",
                    reply.body,
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn drain(stream: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Ok(mut log) = into.lock() {
                log.push_str(&line);
                log.push('\n');
            }
        }
    });
}

/// `… http://127.0.0.1:41234/ …` → 41234.
fn port_in(line: &str) -> Option<u16> {
    let rest = &line[line.find("http://127.0.0.1:")? + "http://127.0.0.1:".len()..];
    rest.split('/').next()?.parse().ok()
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

/// A bare HTTP/1.1 GET to 127.0.0.1, with bounded waits.
fn get(port: u16, path: &str) -> std::io::Result<Reply> {
    let mut stream = connect(port)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok(Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    })
}

fn connect(port: u16) -> std::io::Result<TcpStream> {
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    Ok(stream)
}

/// Writes a file the way an editor saves it.
fn save(root: &Path, relative: &str, text: &str) {
    fs::write(root.join(relative), text).expect("save");
}

#[test]
fn preview_rebuilds_on_save_shows_errors_and_recovers() {
    let site = copy_site(&repo_root());
    let root = site.path();
    let original = fs::read_to_string(root.join(CAMPAIGN)).unwrap();
    let preview = Preview::start(root);

    let home = preview.get("/");
    assert_eq!(home.status, 200, "{}", home.head);
    assert_contains!(home.body, "Xã Lộc Hà", "<script src=\"/__loaxa/reload.js\"");
    // Nothing inline: the pages' Content-Security-Policy would block it.
    assert_lacks!(home.body, "<script>", " onclick=", "EventSource");
    assert_contains!(home.head.to_lowercase(), "content-type: text/html");

    // A new figure: the campaign page changes by itself.
    let edited = original.replace("count: 1299", "count: 1400");
    assert_ne!(edited, original);
    save(root, CAMPAIGN, &edited);
    let page = preview.wait_for(CAMPAIGN_PAGE, "the new count", |r| r.body.contains("1.400"));
    assert_lacks!(page.body, ERROR_PANEL);
    // Only what the figure touches was made again.
    preview.wait_log("giữ nguyên");

    // A new notice: its page and the list.
    save(
        root,
        "content/notices/2026-06-09-moi.md",
        "---\ntitle: Thông báo lịch trực mới\ndate: 2026-06-09\n---\nNội dung.\n",
    );
    preview.wait_for("/van-ban/", "the new notice", |r| {
        r.body.contains("Thông báo lịch trực mới")
    });
    let notice = preview.get("/van-ban/2026-06-09-moi/");
    assert_eq!(notice.status, 200);

    // A typo: the last good page stays, with the errors above it.
    let typo = edited.replace("population: 29226", "popluation: 1");
    assert_ne!(typo, edited);
    let line = typo.lines().position(|l| l.contains("popluation")).unwrap() + 1;
    save(root, CAMPAIGN, &typo);
    let page = preview.wait_for(CAMPAIGN_PAGE, "the overlay", |r| {
        r.body.contains(ERROR_PANEL)
    });
    assert_contains!(
        page.body,
        "popluation",
        &format!("data/campaigns/i-hatinh.yaml:{line}:5"),
        "population",
        "1.400"
    );
    assert!(
        preview.log().contains("popluation") || {
            std::thread::sleep(Duration::from_secs(1));
            preview.log().contains("popluation")
        }
    );

    // Fixed: the overlay goes.
    save(root, CAMPAIGN, &edited);
    preview.wait_for(CAMPAIGN_PAGE, "the overlay gone", |r| {
        !r.body.contains(ERROR_PANEL) && r.body.contains("1.400")
    });

    // Editor scratch files do not count as saves: no rebuild follows. (The
    // log is read on its own thread: let it catch up first.)
    std::thread::sleep(Duration::from_millis(500));
    let builds = || preview.log().matches("Đã dựng").count();
    let before = builds();
    save(root, "data/campaigns/4913", "x");
    save(root, "data/campaigns/i-hatinh.yaml~", "x");
    save(root, "data/.site.yaml.swp", "x");
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(builds(), before, "{}", preview.log());

    // The preview writes nothing to disk.
    assert!(!root.join("public").exists());
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let site = copy_site(&repo_root());
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_loaxa"))
        .args([
            "serve",
            "--today",
            TODAY,
            "--port",
            &port.to_string(),
            "--root",
        ])
        .arg(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    drain(child.stderr.take().unwrap(), Arc::clone(&stderr));
    let mut line = String::new();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let _ = reader.read_line(&mut line);
        let _ = tx.send(line);
    });
    let preview = Preview {
        child,
        port: 0,
        stderr,
    };
    let line = rx.recv_timeout(PATIENCE).unwrap_or_default();
    let moved = port_in(&line).unwrap_or_else(|| panic!("{line:?}\n{}", preview.log()));
    assert!(moved > port, "{line}");
    preview.wait_log(&format!("Cổng {port} đang bận"));
    assert_eq!(get(moved, "/").unwrap().status, 200);
}

#[test]
fn files_types_404_and_the_event_stream() {
    let site = copy_site(&repo_root());
    let preview = Preview::start(site.path());

    let css = preview.get("/style.css");
    assert_eq!(css.status, 200);
    assert_contains!(css.head.to_lowercase(), "content-type: text/css");
    assert_lacks!(css.body, "__loaxa");

    let folder = preview.get("/van-ban");
    assert_eq!(folder.status, 301);
    assert_contains!(folder.head, "Location: /van-ban/");
    // `//van-ban/` would be another host to a browser.
    for path in ["//van-ban", "///van-ban"] {
        let folder = preview.get(path);
        assert_eq!(folder.status, 301, "{path}");
        assert_contains!(folder.head, "Location: /van-ban/\r\n");
        assert_lacks!(folder.head, "Location: //");
    }

    let missing = preview.get("/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert_contains!(missing.body, "<base href=\"/\">", "/__loaxa/reload.js");

    let script = preview.get("/__loaxa/reload.js");
    assert_eq!(script.status, 200);
    assert_contains!(script.head.to_lowercase(), "content-type: text/javascript");
    assert_contains!(script.body, "EventSource('/__loaxa/events')");
    let style = preview.get("/__loaxa/overlay.css");
    assert_contains!(style.head.to_lowercase(), "content-type: text/css");
    assert_contains!(style.body, "position: fixed");

    let mut stream = connect(preview.port).unwrap();
    write!(
        stream,
        "GET /__loaxa/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let head = read_until(&mut stream, "data:");
    assert_contains!(
        head,
        "200 OK",
        "Content-Type: text/event-stream",
        "event: state",
        "\"build\":"
    );
}

#[test]
fn a_site_that_never_built_shows_only_the_errors() {
    let site = copy_site(&repo_root());
    let campaign = site.path().join(CAMPAIGN);
    let text = fs::read_to_string(&campaign).unwrap();
    fs::write(
        &campaign,
        text.replace("population: 29226", "popluation: 1"),
    )
    .unwrap();
    let preview = Preview::start(site.path());
    let page = preview.get("/");
    assert_eq!(page.status, 503);
    assert_contains!(page.body, ERROR_PANEL, "popluation", "i-hatinh.yaml:");
    // Fixing it brings the site.
    fs::write(&campaign, text).unwrap();
    preview.wait_for("/", "the home page", |r| r.status == 200);
}

/// Reads from an open stream until `marker` appears (or 10 s pass).
fn read_until(stream: &mut TcpStream, marker: &str) -> String {
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
        if String::from_utf8_lossy(&seen).contains(marker) {
            break;
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn the_address_is_parsed_from_the_announcement() {
    assert_eq!(
        port_in("Xem trước tại http://127.0.0.1:1112/ — trang tự cập nhật"),
        Some(1112)
    );
    assert_eq!(port_in("nothing here"), None);
}

/// Sends `head` as is and reads the status of the answer.
fn raw_status(port: u16, head: &[u8]) -> u16 {
    let mut stream = connect(port).expect("connect");
    let _ = stream.write_all(head);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn only_this_computers_names_are_answered() {
    let site = copy_site(&repo_root());
    let preview = Preview::start(site.path());
    let port = preview.port;
    for host in [
        "127.0.0.1",
        "localhost",
        &format!("localhost:{port}"),
        "[::1]:1",
    ] {
        let head = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(raw_status(port, head.as_bytes()), 200, "{host}");
    }
    // A page elsewhere whose name was pointed at 127.0.0.1 (DNS rebinding)
    // must not read the preview (it holds drafts).
    for host in [
        "rebind.example",
        &format!("rebind.example:{port}"),
        "127.0.0.1.nip.io",
    ] {
        let head = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(raw_status(port, head.as_bytes()), 421, "{host}");
    }
    assert_eq!(raw_status(port, b"GET / HTTP/1.0\r\n\r\n"), 421);
    assert_eq!(
        raw_status(port, b"POST / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        405
    );
}

#[test]
fn a_huge_request_line_is_refused_without_reading_it_all() {
    let site = copy_site(&repo_root());
    let preview = Preview::start(site.path());
    let mut stream = connect(preview.port).unwrap();
    let started = Instant::now();
    // 64 MB of request line: the server answers after 16 KB and closes,
    // so the writing stops with an error long before the end.
    let chunk = vec![b'a'; 1 << 20];
    let _ = stream.write_all(b"GET /");
    let mut sent = 0usize;
    for _ in 0..64 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
        sent += chunk.len();
    }
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let answer = String::from_utf8_lossy(&raw);
    assert!(
        answer.starts_with("HTTP/1.1 414") || sent < 64 << 20,
        "sent {sent} bytes, answer {answer:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(15));
    assert_eq!(preview.get("/").status, 200, "{}", preview.log());
}

/// The number of threads of a process (Linux).
fn threads_of(pid: u32) -> usize {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn half_sent_requests_are_bounded_and_timed_out() {
    let site = copy_site(&repo_root());
    let preview = Preview::start(site.path());
    let before = threads_of(preview.child.id());
    // 300 connections that send half a request head and then nothing.
    let mut idle: Vec<TcpStream> = (0..300)
        .filter_map(|_| {
            let mut s = connect(preview.port).ok()?;
            s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").ok()?;
            Some(s)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let during = threads_of(preview.child.id());
    assert!(
        during <= before + loaxa::serve::MAX_CONNECTIONS + 2,
        "{during} threads with 300 idle connections (before: {before})"
    );
    // Each is answered (408) and closed once its time is up.
    std::thread::sleep(loaxa::serve::HEAD_DEADLINE + Duration::from_secs(2));
    let mut closed = 0;
    for stream in &mut idle {
        let mut raw = Vec::new();
        if stream.read_to_end(&mut raw).is_ok() {
            closed += 1;
        }
    }
    assert_eq!(closed, idle.len());
    assert_eq!(preview.get("/").status, 200, "{}", preview.log());
}

#[test]
fn open_tabs_never_starve_pages() {
    let site = copy_site(&repo_root());
    let preview = Preview::start(site.path());
    // 130 event streams, as 130 open tabs (or a hostile page) would hold.
    let streams: Vec<TcpStream> = (0..130)
        .filter_map(|_| {
            let mut s = connect(preview.port).ok()?;
            s.write_all(b"GET /__loaxa/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .ok()?;
            Some(s)
        })
        .collect();
    assert_eq!(streams.len(), 130);
    std::thread::sleep(Duration::from_millis(500));
    for path in ["/", "/van-ban/", "/style.css"] {
        assert_eq!(preview.get(path).status, 200, "{path}: {}", preview.log());
    }
    drop(streams);
}

/// playwright-core and Chromium, or `None` (a failure under `CI=true`,
/// where `.ci/run` installs them).
fn browser_tools() -> Option<std::path::PathBuf> {
    let modules = repo_root().join("tests/browser/node_modules");
    let ready = modules.join("playwright-core").is_dir()
        && Path::new("/usr/bin/chromium").exists()
        && Command::new("node").arg("--version").output().is_ok();
    if ready {
        return Some(modules);
    }
    assert!(
        std::env::var("CI").is_err(),
        "browser tools missing in CI: .ci/run must install chromium and tests/browser/node_modules"
    );
    eprintln!("SKIPPED: install chromium and run `npm install` in tests/browser/");
    None
}

/// Runs tests/browser/live-reload.cjs with a plan; its JSON report.
fn live_reload(modules: &Path, mode: &str, plan: &serde_json::Value) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let plan_file = dir.path().join("plan.json");
    fs::write(&plan_file, plan.to_string()).unwrap();
    let output = Command::new("node")
        .arg(repo_root().join("tests/browser/live-reload.cjs"))
        .arg(mode)
        .arg(&plan_file)
        .env("NODE_PATH", modules)
        .current_dir(repo_root().join("tests/browser"))
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "live-reload.cjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

#[test]
fn in_chromium_a_save_reloads_the_tab_and_an_error_shows_on_top() {
    let Some(modules) = browser_tools() else {
        return;
    };
    let site = copy_site(&repo_root());
    let root = site.path();
    let original = fs::read_to_string(root.join(CAMPAIGN)).unwrap();
    let good = original.replace("count: 1299", "count: 1400");
    let broken = good.replace("population: 29226", "popluation: 29226");
    let broken2 = good.replace("population: 29226", "population: 29.226");
    let line = broken
        .lines()
        .position(|l| l.contains("popluation"))
        .unwrap()
        + 1;
    let preview = Preview::start(root);
    let plan = serde_json::json!({
        "url": format!("http://127.0.0.1:{}{CAMPAIGN_PAGE}", preview.port),
        "file": root.join(CAMPAIGN),
        "good": good,
        "broken": broken,
        "broken2": broken2,
        "fixed": good,
        "expect": "1.400",
    });
    let report = live_reload(&modules, "check", &plan);
    let log = preview.log();
    let shown = format!("{report:#}\n{log}");
    // Nothing the page's own policy blocks, no script error.
    assert_eq!(report["csp_violations"], serde_json::json!([]), "{shown}");
    assert_eq!(report["page_errors"], serde_json::json!([]), "{shown}");
    // The good save reloaded the tab by itself.
    assert_eq!(report["shows_new_figure"], true, "{shown}");
    // The broken save: the panel over the top of the viewport, focused,
    // announced, naming the place and the fix, over the last good page.
    let broken = &report["broken"];
    assert_eq!(broken["position"], "fixed", "{shown}");
    assert_eq!(broken["top"], 0, "{shown}");
    assert_eq!(broken["onTop"], true, "{shown}");
    assert_eq!(broken["focused"], true, "{shown}");
    assert_eq!(broken["role"], "alert", "{shown}");
    assert_eq!(broken["reloaded"], false, "{shown}");
    assert_eq!(broken["page_kept"], true, "{shown}");
    assert_eq!(broken["axe_violations"], serde_json::json!([]), "{shown}");
    let text = broken["text"].as_str().unwrap_or("");
    assert_contains!(
        text,
        &format!("data/campaigns/i-hatinh.yaml:{line}:5"),
        "popluation",
        "population",
        "bản dựng đúng gần nhất"
    );
    // Its button closes it; the next broken save brings a new one, saying
    // what to write instead of 29.226.
    assert!(report["after_close"].is_null(), "{shown}");
    assert_contains!(report["broken2"]["text"].as_str().unwrap_or(""), "29226");
    // Fixed: gone by itself (the site's standing warning stays as a bar at
    // the bottom), the page still there.
    let after_fix = &report["after_fix"];
    assert!(
        after_fix.is_null() || (after_fix["kind"] == "warning" && after_fix["onTop"] == false),
        "{shown}"
    );
    assert_eq!(report["after_fix_shows"], true, "{shown}");
}

#[test]
fn a_draft_the_preview_does_not_show_is_named_with_how_to_see_it() {
    let site = copy_site(&repo_root());
    let preview = Preview::start(site.path());
    save(
        site.path(),
        "content/notices/2026-11-03-nhap.md",
        "---\ntitle: Kế hoạch còn nháp\ndate: 2026-11-03\ndraft: true\n---\nNội dung.\n",
    );
    preview.wait_log("content/notices/2026-11-03-nhap.md");
    assert_contains!(preview.log(), "draft: true", "loaxa serve --drafts");
    let page = preview.wait_for("/", "the draft named", |r| {
        r.body
            .contains("Bản nháp: content/notices/2026-11-03-nhap.md")
    });
    assert_contains!(page.body, "loaxa serve --drafts");
    assert_lacks!(page.body, "Kế hoạch còn nháp");
}
