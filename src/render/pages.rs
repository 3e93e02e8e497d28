//! Views of every page but the indicator sections: layout, home, campaign,
//! notices, apps, contacts, free pages.

use chrono::NaiveDate;

use crate::derive;
use crate::markdown;
use crate::model::reader::is_web_link;
use crate::model::{App, Campaign, Notice, Page, Reporting, Schedule, Site};
use crate::render::indicator::{self as ind, indicator_view, status_view};
use crate::render::phrases as ph;
use crate::render::views::*;
use crate::render::{data_export, qr, routes};
use crate::vi::{Lang, format_date, format_int, format_letter_date, weekday_name};

/// What every page view is built from.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub lang: Lang,
    pub today: NaiveDate,
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    /// The pictures bodies show from `static/`, measured.
    pub pictures: &'a markdown::PictureSizes,
}

impl Ctx<'_> {
    pub fn visible_notices(&self) -> impl Iterator<Item = &Notice> {
        self.site
            .notices
            .iter()
            .map(|n| &**n)
            .filter(|n| self.drafts || !n.draft)
    }
}

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

pub fn home(ctx: &Ctx) -> HomePage {
    HomePage {
        campaigns: ctx
            .site
            .campaigns
            .iter()
            .map(|c| campaign_card(ctx, c))
            .collect(),
        notices: ctx
            .visible_notices()
            .take(5)
            .map(|n| notice_item(ctx, n))
            .collect(),
    }
}

pub fn campaign_card(ctx: &Ctx, c: &Campaign) -> CampaignCard {
    let lang = ctx.lang;
    let first = c.indicators.first();
    let progress = first.map(|i| derive::progress(i, c.deadline, ctx.today));
    let latest = progress.as_ref().and_then(|p| p.latest);
    let newest = c
        .indicators
        .iter()
        .filter_map(|i| i.figures.last().map(|f| f.date))
        .max();
    CampaignCard {
        title: c.title.clone(),
        href: routes::campaign(&c.id),
        summary_html: c
            .summary
            .as_deref()
            .map(markdown::render_inline)
            .unwrap_or_default(),
        headline: latest.as_ref().map(|l| ind::headline(lang, l)),
        headline_label: first
            .zip(latest)
            .map(|(i, l)| format!("{} ({})", i.label, ind::headline_detail(lang, i, &l))),
        progress: progress.as_ref().and_then(|p| ind::progress_view(lang, p)),
        status: status_view(lang, progress.map_or(derive::Status::NoData, |p| p.status)),
        updated: newest.map(|d| format_date(lang, d)),
        updated_iso: newest.map(|d| d.to_string()),
        deadline: c.deadline.map(|d| format_date(lang, d)),
        overdue: overdue_due(ctx, c).is_some(),
    }
}

/// The due date of figures that are late by the schedule, if any are.
pub fn overdue_due(ctx: &Ctx, c: &Campaign) -> Option<NaiveDate> {
    let reporting = c.reporting.as_ref()?;
    let newest = c
        .indicators
        .iter()
        .filter_map(|i| i.figures.last().map(|f| f.date))
        .max();
    derive::is_overdue(reporting, c.start, c.deadline, newest, ctx.today)
        .then(|| derive::last_due(reporting, c.start, c.deadline, ctx.today))
        .flatten()
}

pub fn campaign(ctx: &Ctx, c: &Campaign) -> CampaignPage {
    let lang = ctx.lang;
    let newest = c
        .indicators
        .iter()
        .filter_map(|i| i.figures.last().map(|f| f.date))
        .max();
    CampaignPage {
        id: c.id.clone(),
        title: c.title.clone(),
        summary_html: c
            .summary
            .as_deref()
            .map(markdown::render_inline)
            .unwrap_or_default(),
        app: c
            .app
            .as_ref()
            .and_then(|(id, _)| ctx.site.config.apps.iter().find(|a| &a.id == id))
            .map(app_view),
        period: ph::period(lang, c.start, c.deadline),
        deadline: c.deadline.map(|d| format_date(lang, d)),
        days_left: c
            .deadline
            .map(|d| ph::days_left(lang, (d - ctx.today).num_days())),
        reporting: c.reporting.as_ref().map(|r| reporting_text(lang, r)),
        overdue: overdue_due(ctx, c).map(|due| ph::overdue(lang, newest, due)),
        indicators: c
            .indicators
            .iter()
            .map(|i| indicator_view(lang, c, i, ctx.today))
            .collect(),
        phases: c.phases.iter().map(|p| phase_view(ctx, c, p)).collect(),
        notices: ctx
            .visible_notices()
            .filter(|n| n.campaigns.iter().any(|(id, _)| *id == c.id))
            .map(|n| notice_item(ctx, n))
            .collect(),
        data_csv: data_export::csv_path(&c.id),
        data_json: data_export::json_path(&c.id),
        poster: routes::poster(&c.id),
        embed: routes::embed(&c.id),
        embed_snippet: ctx
            .base_url
            .map(|base| embed_snippet(&format!("{base}{}", routes::embed(&c.id)), &c.title)),
    }
}

