//! Reading `data/campaigns/ID.yaml` into a [`Campaign`].

use chrono::{NaiveTime, Weekday};

use crate::check::reader::{self as r, Checker, Fields};
use crate::diagnostic::suggest;
use crate::messages::{CampaignProblem, Subject};
use crate::model::{
    Breakdown, BreakdownRow, Campaign, Figure, Indicator, Phase, Rank, Reading, Reporting,
    Schedule, Stated, Target,
};
use crate::source::yaml::{Node, Pos, Value};

const CAMPAIGN_FIELDS: &[&str] = &[
    "title",
    "summary",
    "app",
    "start",
    "deadline",
    "reporting",
    "phases",
    "indicators",
    "headline",
];
const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "label",
    "remaining_label",
    "unit",
    "population",
    "target",
    "figures",
    "breakdown",
];
const FIGURE_FIELDS: &[&str] = &[
    "date",
    "count",
    "percent",
    "remaining",
    "stated_percent",
    "population",
    "rank",
    "source",
    "approximate",
];

pub fn read_campaign(ck: &mut Checker, id: String, root: &Node) -> Option<Campaign> {
    let f = Fields::open(ck, root, Subject::CampaignFile, CAMPAIGN_FIELDS)?;
    let title = f.required(ck, "title").and_then(|n| r::text(ck, n));
    let start = f.get("start").and_then(|n| r::date(ck, n));
    let deadline = f.get("deadline").and_then(|n| r::date(ck, n));
    if let (Some(s), Some(d), Some(node)) = (start, deadline, f.get("deadline"))
        && d < s
    {
        ck.error(node.pos, CampaignProblem::DeadlineBeforeStart);
    }
    let indicators_node = f.required(ck, "indicators");
    let indicators = indicators_node
        .map(|n| read_indicators(ck, n))
        .unwrap_or_default();
    let declared = indicators_node.map(r::declared_ids).unwrap_or_default();
    let phases = f
        .get("phases")
        .map(|n| read_phases(ck, n, &indicators, &declared))
        .unwrap_or_default();
    Some(Campaign {
        id,
        file: ck.file.to_path_buf(),
        title: title?,
        summary: f.get("summary").and_then(|n| r::text(ck, n)),
        app: f
            .get("app")
            .and_then(|n| r::id(ck, n).map(|id| (id, n.pos))),
        start,
        deadline,
        reporting: f.get("reporting").and_then(|n| read_reporting(ck, n)),
        headline: f
            .get("headline")
            .and_then(|n| read_headline(ck, n, &indicators, &declared)),
        phases,
        indicators,
    })
}

/// `headline:` names one of the campaign's indicators.
fn read_headline(
    ck: &mut Checker,
    node: &Node,
    indicators: &[Indicator],
    declared: &[String],
) -> Option<String> {
    let id = r::id(ck, node)?;
    if declared.contains(&id) {
        return indicators.iter().any(|i| i.id == id).then_some(id);
    }
    let ids: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    let problem = CampaignProblem::UnknownHeadline {
        near: suggest(&id, &ids).map(str::to_string),
        indicators: ids.iter().map(ToString::to_string).collect(),
        id,
    };
    ck.error(node.pos, problem);
    None
}

fn read_reporting(ck: &mut Checker, node: &Node) -> Option<Reporting> {
    let f = Fields::open(ck, node, Subject::Reporting, &["every", "before"])?;
    let every_node = f.required(ck, "every")?;
    let names = r::text_list(ck, every_node);
    let every = read_schedule(ck, every_node, &names)?;
    let before = f.get("before").and_then(|n| read_time(ck, n));
    Some(Reporting {
        every,
        before,
        pos: node.pos,
    })
}

