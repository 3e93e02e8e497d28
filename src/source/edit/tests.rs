use super::*;

fn figure(date: &str, amount: Amount) -> NewFigure {
    NewFigure::new(date.parse().unwrap(), amount)
}

fn add(text: &str, id: &str, date: &str, n: u64) -> String {
    add_figure(text, id, &figure(date, Amount::Count(n)))
        .unwrap_or_else(|e| panic!("{e:?} for:\n{text}"))
        .text
}

/// The new text is the old one with some lines inserted, nothing else.
fn assert_only_inserted(old: &str, new: &str, inserted: &[&str]) {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let prefix = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_lines[prefix..]
        .iter()
        .rev()
        .zip(new_lines[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(prefix + suffix, old_lines.len(), "changed lines in:\n{new}");
    let middle: Vec<&str> = new_lines[prefix..new_lines.len() - suffix]
        .iter()
        .map(|l| l.trim_end_matches(['\r', '\n']))
        .collect();
    assert_eq!(middle, inserted, "in:\n{new}");
}

const BLOCK: &str = "\
# a campaign
title: T
indicators:
  - id: a
    label: A  # the label
    figures:
      # first report
      - date: 2026-05-29
        count: 1299
        # where it came from
        source: Sở KH&CN

      # more to come
  # the second one
  - id: b
    label: B
    figures:
      - { date: 2026-01-01, count: 1 }
    breakdown: []
";

#[test]
fn block_items_get_a_block_item_after_the_last_one() {
    let new = add(BLOCK, "a", "2026-06-10", 1500);
    assert_only_inserted(
        BLOCK,
        &new,
        &["      - date: 2026-06-10", "        count: 1500"],
    );
    // Before the blank line and the comment about what comes next.
    assert!(new.contains("Sở KH&CN\n      - date: 2026-06-10\n"));
}

#[test]
fn flow_items_get_a_flow_item_before_the_next_key() {
    let new = add(BLOCK, "b", "2026-01-02", 2);
    assert_only_inserted(BLOCK, &new, &["      - { date: 2026-01-02, count: 2 }"]);
    assert!(new.contains("count: 1 }\n      - { date: 2026-01-02, count: 2 }\n    breakdown"));
}

#[test]
fn reports_the_line_of_the_new_figure() {
    let edited = add_figure(BLOCK, "b", &figure("2026-01-02", Amount::Count(2))).unwrap();
    assert_eq!(edited.line, 19);
}

#[test]
fn percent_and_remaining() {
    let new = add_figure(BLOCK, "b", &figure("2026-01-02", Amount::Percent(4.5))).unwrap();
    assert!(new.text.contains("- { date: 2026-01-02, percent: 4.5 }"));
    let new = add_figure(BLOCK, "b", &figure("2026-01-02", Amount::Remaining(7))).unwrap();
    assert!(new.text.contains("- { date: 2026-01-02, remaining: 7 }"));
}

#[test]
fn at_the_end_of_the_file_with_and_without_a_final_newline() {
    let text = "indicators:\n  - id: a\n    label: A\n    figures:\n      - { date: 2026-01-01, count: 1 }\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_eq!(
        new,
        format!("{text}      - {{ date: 2026-01-02, count: 2 }}\n")
    );
    let unended = text.trim_end();
    let new = add(unended, "a", "2026-01-02", 2);
    assert_eq!(
        new,
        format!("{unended}\n      - {{ date: 2026-01-02, count: 2 }}")
    );
}

#[test]
fn indentless_lists_end_at_the_next_key() {
    let text = "indicators:\n- id: a\n  label: A\n  figures:\n  - { date: 2026-01-01, count: 1 }\n  unit: x\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_only_inserted(text, &new, &["  - { date: 2026-01-02, count: 2 }"]);
    assert!(new.contains("count: 2 }\n  unit: x\n"));
}

#[test]
fn missing_figures_get_the_key_under_the_indicator() {
    let text = "\
indicators:
  # first
  - id: a
    label: A
    target: { percent: 85 }
    # no figures yet
  # second
  - id: b
    label: B
";
    let new = add(text, "a", "2026-05-13", 10);
    assert_only_inserted(
        text,
        &new,
        &["    figures:", "      - { date: 2026-05-13, count: 10 }"],
    );
    assert!(new.contains("# no figures yet\n    figures:"));
    let new = add(text, "b", "2026-05-13", 10);
    assert!(new.ends_with("label: B\n    figures:\n      - { date: 2026-05-13, count: 10 }\n"));
}

#[test]
fn empty_and_null_figures() {
    let text = "indicators:\n  - id: a\n    label: A\n    figures:   # none yet\n    unit: x\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_only_inserted(text, &new, &["      - { date: 2026-01-02, count: 2 }"]);
    let text = "indicators:\n  - id: a\n    figures: ~  # none\n    label: A\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_eq!(
        new,
        "indicators:\n  - id: a\n    figures: [{ date: 2026-01-02, count: 2 }]  # none\n    label: A\n"
    );
}

