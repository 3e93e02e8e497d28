//! What a body's events become before they are written as HTML: leftover
//! HTML as text, nesting cut at [`MAX_DEPTH`], pictures as `<img>` with
//! their size (or their description, when the build does not know them),
//! headings shifted under the page's `h1` with ids. Each step is one walk
//! over the events.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{Pictures, picture_path};
use crate::markup::html as attribute;
use crate::vi::slugify;

/// Quotes and lists nested deeper than this are shown flat: a browser (and
/// the HTML sanitizer) slows down more than linearly with the depth of
/// nested elements, and no letter needs more.
pub const MAX_DEPTH: usize = 16;

/// Raw HTML left after [`super::raw_html`] (only in documents built to nest
/// HTML blocks in HTML blocks) becomes text.
pub(super) fn html_as_text(events: &mut [Event]) {
    for event in events.iter_mut() {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            *event = Event::Text(std::mem::replace(html, CowStr::Borrowed("")));
        }
    }
}

/// Whether an event opens or closes a quote or a list: what [`MAX_DEPTH`]
/// counts.
fn nests(event: &Event) -> Option<bool> {
    match event {
        Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => Some(true),
        Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => Some(false),
        _ => None,
    }
}

/// The index of the first event that opens a quote or list deeper than
/// [`MAX_DEPTH`], if any.
pub(super) fn too_deep(events: &[Event]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate() {
        match nests(event) {
            Some(true) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            Some(false) => depth = depth.saturating_sub(1),
            None => {}
        }
    }
    None
}

/// Drops the quotes and lists (and their items) deeper than [`MAX_DEPTH`],
/// keeping what they hold; an item dropped ends with a line break so its
/// words stay apart from the next one's.
pub(super) fn flatten_deep(events: Vec<Event>) -> Vec<Event> {
    if too_deep(&events).is_none() {
        return events;
    }
    let mut depth = 0usize;
    let mut kept = Vec::with_capacity(events.len());
    for event in events {
        match nests(&event) {
            Some(true) => {
                depth += 1;
                if depth <= MAX_DEPTH {
                    kept.push(event);
                }
            }
            Some(false) => {
                if depth <= MAX_DEPTH {
                    kept.push(event);
                }
                depth = depth.saturating_sub(1);
            }
            None if depth > MAX_DEPTH => match event {
                Event::Start(Tag::Item) => {}
                Event::End(TagEnd::Item) => kept.push(Event::SoftBreak),
                other => kept.push(other),
            },
            None => kept.push(event),
        }
    }
    kept
}

/// Each picture as an `<img>` with its size, lazily loaded, when `pictures`
/// knows it; otherwise (a summary, the search index) its description as
/// text. Returns the events with each picture's events replaced.
pub(super) fn pictures<'a>(events: Vec<Event<'a>>, pictures: Option<&Pictures>) -> Vec<Event<'a>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Image { .. })))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut inside: Option<(String, String)> = None;
    for event in events {
        match (&mut inside, event) {
            (None, Event::Start(Tag::Image { dest_url, .. })) => {
                inside = Some((dest_url.to_string(), String::new()));
            }
            (Some((_, alt)), Event::Text(t) | Event::Code(t)) => alt.push_str(&t),
            (Some((_, alt)), Event::SoftBreak | Event::HardBreak) => alt.push(' '),
            (Some(_), Event::End(TagEnd::Image)) => {
                let (url, alt) = inside.take().unwrap_or_default();
                out.push(picture(&url, &alt, pictures));
            }
            (Some(_), _) => {}
            (None, other) => out.push(other),
        }
    }
    out
}

fn picture<'a>(url: &str, alt: &str, pictures: Option<&Pictures>) -> Event<'a> {
    let found = pictures.and_then(|p| {
        let path = picture_path(url).ok()?;
        let size = p.sizes.get(&path)?;
        Some((p.root, path, *size))
    });
    match found {
        Some((root, path, size)) => Event::InlineHtml(CowStr::from(format!(
            "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\">",
            attribute(&format!("{root}{path}")),
            attribute(alt),
            size.width,
            size.height
        ))),
        None => Event::Text(CowStr::from(alt.to_string())),
    }
}

/// Shifts headings so the highest is `h2`, and gives each a unique id.
pub(super) fn give_headings_ids(events: &mut [Event]) {
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min();
    let Some(top) = top else { return };
    let shift = 2usize.saturating_sub(top);
    let mut ids = Ids::default();
    for i in 0..events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let text = heading_text(&events[i + 1..]);
            let id = ids.unique(&text);
            if let Event::Start(Tag::Heading {
                level, id: slot, ..
            }) = &mut events[i]
            {
                *level = shifted(*level, shift);
                *slot = Some(CowStr::from(id));
            }
        } else if let Event::End(TagEnd::Heading(level)) = &mut events[i] {
            *level = shifted(*level, shift);
        }
    }
}

fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// The ids given so far, and for each base the next number to try: a
/// document of 20,000 headings `## h` gets `h`, `h-2`, … `h-20000` without
/// trying every number again for each (that was quadratic: 65 s).
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, text: &str) -> String {
        let base = match slugify(text) {
            s if s.is_empty() => "muc".to_string(),
            s => s,
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn shifted(level: HeadingLevel, by: usize) -> HeadingLevel {
    let n = (level as usize + by).min(6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

/// Each table in a region of its own that scrolls sideways when the table
/// is wider than the phone (never the page), which a keyboard can reach
/// and a screen reader names: "Bảng 1", "Bảng 2"…
pub(super) fn scrolling_tables(events: Vec<Event>) -> Vec<Event> {
    let mut tables = 0;
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        match event {
            Event::Start(Tag::Table(_)) => {
                tables += 1;
                out.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng {tables}\">"
                ))));
                out.push(event);
            }
            Event::End(TagEnd::Table) => {
                out.push(event);
                out.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_unique_whatever_the_order() {
        let mut ids = Ids::default();
        let got: Vec<String> = ["h", "h-2", "h", "h", "h-3", "h-2"]
            .iter()
            .map(|t| ids.unique(t))
            .collect();
        assert_eq!(got, ["h", "h-2", "h-3", "h-4", "h-3-2", "h-2-2"]);
    }
}
