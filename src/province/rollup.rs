//! The province roll-up: for every campaign indicator that several communes
//! share (same campaign id, same indicator id), the communes ranked by their
//! latest rate, as a table ("thứ 45/69") and a bar chart. Built only from
//! each site's `data.json`, the figures loaxa derived, so a national roll-up
//! can be built the same way from the shards' files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::charts::{self, Bar, Bars, Scale};
use crate::derive::Status;
use crate::output::Files;
use crate::render::phrases::status_label;
use crate::render::routes;
use crate::render::sitemap::escape_xml as esc;
use crate::vi::{Lang, format_date, format_percent};

/// The parts of a site's `data.json` the roll-up reads (the file has more).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SiteData {
    pub commune: String,
    pub province: String,
    pub today: String,
    #[serde(default)]
    pub sample: bool,
    pub campaigns: Vec<CampaignData>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct CampaignData {
    pub id: String,
    pub title: String,
    pub indicators: Vec<IndicatorData>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct IndicatorData {
    pub id: String,
    pub label: String,
    pub target_percent: Option<f64>,
    pub derived: Derived,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Derived {
    pub status: String,
    pub latest_date: Option<String>,
    pub rate_percent: Option<f64>,
}

/// One commune in the roll-up: its data and the link to its site.
#[derive(Debug, Clone)]
pub struct Commune {
    /// Relative to the roll-up page, ends with `/`.
    pub link: String,
    pub data: SiteData,
}

/// A site's `data.json`, or `None` if it cannot be read as one.
pub fn read_site_data(path: &Path) -> Option<SiteData> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

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
        for campaign in &commune.data.campaigns {
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
        .data
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
            .then_with(|| a.0.data.commune.cmp(&b.0.data.commune))
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

/// The roll-up's files: `index.html`, and `data.json` with every commune's
/// data for a national roll-up.
pub fn files(communes: &[Commune]) -> Files {
    let mut files = Files::new();
    files.insert("index.html".into(), page(communes).into_bytes());
    let data = ProvinceData {
        format: "loaxa-province-1",
        communes: communes.iter().map(|c| &c.data).collect(),
    };
    let mut json = serde_json::to_vec_pretty(&data).unwrap_or_default();
    json.push(b'\n');
    files.insert("data.json".into(), json);
    files
}

#[derive(Serialize)]
struct ProvinceData<'a> {
    format: &'static str,
    communes: Vec<&'a SiteData>,
}

/// The province named by most communes (they should all agree).
fn province(communes: &[Commune]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in communes {
        *counts.entry(&c.data.province).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(p, _)| p.to_string())
        .unwrap_or_default()
}

fn page(communes: &[Commune]) -> String {
    let province = province(communes);
    let title = format!("Chuyển đổi số tỉnh {province}: xếp hạng các xã, phường");
    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{t}</h1>\n\
         <p>{n} xã, phường. Tỷ lệ, ngày và tình trạng do loaxa tính lại từ số liệu của từng xã \
         (tệp <code>data.json</code> của mỗi trang).</p>\n",
        t = esc(&title),
        n = communes.len(),
    );
    if communes.iter().any(|c| c.data.sample) {
        html.push_str("<p class=\"sample\">Có xã dùng dữ liệu minh họa — không phải số liệu chính thức.</p>\n");
    }
    html.push_str(&commune_list(communes));
    for (k, ranking) in rankings(communes).iter().enumerate() {
        html.push_str(&section(ranking, k + 1));
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

fn commune_list(communes: &[Commune]) -> String {
    let mut html =
        String::from("<h2 id=\"cac-xa\">Trang của từng xã</h2>\n<ul class=\"communes\">\n");
    for c in communes {
        let _ = writeln!(
            html,
            "<li><a href=\"{}\">{}</a></li>",
            esc(&c.link),
            esc(&c.data.commune)
        );
    }
    html.push_str("</ul>\n");
    html
}

fn section(ranking: &Ranking, number: usize) -> String {
    let heading = format!("{}: {}", ranking.campaign_title, ranking.label);
    let id = format!("xep-hang-{number}");
    let mut html = format!(
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n",
        esc(&heading)
    );
    html.push_str(&chart(ranking, &id, &heading));
    let _ = write!(
        html,
        "<table>\n<caption>{}: xếp hạng theo tỷ lệ mới nhất</caption>\n<thead><tr>\
         <th scope=\"col\">Hạng</th><th scope=\"col\">Xã, phường</th><th scope=\"col\">Tỷ lệ mới nhất</th>\
         <th scope=\"col\">Ngày</th><th scope=\"col\">Tình trạng</th></tr></thead>\n<tbody>\n",
        esc(&heading)
    );
    for row in &ranking.rows {
        html.push_str(&table_row(ranking, row));
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
    html
}

fn table_row(ranking: &Ranking, row: &Row) -> String {
    let derived = &row.indicator.derived;
    let place = row
        .position
        .map_or("—".to_string(), |p| format!("thứ {p}/{}", row.of));
    let rate = derived
        .rate_percent
        .map_or("—".to_string(), |r| format_percent(Lang::Vi, r));
    let date = derived
        .latest_date
        .as_deref()
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .map_or("—".to_string(), |d| {
            format!("<time datetime=\"{d}\">{}</time>", format_date(Lang::Vi, d))
        });
    let href = format!(
        "{}{}#chi-so-{}",
        row.commune.link,
        routes::campaign(ranking.campaign_id),
        ranking.indicator_id
    );
    format!(
        "<tr><td>{place}</td><td><a href=\"{}\">{}</a></td><td>{rate}</td><td>{date}</td><td>{}</td></tr>\n",
        esc(&href),
        esc(&row.commune.data.commune),
        esc(status_text(&derived.status)),
    )
}

/// The bars, highest first, each against its own target; communes without
/// a rate are left out of the chart (the table lists them).
fn chart(ranking: &Ranking, id: &str, heading: &str) -> String {
    let bars: Vec<Bar> = ranking
        .rows
        .iter()
        .filter_map(|row| {
            Some(Bar {
                name: row.commune.data.commune.clone(),
                value: row.indicator.derived.rate_percent?,
                target: row.indicator.target_percent,
            })
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.name, format_percent(Lang::Vi, b.value)))
        .collect::<Vec<_>>()
        .join("; ");
    let svg = charts::bars_svg(&Bars {
        lang: Lang::Vi,
        id: id.to_string(),
        title: format!("{heading}: tỷ lệ mới nhất của từng xã"),
        desc,
        scale: Scale::Percent,
        bars,
    });
    format!("<figure class=\"chart\">{svg}</figure>\n")
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

const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1b1b1b}\
main{max-width:60rem;margin:0 auto;padding:1rem}table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}\
th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}td:nth-child(3){text-align:right}\
caption{text-align:left;font-weight:600}figure{margin:1rem 0}svg{max-width:100%;height:auto}\
.communes{columns:16rem}.sample{background:#fff3cd;padding:.5rem}a{color:#0b4ea2}";

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(name: &str, rate: Option<f64>) -> Commune {
        Commune {
            link: format!("{name}/"),
            data: SiteData {
                commune: name.into(),
                province: "Hà Tĩnh".into(),
                today: "2026-06-30".into(),
                sample: false,
                campaigns: vec![CampaignData {
                    id: "i-hatinh".into(),
                    title: "Cài đặt i-HaTinh".into(),
                    indicators: vec![IndicatorData {
                        id: "adults".into(),
                        label: "Người dân có tài khoản".into(),
                        target_percent: Some(30.0),
                        derived: Derived {
                            status: "behind".into(),
                            latest_date: Some("2026-06-29".into()),
                            rate_percent: rate,
                        },
                    }],
                }],
            },
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
            .map(|r| (r.position, r.of, r.commune.data.commune.as_str()))
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
