//! `loaxa new notice` and `loaxa new figure`: the two edits an officer makes
//! every week, without opening a file — and checked at once, so a mistake is
//! undone before it reaches the site. Both write through
//! [`output::file`](crate::output::file): a figure under a lock on its file
//! (two runs at once both land), a notice only where no file is.

mod arguments;
mod words;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{Format, NewCommand, NewFigureArgs, NewNoticeArgs, SiteArgs};
use crate::cmd::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, lang_of, report};
use crate::diagnostic::{Diagnostic, Severity, Text, render_human};
use crate::model::site::DEFAULT_TIMEZONE;
use crate::output::file::{self, LockedFile};
use crate::pipeline::{self, Outcome, Today};
use crate::scaffold::{self, NoticeFields};
use crate::source::edit::{self, EditError, NewFigure};
use crate::source::files::SITE_FILE;
use crate::vi::Lang;

pub fn run(command: &NewCommand, lang: Option<Lang>) -> u8 {
    match command {
        NewCommand::Notice(args) => notice(args, lang),
        NewCommand::Figure(args) => figure(args, lang),
    }
}

fn say(lang: Lang, text: Text) {
    eprintln!("loaxa: {}", text.get(lang));
}

/// A usage error (exit 2) when `root` is not a site folder.
fn require_site(args: &SiteArgs, lang: Option<Lang>) -> Result<(), u8> {
    if args.root.join(SITE_FILE).is_file() {
        return Ok(());
    }
    say(lang.unwrap_or(Lang::Vi), words::not_a_site(&args.root));
    Err(EXIT_USAGE)
}

/// "Today" in the site's time zone (the default one when the site has an
/// error: a site with a broken file must still get its notice).
fn today(args: &SiteArgs, outcome: &Outcome) -> NaiveDate {
    let timezone = outcome
        .site
        .as_ref()
        .map_or(DEFAULT_TIMEZONE, |site| site.config.timezone);
    pipeline::resolve_today(
        args.today.map_or(Today::FromEnvironment, Today::Fixed),
        timezone,
    )
}

fn notice(args: &NewNoticeArgs, choice: Option<Lang>) -> u8 {
    if let Err(code) = require_site(&args.site, choice) {
        return code;
    }
    let root = &args.site.root;
    // Drafts included: the check must see the new notice's own address.
    let mut options = report::options(&args.site, None);
    options.drafts = true;
    let before = pipeline::run(root, &options);
    let lang = lang_of(choice, before.lang);
    let date = match &args.date {
        None => today(&args.site, &before),
        Some(text) => match crate::cli::date_input(text) {
            Some(date) => date,
            None => {
                say(lang, words::bad_notice_date(text));
                return EXIT_USAGE;
            }
        },
    };
    let known = campaign_ids(root);
    if let Some(unknown) = args.campaigns.iter().find(|c| !known.contains(c)) {
        say(
            lang,
            words::unknown("chiến dịch", "campaign", unknown, &known),
        );
        return EXIT_USAGE;
    }
    let number = args.number.as_deref().map(str::trim);
    if number.is_some_and(|n| n.is_empty() || n.contains(['\n', '\r'])) {
        say(lang, words::bad_number());
        return EXIT_USAGE;
    }
    let fields = NoticeFields {
        title: &args.title,
        date,
        number,
        campaigns: &args.campaigns,
    };
    let Some((name, text)) = scaffold::notice(&fields, &known) else {
        say(lang, words::empty_title());
        return EXIT_USAGE;
    };
    let relative = Path::new("content/notices").join(name);
    match file::create_new(&root.join(&relative), text.as_bytes()) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            say(lang, words::notice_exists(&relative));
            return EXIT_USAGE;
        }
        Err(err) => return io_failure(lang, &relative, &err),
    }
    let after = pipeline::run(root, &options);
    if let Some(code) = refuse_new_errors(lang, &before, &after) {
        let _ = fs::remove_file(root.join(&relative));
        say(lang, words::notice_removed(&relative));
        return code;
    }
    say(lang, words::notice_created(&relative));
    // The path alone on stdout, for scripts and for opening in an editor.
    println!("{}", relative.display());
    EXIT_OK
}

fn io_failure(lang: Lang, path: &Path, err: &io::Error) -> u8 {
    say(
        lang,
        Text::new(
            format!("Không ghi được {}: {err}", path.display()),
            format!("Cannot write {}: {err}", path.display()),
        ),
    );
    EXIT_CONTENT
}