fn read_schedule(ck: &mut Checker, node: &Node, names: &[String]) -> Option<Schedule> {
    match names {
        [one] if one == "daily" => return Some(Schedule::Daily),
        [one] if one == "weekly" => return Some(Schedule::Weekly),
        _ => {}
    }
    let days: Option<Vec<Weekday>> = names.iter().map(|n| n.parse::<Weekday>().ok()).collect();
    match days {
        Some(days) if !days.is_empty() && names.iter().all(|n| n.len() > 3) => {
            Some(Schedule::Days(days))
        }
        _ => {
            let written = names.join(", ");
            ck.error(node.pos, CampaignProblem::MalformedSchedule { written });
            None
        }
    }
}

fn read_time(ck: &mut Checker, node: &Node) -> Option<NaiveTime> {
    let raw = r::text(ck, node)?;
    let parsed = NaiveTime::parse_from_str(&raw, "%H:%M").ok();
    if parsed.is_none() {
        ck.error(node.pos, CampaignProblem::MalformedTime { written: raw });
    }
    parsed
}

fn read_indicators(ck: &mut Checker, node: &Node) -> Vec<Indicator> {
    let items = r::list(ck, node);
    if items.is_empty() && matches!(node.value, Value::Seq(_)) {
        ck.error(node.pos, CampaignProblem::NoIndicators);
    }
    let mut indicators: Vec<Indicator> = Vec::new();
    for item in items {
        let Some((indicator, pos)) = read_indicator(ck, item) else {
            continue;
        };
        if indicators.iter().any(|i| i.id == indicator.id) {
            let id = indicator.id;
            ck.error(pos, CampaignProblem::DuplicateIndicator { id });
            continue;
        }
        indicators.push(indicator);
    }
    indicators
}

fn read_indicator(ck: &mut Checker, node: &Node) -> Option<(Indicator, Pos)> {
    let f = Fields::open(ck, node, Subject::Indicator, INDICATOR_FIELDS)?;
    let id_node = f.required(ck, "id");
    let id = id_node.and_then(|n| r::id(ck, n));
    let label = f.required(ck, "label").and_then(|n| r::text(ck, n));
    let population = f.get("population").and_then(|n| r::population(ck, n));
    let target = f.get("target").and_then(|n| read_target(ck, n, population));
    let figures = f
        .get("figures")
        .map(|n| read_figures(ck, n, population))
        .unwrap_or_default();
    let breakdown = f
        .get("breakdown")
        .map(|n| {
            r::list(ck, n)
                .iter()
                .filter_map(|b| read_breakdown(ck, b))
                .collect()
        })
        .unwrap_or_default();
    let indicator = Indicator {
        id: id?,
        label: label?,
        remaining_label: f.get("remaining_label").and_then(|n| r::text(ck, n)),
        unit: f.get("unit").and_then(|n| r::text(ck, n)),
        population,
        target,
        figures,
        breakdown,
    };
    Some((indicator, id_node.map_or(f.pos, |n| n.pos)))
}

/// `{ percent: 30 }`, `{ count: 8489 }` or both, with an optional `by:` date.
pub fn read_target(ck: &mut Checker, node: &Node, population: Option<u64>) -> Option<Target> {
    let f = Fields::open(ck, node, Subject::Target, &["percent", "count", "by"])?;
    let target = Target {
        percent: f.get("percent").and_then(|n| r::percent(ck, n)),
        count: f.get("count").and_then(|n| r::count(ck, n)),
        by: f.get("by").and_then(|n| r::date(ck, n)),
        pos: node.pos,
    };
    if f.get("percent").is_none() && f.get("count").is_none() {
        ck.error(node.pos, CampaignProblem::EmptyTarget);
        return None;
    }
    if let (Some(count), Some(population), Some(node)) = (target.count, population, f.get("count"))
        && count > population
    {
        above_population(ck, node.pos, count, population);
    }
    Some(target)
}

