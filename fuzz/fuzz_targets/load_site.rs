//! A whole site from fuzzed text: the input is split into site.yaml and a
//! campaign file at the first NUL, then checked and rendered in memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loaxa::diagnostic::Diagnostics;
use loaxa::source::{SourceFile, Sources};

fuzz_target!(|text: &str| {
    let (site, campaign) = text.split_once('\0').unwrap_or((text, ""));
    let sources = Sources {
        site: Some(SourceFile { path: "data/site.yaml".into(), text: site.to_string() }),
        campaigns: vec![SourceFile { path: "data/campaigns/c.yaml".into(), text: campaign.to_string() }],
        notices: vec![],
        pages: vec![],
    };
    let mut diags = Diagnostics::default();
    if let Some(model) = loaxa::check::check_sources(&sources, &mut diags) {
        let options = loaxa::render::RenderOptions {
            today: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
            drafts: true,
            base_url: None,
        };
        // The derive stage and its checks, then render, as a build runs them.
        let derived = loaxa::derive::site(&model, options.today);
        loaxa::check::figures::check(&model, &derived, &mut diags);
        let pictures = loaxa::markdown::PictureSizes::new();
        let input = loaxa::render::Input {
            site: &model,
            derived: &derived,
            opts: &options,
            pictures: &pictures,
        };
        let _ = loaxa::render::render_site(std::path::Path::new("/nonexistent-loaxa-fuzz"), &input, &mut diags);
    }
});
