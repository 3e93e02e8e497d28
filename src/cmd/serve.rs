//! `loaxa serve`: preview with rebuild on save.

use crate::cli::ServeArgs;
use crate::cmd::{EXIT_OK, EXIT_USAGE, report};
use crate::serve::{self, Config};
use crate::vi::Lang;

pub fn run(args: &ServeArgs, lang: Option<Lang>) -> u8 {
    let config = Config {
        root: args.site.root.clone(),
        // No base URL: the preview's links stay relative to 127.0.0.1.
        options: report::options(&args.site, None),
        lang,
        port: args.port,
    };
    match serve::run(config) {
        Ok(()) => EXIT_OK,
        Err(err) => {
            eprintln!("loaxa serve: {}", err.text().get(lang.unwrap_or(Lang::Vi)));
            EXIT_USAGE
        }
    }
}
