use std::process::ExitCode;

use clap::Parser;
use loaxa::cli::{Cli, Command};
use loaxa::cmd::{self, EXIT_USAGE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let code = match &cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::New(command) => cmd::new::run(command),
        Command::Rollup(args) => cmd::rollup::run(args),
    };
    ExitCode::from(code)
}
