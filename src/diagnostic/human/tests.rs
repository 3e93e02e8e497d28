use std::collections::BTreeMap;
use std::path::PathBuf;

use super::*;
use crate::diagnostic::{NoSources, Text};

const CAMPAIGN: &str = "data/campaigns/i-hatinh.yaml";

fn sources(file: &str, text: &str) -> BTreeMap<PathBuf, String> {
    BTreeMap::from([(PathBuf::from(file), text.to_string())])
}

/// A campaign whose line 14 holds the typo.
fn campaign_text() -> String {
    let mut lines = vec!["# filler"; 13];
    lines.push("    popluation: 29226");
    lines.push("    figures:");
    lines.join("\n")
}

fn unknown_field() -> Diagnostic {
    Diagnostic::error(
        CAMPAIGN,
        14,
        5,
        "unknown-field",
        Text::new(
            "`popluation` không phải là một trường hợp lệ",
            "`popluation` is not a valid field",
        ),
    )
    .with_hint(Text::new(
        "có phải ý bạn là `population`?",
        "did you mean `population`?",
    ))
}

fn stale(line: usize, column: usize) -> Diagnostic {
    Diagnostic::warning(
        CAMPAIGN,
        line,
        column,
        "stale-figures",
        Text::new("số liệu đã cũ", "the figures are out of date"),
    )
}

fn plain(diags: &[Diagnostic], lang: Lang, sources: &dyn SourceLines) -> String {
    render_human(diags, lang, sources, false)
}

#[test]
fn the_example_in_vietnamese() {
    let src = sources(CAMPAIGN, &campaign_text());
    let want = "\
lỗi: `popluation` không phải là một trường hợp lệ
  --> data/campaigns/i-hatinh.yaml:14:5
   |
14 |     popluation: 29226
   |     ^^^^^^^^^^
   = cách sửa: có phải ý bạn là `population`?

1 lỗi
";
    assert_eq!(plain(&[unknown_field()], Lang::Vi, &src), want);
}

#[test]
fn the_example_in_english_with_a_warning() {
    let src = sources(CAMPAIGN, &campaign_text());
    let want = "\
error: `popluation` is not a valid field
  --> data/campaigns/i-hatinh.yaml:14:5
   |
14 |     popluation: 29226
   |     ^^^^^^^^^^
   = help: did you mean `population`?

warning: the figures are out of date
 --> data/campaigns/i-hatinh.yaml:1:3
  |
1 | # filler
  |   ^^^^^^

1 error, 1 warning
";
    let diags = [unknown_field(), stale(1, 3)];
    assert_eq!(plain(&diags, Lang::En, &src), want);
}

