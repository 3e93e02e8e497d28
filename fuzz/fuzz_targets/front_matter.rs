//! Front matter splitting and parsing, then the notice checker, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loaxa::diagnostic::Diagnostics;
use loaxa::source::{SourceFile, Sources, split_front_matter, yaml};

fuzz_target!(|text: &str| {
    if let Some(fm) = split_front_matter(text) {
        let _ = yaml::parse(fm.yaml, fm.yaml_line_offset);
    }
    let sources = Sources {
        site: None,
        campaigns: vec![],
        notices: vec![SourceFile { path: "content/notices/x.md".into(), text: text.to_string() }],
        pages: vec![SourceFile { path: "content/pages/y.md".into(), text: text.to_string() }],
    };
    let mut diags = Diagnostics::default();
    let _ = loaxa::check::check_sources(&sources, &mut diags);
});
