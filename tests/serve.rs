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
    assert_contains!(home.body, "Xã Lộc Hà", "/__loaxa/events");
    assert_contains!(home.head.to_lowercase(), "content-type: text/html");

    // A new figure: the campaign page changes by itself.
    let edited = original.replace("count: 1299", "count: 1400");
    assert_ne!(edited, original);
    save(root, CAMPAIGN, &edited);
    let page = preview.wait_for(CAMPAIGN_PAGE, "the new count", |r| r.body.contains("1.400"));
    assert_lacks!(page.body, "loaxa-overlay");
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
        r.body.contains("loaxa-overlay")
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
        !r.body.contains("loaxa-overlay") && r.body.contains("1.400")
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

    let missing = preview.get("/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert_contains!(missing.body, "<base href=\"/\">", "/__loaxa/events");

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
        "event: reload"
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
    assert_contains!(page.body, "loaxa-overlay", "popluation", "i-hatinh.yaml:");
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