/// The `<iframe>` a portal editor pastes: full width, tall enough for the
/// widget at 360 px, loaded only when scrolled to.
pub fn embed_snippet(src: &str, title: &str) -> String {
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"440\" loading=\"lazy\" style=\"border:0\"></iframe>",
        attr(src),
        attr(title)
    )
}

fn reporting_text(lang: Lang, r: &Reporting) -> String {
    let days = match (&r.every, lang) {
        (Schedule::Daily, Lang::Vi) => "hằng ngày".to_string(),
        (Schedule::Daily, Lang::En) => "daily".to_string(),
        (Schedule::Weekly, Lang::Vi) => "hằng tuần".to_string(),
        (Schedule::Weekly, Lang::En) => "weekly".to_string(),
        (Schedule::Days(days), _) => {
            let names: Vec<&str> = days.iter().map(|d| weekday_name(lang, *d)).collect();
            match lang {
                Lang::Vi => format!("{} hằng tuần", names.join(", ")),
                Lang::En => format!("every {}", names.join(" and ")),
            }
        }
    };
    match (lang, r.before) {
        (Lang::Vi, Some(t)) => format!("Báo cáo số liệu {days}, trước {}", t.format("%H:%M")),
        (Lang::Vi, None) => format!("Báo cáo số liệu {days}"),
        (Lang::En, Some(t)) => format!("Figures are reported {days}, before {}", t.format("%H:%M")),
        (Lang::En, None) => format!("Figures are reported {days}"),
    }
}

fn phase_view(ctx: &Ctx, c: &Campaign, p: &crate::model::Phase) -> PhaseView {
    let lang = ctx.lang;
    let timing = if ctx.today > p.end {
        "past"
    } else if ctx.today < p.start {
        "future"
    } else {
        "current"
    };
    PhaseView {
        name: p.name.clone(),
        period: ph::period(lang, Some(p.start), Some(p.end)).unwrap_or_default(),
        targets: p
            .targets
            .iter()
            .filter_map(|(id, target)| {
                let indicator = c.indicators.iter().find(|i| &i.id == id)?;
                // The phase's end is shown as its period, so the target text needs no date.
                let goal = derive::Goal {
                    by: None,
                    ..derive::goal(target, indicator.population, None)
                };
                let unit = indicator
                    .unit
                    .clone()
                    .unwrap_or_else(|| ind::default_unit(lang).into());
                Some(Fact {
                    label: indicator.label.clone(),
                    value: ind::target_text(lang, &goal, &unit)?,
                })
            })
            .collect(),
        timing: timing.into(),
    }
}

/// Page `number` (from 1) of the notice list.
pub fn notice_list(ctx: &Ctx, number: usize) -> NoticeListPage {
    let per_page = routes::NOTICES_PER_PAGE;
    let total = routes::notice_list_pages(ctx.visible_notices().count());
    NoticeListPage {
        notices: ctx
            .visible_notices()
            .skip((number - 1) * per_page)
            .take(per_page)
            .map(|n| notice_item(ctx, n))
            .collect(),
        pager: (total > 1).then(|| pager(ctx, number, total)),
    }
}

/// Links to the first and last pages, and two either side of this one.
fn pager(ctx: &Ctx, number: usize, total: usize) -> Pager {
    let shown: Vec<usize> = (1..=total)
        .filter(|k| *k == 1 || *k == total || k.abs_diff(number) <= 2)
        .collect();
    let mut pages = Vec::new();
    for (i, k) in shown.iter().enumerate() {
        if i > 0 && shown[i - 1] + 1 < *k {
            pages.push(PagerLink {
                label: "…".into(),
                href: None,
                current: false,
            });
        }
        pages.push(PagerLink {
            label: format_int(ctx.lang, *k as i64),
            href: Some(routes::notice_list(*k)),
            current: *k == number,
        });
    }
    let page_word = match ctx.lang {
        Lang::Vi => "Trang",
        Lang::En => "Page",
    };
    Pager {
        position: format!(
            "{page_word} {}/{}",
            format_int(ctx.lang, number as i64),
            format_int(ctx.lang, total as i64)
        ),
        previous: (number > 1).then(|| routes::notice_list(number - 1)),
        next: (number < total).then(|| routes::notice_list(number + 1)),
        pages,
    }
}

