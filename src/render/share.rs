//! A 1200×630 PNG per campaign for link previews (Zalo, Facebook): the
//! commune, the campaign, its latest figure and target, and the hotline,
//! drawn with plotters' bitmap backend in DejaVu Sans (bundled, it covers
//! every Vietnamese letter). Same input, same bytes: no clock, no system
//! font, a fixed PNG encoder setting.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontFamily, FontStyle, register_font};

use crate::model::Campaign;
use crate::render::components::leads;
use crate::render::ctx::Ctx;
use crate::render::outreach::summary_line;
use crate::render::routes;
use crate::render::views::LeadView;
use crate::vi::Lang;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// A family name of our own: plotters' SVG charts ask for `sans-serif`, and
/// must keep getting exactly what they got before.
const FAMILY: &str = "loaxa-dejavu-sans";
static SANS: &[u8] = include_bytes!("../../themes/default/fonts/DejaVuSans.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../themes/default/fonts/DejaVuSans-Bold.ttf");

const MARGIN: i32 = 64;
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x4a, 0x4a, 0x4a);
const BLUE: RGBColor = RGBColor(0x0a, 0x4a, 0x8c);
const RED: RGBColor = RGBColor(0xc8, 0x10, 0x2e);
const HOTLINE: RGBColor = RGBColor(0xa5, 0x0e, 0x25);
const TRACK: RGBColor = RGBColor(0xe9, 0xed, 0xf2);
const SAMPLE: RGBColor = RGBColor(0xff, 0xf3, 0xbf);

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

/// Registers the bundled fonts once; `false` if they cannot be read.
fn fonts() -> bool {
    static READY: OnceLock<bool> = OnceLock::new();
    *READY.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, SANS).is_ok()
            && register_font(FAMILY, FontStyle::Bold, SANS_BOLD).is_ok()
    })
}

/// A campaign's share image: its path, and its bytes unless drawing failed.
pub fn file(ctx: &Ctx, campaign: &Campaign) -> (String, Option<Vec<u8>>) {
    (routes::share_image(&campaign.id), png(&card(ctx, campaign)))
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
    /// The campaign's headline indicator (the image has room for one).
    pub lead: Option<LeadView>,
    pub lang: Lang,
    pub hotline_cta: String,
    pub hotline: String,
    pub hotline_label: String,
    /// The site's `sample: true`: the image says "sample data" at its top.
    pub sample: Option<String>,
}

pub fn card(ctx: &Ctx, c: &Campaign) -> Card {
    let config = &ctx.site.config;
    Card {
        place: format!("{}, {}", config.commune, config.province),
        title: c.title.clone(),
        lead: leads(ctx, c).into_iter().next(),
        lang: ctx.lang,
        hotline_cta: crate::render::words::words(ctx.lang).hotline_cta.into(),
        hotline: config.hotline.number.clone(),
        hotline_label: config.hotline.label.clone(),
        sample: config.sample.then(|| {
            crate::render::words::words(ctx.lang)
                .sample_banner
                .to_string()
        }),
    }
}

/// The card as PNG bytes, or `None` if drawing fails (it does not with the
/// bundled fonts; a missing image only loses the preview).
pub fn png(card: &Card) -> Option<Vec<u8>> {
    if !fonts() {
        return None;
    }
    let mut rgb = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&area, card).ok()?;
        area.present().ok()?;
    }
    encode(&rgb)
}

fn font(size: f64, bold: bool, colour: RGBColor) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), size, style).color(&colour)
}

type Drawn =
    Result<(), DrawingAreaErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>>;

