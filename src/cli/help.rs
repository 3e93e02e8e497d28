//! The words of `--help`, in Vietnamese and English: what each command
//! does, what each option means, and two or three examples to copy. Applied
//! to clap's command for the chosen language; clap's own English headings
//! ("Usage", "Options", "[default: …]") are replaced too.

use clap::Command;

use crate::vi::Lang;

/// (Vietnamese, English)
type Words = (&'static str, &'static str);

/// `cmd` with every text in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    localize_at(cmd, "", lang)
}

fn localize_at(cmd: Command, path: &str, lang: Lang) -> Command {
    let pick = |w: Words| match lang {
        Lang::Vi => w.0,
        Lang::En => w.1,
    };
    let (about, examples) = command_words(path);
    let (usage, commands, options, arguments, examples_heading) = match lang {
        Lang::Vi => ("Cách dùng", "Lệnh", "Tùy chọn", "Tham số", "Ví dụ"),
        Lang::En => ("Usage", "Commands", "Options", "Arguments", "Examples"),
    };
    let mut cmd = cmd
        .about(pick(about))
        .help_template(format!(
            "{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .subcommand_value_name(match lang {
            Lang::Vi => "LỆNH",
            Lang::En => "COMMAND",
        })
        .mut_args(|arg| {
            let id = arg.get_id().as_str().to_string();
            let heading = if arg.is_positional() {
                arguments
            } else {
                options
            };
            let takes_values = arg.get_action().takes_values();
            let arg = arg.help_heading(heading);
            let arg = if takes_values {
                arg.hide_default_value(true).hide_possible_values(true)
            } else {
                arg
            };
            let arg = match arg_words(path, &id) {
                Some(words) => arg.help(pick(words)),
                None => arg,
            };
            match value_name(&id, lang) {
                Some(name) => arg.value_name(name),
                None => arg,
            }
        });
    if !examples.is_empty() {
        let lines: Vec<String> = examples
            .iter()
            .map(|(line, words)| format!("  {line}\n      {}", pick(*words)))
            .collect();
        cmd = cmd.after_help(format!("{examples_heading}:\n{}", lines.join("\n")));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| {
            let sub = localize_at(sub, &sub_path, lang);
            // Drafts do not matter to `new`.
            if sub_path.starts_with("new ") {
                sub.mut_arg("drafts", |arg| arg.hide(true))
            } else {
                sub
            }
        });
    }
    cmd
}

