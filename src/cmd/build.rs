//! `loaxa build`: check, render and swap the site into the output folder;
//! with `--sites DIR`, every site of a province and their roll-up.

use std::io;
use std::path::Path;

use crate::cli::{BuildArgs, Format};
use crate::cmd::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, lang_of, report};
use crate::output::{self, Foreign, Written};
use crate::pipeline::{self, Outcome};
use crate::province;
use crate::vi::Lang;

pub fn run(args: &BuildArgs, chosen: Option<Lang>) -> u8 {
    if let Some(dir) = &args.sites {
        return run_sites(args, dir, chosen);
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.site.root.join("public"));
    if let Err(code) = check_output(args, chosen, &args.site.root, &out) {
        return code;
    }
    let options = report::options(&args.site, args.base_url.clone());
    // `publish`, not `build`: pages stream to disk instead of piling up in memory.
    let result = output::spare_path(&out).and_then(|spare| {
        pipeline::publish_to(&args.site.root, &out, spare, foreign(args), &options)
    });
    report_site(args, chosen, &out, &result)
}

/// Every site under `dir`, then the roll-up. Exit status 1 if any failed.
fn run_sites(args: &BuildArgs, dir: &Path, chosen: Option<Lang>) -> u8 {
    let message_lang = chosen.unwrap_or(Lang::Vi);
    let sites = match province::find_sites(dir) {
        Ok(sites) if !sites.is_empty() => sites,
        Ok(_) => {
            eprintln!("loaxa: {}", no_sites(message_lang, dir));
            return EXIT_USAGE;
        }
        Err(err) => {
            eprintln!("loaxa: {}: {err}", dir.display());
            return EXIT_USAGE;
        }
    };
    let out_root = args.out.as_deref();
    for site in &sites {
        let out = province::output_of(site, out_root);
        if let Err(code) = check_output(args, chosen, &site.root, &out) {
            return code;
        }
    }
    let options = report::options(&args.site, args.base_url.clone());
    let builds = province::build_sites_with(&sites, out_root, &options, foreign(args));
    let mut code = EXIT_OK;
    for build in &builds {
        code = code.max(report_site(args, chosen, &build.out, &build.result));
    }
    let place = province::rollup_place(dir, out_root).join("index.html");
    match province::write_rollup(&builds, dir, out_root) {
        Ok(n) => match message_lang {
            Lang::Vi => eprintln!("Đã xếp hạng {n} xã vào {}", place.display()),
            Lang::En => eprintln!("Ranked {n} communes into {}", place.display()),
        },
        Err(err) => {
            eprintln!("loaxa: {}: {err}", place.display());
            code = EXIT_CONTENT;
        }
    }
    code
}

fn no_sites(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Vi => format!(
            "{}: không có thư mục trang nào (thư mục con có data/site.yaml)",
            dir.display()
        ),
        Lang::En => format!(
            "{}: no site folders (sub-folders holding data/site.yaml)",
            dir.display()
        ),
    }
}

/// `--force`: replace an output folder holding files loaxa did not make.
fn foreign(args: &BuildArgs) -> Foreign {
    if args.force {
        Foreign::Replace
    } else {
        Foreign::Refuse
    }
}

/// Refuses, before anything is built, an output folder a build may not
/// replace or cannot write beside (exit status 2).
fn check_output(args: &BuildArgs, chosen: Option<Lang>, root: &Path, out: &Path) -> Result<(), u8> {
    output::guard::check(root, out, foreign(args)).map_err(|refusal| {
        eprintln!("loaxa: {}", refusal.text().get(chosen.unwrap_or(Lang::Vi)));
        EXIT_USAGE
    })
}

/// Prints one site's problems and what was built; returns its exit status.
fn report_site(
    args: &BuildArgs,
    chosen: Option<Lang>,
    out: &Path,
    result: &io::Result<(Outcome, Option<Written>)>,
) -> u8 {
    let (outcome, written) = match result {
        Ok(published) => published,
        Err(err) => {
            eprintln!("loaxa: {}: {err}", out.display());
            return EXIT_CONTENT;
        }
    };
    let lang = lang_of(chosen, outcome.lang);
    report::print(outcome, lang, Format::Human);
    let code = report::exit_code(outcome, args.deny_warnings);
    match (written, lang) {
        (Some(w), Lang::Vi) => eprintln!("Đã dựng {} trang vào {}", w.pages, out.display()),
        (Some(w), Lang::En) => eprintln!("Built {} pages into {}", w.pages, out.display()),
        (None, Lang::Vi) => eprintln!(
            "Không dựng trang: hãy sửa các lỗi trên. Trang đã xuất bản trước đó vẫn giữ nguyên."
        ),
        (None, Lang::En) => eprintln!(
            "Nothing was built: fix the errors above. The previously published site is unchanged."
        ),
    }
    code
}
