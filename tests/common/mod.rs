//! Test harness: copy a fixture site into a temp dir, build it, read pages.
#![allow(dead_code)]

#[path = "../../examples/synth/synthetic/mod.rs"]
pub mod synthetic;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use loaxa::pipeline::{self, Options, Outcome, Today};

pub const TODAY: &str = "2026-11-23";

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/sites").join(name)
}

/// Copies a site folder (only its site files) into a fresh temp dir.
pub fn copy_site(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["data", "content", "themes", "static"] {
        let src = from.join(sub);
        if src.is_dir() {
            copy_dir(&src, &dir.path().join(sub));
        }
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn options() -> Options {
    Options {
        today: Today::Fixed(TODAY.parse().expect("date")),
        drafts: false,
        base_url: None,
    }
}

/// A built site in a temp dir.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub outcome: Outcome,
}

impl Built {
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// The text of an output file; panics with the file list when missing.
    pub fn page(&self, path: &str) -> String {
        let full = self.out().join(path);
        fs::read_to_string(&full).unwrap_or_else(|_| {
            let files = self
                .outcome
                .files
                .as_ref()
                .map(|f| f.keys().cloned().collect::<Vec<_>>());
            panic!("no {path} in the output; files: {files:?}")
        })
    }

    /// Only the `<main>` of a page, so assertions do not match the menu.
    pub fn main(&self, path: &str) -> String {
        let page = self.page(path);
        let start = page.find("<main").expect("a <main>");
        let end = page.find("</main>").expect("a </main>");
        page[start..end].to_string()
    }
}

pub fn build_dir(dir: tempfile::TempDir, options: &Options) -> Built {
    let out = dir.path().join("public");
    let outcome = pipeline::build(dir.path(), &out, options).expect("build io");
    Built { dir, outcome }
}

/// Builds a fixture from tests/sites/ (or the repo root for "") into a temp dir.
pub fn build_fixture(name: &str) -> Built {
    let from = if name.is_empty() {
        repo_root()
    } else {
        fixture(name)
    };
    build_dir(copy_site(&from), &options())
}

/// Writes files (path → text) into a new temp site.
pub fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        fs::write(full, text).expect("write");
    }
    dir
}

/// Runs the real binary.
pub fn loaxa(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_loaxa"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run loaxa")
}

/// Asserts a page contains every needle, showing the page on failure.
#[macro_export]
macro_rules! assert_contains {
    ($haystack:expr, $($needle:expr),+ $(,)?) => {{
        let hay: &str = &$haystack;
        $( assert!(hay.contains($needle), "expected {:?} in:\n{}", $needle, hay); )+
    }};
}

#[macro_export]
macro_rules! assert_lacks {
    ($haystack:expr, $($needle:expr),+ $(,)?) => {{
        let hay: &str = &$haystack;
        $( assert!(!hay.contains($needle), "did not expect {:?} in:\n{}", $needle, hay); )+
    }};
}

/// A synthetic site (examples/synth): `notices` notices of ~400 words and
/// `campaigns` campaigns with daily figures (sample data).
pub fn synth_site(notices: usize, campaigns: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = synthetic::Spec {
        notices,
        campaigns,
        seed: 1,
    };
    synthetic::write_site(&spec, dir.path(), &synthetic::commune_name(0), None)
        .expect("write the synthetic site");
    dir
}

/// A page's text as a reader sees it: tags dropped, entities read, spaces
/// collapsed.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A PNG picture of `width` × `height` pixels, all one grey.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("png header");
    let pixels = vec![128u8; (width * height) as usize];
    writer.write_image_data(&pixels).expect("png data");
    writer.finish().expect("png end");
    bytes
}

/// A document of the built search index, read back from its files
/// (`tim-kiem/chi-muc.json`, `chi-muc/B.json`, `tai-lieu/K.json`).
#[derive(Debug)]
pub struct IndexedDoc {
    pub title: String,
    pub url: String,
    pub kind: String,
    pub date: String,
    /// Every word, `true` when it is in the title.
    pub words: std::collections::BTreeMap<String, bool>,
}

/// The whole search index of a built site, document by document.
pub fn search_index(out: &Path) -> Vec<IndexedDoc> {
    let read = |path: &str| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(out.join(path)).expect(path)).expect(path)
    };
    let manifest = read("tim-kiem/chi-muc.json");
    let count = manifest["docs"].as_u64().expect("docs") as usize;
    let chunk = manifest["chunk"].as_u64().expect("chunk") as usize;
    let buckets = manifest["buckets"].as_u64().expect("buckets") as usize;
    let mut docs: Vec<IndexedDoc> = (0..count.div_ceil(chunk))
        .flat_map(|k| {
            read(&format!("tim-kiem/tai-lieu/{k}.json"))
                .as_array()
                .expect("rows")
                .clone()
        })
        .map(|row| {
            let cell = |i: usize| row[i].as_str().expect("a cell").to_string();
            IndexedDoc {
                title: cell(0),
                url: cell(1),
                kind: cell(2),
                date: cell(3),
                words: Default::default(),
            }
        })
        .collect();
    assert_eq!(docs.len(), count);
    for b in 0..buckets {
        let bucket = read(&format!("tim-kiem/chi-muc/{b}.json"));
        for (word, gaps) in bucket.as_object().expect("words") {
            let mut id = 0;
            for gap in gaps.as_array().expect("postings") {
                let gap = gap.as_u64().expect("a number") as usize;
                id += gap >> 1;
                docs[id].words.insert(word.clone(), gap & 1 == 1);
            }
        }
    }
    docs
}
