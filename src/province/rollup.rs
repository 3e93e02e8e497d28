//! The roll-up: for every campaign indicator that several communes share
//! (same campaign id, same indicator id), the communes ranked by their
//! latest rate, as a table ("thứ 45/69") and a bar chart. Built only from
//! the open-data schema (`crate::opendata`): a province's roll-up from its
//! communes' `data.json`, a national (or any higher) one from the province
//! roll-ups' `data.json` — the same types, written once, read back here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::charts::{self, Bar, Bars, Scale};
use crate::derive::Status;
use crate::opendata::{self, CommuneData, IndicatorData, ROLLUP_FORMAT, RollupData, SiteData};
use crate::output::Files;
use crate::render::phrases::status_label;
use crate::vi::{Lang, format_date, format_percent};

/// The page template and its stylesheet (no inline style: the page has the
/// sites' Content-Security-Policy).
const TEMPLATE: &str = include_str!("../../themes/default/rollup/index.html");
const STYLESHEET: &str = include_str!("../../themes/default/rollup/rollup.css");
pub const STYLESHEET_FILE: &str = "rollup.css";

/// One commune in the roll-up: its data and the link to its site.
pub type Commune = CommuneData;

/// One row of a ranking.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// 1-based; `None` for a commune with no rate yet (listed last).
    pub position: Option<usize>,
    /// How many communes have a rate: the "69" of "thứ 45/69".
    pub of: usize,
    pub commune: &'a Commune,
    pub indicator: &'a IndicatorData,
}

/// A shared indicator: campaign and indicator ids, titles, ranked rows.
#[derive(Debug, Clone)]
pub struct Ranking<'a> {
    pub campaign_id: &'a str,
    pub campaign_title: &'a str,
    pub indicator_id: &'a str,
    pub label: &'a str,
    pub rows: Vec<Row<'a>>,
}

/// An indicator id and every commune that reports it.
type Shared<'a> = (&'a str, Vec<(&'a Commune, &'a IndicatorData)>);

/// Every indicator shared by two communes or more, by campaign id then in
/// the order of the first commune that has it.
pub fn rankings(communes: &[Commune]) -> Vec<Ranking<'_>> {
    let mut shared: BTreeMap<&str, Vec<Shared>> = BTreeMap::new();
    for commune in communes {
        for campaign in &commune.site.campaigns {
            let indicators = shared.entry(&campaign.id).or_default();
            for indicator in &campaign.indicators {
                match indicators.iter_mut().find(|(id, _)| *id == indicator.id) {
                    Some((_, list)) => list.push((commune, indicator)),
                    None => indicators.push((&indicator.id, vec![(commune, indicator)])),
                }
            }
        }
    }
    let mut out = Vec::new();
    for (campaign_id, indicators) in shared {
        for (indicator_id, members) in indicators.into_iter().filter(|(_, m)| m.len() > 1) {
            let first = members[0];
            out.push(Ranking {
                campaign_id,
                campaign_title: title_of(first.0, campaign_id),
                indicator_id,
                label: &first.1.label,
                rows: rank(members),
            });
        }
    }
    out
}

fn title_of<'a>(commune: &'a Commune, campaign_id: &'a str) -> &'a str {
    commune
        .site
        .campaigns
        .iter()
        .find(|c| c.id == campaign_id)
        .map_or(campaign_id, |c| c.title.as_str())
}

/// Highest rate first; equal rates share a place ("1, 1, 3"); communes
/// without a rate last, by name.
fn rank<'a>(mut members: Vec<(&'a Commune, &'a IndicatorData)>) -> Vec<Row<'a>> {
    let rate = |i: &IndicatorData| i.derived.rate_percent.filter(|r| r.is_finite());
    members.sort_by(|a, b| {
        let (ra, rb) = (rate(a.1), rate(b.1));
        rb.is_some()
            .cmp(&ra.is_some())
            .then_with(|| rb.unwrap_or(0.0).total_cmp(&ra.unwrap_or(0.0)))
            .then_with(|| a.0.site.commune.cmp(&b.0.site.commune))
            .then_with(|| a.0.site.province.cmp(&b.0.site.province))
    });
    let of = members.iter().filter(|m| rate(m.1).is_some()).count();
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(members.len());
    for (k, (commune, indicator)) in members.iter().enumerate() {
        let position = rate(indicator).map(|r| match rows.last() {
            Some(prev) if rate(prev.indicator) == Some(r) => prev.position.unwrap_or(k + 1),
            _ => k + 1,
        });
        rows.push(Row {
            position,
            of,
            commune,
            indicator,
        });
    }
    rows
}

