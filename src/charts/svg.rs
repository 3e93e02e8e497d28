//! Runs plotters on an in-memory SVG canvas and turns its standalone document
//! into an accessible inline fragment: `viewBox` only (it scales to the phone),
//! `role="img"`, `<title>`/`<desc>` first, fonts and sizes set once on the
//! root, and plotters' verbose defaults trimmed so pages stay light.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::markup::escape;

/// The page's bundled Noto Sans first (the same on every phone), then
/// fonts that carry Vietnamese diacritics.
const FONT_FAMILY: &str = r#""Noto Sans", system-ui, "DejaVu Sans", sans-serif"#;

/// Default label size in user units. A 360-unit chart shown 324 px wide is
/// scaled by 0.9 (15 units show as 13.5 px); nothing is smaller.
pub const FONT_SIZE: f64 = 15.0;

/// plotters-svg writes `font-size = size / 1.24` (a legacy of its pixel
/// fonts), so sizes handed to plotters are scaled up by the same factor.
const PLOTTERS_EM: f64 = 1.24;

/// The family name plotters writes on every `<text>`; removed afterwards so
/// the text inherits [`FONT_FAMILY`] from the root.
const PLOTTERS_FAMILY: &str = "sans-serif";

/// plotters' SVG backend cannot dash a line, so target lines are drawn in this
/// reserved colour (one unit off the real one) and given their dash pattern
/// after rendering.
pub const DASHED_TARGET: RGBColor = RGBColor(0x8a, 0x4b, 0x01);
const DASHED_TARGET_ATTR: &str = r##"stroke="#8A4B01""##;
const DASHED_TARGET_REAL: &str = r##"stroke="#8A4B00" stroke-dasharray="8 5""##;

/// Colours, all checked against white: lines and bars ≥ 3:1, text ≥ 4.5:1.
pub mod colour {
    use plotters::style::RGBColor;
    /// The reported series and bars (8.1:1).
    pub const SERIES: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
    /// Target line, mark and label (6.8:1).
    pub const TARGET: RGBColor = RGBColor(0x8a, 0x4b, 0x00);
    /// Deadline line and label (9.7:1).
    pub const DEADLINE: RGBColor = RGBColor(0x44, 0x44, 0x44);
    /// Axis labels and notes (7.5:1).
    pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
    /// Names and phase labels (12.6:1).
    pub const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
    /// Baseline at zero (5.7:1).
    pub const AXIS: RGBColor = RGBColor(0x66, 0x66, 0x66);
    /// Gridlines: deliberately faint, they only guide the eye.
    pub const GRID: RGBColor = RGBColor(0xe3, 0xe3, 0xe3);
    /// Phase bands, alternating so adjacent phases stay apart.
    pub const BANDS: [RGBColor; 2] = [RGBColor(0xe8, 0xee, 0xf6), RGBColor(0xf3, 0xee, 0xe3)];
}

/// What the wrapper needs to know besides the drawing.
pub struct Meta<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    /// An extra class for the page's CSS (`chart-line`, `chart-bars`).
    pub class: &'a str,
    pub width: u32,
    pub height: u32,
}

pub type Canvas<'b> = DrawingArea<SVGBackend<'b>, Shift>;

/// A chart with numeric axes whose ticks we choose ourselves.
pub type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Axis, Axis>>;

/// A linear axis with our own ticks (dates on Mondays or months, round
/// counts). plotters' `with_key_points` would do, but its wrapper loses the
/// label formatting that `configure_mesh` needs for `f64` axes.
pub struct Axis {
    linear: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Axis {
    /// `lo..hi` must be finite and non-empty; callers pad ranges first.
    pub fn new(lo: f64, hi: f64, ticks: Vec<f64>) -> Self {
        Axis {
            linear: (lo..hi).into(),
            ticks,
        }
    }
}

impl Ranged for Axis {
    /// Never used: every chart sets its own label formatters.
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.linear.map(value, limit)
    }

    /// Our ticks get gridlines and labels; there are no minor lines.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.linear.range()
    }
}

pub type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// Draws on a fresh canvas and wraps the result. If plotters reports an error
/// the chart keeps its title and description but loses the drawing, rather
/// than shipping a half-written fragment.
pub fn render(meta: &Meta, draw: impl FnOnce(&Canvas<'_>) -> DrawResult) -> String {
    let mut buf = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut buf, (meta.width, meta.height)).into_drawing_area();
        let result = draw(&root);
        result.is_ok() && root.present().is_ok()
    };
    let body = if drawn {
        tidy(inner(&buf))
    } else {
        String::new()
    };
    wrap(meta, &body)
}

/// The elements inside plotters' root `<svg>` (which has fixed pixel sizes
/// and, in some versions, an XML prologue: both unwanted inline).
fn inner(document: &str) -> &str {
    let start = document
        .find("<svg")
        .and_then(|at| document[at..].find('>').map(|end| at + end + 1))
        .unwrap_or(0);
    let end = document.rfind("</svg>").unwrap_or(document.len());
    if start <= end {
        document[start..end].trim_start_matches('\n')
    } else {
        ""
    }
}