#[test]
fn flow_lists_are_extended_in_place() {
    let cases = [
        ("figures: []", "figures: [{ date: 2026-01-02, count: 2 }]"),
        (
            "figures: [ { date: 2026-01-01, count: 1 } ]  # one",
            "figures: [ { date: 2026-01-01, count: 1 }, { date: 2026-01-02, count: 2 } ]  # one",
        ),
        (
            "figures: [{ date: 2026-01-01, count: 1, source: \"a ] b\" },]",
            "figures: [{ date: 2026-01-01, count: 1, source: \"a ] b\" }, { date: 2026-01-02, count: 2 }]",
        ),
    ];
    for (old, want) in cases {
        let text = format!("indicators:\n  - id: a\n    label: A\n    {old}\n    unit: x\n");
        let new = add(&text, "a", "2026-01-02", 2);
        assert_eq!(new, text.replace(old, want));
    }
}

#[test]
fn multi_line_flow_lists_get_a_line() {
    let text = "indicators:\n  - id: a\n    label: A\n    figures: [\n      { date: 2026-01-01, count: 1 }  # x\n    ]\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_eq!(
        new,
        "indicators:\n  - id: a\n    label: A\n    figures: [\n      { date: 2026-01-01, count: 1 },  # x\n      { date: 2026-01-02, count: 2 }\n    ]\n"
    );
    let text = "indicators:\n  - id: a\n    label: A\n    figures: [\n      { date: 2026-01-01, count: 1 },\n    ]\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_only_inserted(text, &new, &["      { date: 2026-01-02, count: 2 },"]);
}

#[test]
fn flow_indicators_get_figures_inside_their_braces() {
    let text = "indicators:\n  - { id: a, label: \"O'Brien, A\" }  # flow\n  - { id: b, label: B, figures: [] }\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert_eq!(
        new,
        text.replace(
            "\"O'Brien, A\" }",
            "\"O'Brien, A\", figures: [{ date: 2026-01-02, count: 2 }] }"
        )
    );
    let new = add(text, "b", "2026-01-02", 2);
    assert!(new.contains("figures: [{ date: 2026-01-02, count: 2 }] }"));
}

#[test]
fn crlf_files_stay_crlf_and_keep_their_bom() {
    let text = format!("\u{feff}{}", BLOCK.replace('\n', "\r\n"));
    let new = add(&text, "a", "2026-06-10", 1500);
    assert!(new.starts_with('\u{feff}'));
    assert!(
        !new.replace("\r\n", "").contains('\n'),
        "bare LF in:\n{new}"
    );
    assert_only_inserted(
        &text,
        &new,
        &["      - date: 2026-06-10", "        count: 1500"],
    );
}

#[test]
fn refusals() {
    let dup = add_figure(BLOCK, "a", &figure("2026-05-29", Amount::Count(1)));
    assert_eq!(
        dup,
        Err(EditError::DuplicateDate {
            pos: Pos {
                line: 8,
                column: 15
            }
        })
    );
    let unknown = add_figure(BLOCK, "c", &figure("2026-05-29", Amount::Count(1)));
    assert_eq!(
        unknown,
        Err(EditError::UnknownIndicator {
            known: vec!["a".into(), "b".into()]
        })
    );
    let none = add_figure("title: x\n", "a", &figure("2026-05-29", Amount::Count(1)));
    assert_eq!(none, Err(EditError::NoIndicators));
    let broken = add_figure(
        "indicators: [\n",
        "a",
        &figure("2026-05-29", Amount::Count(1)),
    );
    assert!(matches!(broken, Err(EditError::Syntax(_))));
    // A list shared through an alias: adding to it would add to the other
    // indicator too, which the re-read catches.
    let aliased = "indicators:\n  - id: a\n    figures: &f\n      - { date: 2026-01-01, count: 1 }\n  - id: b\n    figures: *f\n";
    for id in ["a", "b"] {
        let result = add_figure(aliased, id, &figure("2026-05-29", Amount::Count(1)));
        assert!(
            matches!(result, Err(EditError::Unsupported { .. })),
            "{id}: {result:?}"
        );
    }
}

