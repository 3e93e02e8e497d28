//! View pieces shared by several pages: an app's store links, a notice in
//! a list, a campaign's card, a contact, one indicator at a glance, and the
//! commune's name turned the ways pages print it.

use crate::check::reader::tel_digits;
use crate::markdown;
use crate::model::{App, Campaign, Indicator, Notice};
use crate::render::ctx::Ctx;
use crate::render::figure_text as ft;
use crate::render::indicator::{progress_view, status_view};
use crate::render::views::*;
use crate::render::{qr, routes};
use crate::vi::format_date;

pub fn app_view(app: &App) -> AppView {
    let qr = |link: &Option<String>, store: &str| {
        link.as_deref()
            .filter(|url| qr::encodable(url))
            .map(|_| qr::path(&app.id, store))
    };
    AppView {
        id: app.id.clone(),
        name: app.name.clone(),
        summary: app.summary.clone().unwrap_or_default(),
        ios: app.ios.clone(),
        android: app.android.clone(),
        guide: app.guide.clone(),
        ios_qr: qr(&app.ios, "ios"),
        android_qr: qr(&app.android, "android"),
    }
}

/// The app a campaign names, as store links.
pub fn campaign_app(ctx: &Ctx, c: &Campaign) -> Option<AppView> {
    c.app
        .as_ref()
        .and_then(|(id, _)| ctx.site.config.apps.iter().find(|a| &a.id == id))
        .map(app_view)
}

pub fn notice_item(ctx: &Ctx, n: &Notice) -> NoticeItem {
    NoticeItem {
        title: n.title.clone(),
        href: routes::notice(&n.slug),
        kind: n.kind.clone(),
        number: n.number.clone(),
        date: format_date(ctx.lang, n.date),
        date_iso: n.date.to_string(),
        draft: n.draft,
    }
}

/// One indicator at a glance, from its derived facts.
pub fn lead_view(ctx: &Ctx, c: &Campaign, indicator: &Indicator) -> LeadView {
    let lang = ctx.lang;
    let facts = ctx.facts(c).indicator(&indicator.id);
    let p = facts.map(|f| &f.progress);
    let text = p.and_then(|p| ft::figure_text(lang, indicator, p));
    LeadView {
        label: p.map_or_else(|| indicator.label.clone(), |p| ft::what(lang, indicator, p)),
        figure: text.as_ref().map(|t| t.figure.clone()),
        approximate: text.as_ref().is_some_and(|t| t.approximate),
        figure_phrase: text.as_ref().map(|t| t.figure_phrase.clone()),
        detail: text.as_ref().map(|t| t.detail.clone()),
        target: p.and_then(|p| ft::indicator_target(lang, indicator, p)),
        share: p.and_then(|p| p.share),
        status: status_view(
            lang,
            p.map_or(crate::derive::Status::NoFigures, |p| p.status),
        ),
    }
}

/// Every indicator of a campaign at a glance, the headline one first.
pub fn leads(ctx: &Ctx, c: &Campaign) -> Vec<LeadView> {
    let headline = c.headline_indicator().map(|i| i.id.as_str());
    let first = c
        .indicators
        .iter()
        .filter(|i| Some(i.id.as_str()) == headline);
    let rest = c
        .indicators
        .iter()
        .filter(|i| Some(i.id.as_str()) != headline);
    first.chain(rest).map(|i| lead_view(ctx, c, i)).collect()
}

pub fn campaign_card(ctx: &Ctx, c: &Campaign) -> CampaignCard {
    let lang = ctx.lang;
    let facts = ctx.facts(c);
    let headline = c
        .headline_indicator()
        .and_then(|i| Some((i, facts.indicator(&i.id)?)));
    let text = headline.and_then(|(i, f)| ft::figure_text(lang, i, &f.progress));
    CampaignCard {
        title: c.title.clone(),
        href: routes::campaign(&c.id),
        summary_html: c
            .summary
            .as_deref()
            .map(markdown::render_inline)
            .unwrap_or_default(),
        headline: text.as_ref().map(|t| {
            if t.approximate {
                format!("{} {}", crate::render::phrases::about(lang), t.figure)
            } else {
                t.figure.clone()
            }
        }),
        headline_label: text.as_ref().map(|t| format!("{} ({})", t.what, t.detail)),
        progress: headline.and_then(|(i, f)| progress_view(lang, i, f)),
        status: status_view(
            lang,
            headline.map_or(crate::derive::Status::NoFigures, |(_, f)| f.progress.status),
        ),
        updated: facts.newest.map(|d| format_date(lang, d)),
        updated_iso: facts.newest.map(|d| d.to_string()),
        deadline: c.deadline.map(|d| format_date(lang, d)),
        overdue: facts.overdue.is_some(),
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

pub fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "Xã Lộc Hà" → "Lộc Hà", for the place line of a letter.
pub fn strip_unit(commune: &str) -> &str {
    ["Xã ", "xã ", "Phường ", "phường ", "Thị trấn ", "thị trấn "]
        .iter()
        .find_map(|p| commune.strip_prefix(p))
        .unwrap_or(commune)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unit_is_stripped_from_a_commune_name() {
        assert_eq!(strip_unit("Xã Lộc Hà"), "Lộc Hà");
        assert_eq!(strip_unit("Lộc Hà"), "Lộc Hà");
    }
}
