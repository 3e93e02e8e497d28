//! The values of `loaxa new figure`, checked as a file's are: each goes
//! through the reader that checks the same field in a campaign file, so
//! `--count 4.102` and `count: 4.102` get the same words. What only an
//! argument can get wrong (two amounts, a date in another format) is said
//! here in the same style.

use std::path::Path;

use chrono::NaiveDate;

use crate::check::reader::{self, Checker};
use crate::cli::{NewFigureArgs, date_input};
use crate::diagnostic::{Diagnostics, Text};
use crate::messages::{FigureProblem, Message};
use crate::source::edit::{Amount, NewFigure};
use crate::source::yaml::{self, Node, Pos, Value};
use crate::vi::Lang;

/// What is wrong with an argument, and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub message: Text,
    pub hint: Option<Text>,
}

impl Problem {
    fn new(message: Text, hint: Option<Text>) -> Problem {
        Problem { message, hint }
    }

    /// `loaxa: …` and the fix on the next line.
    pub fn say(&self, lang: Lang) {
        eprintln!("loaxa: {}", self.message.get(lang));
        if let Some(hint) = &self.hint {
            let label = match lang {
                Lang::Vi => "cách sửa",
                Lang::En => "help",
            };
            eprintln!("  = {label}: {}", hint.get(lang));
        }
    }
}

/// The figure the arguments describe, dated `today` when `--date` is not
/// given; or every problem with them.
pub fn figure(args: &NewFigureArgs, today: NaiveDate) -> Result<NewFigure, Vec<Problem>> {
    let mut problems = Vec::new();
    let amount = amount(args).map_err(|p| problems.push(p)).ok();
    let date = match &args.date {
        Some(text) => date(text, today).map_err(|p| problems.push(p)).ok(),
        None => Some(today),
    };
    let source = match args.source.as_deref().map(str::trim) {
        Some("") => {
            problems.push(Problem::new(
                Text::new("--source không được để trống", "--source cannot be empty"),
                Some(Text::new(
                    "ghi nguồn số liệu, ví dụ --source \"Sở Khoa học và Công nghệ\"",
                    "name the source, e.g. --source \"Sở Khoa học và Công nghệ\"",
                )),
            ));
            None
        }
        Some(text) if text.contains(['\n', '\r']) => {
            problems.push(Problem::new(
                Text::new(
                    "--source phải nằm trên một dòng",
                    "--source must be one line",
                ),
                None,
            ));
            None
        }
        other => other.map(str::to_string),
    };
    match (amount, date) {
        (Some(amount), Some(date)) if problems.is_empty() => Ok(NewFigure {
            date,
            amount,
            source,
            approximate: args.approximate,
        }),
        _ => Err(problems),
    }
}

/// Exactly one of `--count`, `--percent`, `--remaining`, each checked.
fn amount(args: &NewFigureArgs) -> Result<Amount, Problem> {
    match (&args.count, &args.percent, &args.remaining) {
        (Some(n), None, None) => whole("--count", n).map(Amount::Count),
        (None, Some(p), None) => percent(p).map(Amount::Percent),
        (None, None, Some(n)) => whole("--remaining", n).map(Amount::Remaining),
        _ => Err(Problem::new(
            Text::new(
                "Cần đúng một trong ba: --count (số đã làm), --percent (chỉ có tỷ lệ), --remaining (số còn lại chưa làm)",
                "Give exactly one of --count (how many did it), --percent (only a rate), --remaining (how many have not yet)",
            ),
            Some(Text::new(
                "ví dụ: loaxa new figure i-hatinh adults --count 1500",
                "e.g. loaxa new figure i-hatinh adults --count 1500",
            )),
        )),
    }
}

/// A count as a file holds it. In Vietnamese `4.102` and `1.000` are
/// thousands: a separator is refused however the number reads, with the
/// digits to write.
fn whole(flag: &str, text: &str) -> Result<u64, Problem> {
    let text = text.trim();
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let grouped = text.contains(['.', ',', ' ']) && !text.starts_with('-');
    if grouped
        && !digits.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,  ".contains(c))
    {
        return Err(Problem::new(
            Text::new(
                format!(
                    "`{flag} {text}`: số đếm viết liền, không có dấu chấm hay dấu phẩy (trong tiếng Việt `{text}` là số có hàng nghìn)"
                ),
                format!(
                    "`{flag} {text}`: a count is written plainly, without a thousands dot or comma (in Vietnamese `{text}` is a number in thousands)"
                ),
            ),
            Some(Text::new(
                format!("viết `{flag} {digits}`"),
                format!("write `{flag} {digits}`"),
            )),
        ));
    }
    through_reader(flag, text, reader::count)
}

fn percent(text: &str) -> Result<f64, Problem> {
    let text = text.trim();
    let bare = text.trim_end_matches('%').trim();
    let decimal_comma = bare.split_once(',').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.to_string() + b).chars().all(|c| c.is_ascii_digit())
    });
    if decimal_comma || bare != text {
        let plain = bare.replace(',', ".");
        return Err(Problem::new(
            Text::new(
                format!(
                    "`--percent {text}`: tỷ lệ viết bằng số với dấu chấm thập phân, không có dấu %"
                ),
                format!("`--percent {text}`: a rate is a number with a decimal point, without %"),
            ),
            Some(Text::new(
                format!("viết `--percent {plain}`"),
                format!("write `--percent {plain}`"),
            )),
        ));
    }
    through_reader("--percent", text, reader::percent)
}

