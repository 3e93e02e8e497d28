//! The line of source under a diagnostic and where its caret goes, in
//! terminal cells: tabs expanded, combining marks taking no cell, wide
//! (CJK, emoji) characters taking two.

/// How many cells a tab takes; each tab becomes this many spaces.
const TAB_WIDTH: usize = 4;

/// A source line ready to print, and the caret under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Snippet {
    /// The line with tabs expanded, control characters shown escaped (`\u{1b}`),
    /// trailing whitespace (and `\r`) removed.
    pub text: String,
    /// Cells before the first `^`.
    pub caret_start: usize,
    /// How many `^`, at least one.
    pub caret_len: usize,
}

/// Lays out `line` with a caret under the token at `column` (1-based, in
/// characters; 0 underlines the whole line). A column past the end of the
/// line puts one caret there.
pub(super) fn snippet(line: &str, column: usize) -> Snippet {
    let all: Vec<char> = line.trim_end_matches(['\r', '\n']).chars().collect();
    let (chars, column) = window(&all, column);
    let (start, end) = underline_range(&chars, column);
    let clamp = |i: usize| i.min(chars.len());
    let caret_start = cells(&chars[..clamp(start)]) + start.saturating_sub(chars.len());
    let caret_len = cells(&chars[clamp(start)..clamp(end)]).max(1);
    let text: String = chars.iter().map(|&c| shown(c)).collect();
    Snippet {
        text: text.trim_end().to_string(),
        caret_start,
        caret_len,
    }
}

/// Longest line shown under a diagnostic; a longer one (a minified or
/// hostile file) is cut to a window around the fault, marked with `…`.
const MAX_SHOWN: usize = 120;

/// The part of the line worth showing, and the column within it.
fn window(chars: &[char], column: usize) -> (Vec<char>, usize) {
    if chars.len() <= MAX_SHOWN {
        return (chars.to_vec(), column);
    }
    let start = column
        .saturating_sub(MAX_SHOWN / 3)
        .min(chars.len() - MAX_SHOWN + 1);
    let mut shown: Vec<char> = Vec::with_capacity(MAX_SHOWN + 2);
    if start > 0 {
        shown.push('…');
    }
    shown.extend_from_slice(&chars[start..start + MAX_SHOWN - 1]);
    shown.push('…');
    let shifted = match column {
        0 => 0,
        c => c - start + usize::from(start > 0),
    };
    (shown, shifted)
}

/// The characters `[start, end)` to underline.
fn underline_range(chars: &[char], column: usize) -> (usize, usize) {
    let Some(start) = column.checked_sub(1) else {
        return whole_line(chars);
    };
    let rest = chars.get(start..).unwrap_or(&[]);
    let len = rest.iter().take_while(|c| !c.is_whitespace()).count();
    (start, start + token_len(&rest[..len]))
}

/// From the first to the last non-blank character.
fn whole_line(chars: &[char]) -> (usize, usize) {
    let start = chars.iter().position(|c| !c.is_whitespace());
    let end = chars.iter().rposition(|c| !c.is_whitespace());
    match (start, end) {
        (Some(start), Some(end)) => (start, end + 1),
        _ => (0, 0),
    }
}

/// The length of a run of non-blank characters once the YAML punctuation
/// that follows a token is cut: a flow separator `,`, an unmatched `]` or
/// `}`, the `:` after a key.
fn token_len(run: &[char]) -> usize {
    let mut len = run.len();
    if len > 1 && run[len - 1] == ',' {
        len -= 1;
    }
    while len > 1 && closes_nothing(&run[..len]) {
        len -= 1;
    }
    if len > 1 && run[len - 1] == ':' {
        len -= 1;
    }
    len
}

/// Whether `token` ends with a bracket it did not open.
fn closes_nothing(token: &[char]) -> bool {
    let count = |wanted: char| token.iter().filter(|&&c| c == wanted).count();
    match token.last() {
        Some(']') => count('[') < count(']'),
        Some('}') => count('{') < count('}'),
        _ => false,
    }
}

fn cells(chars: &[char]) -> usize {
    chars.iter().map(|&c| width(c)).sum()
}

/// How a character is printed in a snippet: a control character (a
/// terminal escape code in a YAML string) written out, never sent.
fn shown(c: char) -> String {
    match c {
        '\t' => " ".repeat(TAB_WIDTH),
        c if c.is_control() => escaped(c),
        c => c.to_string(),
    }
}

fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// Terminal cells a character takes once [`shown`].
fn width(c: char) -> usize {
    match c {
        '\t' => TAB_WIDTH,
        c if c.is_control() => escaped(c).len(),
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200B}'..='\u{200F}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FEFF}' => 0,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F300}'..='\u{1F64F}'
        | '\u{1F900}'..='\u{1F9FF}'
        | '\u{20000}'..='\u{3FFFD}' => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caret(line: &str, column: usize) -> (usize, usize) {
        let s = snippet(line, column);
        (s.caret_start, s.caret_len)
    }

    #[test]
    fn key_stops_before_colon() {
        assert_eq!(caret("    popluation: 29226", 5), (4, 10));
        assert_eq!(caret("    popluation: 29226", 17), (16, 5));
        assert_eq!(caret("base_url: https://x.vn/a", 11), (10, 14));
        assert_eq!(caret("\"key\": 1", 1), (0, 5));
    }

    #[test]
    fn flow_punctuation_is_cut() {
        let line = "every: [monday, thursdy]";
        assert_eq!(caret(line, 9), (8, 6));
        assert_eq!(caret(line, 17), (16, 7));
        assert_eq!(caret("every: [daily]", 8), (7, 7));
        assert_eq!(caret("t: { party: { percent: 85 }, x: 1 }", 6), (5, 5));
        assert_eq!(caret("a: {b: 1}", 8), (7, 1));
    }

    #[test]
    fn very_long_lines_are_cut_around_the_fault() {
        let line = format!("{}bad{}", "[".repeat(10_000), "]".repeat(10_000));
        let s = snippet(&line, 10_001);
        assert!(s.text.chars().count() <= MAX_SHOWN + 1, "{}", s.text.len());
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        let under: String = s.text.chars().skip(s.caret_start).take(3).collect();
        assert_eq!(under, "bad");
    }

    #[test]
    fn at_least_one_caret() {
        assert_eq!(caret("key: ", 5), (4, 1));
        assert_eq!(caret(":", 1), (0, 1));
        assert_eq!(caret("", 1), (0, 1));
    }

    #[test]
    fn column_past_the_end() {
        assert_eq!(caret("abc", 4), (3, 1));
        assert_eq!(caret("abc", 7), (6, 1));
    }

    #[test]
    fn column_zero_underlines_the_line() {
        assert_eq!(caret("  - date: 2026-05-29  ", 0), (2, 18));
        assert_eq!(caret("   ", 0), (0, 1));
    }

    #[test]
    fn tabs_expand_and_the_caret_follows() {
        let s = snippet("\tname:\tXã", 8);
        assert_eq!(s.text, "    name:    Xã");
        assert_eq!((s.caret_start, s.caret_len), (13, 2));
        // A column on the tab itself points at its first cell.
        assert_eq!(caret("\tname:\tXã", 7), (9, 1));
        assert_eq!(caret("\t\tx: 1", 3), (8, 1));
    }

    #[test]
    fn columns_are_characters_not_bytes() {
        // `ồ` is 3 bytes, 1 character, 1 cell.
        assert_eq!(caret("chồng: sai", 8), (7, 3));
        assert_eq!(caret("Thôn Trung Lương: x", 12), (11, 5));
    }

    #[test]
    fn combining_marks_take_no_cell() {
        // `ồ` decomposed: o + U+0302 + U+0300, 3 characters, 1 cell.
        let line = "cho\u{302}\u{300}ng: sai";
        assert_eq!(caret(line, 10), (7, 3));
        assert_eq!(caret(line, 1), (0, 5));
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(caret("名前: x", 5), (6, 1));
        assert_eq!(caret("x: 名前", 4), (3, 4));
    }

    #[test]
    fn crlf_and_trailing_blanks_are_dropped() {
        let s = snippet("key: value  \r", 6);
        assert_eq!(s.text, "key: value");
        assert_eq!((s.caret_start, s.caret_len), (5, 5));
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let s = snippet("a\u{1b}[31mb", 1);
        assert_eq!(s.text, "a\\u{1b}[31mb");
        assert_eq!((s.caret_start, s.caret_len), (0, 12));
        let s = snippet("x: \u{1b}]0;owned\u{7}y", 4);
        assert_eq!(s.text, "x: \\u{1b}]0;owned\\u{7}y");
        assert!(!s.text.chars().any(char::is_control));
        assert_eq!((s.caret_start, s.caret_len), (3, 20));
    }
}
