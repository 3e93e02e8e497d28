//! `loaxa new notice` and `loaxa new figure`: the two edits an officer makes
//! every week, without opening a file — and checked at once, so a mistake is
//! undone before it reaches the site.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Format, LangArg, NewCommand, NewFigureArgs, NewNoticeArgs, SiteArgs};
use crate::cmd::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, report};
use crate::diagnostic::{Diagnostic, Severity, Text, render_human};
use crate::pipeline::{self, Outcome, Today};
use crate::scaffold;
use crate::source::edit::{self, Amount, EditError, NewFigure};
use crate::source::yaml::{self, Value};
use crate::vi::Lang;

pub fn run(command: &NewCommand) -> u8 {
    match command {
        NewCommand::Notice(args) => notice(args),
        NewCommand::Figure(args) => figure(args),
    }
}

/// What `new` needs from data/site.yaml, read leniently: a site with an
/// error elsewhere must still get its figure added.
struct SiteInfo {
    timezone: String,
    lang: Lang,
}

/// `None` when the folder has no data/site.yaml.
fn site_info(root: &Path) -> Option<SiteInfo> {
    let text = fs::read_to_string(root.join("data/site.yaml")).ok()?;
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let entries = match yaml::parse(&text, 0).map(|n| n.value) {
        Ok(Value::Map(entries)) => entries,
        _ => Vec::new(),
    };
    let get = |name: &str| {
        entries.iter().find_map(|(k, v)| match &v.value {
            Value::Str(s) if k.name == name => Some(s.clone()),
            _ => None,
        })
    };
    Some(SiteInfo {
        timezone: get("timezone").unwrap_or_else(|| "Asia/Ho_Chi_Minh".into()),
        lang: if get("language").as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Vi
        },
    })
}

/// The site's info, or a usage error (exit 2) when `root` is not a site.
fn open_site(args: &SiteArgs) -> Result<(SiteInfo, Lang), u8> {
    let Some(info) = site_info(&args.root) else {
        let lang = chosen_lang(args, Lang::Vi);
        let root = args.root.display();
        say(
            lang,
            Text::new(
                format!(
                    "`{root}` không có tệp data/site.yaml: đây có phải thư mục của một trang không? Dùng --root THƯ_MỤC, hoặc tạo trang mới bằng `loaxa init`."
                ),
                format!(
                    "`{root}` has no data/site.yaml: is it a site folder? Pass --root DIR, or create a site with `loaxa init`."
                ),
            ),
        );
        return Err(EXIT_USAGE);
    };
    let lang = chosen_lang(args, info.lang);
    Ok((info, lang))
}

fn chosen_lang(args: &SiteArgs, site: Lang) -> Lang {
    match args.lang {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => site,
    }
}

fn say(lang: Lang, text: Text) {
    eprintln!("loaxa: {}", text.get(lang));
}

fn today(args: &SiteArgs, info: &SiteInfo) -> chrono::NaiveDate {
    let today = args.today.map_or(Today::FromEnvironment, Today::Fixed);
    pipeline::resolve_today(today, &info.timezone)
}

fn notice(args: &NewNoticeArgs) -> u8 {
    let (info, lang) = match open_site(&args.site) {
        Ok(site) => site,
        Err(code) => return code,
    };
    let root = &args.site.root;
    let date = today(&args.site, &info);
    let Some((name, text)) = scaffold::notice(&args.title, date, &campaign_ids(root)) else {
        say(lang, words::empty_title());
        return EXIT_USAGE;
    };
    let relative = Path::new("content/notices").join(name);
    // Drafts included: the check must see the new notice's own address.
    let mut options = report::options(&args.site, None);
    options.drafts = true;
    let before = pipeline::run(root, &options);
    match create_new(&root.join(&relative), text.as_bytes()) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            say(lang, words::notice_exists(&relative));
            return EXIT_USAGE;
        }
        Err(err) => return io_failure(lang, &relative, &err),
    }
    let after = pipeline::run(root, &options);
    if let Some(code) = refuse_new_errors(&args.site, &before, &after) {
        let _ = fs::remove_file(root.join(&relative));
        say(lang, words::notice_removed(&relative));
        return code;
    }
    say(lang, words::notice_created(&relative));
    // The path alone on stdout, for scripts and for opening in an editor.
    println!("{}", relative.display());
    EXIT_OK
}

/// Writes a file that must not exist yet (never overwrites, even in a race).
fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
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

