//! `loaxa check`: everything `build` does but the write.

use crate::cli::CheckArgs;
use crate::cmd::report;
use crate::pipeline;

pub fn run(args: &CheckArgs) -> u8 {
    let options = report::options(&args.site, None);
    let outcome = pipeline::check(&args.site.root, &options);
    let lang = report::lang(&args.site, &outcome);
    report::print(&outcome, lang, args.format);
    report::exit_code(&outcome, args.deny_warnings)
}
