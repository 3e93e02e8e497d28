//! Pages that carry a campaign beyond the site: the printable poster, the
//! widget for the commune portal, and the contacts in English. The share
//! image (share.rs) says the same as the poster, from the same lead views
//! (`components::leads`).

use crate::model::Campaign;
use crate::render::components::{campaign_app, campaign_card, contact_views, leads, strip_unit};
use crate::render::ctx::Ctx;
use crate::render::routes;
use crate::render::views::*;
use crate::vi::Lang;

pub fn poster(ctx: &Ctx, c: &Campaign) -> PosterPage {
    let updated = ctx.facts(c).newest;
    PosterPage {
        title: c.title.clone(),
        title_length: match c.title.chars().count() {
            0..=60 => "",
            61..=100 => "long",
            _ => "very-long",
        },
        href: routes::campaign(&c.id),
        updated: updated.map(|d| crate::vi::format_date(ctx.lang, d)),
        updated_iso: updated.map(|d| d.to_string()),
        app: campaign_app(ctx, c),
        // Each indicator with its own target beside it: a target alone would
        // not say whom it is for (Cẩm Xuyên's 85 % is for Party members).
        lines: leads(ctx, c),
    }
}

pub fn embed(ctx: &Ctx, c: &Campaign) -> EmbedPage {
    let page = routes::campaign(&c.id);
    let card = campaign_card(ctx, c);
    EmbedPage {
        card,
        app: campaign_app(ctx, c),
        detail_href: match ctx.base_url {
            Some(base) => format!("{base}{page}"),
            // The widget sits one folder below its campaign.
            None => "../".into(),
        },
    }
}

/// "Xã Lộc Hà" → "Lộc Hà Commune", the way the government's English pages
/// name a local unit.
pub fn english_unit(commune: &str) -> String {
    let lower = commune.to_lowercase();
    let unit = [
        ("xã ", "Commune"),
        ("phường ", "Ward"),
        ("thị trấn ", "Township"),
    ]
    .into_iter()
    .find(|(prefix, _)| lower.starts_with(prefix));
    match unit {
        Some((_, english)) => format!("{} {english}", strip_unit(commune)),
        None => commune.to_string(),
    }
}

pub fn english(ctx: &Ctx) -> EnglishPage {
    let c = &ctx.site.config;
    EnglishPage {
        organisation: format!("{} People's Committee", english_unit(&c.commune)),
        commune: c.commune.clone(),
        province: c.province.clone(),
        hotline_label: c.hotline.label.clone(),
        contacts: contact_views(ctx),
    }
}

/// The share image's text alternative and the poster's summary in one line.
pub fn summary_line(ctx: &Ctx, c: &Campaign) -> String {
    let config = &ctx.site.config;
    let (target, hotline) = match ctx.lang {
        Lang::Vi => ("Mục tiêu", "Đường dây nóng"),
        Lang::En => ("Target", "Hotline"),
    };
    let mut parts = vec![format!("{} – {}", c.title, config.commune)];
    for lead in leads(ctx, c) {
        if let Some(figure) = &lead.figure_phrase {
            let detail = lead
                .detail
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            parts.push(format!("{}: {figure}{detail}", lead.label));
        }
        if let Some(t) = &lead.target {
            parts.push(format!("{target}: {t}"));
        }
    }
    parts.push(format!("{hotline}: {}", config.hotline.number));
    parts.join(". ") + "."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_units_are_named_in_english() {
        assert_eq!(english_unit("Xã Lộc Hà"), "Lộc Hà Commune");
        assert_eq!(english_unit("Phường Bắc Hà"), "Bắc Hà Ward");
        assert_eq!(english_unit("Thị trấn Cẩm Xuyên"), "Cẩm Xuyên Township");
        assert_eq!(english_unit("Lộc Hà"), "Lộc Hà");
    }
}
