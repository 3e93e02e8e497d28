//! A 1200×630 PNG per campaign for link previews (Zalo, Facebook): the
//! commune, the campaign, each indicator's latest figure beside what it
//! counts and its own target, and the hotline. Laid out as an SVG card and
//! rasterized by resvg in the bundled Noto Sans (the pages' font), shaped by
//! harfrust: kerning and Vietnamese marks as in a browser. Long titles and
//! labels wrap rather than being cut. Same input, same bytes: no clock, no
//! system font, a fixed PNG encoder setting.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::input::Sink;
use crate::markup::escape;
use crate::model::Campaign;
use crate::output::made;
use crate::render::components::leads;
use crate::render::ctx::Ctx;
use crate::render::outreach::summary_line;
use crate::render::routes;
use crate::render::views::LeadView;
use crate::vi::Lang;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const FAMILY: &str = "Noto Sans";
static SANS: &[u8] = include_bytes!("../../themes/default/fonts/noto-sans-400.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../themes/default/fonts/noto-sans-700.ttf");

const MARGIN: f64 = 64.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4a4a4a";
const BLUE: &str = "#0a4a8c";
const RED: &str = "#c8102e";
const HOTLINE: &str = "#a50e25";
const SAMPLE: &str = "#fff3bf";
/// Where the hotline band starts: the indicators end above it.
const BAND: f64 = 512.0;

/// What the image is drawn by, beside its SVG and fonts: change it when
/// the drawing changes (another resvg or png version, another encoder
/// setting), so no image drawn before is kept (see [`put`]).
const DRAWING: &str = "share: resvg 0.49, png 0.17, RGB 8-bit, Compression::Default";

/// Puts a campaign's share image into `sink` (nothing if drawing fails),
/// keyed by its SVG, the fonts and the drawing: an unchanged card is not
/// drawn and encoded again when the last build's image is still there.
pub fn put(ctx: &Ctx, campaign: &Campaign, sink: &dyn Sink) {
    let svg = card_svg(&card(ctx, campaign));
    let key = made::key(&[
        DRAWING.as_bytes(),
        &fonts_key().to_le_bytes(),
        svg.as_bytes(),
    ]);
    sink.put_made(routes::share_image(&campaign.id), key, &|| png_of_svg(&svg));
}

/// A campaign's share image: its path, and its bytes unless drawing failed.
pub fn file(ctx: &Ctx, campaign: &Campaign) -> (String, Option<Vec<u8>>) {
    (routes::share_image(&campaign.id), png(&card(ctx, campaign)))
}

/// The bundled fonts, hashed once: a build with other fonts draws again.
fn fonts_key() -> made::Key {
    static KEY: OnceLock<made::Key> = OnceLock::new();
    *KEY.get_or_init(|| made::key(&[SANS, SANS_BOLD]))
}

/// The image's text alternative (`og:image:alt`) on the campaign's pages:
/// what it says, figures included.
pub fn alt_text(ctx: &Ctx, c: &Campaign) -> String {
    summary_line(ctx, c)
}

/// The image's text alternative on other pages: what it shows, without the
/// figures (which only the campaign's pages are remade for).
pub fn general_alt_text(ctx: &Ctx, c: &Campaign) -> String {
    let config = &ctx.site.config;
    match ctx.lang {
        Lang::Vi => format!(
            "{} – {}: tiến độ mới nhất, mục tiêu và đường dây nóng {}.",
            c.title, config.commune, config.hotline.number
        ),
        Lang::En => format!(
            "{} – {}: the latest progress, the target and the hotline {}.",
            c.title, config.commune, config.hotline.number
        ),
    }
}

/// What the image says, in the site's language.
pub struct Card {
    pub place: String,
    pub title: String,
    /// Every indicator, in order.
    pub leads: Vec<LeadView>,
    pub lang: Lang,
    pub hotline_cta: String,
    pub hotline: String,
    pub hotline_label: String,
    /// The site's `sample: true`: the image says "sample data" at its top.
    pub sample: Option<String>,
}

pub fn card(ctx: &Ctx, c: &Campaign) -> Card {
    let config = &ctx.site.config;
    let words = crate::render::words::words(ctx.lang);
    Card {
        place: format!("{}, {}", config.commune, config.province),
        title: c.title.clone(),
        leads: leads(ctx, c),
        lang: ctx.lang,
        hotline_cta: words.hotline_cta.into(),
        hotline: config.hotline.number.clone(),
        hotline_label: config.hotline.label.clone(),
        sample: config.sample.then(|| words.sample_banner.to_string()),
    }
}

/// The card as PNG bytes, or `None` if drawing fails (it does not with the
/// bundled fonts; a missing image only loses the preview).
pub fn png(card: &Card) -> Option<Vec<u8>> {
    png_of_svg(&card_svg(card))
}

