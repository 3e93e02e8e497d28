//! Reading `data/campaigns/ID.yaml` into a [`Campaign`].

use chrono::{NaiveTime, Weekday};

use crate::check::reader::{self as r, Checker, Fields};
use crate::diagnostic::Text;
use crate::model::{
    Breakdown, BreakdownRow, Campaign, Figure, Indicator, Phase, Rank, Reading, Reporting,
    Schedule, Stated, Target,
};
use crate::source::yaml::{Node, Pos};
use crate::vi::Lang::{En, Vi};
use crate::vi::{format_date, format_int};

fn int(lang: crate::vi::Lang, n: u64) -> String {
    format_int(lang, i64::try_from(n).unwrap_or(i64::MAX))
}

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
    let what = Text::new("tệp chiến dịch", "the campaign file");
    let f = Fields::open(ck, root, &what, CAMPAIGN_FIELDS)?;
    let title = f.required(ck, "title", &what).and_then(|n| r::text(ck, n));
    let start = f.get("start").and_then(|n| r::date(ck, n));
    let deadline = f.get("deadline").and_then(|n| r::date(ck, n));
    if let (Some(s), Some(d), Some(node)) = (start, deadline, f.get("deadline"))
        && d < s
    {
        ck.error(
            node.pos,
            "deadline-before-start",
            Text::new(
                "Hạn chót sớm hơn ngày bắt đầu",
                "The deadline is before the start",
            ),
            Some(Text::new(
                "kiểm tra lại `start` và `deadline`",
                "check `start` and `deadline`",
            )),
        );
    }
    let indicators_node = f.required(ck, "indicators", &what);
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
    let hint = match crate::diagnostic::suggest(&id, &ids) {
        Some(near) => Text::new(
            format!("có phải ý bạn là `{near}`?"),
            format!("did you mean `{near}`?"),
        ),
        None => Text::new(
            format!("các chỉ số của chiến dịch: {}", ids.join(", ")),
            format!("the campaign's indicators are: {}", ids.join(", ")),
        ),
    };
    ck.error(
        node.pos,
        "unknown-indicator",
        Text::new(
            format!("`headline` nêu chỉ số `{id}` không có trong chiến dịch"),
            format!("`headline` names `{id}`, which is not an indicator of the campaign"),
        ),
        Some(hint),
    );
    None
}

fn read_reporting(ck: &mut Checker, node: &Node) -> Option<Reporting> {
    let what = Text::new("lịch báo cáo (reporting)", "the reporting schedule");
    let f = Fields::open(ck, node, &what, &["every", "before"])?;
    let every_node = f.required(ck, "every", &what)?;
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
            ck.error(
                node.pos,
                "malformed-schedule",
                Text::new(
                    format!("Lịch báo cáo `{}` không hợp lệ", names.join(", ")),
                    format!("The reporting schedule `{}` is not valid", names.join(", ")),
                ),
                Some(Text::new(
                    "viết tên thứ bằng tiếng Anh như `[monday, thursday]`, hoặc `[daily]` (hằng ngày), `[weekly]` (hằng tuần)",
                    "write weekday names such as `[monday, thursday]`, or `[daily]`, or `[weekly]`",
                )),
            );
            None
        }
    }
}

fn read_time(ck: &mut Checker, node: &Node) -> Option<NaiveTime> {
    let raw = r::text(ck, node)?;
    let parsed = NaiveTime::parse_from_str(&raw, "%H:%M").ok();
    if parsed.is_none() {
        ck.error(
            node.pos,
            "malformed-time",
            Text::new(
                format!("`{raw}` không phải là giờ dạng GIỜ:PHÚT"),
                format!("`{raw}` is not a time as HOURS:MINUTES"),
            ),
            Some(Text::new(
                "viết giờ trong dấu ngoặc kép, ví dụ `\"14:00\"`",
                "write the time in quotes, e.g. `\"14:00\"`",
            )),
        );
    }
    parsed
}