/// Every campaign file shipped with loaxa, every indicator: only lines
/// are inserted, and with CRLF too.
#[test]
fn every_bundled_campaign_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = walkdir::WalkDir::new(root.join("tests/sites"))
        .into_iter()
        .chain(walkdir::WalkDir::new(root.join("data")))
        .flatten()
        .filter(|e| e.path().to_string_lossy().contains("data/campaigns/"))
        .filter(|e| e.file_type().is_file());
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(file.path()).unwrap();
        let root_node = yaml::parse(&text, 0).unwrap();
        let Some((
            _,
            Node {
                value: Value::Seq(items),
                ..
            },
        )) = entry_of(&root_node)
        else {
            panic!("no indicators in {}", file.path().display());
        };
        for item in items {
            let Some((
                _,
                Node {
                    value: Value::Str(id),
                    ..
                },
            )) = entry(item, "id")
            else {
                continue;
            };
            for text in [text.clone(), text.replace('\n', "\r\n")] {
                let new = add(&text, id, "2030-01-01", 1);
                let normalized = new.replace("\r\n", "\n");
                let inserted: Vec<&str> = normalized
                    .lines()
                    .filter(|l| !text.replace("\r\n", "\n").lines().any(|o| o == *l))
                    .collect();
                assert!(!inserted.is_empty() && inserted.len() <= 2, "{inserted:?}");
                assert_only_inserted(&text, &new, &inserted);
                seen += 1;
            }
        }
    }
    assert!(seen >= 10, "{seen}");
}

fn entry_of(root: &Node) -> Option<&(Key, Node)> {
    entry(root, "indicators")
}

#[test]
fn anchored_tagged_and_block_scalar_lists_only_gain_lines() {
    let cases = [
        (
            "indicators:\n  - id: a\n    figures: &f\n      - { date: 2026-01-01, count: 1 }\n",
            vec!["      - { date: 2026-05-29, count: 1 }"],
        ),
        (
            "indicators:\n  - id: a\n    figures: !!seq\n      - { date: 2026-01-01, count: 1 }\n",
            vec!["      - { date: 2026-05-29, count: 1 }"],
        ),
        (
            "indicators:\n  - id: a\n    figures:\n      - source: |\n          x\n          # y\n        date: 2026-01-01\n        count: 1\n  - id: b\n",
            vec!["      - date: 2026-05-29", "        count: 1"],
        ),
    ];
    for (text, inserted) in cases {
        let new = add(text, "a", "2026-05-29", 1);
        // The anchor, the tag and the block scalar stay on their lines.
        assert_only_inserted(text, &new, &inserted);
    }
}

#[test]
fn source_and_approximate_are_written_and_read_back() {
    let mut new = figure("2026-06-10", Amount::Percent(3.0));
    new.source = Some("Sở KH&CN, báo cáo 5".into());
    new.approximate = true;
    let edited = add_figure(BLOCK, "a", &new).unwrap();
    assert_only_inserted(
        BLOCK,
        &edited.text,
        &[
            "      - date: 2026-06-10",
            "        percent: 3",
            "        source: \"Sở KH&CN, báo cáo 5\"",
            "        approximate: true",
        ],
    );
    let edited = add_figure(BLOCK, "b", &new).unwrap();
    assert_only_inserted(
        BLOCK,
        &edited.text,
        &[
            "      - { date: 2026-06-10, percent: 3, source: \"Sở KH&CN, báo cáo 5\", approximate: true }",
        ],
    );
}

#[test]
fn quotes_and_comments_inside_flow_are_skipped() {
    let text = "indicators:\n  - id: a\n    figures: [{ date: 2026-01-01, count: 1, source: 'it''s ]' }]\n";
    let new = add(text, "a", "2026-01-02", 2);
    assert!(new.contains("'it''s ]' }, { date: 2026-01-02, count: 2 }]"));
}

/// Found by fuzzing: a carriage return alone in a comment made YAML's lines
/// and ours differ, and the figure was reported at the wrong line.
#[test]
fn a_lone_carriage_return_is_refused_where_it_is() {
    let text = "# a\r comment\nindicators:\n  - id: a\n    figures:\n      - { date: 2026-01-01, count: 1 }\n";
    let result = add_figure(text, "a", &figure("2026-01-02", Amount::Count(2)));
    assert_eq!(
        result,
        Err(EditError::StrayCarriageReturn {
            pos: Pos { line: 1, column: 4 }
        })
    );
    // CRLF files are fine.
    add(
        &text.replace('\r', "").replace('\n', "\r\n"),
        "a",
        "2026-01-02",
        2,
    );
}
