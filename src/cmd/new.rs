//! `loaxa new notice` and `loaxa new figure`.

use crate::cli::NewCommand;

pub fn run(_command: &NewCommand) -> u8 {
    eprintln!("loaxa new: not implemented yet");
    super::EXIT_USAGE
}