fn png_of_svg(svg: &str) -> Option<Vec<u8>> {
    let options = usvg::Options {
        font_family: FAMILY.into(),
        fontdb: Arc::clone(fonts()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).ok()?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    // Opaque: RGB is a quarter smaller than RGBA.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    encode(&rgb)
}

/// The bundled fonts, loaded once; no system font is ever asked.
fn fonts() -> &'static Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(SANS.to_vec());
        db.load_font_data(SANS_BOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
}

/// Advance widths of the bundled faces, to wrap lines before drawing.
fn faces() -> &'static (
    Option<ttf_parser::Face<'static>>,
    Option<ttf_parser::Face<'static>>,
) {
    static FACES: OnceLock<(
        Option<ttf_parser::Face<'static>>,
        Option<ttf_parser::Face<'static>>,
    )> = OnceLock::new();
    FACES.get_or_init(|| {
        (
            ttf_parser::Face::parse(SANS, 0).ok(),
            ttf_parser::Face::parse(SANS_BOLD, 0).ok(),
        )
    })
}

/// The width of `text` at `size` px, from the glyphs' advances (kerning
/// only ever narrows it a little: the lines stay inside).
fn width(text: &str, size: f64, bold: bool) -> f64 {
    let (regular, heavy) = faces();
    let Some(face) = (if bold { heavy } else { regular }) else {
        return text.chars().count() as f64 * size * 0.6;
    };
    let units = f64::from(face.units_per_em());
    let advance: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(u32::from(face.units_per_em()) / 2, u32::from)
        })
        .sum();
    f64::from(advance) * size / units
}

/// Greedy word wrap into lines of at most `max` px; a word longer than a
/// line stands alone. `None` when it takes more than `lines` lines.
fn wrap(text: &str, size: f64, bold: bool, max: f64, lines: usize) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(line) if width(&format!("{line} {word}"), size, bold) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    (out.len() <= lines).then_some(out)
}

/// The first size (with its lines) at which `text` fits in `lines` lines;
/// the last size wraps into as many lines as it takes.
fn fit(text: &str, sizes: &[(f64, usize)], bold: bool, max: f64) -> (f64, Vec<String>) {
    for &(size, lines) in sizes {
        if let Some(wrapped) = wrap(text, size, bold, max, lines) {
            return (size, wrapped);
        }
    }
    let size = sizes.last().map_or(24.0, |s| s.0);
    (
        size,
        wrap(text, size, bold, max, usize::MAX).unwrap_or_default(),
    )
}

/// A text's size in px, weight and colour.
#[derive(Clone, Copy)]
struct Font {
    size: f64,
    bold: bool,
    fill: &'static str,
}

fn font(size: f64, bold: bool, fill: &'static str) -> Font {
    Font { size, bold, fill }
}

/// An SVG card being written, top to bottom.
struct Svg(String);

impl Svg {
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = write!(
            self.0,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}"/>"#
        );
    }

    /// One line of text, `y` its baseline.
    fn text(&mut self, x: f64, y: f64, font: Font, text: &str) {
        self.write_text(x, y, font, text, "");
    }

    /// One line of text that ends at `x`.
    fn text_end(&mut self, x: f64, y: f64, font: Font, text: &str) {
        self.write_text(x, y, font, text, r#" text-anchor="end""#);
    }

    fn write_text(&mut self, x: f64, y: f64, font: Font, text: &str, anchor: &str) {
        let Font { size, bold, fill } = font;
        let weight = if bold { "700" } else { "400" };
        let _ = write!(
            self.0,
            r#"<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}"{anchor}>{}</text>"#,
            escape(text)
        );
    }

    /// Lines `gap` px apart from the baseline `y`; returns the last baseline.
    fn lines(&mut self, x: f64, y: f64, font: Font, lines: &[String]) -> f64 {
        let gap = (font.size * 1.25).round();
        let mut baseline = y;
        for (i, line) in lines.iter().enumerate() {
            baseline = y + i as f64 * gap;
            self.text(x, baseline, font, line);
        }
        baseline
    }
}

/// The card as an SVG document: what [`png`] draws.
pub fn card_svg(card: &Card) -> String {
    let w = f64::from(WIDTH);
    let text_width = w - 2.0 * MARGIN;
    let mut svg = Svg(format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FAMILY}">"#
    ));
    svg.rect(0.0, 0.0, w, f64::from(HEIGHT), "#fff");
    svg.rect(0.0, 0.0, w, 12.0, RED);
    let mut y = 12.0;
    if let Some(words) = &card.sample {
        svg.rect(0.0, 12.0, w, 50.0, SAMPLE);
        svg.text(MARGIN, 47.0, font(26.0, true, INK), words);
        y += 50.0;
    }
    svg.text(MARGIN, y + 46.0, font(28.0, false, MUTED), &card.place);
    y += 62.0;
    let (size, title) = fit(
        &card.title,
        &[(50.0, 2), (42.0, 2), (36.0, 3), (30.0, 3)],
        true,
        text_width,
    );
    y = svg.lines(MARGIN, y + size, font(size, true, INK), &title) + 20.0;
    match card.leads.as_slice() {
        [] => {}
        [one] => single(&mut svg, one, card.lang, y, text_width),
        many => several(&mut svg, many, card.lang, y, text_width),
    }
    hotline(&mut svg, card);
    svg.0.push_str("</svg>");
    svg.0
}

