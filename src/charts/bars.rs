//! A breakdown on one date as horizontal bars: one row per village, unit or
//! commune, in the caller's order, its full name above its bar (wrapped, not
//! cut), its value written at the bar's end and its target marked across it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::svg::{self, Axis, Canvas, DrawResult, FONT_SIZE, Meta, Plot, colour};
use super::ticks::{self, ValueAxis};
use super::{Bars, Scale};
use crate::markup::clean;
use crate::vi::Lang;

/// Drawn for a phone: 360 units shown about 324 px wide, so 15-unit text
/// reads at 13.5 px.
const WIDTH: u32 = 360;
/// A line of a row's name.
const LINE: f64 = 18.0;
/// Bar thickness.
const BAR_H: f64 = 14.0;
/// Air below a bar, before the next row's name.
const GAP: f64 = 10.0;
/// A row with a one-line name.
const ROW: f64 = LINE + BAR_H + GAP;
/// A row's target mark overhangs its bar by this much on each side.
const OVERHANG: f64 = 4.0;
/// Names longer than this many lines end in "…" (the table has them whole).
const MAX_NAME_LINES: usize = 3;
const MARGIN: u32 = 8;
/// The value tick labels above the bars.
const AXIS: u32 = 26;
/// The line above the axis that explains the target marks.
const LEGEND: u32 = 24;

/// Horizontal bars as an inline SVG fragment (`viewBox` 360 wide, taller by
/// about 42 units per row): each name above its bar, each value at its bar's
/// end, and the targets as a mark across each bar (explained above the axis:
/// "Mục tiêu 30 %" when every row shares it). No gridline or target line runs
/// through the names. Zero rows give an empty chart that says so. Values that
/// are not finite get no bar and a `–` label.
pub fn bars_svg(chart: &Bars) -> String {
    let layout = Layout::new(chart);
    let meta = Meta {
        id: &chart.id,
        title: &chart.title,
        desc: &chart.desc,
        class: "chart-bars",
        width: WIDTH,
        height: layout.height,
    };
    svg::render(&meta, |root| draw(root, chart, &layout))
}

/// How targets are shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Targets {
    None,
    /// Every row has the same target (a province-wide 30 %): one dashed line
    /// through all rows, like the line chart's, instead of 69 marks.
    Common(f64),
    /// Some rows have their own: a short mark across each of those bars.
    PerRow,
}

struct Layout {
    rows: usize,
    /// Each row's name, in lines.
    names: Vec<Vec<String>>,
    /// Lines of the longest name: every row gets as many.
    lines: usize,
    values: Vec<String>,
    x: ValueAxis,
    x_labels: Vec<(f64, String)>,
    targets: Targets,
    left: u32,
    right: u32,
    height: u32,
}

impl Layout {
    fn new(chart: &Bars) -> Self {
        let rows = chart.bars.len();
        let mut x = value_axis(chart);
        if rows == 0 {
            // An axis with nothing on it would only suggest a scale.
            x.ticks.clear();
        }
        let x_labels = x
            .ticks
            .iter()
            .map(|&t| (t, ticks::format_value(chart.lang, chart.scale, t)))
            .collect();
        let values: Vec<String> = chart
            .bars
            .iter()
            .map(|b| ticks::format_value(chart.lang, chart.scale, b.value))
            .collect();
        let widest_value = values
            .iter()
            .map(|v| ticks::text_width(v, FONT_SIZE))
            .fold(ticks::text_width("100 %", FONT_SIZE), f64::max);
        let targets = targets(chart);
        let top = MARGIN * 2 + AXIS + legend_height(targets);
        let right = (widest_value + 14.0).min(160.0) as u32;
        let names = names(chart, f64::from(WIDTH - 3 * MARGIN));
        let lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let row = row_height(lines);
        Layout {
            rows,
            names,
            lines,
            values,
            x,
            x_labels,
            targets,
            // Half the first tick label ("0 %"), centred on zero, must fit.
            left: (ticks::text_width("0 %", FONT_SIZE) / 2.0 + 6.0) as u32,
            right,
            height: (f64::from(top + MARGIN) + row * rows.max(2) as f64) as u32,
        }
    }

