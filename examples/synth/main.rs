//! Writes a deterministic synthetic site for benchmarks (a developer's tool,
//! not installed with loaxa):
//!
//! ```text
//! cargo run --release --example synth -- --notices N [--campaigns 20] --out DIR [--hugo DIR] [--seed S] [--commune NAME]
//! cargo run --release --example synth -- --sites K --notices N --out DIR   # K commune sites, for `build --sites`
//! ```
//!
//! Build the result with `--today 2026-06-30` (see `synthetic::TODAY`).

mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Writes a deterministic synthetic loaxa site (and optionally the same
/// notices as a Hugo site) for benchmarks.
#[derive(Parser)]
#[command(name = "synth")]
struct Args {
    /// Notices per site.
    #[arg(long, default_value_t = 1000)]
    notices: usize,
    /// Campaigns per site.
    #[arg(long, default_value_t = 20)]
    campaigns: usize,
    /// Where to write the site (or the sites, with --sites).
    #[arg(long)]
    out: PathBuf,
    /// Also write the notices as a Hugo site here.
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Seed of the numbers: the same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The commune's name (one site).
    #[arg(long)]
    commune: Option<String>,
    /// Write this many commune sites under --out (a province).
    #[arg(long)]
    sites: Option<usize>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let spec = synthetic::Spec {
        notices: args.notices,
        campaigns: args.campaigns,
        seed: args.seed,
    };
    let written = match args.sites {
        Some(count) => synthetic::write_province(&spec, &args.out, count),
        None => {
            let commune = args
                .commune
                .clone()
                .unwrap_or_else(|| synthetic::commune_name(0));
            synthetic::write_site(&spec, &args.out, &commune, args.hugo.as_deref())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synth: {err}");
            ExitCode::FAILURE
        }
    }
}
