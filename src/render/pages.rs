//! Views of every page but the indicator sections: layout, home, campaign,
//! notices, apps, contacts, free pages.

use crate::check::reader::is_web_link;
use crate::derive::{PhaseFacts, PhaseResult, PhaseTarget, Timing};
use crate::markdown;
use crate::model::{Campaign, Notice, Page, Phase, Reporting, Schedule};
use crate::render::components::{app_view, campaign_card, notice_item, strip_unit};
use crate::render::ctx::Ctx;
use crate::render::figure_text::{self as ft, unit_of};
use crate::render::indicator::indicator_view;
use crate::render::phrases as ph;
use crate::render::routes;
use crate::render::views::*;
use crate::vi::{Lang, format_date, format_int, format_letter_date, format_percent, weekday_name};

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

pub fn campaign(ctx: &Ctx, c: &Campaign) -> CampaignPage {
    let lang = ctx.lang;
    let facts = ctx.facts(c);
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
        days_left: facts.days_left.map(|d| ph::days_left(lang, d)),
        reporting: c.reporting.as_ref().map(|r| reporting_text(lang, r)),
        overdue: facts
            .overdue
            .map(|due| ph::overdue(lang, facts.newest, due)),
        indicators: c
            .indicators
            .iter()
            .zip(&facts.indicators)
            .map(|(i, f)| indicator_view(lang, c, i, f))
            .collect(),
        phases: c
            .phases
            .iter()
            .zip(&facts.phases)
            .map(|(p, f)| phase_view(lang, c, p, f))
            .collect(),
        notices: ctx
            .visible_notices()
            .filter(|n| n.campaigns.iter().any(|(id, _)| *id == c.id))
            .map(|n| notice_item(ctx, n))
            .collect(),
        data_csv: routes::campaign_csv(&c.id),
        data_xlsx: routes::campaign_xlsx(&c.id),
        data_json: routes::campaign_json(&c.id),
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
    let attr = crate::markup::html;
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

fn phase_view(lang: Lang, c: &Campaign, p: &Phase, facts: &PhaseFacts) -> PhaseView {
    PhaseView {
        name: p.name.clone(),
        period: ph::period(lang, Some(p.start), Some(p.end)).unwrap_or_default(),
        targets: facts
            .targets
            .iter()
            .filter_map(|t| {
                let indicator = c.indicators.iter().find(|i| i.id == t.indicator)?;
                let unit = unit_of(lang, indicator);
                Some(PhaseTargetView {
                    label: indicator.label.clone(),
                    value: ft::target_text(lang, &t.goal, &unit, false)?,
                    result: phase_result_code(t.result).into(),
                    result_label: phase_result_label(lang, t, &unit),
                })
            })
            .collect(),
        timing: match facts.timing {
            Timing::Past => "past",
            Timing::Current => "current",
            Timing::Future => "future",
        }
        .into(),
    }
}

fn phase_result_code(result: PhaseResult) -> &'static str {
    match result {
        PhaseResult::Upcoming => "upcoming",
        PhaseResult::Reached => "reached",
        PhaseResult::NotYet => "not-yet",
        PhaseResult::NotReached => "not-reached",
        PhaseResult::NoData => "no-data",
        PhaseResult::Incomparable => "incomparable",
    }
}

/// "Đạt (87 % ngày 17/5/2026)", "Không đạt (40 % ngày 17/5/2026)", "Không có số liệu".
fn phase_result_label(lang: Lang, t: &PhaseTarget, unit: &str) -> String {
    let figure = t.figure.map(|f| {
        let value = match (f.percent, f.count) {
            (Some(p), _) => format_percent(lang, p),
            (None, Some(n)) => format!("{} {unit}", format_int(lang, n as i64)),
            (None, None) => "—".into(),
        };
        match lang {
            Lang::Vi => format!(" ({value} ngày {})", format_date(lang, f.date)),
            Lang::En => format!(" ({value} on {})", format_date(lang, f.date)),
        }
    });
    let figure = figure.unwrap_or_default();
    match (lang, t.result) {
        (Lang::Vi, PhaseResult::Upcoming) => "Chưa đến đợt".into(),
        (Lang::Vi, PhaseResult::Reached) => format!("Đạt{figure}"),
        (Lang::Vi, PhaseResult::NotYet) => format!("Chưa đạt{figure}"),
        (Lang::Vi, PhaseResult::NotReached) => format!("Không đạt{figure}"),
        (Lang::Vi, PhaseResult::NoData) => "Không có số liệu".into(),
        (Lang::Vi, PhaseResult::Incomparable) => format!("Chưa so được với mục tiêu{figure}"),
        (Lang::En, PhaseResult::Upcoming) => "Not yet begun".into(),
        (Lang::En, PhaseResult::Reached) => format!("Reached{figure}"),
        (Lang::En, PhaseResult::NotYet) => format!("Not reached yet{figure}"),
        (Lang::En, PhaseResult::NotReached) => format!("Not reached{figure}"),
        (Lang::En, PhaseResult::NoData) => "No figures".into(),
        (Lang::En, PhaseResult::Incomparable) => {
            format!("Cannot be compared with the target{figure}")
        }
    }
}

/// Page `number` (from 1) of the notice list.
pub fn notice_list(ctx: &Ctx, number: usize) -> NoticeListPage {
    let per_page = routes::NOTICES_PER_PAGE;
    let total = routes::notice_list_pages(ctx.visible.len());
    let first = ((number - 1) * per_page).min(ctx.visible.len());
    let shown = &ctx.visible[first..];
    NoticeListPage {
        notices: shown[..per_page.min(shown.len())]
            .iter()
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

/// A notice's page, its body given (see `Ctx::body_of`).
pub fn notice(ctx: &Ctx, n: &Notice, body: &str) -> NoticePage {
    let lang = ctx.lang;
    let commune = &ctx.site.config.commune;
    let issuer = n.issuer.clone().unwrap_or_else(|| {
        format!(
            "Ủy ban nhân dân {}",
            crate::render::components::lowercase_first(commune)
        )
    });
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
        body_html: body_html(ctx, body, &routes::notice(&n.slug)),
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

pub fn apps(ctx: &Ctx) -> AppsPage {
    AppsPage {
        apps: ctx.site.config.apps.iter().map(app_view).collect(),
    }
}

pub fn contacts(ctx: &Ctx) -> ContactsPage {
    ContactsPage {
        contacts: crate::render::components::contact_views(ctx),
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
    }
}