    /// The height of a row in user units.
    fn row(&self) -> f64 {
        row_height(self.lines)
    }

    /// The top of row `i` (in plot coordinates: one unit a row, the first
    /// row at the top).
    fn top(&self, i: usize) -> f64 {
        self.rows as f64 - i as f64
    }

    /// The top and bottom of row `i`'s bar, under its name.
    fn bar(&self, i: usize) -> (f64, f64) {
        let top = self.top(i) - (self.lines as f64 * LINE + 2.0) / self.row();
        (top, top - BAR_H / self.row())
    }

    /// The middle of row `i`'s bar.
    fn centre(&self, i: usize) -> f64 {
        let (top, bottom) = self.bar(i);
        (top + bottom) / 2.0
    }

    /// Row `i`'s target on the axis, if it has one to draw.
    fn target(&self, chart: &Bars, i: usize) -> Option<f64> {
        let t = match self.targets {
            Targets::None => None,
            Targets::Common(t) => Some(t),
            Targets::PerRow => chart.bars.get(i).and_then(|b| b.target),
        };
        t.filter(|t| t.is_finite())
            .map(|t| t.clamp(0.0, self.x.top))
    }
}

fn row_height(lines: usize) -> f64 {
    ROW + (lines.max(1) - 1) as f64 * LINE
}

fn targets(chart: &Bars) -> Targets {
    let finite: Vec<f64> = chart
        .bars
        .iter()
        .filter_map(|b| b.target.filter(|t| t.is_finite()))
        .collect();
    match finite.first() {
        None => Targets::None,
        Some(&t) if finite.len() == chart.bars.len() && finite.iter().all(|&u| u == t) => {
            Targets::Common(t)
        }
        Some(_) => Targets::PerRow,
    }
}

fn legend_height(targets: Targets) -> u32 {
    if targets == Targets::None { 0 } else { LEGEND }
}

/// From 0 to a round number past the largest value or target; percents stop
/// at 100.
fn value_axis(chart: &Bars) -> ValueAxis {
    let largest = chart
        .bars
        .iter()
        .flat_map(|b| [Some(b.value), b.target])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let axis = ticks::count_axis(largest);
    if chart.scale == Scale::Percent && axis.top > 100.0 {
        ticks::value_axis(Scale::Percent, largest)
    } else {
        axis
    }
}

/// Row names cleaned and wrapped at words into lines of `width` units;
/// past [`MAX_NAME_LINES`] the last line ends in "…".
fn names(chart: &Bars, width: f64) -> Vec<Vec<String>> {
    chart
        .bars
        .iter()
        .map(|b| match clean(&b.name) {
            n if n.trim().is_empty() => vec!["–".to_string()],
            n => wrap(&n, width),
        })
        .collect()
}