fn draw(area: &Area, card: &Card) -> Drawn {
    let w = WIDTH as i32;
    let text_width = w - 2 * MARGIN;
    area.draw(&Rectangle::new([(0, 0), (w, 12)], RED.filled()))?;

    let place = match &card.sample {
        Some(words) => {
            area.draw(&Rectangle::new([(0, 12), (w, 76)], SAMPLE.filled()))?;
            let style = font(28.0, true, INK);
            let text = format!("⚠ {words} · {}", card.place);
            for line in wrap(area, &text, &style, text_width, 1) {
                area.draw(&Text::new(line, (MARGIN, 30), style.clone()))?;
            }
            None
        }
        None => Some(font(30.0, false, MUTED)),
    };
    if let Some(style) = place {
        for line in wrap(area, &card.place, &style, text_width, 1) {
            area.draw(&Text::new(line, (MARGIN, 40), style.clone()))?;
        }
    }
    let mut y = 92;
    let title = font(50.0, true, INK);
    for line in wrap(area, &card.title, &title, text_width, 2) {
        area.draw(&Text::new(line, (MARGIN, y), title.clone()))?;
        y += 62;
    }
    y += 18;

    let Some(lead) = &card.lead else {
        return hotline_band(area, card);
    };
    {
        let label = &lead.label;
        let style = font(28.0, false, MUTED);
        for line in wrap(area, label, &style, text_width, 1) {
            area.draw(&Text::new(line, (MARGIN, y), style.clone()))?;
        }
        y += 50;
    }
    match &lead.figure {
        Some(figure) => {
            let mut x = MARGIN;
            if lead.approximate {
                let about = font(40.0, true, BLUE);
                let word = crate::render::phrases::about(card.lang);
                area.draw(&Text::new(word, (x, y + 50), about.clone()))?;
                x += width(area, word, &about) + 16;
            }
            let big = font(120.0, true, BLUE);
            area.draw(&Text::new(figure.as_str(), (x, y), big.clone()))?;
            x += width(area, figure, &big) + 36;
            if let Some(detail) = &lead.detail {
                let style = font(28.0, false, INK);
                let mut dy = y + 34;
                for line in wrap(area, detail, &style, w - MARGIN - x, 3) {
                    area.draw(&Text::new(line, (x, dy), style.clone()))?;
                    dy += 38;
                }
            }
            y += 118;
        }
        None => {
            let style = font(56.0, true, MUTED);
            area.draw(&Text::new(
                lead.status.label.as_str(),
                (MARGIN, y + 10),
                style,
            ))?;
            y += 100;
        }
    }

    if let Some(target) = &lead.target {
        let label = match card.lang {
            Lang::Vi => format!("Mục tiêu: {target}"),
            Lang::En => format!("Target: {target}"),
        };
        let style = font(30.0, true, INK);
        for line in wrap(area, &label, &style, text_width, 1) {
            area.draw(&Text::new(line, (MARGIN, y), style.clone()))?;
        }
        y += 48;
    }
    if let Some(share) = lead.share {
        let fill = (f64::from(text_width) * share.clamp(0.0, 1.0)).round() as i32;
        area.draw(&Rectangle::new(
            [(MARGIN, y), (MARGIN + text_width, y + 20)],
            TRACK.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(MARGIN, y), (MARGIN + fill, y + 20)],
            BLUE.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(MARGIN, y), (MARGIN + text_width, y + 20)],
            MUTED.stroke_width(1),
        ))?;
    }
    hotline_band(area, card)
}

fn hotline_band(area: &Area, card: &Card) -> Drawn {
    let w = WIDTH as i32;
    let h = HEIGHT as i32;
    let band = h - 118;
    area.draw(&Rectangle::new([(0, band), (w, h)], HOTLINE.filled()))?;
    let cta = font(28.0, false, WHITE);
    area.draw(&Text::new(
        card.hotline_cta.as_str(),
        (MARGIN, band + 12),
        cta,
    ))?;
    let number = font(64.0, true, WHITE);
    area.draw(&Text::new(
        card.hotline.as_str(),
        (MARGIN, band + 50),
        number.clone(),
    ))?;
    let x = MARGIN + width(area, &card.hotline, &number).max(360) + 40;
    let label = font(26.0, false, WHITE);
    let lines = wrap(area, &card.hotline_label, &label, w - MARGIN - x, 2);
    // One line sits level with the number, two are centred on it.
    let mut ly = band + if lines.len() > 1 { 26 } else { 46 };
    for line in lines {
        area.draw(&Text::new(line, (x, ly), label.clone()))?;
        ly += 36;
    }
    Ok(())
}

fn width(area: &Area, text: &str, style: &TextStyle) -> i32 {
    area.estimate_text_size(text, style)
        .map_or(0, |(w, _)| w as i32)
}

/// Greedy word wrap into at most `lines` lines of `max` pixels; the last
/// line ends with `…` when the text does not fit.
fn wrap(area: &Area, text: &str, style: &TextStyle, max: i32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(area, &candidate, style) <= max || current.is_empty() {
            current = candidate;
            continue;
        }
        out.push(std::mem::take(&mut current));
        current = word.to_string();
        if out.len() == lines {
            // No room for the rest: mark the cut on the last line.
            let last = out.pop().unwrap_or_default();
            out.push(ellipsis(area, &last, style, max));
            return out;
        }
    }
    if !current.is_empty() {
        let fitted = if width(area, &current, style) > max {
            ellipsis(area, &current, style, max)
        } else {
            current
        };
        out.push(fitted);
    }
    out
}

fn ellipsis(area: &Area, line: &str, style: &TextStyle, max: i32) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    loop {
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if chars.is_empty() || width(area, &candidate, style) <= max {
            return candidate;
        }
        chars.pop();
    }
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
