//! `loaxa init`: a new site that builds at once.

use crate::cli::InitArgs;

pub fn run(_args: &InitArgs) -> u8 {
    eprintln!("loaxa init: not implemented yet");
    super::EXIT_USAGE
}
