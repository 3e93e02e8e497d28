//! `loaxa build`: check, render and swap the site into the output folder.

use crate::cli::{BuildArgs, Format};
use crate::cmd::{EXIT_CONTENT, EXIT_USAGE, report};
use crate::pipeline;
use crate::vi::Lang;

pub fn run(args: &BuildArgs) -> u8 {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.site.root.join("public"));
    let message_lang = match args.site.lang {
        Some(crate::cli::LangArg::En) => Lang::En,
        _ => Lang::Vi,
    };
    if let Err(text) = pipeline::check_output_folder(&args.site.root, &out) {
        eprintln!("loaxa: {}", text.get(message_lang));
        return EXIT_USAGE;
    }
    let options = report::options(&args.site, args.base_url.clone());
    // `publish`, not `build`: pages stream to disk instead of piling up in memory.
    let (outcome, written) = match pipeline::publish(&args.site.root, &out, &options) {
        Ok(published) => published,
        Err(err) => {
            eprintln!("loaxa: {}: {err}", out.display());
            return EXIT_CONTENT;
        }
    };
    let lang = report::lang(&args.site, &outcome);
    report::print(&outcome, lang, Format::Human);
    let code = report::exit_code(&outcome, args.deny_warnings);
    if let Some(written) = written {
        let pages = written.pages;
        match lang {
            Lang::Vi => eprintln!("Đã dựng {pages} trang vào {}", out.display()),
            Lang::En => eprintln!("Built {pages} pages into {}", out.display()),
        }
    } else {
        match lang {
            Lang::Vi => eprintln!(
                "Không dựng trang: hãy sửa các lỗi trên. Trang đã xuất bản trước đó vẫn giữ nguyên."
            ),
            Lang::En => eprintln!(
                "Nothing was built: fix the errors above. The previously published site is unchanged."
            ),
        }
    }
    code
}
