//! The line chart of one indicator: reported figures over time, against the
//! target (dashed) and the deadline, over the campaign's phases.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::svg::{self, Axis, Canvas, DrawResult, FONT_SIZE, Meta, Plot, colour};
use super::ticks::{self, ValueAxis};
use super::{Point, TimeSeries};
use crate::markup::clean;
use crate::vi::{self, Lang};

/// Drawn for a phone: 360 units shown about 324 px wide, so 15-unit text
/// reads at 13.5 px (640 units read at 7.6 px).
const WIDTH: u32 = 360;
const HEIGHT: u32 = 300;
/// Room right of the plot for the last date label, centred on its tick.
const RIGHT: u32 = 28;
/// Room under the plot for the date labels.
const BOTTOM: u32 = 38;
/// One line of annotations (deadline, phase names) above the plot.
const ROW: f64 = 22.0;
/// At most this many annotation lines; more would squeeze the plot.
const MAX_ROWS: usize = 3;
const VALUE_FONT: f64 = 16.0;
/// The length of the dash sample before the target's legend.
const TARGET_SAMPLE: i32 = 22;

/// The line chart as an inline SVG fragment (`viewBox="0 0 360 300"`): the
/// figures as dots joined by a line, the latest one labelled, the target as a
/// dashed line, the deadline as a vertical line, phases as shaded bands.
/// Zero figures give an empty chart that says so ("Chưa có số liệu"). Values
/// that are not finite are left out; values outside the axis (a percent over
/// 100, a negative count) are drawn at its edge. Never panics.
pub fn time_series_svg(chart: &TimeSeries) -> String {
    let layout = Layout::new(chart);
    let meta = Meta {
        id: &chart.id,
        title: &chart.title,
        desc: &chart.desc,
        class: "chart-line",
        width: WIDTH,
        height: HEIGHT,
    };
    svg::render(&meta, |root| draw(root, chart, &layout))
}

/// Everything decided before drawing: ranges, ticks, margins, annotations.
struct Layout {
    x: (f64, f64),
    x_ticks: Vec<(f64, String)>,
    y: ValueAxis,
    y_labels: Vec<(f64, String)>,
    left: u32,
    top: u32,
    /// Drawable figures: finite values, clamped into the value axis.
    points: Vec<(f64, f64)>,
    notes: Vec<Note>,
}

/// A label in the rows above the plot, tied to a day on the x axis.
struct Note {
    text: String,
    day: f64,
    /// Which side of `day` the text sits on, and how far from it.
    anchor: HPos,
    offset: i32,
    row: usize,
    colour: RGBColor,
    /// The target's legend: a dash sample is drawn before it.
    target: bool,
}

impl Layout {
    fn new(chart: &TimeSeries) -> Self {
        let x = ticks::day_range(&all_days(chart));
        let tick_days = ticks::day_ticks(x.0, x.1);
        let labels = ticks::day_labels(chart.lang, &tick_days);
        let y = ticks::value_axis(chart.scale, largest(chart));
        let y_labels: Vec<(f64, String)> = y
            .ticks
            .iter()
            .map(|&t| (t, ticks::format_value(chart.lang, chart.scale, t)))
            .collect();
        let widest = y_labels
            .iter()
            .map(|(_, l)| ticks::text_width(l, FONT_SIZE))
            .fold(0.0, f64::max);
        let left = (widest + 16.0).clamp(40.0, 160.0) as u32;
        let points = drawable_points(&chart.points, y.top);
        let mut layout = Layout {
            x,
            x_ticks: tick_days.into_iter().zip(labels).collect(),
            y,
            y_labels,
            left,
            top: 0,
            points,
            notes: Vec::new(),
        };
        layout.thin_date_labels();
        let rows = layout.place_notes(chart);
        layout.top = if rows == 0 {
            14
        } else {
            (8.0 + rows as f64 * ROW + 4.0) as u32
        };
        layout
    }

    /// Blanks the date labels that would touch the one before (the tick
    /// stays): on a phone-wide chart eight dates do not fit side by side.
    fn thin_date_labels(&mut self) {
        let mut last_end = f64::NEG_INFINITY;
        let mut labels = std::mem::take(&mut self.x_ticks);
        for (day, label) in &mut labels {
            let w = ticks::text_width(label, FONT_SIZE);
            let x = self.approx_x(*day);
            if x - w / 2.0 < last_end + 8.0 || x + w / 2.0 > f64::from(WIDTH) {
                label.clear();
            } else {
                last_end = x + w / 2.0;
            }
        }
        self.x_ticks = labels;
    }

