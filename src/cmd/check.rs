//! `loaxa check`: everything `build` does but the write.

use crate::cli::CheckArgs;
use crate::cmd::{lang_of, report};
use crate::pipeline;
use crate::vi::Lang;

pub fn run(args: &CheckArgs, chosen: Option<Lang>) -> u8 {
    let options = report::options(&args.site, None);
    let outcome = pipeline::check(&args.site.root, &options);
    let lang = lang_of(chosen, outcome.lang);
    report::print(&outcome, lang, args.format);
    report::exit_code(&outcome, args.deny_warnings)
}
