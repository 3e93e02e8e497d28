//! Command-line arguments: one struct per command, and one language switch
//! for everything the tool says: `--lang vi|en` (before or after the
//! command), else `LOAXA_LANG`, else Vietnamese for help and the site's own
//! language for messages about it. Help and usage errors are in that
//! language too (`help`, `errors`): the words are applied to clap's command
//! after a first look at the arguments for `--lang`.

mod errors;
mod help;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::vi::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "loaxa",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// vi or en: the language of messages and help.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(BuildArgs),
    Check(CheckArgs),
    Serve(ServeArgs),
    Init(InitArgs),
    #[command(subcommand)]
    New(NewCommand),
    /// Rank the communes of several builds (province shards) on one page.
    Rollup(RollupArgs),
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// Folders holding a data.json written by `loaxa build --sites` (a
    /// province's roll-up) or by `loaxa build` (one commune), or those files.
    #[arg(required = true, value_name = "SHARD_DIR")]
    pub shards: Vec<PathBuf>,
    /// Where to write index.html, rollup.css and data.json.
    #[arg(long)]
    pub out: PathBuf,
    /// The page's title (default: made from the provinces).
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, default_value_t = 1111, value_name = "PORT")]
    pub port: u16,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    pub dir: PathBuf,
    #[arg(long)]
    pub commune: Option<String>,
    #[arg(long)]
    pub province: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    Notice(NewNoticeArgs),
    Figure(NewFigureArgs),
}

#[derive(Debug, Args)]
pub struct NewNoticeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    pub title: String,
    /// The date the letter was signed: YYYY-MM-DD or dd/mm/yyyy. Checked by
    /// the command, with the same words as a date in a file.
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub number: Option<String>,
    #[arg(long = "campaign", value_name = "CAMPAIGN")]
    pub campaigns: Vec<String>,
}

/// Values as typed: `new figure` checks them as it checks a file, so
/// `--count 4.102` gets the same hint as `count: 4.102`.
#[derive(Debug, Args)]
pub struct NewFigureArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    pub campaign: String,
    pub indicator: String,
    #[arg(long, allow_hyphen_values = true)]
    pub count: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub percent: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub remaining: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long)]
    pub approximate: bool,
}

/// Options shared by every command that reads a site.
#[derive(Debug, Args, Clone)]
pub struct SiteArgs {
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long, value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub base_url: Option<String>,
    #[arg(long)]
    pub deny_warnings: bool,
    /// Build even into an output folder holding files loaxa did not make;
    /// they are deleted.
    #[arg(long)]
    pub force: bool,
    /// Build every site folder directly under DIR (each one holding
    /// data/site.yaml), in parallel, into <site>/public (or OUT/<site>/ with
    /// --out), plus a province roll-up ranking the communes: OUT/index.html,
    /// or DIR/public-province/index.html.
    #[arg(long, value_name = "DIR", conflicts_with = "root")]
    pub sites: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Github,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// The parsed command line, with the language chosen for messages (`None`:
/// the site's own).
#[derive(Debug)]
pub struct Parsed {
    pub cli: Cli,
    pub lang: Option<Lang>,
}

/// Parses the arguments, printing help, the version or a usage error in
/// the chosen language. `Err` holds the exit status for those.
pub fn parse(args: impl IntoIterator<Item = impl Into<OsString>>) -> Result<Parsed, u8> {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let chosen = match chosen_lang(&args, std::env::var("LOAXA_LANG").ok().as_deref()) {
        Ok(lang) => lang,
        Err(text) => {
            eprintln!("loaxa: {text}");
            return Err(crate::cmd::EXIT_USAGE);
        }
    };
    let help_lang = chosen.unwrap_or(Lang::Vi);
    let command = help::localize(Cli::command(), help_lang);
    let matches = command
        .try_get_matches_from(&args)
        .map_err(|err| errors::report(&err, help_lang))?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|err| errors::report(&err, help_lang))?;
    // `--lang` after the command is in the matches too (a global option).
    let lang = cli.lang.take().map(Lang::from).or(chosen);
    Ok(Parsed { cli, lang })
}