    /// An approximate x position in user units, for laying out labels before
    /// plotters has built the real mapping (they differ by under a unit).
    fn approx_x(&self, day: f64) -> f64 {
        let plot = f64::from(WIDTH - RIGHT) - f64::from(self.left);
        f64::from(self.left) + (day - self.x.0) / (self.x.1 - self.x.0) * plot
    }

    /// Puts the deadline and phase names into rows above the plot so that no
    /// two overlap; returns how many rows are used.
    fn place_notes(&mut self, chart: &TimeSeries) -> usize {
        let mut notes = Vec::new();
        if let Some(deadline) = chart.deadline {
            notes.push(self.deadline_note(chart.lang, deadline));
        }
        // The target's words above the plot, after a sample of its dashes:
        // inside the plot they would sit on a gridline or the series.
        if let Some(target) = chart.target.filter(|t| t.is_finite()) {
            let value = ticks::format_value(chart.lang, chart.scale, target);
            let text = match chart.lang {
                Lang::Vi => format!("Mục tiêu {value}"),
                Lang::En => format!("Target {value}"),
            };
            let mut n = note(
                text,
                self.x.0,
                HPos::Left,
                TARGET_SAMPLE + 6,
                colour::TARGET,
            );
            n.target = true;
            notes.push(n);
        }
        for phase in &chart.phases {
            let start = ticks::day_start(phase.start.min(phase.end));
            let name = svg::truncate(&clean(&phase.name), 24);
            if !name.is_empty() {
                notes.push(note(name, start, HPos::Left, 4, colour::INK));
            }
        }
        let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
        for mut n in notes {
            let span = self.extent(&n);
            let free = rows.iter().position(|row| {
                row.iter()
                    .all(|&(a, b)| span.1 + 8.0 <= a || b + 8.0 <= span.0)
            });
            n.row = match free {
                Some(r) => r,
                None if rows.len() < MAX_ROWS => {
                    rows.push(Vec::new());
                    rows.len() - 1
                }
                None => MAX_ROWS - 1,
            };
            if let Some(row) = rows.get_mut(n.row) {
                row.push(span);
            }
            self.notes.push(n);
        }
        rows.len()
    }

    /// The deadline label sits left of its line when the line is in the right
    /// half (where it usually is), so it never runs off the chart.
    fn deadline_note(&self, lang: Lang, deadline: chrono::NaiveDate) -> Note {
        let text = match lang {
            Lang::Vi => format!("Hạn {}", vi::format_date(lang, deadline)),
            Lang::En => format!("Deadline {}", vi::format_date(lang, deadline)),
        };
        let day = ticks::day_end(deadline);
        let mid = f64::from(self.left + WIDTH - RIGHT) / 2.0;
        if self.approx_x(day) > mid {
            note(text, day, HPos::Right, -5, colour::DEADLINE)
        } else {
            note(text, day, HPos::Left, 5, colour::DEADLINE)
        }
    }

    /// The horizontal span a note's text takes, in user units.
    fn extent(&self, n: &Note) -> (f64, f64) {
        let x = self.approx_x(n.day) + f64::from(n.offset);
        let w = ticks::text_width(&n.text, FONT_SIZE);
        let (a, b) = match n.anchor {
            HPos::Right => (x - w, x),
            HPos::Center => (x - w / 2.0, x + w / 2.0),
            HPos::Left => (x, x + w),
        };
        // The target's dash sample before its words.
        let sample = if n.target { f64::from(n.offset) } else { 0.0 };
        (a - sample, b)
    }

    /// The vertical centre of an annotation row.
    fn row_y(&self, row: usize) -> i32 {
        (8.0 + (row as f64 + 0.5) * ROW) as i32
    }
}

fn note(text: String, day: f64, anchor: HPos, offset: i32, colour: RGBColor) -> Note {
    Note {
        text,
        day,
        anchor,
        offset,
        row: 0,
        colour,
        target: false,
    }
}

