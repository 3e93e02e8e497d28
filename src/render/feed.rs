//! An Atom feed (RFC 4287) of notices and of new figures, newest first,
//! rendered by the theme's `atom.xml` template (a theme may override it).
//!
//! Ids never change: they are tag URIs (RFC 4151) made from the source's own
//! date and id — the commune, the notice's file name or the campaign's id —
//! never from `base_url`, so publishing the site at a new address does not
//! bring every item back as new in readers.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::render::ctx::Ctx;
use crate::render::figure_text::figure_text_of;
use crate::render::theme::template_failure;
use crate::render::{routes, words};
use crate::vi::{Lang, format_date, slugify};

pub const PATH: &str = "atom.xml";
const TEMPLATE: &str = "atom.xml";

/// The feed's own id is dated by the year loaxa's site format was fixed:
/// a tag URI's date belongs to the minter, and the feed's id must never move.
const FEED_ID_YEAR: &str = "2026";

/// How many entries the feed has.
const ENTRIES: usize = 100;

/// What `atom.xml` is rendered from.
#[derive(Serialize)]
struct FeedView {
    lang: &'static str,
    title: String,
    /// "Dữ liệu minh họa …" on a `sample: true` site.
    subtitle: Option<String>,
    sample: bool,
    id: String,
    /// The site's home, absolute with a base URL, else relative to the feed.
    home: String,
    /// The feed itself; only with a base URL (a relative `self` link says nothing).
    self_link: Option<String>,
    updated: String,
    author: String,
    entries: Vec<EntryView>,
}

#[derive(Serialize)]
struct EntryView {
    id: String,
    title: String,
    link: String,
    updated: String,
    summary: String,
}

struct Entry {
    id: String,
    title: String,
    path: String,
    date: NaiveDate,
    summary: String,
}

/// `tag:loaxa,<date>:<province>/<commune>/<what>`: the date is the
/// source's own (a 2025 letter is dated 2025), the rest its own ids.
fn tag(ctx: &Ctx, date: &str, what: &str) -> String {
    let c = &ctx.site.config;
    format!(
        "tag:loaxa,{date}:{}/{}/{what}",
        slugify(&c.province),
        slugify(&c.commune)
    )
}

/// The date of the `ENTRIES`th newest entry (a notice, or a campaign's
/// day of figures): nothing older can be in the feed, so a 10,000-notice
/// site formats a hundred entries, not ten thousand.
fn oldest_in_feed(ctx: &Ctx) -> Option<NaiveDate> {
    let figure_days = ctx.site.campaigns.iter().flat_map(|c| {
        c.indicators
            .iter()
            .flat_map(|i| i.figures.iter().map(|f| f.date))
            .collect::<BTreeSet<NaiveDate>>()
    });
    let mut dates: Vec<NaiveDate> = ctx
        .visible_notices()
        .map(|n| n.date)
        .chain(figure_days)
        .collect();
    if dates.len() <= ENTRIES {
        return None;
    }
    let (_, nth, _) = dates.select_nth_unstable_by(ENTRIES - 1, |a, b| b.cmp(a));
    Some(*nth)
}

fn sample_mark(ctx: &Ctx) -> &'static str {
    match (ctx.site.config.sample, ctx.lang) {
        (false, _) => "",
        (true, Lang::Vi) => "[Minh họa] ",
        (true, Lang::En) => "[Sample] ",
    }
}

/// The newest entries, unordered: a notice each, and one entry per
/// campaign and day with figures (every indicator reported that day).
fn entries(ctx: &Ctx) -> Vec<Entry> {
    let oldest = oldest_in_feed(ctx);
    let recent = |date: NaiveDate| oldest.is_none_or(|oldest| date >= oldest);
    let mark = sample_mark(ctx);
    let mut entries: Vec<Entry> = ctx
        .visible_notices()
        .filter(|n| recent(n.date))
        .map(|n| Entry {
            id: tag(ctx, &n.date.to_string(), &format!("notice/{}", n.slug)),
            title: match &n.number {
                Some(number) => format!(
                    "{mark}{} {number}: {}",
                    n.kind.as_deref().unwrap_or("Văn bản"),
                    n.title
                ),
                None => format!("{mark}{}", n.title),
            },
            path: routes::notice(&n.slug),
            date: n.date,
            summary: n.title.clone(),
        })
        .collect();
    for c in &ctx.site.campaigns {
        // Day → (what, figure), in the campaign's order.
        let facts = ctx.facts(c);
        let mut days: BTreeMap<NaiveDate, Vec<(String, &str)>> = BTreeMap::new();
        for (i, facts) in c.indicators.iter().zip(&facts.indicators) {
            for r in facts.progress.series.iter().filter(|r| recent(r.date)) {
                let text = figure_text_of(ctx.lang, i, r);
                days.entry(r.date)
                    .or_default()
                    .push((format!("{}: {}", text.what, text.figure_phrase), &i.id));
            }
        }
        for (date, figures) in days {
            let labels = |(figure, id): &(String, &str)| {
                let label = c.indicators.iter().find(|i| i.id == *id).map(|i| &i.label);
                format!("{}: {figure}", label.map_or(*id, |l| l.as_str()))
            };
            let lines: Vec<String> = figures.iter().map(labels).collect();
            let day = format_date(ctx.lang, date);
            let title = match lines.as_slice() {
                [one] => format!("{mark}{one} ({day})"),
                _ => match ctx.lang {
                    Lang::Vi => format!("{mark}{}: số liệu ngày {day}", c.title),
                    Lang::En => format!("{mark}{}: figures of {day}", c.title),
                },
            };
            let indicator = figures.first().map_or("", |f| f.1);
            entries.push(Entry {
                id: tag(
                    ctx,
                    &date.to_string(),
                    &format!("campaign/{}/figures", c.id),
                ),
                title,
                path: format!("{}#chi-so-{indicator}", routes::campaign(&c.id)),
                date,
                summary: if lines.len() > 1 {
                    format!("{}. {}", c.title, lines.join("; "))
                } else {
                    c.title.clone()
                },
            });
        }
    }
    entries
}