/// The roll-up's files: `index.html`, its stylesheet, and `data.json` with
/// every commune's data for a higher roll-up. `title`: the page's, or
/// one made from the provinces.
pub fn files(communes: &[Commune], title: Option<&str>) -> Files {
    let title = title.map_or_else(|| default_title(communes), String::from);
    let mut files = Files::new();
    files.insert("index.html".into(), page(communes, &title).into_bytes());
    files.insert(STYLESHEET_FILE.into(), STYLESHEET.as_bytes().to_vec());
    let data = RollupData {
        format: ROLLUP_FORMAT.to_string(),
        title,
        communes: communes.to_vec(),
    };
    files.insert(opendata::SITE_JSON.into(), opendata::to_json(&data));
    files
}

fn provinces(communes: &[Commune]) -> BTreeSet<&str> {
    communes.iter().map(|c| c.site.province.as_str()).collect()
}

/// "Chuyển đổi số tỉnh Hà Tĩnh: …" for one province; the provinces named
/// (up to three) or counted for more.
fn default_title(communes: &[Commune]) -> String {
    let provinces: Vec<&str> = provinces(communes).into_iter().collect();
    let whose = match provinces.as_slice() {
        [] => String::new(),
        [one] => format!(" tỉnh {one}"),
        few if few.len() <= 3 => format!(" các tỉnh {}", few.join(", ")),
        many => format!(" {} tỉnh, thành phố", many.len()),
    };
    format!("Chuyển đổi số{whose}: xếp hạng các xã, phường")
}

#[derive(Serialize)]
struct PageView {
    title: String,
    stylesheet: &'static str,
    sample: bool,
    provinces: usize,
    communes: Vec<CommuneView>,
    rankings: Vec<RankingView>,
}

#[derive(Serialize)]
struct CommuneView {
    name: String,
    province: String,
    link: Option<String>,
}

#[derive(Serialize)]
struct RankingView {
    id: String,
    heading: String,
    /// The bar chart's SVG (made by `charts`, escaped there).
    chart: Option<String>,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct RowView {
    place: String,
    commune: String,
    province: String,
    href: Option<String>,
    rate: String,
    date_iso: Option<String>,
    date: String,
    status: &'static str,
}

/// A chart of more bars than this is not drawn (the table lists them all).
const MOST_BARS: usize = 100;

fn page(communes: &[Commune], title: &str) -> String {
    let view = PageView {
        title: title.to_string(),
        stylesheet: STYLESHEET_FILE,
        sample: communes.iter().any(|c| c.site.sample),
        provinces: provinces(communes).len(),
        communes: communes
            .iter()
            .map(|c| CommuneView {
                name: c.site.commune.clone(),
                province: c.site.province.clone(),
                link: (!c.link.is_empty()).then(|| c.link.clone()),
            })
            .collect(),
        rankings: rankings(communes)
            .iter()
            .enumerate()
            .map(|(k, r)| ranking_view(r, k + 1))
            .collect(),
    };
    let mut tera = tera::Tera::new();
    tera.autoescape_on(["index.html"]);
    tera.set_escape_fn(crate::markup::escape_html);
    let mut context = tera::Context::new();
    context.insert("page", &view);
    // The template is built in and tested: it cannot fail on a view.
    tera.add_raw_template("index.html", TEMPLATE)
        .and_then(|()| tera.render("index.html", &context))
        .unwrap_or_else(|err| format!("<!doctype html><title>loaxa</title><p>{err}</p>"))
}

fn ranking_view(ranking: &Ranking, number: usize) -> RankingView {
    let heading = format!("{}: {}", ranking.campaign_title, ranking.label);
    let id = format!("xep-hang-{number}");
    RankingView {
        chart: chart(ranking, &id, &heading),
        rows: ranking
            .rows
            .iter()
            .map(|row| row_view(ranking, row))
            .collect(),
        id,
        heading,
    }
}

fn row_view(ranking: &Ranking, row: &Row) -> RowView {
    let derived = &row.indicator.derived;
    let date = derived
        .latest_date
        .as_deref()
        .and_then(|d| d.parse::<NaiveDate>().ok());
    RowView {
        place: row
            .position
            .map_or("—".to_string(), |p| format!("thứ {p}/{}", row.of)),
        commune: row.commune.site.commune.clone(),
        province: row.commune.site.province.clone(),
        href: campaign_link(row.commune, ranking.campaign_id)
            .map(|page| format!("{page}#chi-so-{}", ranking.indicator_id)),
        rate: derived
            .rate_percent
            .map_or("—".to_string(), |r| format_percent(Lang::Vi, r)),
        date_iso: date.map(|d| d.to_string()),
        date: date.map_or("—".to_string(), |d| format_date(Lang::Vi, d)),
        status: status_text(&derived.status),
    }
}

/// A commune's campaign page, from the roll-up: the commune's link and the
/// campaign's `url` of its `data.json` (relative to that file, or absolute).
fn campaign_link(commune: &Commune, campaign_id: &str) -> Option<String> {
    let url = &commune
        .site
        .campaigns
        .iter()
        .find(|c| c.id == campaign_id)?
        .url;
    if url.starts_with("https://") || url.starts_with("http://") {
        Some(url.clone())
    } else if commune.link.is_empty() {
        None
    } else {
        Some(format!("{}{url}", commune.link))
    }
}

/// The bars, highest first, each against its own target; communes without
/// a rate are left out of the chart (the table lists them).
fn chart(ranking: &Ranking, id: &str, heading: &str) -> Option<String> {
    let bars: Vec<Bar> = ranking
        .rows
        .iter()
        .filter_map(|row| {
            Some(Bar {
                name: row.commune.site.commune.clone(),
                value: row.indicator.derived.rate_percent?,
                target: row.indicator.target_percent,
            })
        })
        .collect();
    if bars.is_empty() || bars.len() > MOST_BARS {
        return None;
    }
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.name, format_percent(Lang::Vi, b.value)))
        .collect::<Vec<_>>()
        .join("; ");
    Some(charts::bars_svg(&Bars {
        lang: Lang::Vi,
        id: id.to_string(),
        title: format!("{heading}: tỷ lệ mới nhất của từng xã"),
        desc,
        scale: Scale::Percent,
        bars,
    }))
}

