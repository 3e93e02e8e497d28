//! What issue 14 took off a build, each measured against the way it was
//! done before, in the same run (so the machine's load hits both alike):
//!
//! - a rebuild where nothing changed, with the share images and QR codes
//!   taken from the published output, against the same rebuild with the
//!   list of what was made removed first (every image drawn and encoded);
//! - a notice's search text (its page's body as text, folded), against
//!   the folding as it was (an NFD copy, a lowercase copy, then the words).
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench made
//! ```

use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use loaxa::pipeline::{self, Options, Today};

mod common;

use common::synth_site;

fn options() -> Options {
    Options {
        today: Today::Fixed("2026-06-30".parse().expect("date")),
        drafts: false,
        base_url: Some("https://loc-ha.example/".into()),
    }
}

/// 20 campaigns and 50 notices, rebuilt over its own output on tmpfs.
fn rebuild(c: &mut Criterion) {
    let site = synth_site(50);
    let base = std::path::Path::new("/dev/shm");
    let place = if base.is_dir() {
        tempfile::tempdir_in(base)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let out = place.path().join("public");
    let list = place.path().join(".public.loaxa-spare.made");
    let publish = || {
        let (outcome, written) = pipeline::publish(site.path(), &out, &options()).expect("built");
        assert!(!outcome.has_errors());
        written.expect("published")
    };
    publish();
    let mut group = c.benchmark_group("made");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("rebuild, 20 campaigns: images kept", |b| {
        b.iter(|| assert_eq!(publish().remade, 0))
    });
    group.bench_function("rebuild, 20 campaigns: images drawn again", |b| {
        b.iter_batched(
            || std::fs::remove_file(&list).expect("a list"),
            |()| assert_eq!(publish().reused, 0),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The search text of one notice, from its rendered body.
fn search_text(c: &mut Criterion) {
    let site = synth_site(4);
    let body = std::fs::read_dir(site.path().join("content/notices"))
        .expect("notices")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .max_by_key(String::len)
        .expect("a notice");
    let html = loaxa::markdown::render(&body).html;
    let mut group = c.benchmark_group("search text");
    group.bench_function("one notice, folded in one pass", |b| {
        b.iter(|| loaxa::vi::fold_words(&loaxa::render::search::html_text(&html)))
    });
    group.bench_function("one notice, folded as before", |b| {
        b.iter(|| {
            let text = loaxa::render::search::html_text(&html);
            loaxa::vi::fold_text(&text)
                .split(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
    });
    group.finish();
}

criterion_group!(made, rebuild, search_text);
criterion_main!(made);