/// The value as a file would hold it (`count: TEXT`), read by the file's own
/// check; its message, said about the argument.
fn through_reader<T>(
    flag: &str,
    text: &str,
    read: impl FnOnce(&mut Checker, &Node) -> Option<T>,
) -> Result<T, Problem> {
    let simple = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.,_".contains(c));
    let node = simple
        .then(|| yaml::parse(&format!("v: {text}\n"), 0).ok())
        .flatten()
        .and_then(|root| match root.value {
            Value::Map(mut entries) if entries.len() == 1 => entries.pop().map(|(_, node)| node),
            _ => None,
        })
        .unwrap_or(Node {
            pos: Pos { line: 1, column: 4 },
            value: Value::Str(text.to_string()),
            raw: None,
        });
    let mut diags = Diagnostics::default();
    let mut ck = Checker {
        file: Path::new(flag),
        diags: &mut diags,
    };
    let value = read(&mut ck, &node);
    let found = diags.sorted().into_iter().next();
    match (value, found) {
        (Some(value), None) => Ok(value),
        (_, Some(d)) => Err(Problem::new(
            Text::new(
                format!("`{flag} {text}`: {}", d.message.vi),
                format!("`{flag} {text}`: {}", d.message.en),
            ),
            d.hint,
        )),
        (None, None) => Err(Problem::new(
            Text::new(
                format!("`{flag} {text}` không dùng được"),
                format!("`{flag} {text}` cannot be used"),
            ),
            None,
        )),
    }
}

/// `2026-11-14` or `14/11/2026`, not after today.
fn date(text: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    let Some(date) = date_input(text) else {
        return through_reader("--date", text, reader::date).and_then(|_| {
            Err(Problem::new(
                Text::new(
                    format!("`--date {text}` không phải là ngày"),
                    format!("`--date {text}` is not a date"),
                ),
                None,
            ))
        });
    };
    if date > today {
        // The same words as the check of a figure in a file, from the catalogue.
        let words = Message::from(FigureProblem::FutureFigure { date, today }).words();
        return Err(Problem::new(
            Text::new(
                format!("`--date {text}`: {}", words.text.vi),
                format!("`--date {text}`: {}", words.text.en),
            ),
            Some(Text::new(
                "kiểm tra lại năm và tháng của --date; số liệu chỉ ghi cho ngày đã qua",
                "check the year and month of --date; figures are for days that have passed",
            )),
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(count: Option<&str>, percent: Option<&str>, date: Option<&str>) -> NewFigureArgs {
        NewFigureArgs {
            site: crate::cli::SiteArgs {
                root: ".".into(),
                today: None,
                drafts: false,
            },
            campaign: "c".into(),
            indicator: "i".into(),
            count: count.map(str::to_string),
            percent: percent.map(str::to_string),
            remaining: None,
            date: date.map(str::to_string),
            source: None,
            approximate: false,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn problem(args: &NewFigureArgs) -> Problem {
        figure(args, today()).expect_err("refused").remove(0)
    }

    #[test]
    fn thousands_and_decimal_commas_get_what_to_write() {
        for (text, want) in [
            ("4.102", "`--count 4102`"),
            ("1.000", "`--count 1000`"),
            ("4,102", "`--count 4102`"),
            ("29 226", "`--count 29226`"),
        ] {
            let p = problem(&args(Some(text), None, None));
            assert!(p.hint.as_ref().unwrap().vi.contains(want), "{text}: {p:?}");
        }
        let p = problem(&args(None, Some("37,3"), None));
        assert!(p.hint.unwrap().vi.contains("`--percent 37.3`"));
        let p = problem(&args(None, Some("37%"), None));
        assert!(p.hint.unwrap().vi.contains("`--percent 37`"));
    }

    #[test]
    fn the_file_checks_speak_for_the_rest() {
        let p = problem(&args(Some("-5"), None, None));
        assert!(p.message.vi.contains("âm"), "{p:?}");
        let p = problem(&args(None, Some("120"), None));
        assert!(p.message.vi.contains("0–100"), "{p:?}");
        let p = problem(&args(Some("mười"), None, None));
        assert!(p.message.vi.contains("số nguyên"), "{p:?}");
        assert!(!p.message.vi.contains("invalid digit"), "{p:?}");
    }

    #[test]
    fn dates_day_first_are_read_and_the_future_refused() {
        let figure = figure(&args(Some("5"), None, Some("14/11/2026")), today()).unwrap();
        assert_eq!(figure.date, NaiveDate::from_ymd_opt(2026, 11, 14).unwrap());
        let p = problem(&args(Some("5"), None, Some("2026-11-24")));
        assert!(p.message.vi.contains("sau ngày hôm nay"), "{p:?}");
        let p = problem(&args(Some("5"), None, Some("2026-13-01")));
        assert!(p.message.vi.contains("2026-13-01"), "{p:?}");
    }

    #[test]
    fn exactly_one_amount() {
        let p = problem(&args(Some("5"), Some("3"), None));
        assert!(p.message.vi.contains("đúng một"), "{p:?}");
    }
}