/// What a command is for, and examples: (command line, what it does).
fn command_words(path: &str) -> (Words, &'static [(&'static str, Words)]) {
    match path {
        "" => (
            (
                "loaxa: trang thông tin chiến dịch của xã, dựng từ số liệu (YAML) và văn bản (Markdown)",
                "loaxa: a commune's campaign information site, built from figures (YAML) and notices (Markdown)",
            ),
            &[
                (
                    "loaxa init trang-xa --commune \"Xã Lộc Hà\" --province \"Hà Tĩnh\"",
                    ("tạo trang mới", "create a new site"),
                ),
                (
                    "loaxa serve",
                    (
                        "xem trước trên máy này, tự cập nhật khi lưu tệp",
                        "preview on this computer, updated on every save",
                    ),
                ),
                (
                    "loaxa build --lang en",
                    (
                        "dựng trang vào public/, thông báo bằng tiếng Anh",
                        "build into public/, with messages in English",
                    ),
                ),
            ],
        ),
        "build" => (
            (
                "Kiểm tra rồi dựng trang vào thư mục xuất (mặc định public/); có lỗi thì không ghi gì, trang cũ giữ nguyên",
                "Check, then build the site into the output folder (public/ by default); on any error nothing is written and the old site stays",
            ),
            &[
                (
                    "loaxa build",
                    ("dựng trang vào public/", "build into public/"),
                ),
                (
                    "loaxa build --out ../docs --base-url https://example.gov.vn/cds/",
                    (
                        "dựng vào thư mục khác, với địa chỉ trang khi đã đăng",
                        "build into another folder, with the published address",
                    ),
                ),
                (
                    "loaxa build --sites cac-xa/",
                    (
                        "dựng mọi trang xã trong cac-xa/ và bảng xếp hạng của tỉnh",
                        "build every commune site in cac-xa/ and the province ranking",
                    ),
                ),
            ],
        ),
        "check" => (
            (
                "Kiểm tra số liệu và văn bản mà không ghi gì: mỗi lỗi kèm tệp:dòng:cột và cách sửa",
                "Check the figures and notices without writing anything: each problem with file:line:column and the fix",
            ),
            &[
                (
                    "loaxa check",
                    (
                        "kiểm tra trang ở thư mục này",
                        "check the site in this folder",
                    ),
                ),
                (
                    "loaxa check --deny-warnings --format github",
                    (
                        "như CI: cảnh báo cũng là lỗi, báo lên GitHub",
                        "as CI does: warnings fail too, shown on GitHub",
                    ),
                ),
                (
                    "loaxa check --today 2026-06-30",
                    (
                        "kiểm tra như thể hôm nay là 30/6/2026",
                        "check as if today were 30 June 2026",
                    ),
                ),
            ],
        ),
        "serve" => (
            (
                "Xem trước trang trên máy này (http://127.0.0.1): tự dựng lại và tải lại trang khi lưu tệp; lỗi hiện ngay trên trang",
                "Preview the site on this computer (http://127.0.0.1): rebuilt and reloaded on every save; errors shown on the page",
            ),
            &[
                (
                    "loaxa serve",
                    (
                        "xem trước ở http://127.0.0.1:1111/",
                        "preview at http://127.0.0.1:1111/",
                    ),
                ),
                (
                    "loaxa serve --drafts",
                    (
                        "xem cả bản nháp (draft: true)",
                        "show drafts too (draft: true)",
                    ),
                ),
                (
                    "loaxa serve --port 8080 --lang en",
                    (
                        "cổng khác, thông báo bằng tiếng Anh",
                        "another port, messages in English",
                    ),
                ),
            ],
        ),
        "init" => (
            (
                "Tạo trang mới trong một thư mục trống: dữ liệu mẫu có ghi chú, README, .gitignore, và tệp CI cho GitHub Actions (.github/workflows/loaxa.yml) và GitLab CI (.gitlab-ci.yml)",
                "Create a new site in an empty folder: commented sample data, a README, .gitignore, and CI files for GitHub Actions (.github/workflows/loaxa.yml) and GitLab CI (.gitlab-ci.yml)",
            ),
            &[
                (
                    "loaxa init trang-xa --commune \"Xã Lộc Hà\" --province \"Hà Tĩnh\"",
                    (
                        "tạo trang trong thư mục trang-xa/",
                        "create the site in trang-xa/",
                    ),
                ),
                (
                    "loaxa init thu-nghiem",
                    (
                        "tạo trang với tên mẫu để tập dùng",
                        "create a site with sample names, to practise",
                    ),
                ),
            ],
        ),
        "new" => (
            (
                "Thêm một văn bản hoặc một số liệu",
                "Add a notice or a figure",
            ),
            &[
                (
                    "loaxa new notice \"Kế hoạch tuyên truyền i-HaTinh\" --date 03/11/2026",
                    ("văn bản mới (bản nháp)", "a new notice (a draft)"),
                ),
                (
                    "loaxa new figure i-hatinh adults --count 1500",
                    ("số liệu mới, ngày hôm nay", "a new figure, dated today"),
                ),
            ],
        ),
        "new notice" => (
            (
                "Tạo content/notices/<ngày ký>-<trích yếu>.md: bản nháp (draft: true) có sẵn các trường để điền",
                "Create content/notices/<date signed>-<subject>.md: a draft (draft: true) with the fields to fill in",
            ),
            &[
                (
                    "loaxa new notice \"Kế hoạch tuyên truyền i-HaTinh\" --date 03/11/2026",
                    (
                        "văn bản ký ngày 3/11/2026: tệp 2026-11-03-ke-hoach-tuyen-truyen-i-hatinh.md",
                        "a letter signed on 3 Nov 2026: file 2026-11-03-ke-hoach-tuyen-truyen-i-hatinh.md",
                    ),
                ),
                (
                    "loaxa new notice \"Đôn đốc cài đặt i-HaTinh\" --number 959/UBND-VHXH --date 2026-06-02 --campaign i-hatinh",
                    (
                        "có số văn bản và thuộc chiến dịch i-hatinh",
                        "with its number, belonging to the campaign i-hatinh",
                    ),
                ),
            ],
        ),
        "new figure" => (
            (
                "Thêm một số liệu vào một chỉ số của chiến dịch, giữ nguyên mọi dòng và ghi chú khác của tệp; kiểm tra lại cả trang, có lỗi thì trả tệp như cũ",
                "Add a figure to a campaign's indicator, keeping every other line and comment of the file; checks the whole site and puts the file back on any error",
            ),
            &[
                (
                    "loaxa new figure i-hatinh adults --count 1500 --date 2026-06-10",
                    (
                        "1500 người đã làm, ngày 10/6/2026",
                        "1500 have done it, on 10 June 2026",
                    ),
                ),
                (
                    "loaxa new figure i-hatinh adults --percent 37.3 --approximate --source \"Sở KH&CN\"",
                    (
                        "chỉ có tỷ lệ, khoảng 37,3 %, kèm nguồn",
                        "only a rate, about 37.3 %, with its source",
                    ),
                ),
                (
                    "loaxa new figure dinh-danh tre-em --remaining 120",
                    (
                        "còn 120 người chưa làm, ngày hôm nay",
                        "120 have not done it yet, today",
                    ),
                ),
            ],
        ),
        "rollup" => (
            (
                "Gộp số liệu của nhiều tỉnh (hoặc nhiều xã) đã dựng thành một trang xếp hạng và data.json; một phần hỏng thì không ghi gì",
                "Roll up the figures of several built provinces (or communes) into one ranking page and data.json; if one part is broken nothing is written",
            ),
            &[
                (
                    "loaxa rollup tinh-ha-tinh/ tinh-nghe-an/ --out toan-quoc/",
                    (
                        "xếp hạng chung từ hai tỉnh đã dựng bằng `build --sites`",
                        "one ranking from two provinces built with `build --sites`",
                    ),
                ),
                (
                    "loaxa rollup cac-tinh/*/ --out toan-quoc/ --title \"Cài đặt i-HaTinh toàn quốc\"",
                    (
                        "mọi tỉnh trong cac-tinh/, với tiêu đề trang",
                        "every province in cac-tinh/, with the page's title",
                    ),
                ),
            ],
        ),
        _ => (("", ""), &[]),
    }
}