/// Every moment the x axis must show: figures, start, deadline, phases (to
/// the end of their last day).
fn all_days(chart: &TimeSeries) -> Vec<f64> {
    let mut days: Vec<f64> = chart.points.iter().map(|p| ticks::day(p.date)).collect();
    days.extend(chart.start.map(ticks::day_start));
    days.extend(chart.deadline.map(ticks::day_end));
    for phase in &chart.phases {
        days.push(ticks::day_start(phase.start.min(phase.end)));
        days.push(ticks::day_end(phase.start.max(phase.end)));
    }
    days
}

/// The largest finite value or target, which the count axis must reach.
fn largest(chart: &TimeSeries) -> f64 {
    chart
        .points
        .iter()
        .map(|p| p.value)
        .chain(chart.target)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// Figures that can be drawn: NaN and infinities are left out (the page's
/// table still lists them); anything outside the axis is pinned to its edge.
fn drawable_points(points: &[Point], top: f64) -> Vec<(f64, f64)> {
    points
        .iter()
        .filter(|p| p.value.is_finite())
        .map(|p| (ticks::day(p.date), p.value.clamp(0.0, top)))
        .collect()
}

fn draw(root: &Canvas<'_>, chart: &TimeSeries, layout: &Layout) -> DrawResult {
    root.fill(&WHITE)?;
    let x_keys: Vec<f64> = layout.x_ticks.iter().map(|(t, _)| *t).collect();
    let mut plot = ChartBuilder::on(root)
        .margin_top(layout.top)
        .margin_right(RIGHT)
        .x_label_area_size(BOTTOM)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(
            Axis::new(layout.x.0, layout.x.1, x_keys),
            Axis::new(0.0, layout.y.top, layout.y.ticks.clone()),
        )?;
    draw_bands(&mut plot, chart, layout)?;
    draw_mesh(&mut plot, layout)?;
    draw_deadline(root, &plot, chart, layout)?;
    draw_target(&mut plot, chart, layout)?;
    draw_series(&mut plot, layout)?;
    draw_notes(root, &plot, layout)?;
    draw_target_label(root, &plot, chart, layout)?;
    draw_value_label(root, &plot, chart, layout)?;
    if layout.points.is_empty() {
        draw_empty_message(root, &plot, chart.lang)?;
    }
    Ok(())
}

/// Phases as light bands through the whole plot height, alternating in tint
/// so that back-to-back phases stay distinguishable.
fn draw_bands(plot: &mut Plot<'_, '_>, chart: &TimeSeries, layout: &Layout) -> DrawResult {
    let top = layout.y.top;
    let bands = chart.phases.iter().enumerate().map(|(i, phase)| {
        let start = ticks::day_start(phase.start.min(phase.end));
        let end = ticks::day_end(phase.start.max(phase.end));
        let tint = colour::BANDS[i % colour::BANDS.len()];
        Rectangle::new([(start, top), (end, 0.0)], tint.filled())
    });
    plot.draw_series(bands)?;
    Ok(())
}

/// Horizontal gridlines at the value ticks, date labels below; no frame and
/// no y axis line (the gridlines carry the scale), as statistics offices do.
fn draw_mesh(plot: &mut Plot<'_, '_>, layout: &Layout) -> DrawResult {
    let x_label = |x: &f64| label_at(&layout.x_ticks, *x);
    let y_label = |y: &f64| label_at(&layout.y_labels, *y);
    plot.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(colour::GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(TRANSPARENT)
        .set_all_tick_mark_size(4)
        // Dates well below the baseline, clear of the "0 %" beside it.
        .set_tick_mark_size(LabelAreaPosition::Bottom, 10)
        .x_label_style(svg::font(FONT_SIZE, colour::MUTED, HPos::Center, VPos::Top))
        .y_label_style(svg::font(
            FONT_SIZE,
            colour::MUTED,
            HPos::Right,
            VPos::Center,
        ))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    let baseline = [(layout.x.0, 0.0), (layout.x.1, 0.0)];
    plot.draw_series(std::iter::once(PathElement::new(
        baseline,
        colour::AXIS.stroke_width(1),
    )))?;
    Ok(())
}

/// The label precomputed for a tick (plotters hands the tick value back).
fn label_at(labels: &[(f64, String)], at: f64) -> String {
    labels
        .iter()
        .find(|(t, _)| (t - at).abs() < 1e-6)
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

/// A vertical line from the deadline's label row down to the baseline.
fn draw_deadline(
    root: &Canvas<'_>,
    plot: &Plot<'_, '_>,
    chart: &TimeSeries,
    layout: &Layout,
) -> DrawResult {
    let Some(deadline) = chart.deadline else {
        return Ok(());
    };
    let (x, bottom) = plot.backend_coord(&(ticks::day_end(deadline), 0.0));
    // The deadline is placed first, so its label is always on the top row.
    let top = layout.row_y(0) - 8;
    root.draw(&PathElement::new(
        vec![(x, top), (x, bottom)],
        colour::DEADLINE.stroke_width(1),
    ))?;
    Ok(())
}

/// The target as a dashed line across the plot (dashes added by `svg::tidy`).
fn draw_target(plot: &mut Plot<'_, '_>, chart: &TimeSeries, layout: &Layout) -> DrawResult {
    let Some(target) = finite_target(chart, layout) else {
        return Ok(());
    };
    let line = [(layout.x.0, target), (layout.x.1, target)];
    plot.draw_series(std::iter::once(PathElement::new(
        line,
        svg::DASHED_TARGET.stroke_width(2),
    )))?;
    Ok(())
}

fn finite_target(chart: &TimeSeries, layout: &Layout) -> Option<f64> {
    chart
        .target
        .filter(|t| t.is_finite())
        .map(|t| t.clamp(0.0, layout.y.top))
}

/// The series: a line through the figures, each figure a dot with a white
/// ring so that dots stay visible where they sit on a gridline or the target.
fn draw_series(plot: &mut Plot<'_, '_>, layout: &Layout) -> DrawResult {
    let points = layout.points.iter().copied();
    plot.draw_series(LineSeries::new(
        points.clone(),
        colour::SERIES.stroke_width(3),
    ))?;
    plot.draw_series(points.clone().map(|p| Circle::new(p, 6, WHITE.filled())))?;
    plot.draw_series(points.map(|p| Circle::new(p, 4, colour::SERIES.filled())))?;
    Ok(())
}

fn draw_notes(root: &Canvas<'_>, plot: &Plot<'_, '_>, layout: &Layout) -> DrawResult {
    for n in &layout.notes {
        let (x, _) = plot.backend_coord(&(n.day, 0.0));
        let x = keep_inside(x + n.offset, n);
        let style = svg::font(FONT_SIZE, n.colour, n.anchor, VPos::Center);
        root.draw(&Text::new(n.text.as_str(), (x, layout.row_y(n.row)), style))?;
    }
    Ok(())
}

/// Shifts a note's anchor so that its (estimated) text stays on the chart:
/// a phase starting near the right edge gets its name pulled leftwards.
fn keep_inside(x: i32, n: &Note) -> i32 {
    let w = ticks::text_width(&n.text, FONT_SIZE) as i32;
    let (before, after) = match n.anchor {
        HPos::Left => (0, w),
        HPos::Center => (w / 2, w / 2),
        HPos::Right => (w, 0),
    };
    let max = WIDTH as i32 - 4 - after;
    x.min(max).max(4 + before)
}

/// The dash sample before the target's legend above the plot.
fn draw_target_label(
    root: &Canvas<'_>,
    plot: &Plot<'_, '_>,
    chart: &TimeSeries,
    layout: &Layout,
) -> DrawResult {
    if finite_target(chart, layout).is_none() {
        return Ok(());
    }
    let Some(n) = layout.notes.iter().find(|n| n.target) else {
        return Ok(());
    };
    let (x, _) = plot.backend_coord(&(n.day, 0.0));
    let x = keep_inside(x + n.offset, n) - n.offset;
    let y = layout.row_y(n.row);
    root.draw(&PathElement::new(
        vec![(x, y), (x + TARGET_SAMPLE, y)],
        svg::DASHED_TARGET.stroke_width(2),
    ))?;
    Ok(())
}

/// The latest figure, written next to its dot: to the right if there is
/// room, otherwise to the left on the side away from the line (above for a
/// rising series, below for a falling one).
fn draw_value_label(
    root: &Canvas<'_>,
    plot: &Plot<'_, '_>,
    chart: &TimeSeries,
    layout: &Layout,
) -> DrawResult {
    let Some(&(day, value)) = layout.points.last() else {
        return Ok(());
    };
    let raw = chart
        .points
        .iter()
        .rev()
        .find(|p| p.value.is_finite())
        .map_or(value, |p| p.value);
    let text = ticks::format_value(chart.lang, chart.scale, raw);
    let (x, y) = plot.backend_coord(&(day, value));
    let (plot_x, plot_y) = plot.plotting_area().get_pixel_range();
    let width = (ticks::text_width(&text, VALUE_FONT) * 1.1) as i32;
    let (pos, h, v) = if x + 10 + width < plot_x.end {
        ((x + 10, y), HPos::Left, VPos::Center)
    } else if chart.falling {
        ((x - 8, y + 10), HPos::Right, VPos::Top)
    } else {
        ((x - 8, y - 10), HPos::Right, VPos::Bottom)
    };
    let pos = (pos.0, pos.1.min(plot_y.end - 10).max(plot_y.start + 10));
    let pos = off_the_target(pos, v, y, chart, layout, plot);
    root.draw(&Text::new(
        text,
        pos,
        svg::bold(VALUE_FONT, colour::SERIES, h, v),
    ))?;
    Ok(())
}

/// Moves the latest figure's label off the horizontal lines (gridlines and
/// the target): the nearest position, up or down by steps of 6 units, whose
/// text (about 20 units tall) touches none of them.
fn off_the_target(
    pos: (i32, i32),
    v: VPos,
    _dot_y: i32,
    chart: &TimeSeries,
    layout: &Layout,
    plot: &Plot<'_, '_>,
) -> (i32, i32) {
    let lines: Vec<i32> = layout
        .y
        .ticks
        .iter()
        .copied()
        .chain(finite_target(chart, layout))
        .map(|t| plot.backend_coord(&(layout.x.0, t)).1)
        .collect();
    let height = (VALUE_FONT * 1.3) as i32;
    let clear = |y: i32| {
        let top = match v {
            VPos::Top => y,
            VPos::Center => y - height / 2,
            VPos::Bottom => y - height,
        };
        lines.iter().all(|&l| l < top - 2 || l > top + height + 2)
    };
    let (_, plot_y) = plot.plotting_area().get_pixel_range();
    [0, 6, -6, 12, -12, 18, -18, 24, -24]
        .into_iter()
        .map(|d| pos.1 + d)
        .filter(|y| plot_y.contains(y))
        .find(|&y| clear(y))
        .map_or(pos, |y| (pos.0, y))
}

/// Zero figures: an honest empty plot that says so.
fn draw_empty_message(root: &Canvas<'_>, plot: &Plot<'_, '_>, lang: Lang) -> DrawResult {
    let text = match lang {
        Lang::Vi => "Chưa có số liệu",
        Lang::En => "No figures yet",
    };
    let (xs, ys) = plot.plotting_area().get_pixel_range();
    let centre = ((xs.start + xs.end) / 2, (ys.start + ys.end) / 2);
    let style = svg::font(VALUE_FONT, colour::MUTED, HPos::Center, VPos::Center);
    root.draw(&Text::new(text, centre, style))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::samples::{self, date};
    use crate::charts::xml_check::assert_chart;
    use crate::charts::{Band, Scale};

    fn circles(svg: &str) -> usize {
        svg.matches("<circle").count()
    }

    #[test]
    fn no_points_is_an_honest_empty_chart() {
        let mut chart = samples::loc_ha();
        chart.points.clear();
        let svg = time_series_svg(&chart);
        assert_chart(&svg, "loc-ha-adults");
        assert!(svg.contains(">Chưa có số liệu</text>"));
        assert_eq!(circles(&svg), 0);
        assert!(svg.contains(">Mục tiêu 30 %</text>"));
        assert!(svg.contains(">Hạn 31/12/2026</text>"));
        chart.lang = Lang::En;
        let svg = time_series_svg(&chart);
        assert!(svg.contains(">No figures yet</text>"));
        assert!(svg.contains(">Target 30%</text>"));
        assert!(svg.contains(">Deadline 31 December 2026</text>"));
    }

    #[test]
    fn one_point_gets_a_visible_dot_and_its_value() {
        let svg = time_series_svg(&samples::loc_ha());
        assert_chart(&svg, "loc-ha-adults");
        assert_eq!(circles(&svg), 2, "a white ring and a dot");
        assert!(svg.contains(r#"r="4""#));
        assert!(svg.contains(">4,44 %</text>"));
        assert!(!svg.contains("Chưa có số liệu"));
    }

    #[test]
    fn several_points_target_deadline_and_phases() {
        let svg = time_series_svg(&samples::cam_xuyen());
        assert_chart(&svg, "cam-xuyen-adults");
        assert_eq!(circles(&svg), 20);
        let line = svg
            .split("<polyline")
            .find(|p| p.contains(r##"stroke="#1D4F91""##))
            .and_then(|p| p.split("points=\"").nth(1))
            .and_then(|p| p.split('"').next())
            .unwrap_or_default();
        assert_eq!(line.matches(',').count(), 10, "{line}");
        assert!(svg.contains(r##"stroke="#8A4B00" stroke-dasharray="8 5""##));
        assert!(svg.contains(">Mục tiêu 30 %</text>"));
        assert!(svg.contains(">Hạn 24/5/2026</text>"));
        assert!(svg.contains(">Đợt 1</text>") && svg.contains(">Đợt 2</text>"));
        assert_eq!(svg.matches(r##"fill="#E8EEF6""##).count(), 1);
        assert_eq!(svg.matches(r##"fill="#F3EEE3""##).count(), 1);
        assert!(svg.contains(">18/5</text>"));
        assert!(svg.contains(">20 %</text>"));
    }

    #[test]
    fn falling_count_starts_at_zero_with_headroom() {
        let svg = time_series_svg(&samples::hoang_thanh_falling());
        assert_chart(&svg, "hoang-thanh-series");
        assert!(svg.contains(">0</text>") && svg.contains(">8.000</text>"));
        assert!(svg.contains(">Mục tiêu 0</text>"));
        assert!(
            svg.contains(">2.561</text>"),
            "the latest figure is labelled"
        );
        assert!(svg.contains(">Hạn 15/5/2026</text>"));
    }

    #[test]
    fn user_text_is_escaped() {
        let mut chart = samples::cam_xuyen();
        chart.title = "<script>alert('x')</script> & co".to_string();
        chart.desc = "a < b".to_string();
        chart.phases[0].name = "<img src=x>".to_string();
        let svg = time_series_svg(&chart);
        assert_chart(&svg, "cam-xuyen-adults");
        assert!(!svg.contains("<script") && !svg.contains("<img"));
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co"));
        assert!(svg.contains("a &lt; b"));
        assert!(svg.contains("&lt;img src=x&gt;"));
    }

    #[test]
    fn small_and_deterministic() {
        let chart = samples::cam_xuyen();
        let svg = time_series_svg(&chart);
        assert_eq!(svg, time_series_svg(&chart));
        assert!(svg.len() < 15_000, "{} bytes", svg.len());
        assert!(!svg.contains("opacity=\"1\"") && !svg.contains("0000000"));
    }

    #[test]
    fn odd_input_never_breaks_it() {
        let point = |y, m, d, value| Point {
            date: date(y, m, d),
            value,
        };
        let base = samples::cam_xuyen();
        let cases = [
            TimeSeries {
                points: vec![
                    point(2026, 5, 13, f64::NAN),
                    point(2026, 5, 14, f64::INFINITY),
                    point(2026, 5, 15, -3.0),
                    point(2026, 5, 16, 250.0),
                ],
                ..base.clone()
            },
            TimeSeries {
                start: Some(date(2027, 1, 1)),
                deadline: Some(date(2026, 1, 1)),
                target: Some(f64::NAN),
                ..base.clone()
            },
            TimeSeries {
                points: vec![point(2026, 5, 13, 1.0), point(2026, 5, 13, 2.0)],
                start: None,
                deadline: None,
                target: None,
                phases: Vec::new(),
                scale: Scale::Count,
                ..base.clone()
            },
            TimeSeries {
                points: Vec::new(),
                start: None,
                deadline: None,
                phases: Vec::new(),
                ..base.clone()
            },
            TimeSeries {
                phases: (0..12)
                    .map(|i| Band {
                        name: if i == 3 {
                            String::new()
                        } else {
                            "Đợt dài ".repeat(i)
                        },
                        start: date(2026, 5, 24),
                        end: date(2026, 5, 13),
                    })
                    .collect(),
                scale: Scale::Count,
                target: Some(1e300),
                ..base.clone()
            },
            TimeSeries {
                points: vec![point(1, 1, 1, 5.0), point(9999, 12, 31, 7.0)],
                ..base
            },
        ];
        for chart in cases {
            let svg = time_series_svg(&chart);
            assert_chart(&svg, "cam-xuyen-adults");
        }
    }
}