#[test]
fn summary_counts_and_plurals() {
    let errors = vec![unknown_field(); 3];
    let mut mixed = errors.clone();
    mixed.push(stale(0, 0));
    let last_line = |d: &[Diagnostic], lang| {
        plain(d, lang, &NoSources)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(last_line(&mixed, Lang::Vi), "3 lỗi, 1 cảnh báo");
    assert_eq!(last_line(&mixed, Lang::En), "3 errors, 1 warning");
    assert_eq!(last_line(&errors, Lang::En), "3 errors");
    assert_eq!(
        last_line(&[stale(0, 0), stale(0, 0)], Lang::En),
        "2 warnings"
    );
    assert_eq!(last_line(&[stale(0, 0)], Lang::Vi), "1 cảnh báo");
}

#[test]
fn nothing_to_report_is_empty() {
    assert_eq!(plain(&[], Lang::Vi, &NoSources), "");
}

#[test]
fn line_zero_is_the_whole_file() {
    let src = sources("data/site.yaml", "title: x\n");
    let d = Diagnostic::error(
        "data/site.yaml",
        0,
        0,
        "missing-field",
        Text::new("thiếu trường `commune`", "missing field `commune`"),
    )
    .with_hint(Text::new("thêm `commune: Xã …`", "add `commune: Xã …`"));
    let want = "\
lỗi: thiếu trường `commune`
 --> data/site.yaml
  = cách sửa: thêm `commune: Xã …`

1 lỗi
";
    assert_eq!(plain(&[d], Lang::Vi, &src), want);
}

#[test]
fn line_past_the_end_has_no_snippet() {
    let src = sources(CAMPAIGN, "title: x\n");
    let want = "\
cảnh báo: số liệu đã cũ
   --> data/campaigns/i-hatinh.yaml:120:1

1 cảnh báo
";
    assert_eq!(plain(&[stale(120, 1)], Lang::Vi, &src), want);
}

#[test]
fn column_zero_underlines_the_whole_line() {
    let src = sources(CAMPAIGN, "a: 1\n  - date: 2026-05-29\n");
    let want = "\
cảnh báo: số liệu đã cũ
 --> data/campaigns/i-hatinh.yaml:2
  |
2 |   - date: 2026-05-29
  |   ^^^^^^^^^^^^^^^^^^

1 cảnh báo
";
    assert_eq!(plain(&[stale(2, 0)], Lang::Vi, &src), want);
}

#[test]
fn tabs_are_expanded_and_the_caret_lines_up() {
    let src = sources(CAMPAIGN, "\tunit:\ttài khoản\n");
    let want = "\
cảnh báo: số liệu đã cũ
 --> data/campaigns/i-hatinh.yaml:1:8
  |
1 |     unit:    tài khoản
  |              ^^^

1 cảnh báo
";
    assert_eq!(plain(&[stale(1, 8)], Lang::Vi, &src), want);
}

#[test]
fn multibyte_columns_count_characters() {
    let src = sources(CAMPAIGN, "label: Người dân từ 18 tuổi: có\n");
    let want = "\
cảnh báo: số liệu đã cũ
 --> data/campaigns/i-hatinh.yaml:1:21
  |
1 | label: Người dân từ 18 tuổi: có
  |                     ^^
";
    let got = plain(&[stale(1, 21)], Lang::Vi, &src);
    assert!(got.starts_with(want), "{got}");
    let wide = sources(CAMPAIGN, "名前: 値\n");
    let got = plain(&[stale(1, 5)], Lang::Vi, &wide);
    assert!(got.contains("1 | 名前: 値\n  |       ^^\n"), "{got}");
}

#[test]
fn crlf_is_stripped() {
    let src = sources(CAMPAIGN, "title: x\r\npopluation: 3\r\n");
    let got = plain(&[stale(2, 1)], Lang::Vi, &src);
    assert!(
        got.contains("2 | popluation: 3\n  | ^^^^^^^^^^\n"),
        "{got:?}"
    );
    assert!(!got.contains('\r'));
}

#[test]
fn an_empty_line_has_no_trailing_space() {
    let src = sources(CAMPAIGN, "a: 1\n\n");
    let got = plain(&[stale(2, 1)], Lang::Vi, &src);
    assert!(got.contains("  |\n2 |\n  | ^\n"), "{got:?}");
}

#[test]
fn colour_only_when_asked() {
    let src = sources(CAMPAIGN, &campaign_text());
    let diags = [unknown_field(), stale(1, 3)];
    let plain_out = plain(&diags, Lang::Vi, &src);
    assert!(!plain_out.contains('\x1b'));
    let coloured = render_human(&diags, Lang::Vi, &src, true);
    assert!(coloured.starts_with("\x1b[1;31mlỗi\x1b[0m\x1b[1m: `popluation`"));
    assert!(coloured.contains("\x1b[1;33mcảnh báo\x1b[0m"));
    assert!(coloured.contains("  \x1b[1;34m-->\x1b[0m data/campaigns/i-hatinh.yaml:14:5\n"));
    assert!(coloured.contains("\x1b[1;34m14 |\x1b[0m     popluation: 29226\n"));
    assert!(coloured.contains("\x1b[1;34m   |\x1b[0m     \x1b[1;31m^^^^^^^^^^\x1b[0m\n"));
    assert!(coloured.ends_with("\x1b[1;31m1 lỗi\x1b[0m, \x1b[1;33m1 cảnh báo\x1b[0m\n"));
}
