//! Raw HTML in a body is shown as text, and never swallows what follows.
//!
//! Turning HTML events into text after parsing is not enough: CommonMark
//! reads a line starting with `<script>`, `<style>`, `<pre>` or
//! `<textarea>` as the start of an HTML block that runs to the matching
//! closing tag, so the rest of the letter would come out as one run of raw
//! text, its paragraphs and lists lost. Instead, the `<` that starts each
//! piece of HTML is written `&lt;` in the source, and the source is parsed
//! again: the tag becomes text, and what followed it is Markdown again.
//! What the first pass read as inside an HTML block may hold more HTML, so
//! this repeats, at most [`MAX_PASSES`] times (each pass is linear); HTML
//! still left after that (only a document built to nest blocks in blocks)
//! is turned into text event by event.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::options;

/// Parses a body may take, beyond the last one, to take its HTML apart.
const MAX_PASSES: usize = 4;

/// A body with the `<` of its HTML escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Neutral {
    /// The source to parse.
    pub text: String,
    /// Where each escaped `<` was in the original body, in order.
    pub escaped: Vec<usize>,
    /// Where each `&lt;` begins in `text`, in order (for mapping back).
    at: Vec<usize>,
}

const ENTITY: &str = "&lt;";
/// How many bytes each escape adds.
const GROWTH: usize = ENTITY.len() - 1;

impl Neutral {
    /// Where an offset of `text` was in the original body.
    pub fn original(&self, offset: usize) -> usize {
        let before = self.at.partition_point(|&at| at < offset);
        offset - before * GROWTH
    }
}

/// The body with the `<` of every piece of HTML written `&lt;`.
pub(super) fn neutralize(body: &str) -> Neutral {
    let mut neutral = Neutral {
        text: body.to_string(),
        escaped: Vec::new(),
        at: Vec::new(),
    };
    if !body.contains('<') {
        return neutral;
    }
    for _ in 0..MAX_PASSES {
        let spots = html_starts(&neutral.text);
        if spots.is_empty() {
            break;
        }
        escape(&mut neutral, &spots);
    }
    neutral
}

/// Writes `&lt;` for the `<` at each of `spots` (offsets of `text`, in
/// order), keeping track of where every escape is.
fn escape(neutral: &mut Neutral, spots: &[usize]) {
    let originals: Vec<usize> = spots.iter().map(|&s| neutral.original(s)).collect();
    let mut text = String::with_capacity(neutral.text.len() + spots.len() * GROWTH);
    let mut last = 0;
    for &spot in spots {
        text.push_str(&neutral.text[last..spot]);
        text.push_str(ENTITY);
        last = spot + 1;
    }
    text.push_str(&neutral.text[last..]);
    let shifted = |offset: usize| offset + spots.partition_point(|&s| s < offset) * GROWTH;
    let mut at: Vec<usize> = neutral.at.iter().map(|&a| shifted(a)).collect();
    at.extend(spots.iter().map(|&s| shifted(s)));
    at.sort_unstable();
    neutral.escaped.extend(originals);
    neutral.escaped.sort_unstable();
    neutral.at = at;
    neutral.text = text;
}

/// The offset of the `<` that starts each piece of HTML in `text`: each
/// inline tag, and the first line of each HTML block.
fn html_starts(text: &str) -> Vec<usize> {
    let mut spots: Vec<usize> = Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::InlineHtml(_) => first_lt(text, range),
            Event::Start(Tag::HtmlBlock) => first_lt(text, range),
            _ => None,
        })
        .collect();
    spots.sort_unstable();
    spots.dedup();
    spots
}

fn first_lt(text: &str, range: Range<usize>) -> Option<usize> {
    text.get(range.clone())?.find('<').map(|i| range.start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_without_html_is_left_as_it_is() {
        let n = neutralize("Một **hai** <https://x.vn> 3 < 4\n");
        assert_eq!(n.text, "Một **hai** <https://x.vn> 3 < 4\n");
        assert!(n.escaped.is_empty());
    }

    #[test]
    fn each_tag_is_escaped_and_offsets_map_back() {
        let body = "a <b>x</b>\n\n<script>\n\nc *d*\n";
        let n = neutralize(body);
        assert_eq!(n.text, "a &lt;b>x&lt;/b>\n\n&lt;script>\n\nc *d*\n");
        assert_eq!(n.escaped, [2, 6, 12]);
        for (i, &at) in n.escaped.iter().enumerate() {
            assert_eq!(&body[at..=at], "<", "{i}");
        }
        let star = n.text.find("*d*").unwrap();
        assert_eq!(n.original(star), body.find("*d*").unwrap());
    }

    #[test]
    fn html_found_inside_a_block_is_taken_apart_on_the_next_pass() {
        // The `<style>` block swallows the `<div>` line; once it is text,
        // the `<div>` starts a block of its own.
        let n = neutralize("<style>\n<div>\n\npara\n");
        assert_eq!(n.text, "&lt;style>\n&lt;div>\n\npara\n");
        assert_eq!(n.escaped, [0, 8]);
    }
}
