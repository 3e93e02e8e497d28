//! Command-line arguments: one struct per command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "loaxa",
    version,
    about = "Trang thông tin chiến dịch của xã từ dữ liệu YAML và văn bản Markdown"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Check the site's data and content without writing anything.
    Check(CheckArgs),
    /// Preview the site on 127.0.0.1, rebuilding on every save.
    Serve(ServeArgs),
    /// Create a new site in an empty folder.
    Init(InitArgs),
    /// Add a notice or a figure.
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on (the next free one if taken).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the site in (must be empty or absent).
    pub dir: PathBuf,
    /// The commune's name, e.g. "Xã Lộc Hà".
    #[arg(long)]
    pub commune: Option<String>,
    /// The province, e.g. "Hà Tĩnh".
    #[arg(long)]
    pub province: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Write content/notices/<date>-<slug>.md with today's date and the front-matter skeleton.
    Notice(NewNoticeArgs),
    /// Append a figure to a campaign's indicator, keeping the file's comments.
    Figure(NewFigureArgs),
}

#[derive(Debug, Args)]
pub struct NewNoticeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The notice's subject (V/v …).
    pub title: String,
}

#[derive(Debug, Args)]
pub struct NewFigureArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The campaign id (its file name in data/campaigns/).
    pub campaign: String,
    /// The indicator id in that campaign.
    pub indicator: String,
    /// How many have done it.
    #[arg(long, group = "value")]
    pub count: Option<u64>,
    /// The rate only, 0–100.
    #[arg(long, group = "value")]
    pub percent: Option<f64>,
    /// How many have not done it yet.
    #[arg(long, group = "value")]
    pub remaining: Option<u64>,
    /// The figure's date (default: today).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
}

/// Options shared by every command that reads a site.
#[derive(Debug, Args, Clone)]
pub struct SiteArgs {
    /// The site folder (the one holding data/ and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// "Today" as YYYY-MM-DD, for days left and overdue figures; defaults to
    /// SOURCE_DATE_EPOCH, then the clock, in the site's timezone.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
    /// Language of messages: vi or en (defaults to the site's language).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Include draft notices.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The output folder; replaced whole, only when the build succeeds.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The address the site is published at, for canonical links and the sitemap.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Build even into an output folder holding files loaxa did not make;
    /// they are deleted.
    #[arg(long)]
    pub force: bool,
    /// Build every site folder directly under DIR (each one holding
    /// data/site.yaml), in parallel, into <site>/public (or OUT/<site>/ with
    /// --out), plus a province roll-up ranking the communes: OUT/index.html,
    /// or DIR/public-province/index.html.
    #[arg(long, value_name = "DIR", conflicts_with = "root")]
    pub sites: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Github,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date as YYYY-MM-DD"))
}