/// A stable 32-bit hash (FNV-1a): the same on every machine and version.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Each entry's second within the first hour of its day. The sources carry
/// dates, not times: the second only keeps `updated` distinct (readers and
/// validators want that) and comes from the entry's own id, so adding an
/// entry never moves another's.
fn seconds_of(entries: &[Entry]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].id.cmp(&entries[b].id));
    let mut used: BTreeSet<(NaiveDate, u32)> = BTreeSet::new();
    let mut seconds = vec![0; entries.len()];
    for k in order {
        let mut s = fnv1a(&entries[k].id) % 3600;
        while !used.insert((entries[k].date, s)) {
            s = (s + 1) % 3600;
        }
        seconds[k] = s;
    }
    seconds
}

/// Vietnam's offset: the sources' dates are the site's days.
fn timestamp(date: NaiveDate, second: u32) -> String {
    format!("{date}T00:{:02}:{:02}+07:00", second / 60, second % 60)
}

/// The newest date the site's sources name, for a feed with no entry
/// (RFC 4287 requires `updated`): a campaign's start, else today.
fn newest_source_date(ctx: &Ctx) -> NaiveDate {
    ctx.site
        .campaigns
        .iter()
        .flat_map(|c| c.start)
        .filter(|d| *d <= ctx.today)
        .max()
        .unwrap_or(ctx.today)
}

fn view(ctx: &Ctx) -> FeedView {
    let c = &ctx.site.config;
    let mut entries = entries(ctx);
    let seconds = seconds_of(&entries);
    let mut dated: Vec<(Entry, String)> = entries
        .drain(..)
        .zip(seconds)
        .map(|(e, s)| {
            let stamp = timestamp(e.date, s);
            (e, stamp)
        })
        .collect();
    dated.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    dated.truncate(ENTRIES);
    let base = ctx.base_url.unwrap_or("");
    let updated = dated
        .first()
        .map_or_else(|| timestamp(newest_source_date(ctx), 0), |e| e.1.clone());
    FeedView {
        lang: match ctx.lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        },
        title: c.title.clone(),
        subtitle: c
            .sample
            .then(|| words::words(ctx.lang).sample_banner.to_string()),
        sample: c.sample,
        id: tag(ctx, FEED_ID_YEAR, "feed"),
        home: if base.is_empty() {
            "./".into()
        } else {
            base.into()
        },
        self_link: ctx.base_url.map(|b| format!("{b}{PATH}")),
        updated,
        author: c.commune.clone(),
        entries: dated
            .into_iter()
            .map(|(e, updated)| EntryView {
                id: e.id,
                title: e.title,
                link: format!("{base}{}", e.path),
                updated,
                summary: e.summary,
            })
            .collect(),
    }
}

/// `atom.xml`, or why the theme's template could not make it.
pub fn atom(ctx: &Ctx, tera: &tera::Tera) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut context = tera::Context::new();
    context.insert("feed", &view(ctx));
    let mut xml = Vec::with_capacity(16 * 1024);
    tera.render_to(TEMPLATE, &context, &mut xml)
        .map(|()| xml)
        .map_err(|err| Box::new(template_failure(TEMPLATE, PATH, &err)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of FNV-1a 32-bit.
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn timestamps_stay_in_the_first_hour_of_the_day() {
        let d = NaiveDate::from_ymd_opt(2025, 8, 18).unwrap();
        assert_eq!(timestamp(d, 0), "2025-08-18T00:00:00+07:00");
        assert_eq!(timestamp(d, 3599), "2025-08-18T00:59:59+07:00");
    }
}
