//! A deterministic synthetic site for benchmarks and scale tests (not part
//! of the installed tool). Every campaign has 2 indicators of 60 daily
//! figures each ending on [`TODAY`], and a 69-row breakdown (the 69 communes
//! of a province); notices come in the shapes a commune writes (see
//! `shapes`: usual letters of ~400 Vietnamese words, short announcements,
//! long plans, big tables, nested lists, attachments, pictures). The same notices
//! can be written as a Hugo site so both generators build the same pages.
//! The numbers come from a tiny LCG seeded by `seed`: same input, same bytes.
//!
//! Used by `examples/synth` (the command line), the tests and the benches
//! (`#[path]`-included: one generator, no process to start).

#![allow(dead_code)]

mod campaigns;
mod hugo;
mod notices;
mod shapes;

use std::fs;
use std::io;
use std::path::Path;

use chrono::NaiveDate;

use campaigns::{campaign_id, campaign_yaml, site_yaml};
use notices::Notice;

/// The date every synthetic campaign reports up to: build with `--today` this date.
pub const TODAY: &str = "2026-06-30";

/// What to write.
#[derive(Debug, Clone)]
pub struct Spec {
    pub notices: usize,
    pub campaigns: usize,
    pub seed: u64,
}

/// One commune's site in `dir` (and the same notices as a Hugo site in `hugo`).
pub fn write_site(spec: &Spec, dir: &Path, commune: &str, hugo: Option<&Path>) -> io::Result<()> {
    let mut rng = Lcg(spec.seed);
    write(&dir.join("data/site.yaml"), &site_yaml(commune))?;
    let ids: Vec<String> = (0..spec.campaigns).map(campaign_id).collect();
    let mut titles = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let (yaml, title) = campaign_yaml(&mut rng, k);
        write(&dir.join(format!("data/campaigns/{id}.yaml")), &yaml)?;
        titles.push((id.clone(), title));
    }
    let today = date(TODAY);
    for n in 0..spec.notices {
        let notice = Notice::new(&mut rng, n, today, &ids, commune);
        let name = format!("{}.md", notice.slug);
        write(&dir.join("content/notices").join(&name), &notice.loaxa())?;
        if let Some(h) = hugo {
            write(&h.join("content/notices").join(&name), &notice.hugo())?;
        }
    }
    shapes::write_static(dir)?;
    if let Some(h) = hugo {
        hugo::write_theme(h, commune, &titles)?;
        shapes::write_static(h)?;
    }
    Ok(())
}

/// A province: `count` commune sites under `dir`, each its own seed so
/// figures (and ranks) differ.
pub fn write_province(spec: &Spec, dir: &Path, count: usize) -> io::Result<()> {
    for k in 0..count {
        let commune = campaigns::commune_name(k);
        let site = dir.join(loaxa::vi::slugify(&commune));
        let spec = Spec {
            seed: spec.seed + k as u64 * 7919,
            ..spec.clone()
        };
        write_site(&spec, &site, &commune, None)?;
    }
    Ok(())
}

/// The first commune's name, for a single site.
pub fn commune_name(k: usize) -> String {
    campaigns::commune_name(k)
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

/// Knuth's MMIX LCG: plain, fast, and the same on every machine.
pub struct Lcg(u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `lo..hi` (hi excluded).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    pub fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.range(0, words.len() as u64) as usize]
    }
}