fn figure(args: &NewFigureArgs) -> u8 {
    let (info, lang) = match open_site(&args.site) {
        Ok(site) => site,
        Err(code) => return code,
    };
    let amount = match amount(args) {
        Ok(amount) => amount,
        Err(text) => {
            say(lang, text);
            return EXIT_USAGE;
        }
    };
    let root = &args.site.root;
    let Some(relative) = campaign_file(root, &args.campaign) else {
        let known = campaign_ids(root);
        say(
            lang,
            words::unknown("chiến dịch", "campaign", &args.campaign, &known),
        );
        return EXIT_USAGE;
    };
    let original = match read_text(&root.join(&relative)) {
        Ok(text) => text,
        Err(err) => {
            say(lang, words::unreadable(&relative, &err));
            return EXIT_CONTENT;
        }
    };
    let figure = NewFigure::new(
        args.date.unwrap_or_else(|| today(&args.site, &info)),
        amount,
    );
    let options = report::options(&args.site, None);
    let before = pipeline::run(root, &options);
    let edited = match edit::add_figure(&original, &args.indicator, &figure) {
        Ok(edited) => edited,
        Err(err) => return refuse_edit(lang, &relative, &original, &args.indicator, &figure, err),
    };
    let path = root.join(&relative);
    if let Err(err) = replace_file(&path, edited.text.as_bytes()) {
        return io_failure(lang, &relative, &err);
    }
    let after = pipeline::run(root, &options);
    if let Some(code) = refuse_new_errors(&args.site, &before, &after) {
        if let Err(err) = replace_file(&path, original.as_bytes()) {
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

/// A text file, refusing one that is not UTF-8 (an old Vietnamese encoding).
fn read_text(path: &Path) -> io::Result<String> {
    String::from_utf8(fs::read(path)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "không phải văn bản UTF-8 / not UTF-8 text: mở tệp và lưu lại với bảng mã UTF-8 / save it again as UTF-8",
        )
    })
}

/// Exactly one of --count, --percent, --remaining, and a percent in 0–100.
fn amount(args: &NewFigureArgs) -> Result<Amount, Text> {
    let amount = match (args.count, args.percent, args.remaining) {
        (Some(n), None, None) => Amount::Count(n),
        (None, Some(p), None) => Amount::Percent(p),
        (None, None, Some(n)) => Amount::Remaining(n),
        _ => {
            return Err(Text::new(
                "Cần đúng một trong ba: --count (số đã làm), --percent (chỉ có tỷ lệ), --remaining (số còn lại chưa làm)",
                "Give exactly one of --count (how many did it), --percent (only a rate), --remaining (how many have not yet)",
            ));
        }
    };
    if let Amount::Percent(p) = amount
        && !(0.0..=100.0).contains(&p)
    {
        return Err(Text::new(
            format!("--percent {p} phải nằm trong khoảng 0–100"),
            format!("--percent {p} must be between 0 and 100"),
        ));
    }
    Ok(amount)
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

/// Replaces a file through a temporary file beside it, so a preview server
/// (or a crash) never sees it half-written. The temporary name is hidden and
/// ends in `.tmp`, which `loaxa serve` ignores.
fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.loaxa.tmp"));
    fs::write(&temp, bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        let _ = fs::set_permissions(&temp, meta.permissions());
    }
    fs::rename(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Prints the run's diagnostics; `Some(exit status)` when it has an error
/// that was not there before the edit (errors that were already there are
/// not the edit's fault and do not undo it).
fn refuse_new_errors(args: &SiteArgs, before: &Outcome, after: &Outcome) -> Option<u8> {
    let lang = report::lang(args, after);
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

/// The sentences `new` says, in both languages.
mod words {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::diagnostic::{Diagnostic, Severity, Text, suggest};
    use crate::source::edit::{EditError, NewFigure};
    use crate::source::yaml::Pos;
    use crate::vi::{Lang, format_date};

    /// Why the edit was refused, at the place in the file that says why;
    /// `Err` for a mistake in the command itself (an unknown indicator).
    pub fn edit_refused(
        err: EditError,
        relative: &Path,
        indicator: &str,
        figure: &NewFigure,
    ) -> Result<Diagnostic, Text> {
        let (pos, code, message, hint) = match err {
            EditError::UnknownIndicator { known } => {
                return Err(unknown("chỉ số", "indicator", indicator, &known));
            }
            EditError::Syntax(e) => (
                e.pos,
                "yaml-syntax",
                Text::new(
                    format!("Lỗi cú pháp YAML: {}", e.message),
                    format!("YAML syntax error: {}", e.message),
                ),
                Text::new(
                    "sửa lỗi này trước (chạy `loaxa check`), rồi chạy lại lệnh",
                    "fix this first (run `loaxa check`), then run the command again",
                ),
            ),
            EditError::NoIndicators => (
                Pos { line: 0, column: 0 },
                "no-indicators",
                Text::new(
                    "Tệp không có danh sách `indicators:`",
                    "The file has no `indicators:` list",
                ),
                Text::new(
                    "thêm chỉ số theo mẫu trong FORMAT, rồi chạy lại lệnh",
                    "add the indicators as in the format guide, then run the command again",
                ),
            ),
            EditError::DuplicateDate { pos } => (
                pos,
                "duplicate-date",
                Text::new(
                    format!(
                        "Chỉ số `{indicator}` đã có số liệu ngày {}",
                        format_date(Lang::Vi, figure.date)
                    ),
                    format!(
                        "The indicator `{indicator}` already has a figure for {}",
                        format_date(Lang::En, figure.date)
                    ),
                ),
                Text::new(
                    "sửa số liệu đó ngay trong tệp, hoặc chọn ngày khác bằng --date NĂM-THÁNG-NGÀY",
                    "correct that figure in the file, or pick another day with --date YYYY-MM-DD",
                ),
            ),
            EditError::Unsupported { pos } => (
                pos,
                "cannot-edit",
                Text::new(
                    "Không tự thêm được số liệu vào chỗ viết theo dạng này",
                    "Cannot add the figure automatically where the list is written this way",
                ),
                Text::new(
                    format!(
                        "thêm bằng tay một dòng `- {}` vào `figures:`",
                        figure.flow()
                    ),
                    format!("add a line `- {}` under `figures:` by hand", figure.flow()),
                ),
            ),
        };
        Ok(Diagnostic {
            file: relative.to_path_buf(),
            line: pos.line,
            column: pos.column,
            severity: Severity::Error,
            code,
            message,
            hint: Some(hint),
        })
    }

    pub fn empty_title() -> Text {
        Text::new(
            "Trích yếu cần có chữ hoặc số để đặt tên tệp, ví dụ: loaxa new notice \"Kế hoạch tuyên truyền i-HaTinh\"",
            "The title needs letters or digits to name the file, e.g. loaxa new notice \"Plan for the i-HaTinh drive\"",
        )
    }

    pub fn notice_exists(relative: &Path) -> Text {
        let file = relative.display();
        Text::new(
            format!("Đã có tệp {file}: không ghi đè. Sửa tệp đó, hoặc đặt trích yếu khác."),
            format!(
                "{file} already exists and is left as it is: edit it, or choose another title."
            ),
        )
    }

    pub fn notice_removed(relative: &Path) -> Text {
        let file = relative.display();
        Text::new(
            format!("Văn bản mới gây lỗi (xem trên) nên đã xóa lại {file}."),
            format!("The new notice caused the errors above, so {file} was removed again."),
        )
    }

    pub fn notice_created(relative: &Path) -> Text {
        let file = relative.display();
        Text::new(
            format!(
                "Đã tạo {file} (bản nháp, `draft: true`). Mở tệp, điền thông tin và nội dung; xem trước bằng `loaxa serve --drafts`."
            ),
            format!(
                "Created {file} (a draft, `draft: true`). Fill in its fields and body; preview it with `loaxa serve --drafts`."
            ),
        )
    }

    pub fn unreadable(relative: &Path, err: &std::io::Error) -> Text {
        let file = relative.display();
        Text::new(
            format!("Không đọc được {file}: {err}"),
            format!("Cannot read {file}: {err}"),
        )
    }

    pub fn figure_undone(relative: &Path) -> Text {
        let file = relative.display();
        Text::new(
            format!("Số liệu mới gây lỗi (xem trên) nên {file} đã được trả lại như cũ."),
            format!("The new figure caused the errors above, so {file} was put back as it was."),
        )
    }

    pub fn figure_added(indicator: &str, date: NaiveDate, place: &str) -> Text {
        Text::new(
            format!(
                "Đã thêm số liệu ngày {} vào chỉ số `{indicator}`: {place}",
                format_date(Lang::Vi, date)
            ),
            format!(
                "Added the figure for {} to the indicator `{indicator}`: {place}",
                format_date(Lang::En, date)
            ),
        )
    }

    /// "There is no campaign `x`; did you mean `y`?" with the known ones.
    pub fn unknown(what_vi: &str, what_en: &str, id: &str, known: &[String]) -> Text {
        let names: Vec<&str> = known.iter().map(String::as_str).collect();
        let list = names.join(", ");
        match suggest(id, &names) {
            Some(near) => Text::new(
                format!("Không có {what_vi} `{id}`: có phải ý bạn là `{near}`? (có: {list})"),
                format!("There is no {what_en} `{id}`: did you mean `{near}`? (there are: {list})"),
            ),
            None if names.is_empty() => Text::new(
                format!("Không có {what_vi} `{id}`, và chưa có {what_vi} nào"),
                format!("There is no {what_en} `{id}`, nor any other yet"),
            ),
            None => Text::new(
                format!("Không có {what_vi} `{id}` (có: {list})"),
                format!("There is no {what_en} `{id}` (there are: {list})"),
            ),
        }
    }
}
