//! Markdown bodies that once cost quadratic time (20,000 `## h` headings:
//! 65 s; 40,000 nested `>`: 22 s; a line of 20,000 `- `: 13 s), and the
//! other shapes a hostile or careless body can take, each rendered and
//! checked at 64 KiB, 256 KiB and 1 MiB. Linear cost shows as the same
//! throughput (MiB/s) at every size; a quadratic one would fall fourfold
//! from each size to the next.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench markdown
//! ```

use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use loaxa::diagnostic::Diagnostics;
use loaxa::markdown;

const SIZES: [usize; 3] = [64 << 10, 256 << 10, 1 << 20];

/// `unit` repeated (then `end` once) to about `size` bytes.
fn repeat(unit: &str, end: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len());
    text.push_str(end);
    text
}

/// A shape's name, and how to make a body of it about a size.
type Shape = (&'static str, fn(usize) -> String);

/// Each shape, as a function of the size wanted.
fn shapes() -> Vec<Shape> {
    vec![
        ("headings", |n| repeat("## h\n", "", n)),
        ("nested quotes", |n| repeat(">", " x\n", n)),
        ("line of list markers", |n| repeat("- ", "x\n", n)),
        ("emphasis runs", |n| {
            let half = repeat("*a ", "", n / 2);
            format!("{half}{}", repeat("a* ", "", n / 2))
        }),
        ("nested brackets", |n| {
            let half = repeat("[", "", n / 3);
            format!("{half}x{}", repeat("](u)", "", n * 2 / 3))
        }),
        ("table rows", |n| {
            repeat("| x | y |\n", "", n).replacen("| x | y |\n", "| a | b |\n|---|---|\n", 1)
        }),
        ("html blocks", |n| repeat("<script>\nx\n", "", n)),
        ("inline html", |n| repeat("a <b>b</b> ", "\n", n)),
        ("pictures", |n| repeat("![a](anh/a.png) ", "\n", n)),
        ("a letter", |n| {
            repeat(
                "## Mục\n\nỦy ban nhân dân xã đề nghị **các thôn** hướng dẫn [người dân](https://x.vn).\n\n- một\n- hai\n\n",
                "",
                n,
            )
        }),
    ]
}

fn bodies(c: &mut Criterion) {
    for (name, make) in shapes() {
        let mut group = c.benchmark_group(format!("markdown/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for size in SIZES {
            let body = make(size);
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::new("render", size), &body, |b, body| {
                b.iter(|| markdown::render(body))
            });
            group.bench_with_input(BenchmarkId::new("check", size), &body, |b, body| {
                b.iter(|| {
                    let mut diags = Diagnostics::default();
                    markdown::check_body(body, 1, Path::new("a.md"), &mut diags)
                })
            });
        }
        group.finish();
    }
}

criterion_group!(markdown, bodies);
criterion_main!(markdown);
