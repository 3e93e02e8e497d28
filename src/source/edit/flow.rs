//! Flow collections (`[…]`, `{…}`): finding where one ends without a
//! parser, skipping quoted text and comments.

use std::iter::Peekable;
use std::str::CharIndices;

/// A flow collection's closing bracket, and the last significant character
/// before it (the opening bracket itself when it is empty).
pub(super) struct FlowSpan {
    pub(super) close: usize,
    pub(super) last: usize,
}

/// Finds the bracket matching the one at `open`, skipping quoted text and
/// comments. Byte offsets into `text`.
pub(super) fn scan_flow(text: &str, open: usize) -> Option<FlowSpan> {
    let mut depth = 0usize;
    let mut last = open;
    let mut last_char = ' ';
    let mut previous = ' ';
    let mut chars = text[open..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = open + i;
        match c {
            '#' if previous.is_whitespace() => {
                // A comment runs to the end of the line.
                chars.by_ref().find(|(_, c)| *c == '\n');
                previous = '\n';
                continue;
            }
            // A quote opens quoted text only where a value starts: in
            // `O'Brien` it is just a letter.
            '"' | '\'' if matches!(last_char, '[' | '{' | ',' | ':') => {
                last = open + closing_quote(c, &mut chars)?;
                last_char = c;
            }
            '[' | '{' => {
                depth += 1;
                (last, last_char) = (at, c);
            }
            ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(FlowSpan { close: at, last });
                }
                (last, last_char) = (at, c);
            }
            c if c.is_whitespace() => {}
            c => (last, last_char) = (at, c),
        }
        previous = c;
    }
    None
}

/// Reads on to the quote closing quoted text; returns its offset (relative,
/// like the iterator's).
fn closing_quote(quote: char, chars: &mut Peekable<CharIndices>) -> Option<usize> {
    let mut escaped = false;
    while let Some((i, c)) = chars.next() {
        if escaped {
            escaped = false;
        } else if quote == '"' && c == '\\' {
            escaped = true;
        } else if c == quote {
            // `''` inside single quotes is one quote, not the end.
            if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
                continue;
            }
            return Some(i);
        }
    }
    None
}