/// `--lang X` or `--lang=X` (the last one), else `LOAXA_LANG`. Read before
/// clap, so that help and errors about the other arguments are in it.
fn chosen_lang(args: &[OsString], env: Option<&str>) -> Result<Option<Lang>, &'static str> {
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = if word == "--lang" {
            words.next().map(|v| v.into_owned())
        } else {
            word.strip_prefix("--lang=").map(str::to_string)
        };
        match value.as_deref() {
            Some("vi") => found = Some(Lang::Vi),
            Some("en") => found = Some(Lang::En),
            // Left to clap, which names the accepted values.
            _ => {}
        }
    }
    if found.is_some() {
        return Ok(found);
    }
    match env.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") => Ok(None),
        Some("vi") => Ok(Some(Lang::Vi)),
        Some("en") => Ok(Some(Lang::En)),
        Some(_) => Err("LOAXA_LANG phải là vi hoặc en / LOAXA_LANG must be vi or en"),
    }
}

/// `2026-06-10`, or `10/6/2026` as dates are written in Vietnam.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    date_input(s).ok_or_else(|| {
        format!("`{s}` is not a date: write YYYY-MM-DD (2026-06-10) or dd/mm/yyyy (10/06/2026)")
    })
}

/// A date as an officer types it: `2026-06-10`, or `10/6/2026`,
/// `10/06/2026`, `10-6-2026`, `10.6.2026` (day first, as in Vietnam).
pub fn date_input(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    if let Ok(date) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(date);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let number = |t: &str, max_len: usize| {
        (!t.is_empty() && t.len() <= max_len && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let (day, month, year) = (number(day, 2)?, number(month, 2)?, number(year, 4)?);
    if year < 1000 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_officers_write_them() {
        let want = chrono::NaiveDate::from_ymd_opt(2026, 11, 14);
        for text in [
            "2026-11-14",
            "14/11/2026",
            "14/11/2026 ",
            "14-11-2026",
            "14.11.2026",
        ] {
            assert_eq!(date_input(text), want, "{text}");
        }
        assert_eq!(
            date_input("3/6/2026"),
            chrono::NaiveDate::from_ymd_opt(2026, 6, 3)
        );
        for bad in [
            "2026-13-01",
            "31/02/2026",
            "14/11/26",
            "14/11",
            "hôm nay",
            "",
            "1/1/20266",
        ] {
            assert_eq!(date_input(bad), None, "{bad}");
        }
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_anywhere_and_the_environment_is_second() {
        let cases: [(&[&str], Option<&str>, Option<Lang>); 6] = [
            (&["loaxa", "--lang", "en", "build"], None, Some(Lang::En)),
            (&["loaxa", "build", "--lang=en"], Some("vi"), Some(Lang::En)),
            (
                &["loaxa", "new", "figure", "--lang", "vi"],
                Some("en"),
                Some(Lang::Vi),
            ),
            (&["loaxa", "build"], Some("EN"), Some(Lang::En)),
            (&["loaxa", "build"], None, None),
            (
                &["loaxa", "new", "notice", "--", "--lang", "en"],
                None,
                None,
            ),
        ];
        for (args, env, want) in cases {
            assert_eq!(chosen_lang(&os(args), env), Ok(want), "{args:?} {env:?}");
        }
        assert!(chosen_lang(&os(&["loaxa"]), Some("fr")).is_err());
    }

    #[test]
    fn every_command_takes_lang_before_or_after_it() {
        for args in [
            &["loaxa", "--lang", "en", "check"][..],
            &["loaxa", "check", "--lang", "en"],
            &["loaxa", "init", "x", "--lang", "en"],
            &[
                "loaxa", "new", "figure", "c", "i", "--count", "1", "--lang", "en",
            ],
            &["loaxa", "new", "--lang", "en", "notice", "T"],
            &["loaxa", "serve", "--lang", "en"],
            &["loaxa", "build", "--lang", "en"],
        ] {
            let parsed =
                parse(args.iter().copied()).unwrap_or_else(|code| panic!("{args:?}: {code}"));
            assert_eq!(parsed.lang, Some(Lang::En), "{args:?}");
        }
    }

    #[test]
    fn the_command_definition_is_sound() {
        help::localize(Cli::command(), Lang::Vi).debug_assert();
        help::localize(Cli::command(), Lang::En).debug_assert();
    }
}
