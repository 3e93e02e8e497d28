use std::process::ExitCode;

use loaxa::cli::{self, Command, Parsed};
use loaxa::cmd;

// mimalloc: a build spent ~10 % of its time in glibc's malloc and free
// (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let Parsed { cli, lang } = match cli::parse(std::env::args_os()) {
        Ok(parsed) => parsed,
        Err(code) => return ExitCode::from(code),
    };
    let code = match &cli.command {
        Command::Build(args) => cmd::build::run(args, lang),
        Command::Check(args) => cmd::check::run(args, lang),
        Command::Serve(args) => cmd::serve::run(args, lang),
        Command::Init(args) => cmd::init::run(args, lang),
        Command::New(command) => cmd::new::run(command, lang),
        Command::Rollup(args) => cmd::rollup::run(args, lang),
    };
    ExitCode::from(code)
}
