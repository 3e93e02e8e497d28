//! Usage errors (an unknown option, a missing value…) said in the chosen
//! language. clap words them in English; in Vietnamese they are said anew
//! from what clap found (the option, the value, the command), so no English
//! reaches the officer.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::cmd::{EXIT_OK, EXIT_USAGE};
use crate::vi::Lang;

/// Prints `err` (help and the version on stdout) and returns the exit status.
pub fn report(err: &Error, lang: Lang) -> u8 {
    match err.kind() {
        ErrorKind::DisplayHelp => {
            print!("{}", in_words(&err.render().to_string(), lang));
            return EXIT_OK;
        }
        ErrorKind::DisplayVersion => {
            let _ = err.print();
            return EXIT_OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", in_words(&err.render().to_string(), lang));
            return EXIT_USAGE;
        }
        _ => {}
    }
    match lang {
        Lang::En => {
            let _ = err.print();
        }
        Lang::Vi => eprintln!("{}", vietnamese(err)),
    }
    EXIT_USAGE
}

/// clap's one English placeholder left in a usage line.
pub(super) fn in_words(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => text.replace("[OPTIONS]", "[TÙY_CHỌN]"),
        Lang::En => text.to_string(),
    }
}

fn context(err: &Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The message, then the usage line as clap wrote it (it holds only names
/// of options and placeholders), then where to read more.
pub fn vietnamese(err: &Error) -> String {
    let arg = context(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(err, ContextKind::InvalidValue).unwrap_or_default();
    let suggested = context(err, ContextKind::SuggestedArg)
        .or_else(|| context(err, ContextKind::SuggestedSubcommand))
        .or_else(|| context(err, ContextKind::SuggestedValue));
    let valid = context(err, ContextKind::ValidValue)
        .or_else(|| context(err, ContextKind::ValidSubcommand));
    let mut message = match err.kind() {
        ErrorKind::UnknownArgument => format!("lệnh này không có tùy chọn `{arg}`"),
        ErrorKind::InvalidSubcommand => {
            let name = context(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("không có lệnh `{name}`")
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} cần một giá trị"),
        ErrorKind::InvalidValue => format!("`{value}` không phải là giá trị dùng được cho {arg}"),
        ErrorKind::ValueValidation => value_problem(&arg, &value),
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}"),
        ErrorKind::MissingSubcommand => "thiếu tên lệnh".to_string(),
        ErrorKind::ArgumentConflict => {
            let prior = context(err, ContextKind::PriorArg).unwrap_or_default();
            format!("không dùng {arg} cùng với {prior}")
        }
        ErrorKind::NoEquals => format!("{arg} cần dấu = trước giá trị"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("số giá trị của {arg} không đúng")
        }
        ErrorKind::InvalidUtf8 => "tham số có ký tự không phải UTF-8".to_string(),
        _ => "cách viết lệnh chưa đúng".to_string(),
    };
    if let Some(near) = suggested {
        message.push_str(&format!("; có phải ý bạn là `{near}`?"));
    } else if let Some(valid) = valid.filter(|_| err.kind() != ErrorKind::MissingRequiredArgument) {
        message.push_str(&format!(" (dùng được: {valid})"));
    }
    let usage = context(err, ContextKind::Usage)
        .map(|u| in_words(u.replace("Usage:", "").trim(), Lang::Vi))
        .unwrap_or_default();
    let mut out = format!("lỗi: {message}\n");
    if !usage.is_empty() {
        out.push_str(&format!("\nCách dùng: {usage}\n"));
    }
    out.push_str("\nXem thêm: thêm --help vào sau lệnh, ví dụ `loaxa new figure --help`.");
    out
}

/// A value the option's own check refused (only dates are checked by clap).
fn value_problem(arg: &str, value: &str) -> String {
    if arg.starts_with("--today") || arg.starts_with("--date") {
        format!(
            "`{value}` không phải là ngày dùng được cho {arg}: viết NĂM-THÁNG-NGÀY, ví dụ 2026-06-10, hoặc ngày/tháng/năm, ví dụ 10/6/2026"
        )
    } else {
        format!("`{value}` không phải là giá trị dùng được cho {arg}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, help};
    use clap::CommandFactory;

    fn error_of(args: &[&str]) -> String {
        let cmd = help::localize(Cli::command(), Lang::Vi);
        let err = cmd.try_get_matches_from(args).expect_err("an error");
        vietnamese(&err)
    }

    #[test]
    fn usage_errors_in_vietnamese_name_what_was_wrong() {
        let cases: [(&[&str], &str); 6] = [
            (&["loaxa", "build", "--outt", "x"], "`--outt`"),
            (
                &["loaxa", "biuld"],
                "không có lệnh `biuld`; có phải ý bạn là `build`?",
            ),
            (
                &["loaxa", "check", "--format", "xml"],
                "`xml` không phải là giá trị dùng được cho --format",
            ),
            (
                &["loaxa", "check", "--today", "30-30-2026"],
                "viết NĂM-THÁNG-NGÀY",
            ),
            (&["loaxa", "init"], "thiếu"),
            (&["loaxa", "--lang", "fr", "build"], "(dùng được: vi, en)"),
        ];
        for (args, words) in cases {
            let text = error_of(args);
            assert!(text.contains(words), "{args:?}: {words} not in\n{text}");
            for english in [
                "error:",
                "unexpected",
                "invalid value",
                "For more information",
                "Usage:",
            ] {
                assert!(!text.contains(english), "{args:?}: {english} in\n{text}");
            }
        }
    }
}