/// What an option means, for the command at `path`.
fn arg_words(path: &str, id: &str) -> Option<Words> {
    let words = match (path, id) {
        (_, "lang") => (
            "ngôn ngữ của thông báo và trợ giúp: vi hoặc en (mặc định: biến LOAXA_LANG, rồi ngôn ngữ của trang)",
            "language of messages and help: vi or en (default: the LOAXA_LANG variable, then the site's language)",
        ),
        (_, "help") => ("in trợ giúp này", "print this help"),
        (_, "version") => ("in phiên bản", "print the version"),
        (_, "root") => (
            "thư mục của trang, nơi có data/ và content/ (mặc định: thư mục hiện tại)",
            "the site folder, holding data/ and content/ (default: the current folder)",
        ),
        ("new notice", "today") => (
            "ngày ký khi không có --date (mặc định: hôm nay, theo giờ của trang)",
            "the date signed when there is no --date (default: today, in the site's time zone)",
        ),
        ("new figure", "today") => (
            "ngày của số liệu khi không có --date, và mốc để từ chối ngày trong tương lai (mặc định: hôm nay)",
            "the figure's date when there is no --date, and the day after which dates are refused (default: today)",
        ),
        (_, "today") => (
            "coi ngày này là hôm nay, để tính số ngày còn lại và số liệu quá hạn: NĂM-THÁNG-NGÀY hoặc ngày/tháng/năm (mặc định: SOURCE_DATE_EPOCH, rồi đồng hồ máy, theo giờ của trang)",
            "take this day as today, for days left and overdue figures: YYYY-MM-DD or dd/mm/yyyy (default: SOURCE_DATE_EPOCH, then the clock, in the site's time zone)",
        ),
        (_, "drafts") => (
            "gồm cả văn bản nháp (draft: true)",
            "include draft notices (draft: true)",
        ),
        (_, "deny_warnings") => (
            "coi cảnh báo cũng là lỗi (thoát với mã 1)",
            "fail on warnings too (exit status 1)",
        ),
        ("rollup", "shards") => (
            "các thư mục có data.json do `loaxa build --sites` (một tỉnh) hoặc `loaxa build` (một xã) ghi ra",
            "folders holding a data.json written by `loaxa build --sites` (a province) or `loaxa build` (a commune)",
        ),
        ("rollup", "out") => (
            "nơi ghi index.html, rollup.css và data.json",
            "where to write index.html, rollup.css and data.json",
        ),
        ("rollup", "title") => (
            "tiêu đề của trang (mặc định: ghép tên các tỉnh)",
            "the page's title (default: made from the provinces)",
        ),
        ("build", "out") => (
            "thư mục xuất, thay cả thư mục chỉ khi dựng thành công (mặc định: public/ trong thư mục trang)",
            "the output folder, replaced whole only when the build succeeds (default: public/ in the site)",
        ),
        ("build", "base_url") => (
            "địa chỉ trang khi đã đăng, cho đường dẫn chuẩn và sơ đồ trang",
            "the address the site is published at, for canonical links and the sitemap",
        ),
        ("build", "force") => (
            "dựng cả vào thư mục xuất đang có tệp không do loaxa tạo; các tệp đó bị xóa",
            "build even into an output folder holding files loaxa did not make; they are deleted",
        ),
        ("build", "sites") => (
            "dựng mọi thư mục trang ngay trong THƯ_MỤC (mỗi thư mục có data/site.yaml) và bảng xếp hạng của tỉnh",
            "build every site folder directly under DIR (each holding data/site.yaml) and the province ranking",
        ),
        ("check", "format") => (
            "cách in lỗi: human (cho người đọc), github (chú thích GitHub Actions) hoặc json",
            "how to print problems: human, github (GitHub Actions annotations) or json",
        ),
        ("serve", "port") => (
            "cổng để mở (mặc định 1111; nếu bận thì dùng cổng trống kế tiếp)",
            "the port to listen on (default 1111; the next free one if taken)",
        ),
        ("init", "dir") => (
            "thư mục để tạo trang (phải trống hoặc chưa có)",
            "the folder to create the site in (empty or absent)",
        ),
        ("init", "commune") => (
            "tên xã (phường), ví dụ \"Xã Lộc Hà\"",
            "the commune's name, e.g. \"Xã Lộc Hà\"",
        ),
        ("init", "province") => (
            "tên tỉnh, ví dụ \"Hà Tĩnh\"",
            "the province, e.g. \"Hà Tĩnh\"",
        ),
        ("new notice", "title") => (
            "trích yếu của văn bản (V/v …), trong ngoặc kép",
            "the notice's subject (V/v …), in quotes",
        ),
        ("new notice", "date") => (
            "ngày ký: NĂM-THÁNG-NGÀY hoặc ngày/tháng/năm; đặt tên tệp theo ngày này",
            "the date signed: YYYY-MM-DD or dd/mm/yyyy; the file is named after it",
        ),
        ("new notice", "number") => (
            "số văn bản, ví dụ 959/UBND-VHXH",
            "the notice's number, e.g. 959/UBND-VHXH",
        ),
        ("new notice", "campaigns") => (
            "mã chiến dịch của văn bản (tên tệp trong data/campaigns/); lặp lại cho nhiều chiến dịch",
            "a campaign id the notice belongs to (a file name in data/campaigns/); repeat for several",
        ),
        ("new figure", "campaign") => (
            "mã chiến dịch: tên tệp trong data/campaigns/, không có .yaml",
            "the campaign id: its file name in data/campaigns/, without .yaml",
        ),
        ("new figure", "indicator") => (
            "mã chỉ số (id) trong chiến dịch đó",
            "the indicator id in that campaign",
        ),
        ("new figure", "count") => (
            "số đã làm, viết liền không dấu chấm (4102, không viết 4.102)",
            "how many have done it, digits only (4102)",
        ),
        ("new figure", "percent") => (
            "chỉ có tỷ lệ, 0–100, dấu chấm thập phân (37.3)",
            "only a rate, 0–100, with a decimal point (37.3)",
        ),
        ("new figure", "remaining") => ("số còn lại chưa làm", "how many have not done it yet"),
        ("new figure", "date") => (
            "ngày của số liệu: NĂM-THÁNG-NGÀY hoặc ngày/tháng/năm (mặc định: hôm nay)",
            "the figure's date: YYYY-MM-DD or dd/mm/yyyy (default: today)",
        ),
        ("new figure", "source") => (
            "nguồn số liệu, ví dụ \"Sở Khoa học và Công nghệ\"",
            "where the figure comes from, e.g. \"Sở Khoa học và Công nghệ\"",
        ),
        ("new figure", "approximate") => (
            "nguồn ghi \"khoảng\": số liệu gần đúng",
            "the source said \"about\": the figure is approximate",
        ),
        _ => return None,
    };
    Some(words)
}