fn read_figures(ck: &mut Checker, node: &Node, population: Option<u64>) -> Vec<Figure> {
    let mut figures: Vec<Figure> = Vec::new();
    for item in r::list(ck, node) {
        let Some(figure) = read_figure(ck, item, population) else {
            continue;
        };
        if let Some(first) = figures.iter().find(|f| f.date == figure.date) {
            let problem = CampaignProblem::DuplicateDate {
                date: figure.date,
                first_line: first.pos.line,
            };
            ck.error(figure.pos, problem);
            continue;
        }
        figures.push(figure);
    }
    figures.sort_by_key(|f| f.date);
    figures
}

fn read_figure(ck: &mut Checker, node: &Node, indicator_population: Option<u64>) -> Option<Figure> {
    let f = Fields::open(ck, node, Subject::Figure, FIGURE_FIELDS)?;
    let date_node = f.required(ck, "date");
    let date = date_node.and_then(|n| r::date(ck, n));
    let population = f
        .get("population")
        .and_then(|n| r::population(ck, n))
        .or(indicator_population);
    let reading = read_reading(ck, &f, population)?;
    let figure = Figure {
        date: date?,
        reading,
        stated_percent: f
            .get("stated_percent")
            .and_then(|n| r::percent(ck, n).map(|value| Stated { value, pos: n.pos })),
        population,
        rank: f.get("rank").and_then(|n| read_rank(ck, n)),
        source: f.get("source").and_then(|n| r::text(ck, n)),
        approximate: f
            .get("approximate")
            .and_then(|n| r::boolean(ck, n))
            .unwrap_or(false),
        pos: date_node.map_or(f.pos, |n| n.pos),
    };
    Some(figure)
}

/// Exactly one of `count`, `percent`, `remaining`.
fn read_reading(ck: &mut Checker, f: &Fields, population: Option<u64>) -> Option<Reading> {
    let given: Vec<&str> = ["count", "percent", "remaining"]
        .into_iter()
        .filter(|k| f.get(k).is_some())
        .collect();
    if given.len() != 1 {
        ck.error(f.pos, CampaignProblem::FigureValues { given });
        return None;
    }
    let node = f.get(given[0])?;
    let reading = match given[0] {
        "count" => Reading::Count(r::count(ck, node)?),
        "percent" => Reading::Percent(r::percent(ck, node)?),
        _ => Reading::Remaining(r::count(ck, node)?),
    };
    if let (Reading::Count(n) | Reading::Remaining(n), Some(p)) = (reading, population)
        && n > p
    {
        above_population(ck, node.pos, n, p);
        return None;
    }
    Some(reading)
}

fn above_population(ck: &mut Checker, pos: Pos, count: u64, population: u64) {
    ck.error(pos, CampaignProblem::AbovePopulation { count, population });
}

fn read_rank(ck: &mut Checker, node: &Node) -> Option<Rank> {
    let f = Fields::open(ck, node, Subject::Rank, &["position", "of"])?;
    let position = f.required(ck, "position").and_then(|n| r::count(ck, n))?;
    let of = f.required(ck, "of").and_then(|n| r::count(ck, n))?;
    if position == 0 || position > of {
        ck.error(node.pos, CampaignProblem::MalformedRank { position, of });
        return None;
    }
    Some(Rank { position, of })
}

fn read_breakdown(ck: &mut Checker, node: &Node) -> Option<Breakdown> {
    let f = Fields::open(ck, node, Subject::Breakdown, &["date", "by", "rows"])?;
    let date = f.required(ck, "date").and_then(|n| r::date(ck, n));
    let by = f.required(ck, "by").and_then(|n| r::text(ck, n));
    let rows = f
        .required(ck, "rows")
        .map(|n| {
            r::list(ck, n)
                .iter()
                .filter_map(|row| read_row(ck, row))
                .collect()
        })
        .unwrap_or_default();
    Some(Breakdown {
        date: date?,
        by: by?,
        rows,
    })
}

