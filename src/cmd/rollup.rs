//! `loaxa rollup SHARD_DIR… --out DIR`: every shard read and checked, then
//! the roll-up written; a bad shard stops it with nothing written.

use crate::cli::RollupArgs;
use crate::cmd::{EXIT_CONTENT, EXIT_OK};
use crate::province::{self, rollup, shards};
use crate::vi::Lang;

/// `lang`: the one language switch (`--lang`, `LOAXA_LANG`); Vietnamese
/// when neither is given (a roll-up has no site.yaml of its own).
pub fn run(args: &RollupArgs, lang: Option<Lang>) -> u8 {
    let lang = lang.unwrap_or(Lang::Vi);
    let communes = match shards::read_all(&args.shards, &args.out) {
        Ok(communes) => communes,
        Err(problems) => {
            for problem in &problems {
                eprintln!("loaxa: {}", problem.get(lang));
            }
            match lang {
                Lang::Vi => eprintln!(
                    "Không ghi gì vào {}: hãy sửa {} phân đoạn trên rồi chạy lại.",
                    args.out.display(),
                    problems.len()
                ),
                Lang::En => eprintln!(
                    "Nothing was written to {}: fix the {} shard(s) above and run again.",
                    args.out.display(),
                    problems.len()
                ),
            }
            return EXIT_CONTENT;
        }
    };
    let files = rollup::files(&communes, args.title.as_deref());
    let page = args.out.join("index.html");
    match province::write_files(&args.out, &files) {
        Ok(()) => {
            match lang {
                Lang::Vi => eprintln!(
                    "Đã xếp hạng {} xã, phường từ {} phân đoạn vào {}",
                    communes.len(),
                    args.shards.len(),
                    page.display()
                ),
                Lang::En => eprintln!(
                    "Ranked {} communes from {} shards into {}",
                    communes.len(),
                    args.shards.len(),
                    page.display()
                ),
            }
            EXIT_OK
        }
        Err(err) => {
            eprintln!("loaxa: {}: {err}", args.out.display());
            EXIT_CONTENT
        }
    }
}