/// Campaign ids: the stems of data/campaigns/*.yaml, sorted.
fn campaign_ids(root: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join("data/campaigns")) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|s| !s.starts_with('.'))
        .collect();
    ids.sort();
    ids
}

fn figure(args: &NewFigureArgs, choice: Option<Lang>) -> u8 {
    if let Err(code) = require_site(&args.site, choice) {
        return code;
    }
    let root = &args.site.root;
    let Some(relative) = campaign_file(root, &args.campaign) else {
        let lang = choice.unwrap_or(Lang::Vi);
        let known = campaign_ids(root);
        say(
            lang,
            words::unknown("chiến dịch", "campaign", &args.campaign, &known),
        );
        return EXIT_USAGE;
    };
    // Held to the end: another `new figure` on this file waits, then reads
    // the file with this figure in it.
    let mut locked = match LockedFile::lock(&root.join(&relative)) {
        Ok(locked) => locked,
        Err(err) => return io_failure(choice.unwrap_or(Lang::Vi), &relative, &err),
    };
    let original = match locked.read().and_then(utf8) {
        Ok(text) => text,
        Err(err) => {
            say(
                choice.unwrap_or(Lang::Vi),
                words::unreadable(&relative, &err),
            );
            return EXIT_CONTENT;
        }
    };
    let options = report::options(&args.site, None);
    let before = pipeline::run(root, &options);
    let lang = lang_of(choice, before.lang);
    let figure = match arguments::figure(args, today(&args.site, &before)) {
        Ok(figure) => figure,
        Err(problems) => {
            problems.iter().for_each(|p| p.say(lang));
            return EXIT_USAGE;
        }
    };
    let edited = match edit::add_figure(&original, &args.indicator, &figure) {
        Ok(edited) => edited,
        Err(err) => return refuse_edit(lang, &relative, &original, &args.indicator, &figure, err),
    };
    if let Err(err) = locked.replace(edited.text.as_bytes()) {
        return io_failure(lang, &relative, &err);
    }
    let after = pipeline::run(root, &options);
    if let Some(code) = refuse_new_errors(lang, &before, &after) {
        if let Err(err) = locked.replace(original.as_bytes()) {
            return io_failure(lang, &relative, &err);
        }
        say(lang, words::figure_undone(&relative));
        return code;
    }
    let place = format!("{}:{}", relative.display(), edited.line);
    say(
        lang,
        words::figure_added(&args.indicator, figure.date, &place),
    );
    EXIT_OK
}

/// Text, refusing bytes that are not UTF-8 (an old Vietnamese encoding).
fn utf8(bytes: Vec<u8>) -> io::Result<String> {
    String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "không phải văn bản UTF-8 / not UTF-8 text: mở tệp và lưu lại với bảng mã UTF-8 / save it again as UTF-8",
        )
    })
}

/// data/campaigns/ID.yaml (or .yml), for an id that names a file there.
fn campaign_file(root: &Path, id: &str) -> Option<PathBuf> {
    let plain = !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\']);
    if !plain {
        return None;
    }
    ["yaml", "yml"]
        .iter()
        .map(|ext| PathBuf::from(format!("data/campaigns/{id}.{ext}")))
        .find(|relative| root.join(relative).is_file())
}

/// Explains why the figure was not added; the file is untouched.
fn refuse_edit(
    lang: Lang,
    relative: &Path,
    original: &str,
    indicator: &str,
    figure: &NewFigure,
    err: EditError,
) -> u8 {
    let diagnostic = match words::edit_refused(err, relative, indicator, figure) {
        Ok(diagnostic) => diagnostic,
        Err(usage) => {
            say(lang, usage);
            return EXIT_USAGE;
        }
    };
    // The file's own lines under the message, as `loaxa check` shows them.
    let sources = BTreeMap::from([(relative.to_path_buf(), original.replace("\r\n", "\n"))]);
    eprint!("{}", render_human(&[diagnostic], lang, &sources, false));
    EXIT_CONTENT
}

/// Prints the run's diagnostics; `Some(exit status)` when it has an error
/// that was not there before the edit (errors that were already there are
/// not the edit's fault and do not undo it).
fn refuse_new_errors(lang: Lang, before: &Outcome, after: &Outcome) -> Option<u8> {
    report::print(after, lang, Format::Human);
    let key = |d: &Diagnostic| (d.file.clone(), d.code, d.message.vi.clone());
    let old: HashSet<_> = errors(before).map(key).collect();
    let new = errors(after).any(|d| !old.contains(&key(d)));
    new.then_some(EXIT_CONTENT)
}

fn errors(outcome: &Outcome) -> impl Iterator<Item = &Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
}