/// A status code of `data.json` in words.
fn status_text(code: &str) -> &'static str {
    Status::ALL
        .into_iter()
        .find(|s| s.code() == code)
        .map_or("—", |s| status_label(Lang::Vi, s))
}

/// A folder name as one URL path segment (percent-encoded beyond the
/// characters that need no encoding).
pub fn url_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A commune of a site's `data.json`, linked from the roll-up by `link`.
pub fn commune(link: String, site: SiteData) -> Commune {
    CommuneData { link, site }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(name: &str, rate: Option<f64>) -> Commune {
        let site = serde_json::json!({
            "format": opendata::SITE_FORMAT,
            "commune": name,
            "province": "Hà Tĩnh",
            "title": name,
            "today": "2026-06-30",
            "campaigns": [{
                "id": "i-hatinh", "title": "Cài đặt i-HaTinh", "start": null, "deadline": null,
                "url": "chien-dich/i-hatinh/", "csv": "", "xlsx": "",
                "indicators": [{
                    "id": "adults", "label": "Người dân có tài khoản", "unit": null,
                    "population": null, "target_percent": 30.0, "target_count": null,
                    "target_date": null, "figures": [],
                    "derived": {
                        "status": "behind", "latest_date": "2026-06-29", "rate_percent": rate,
                        "count": null, "remaining": null, "needed": null, "needed_unit": null,
                        "progress_percent": null, "days_left": null, "pace_per_day": null,
                        "pace_needed_per_day": null, "projected_date": null, "measure": null
                    }
                }]
            }]
        });
        Commune {
            link: format!("{name}/"),
            site: serde_json::from_value(site).expect("the schema"),
        }
    }

    #[test]
    fn ranks_by_rate_ties_share_a_place_and_no_rate_comes_last() {
        let communes = [
            commune("Xã A", Some(10.0)),
            commune("Xã B", None),
            commune("Xã C", Some(30.0)),
            commune("Xã D", Some(10.0)),
        ];
        let rankings = rankings(&communes);
        assert_eq!(rankings.len(), 1);
        let got: Vec<(Option<usize>, usize, &str)> = rankings[0]
            .rows
            .iter()
            .map(|r| (r.position, r.of, r.commune.site.commune.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(1), 3, "Xã C"),
                (Some(2), 3, "Xã A"),
                (Some(2), 3, "Xã D"),
                (None, 3, "Xã B"),
            ]
        );
    }

    #[test]
    fn an_indicator_of_one_commune_is_not_ranked() {
        assert!(rankings(&[commune("Xã A", Some(1.0))]).is_empty());
    }

    #[test]
    fn folder_names_become_safe_url_segments() {
        assert_eq!(url_segment("loc-ha"), "loc-ha");
        assert_eq!(url_segment("Lộc Hà"), "L%E1%BB%99c%20H%C3%A0");
    }
}
