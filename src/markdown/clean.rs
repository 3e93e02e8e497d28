//! The allow-list of [`super::sanitizer`] applied without building a DOM,
//! to the HTML a body's events are written as: ammonia parsed it into a
//! tree, filtered and wrote it out again, a fifth of a 10,000-notice build.
//!
//! That HTML is narrow: raw HTML in a body became text before it was
//! written (see `events::html_as_text`), so every tag is one pulldown-cmark
//! or `events` writes — well nested, attributes double-quoted, text with
//! its five characters escaped. This walks it once and writes what
//! ammonia writes for it, byte for byte: the same tags, the attributes the
//! allow-list keeps (links and sources checked by the same rule),
//! `rel="noopener noreferrer"` on links, void elements without ` /`, text
//! and attributes escaped as html5ever escapes them. Anything else — a tag
//! or entity outside that subset, a comment, a control character — gives
//! `None`, and the body goes through ammonia. The tests hold the two to
//! the same output.

/// The HTML ammonia would make of `html`, when `html` is made only of what
/// Markdown writes; `None` otherwise.
pub(super) fn clean(html: &str, url_schemes: &[&str]) -> Option<String> {
    if has_odd_characters(html) {
        return None;
    }
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text(&rest[..at], &open, &mut out)?;
        rest = tag(&rest[at..], &mut open, url_schemes, &mut out)?;
    }
    text(rest, &open, &mut out)?;
    // A parser closes what is left open, and writes it closed.
    open.is_empty().then_some(out)
}

/// The elements written, with the attributes the allow-list keeps on each
/// (besides `lang` and `title`, kept on all).
const ELEMENTS: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h1", &[]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
    ("blockquote", &["cite"]),
    ("pre", &[]),
    ("code", &[]),
    ("ol", &["start"]),
    ("ul", &[]),
    ("li", &["id"]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &["cite", "datetime"]),
    ("a", &["href", "hreflang"]),
    ("sup", &["class", "id"]),
    ("div", &["class", "id", "tabindex", "role", "aria-label"]),
    ("table", &["align", "char", "charoff", "summary"]),
    ("thead", &["align", "char", "charoff"]),
    ("tbody", &["align", "char", "charoff"]),
    ("tr", &["align", "char", "charoff"]),
    (
        "th",
        &[
            "align", "char", "charoff", "colspan", "headers", "rowspan", "scope",
        ],
    ),
    (
        "td",
        &["align", "char", "charoff", "colspan", "headers", "rowspan"],
    ),
    ("br", &[]),
    ("hr", &["align", "size", "width"]),
    (
        "img",
        &["align", "alt", "height", "src", "width", "loading"],
    ),
];

/// Elements with no content and no end tag.
const VOID: &[&str] = &["br", "hr", "img"];

/// The classes kept on table cells (column alignment, see
/// `alignment_as_class`); any other class is dropped.
const CELL_CLASSES: &[&str] = &["align-left", "align-center", "align-right"];

/// Elements only text and these may be in (those a parser keeps inside a
/// paragraph or heading); another closes the paragraph or heading.
const PHRASING: &[&str] = &["a", "em", "strong", "del", "code", "sup", "br", "img"];

/// Elements whose text a parser moves out in front of the table when it
/// is more than white space.
const TABLE_PARTS: &[&str] = &["table", "thead", "tbody", "tr"];

