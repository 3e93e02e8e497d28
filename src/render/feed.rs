//! An Atom feed of notices and of new figures, newest first.

use chrono::NaiveDate;

use crate::render::ctx::Ctx;
use crate::render::figure_text::figure_text_of;
use crate::render::routes;
use crate::render::sitemap::escape_xml;
use crate::vi::{format_date, slugify};

pub const PATH: &str = "atom.xml";

struct Entry {
    id: String,
    title: String,
    link: String,
    date: NaiveDate,
    summary: String,
}

/// Midnight in Vietnam: the feed's timestamps are dates, not build times.
fn timestamp(date: NaiveDate) -> String {
    format!("{date}T00:00:00+07:00")
}

/// A stable id: the page URL when the site has a base URL, else a tag URI.
fn entry_id(ctx: &Ctx, path: &str) -> String {
    match ctx.base_url {
        Some(base) => format!("{base}{path}"),
        None => format!(
            "tag:loaxa,2026:{}/{path}",
            slugify(&ctx.site.config.commune)
        ),
    }
}

/// How many entries the feed has.
const ENTRIES: usize = 100;

/// The date of the `ENTRIES`th newest notice or figure: nothing older can
/// be in the feed, so a 10,000-notice site formats a hundred entries, not
/// ten thousand.
fn oldest_in_feed(ctx: &Ctx) -> Option<NaiveDate> {
    let figures = ctx.site.campaigns.iter().flat_map(|c| {
        c.indicators
            .iter()
            .flat_map(|i| i.figures.iter().map(|f| f.date))
    });
    let mut dates: Vec<NaiveDate> = ctx
        .visible_notices()
        .map(|n| n.date)
        .chain(figures)
        .collect();
    if dates.len() <= ENTRIES {
        return None;
    }
    let (_, nth, _) = dates.select_nth_unstable_by(ENTRIES - 1, |a, b| b.cmp(a));
    Some(*nth)
}

/// The newest entries, newest first.
fn entries(ctx: &Ctx) -> Vec<Entry> {
    let oldest = oldest_in_feed(ctx);
    let recent = |date: NaiveDate| oldest.is_none_or(|oldest| date >= oldest);
    let mut entries: Vec<Entry> = ctx
        .visible_notices()
        .filter(|n| recent(n.date))
        .map(|n| Entry {
            id: entry_id(ctx, &routes::notice(&n.slug)),
            title: match &n.number {
                Some(number) => format!(
                    "{} {number}: {}",
                    n.kind.as_deref().unwrap_or("Văn bản"),
                    n.title
                ),
                None => n.title.clone(),
            },
            link: routes::notice(&n.slug),
            date: n.date,
            summary: n.title.clone(),
        })
        .collect();
    for c in &ctx.site.campaigns {
        let facts = ctx.facts(c);
        for (i, facts) in c.indicators.iter().zip(&facts.indicators) {
            for r in facts.progress.series.iter().filter(|r| recent(r.date)) {
                let path = routes::campaign(&c.id);
                let text = figure_text_of(ctx.lang, i, r);
                entries.push(Entry {
                    id: entry_id(ctx, &format!("{path}#{}-{}", i.id, r.date)),
                    title: format!(
                        "{}: {} ({})",
                        text.what,
                        text.figure_phrase,
                        format_date(ctx.lang, r.date)
                    ),
                    link: format!("{path}#chi-so-{}", i.id),
                    date: r.date,
                    summary: c.title.clone(),
                });
            }
        }
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    entries.truncate(ENTRIES);
    entries
}

pub fn atom(ctx: &Ctx) -> String {
    let c = &ctx.site.config;
    let entries = entries(ctx);
    let updated = entries
        .first()
        .map_or_else(|| "2000-01-01T00:00:00+07:00".into(), |e| timestamp(e.date));
    let base = ctx.base_url.unwrap_or("");
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        if ctx.lang == crate::vi::Lang::En {
            "en"
        } else {
            "vi"
        }
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape_xml(&c.title)));
    xml.push_str(&format!("  <id>{}</id>\n", escape_xml(&entry_id(ctx, ""))));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_xml(if base.is_empty() { "./" } else { base })
    ));
    xml.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        escape_xml(&format!("{base}{PATH}"))
    ));
    xml.push_str(&format!(
        "  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n",
        escape_xml(&c.commune)
    ));
    for e in &entries {
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape_xml(&e.title),
            escape_xml(&e.id),
            escape_xml(&format!("{base}{}", e.link)),
            timestamp(e.date),
            escape_xml(&e.summary),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}
