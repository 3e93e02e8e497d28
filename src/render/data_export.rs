//! Open data: every campaign's figures with the derived ones, as CSV, xlsx
//! and JSON at stable URLs; one site-wide `data.json` and a
//! `datapackage.json`. The schema and the file formats are
//! `crate::opendata`'s; this module only fills them from the site.

use crate::derive::{self, BreakdownFacts, Progress, Quantity};
use crate::model::{Campaign, Indicator};
use crate::opendata::{
    self, Amount, BreakdownData, BreakdownRowData, CampaignData, Derived, FigureData,
    IndicatorData, SiteData, package, round, table, xlsx,
};
use crate::render::ctx::Ctx;
use crate::render::routes;

/// The derived values of one indicator, from the derive stage's facts.
fn derived(p: &Progress) -> Derived {
    let (measure, unit) = match p.measure {
        Some(derive::Measure::Count) => (Some("count"), Some("count")),
        Some(derive::Measure::Remaining) => (Some("remaining"), Some("count")),
        Some(derive::Measure::Points) => (Some("percentage_points"), Some("percentage_points")),
        None => (None, None),
    };
    let needed = p.needed.map(|n| match n {
        Quantity::People(n) => Amount::Count(n),
        Quantity::Points(x) => Amount::Points(round(x, 4)),
    });
    Derived {
        status: p.status.code().to_string(),
        latest_date: p.latest.map(|l| l.date.to_string()),
        rate_percent: p.latest.and_then(|l| l.percent).map(|x| round(x, 4)),
        count: p.latest.and_then(|l| l.count),
        remaining: p.latest.and_then(|l| l.remaining),
        approximate: p.latest.is_some_and(|l| l.approximate),
        needed,
        needed_unit: needed.and(unit).map(String::from),
        progress_percent: p.share.map(|x| round(x * 100.0, 2)),
        days_left: p.days_left,
        pace_per_day: p.pace.map(|x| round(x, 4)),
        pace_needed_per_day: p.pace_needed.map(|x| round(x, 4)),
        projected_date: p.projected.map(|d| d.to_string()),
        measure: measure.map(String::from),
    }
}

fn breakdown_data(b: &BreakdownFacts) -> BreakdownData {
    BreakdownData {
        date: b.date.to_string(),
        by: b.by.clone(),
        rows: b
            .rows
            .iter()
            .map(|r| BreakdownRowData {
                name: r.name.clone(),
                count: r.count,
                population: r.population,
                rate_percent: r.rate.map(|x| round(x, 4)),
                target_count: r.goal.and_then(|g| g.count),
                target_percent: r.goal.and_then(|g| g.percent).map(|x| round(x, 4)),
            })
            .collect(),
    }
}

fn indicator_data(ctx: &Ctx, c: &Campaign, i: &Indicator) -> IndicatorData {
    let Some(facts) = ctx.facts(c).indicator(&i.id) else {
        unreachable!("every indicator is derived")
    };
    let p = &facts.progress;
    IndicatorData {
        id: i.id.clone(),
        label: i.label.clone(),
        unit: i.unit.clone(),
        population: i.population,
        target_percent: p.goal.and_then(|g| g.percent).map(|x| round(x, 4)),
        target_count: p.goal.and_then(|g| g.count),
        target_date: p.goal.and_then(|g| g.by).map(|d| d.to_string()),
        derived: derived(p),
        figures: p
            .series
            .iter()
            .zip(&i.figures)
            .map(|(r, f)| FigureData {
                date: r.date.to_string(),
                count: r.count,
                rate_percent: r.percent.map(|x| round(x, 4)),
                remaining: r.remaining,
                population: r.population,
                stated_percent: f.stated_percent.map(|s| s.value),
                approximate: r.approximate,
                rank_position: f.rank.map(|k| k.position),
                rank_of: f.rank.map(|k| k.of),
                source: f.source.clone(),
            })
            .collect(),
        breakdowns: facts.breakdowns.iter().map(breakdown_data).collect(),
    }
}

/// Where the campaign's data is held: in `data.json` at the root, or in
/// its own `so-lieu.json` beside the CSV. Links are made relative to it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holder {
    SiteRoot,
    CampaignFolder,
}

fn campaign_data(ctx: &Ctx, c: &Campaign, holder: Holder) -> CampaignData {
    let link = |path: String| match (ctx.base_url, holder) {
        (Some(base), _) => format!("{base}{path}"),
        (None, Holder::SiteRoot) => path,
        (None, Holder::CampaignFolder) => {
            let own = routes::campaign(&c.id);
            let rest = path.strip_prefix(own.as_str()).unwrap_or(&path);
            if rest.is_empty() {
                "./".to_string()
            } else {
                rest.to_string()
            }
        }
    };
    CampaignData {
        id: c.id.clone(),
        title: c.title.clone(),
        sample: ctx.site.config.sample,
        start: c.start.map(|d| d.to_string()),
        deadline: c.deadline.map(|d| d.to_string()),
        url: link(routes::campaign(&c.id)),
        csv: link(routes::campaign_csv(&c.id)),
        xlsx: link(routes::campaign_xlsx(&c.id)),
        indicators: c
            .indicators
            .iter()
            .map(|i| indicator_data(ctx, c, i))
            .collect(),
    }
}

/// The newest date in a campaign's data (for the workbook's creation
/// date: the same data, the same bytes).
fn newest_date(ctx: &Ctx, data: &CampaignData) -> String {
    data.indicators
        .iter()
        .flat_map(|i| {
            i.figures
                .iter()
                .map(|f| f.date.clone())
                .chain(i.breakdowns.iter().map(|b| b.date.clone()))
        })
        .chain(data.start.clone())
        .max()
        .unwrap_or_else(|| ctx.today.to_string())
}

/// One campaign's CSV, xlsx and JSON.
pub fn campaign_files(ctx: &Ctx, campaign: &Campaign) -> Vec<(String, Vec<u8>)> {
    let data = campaign_data(ctx, campaign, Holder::CampaignFolder);
    let mut files = vec![
        (routes::campaign_csv(&data.id), table::csv(&data)),
        (routes::campaign_json(&data.id), opendata::to_json(&data)),
    ];
    if let Ok(book) = xlsx::workbook(&data, &newest_date(ctx, &data)) {
        files.push((routes::campaign_xlsx(&data.id), book));
    }
    files
}

fn site_data(ctx: &Ctx) -> SiteData {
    SiteData {
        campaigns: ctx
            .site
            .campaigns
            .iter()
            .map(|camp| campaign_data(ctx, camp, Holder::SiteRoot))
            .collect(),
        ..site_data_header(ctx)
    }
}

/// `data.json`: the site and every campaign.
pub fn site_json(ctx: &Ctx) -> Vec<u8> {
    opendata::to_json(&site_data(ctx))
}

/// `datapackage.json`: every campaign's CSV with its Table Schema.
pub fn datapackage(ctx: &Ctx) -> Vec<u8> {
    let site = site_data_header(ctx);
    let resources: Vec<package::Resource> = ctx
        .site
        .campaigns
        .iter()
        .map(|c| package::Resource {
            path: routes::campaign_csv(&c.id),
            campaign_id: &c.id,
            title: &c.title,
        })
        .collect();
    package::datapackage(&site, &resources)
}

fn site_data_header(ctx: &Ctx) -> SiteData {
    let c = &ctx.site.config;
    SiteData {
        format: opendata::SITE_FORMAT.to_string(),
        commune: c.commune.clone(),
        province: c.province.clone(),
        title: c.title.clone(),
        sample: c.sample,
        today: ctx.today.to_string(),
        campaigns: Vec::new(),
    }
}