/// The placeholder shown for an option's value.
fn value_name(id: &str, lang: Lang) -> Option<&'static str> {
    let (vi, en) = match id {
        "root" | "dir" => ("THƯ_MỤC", "DIR"),
        "out" => ("THƯ_MỤC", "DIR"),
        "sites" | "shards" => ("THƯ_MỤC", "DIR"),
        "today" | "date" => ("NGÀY", "DATE"),
        "lang" => ("vi|en", "vi|en"),
        "format" => ("human|github|json", "human|github|json"),
        "port" => ("CỔNG", "PORT"),
        "commune" | "province" => ("TÊN", "NAME"),
        "title" => ("TRÍCH_YẾU", "TITLE"),
        "number" => ("SỐ", "NUMBER"),
        "campaigns" | "campaign" => ("CHIẾN_DỊCH", "CAMPAIGN"),
        "indicator" => ("CHỈ_SỐ", "INDICATOR"),
        "count" | "remaining" => ("SỐ", "N"),
        "percent" => ("TỶ_LỆ", "PERCENT"),
        "source" => ("NGUỒN", "SOURCE"),
        "base_url" => ("ĐỊA_CHỈ", "URL"),
        _ => return None,
    };
    Some(match lang {
        Lang::Vi => vi,
        Lang::En => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// The help as `loaxa PATH --help` prints it.
    fn help(path: &[&str], lang: Lang) -> String {
        let args = std::iter::once("loaxa")
            .chain(path.iter().copied())
            .chain(["--help"]);
        let err = localize(Cli::command(), lang)
            .try_get_matches_from(args)
            .expect_err("help");
        crate::cli::errors::in_words(&err.render().to_string(), lang)
    }

    #[test]
    fn every_command_has_words_and_examples_in_both_languages() {
        let paths: [&[&str]; 9] = [
            &[],
            &["build"],
            &["check"],
            &["serve"],
            &["init"],
            &["new"],
            &["new", "notice"],
            &["new", "figure"],
            &["rollup"],
        ];
        // Every command is in the list: a new one cannot go without words.
        let command = <Cli as clap::CommandFactory>::command();
        let mut all: Vec<Vec<String>> = vec![vec![]];
        for sub in command.get_subcommands() {
            all.push(vec![sub.get_name().to_string()]);
            for inner in sub.get_subcommands() {
                all.push(vec![
                    sub.get_name().to_string(),
                    inner.get_name().to_string(),
                ]);
            }
        }
        let listed: Vec<Vec<String>> = paths
            .iter()
            .map(|p| p.iter().map(|s| s.to_string()).collect())
            .collect();
        for path in &all {
            assert!(listed.contains(path), "{path:?} has no help words");
        }
        for path in paths {
            let vi = help(path, Lang::Vi);
            let en = help(path, Lang::En);
            assert!(
                vi.contains("Cách dùng:") && vi.contains("Ví dụ:"),
                "{path:?}:\n{vi}"
            );
            assert!(
                en.contains("Usage:") && en.contains("Examples:"),
                "{path:?}:\n{en}"
            );
            for english in [
                "Options:",
                "Print help",
                "[default:",
                "[possible values",
                "Arguments:",
            ] {
                assert!(!vi.contains(english), "{english} in {path:?}:\n{vi}");
            }
            let examples = vi.split("Ví dụ:").nth(1).unwrap_or("");
            let count = examples
                .lines()
                .filter(|l| l.starts_with("  loaxa"))
                .count();
            assert!((2..=3).contains(&count), "{path:?}: {count} examples\n{vi}");
        }
    }

    #[test]
    fn every_option_has_words_in_both_languages() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = arg.get_id().as_str();
                if arg_words(path, id).is_none() {
                    missing.push(format!("{path} --{id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                let sub_path = if path.is_empty() {
                    name.to_string()
                } else {
                    format!("{path} {name}")
                };
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&localize(Cli::command(), Lang::Vi), "", &mut missing);
        assert!(missing.is_empty(), "no words for {missing:?}");
    }

    #[test]
    fn the_words_say_what_the_commands_do() {
        let init = help(&["init"], Lang::Vi);
        assert!(
            init.contains("GitHub Actions") && init.contains("GitLab CI"),
            "{init}"
        );
        let notice = help(&["new", "notice"], Lang::Vi);
        assert!(notice.contains("ngày ký khi không có --date"), "{notice}");
        assert!(!notice.contains("quá hạn"), "{notice}");
        assert!(!notice.contains("--drafts"), "{notice}");
    }
}
