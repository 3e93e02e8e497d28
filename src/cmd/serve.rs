//! `loaxa serve`: preview with rebuild on save.

use crate::cli::ServeArgs;

pub fn run(_args: &ServeArgs) -> u8 {
    eprintln!("loaxa serve: not implemented yet");
    super::EXIT_USAGE
}
