//! The shapes of letter a commune publishes, in the proportions of a
//! commune's year of notices: the usual letter, short announcements, long
//! plans of many sections, letters with a big table or numbered and nested
//! lists, letters with signed PDFs attached and letters showing a picture.
//! The files they name are written under `static/` (for loaxa and Hugo
//! alike: both copy them).

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::notices::sentence;
use super::{Lcg, write, write_bytes};

/// How many distinct attachments and pictures the site's `static/` holds.
pub const ATTACHMENTS: u64 = 24;
pub const PICTURES: u64 = 8;

/// The picture link's start in a body, made `anh/` for loaxa (under
/// `static/`) and `/anh/` for Hugo.
pub const PICTURE_AT: &str = "@PICTURE@";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// ~400 words: headings, paragraphs, lists, a small table in one of four.
    Usual,
    /// A short announcement: one or two paragraphs.
    Short,
    /// A long plan: ~2,500 words in many numbered sections.
    Long,
    /// A report with a 12-row, 6-column table.
    Table,
    /// Numbered steps with nested lists.
    Lists,
    /// The usual letter with one to three signed PDFs attached.
    Attachments,
    /// The usual letter showing a picture from `static/`.
    Picture,
}

impl Shape {
    /// One in ten short, one in ten long, one in five with a big table…
    pub fn pick(rng: &mut Lcg) -> Shape {
        match rng.range(0, 20) {
            0 | 1 => Shape::Short,
            2 | 3 => Shape::Long,
            4..=7 => Shape::Table,
            8..=10 => Shape::Lists,
            11..=13 => Shape::Attachments,
            14 => Shape::Picture,
            _ => Shape::Usual,
        }
    }
}

/// A body of this shape, and the attachments it names (under `static/`).
pub fn body(rng: &mut Lcg, shape: Shape) -> (String, Vec<(String, String)>) {
    let mut attachments = Vec::new();
    let md = match shape {
        Shape::Usual => usual(rng, 400),
        Shape::Short => short(rng),
        Shape::Long => usual(rng, 2500),
        Shape::Table => {
            let mut md = usual(rng, 200);
            md.push_str(&big_table(rng));
            md.push_str(&usual(rng, 80));
            md
        }
        Shape::Lists => lists(rng),
        Shape::Attachments => {
            for k in 0..rng.range(1, 4) {
                let file = rng.range(0, ATTACHMENTS);
                let title = format!("Phụ lục {} – {}", k + 1, sentence(rng, 3, 6));
                attachments.push((title, attachment_path(file)));
            }
            usual(rng, 400)
        }
        Shape::Picture => {
            let mut md = usual(rng, 250);
            let picture = rng.range(0, PICTURES);
            let _ = writeln!(
                md,
                "![{}]({PICTURE_AT}hinh-{picture}.png)\n",
                sentence(rng, 4, 8)
            );
            md.push_str(&usual(rng, 150));
            md
        }
    };
    (md, attachments)
}

fn attachment_path(k: u64) -> String {
    format!("files/van-ban-{k}.pdf")
}

/// `words` words: a heading every few blocks, paragraphs, lists; a table
/// now and then.
fn usual(rng: &mut Lcg, words: usize) -> String {
    let mut md = String::new();
    let mut written = 0;
    let mut block = 0;
    while written < words {
        let text = match block % 4 {
            0 => format!("## {}. {}\n", block / 4 + 1, sentence(rng, 3, 7)),
            3 => (0..rng.range(2, 4))
                .map(|_| format!("- {};\n", sentence(rng, 5, 10)))
                .collect(),
            _ => {
                let para: Vec<String> =
                    (0..rng.range(2, 4)).map(|_| sentence(rng, 6, 12)).collect();
                para.join(". ") + ".\n"
            }
        };
        written += text.split_whitespace().count();
        md.push_str(&text);
        md.push('\n');
        block += 1;
    }
    if rng.range(0, 4) == 0 {
        md.push_str("| Thôn | Số tài khoản | Tỷ lệ |\n|---|--:|--:|\n");
        for k in 0..5 {
            let _ = writeln!(
                md,
                "| Thôn {} | {} | {} % |",
                k + 1,
                rng.range(50, 900),
                rng.range(1, 60)
            );
        }
    }
    md
}

/// An announcement: a paragraph or two, no heading.
fn short(rng: &mut Lcg) -> String {
    let paras: Vec<String> = (0..rng.range(1, 3))
        .map(|_| {
            let sentences: Vec<String> =
                (0..rng.range(2, 5)).map(|_| sentence(rng, 6, 14)).collect();
            sentences.join(". ") + "."
        })
        .collect();
    paras.join("\n\n") + "\n"
}

/// A report's table: a row per hamlet, six columns, a total.
fn big_table(rng: &mut Lcg) -> String {
    let mut md = String::from(
        "\n| TT | Thôn, tổ dân phố | Dân số | Đã kích hoạt | Tỷ lệ | Ghi chú |\n|--:|---|--:|--:|--:|---|\n",
    );
    let (mut people, mut done) = (0, 0);
    for k in 0..12 {
        let population = rng.range(400, 3_000);
        let active = rng.range(0, population);
        people += population;
        done += active;
        let _ = writeln!(
            md,
            "| {} | Thôn {} | {population} | {active} | {} % | {} |",
            k + 1,
            k + 1,
            active * 100 / population,
            sentence(rng, 2, 5)
        );
    }
    let _ = writeln!(md, "| | **Tổng** | {people} | {done} | | |\n");
    md
}

/// Numbered steps, each with a nested list of what to do.
fn lists(rng: &mut Lcg) -> String {
    let mut md = format!("{}.\n\n", sentence(rng, 10, 18));
    for step in 1..=rng.range(5, 9) {
        let _ = writeln!(md, "{step}. **{}**:", sentence(rng, 3, 6));
        for _ in 0..rng.range(2, 5) {
            let _ = writeln!(md, "   - {};", sentence(rng, 5, 11));
        }
    }
    let _ = write!(md, "\n{}.\n", sentence(rng, 8, 14));
    md
}

/// The attachments and pictures notices name, under `dir/static/`.
pub fn write_static(dir: &Path) -> io::Result<()> {
    for k in 0..ATTACHMENTS {
        // A stand-in for a signed scan: ~40 KB.
        let mut pdf = format!("%PDF-1.4\n% van-ban-{k}\n").into_bytes();
        pdf.extend((0..40_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
        pdf.extend_from_slice(b"\n%%EOF\n");
        write_bytes(&dir.join("static").join(attachment_path(k)), &pdf)?;
    }
    for k in 0..PICTURES {
        write_bytes(
            &dir.join(format!("static/anh/hinh-{k}.png")),
            &picture(640, 360, k as u8),
        )?;
    }
    write(&dir.join("static/files/README.txt"), "Bản ký số.\n")
}

/// A grey gradient, a different one per picture.
fn picture(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let pixels: Vec<u8> = (0..width * height)
        .map(|i| ((i % width + i / width) as u8).wrapping_add(seed.wrapping_mul(37)))
        .collect();
    let written = encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&pixels).and_then(|()| w.finish()));
    written.expect("a PNG in memory");
    bytes
}
