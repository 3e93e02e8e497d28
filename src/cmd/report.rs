//! Printing a run's diagnostics and choosing the exit status.

use std::io::IsTerminal;

use crate::cli::{Format, SiteArgs};
use crate::diagnostic::{render_github, render_human, render_json};
use crate::pipeline::{Options, Outcome, Today};
use crate::vi::Lang;

pub fn options(args: &SiteArgs, base_url: Option<String>) -> Options {
    Options {
        today: args.today.map_or(Today::FromEnvironment, Today::Fixed),
        drafts: args.drafts,
        base_url: base_url.map(|b| if b.ends_with('/') { b } else { format!("{b}/") }),
    }
}

/// Prints diagnostics: human ones on stderr, machine formats on stdout.
pub fn print(outcome: &Outcome, lang: Lang, format: Format) {
    match format {
        Format::Human => {
            if !outcome.diagnostics.is_empty() {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!(
                    "{}",
                    render_human(&outcome.diagnostics, lang, &outcome.sources, color)
                );
            }
        }
        Format::Github => print!("{}", render_github(&outcome.diagnostics, lang)),
        Format::Json => print!("{}", render_json(&outcome.diagnostics, lang)),
    }
}

pub fn exit_code(outcome: &Outcome, deny_warnings: bool) -> u8 {
    if outcome.has_errors() || (deny_warnings && outcome.has_warnings()) {
        super::EXIT_CONTENT
    } else {
        super::EXIT_OK
    }
}
