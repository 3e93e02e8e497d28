//! `loaxa init`: a new site that builds at once.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::cmd::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, report};
use crate::pipeline::{self, Options, Today};
use crate::scaffold;

pub fn run(args: &InitArgs) -> u8 {
    let commune = args.commune.as_deref().unwrap_or(scaffold::DEFAULT_COMMUNE);
    let province = args
        .province
        .as_deref()
        .unwrap_or(scaffold::DEFAULT_PROVINCE);
    for (flag, name) in [("--commune", commune), ("--province", province)] {
        if name.trim().is_empty() || name.chars().any(char::is_control) {
            eprintln!("loaxa init: {flag} phải là một tên, ví dụ \"Xã Lộc Hà\" / \"Hà Tĩnh\"");
            return EXIT_USAGE;
        }
    }
    if let Err(why) = check_empty(&args.dir) {
        eprintln!("loaxa init: {why}");
        return EXIT_USAGE;
    }
    // No site yet, so no site timezone: the default one, Vietnam's.
    let today =
        pipeline::resolve_today(Today::FromEnvironment, crate::model::site::DEFAULT_TIMEZONE);
    let files = scaffold::site_files(commune.trim(), province.trim(), today);
    if let Err(err) = write_all(&args.dir, &files) {
        eprintln!(
            "loaxa init: không ghi được tệp vào {}: {err}",
            args.dir.display()
        );
        return EXIT_CONTENT;
    }
    verify(&args.dir)
}

/// The folder must not exist, or be empty: init never overwrites anything.
fn check_empty(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(format!(
            "`{}` là một tệp, không phải thư mục. Hãy chọn tên thư mục khác.",
            dir.display()
        ));
    }
    let mut entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if entries.next().is_some() {
        return Err(format!(
            "thư mục `{}` đã có tệp bên trong; loaxa init chỉ tạo trang trong thư mục trống \
             hoặc chưa có, để không ghi đè lên tệp nào. Hãy chọn thư mục khác, ví dụ \
             `loaxa init trang-moi`.",
            dir.display()
        ));
    }
    Ok(())
}

fn write_all(dir: &Path, files: &[(PathBuf, String)]) -> io::Result<()> {
    for (relative, text) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text)?;
    }
    Ok(())
}

/// Checks the new site as `loaxa check` would, so a name that somehow breaks
/// it is caught now, then says what to do next.
fn verify(dir: &Path) -> u8 {
    let options = Options {
        today: Today::FromEnvironment,
        drafts: false,
        base_url: None,
    };
    let outcome = pipeline::run(dir, &options);
    report::print(&outcome, outcome.lang, crate::cli::Format::Human);
    if outcome.has_errors() {
        eprintln!("loaxa init: trang mới có lỗi (xem trên). Đây là lỗi của loaxa, xin báo lại.");
        return EXIT_CONTENT;
    }
    let shown = dir.display();
    println!(
        "Đã tạo trang mới trong {shown}.

Bước tiếp theo:
  cd {shown}
  loaxa serve     xem trước trên máy (http://127.0.0.1:1111/), tự cập nhật khi lưu tệp
  loaxa check     kiểm tra dữ liệu
  loaxa build     dựng trang vào thư mục public/

Mở data/site.yaml và data/campaigns/{campaign}.yaml: mỗi mục đều có ghi chú.
Các con số hiện là số đặt tạm (`sample: true`): thay bằng số liệu thật rồi đổi thành `sample: false`.
Xem README.md để biết cách đăng trang (GitHub Pages, GitLab Pages, cổng thông tin xã).",
        campaign = scaffold::SAMPLE_CAMPAIGN
    );
    EXIT_OK
}