/// Removes attributes that repeat the defaults or the root's settings, and
/// applies the target line's dash pattern. Plain string edits are safe here:
/// plotters escapes `<` and `"` in every label, so these patterns can only
/// match its own markup, never text from the data.
fn tidy(body: &str) -> String {
    let body = body
        .replace(r#" opacity="1""#, "")
        .replace(r#" stroke-width="1""#, "")
        .replace(&format!(r#" font-family="{PLOTTERS_FAMILY}""#), "")
        .replace(DASHED_TARGET_ATTR, DASHED_TARGET_REAL);
    trim_texts(&round_font_sizes(&body))
}

/// plotters puts each label on a line of its own inside `<text>`; browsers
/// would keep that whitespace as a leading space (shifting right-aligned
/// labels), so it is removed.
fn trim_texts(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find("<text") {
        let Some(close) = rest[at..].find('>') else {
            break;
        };
        let open_end = at + close + 1;
        out.push_str(&rest[..open_end]);
        rest = rest[open_end..]
            .strip_prefix('\n')
            .unwrap_or(&rest[open_end..]);
    }
    out.push_str(rest);
    out.replace("\n</text>", "</text>")
}

/// Rewrites `font-size="15.000000000000002"` as `font-size="15"` and drops it
/// where it equals the root's default.
fn round_font_sizes(body: &str) -> String {
    const KEY: &str = r#" font-size=""#;
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(KEY) {
        out.push_str(&rest[..at]);
        let value_start = at + KEY.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        let raw = &rest[value_start..value_start + len];
        match raw.parse::<f64>() {
            Ok(size) if (size - FONT_SIZE).abs() < 0.05 => {}
            Ok(size) => out.push_str(&format!(r#" font-size="{}""#, number(size))),
            Err(_) => out.push_str(&rest[at..value_start + len + 1]),
        }
        rest = &rest[value_start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// A number with at most one decimal, without a trailing `.0`.
pub fn number(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn wrap(meta: &Meta, body: &str) -> String {
    let id = safe_id(meta.id);
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img""#,
            r#" aria-labelledby="title-{id} desc-{id}" class="chart {class}""#,
            r#" font-family='{family}' font-size="{size}">"#,
            "\n<title id=\"title-{id}\">{title}</title>\n<desc id=\"desc-{id}\">{desc}</desc>\n",
            "{body}</svg>"
        ),
        w = meta.width,
        h = meta.height,
        id = id,
        class = escape(meta.class),
        family = FONT_FAMILY,
        size = number(FONT_SIZE),
        title = escape(meta.title),
        desc = escape(meta.desc),
        body = body,
    )
}

/// Ids become one token of `aria-labelledby`, so anything but ASCII letters,
/// digits, `-` and `_` is replaced (a space would split the reference).
fn safe_id(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "chart".to_string()
    } else {
        cleaned
    }
}

/// Shortens a label to `max` characters with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// A text style in user units, anchored as given.
pub fn font(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (PLOTTERS_FAMILY, size * PLOTTERS_EM)
        .into_font()
        .color(&colour)
        .pos(Pos::new(h, v))
}

/// The same in bold, for the figure a chart is about.
pub fn bold(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (PLOTTERS_FAMILY, size * PLOTTERS_EM, FontStyle::Bold)
        .into_font()
        .color(&colour)
        .pos(Pos::new(h, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_strips_prologue_and_root() {
        let doc = "<?xml version=\"1.0\"?>\n<svg width=\"3\" height=\"4\">\n<rect/>\n</svg>\n";
        assert_eq!(inner(doc), "<rect/>\n");
        assert_eq!(inner("garbage"), "garbage");
    }

    #[test]
    fn font_sizes_are_rounded_or_dropped() {
        let body =
            r#"<text font-size="15.000000000000002">a</text><text font-size="16.00001">b</text>"#;
        assert_eq!(
            round_font_sizes(body),
            r#"<text>a</text><text font-size="16">b</text>"#
        );
        assert_eq!(
            round_font_sizes(r#"x font-size="oops" y"#),
            r#"x font-size="oops" y"#
        );
    }

    #[test]
    fn label_whitespace_is_trimmed() {
        let body = "<text x=\"1\">\n4,44 %\n</text>\n<line/>\n";
        assert_eq!(trim_texts(body), "<text x=\"1\">4,44 %</text>\n<line/>\n");
    }

    #[test]
    fn escaping() {
        assert_eq!(safe_id("a b\"c"), "a-b-c");
        assert_eq!(safe_id(""), "chart");
        assert_eq!(truncate("Thôn Trung Lương", 6), "Thôn …");
        assert_eq!(number(3.04), "3");
        assert_eq!(number(2.56), "2.6");
    }
}
