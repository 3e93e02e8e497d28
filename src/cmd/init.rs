//! `loaxa init`: a new site that builds at once.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::cmd::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, report};
use crate::diagnostic::Text;
use crate::pipeline::{self, Options, Today};
use crate::scaffold;
use crate::vi::Lang;

pub fn run(args: &InitArgs, chosen: Option<Lang>) -> u8 {
    let lang = chosen.unwrap_or(Lang::Vi);
    let commune = args.commune.as_deref().unwrap_or(scaffold::DEFAULT_COMMUNE);
    let province = args
        .province
        .as_deref()
        .unwrap_or(scaffold::DEFAULT_PROVINCE);
    for (flag, name) in [("--commune", commune), ("--province", province)] {
        if name.trim().is_empty() || name.chars().any(char::is_control) {
            let text = Text::new(
                format!("{flag} phải là một tên, ví dụ \"Xã Lộc Hà\" / \"Hà Tĩnh\""),
                format!("{flag} must be a name, e.g. \"Xã Lộc Hà\" / \"Hà Tĩnh\""),
            );
            eprintln!("loaxa init: {}", text.get(lang));
            return EXIT_USAGE;
        }
    }
    if let Err(why) = check_empty(&args.dir) {
        eprintln!("loaxa init: {}", why.get(lang));
        return EXIT_USAGE;
    }
    // No site yet, so no site timezone: the default one, Vietnam's.
    let today =
        pipeline::resolve_today(Today::FromEnvironment, crate::model::site::DEFAULT_TIMEZONE);
    let files = scaffold::site_files(commune.trim(), province.trim(), today);
    if let Err(err) = write_all(&args.dir, &files) {
        let dir = args.dir.display();
        let text = Text::new(
            format!("không ghi được tệp vào {dir}: {err}"),
            format!("cannot write the files into {dir}: {err}"),
        );
        eprintln!("loaxa init: {}", text.get(lang));
        return EXIT_CONTENT;
    }
    verify(&args.dir, lang)
}

/// The folder must not exist, or be empty: init never overwrites anything.
fn check_empty(dir: &Path) -> Result<(), Text> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(Text::new(
            format!(
                "`{}` là một tệp, không phải thư mục. Hãy chọn tên thư mục khác.",
                dir.display()
            ),
            format!(
                "`{}` is a file, not a folder. Choose another name.",
                dir.display()
            ),
        ));
    }
    let mut entries = fs::read_dir(dir).map_err(|e| {
        let text = format!("{}: {e}", dir.display());
        Text::new(text.clone(), text)
    })?;
    if entries.next().is_some() {
        return Err(Text::new(
            format!(
                "thư mục `{}` đã có tệp bên trong; loaxa init chỉ tạo trang trong thư mục trống \
                 hoặc chưa có, để không ghi đè lên tệp nào. Hãy chọn thư mục khác, ví dụ \
                 `loaxa init trang-moi`.",
                dir.display()
            ),
            format!(
                "the folder `{}` is not empty; loaxa init creates a site only in an empty or \
                 new folder, so that it overwrites nothing. Choose another folder, e.g. \
                 `loaxa init new-site`.",
                dir.display()
            ),
        ));
    }
    Ok(())
}

/// Each file whole and only where nothing is (the folder was empty; a file
/// that appeared since is left alone and reported).
fn write_all(dir: &Path, files: &[(PathBuf, String)]) -> io::Result<()> {
    for (relative, text) in files {
        crate::output::file::create_new(&dir.join(relative), text.as_bytes())?;
    }
    Ok(())
}

/// Checks the new site as `loaxa check` would, so a name that somehow breaks
/// it is caught now, then says what to do next.
fn verify(dir: &Path, lang: Lang) -> u8 {
    let options = Options {
        today: Today::FromEnvironment,
        drafts: false,
        base_url: None,
    };
    let outcome = pipeline::run(dir, &options);
    report::print(&outcome, lang, crate::cli::Format::Human);
    if outcome.has_errors() {
        let text = Text::new(
            "trang mới có lỗi (xem trên). Đây là lỗi của loaxa, xin báo lại.",
            "the new site has errors (see above). This is a bug in loaxa; please report it.",
        );
        eprintln!("loaxa init: {}", text.get(lang));
        return EXIT_CONTENT;
    }
    let shown = dir.display();
    let campaign = scaffold::SAMPLE_CAMPAIGN;
    let text = Text::new(
        format!(
            "Đã tạo trang mới trong {shown}.

Bước tiếp theo:
  cd {shown}
  loaxa serve     xem trước trên máy (http://127.0.0.1:1111/), tự cập nhật khi lưu tệp
  loaxa check     kiểm tra dữ liệu
  loaxa build     dựng trang vào thư mục public/

Mở data/site.yaml và data/campaigns/{campaign}.yaml: mỗi mục đều có ghi chú.
Các con số hiện là số đặt tạm (`sample: true`): thay bằng số liệu thật rồi đổi thành `sample: false`.
Đã có sẵn tệp CI: .github/workflows/loaxa.yml (GitHub Actions) và .gitlab-ci.yml (GitLab CI).
Xem README.md để biết cách đăng trang (GitHub Pages, GitLab Pages, cổng thông tin xã)."
        ),
        format!(
            "Created a new site in {shown}.

Next:
  cd {shown}
  loaxa serve     preview on this computer (http://127.0.0.1:1111/), updated on every save
  loaxa check     check the data
  loaxa build     build the site into public/

Open data/site.yaml and data/campaigns/{campaign}.yaml: every field has a comment.
The figures are placeholders (`sample: true`): put in the real ones, then set `sample: false`.
CI files are there: .github/workflows/loaxa.yml (GitHub Actions) and .gitlab-ci.yml (GitLab CI).
README.md says how to publish (GitHub Pages, GitLab Pages, the commune portal)."
        ),
    );
    println!("{}", text.get(lang));
    EXIT_OK
}