fn read_indicators(ck: &mut Checker, node: &Node) -> Vec<Indicator> {
    let items = r::list(ck, node);
    if items.is_empty() && matches!(node.value, crate::source::yaml::Value::Seq(_)) {
        ck.error(
            node.pos,
            "no-indicators",
            Text::new(
                "Chiến dịch cần ít nhất một chỉ số",
                "A campaign needs at least one indicator",
            ),
            Some(Text::new(
                "thêm một mục `- id: …` với `label: …`",
                "add an item `- id: …` with `label: …`",
            )),
        );
    }
    let mut indicators: Vec<Indicator> = Vec::new();
    for item in items {
        let Some((indicator, pos)) = read_indicator(ck, item) else {
            continue;
        };
        if indicators.iter().any(|i| i.id == indicator.id) {
            ck.error(
                pos,
                "duplicate-id",
                Text::new(
                    format!("Mã chỉ số `{}` bị trùng", indicator.id),
                    format!("The indicator id `{}` is used twice", indicator.id),
                ),
                Some(Text::new(
                    "đặt cho mỗi chỉ số một mã riêng trong chiến dịch",
                    "give each indicator its own id in the campaign",
                )),
            );
            continue;
        }
        indicators.push(indicator);
    }
    indicators
}

fn read_indicator(ck: &mut Checker, node: &Node) -> Option<(Indicator, Pos)> {
    let what = Text::new("một chỉ số (indicators)", "an indicator");
    let f = Fields::open(ck, node, &what, INDICATOR_FIELDS)?;
    let id_node = f.required(ck, "id", &what);
    let id = id_node.and_then(|n| r::id(ck, n));
    let label = f.required(ck, "label", &what).and_then(|n| r::text(ck, n));
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
    let what = Text::new("mục tiêu (target)", "a target");
    let f = Fields::open(ck, node, &what, &["percent", "count", "by"])?;
    let target = Target {
        percent: f.get("percent").and_then(|n| r::percent(ck, n)),
        count: f.get("count").and_then(|n| r::count(ck, n)),
        by: f.get("by").and_then(|n| r::date(ck, n)),
        pos: node.pos,
    };
    if f.get("percent").is_none() && f.get("count").is_none() {
        ck.error(
            node.pos,
            "empty-target",
            Text::new(
                "Mục tiêu cần `percent` hoặc `count`",
                "A target needs `percent` or `count`",
            ),
            Some(Text::new(
                "ví dụ `target: { percent: 30 }`",
                "for example `target: { percent: 30 }`",
            )),
        );
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
            ck.error(
                figure.pos,
                "duplicate-date",
                Text::new(
                    format!(
                        "Đã có số liệu ngày {} (dòng {})",
                        format_date(Vi, figure.date),
                        first.pos.line
                    ),
                    format!(
                        "There is already a figure for {} (line {})",
                        format_date(En, figure.date),
                        first.pos.line
                    ),
                ),
                Some(Text::new(
                    "mỗi ngày chỉ ghi một số liệu: sửa ngày, hoặc xóa một trong hai mục",
                    "one figure per date: fix the date, or remove one of the two",
                )),
            );
            continue;
        }
        figures.push(figure);
    }
    figures.sort_by_key(|f| f.date);
    figures
}

