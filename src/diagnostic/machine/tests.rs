use super::*;
use crate::diagnostic::Text;

fn unknown_field() -> Diagnostic {
    Diagnostic::error(
        "data/campaigns/x.yaml",
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

fn whole_file_warning() -> Diagnostic {
    Diagnostic::warning(
        "data/site.yaml",
        0,
        0,
        "stale-figures",
        Text::new("số liệu đã cũ", "the figures are out of date"),
    )
}

#[test]
fn github_error_with_hint() {
    assert_eq!(
        render_github(&[unknown_field()], Lang::En),
        "::error file=data/campaigns/x.yaml,line=14,col=5,title=unknown-field::\
         `popluation` is not a valid field — did you mean `population`?\n"
    );
    assert_eq!(
        render_github(&[unknown_field()], Lang::Vi),
        "::error file=data/campaigns/x.yaml,line=14,col=5,title=unknown-field::\
         `popluation` không phải là một trường hợp lệ — có phải ý bạn là `population`?\n"
    );
}

#[test]
fn github_warning_without_position_or_hint() {
    let mut whole_line = whole_file_warning();
    whole_line.line = 3;
    assert_eq!(
        render_github(&[whole_file_warning(), whole_line], Lang::En),
        "::warning file=data/site.yaml,title=stale-figures::the figures are out of date\n\
         ::warning file=data/site.yaml,line=3,title=stale-figures::the figures are out of date\n"
    );
}

#[test]
fn github_escaping() {
    let d = Diagnostic::error(
        "data/a,b:c%.yaml",
        2,
        1,
        "bad-rate",
        Text::new("", "rate 50%\r\nnot 40%, see: x"),
    );
    assert_eq!(
        render_github(&[d], Lang::En),
        "::error file=data/a%2Cb%3Ac%25.yaml,line=2,col=1,title=bad-rate::\
         rate 50%25%0D%0Anot 40%25, see: x\n"
    );
    assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    assert_eq!(escape_data("a:b,c%\n"), "a:b,c%25%0A");
}

#[test]
fn github_empty() {
    assert_eq!(render_github(&[], Lang::Vi), "");
}

#[test]
fn json_exact_line() {
    assert_eq!(
        render_json(&[unknown_field(), whole_file_warning()], Lang::En),
        "{\"file\":\"data/campaigns/x.yaml\",\"line\":14,\"column\":5,\
         \"severity\":\"error\",\"code\":\"unknown-field\",\
         \"message\":\"`popluation` is not a valid field\",\
         \"hint\":\"did you mean `population`?\"}\n\
         {\"file\":\"data/site.yaml\",\"line\":0,\"column\":0,\
         \"severity\":\"warning\",\"code\":\"stale-figures\",\
         \"message\":\"the figures are out of date\",\"hint\":null}\n"
    );
}

#[test]
fn json_lines_parse_back() {
    let mut tricky = unknown_field();
    tricky.message = Text::new("dòng \"một\"\nhai\t\\ ba", "x");
    let out = render_json(&[tricky, whole_file_warning()], Lang::Vi);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: serde_json::Value = serde_json::from_str(lines[0]).expect("valid JSON");
    assert_eq!(first["file"], "data/campaigns/x.yaml");
    assert_eq!(first["line"], 14);
    assert_eq!(first["column"], 5);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "unknown-field");
    assert_eq!(first["message"], "dòng \"một\"\nhai\t\\ ba");
    assert_eq!(first["hint"], "có phải ý bạn là `population`?");
    let second: serde_json::Value = serde_json::from_str(lines[1]).expect("valid JSON");
    assert_eq!(second["severity"], "warning");
    assert!(second["hint"].is_null());
}

#[test]
fn json_empty() {
    assert_eq!(render_json(&[], Lang::En), "");
}
