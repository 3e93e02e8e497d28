//! Pages that carry a campaign beyond the site: the printable poster, the
//! widget for the commune portal, and the contacts in English. The share
//! image (share.rs) says the same as the poster, from the same [`Lead`].

use crate::derive;
use crate::model::reader::tel_digits;
use crate::model::{Campaign, Indicator};
use crate::render::indicator::{self as ind, status_view};
use crate::render::pages::{Ctx, app_view, campaign_card, strip_unit};
use crate::render::routes;
use crate::render::views::*;
use crate::vi::{Lang, format_date};

/// What a campaign says in one glance: its first indicator's latest figure
/// and target.
pub struct Lead {
    /// The indicator: "Người dân từ 18 tuổi trở lên có tài khoản i-HaTinh".
    pub label: Option<String>,
    /// "4,44 %".
    pub figure: Option<String>,
    pub approximate: bool,
    /// "1.299/29.226 tài khoản, ngày 29/5/2026".
    pub detail: Option<String>,
    /// "30 % (8.768 tài khoản) trước 31/12/2026".
    pub target: Option<String>,
    /// Share of the target reached, 0–1.
    pub share: Option<f64>,
    pub status: StatusView,
    pub updated: Option<chrono::NaiveDate>,
}

pub fn lead(ctx: &Ctx, c: &Campaign) -> Lead {
    match c.indicators.first() {
        Some(first) => indicator_lead(ctx, c, first),
        None => Lead {
            label: None,
            figure: None,
            approximate: false,
            detail: None,
            target: None,
            share: None,
            status: status_view(ctx.lang, derive::Status::NoData),
            updated: None,
        },
    }
}

/// What each of a campaign's indicators says in one glance, in order: the
/// poster and the share image show every one, each target beside the
/// indicator (and group) it is for.
pub fn leads(ctx: &Ctx, c: &Campaign) -> Vec<Lead> {
    c.indicators
        .iter()
        .map(|i| indicator_lead(ctx, c, i))
        .collect()
}

fn indicator_lead(ctx: &Ctx, c: &Campaign, first: &Indicator) -> Lead {
    let lang = ctx.lang;
    let progress = derive::progress(first, c.deadline, ctx.today);
    let unit = first
        .unit
        .clone()
        .unwrap_or_else(|| ind::default_unit(lang).into());
    let latest = progress.latest;
    Lead {
        label: Some(first.label.clone()),
        figure: latest.as_ref().map(|l| ind::headline(lang, l)),
        approximate: latest.is_some_and(|l| l.approximate),
        detail: latest
            .as_ref()
            .map(|l| ind::headline_detail(lang, first, l)),
        target: progress
            .goal
            .as_ref()
            .and_then(|g| ind::target_text(lang, g, &unit)),
        share: progress.share,
        status: status_view(lang, progress.status),
        updated: latest.map(|l| l.date),
    }
}

fn campaign_app(ctx: &Ctx, c: &Campaign) -> Option<AppView> {
    c.app
        .as_ref()
        .and_then(|(id, _)| ctx.site.config.apps.iter().find(|a| &a.id == id))
        .map(app_view)
}

pub fn poster(ctx: &Ctx, c: &Campaign) -> PosterPage {
    let lead = lead(ctx, c);
    let lines = leads(ctx, c)
        .into_iter()
        .zip(&c.indicators)
        .map(|(l, i)| PosterLine {
            label: l.label.unwrap_or_else(|| i.label.clone()),
            figure: l.figure,
            approximate: l.approximate,
            detail: l.detail,
            target: l.target,
            status: l.status,
        })
        .collect();
    PosterPage {
        title: c.title.clone(),
        title_length: match c.title.chars().count() {
            0..=60 => "",
            61..=100 => "long",
            _ => "very-long",
        },
        href: routes::campaign(&c.id),
        headline: lead.figure,
        approximate: lead.approximate,
        headline_label: match (lead.label, lead.detail) {
            (Some(label), Some(detail)) => Some(format!("{label}: {detail}")),
            (label, _) => label,
        },
        target: lead.target,
        status: lead.status,
        updated: lead.updated.map(|d| format_date(ctx.lang, d)),
        updated_iso: lead.updated.map(|d| d.to_string()),
        app: campaign_app(ctx, c),
        lines,
    }
}

pub fn embed(ctx: &Ctx, c: &Campaign) -> EmbedPage {
    let page = routes::campaign(&c.id);
    EmbedPage {
        card: campaign_card(ctx, c),
        headline_detail: lead(ctx, c).detail,
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

pub fn contact_views(ctx: &Ctx) -> Vec<ContactView> {
    ctx.site
        .config
        .contacts
        .iter()
        .map(|c| ContactView {
            name: c.name.clone(),
            role: c.role.clone(),
            tel: c.phone.as_deref().map(tel_digits),
            phone: c.phone.clone(),
            email: c.email.clone(),
        })
        .collect()
}

/// The share image's text alternative and the poster's summary in one line.
pub fn summary_line(ctx: &Ctx, c: &Campaign) -> String {
    let lead = lead(ctx, c);
    let config = &ctx.site.config;
    let (about, target, hotline) = match ctx.lang {
        Lang::Vi => ("khoảng ", "Mục tiêu", "Đường dây nóng"),
        Lang::En => ("about ", "Target", "Hotline"),
    };
    let mut parts = vec![format!("{} – {}", c.title, config.commune)];
    if let (Some(label), Some(figure)) = (&lead.label, &lead.figure) {
        let about = if lead.approximate { about } else { "" };
        let detail = lead
            .detail
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        parts.push(format!("{label}: {about}{figure}{detail}"));
    }
    if let Some(t) = &lead.target {
        parts.push(format!("{target}: {t}"));
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