fn read_figure(ck: &mut Checker, node: &Node, indicator_population: Option<u64>) -> Option<Figure> {
    let what = Text::new("một số liệu (figures)", "a figure");
    let f = Fields::open(ck, node, &what, FIGURE_FIELDS)?;
    let date_node = f.required(ck, "date", &what);
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
        let (vi, en) = if given.is_empty() {
            (
                "Số liệu thiếu giá trị: cần một trong `count`, `percent`, `remaining`".to_string(),
                "The figure has no value: it needs one of `count`, `percent`, `remaining`"
                    .to_string(),
            )
        } else {
            (
                format!(
                    "Số liệu có nhiều giá trị cùng lúc ({}): chỉ được một",
                    given.join(", ")
                ),
                format!(
                    "The figure has several values ({}): only one is allowed",
                    given.join(", ")
                ),
            )
        };
        ck.error(
            f.pos,
            "figure-value",
            Text::new(vi, en),
            Some(Text::new(
                "`count` là số đã làm, `percent` là tỷ lệ, `remaining` là số còn lại chưa làm",
                "`count` is how many have done it, `percent` a rate, `remaining` how many have not yet",
            )),
        );
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

fn above_population(ck: &mut Checker, pos: Pos, n: u64, population: u64) {
    ck.error(
        pos,
        "above-population",
        Text::new(
            format!(
                "Số {} lớn hơn tổng số {} người của chỉ số",
                int(Vi, n),
                int(Vi, population)
            ),
            format!(
                "{} is more than the indicator's population of {}",
                int(En, n),
                int(En, population)
            ),
        ),
        Some(Text::new(
            "kiểm tra lại số liệu, hoặc ghi `population` đúng cho ngày đó",
            "check the figure, or give the right `population` for that date",
        )),
    );
}

fn read_rank(ck: &mut Checker, node: &Node) -> Option<Rank> {
    let what = Text::new("thứ hạng (rank)", "a rank");
    let f = Fields::open(ck, node, &what, &["position", "of"])?;
    let position = f
        .required(ck, "position", &what)
        .and_then(|n| r::count(ck, n))?;
    let of = f.required(ck, "of", &what).and_then(|n| r::count(ck, n))?;
    if position == 0 || position > of {
        ck.error(
            node.pos,
            "malformed-rank",
            Text::new(
                format!("Thứ hạng {position}/{of} không hợp lệ"),
                format!("The rank {position}/{of} is not valid"),
            ),
            Some(Text::new(
                "`position` từ 1 đến `of`, ví dụ `{ position: 45, of: 69 }`",
                "`position` from 1 to `of`, e.g. `{ position: 45, of: 69 }`",
            )),
        );
        return None;
    }
    Some(Rank { position, of })
}

fn read_breakdown(ck: &mut Checker, node: &Node) -> Option<Breakdown> {
    let what = Text::new("một bảng chi tiết (breakdown)", "a breakdown");
    let f = Fields::open(ck, node, &what, &["date", "by", "rows"])?;
    let date = f.required(ck, "date", &what).and_then(|n| r::date(ck, n));
    let by = f.required(ck, "by", &what).and_then(|n| r::text(ck, n));
    let rows = f
        .required(ck, "rows", &what)
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
    let what = Text::new("một dòng chi tiết (rows)", "a breakdown row");
    let f = Fields::open(ck, node, &what, &["name", "count", "population", "target"])?;
    let name = f.required(ck, "name", &what).and_then(|n| r::text(ck, n));
    let count_node = f.required(ck, "count", &what);
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
    use crate::source::yaml::Value;
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
    let what = Text::new("một đợt (phases)", "a phase");
    let f = Fields::open(ck, node, &what, &["name", "start", "end", "targets"])?;
    let name = f.required(ck, "name", &what).and_then(|n| r::text(ck, n));
    let start = f.required(ck, "start", &what).and_then(|n| r::date(ck, n));
    let end_node = f.required(ck, "end", &what);
    let end = end_node.and_then(|n| r::date(ck, n));
    let ends_before_start = matches!((start, end), (Some(s), Some(e)) if e < s);
    if let (Some(s), Some(e), Some(n)) = (start, end, end_node)
        && e < s
    {
        ck.error(
            n.pos,
            "phase-ends-before-start",
            Text::new(
                format!(
                    "Đợt kết thúc ({}) trước khi bắt đầu ({})",
                    format_date(Vi, e),
                    format_date(Vi, s)
                ),
                format!(
                    "The phase ends ({}) before it starts ({})",
                    format_date(En, e),
                    format_date(En, s)
                ),
            ),
            Some(Text::new(
                "kiểm tra lại `start` và `end` của đợt",
                "check the phase's `start` and `end`",
            )),
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
    let crate::source::yaml::Value::Map(entries) = &node.value else {
        let what = Text::new("mục tiêu của đợt (targets)", "the phase targets");
        Fields::open(ck, node, &what, &[]);
        return Vec::new();
    };
    let mut targets = Vec::new();
    for (key, value) in entries {
        let Some(indicator) = indicators.iter().find(|i| i.id == key.name) else {
            if declared.contains(&key.name) {
                // The indicator is there but has its own error, reported where it is.
                continue;
            }
            let hint = match crate::diagnostic::suggest(&key.name, &ids) {
                Some(near) => Text::new(
                    format!("có phải ý bạn là `{near}`?"),
                    format!("did you mean `{near}`?"),
                ),
                None if ids.is_empty() => Text::new(
                    "chiến dịch chưa có chỉ số nào: khai báo chỉ số trong `indicators` trước",
                    "the campaign has no indicators yet: declare them under `indicators` first",
                ),
                None => Text::new(
                    format!("các chỉ số của chiến dịch: {}", ids.join(", ")),
                    format!("the campaign's indicators are: {}", ids.join(", ")),
                ),
            };
            ck.error(
                key.pos,
                "unknown-indicator",
                Text::new(
                    format!("Đợt đặt mục tiêu cho chỉ số `{}` không có trong chiến dịch", key.name),
                    format!("The phase sets a target for `{}`, which is not an indicator of the campaign", key.name),
                ),
                Some(hint),
            );
            continue;
        };
        if let Some(target) = read_target(ck, value, indicator.population) {
            targets.push((key.name.clone(), target));
        }
    }
    targets
}
