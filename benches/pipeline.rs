//! Benchmarks of the hot stages, each on the input it meets in a real
//! build: a synthetic campaign (2 indicators × 60 figures, a 69-row
//! breakdown) and ~400-word notices from `loaxa-synth`.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench pipeline
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench pipeline -- write   # one group
//! ```
//!
//! Whole builds (10,000 notices, against Hugo) are timed by
//! `bench/compare-hugo.sh`, not here.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use loaxa::charts::{self, Bar, Bars, Point, Scale, TimeSeries};
use loaxa::check;
use loaxa::diagnostic::Diagnostics;
use loaxa::model::Site;
use loaxa::output::{self, Files};
use loaxa::render::{self, RenderOptions};
use loaxa::source::{self, SourceFile, Sources};
use loaxa::vi::Lang;

mod common;

use common::synth_site;

const TODAY: &str = "2026-06-30";

fn load(root: &Path) -> (loaxa::check::Checked, Site) {
    let mut diags = Diagnostics::default();
    let (sources, site) = check::load(root, &mut diags);
    assert!(!diags.has_errors(), "the synthetic site has errors");
    (sources, site.expect("a site"))
}

fn options() -> RenderOptions {
    RenderOptions {
        today: TODAY.parse().expect("date"),
        drafts: false,
        base_url: None,
    }
}

/// YAML parse + check of one campaign file (with site.yaml, which it needs).
fn campaign_check(c: &mut Criterion, site: &Path) {
    let read = |p: &str| SourceFile {
        path: PathBuf::from(p),
        text: std::fs::read_to_string(site.join(p)).expect("read"),
    };
    let sources = Sources {
        site: Some(read("data/site.yaml")),
        campaigns: vec![read("data/campaigns/chien-dich-01.yaml")],
        ..Sources::default()
    };
    c.bench_function("campaign: parse + check (2×60 figures, 69 rows)", |b| {
        b.iter(|| {
            let mut diags = Diagnostics::default();
            check::check_sources(&sources, &mut diags).expect("valid")
        })
    });
}

fn markdown(c: &mut Criterion, root: &Path, site: &Site) {
    // A build leaves bodies in their files.
    let text = std::fs::read_to_string(root.join(&site.notices[0].file)).expect("read");
    let body = source::split_front_matter(&text)
        .expect("front matter")
        .body;
    let words = body.split_whitespace().count();
    c.bench_function(&format!("markdown: one notice ({words} words)"), |b| {
        b.iter(|| loaxa::markdown::render(body))
    });
}

fn charts(c: &mut Criterion) {
    let start: NaiveDate = "2026-05-02".parse().expect("date");
    let points = (0..60)
        .map(|d| Point {
            date: start + chrono::Days::new(d),
            value: 1.0 + d as f64 * 0.4,
        })
        .collect();
    let series = TimeSeries {
        lang: Lang::Vi,
        id: "adults".into(),
        title: "Người dân có tài khoản: 24,6 % ngày 30/6/2026, mục tiêu 30 %".into(),
        desc: "60 số liệu".into(),
        scale: Scale::Percent,
        points,
        falling: false,
        target: Some(30.0),
        start: Some(start),
        deadline: "2026-08-31".parse().ok(),
        phases: Vec::new(),
    };
    c.bench_function("chart: time series (60 figures)", |b| {
        b.iter(|| charts::time_series_svg(&series))
    });
    let bars = Bars {
        lang: Lang::Vi,
        id: "communes".into(),
        title: "Theo xã".into(),
        desc: "69 xã".into(),
        scale: Scale::Percent,
        bars: (0..69)
            .map(|k| Bar {
                name: format!("Xã số {k}"),
                value: 40.0 - k as f64 * 0.5,
                target: Some(30.0),
            })
            .collect(),
    };
    c.bench_function("chart: bars (69 communes)", |b| {
        b.iter(|| charts::bars_svg(&bars))
    });
}

/// Every page, feed and data file of a 500-notice site, into memory.
fn render_all(c: &mut Criterion, root: &Path, site: &Site) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    let opts = options();
    let derived = loaxa::derive::site(site, opts.today);
    group.bench_function("whole site in memory (500 notices, 20 campaigns)", |b| {
        b.iter(|| {
            let mut diags = Diagnostics::default();
            let pictures = loaxa::markdown::PictureSizes::new();
            let input = render::Input {
                site,
                derived: &derived,
                opts: &opts,
                pictures: &pictures,
            };
            render::render_site(root, &input, &mut diags).expect("rendered")
        })
    });
    group.finish();
}

/// The atomic write of 2,000 pages of 11 KB: into an empty folder with no
/// spare tree (a first build), over an identical site (the spare recycled,
/// every file already linked), and over a site where every page changed
/// (each build alternates two versions, so every file is written anew). On
/// tmpfs and on the disk the temp dir is on.
fn write(c: &mut Criterion) {
    let page = |k: usize| format!("<!doctype html><p>{k}</p>{}", "x".repeat(11_000)).into_bytes();
    let site: Files = (0..2000)
        .map(|k| (format!("van-ban/{k:05}/index.html"), page(k)))
        .collect();
    let changed: Files = site
        .iter()
        .map(|(p, b)| (p.clone(), [b.as_slice(), b"!"].concat()))
        .collect();
    let mut group = c.benchmark_group("write");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (fs_name, base) in [
        ("tmpfs", Path::new("/dev/shm")),
        ("disk", &std::env::temp_dir()),
    ] {
        if !base.is_dir() {
            continue;
        }
        let dir = tempfile::tempdir_in(base).expect("temp dir");
        let out = dir.path().join("public");
        let spare = output::spare_path(&out).expect("spare path");
        group.bench_function(format!("2000 pages, empty output ({fs_name})"), |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_dir_all(&out);
                    let _ = std::fs::remove_dir_all(&spare);
                },
                |()| output::write_atomically(&out, &site).expect("written"),
                BatchSize::PerIteration,
            )
        });
        output::write_atomically(&out, &site).expect("written");
        group.bench_function(format!("2000 pages, all unchanged ({fs_name})"), |b| {
            b.iter(|| output::write_atomically(&out, &site).expect("written"))
        });
        group.bench_function(format!("2000 pages, all changed ({fs_name})"), |b| {
            let mut flip = false;
            b.iter(|| {
                flip = !flip;
                let files = if flip { &changed } else { &site };
                output::write_atomically(&out, files).expect("written")
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let dir = synth_site(500);
    let (_checked, site) = load(dir.path());
    campaign_check(c, dir.path());
    markdown(c, dir.path(), &site);
    charts(c);
    render_all(c, dir.path(), &site);
    write(c);
    // Reading alone, for scale: 500 notices and 20 campaigns from disk.
    c.bench_function("read: every source file (500 notices)", |b| {
        b.iter(|| source::read_sources(dir.path(), &mut Diagnostics::default()))
    });
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