fn target_words(lang: Lang, target: &str) -> String {
    match lang {
        Lang::Vi => format!("Mục tiêu: {target}"),
        Lang::En => format!("Target: {target}"),
    }
}

/// One indicator: its figure large, what it counts, its target.
fn single(svg: &mut Svg, lead: &LeadView, lang: Lang, top: f64, text_width: f64) {
    let mut y = top;
    match &lead.figure {
        Some(figure) => {
            let mut x = MARGIN;
            if lead.approximate {
                let about = crate::render::phrases::about(lang);
                svg.text(x, y + 96.0, font(40.0, true, BLUE), about);
                x += width(about, 40.0, true) + 16.0;
            }
            svg.text(x, y + 96.0, font(110.0, true, BLUE), figure);
            y += 112.0;
        }
        None => {
            svg.text(
                MARGIN,
                y + 44.0,
                font(40.0, true, MUTED),
                &lead.status.label,
            );
            y += 60.0;
        }
    }
    let label = match &lead.detail {
        Some(detail) => format!("{}: {detail}", lead.label),
        None => lead.label.clone(),
    };
    let room = ((BAND - 16.0 - y) / 36.0).floor().max(1.0) as usize;
    let target = lead.target.as_deref().map(|t| target_words(lang, t));
    let (size, lines) = fit(
        &label,
        &[
            (
                28.0,
                room.saturating_sub(usize::from(target.is_some())).max(1),
            ),
            (24.0, room),
        ],
        false,
        text_width,
    );
    y = svg.lines(MARGIN, y + size, font(size, false, INK), &lines);
    if let Some(target) = target {
        let (size, lines) = fit(
            &target,
            &[(30.0, 1), (26.0, 1), (22.0, 2)],
            true,
            text_width,
        );
        svg.lines(MARGIN, y + size * 1.4, font(size, true, INK), &lines);
    }
}

/// Several indicators: each figure in a column, what it counts and its own
/// target beside it, so that no target is read as another group's.
fn several(svg: &mut Svg, leads: &[LeadView], lang: Lang, top: f64, text_width: f64) {
    const FIGURE: f64 = 250.0;
    let words_x = MARGIN + FIGURE + 28.0;
    let words_width = text_width - FIGURE - 28.0;
    let room = (BAND - 8.0 - top) / leads.len() as f64;
    // Smaller type when the rows are short.
    let (figure_size, label_size, target_size) = if room >= 88.0 {
        (52.0, 26.0, 24.0)
    } else {
        (40.0, 22.0, 20.0)
    };
    let mut y = top;
    for lead in leads {
        let label = lead.label.clone();
        let target = lead.target.as_deref().map(|t| target_words(lang, t));
        let label_lines = if room >= 88.0 { 2 } else { 1 };
        let (size, lines) = fit(
            &label,
            &[
                (label_size, label_lines),
                (label_size - 4.0, label_lines),
                (label_size - 6.0, 3),
            ],
            false,
            words_width,
        );
        let figure_base = y + figure_size * 0.95;
        match &lead.figure {
            Some(figure) => {
                let figure = if lead.approximate {
                    format!("{} {figure}", crate::render::phrases::about(lang))
                } else {
                    figure.clone()
                };
                svg.text_end(
                    MARGIN + FIGURE,
                    figure_base,
                    font(figure_size, true, BLUE),
                    &figure,
                );
            }
            None => svg.text_end(
                MARGIN + FIGURE,
                y + label_size,
                font(label_size, true, MUTED),
                &lead.status.label,
            ),
        }
        let mut baseline = svg.lines(words_x, y + size, font(size, false, INK), &lines);
        if let Some(target) = target {
            let (tsize, tlines) = fit(
                &target,
                &[
                    (target_size, 1),
                    (target_size - 4.0, 1),
                    (target_size - 4.0, 2),
                ],
                true,
                words_width,
            );
            baseline = svg.lines(
                words_x,
                baseline + tsize * 1.3,
                font(tsize, true, INK),
                &tlines,
            );
        }
        y = baseline.max(figure_base) + 16.0;
    }
}

