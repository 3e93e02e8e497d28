//! A breakdown on one date as horizontal bars: one row per village, unit or
//! commune, in the caller's order, each with its value written at the bar's
//! end and its target marked across it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::svg::{self, Axis, Canvas, DrawResult, FONT_SIZE, Meta, Plot, colour};
use super::ticks::{self, ValueAxis};
use super::{Bars, Scale};
use crate::vi::Lang;

/// Narrower than the line chart: bars stack downwards, so a narrower design
/// makes every label larger on a phone (15 units at 520 wide show as 10 px on
/// a 360 px screen).
const WIDTH: u32 = 520;
/// One row per bar: tall enough for a 15-unit name with air around it.
const ROW: f64 = 28.0;
/// Bar thickness as a share of the row.
const BAR: f64 = 0.6;
/// A row's target mark overhangs the bar a little so it shows against white.
const MARK: f64 = 0.42;
const MARGIN: u32 = 8;
/// The value tick labels above the bars.
const AXIS: u32 = 26;
/// The line above the axis that explains the target marks.
const LEGEND: u32 = 24;
/// The widest column of names, in user units; longer names are shortened
/// (the page's table beside the chart has them in full).
const MAX_NAMES: f64 = 220.0;

/// Horizontal bars as an inline SVG fragment (`viewBox` 520 wide, taller by
/// 28 units per row): names on the left, each value at its bar's end, and the
/// targets as a mark across each bar, or as one dashed line when every row
/// has the same target. Zero rows give an empty chart that says so. Values
/// that are not finite get no bar and a `–` label.
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
    names: Vec<String>,
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
        Layout {
            rows,
            names: names(chart),
            values,
            x,
            x_labels,
            targets,
            left: 0,
            right: (widest_value + 14.0).min(160.0) as u32,
            height: (f64::from(top) + ROW * rows.max(2) as f64) as u32,
        }
        .with_name_column()
    }

    /// The name column is as wide as the widest (shortened) name.
    fn with_name_column(mut self) -> Self {
        let widest = self
            .names
            .iter()
            .map(|n| ticks::text_width(n, FONT_SIZE))
            .fold(0.0, f64::max);
        self.left = (widest + 16.0).clamp(60.0, MAX_NAMES) as u32;
        self
    }

    /// The y position (in plot coordinates) of row `i`'s centre; the first
    /// row is at the top.
    fn centre(&self, i: usize) -> f64 {
        self.rows as f64 - i as f64 - 0.5
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

/// Row names cleaned and shortened to fit the name column.
fn names(chart: &Bars) -> Vec<String> {
    let max_chars = ((MAX_NAMES - 16.0) / (FONT_SIZE * 0.6)) as usize;
    chart
        .bars
        .iter()
        .map(|b| match svg::clean(&b.name) {
            n if n.is_empty() => "–".to_string(),
            n => svg::truncate(&n, max_chars),
        })
        .collect()
}

fn draw(root: &Canvas<'_>, chart: &Bars, layout: &Layout) -> DrawResult {
    root.fill(&WHITE)?;
    let rows = layout.rows.max(1) as f64;
    let centres: Vec<f64> = (0..layout.rows).map(|i| layout.centre(i)).collect();
    let mut plot = ChartBuilder::on(root)
        .margin_top(MARGIN + legend_height(layout.targets))
        .margin_bottom(MARGIN)
        .margin_right(layout.right)
        .set_label_area_size(LabelAreaPosition::Top, AXIS)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(
            Axis::new(0.0, layout.x.top, layout.x.ticks.clone()),
            Axis::new(0.0, rows, centres),
        )?;
    draw_mesh(&mut plot, layout)?;
    draw_bars(&mut plot, chart, layout)?;
    match layout.targets {
        Targets::None => {}
        Targets::Common(t) => draw_common_target(root, &plot, chart, layout, t)?,
        Targets::PerRow => draw_row_targets(root, &mut plot, chart, layout)?,
    }
    draw_values(root, &plot, chart, layout)?;
    if layout.rows == 0 {
        draw_empty_message(root, &plot, chart.lang)?;
    }
    Ok(())
}

/// Value ticks on top with faint vertical gridlines; row names on the left;
/// a baseline at zero.
fn draw_mesh(plot: &mut Plot<'_, '_>, layout: &Layout) -> DrawResult {
    let x_label = |x: &f64| {
        layout
            .x_labels
            .iter()
            .find(|(t, _)| (t - x).abs() < 1e-9)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    let y_label = |y: &f64| {
        let row = (layout.rows as f64 - 0.5 - y).round();
        if row < 0.0 {
            return String::new();
        }
        layout.names.get(row as usize).cloned().unwrap_or_default()
    };
    plot.configure_mesh()
        .disable_y_mesh()
        .bold_line_style(colour::GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(TRANSPARENT)
        .set_all_tick_mark_size(4)
        .x_label_style(svg::font(
            FONT_SIZE,
            colour::MUTED,
            HPos::Center,
            VPos::Bottom,
        ))
        .y_label_style(svg::font(FONT_SIZE, colour::INK, HPos::Right, VPos::Center))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    let rows = layout.rows.max(1) as f64;
    plot.draw_series(std::iter::once(PathElement::new(
        [(0.0, 0.0), (0.0, rows)],
        colour::AXIS.stroke_width(1),
    )))?;
    Ok(())
}

fn draw_bars(plot: &mut Plot<'_, '_>, chart: &Bars, layout: &Layout) -> DrawResult {
    let top = layout.x.top;
    let bars = chart.bars.iter().enumerate().filter_map(|(i, bar)| {
        if !bar.value.is_finite() {
            return None;
        }
        let c = layout.centre(i);
        let end = bar.value.clamp(0.0, top);
        let corners = [(0.0, c + BAR / 2.0), (end, c - BAR / 2.0)];
        Some(Rectangle::new(corners, colour::SERIES.filled()))
    });
    plot.draw_series(bars)?;
    Ok(())
}

/// One dashed line through every row, labelled above the axis (the label
/// centred on the line ties the two together across the tick labels).
fn draw_common_target(
    root: &Canvas<'_>,
    plot: &Plot<'_, '_>,
    chart: &Bars,
    layout: &Layout,
    target: f64,
) -> DrawResult {
    let t = target.clamp(0.0, layout.x.top);
    let (x, bottom) = plot.backend_coord(&(t, 0.0));
    let (_, top) = plot.backend_coord(&(t, layout.rows.max(1) as f64));
    let label_y = (MARGIN + LEGEND / 2) as i32;
    // From the top of the bars only: above them are the tick labels.
    root.draw(&PathElement::new(
        vec![(x, top), (x, bottom)],
        svg::DASHED_TARGET.stroke_width(2),
    ))?;
    let value = ticks::format_value(chart.lang, chart.scale, target);
    let text = match chart.lang {
        Lang::Vi => format!("Mục tiêu {value}"),
        Lang::En => format!("Target {value}"),
    };
    // Centred on the line, but kept inside the chart at either edge.
    let half = (ticks::text_width(&text, FONT_SIZE) / 2.0) as i32;
    // min then max, not clamp: a label wider than the chart must not panic.
    let x = x.min(WIDTH as i32 - half - 4).max(half + 4);
    let style = svg::font(FONT_SIZE, colour::TARGET, HPos::Center, VPos::Center);
    root.draw(&Text::new(text, (x, label_y), style))?;
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
            let c = layout.centre(i);
            Some([(t, c + MARK), (t, c - MARK)])
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
    draw_mark_legend(root, plot, chart.lang)
}

/// "│ Mục tiêu của từng dòng" above the axis, explaining the marks.
fn draw_mark_legend(root: &Canvas<'_>, plot: &Plot<'_, '_>, lang: Lang) -> DrawResult {
    let (xs, _) = plot.plotting_area().get_pixel_range();
    let y = (MARGIN + LEGEND / 2) as i32;
    let x = xs.start + 2;
    root.draw(&PathElement::new(
        vec![(x, y - 8), (x, y + 8)],
        colour::TARGET.stroke_width(3),
    ))?;
    let text = match lang {
        Lang::Vi => "Mục tiêu của từng dòng",
        Lang::En => "Each row's target",
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
    fn a_shared_target_is_one_dashed_line() {
        let svg = bars_svg(&samples::communes());
        assert_chart(&svg, "province-rank");
        assert_eq!(svg.matches("stroke-dasharray").count(), 1);
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
            assert!(svg.contains('…'), "long names are shortened");
        }
    }

    #[test]
    fn deterministic() {
        let chart = samples::communes();
        assert_eq!(bars_svg(&chart), bars_svg(&chart));
    }
}