fn wrap(text: &str, width: f64) -> Vec<String> {
    let fits = |t: &str| ticks::text_width(t, FONT_SIZE) <= width;
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if fits(&format!("{line} {word}")) => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    // A word longer than a line: cut it to what fits.
    let max_chars = (width / (FONT_SIZE * 0.6)) as usize;
    for line in &mut lines {
        if !fits(line) {
            *line = svg::truncate(line, max_chars);
        }
    }
    if lines.len() > MAX_NAME_LINES {
        lines.truncate(MAX_NAME_LINES);
        if let Some(last) = lines.last_mut() {
            *last = svg::truncate(&format!("{last} …"), max_chars.saturating_sub(1));
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

fn draw(root: &Canvas<'_>, chart: &Bars, layout: &Layout) -> DrawResult {
    root.fill(&WHITE)?;
    let rows = layout.rows.max(1) as f64;
    let mut plot = ChartBuilder::on(root)
        .margin_top(MARGIN + legend_height(layout.targets))
        .margin_bottom(MARGIN)
        .margin_right(layout.right)
        .set_label_area_size(LabelAreaPosition::Top, AXIS)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(
            Axis::new(0.0, layout.x.top, layout.x.ticks.clone()),
            Axis::new(0.0, rows, Vec::new()),
        )?;
    draw_mesh(&mut plot, layout)?;
    draw_names(root, &plot, layout)?;
    draw_bars(&mut plot, chart, layout)?;
    if layout.targets != Targets::None {
        draw_row_targets(root, &mut plot, chart, layout)?;
    }
    draw_values(root, &plot, chart, layout)?;
    if layout.rows == 0 {
        draw_empty_message(root, &plot, chart.lang)?;
    }
    Ok(())
}

/// Value ticks on top, no gridlines (they would run through the names; each
/// bar has its value written at its end), a baseline at zero beside each bar.
fn draw_mesh(plot: &mut Plot<'_, '_>, layout: &Layout) -> DrawResult {
    let x_label = |x: &f64| {
        layout
            .x_labels
            .iter()
            .find(|(t, _)| (t - x).abs() < 1e-9)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    plot.configure_mesh()
        .disable_x_mesh()
        .disable_y_mesh()
        .axis_style(TRANSPARENT)
        .set_all_tick_mark_size(4)
        .x_label_style(svg::font(
            FONT_SIZE,
            colour::MUTED,
            HPos::Center,
            VPos::Bottom,
        ))
        .x_label_formatter(&x_label)
        .y_label_formatter(&|_| String::new())
        .draw()?;
    let baselines = (0..layout.rows).map(|i| {
        let (top, bottom) = layout.bar(i);
        PathElement::new([(0.0, top), (0.0, bottom)], colour::AXIS.stroke_width(1))
    });
    plot.draw_series(baselines)?;
    Ok(())
}

/// Each row's name, whole, above its bar.
fn draw_names(root: &Canvas<'_>, plot: &Plot<'_, '_>, layout: &Layout) -> DrawResult {
    let style = svg::font(FONT_SIZE, colour::INK, HPos::Left, VPos::Top);
    for (i, lines) in layout.names.iter().enumerate() {
        let (x, y) = plot.backend_coord(&(0.0, layout.top(i)));
        for (k, line) in lines.iter().enumerate() {
            let y = y + 1 + (k as f64 * LINE) as i32;
            root.draw(&Text::new(line.as_str(), (x, y), style.clone()))?;
        }
    }
    Ok(())
}

fn draw_bars(plot: &mut Plot<'_, '_>, chart: &Bars, layout: &Layout) -> DrawResult {
    let top = layout.x.top;
    let bars = chart.bars.iter().enumerate().filter_map(|(i, bar)| {
        if !bar.value.is_finite() {
            return None;
        }
        let (bar_top, bar_bottom) = layout.bar(i);
        let end = bar.value.clamp(0.0, top);
        let corners = [(0.0, bar_top), (end, bar_bottom)];
        Some(Rectangle::new(corners, colour::SERIES.filled()))
    });
    plot.draw_series(bars)?;
    Ok(())
}

/// Each row's own target as a short vertical mark across its bar, with a
/// white casing so it stays visible on the dark bar as well as on white.
fn draw_row_targets(
    root: &Canvas<'_>,
    plot: &mut Plot<'_, '_>,
    chart: &Bars,
    layout: &Layout,
) -> DrawResult {
    let marks: Vec<[(f64, f64); 2]> = (0..layout.rows)
        .filter_map(|i| {
            let t = layout.target(chart, i)?;
            let (top, bottom) = layout.bar(i);
            let over = OVERHANG / layout.row();
            Some([(t, top + over), (t, bottom - over)])
        })
        .collect();
    plot.draw_series(
        marks
            .iter()
            .map(|m| PathElement::new(*m, WHITE.stroke_width(5))),
    )?;
    plot.draw_series(
        marks
            .iter()
            .map(|m| PathElement::new(*m, colour::TARGET.stroke_width(3))),
    )?;
    let common = match layout.targets {
        Targets::Common(t) => Some(ticks::format_value(chart.lang, chart.scale, t)),
        _ => None,
    };
    draw_mark_legend(root, plot, chart.lang, common)
}

/// "│ Mục tiêu của từng dòng" above the axis, explaining the marks, or
/// "│ Mục tiêu 30 %" when every row shares one.
fn draw_mark_legend(
    root: &Canvas<'_>,
    plot: &Plot<'_, '_>,
    lang: Lang,
    common: Option<String>,
) -> DrawResult {
    let (xs, _) = plot.plotting_area().get_pixel_range();
    let y = (MARGIN + LEGEND / 2) as i32;
    let x = xs.start + 2;
    root.draw(&PathElement::new(
        vec![(x, y - 8), (x, y + 8)],
        colour::TARGET.stroke_width(3),
    ))?;
    let text = match (lang, common) {
        (Lang::Vi, Some(value)) => format!("Mục tiêu {value}"),
        (Lang::En, Some(value)) => format!("Target {value}"),
        (Lang::Vi, None) => "Mục tiêu của từng dòng".into(),
        (Lang::En, None) => "Each row's target".into(),
    };
    let style = svg::font(FONT_SIZE, colour::INK, HPos::Left, VPos::Center);
    root.draw(&Text::new(text, (x + 8, y), style))?;
    Ok(())
}

/// The value written just past the end of its bar, or past the target line
/// or mark when that would cut through the text.
fn draw_values(
    root: &Canvas<'_>,
    plot: &Plot<'_, '_>,
    chart: &Bars,
    layout: &Layout,
) -> DrawResult {
    let style = svg::font(FONT_SIZE, colour::INK, HPos::Left, VPos::Center);
    for (i, (bar, text)) in chart.bars.iter().zip(&layout.values).enumerate() {
        let end = if bar.value.is_finite() {
            bar.value.clamp(0.0, layout.x.top)
        } else {
            0.0
        };
        let (x, y) = plot.backend_coord(&(end, layout.centre(i)));
        let width = ticks::text_width(text, FONT_SIZE) as i32;
        let x = match layout.target(chart, i) {
            Some(t) => {
                let (mark, _) = plot.backend_coord(&(t, 0.0));
                if (x - 3..=x + 10 + width).contains(&mark) {
                    mark + 6
                } else {
                    x + 6
                }
            }
            None => x + 6,
        };
        root.draw(&Text::new(text.as_str(), (x, y), style.clone()))?;
    }
    Ok(())
}

fn draw_empty_message(root: &Canvas<'_>, plot: &Plot<'_, '_>, lang: Lang) -> DrawResult {
    let text = match lang {
        Lang::Vi => "Chưa có số liệu",
        Lang::En => "No figures yet",
    };
    let (xs, ys) = plot.plotting_area().get_pixel_range();
    let centre = ((xs.start + xs.end) / 2, (ys.start + ys.end) / 2);
    let style = svg::font(16.0, colour::MUTED, HPos::Center, VPos::Center);
    root.draw(&Text::new(text, centre, style))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::samples;
    use crate::charts::xml_check::assert_chart;
    use crate::charts::{Bar, bars_svg};

    fn bar(name: &str, value: f64, target: Option<f64>) -> Bar {
        Bar {
            name: name.to_string(),
            value,
            target,
        }
    }

    fn with_bars(bars: Vec<Bar>) -> Bars {
        Bars {
            bars,
            ..samples::villages()
        }
    }

    fn height(svg: &str) -> f64 {
        let view_box = svg.split(r#"viewBox="0 0 "#).nth(1).unwrap_or_default();
        let h = view_box.split(['"', ' ']).nth(1).unwrap_or_default();
        h.parse().unwrap_or(f64::NAN)
    }

    #[test]
    fn no_rows_says_so() {
        let svg = bars_svg(&with_bars(Vec::new()));
        assert_chart(&svg, "villages");
        assert!(svg.contains("Chưa có số liệu"));
        assert!(!svg.contains("<rect x=\"0\" y=\"0\" width=\"0\""));
        let english = bars_svg(&Bars {
            lang: Lang::En,
            ..with_bars(Vec::new())
        });
        assert!(english.contains("No figures yet"));
    }

    #[test]
    fn one_row() {
        let svg = bars_svg(&with_bars(vec![bar("Thôn Bắc Hà", 310.0, None)]));
        assert_chart(&svg, "villages");
        assert!(svg.contains(">Thôn Bắc Hà</text>"));
        assert!(svg.contains(">310</text>"));
        assert!(svg.contains(r##"fill="#1D4F91""##));
        assert!(!svg.contains("Chưa có số liệu"));
    }

    #[test]
    fn several_rows_in_order_with_their_own_targets() {
        let svg = bars_svg(&samples::villages());
        assert_chart(&svg, "villages");
        let (_, body) = svg.split_once("</desc>").unwrap_or_default();
        let first = body.find("Thôn Trung Lương").unwrap_or(usize::MAX);
        let second = body.find("Thôn Bắc Hà").unwrap_or(0);
        assert!(first < second, "rows keep the caller's order");
        assert!(svg.contains("Mục tiêu của từng dòng"));
        // Three rows have targets: three marks in the target colour.
        assert_eq!(
            svg.matches(r##"stroke="#8A4B00" stroke-width="3""##)
                .count(),
            3 + 1
        );
        assert!(svg.contains("Thôn Đông Tiến &lt;b&gt;"));
        assert!(
            svg.contains(">–</text>"),
            "an empty name still gets a label"
        );
    }

    #[test]
    fn a_shared_target_is_marked_on_every_bar_and_said_once() {
        let svg = bars_svg(&samples::communes());
        assert_chart(&svg, "province-rank");
        // No line through the names: a mark on each of the 69 bars.
        assert_eq!(svg.matches("stroke-dasharray").count(), 0);
        assert_eq!(
            svg.matches(r##"stroke="#8A4B00" stroke-width="3""##)
                .count(),
            69 + 1
        );
        assert!(svg.contains(">Mục tiêu 30 %</text>"));
        assert!(svg.contains(">4,44 %</text>"));
    }

    #[test]
    fn height_grows_with_rows_and_labels_stay_large() {
        let one = bars_svg(&with_bars(vec![bar("A", 1.0, None)]));
        let many = bars_svg(&samples::communes());
        assert!(height(&many) >= 69.0 * ROW, "{}", height(&many));
        assert!(height(&one) < 150.0);
        assert_eq!(many.matches("Xã Thạch Hương Điền").count(), 68);
    }

    #[test]
    fn user_text_is_escaped() {
        let mut chart = with_bars(vec![bar("<script>alert(1)</script>", 5.0, Some(3.0))]);
        chart.title = "A & <b>".to_string();
        chart.desc = "\"quoted\" 'text'".to_string();
        chart.id = "x\" onload=\"y".to_string();
        let svg = bars_svg(&chart);
        assert_chart(&svg, "x--onload--y");
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("A &amp; &lt;b&gt;"));
        assert!(svg.contains("&quot;quoted&quot; &apos;text&apos;"));
    }

    #[test]
    fn odd_values_never_break_it() {
        let chart = with_bars(vec![
            bar("", f64::NAN, Some(f64::INFINITY)),
            bar("big", f64::INFINITY, None),
            bar("negative", -5.0, Some(-1.0)),
            bar("\u{1}control", 1e300, Some(f64::NAN)),
            bar(&"Rất dài ".repeat(40), 3.0, None),
        ]);
        for scale in [Scale::Percent, Scale::Count] {
            let svg = bars_svg(&Bars {
                scale,
                ..chart.clone()
            });
            assert_chart(&svg, "villages");
            assert!(svg.contains('…'), "names past three lines are shortened");
        }
    }

    #[test]
    fn deterministic() {
        let chart = samples::communes();
        assert_eq!(bars_svg(&chart), bars_svg(&chart));
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn long_names_wrap_whole_at_words() {
        let name = "Tổ công nghệ số cộng đồng thôn Trung Lương và thôn Bắc Hà";
        let lines = wrap(name, f64::from(WIDTH - 2 * MARGIN));
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), name);
        assert!(lines.iter().all(|l| !l.contains('…')));
    }
}