fn read_row(ck: &mut Checker, node: &Node) -> Option<BreakdownRow> {
    let f = Fields::open(
        ck,
        node,
        Subject::BreakdownRow,
        &["name", "count", "population", "target"],
    )?;
    let name = f.required(ck, "name").and_then(|n| r::text(ck, n));
    let count_node = f.required(ck, "count");
    let count = count_node.and_then(|n| r::count(ck, n));
    let population = f.get("population").and_then(|n| r::population(ck, n));
    let target = f
        .get("target")
        .and_then(|n| read_row_target(ck, n, population));
    if let (Some(c), Some(p), Some(n)) = (count, population, count_node)
        && c > p
    {
        above_population(ck, n.pos, c, p);
        return None;
    }
    Some(BreakdownRow {
        name: name?,
        count: count?,
        population,
        target,
    })
}

/// A row's target: a bare number is a count (`target: 300`, as FORMAT
/// allows), else a target map.
fn read_row_target(ck: &mut Checker, node: &Node, population: Option<u64>) -> Option<Target> {
    if matches!(node.value, Value::Int(_) | Value::Float(_)) {
        let count = r::count(ck, node)?;
        if let Some(p) = population.filter(|p| count > *p) {
            above_population(ck, node.pos, count, p);
        }
        return Some(Target {
            percent: None,
            count: Some(count),
            by: None,
            pos: node.pos,
        });
    }
    read_target(ck, node, population)
}

/// `declared`: every indicator id written in the file, including those of
/// indicators that failed to read (already reported there).
fn read_phases(
    ck: &mut Checker,
    node: &Node,
    indicators: &[Indicator],
    declared: &[String],
) -> Vec<Phase> {
    r::list(ck, node)
        .iter()
        .filter_map(|item| read_phase(ck, item, indicators, declared))
        .collect()
}

fn read_phase(
    ck: &mut Checker,
    node: &Node,
    indicators: &[Indicator],
    declared: &[String],
) -> Option<Phase> {
    let f = Fields::open(
        ck,
        node,
        Subject::Phase,
        &["name", "start", "end", "targets"],
    )?;
    let name = f.required(ck, "name").and_then(|n| r::text(ck, n));
    let start = f.required(ck, "start").and_then(|n| r::date(ck, n));
    let end_node = f.required(ck, "end");
    let end = end_node.and_then(|n| r::date(ck, n));
    let ends_before_start = matches!((start, end), (Some(s), Some(e)) if e < s);
    if let (Some(s), Some(e), Some(n)) = (start, end, end_node)
        && e < s
    {
        ck.error(
            n.pos,
            CampaignProblem::PhaseEndsBeforeStart { start: s, end: e },
        );
    }
    // Read the targets even when the dates are wrong, so their own mistakes
    // are reported in the same run.
    let targets = f
        .get("targets")
        .map(|n| read_phase_targets(ck, n, indicators, declared))
        .unwrap_or_default();
    if ends_before_start {
        return None;
    }
    Some(Phase {
        name: name?,
        start: start?,
        end: end?,
        targets,
    })
}

fn read_phase_targets(
    ck: &mut Checker,
    node: &Node,
    indicators: &[Indicator],
    declared: &[String],
) -> Vec<(String, Target)> {
    let ids: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    let Value::Map(entries) = &node.value else {
        Fields::open(ck, node, Subject::PhaseTargets, &[]);
        return Vec::new();
    };
    let mut targets = Vec::new();
    for (key, value) in entries {
        let Some(indicator) = indicators.iter().find(|i| i.id == key.name) else {
            if declared.contains(&key.name) {
                // The indicator is there but has its own error, reported where it is.
                continue;
            }
            let problem = CampaignProblem::UnknownPhaseIndicator {
                id: key.name.clone(),
                near: suggest(&key.name, &ids).map(str::to_string),
                indicators: ids.iter().map(ToString::to_string).collect(),
            };
            ck.error(key.pos, problem);
            continue;
        };
        if let Some(target) = read_target(ck, value, indicator.population) {
            targets.push((key.name.clone(), target));
        }
    }
    targets
}
