//! Open data: every campaign's figures with the derived ones, as CSV and
//! JSON at stable URLs, and one site-wide `data.json`. Machine formats here:
//! ISO dates, dot decimals, no thousands separators.

use serde::Serialize;

use crate::derive::{self, Progress, Status};
use crate::model::{Campaign, Indicator};
use crate::render::ctx::Ctx;
use crate::render::routes::{self, campaign_csv as csv_path, campaign_json as json_path};

#[derive(Serialize)]
struct SiteData<'a> {
    format: &'static str,
    commune: &'a str,
    province: &'a str,
    title: &'a str,
    sample: bool,
    today: String,
    campaigns: Vec<CampaignData<'a>>,
}

#[derive(Serialize)]
struct CampaignData<'a> {
    id: &'a str,
    title: &'a str,
    start: Option<String>,
    deadline: Option<String>,
    url: String,
    csv: String,
    indicators: Vec<IndicatorData<'a>>,
}

#[derive(Serialize)]
struct IndicatorData<'a> {
    id: &'a str,
    label: &'a str,
    unit: Option<&'a str>,
    population: Option<u64>,
    target_percent: Option<f64>,
    target_count: Option<u64>,
    target_date: Option<String>,
    derived: Derived,
    figures: Vec<FigureData<'a>>,
}

/// Computed by loaxa, never copied from the source files.
#[derive(Serialize)]
struct Derived {
    status: &'static str,
    latest_date: Option<String>,
    rate_percent: Option<f64>,
    count: Option<u64>,
    remaining: Option<u64>,
    needed: Option<f64>,
    share_of_target: Option<f64>,
    days_left: Option<i64>,
    pace_per_day: Option<f64>,
    pace_needed_per_day: Option<f64>,
    projected_date: Option<String>,
    measure: Option<&'static str>,
}

#[derive(Serialize)]
struct FigureData<'a> {
    date: String,
    count: Option<u64>,
    rate_percent: Option<f64>,
    remaining: Option<u64>,
    population: Option<u64>,
    stated_percent: Option<f64>,
    approximate: bool,
    rank_position: Option<u64>,
    rank_of: Option<u64>,
    source: Option<&'a str>,
}

/// Rounds for publication: enough digits to recompute, no float noise.
fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn derived(p: &Progress) -> Derived {
    Derived {
        status: p.status.code(),
        latest_date: p.latest.map(|l| l.date.to_string()),
        rate_percent: p.latest.and_then(|l| l.percent).map(|x| round(x, 4)),
        count: p.latest.and_then(|l| l.count),
        remaining: p.latest.and_then(|l| l.remaining),
        needed: p.needed.map(|x| round(x.value(), 4)),
        share_of_target: p.share.map(|x| round(x, 4)),
        days_left: p.days_left,
        pace_per_day: p.pace.map(|x| round(x, 4)),
        pace_needed_per_day: p.pace_needed.map(|x| round(x, 4)),
        projected_date: p.projected.map(|d| d.to_string()),
        measure: p.measure.map(|m| match m {
            derive::Measure::Count => "count",
            derive::Measure::Points => "percentage_points",
            derive::Measure::Remaining => "remaining",
        }),
    }
}

fn indicator_data<'a>(ctx: &Ctx, c: &Campaign, i: &'a Indicator) -> IndicatorData<'a> {
    let Some(facts) = ctx.facts(c).indicator(&i.id) else {
        unreachable!("every indicator is derived")
    };
    let p = facts.progress.clone();
    IndicatorData {
        id: &i.id,
        label: &i.label,
        unit: i.unit.as_deref(),
        population: i.population,
        target_percent: p.goal.and_then(|g| g.percent).map(|x| round(x, 4)),
        target_count: p.goal.and_then(|g| g.count),
        target_date: p.goal.and_then(|g| g.by).map(|d| d.to_string()),
        derived: derived(&p),
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
                source: f.source.as_deref(),
            })
            .collect(),
    }
}

fn campaign_data<'a>(ctx: &Ctx, c: &'a Campaign) -> CampaignData<'a> {
    CampaignData {
        id: &c.id,
        title: &c.title,
        start: c.start.map(|d| d.to_string()),
        deadline: c.deadline.map(|d| d.to_string()),
        url: format!("{}{}", ctx.base_url.unwrap_or(""), routes::campaign(&c.id)),
        csv: format!("{}{}", ctx.base_url.unwrap_or(""), csv_path(&c.id)),
        indicators: c
            .indicators
            .iter()
            .map(|i| indicator_data(ctx, c, i))
            .collect(),
    }
}

const CSV_HEADER: &str = "campaign,indicator,date,count,rate_percent,remaining,population,stated_percent,approximate,rank_position,rank_of,source\n";

fn csv(data: &CampaignData) -> String {
    let mut out = String::from(CSV_HEADER);
    for i in &data.indicators {
        for f in &i.figures {
            let cells = [
                data.id.to_string(),
                i.id.to_string(),
                f.date.clone(),
                opt(f.count),
                opt(f.rate_percent),
                opt(f.remaining),
                opt(f.population),
                opt(f.stated_percent),
                f.approximate.to_string(),
                opt(f.rank_position),
                opt(f.rank_of),
                f.source.unwrap_or("").to_string(),
            ];
            let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// Quotes a cell when needed, and defuses spreadsheet formulas (a cell
/// starting with `=`, `+`, `-`, `@` is run by Excel).
fn csv_cell(cell: &str) -> String {
    let is_number = cell.parse::<f64>().is_ok();
    let risky = !is_number && cell.starts_with(['=', '+', '-', '@']);
    let cell = if risky {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// One campaign's CSV and JSON.
pub fn campaign_files(ctx: &Ctx, campaign: &Campaign) -> [(String, Vec<u8>); 2] {
    let data = campaign_data(ctx, campaign);
    [
        (csv_path(data.id), csv(&data).into_bytes()),
        (json_path(data.id), to_json(&data)),
    ]
}

/// `data.json`: the site and every campaign.
pub fn site_json(ctx: &Ctx) -> Vec<u8> {
    let c = &ctx.site.config;
    let site = SiteData {
        format: "loaxa-data-1",
        commune: &c.commune,
        province: &c.province,
        title: &c.title,
        sample: c.sample,
        today: ctx.today.to_string(),
        campaigns: ctx
            .site
            .campaigns
            .iter()
            .map(|camp| campaign_data(ctx, camp))
            .collect(),
    };
    to_json(&site)
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// For the status column of the province roll-up and tests.
pub fn status_code(s: Status) -> &'static str {
    s.code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(
            csv_cell("Sở Khoa học, Công nghệ"),
            "\"Sở Khoa học, Công nghệ\""
        );
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-5"), "-5");
    }
}
