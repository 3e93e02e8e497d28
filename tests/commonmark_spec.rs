//! The 652 examples of the CommonMark spec (npm package `commonmark-spec`,
//! installed in `tests/browser/`) as notice bodies of one site: every word
//! of each example's expected output is on its page. Raw HTML is shown as
//! text rather than used, so an example's words may sit beside the tags it
//! wrote, never lost. The few examples whose picture is not one of the
//! site's files are refused at their line instead, and exactly those.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use loaxa::diagnostic::Severity;
use loaxa::pipeline;

struct Example {
    number: usize,
    markdown: String,
    html: String,
}

/// The spec's examples, read by node from the npm package; `None` when
/// node or the package is missing (outside CI: `npm install` in
/// tests/browser/ once).
fn examples() -> Option<Vec<Example>> {
    let dir = repo_root().join("tests/browser");
    let script = "process.stdout.write(JSON.stringify(require('commonmark-spec').tests))";
    let run = Command::new("node")
        .args(["-e", script])
        .current_dir(&dir)
        .output();
    let json = match run {
        Ok(out) if out.status.success() => out.stdout,
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "commonmark-spec is missing: run `npm install` in tests/browser/"
            );
            eprintln!("skipped: node or commonmark-spec missing (npm install in tests/browser/)");
            return None;
        }
    };
    let tests: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    // The spec writes tabs as `→`.
    let text = |v: &serde_json::Value| v.as_str().expect("text").replace('→', "\t");
    Some(
        tests
            .as_array()
            .expect("array")
            .iter()
            .map(|t| Example {
                number: t["number"].as_u64().expect("number") as usize,
                markdown: text(&t["markdown"]),
                html: text(&t["html"]),
            })
            .collect(),
    )
}

fn notice_file(number: usize) -> String {
    format!("content/notices/2026-01-01-vd-{number:03}.md")
}

fn page_of(number: usize) -> String {
    format!("van-ban/2026-01-01-vd-{number:03}/index.html")
}

/// The words of an HTML text: the runs of letters and digits of each text
/// node (and `alt` value), entities decoded. Punctuation is no word: the
/// `**` around a word is formatting where Markdown is read, text where it
/// is not (inside an HTML block the spec leaves raw).
fn words(html: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let (text, after) = match rest.find('<') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        words.extend(split_words(&decode(text)));
        let Some(end) = after.find('>') else { break };
        let tag = &after[..=end];
        if let Some(alt) = attribute(tag, "alt") {
            words.extend(split_words(&decode(&alt)));
        }
        rest = &after[end + 1..];
    }
    words
}

fn split_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text of an HTML text with its `alt` values, for finding words in.
fn text_of(html: &str) -> String {
    words(html).join(" ")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_string())
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let entity = after.find(';').filter(|&e| e <= 10).map(|e| &after[..e]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let (digits, radix) = match e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                    Some(hex) => (hex, 16),
                    None => (e.strip_prefix('#')?, 10),
                };
                char::from_u32(u32::from_str_radix(digits, radix).ok()?)
            }
        });
        match (entity, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e.len() + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `%XX` escapes of a URL path decoded.
fn percent_decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes every example as a notice, and a picture in `static/` for each
/// local picture its expected output shows.
fn write_site(dir: &Path, examples: &[Example]) {
    copy_dir(&fixture("cho-don"), dir);
    for example in examples {
        let notice = format!(
            "---\ntitle: Ví dụ {}\ndate: 2026-01-01\n---\n{}",
            example.number, example.markdown
        );
        fs::write(dir.join(notice_file(example.number)), notice).unwrap();
        let mut rest = example.html.as_str();
        while let Some(i) = rest.find("<img src=\"") {
            rest = &rest[i + 10..];
            let src = decode(&percent_decoded(&rest[..rest.find('"').unwrap()]));
            if src.contains(':') || src.starts_with("//") {
                continue;
            }
            let file = dir.join("static").join(src.trim_start_matches('/'));
            if let Some(parent) = file.parent()
                && fs::create_dir_all(parent).is_ok()
            {
                let _ = fs::write(&file, png(1, 1));
            }
        }
    }
}

/// Examples refused (none: every picture of the spec is a plain path,
/// made in `static/` by [`write_site`]).
const REFUSED: &[(usize, &str)] = &[];

/// Words that are no longer text once the HTML before them is text and
/// the rest read as Markdown (read by hand from each example):
const NOT_TEXT: &[(usize, &str)] = &[
    // `<div></div>` then a fence: the spec keeps the fence as raw HTML
    // text; here it is a code block, and `c` names its language.
    (161, "c"),
    // `[foo]: <bar>(baz)`: with `<bar>` as text the line is a link
    // definition, and `baz` is in the address `[foo]` links to.
    (201, "baz"),
];

#[test]
fn every_word_of_every_example_is_on_its_page() {
    let Some(examples) = examples() else { return };
    assert_eq!(examples.len(), 652);
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &examples);
    // First: which examples are refused, and where.
    let outcome = pipeline::run(dir.path(), &options());
    let mut refused: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for d in outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        let example = examples
            .iter()
            .find(|e| d.file == Path::new(&notice_file(e.number)))
            .unwrap_or_else(|| panic!("an error outside the examples: {d:?}"));
        assert!(d.line >= 5, "located in the body: {d:?}");
        refused.entry(example.number).or_default().push(d.code);
    }
    let expected: BTreeMap<usize, Vec<&str>> =
        REFUSED.iter().map(|(n, code)| (*n, vec![*code])).collect();
    assert_eq!(refused, expected);
    for number in refused.keys() {
        fs::remove_file(dir.path().join(notice_file(*number))).unwrap();
    }
    // Then: the others build, and keep every word.
    let outcome = pipeline::run(dir.path(), &options());
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let files = outcome.files.expect("built");
    let mut lost = Vec::new();
    for example in examples.iter().filter(|e| !refused.contains_key(&e.number)) {
        let page = String::from_utf8_lossy(&files[&page_of(example.number)]).into_owned();
        let start = page.find("letter__body prose\">").expect("a body");
        let body = text_of(&page[start..page.find("</article>").expect("end")]);
        let missing: Vec<String> = words(&example.html)
            .into_iter()
            .filter(|w| !body.contains(w.as_str()))
            .filter(|w| !NOT_TEXT.contains(&(example.number, w.as_str())))
            .collect();
        if !missing.is_empty() {
            lost.push(format!("example {}: {missing:?}", example.number));
        }
    }
    assert!(
        lost.is_empty(),
        "{} examples lost words:\n{}",
        lost.len(),
        lost.join("\n")
    );
}