/// Whether a parser would put element `name` where it stands, inside
/// `open`, as it is written: anything it would close, move or add
/// around gives `None` (ammonia then writes what the parser made).
fn fits(name: &str, open: &[&str]) -> bool {
    let parent = open.last().copied();
    let in_phrase = open
        .iter()
        .any(|e| matches!(*e, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
    if in_phrase && !PHRASING.contains(&name) {
        return false;
    }
    match name {
        // A link in a link: the parser closes the first.
        "a" => !open.contains(&"a"),
        "li" => matches!(parent, Some("ul" | "ol")),
        "thead" | "tbody" => parent == Some("table"),
        "tr" => matches!(parent, Some("thead" | "tbody")),
        "th" | "td" => parent == Some("tr"),
        _ => !parent.is_some_and(|p| TABLE_PARTS.contains(&p)),
    }
}

/// Writes one tag from the start of `html`; returns what follows it.
fn tag<'h>(
    html: &'h str,
    open: &mut Vec<&'h str>,
    url_schemes: &[&str],
    out: &mut String,
) -> Option<&'h str> {
    if let Some(rest) = html.strip_prefix("</") {
        let (name, rest) = name_at(rest)?;
        let rest = rest.strip_prefix('>')?;
        // Closes the element open last, or the parser would mend it.
        if open.pop() != Some(name) {
            return None;
        }
        out.push_str("</");
        out.push_str(name);
        out.push('>');
        return Some(rest);
    }
    let (name, mut rest) = name_at(&html[1..])?;
    let kept = ELEMENTS.iter().find(|(e, _)| *e == name)?.1;
    if !fits(name, open) {
        return None;
    }
    let void = VOID.contains(&name);
    out.push('<');
    out.push_str(name);
    let mut seen: Vec<&str> = Vec::new();
    loop {
        rest = rest.trim_start_matches(' ');
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            break;
        }
        if let Some(after) = rest.strip_prefix("/>") {
            // Only a void element may close itself: on another, a parser
            // ignores the slash and the element stays open.
            if !void {
                return None;
            }
            rest = after;
            break;
        }
        let (attribute, after) = name_at(rest)?;
        let after = after.strip_prefix("=\"")?;
        let end = after.find('"')?;
        let value = decoded(&after[..end])?;
        rest = &after[end + 1..];
        // A parser keeps the first of two attributes of one name.
        if seen.contains(&attribute) {
            return None;
        }
        seen.push(attribute);
        if keeps(name, kept, attribute, &value, url_schemes) {
            out.push(' ');
            out.push_str(attribute);
            out.push_str("=\"");
            escape(&value, true, out);
            out.push('"');
        }
    }
    if name == "a" {
        out.push_str(" rel=\"noopener noreferrer\"");
    }
    out.push('>');
    // A parser drops a line break right after `<pre>`.
    if name == "pre" && rest.starts_with('\n') {
        return None;
    }
    if !void {
        open.push(name);
    }
    Some(rest)
}

/// Whether the allow-list keeps `attribute="value"` on element `name`.
fn keeps(name: &str, kept: &[&str], attribute: &str, value: &str, url_schemes: &[&str]) -> bool {
    let listed = matches!(attribute, "lang" | "title")
        || match (name, attribute) {
            ("th" | "td", "class") => CELL_CLASSES.iter().any(|c| c.eq_ignore_ascii_case(value)),
            _ => kept.contains(&attribute),
        };
    if !listed {
        return false;
    }
    if attribute != "href" && attribute != "src" {
        return true;
    }
    // ammonia's rule: a URL with a scheme only if the scheme is allowed; a
    // relative one as it is; anything that does not parse, not at all.
    match url::Url::parse(value) {
        Ok(url) => url_schemes.contains(&url.scheme()),
        Err(err) => err == url::ParseError::RelativeUrlWithoutBase,
    }
}

/// A tag's or attribute's name at the start of `s`, and what follows.
fn name_at(s: &str) -> Option<(&str, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .unwrap_or(s.len());
    (end > 0).then(|| s.split_at(end))
}

/// Text between tags, written as html5ever writes it.
fn text(s: &str, open: &[&str], out: &mut String) -> Option<()> {
    if s.is_empty() {
        return Some(());
    }
    let in_table = open.last().is_some_and(|p| TABLE_PARTS.contains(p));
    if in_table && !s.bytes().all(|b| matches!(b, b' ' | b'\n' | b'\t')) {
        return None;
    }
    if s.contains('&') {
        escape(&decoded(s)?, false, out);
    } else {
        escape(s, false, out);
    }
    Some(())
}

/// `s` with the entities Markdown's writers use read; `None` on any other
/// (or on a character a parser would change).
fn decoded(s: &str) -> Option<String> {
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        text.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (entity, c) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
        ]
        .into_iter()
        .find(|(entity, _)| rest.starts_with(entity))?;
        text.push(c);
        rest = &rest[entity.len()..];
    }
    text.push_str(rest);
    Some(text)
}

/// `s` escaped as html5ever's serializer escapes text (`in_attribute`:
/// an attribute's value). Control characters a parser would change or
/// drop are refused before (see [`clean`]).
fn escape(s: &str, in_attribute: bool, out: &mut String) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '\u{a0}' => "&nbsp;",
            '"' if in_attribute => "&quot;",
            '<' => "&lt;",
            '>' => "&gt;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
}

/// Whether `html` holds a character an HTML parser would not keep as it
/// is (a carriage return, a NUL, other controls): such a body goes through
/// ammonia.
fn has_odd_characters(html: &str) -> bool {
    html.bytes()
        .any(|b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f)
}

#[cfg(test)]
mod tests;