/// The hotline band at the bottom.
fn hotline(svg: &mut Svg, card: &Card) {
    let w = f64::from(WIDTH);
    svg.rect(0.0, BAND, w, f64::from(HEIGHT) - BAND, HOTLINE);
    svg.text(
        MARGIN,
        BAND + 40.0,
        font(28.0, false, "#fff"),
        &card.hotline_cta,
    );
    let (size, number) = fit(
        &card.hotline,
        &[(64.0, 1), (48.0, 1), (36.0, 1)],
        true,
        560.0,
    );
    svg.text(
        MARGIN,
        BAND + 104.0,
        font(size, true, "#fff"),
        &number.join(" "),
    );
    let x = MARGIN + width(&card.hotline, size, true).max(360.0) + 40.0;
    let (lsize, lines) = fit(
        &card.hotline_label,
        &[(26.0, 2), (22.0, 3)],
        false,
        w - MARGIN - x,
    );
    // Centred on the number's height (its digits stand 0.71 em tall).
    let centre = BAND + 104.0 - size * 0.71 / 2.0;
    let block = lines.len().saturating_sub(1) as f64 * (lsize * 1.25).round() + lsize * 0.71;
    let first = centre - block / 2.0 + lsize * 0.71;
    svg.lines(x, first, font(lsize, false, "#fff"), &lines);
}

fn encode(rgb: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Default);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(rgb).ok()?;
        writer.finish().ok()?;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::views::StatusView;

    fn lead(label: &str, figure: Option<&str>, target: &str) -> LeadView {
        LeadView {
            label: label.into(),
            figure: figure.map(Into::into),
            approximate: false,
            figure_phrase: figure.map(Into::into),
            detail: None,
            target: Some(target.into()),
            share: None,
            status: StatusView {
                code: "no-figures".into(),
                label: "Chưa có số liệu".into(),
            },
        }
    }

    fn sample_card(title: &str, leads: Vec<LeadView>) -> Card {
        Card {
            place: "Xã Cẩm Xuyên, Hà Tĩnh".into(),
            title: title.into(),
            leads,
            lang: Lang::Vi,
            hotline_cta: "Gọi đường dây nóng".into(),
            hotline: "0912 345 678".into(),
            hotline_label: "Đường dây nóng phản ánh hiện trường".into(),
            sample: None,
        }
    }

    /// The text of every `<text>` of the card, in order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ")
            .skip(1)
            .map(|t| t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_string())
            .collect()
    }

    #[test]
    fn every_indicator_with_its_own_target() {
        let card = sample_card(
            "Đợt cao điểm cài đặt Ứng dụng Công dân số i-HaTinh",
            vec![
                lead(
                    "Đảng viên có tài khoản i-HaTinh",
                    None,
                    "85 % trước 31/5/2026",
                ),
                lead("Hội viên, đoàn viên cài đặt i-HaTinh", Some("12 %"), "10 %"),
                lead(
                    "Người dân từ đủ 18 tuổi trở lên có tài khoản i-HaTinh",
                    Some("4,5 %"),
                    "30 % trước 31/5/2026",
                ),
            ],
        );
        let t = texts(&card_svg(&card));
        let at = |s: &str| {
            t.iter()
                .position(|x| x == s)
                .unwrap_or_else(|| panic!("{s} in {t:#?}"))
        };
        // Each target right after its indicator's words.
        assert!(at("Đảng viên có tài khoản i-HaTinh") + 1 == at("Mục tiêu: 85 % trước 31/5/2026"));
        assert!(at("Mục tiêu: 10 %") < at("4,5 %"));
        assert!(at("12 %") < at("Hội viên, đoàn viên cài đặt i-HaTinh"));
        assert!(t.iter().any(|x| x == "Mục tiêu: 30 % trước 31/5/2026"));
    }

    #[test]
    fn a_long_title_wraps_whole_and_stays_above_the_figures() {
        let title = "Kế hoạch cao điểm cài đặt, đăng ký và sử dụng ứng dụng Công dân số \
                     i-HaTinh tích hợp nền tảng phản ánh hiện trường trên địa bàn xã năm 2026";
        let svg = card_svg(&sample_card(
            title,
            vec![lead("Người dân có tài khoản", Some("4,44 %"), "30 %")],
        ));
        let t = texts(&svg);
        let title_lines: Vec<&String> = t[1..].iter().take_while(|l| *l != "4,44 %").collect();
        assert!(title_lines.len() >= 3, "{t:#?}");
        let joined = title_lines
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, title);
        assert!(!svg.contains('…'));
    }

    #[test]
    fn hostile_text_is_escaped_and_the_png_is_drawn() {
        let card = sample_card("<b>&\"x\"</b>", vec![lead("a<script>", Some("1 %"), "2 %")]);
        let svg = card_svg(&card);
        assert!(svg.contains("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;"));
        assert!(!svg.contains("<script"));
        let png = png(&card).expect("drawn");
        assert_eq!(&png[1..4], b"PNG");
    }
}
