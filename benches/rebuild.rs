//! The preview's rebuild after one save, on a 10,000-notice site with 20
//! campaigns (from `loaxa-synth`) and a base URL (every page then names a
//! share image): what `loaxa serve` does between a save and the reload.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench rebuild
//! ```
//!
//! Each iteration saves a real change (it alternates between two values)
//! and rebuilds; the save itself is a few microseconds of it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};

use loaxa::pipeline::{Live, Options, Today};

// As `loaxa serve` runs (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use common::synth_site;

const NOTICES: usize = 10_000;

fn options() -> Options {
    Options {
        today: Today::Fixed("2026-06-30".parse().expect("date")),
        drafts: false,
        base_url: Some("https://xa.example.gov.vn/chuyen-doi-so/".into()),
    }
}

/// A file and two versions of it, the second edited; `None`: no file (a
/// notice added, then removed).
struct Toggle {
    path: PathBuf,
    texts: [Option<String>; 2],
}

impl Toggle {
    fn new(root: &Path, relative: &str, edit: impl Fn(&str) -> String) -> Toggle {
        let text = fs::read_to_string(root.join(relative)).expect("read");
        let edited = edit(&text);
        assert_ne!(text, edited, "the edit changes nothing in {relative}");
        Toggle {
            path: PathBuf::from(relative),
            texts: [Some(text), Some(edited)],
        }
    }

    /// A file that comes and goes.
    fn added(relative: &str, text: String) -> Toggle {
        Toggle {
            path: PathBuf::from(relative),
            texts: [None, Some(text)],
        }
    }

    /// Saves the other version; returns the path to rebuild for.
    fn save(&self, root: &Path, turn: &mut usize) -> PathBuf {
        *turn += 1;
        let path = root.join(&self.path);
        match &self.texts[*turn % 2] {
            Some(text) => fs::write(path, text).expect("write"),
            None => fs::remove_file(path).expect("remove"),
        }
        self.path.clone()
    }
}

/// The newest figure of the first campaign's first indicator, one more.
fn newest_figure_plus_one(text: &str) -> String {
    let figures_end = text.find("\n  - id: ").map_or(text.len(), |first| {
        text[first + 1..]
            .find("\n  - id: ")
            .map_or(text.len(), |second| first + 1 + second)
    });
    let at = text[..figures_end].rfind("count: ").expect("a count") + "count: ".len();
    let digits = text[at..]
        .find(|c: char| !c.is_ascii_digit())
        .expect("digits");
    let count: u64 = text[at..at + digits].parse().expect("a number");
    format!("{}{}{}", &text[..at], count + 1, &text[at + digits..])
}

fn rebuild(c: &mut Criterion) {
    let dir = synth_site(NOTICES);
    let root = dir.path();
    let mut live = Live::new(root, &options());
    let first = live.rebuild(&[]);
    assert!(
        !first.outcome.has_errors(),
        "{:?}",
        first.outcome.diagnostics
    );

    let mut group = c.benchmark_group("serve rebuild (10,000 notices, 20 campaigns)");
    // Ten saves of each kind: enough on two shared cores (paired runs say
    // more than long ones, see BENCHMARKS.md).
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    let figure = Toggle::new(
        root,
        "data/campaigns/chien-dich-01.yaml",
        newest_figure_plus_one,
    );
    saves(&mut group, "one figure edited", &figure, &mut live, root);

    // The newest notice: on the first page of the list, on the search
    // page, on its campaigns' pages (the most a retitle touches).
    let mut notice_files: Vec<PathBuf> = fs::read_dir(root.join("content/notices"))
        .expect("notices")
        .flatten()
        .map(|e| e.path())
        .collect();
    notice_files.sort();
    let published = |path: &PathBuf| {
        !fs::read_to_string(path)
            .expect("read")
            .contains("draft: true")
    };
    let notice_file = notice_files
        .into_iter()
        .rev()
        .find(published)
        .and_then(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
        .expect("a published notice");
    let notice = Toggle::new(root, &format!("content/notices/{notice_file}"), |t| {
        format!("{t}\nMột dòng mới.\n")
    });
    saves(
        &mut group,
        "one notice's text edited",
        &notice,
        &mut live,
        root,
    );

    // A new title shows in the lists: the notice list's first page, search,
    // its campaigns' pages.
    let retitle = Toggle::new(root, &notice.path.to_string_lossy(), |t| {
        match t.contains("\ntitle: \"") {
            true => t.replacen("\ntitle: \"", "\ntitle: \"Đã sửa ", 1),
            false => t.replacen("\ntitle: ", "\ntitle: Đã sửa ", 1),
        }
    });
    saves(&mut group, "one notice retitled", &retitle, &mut live, root);

    // A new notice of today in the first campaign: first in every list, so
    // every line of the notice list moves down one; then removed again.
    let added = Toggle::added(
        "content/notices/2026-06-30-moi.md",
        "---\ntitle: Thông báo mới\ndate: 2026-06-30\ncampaigns: [chien-dich-01]\n---\nNội dung mới.\n"
            .to_string(),
    );
    saves(
        &mut group,
        "a new notice added or removed",
        &added,
        &mut live,
        root,
    );
    group.finish();
}

/// Saves one version of the file then the other, rebuilding after each.
fn saves(
    group: &mut BenchmarkGroup<WallTime>,
    name: &str,
    toggle: &Toggle,
    live: &mut Live,
    root: &Path,
) {
    let mut turn = 0;
    group.bench_function(name, |b| {
        b.iter(|| {
            let changed = toggle.save(root, &mut turn);
            let rebuilt = live.rebuild(&[changed]);
            assert!(rebuilt.files.is_some() && !rebuilt.changed.is_empty());
        })
    });
}

criterion_group!(benches, rebuild);
criterion_main!(benches);