pub fn notice(ctx: &Ctx, n: &Notice) -> NoticePage {
    let lang = ctx.lang;
    let commune = &ctx.site.config.commune;
    let issuer = n
        .issuer
        .clone()
        .unwrap_or_else(|| format!("Ủy ban nhân dân {}", lowercase_first(commune)));
    let place = n
        .place
        .clone()
        .unwrap_or_else(|| strip_unit(commune).to_string());
    NoticePage {
        issuer_lines: issuer_lines(&issuer),
        kind: n.kind.clone(),
        number: Some(format!("Số: {}", n.number.as_deref().unwrap_or("……"))),
        number_bare: n.number.clone(),
        issuer: issuer.clone(),
        place_date: format!("{place}, {}", format_letter_date(n.date)),
        date_iso: n.date.to_string(),
        date: format_date(lang, n.date),
        effective: n.effective.map(|d| format_date(lang, d)),
        effective_iso: n.effective.map(|d| d.to_string()),
        title: n.title.clone(),
        recipients: n.recipients.clone(),
        body_html: body_html(ctx, &n.body, &routes::notice(&n.slug)),
        distribution: n.distribution.clone(),
        signer: n.signer.as_ref().map(|s| SignerView {
            on_behalf: s.on_behalf.as_deref().map(str::to_uppercase),
            authority: s.authority.as_deref().map(str::to_uppercase),
            position: s.position.as_deref().map(str::to_uppercase),
            name: s.name.clone(),
        }),
        attachments: n
            .attachments
            .iter()
            .map(|a| LinkView {
                title: a.title.clone(),
                href: a.url.clone(),
                external: is_web_link(&a.url),
            })
            .collect(),
        campaigns: n
            .campaigns
            .iter()
            .filter_map(|(id, _)| ctx.site.campaigns.iter().find(|c| &c.id == id))
            .map(|c| LinkView {
                title: c.title.clone(),
                href: routes::campaign(&c.id),
                external: false,
            })
            .collect(),
        draft: n.draft,
    }
}

/// "Ủy ban nhân dân xã Lộc Hà" → ["ỦY BAN NHÂN DÂN", "XÃ LỘC HÀ"], as a letterhead prints it.
fn issuer_lines(issuer: &str) -> Vec<String> {
    let upper = issuer.to_uppercase();
    for unit in [" XÃ ", " PHƯỜNG ", " THỊ TRẤN ", " TỈNH ", " HUYỆN "] {
        if let Some(i) = upper.find(unit) {
            return vec![upper[..i].to_string(), upper[i + 1..].to_string()];
        }
    }
    vec![upper]
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

pub fn apps(ctx: &Ctx) -> AppsPage {
    AppsPage {
        apps: ctx.site.config.apps.iter().map(app_view).collect(),
    }
}

pub fn contacts(ctx: &Ctx) -> ContactsPage {
    ContactsPage {
        contacts: crate::render::outreach::contact_views(ctx),
    }
}

pub fn free_page(ctx: &Ctx, p: &Page) -> FreePage {
    FreePage {
        title: p.title.clone(),
        body_html: body_html(ctx, &p.body, &routes::page(&p.slug)),
    }
}

/// A body as HTML on the page at `path`, its pictures shown.
fn body_html(ctx: &Ctx, body: &str, path: &str) -> String {
    let root = routes::root_of(path);
    let pictures = markdown::Pictures {
        root: &root,
        sizes: ctx.pictures,
    };
    markdown::render_with(body, Some(&pictures)).html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letterhead_splits_the_issuer() {
        assert_eq!(
            issuer_lines("Ủy ban nhân dân xã Lộc Hà"),
            vec!["ỦY BAN NHÂN DÂN", "XÃ LỘC HÀ"]
        );
        assert_eq!(strip_unit("Xã Lộc Hà"), "Lộc Hà");
    }
}
