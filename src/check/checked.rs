//! Every source file read and checked on its own, kept by path: its text,
//! what it gave and what was wrong with it. A whole build fills it once; the
//! preview keeps it between saves and reads and checks again only the files
//! that changed, so a save in a 10,000-notice site parses one file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::cross::cross_check;
use super::files::{campaign_id, read_yaml_file, with_checker};
use super::{campaign, notice, reader, site};
use crate::diagnostic::Diagnostics;
use crate::model::{Campaign, Notice, Page, Site, SiteConfig};
use crate::source::files::{self, Group, SITE_FILE};
use crate::source::{SourceFile, Sources, group_of};

/// The checked source files of one site.
#[derive(Debug, Default)]
pub struct Checked {
    files: BTreeMap<PathBuf, FileCheck>,
    /// A build's check: a notice's text and body are not kept (see
    /// [`Checked::load_lean`]).
    lean: bool,
    /// App ids `site.yaml` declares, even when it has errors: a campaign
    /// naming one is then not reported as well.
    declared_apps: Vec<String>,
}

/// One file: its text (none when unreadable), its own problems, and what it
/// gave when it had no error.
#[derive(Debug)]
struct FileCheck {
    group: Group,
    text: Option<String>,
    diags: Diagnostics,
    value: Option<Value>,
}

/// Boxed: a map of 100,000 files holds one per file, and the largest
/// inline (a campaign, 272 bytes) made every entry that size.
#[derive(Debug)]
enum Value {
    Site(Box<SiteConfig>),
    Campaign(Box<Campaign>),
    Notice(Arc<Notice>),
    Page(Box<Page>),
}

impl Checked {
    /// Reads and checks every source file under `root`, in parallel,
    /// keeping every text and body (the preview renders again from them).
    pub fn load(root: &Path) -> Checked {
        let mut checked = Checked::default();
        checked.recheck(root, &files::list(root));
        checked
    }

    /// Like [`Checked::load`] for a build, which renders each page once: a
    /// notice's body is left in its file (read again for its page) and its
    /// text is kept only when something may point at its lines (its own
    /// problems, the sample notice's words); a diagnostic found later reads
    /// its file again. Memory then grows with what lists show of a notice,
    /// not with its text.
    pub fn load_lean(root: &Path) -> Checked {
        let mut checked = Checked {
            lean: true,
            ..Checked::default()
        };
        checked.recheck(root, &files::list(root));
        checked
    }

    /// Checks files already read (their reading problems are the caller's).
    pub fn of_sources(sources: &Sources) -> Checked {
        let checks: Vec<(PathBuf, FileCheck)> = sources
            .all()
            .collect::<Vec<_>>()
            .par_iter()
            .filter_map(|file| {
                let group = group_of(&file.path)?;
                let (diags, value) = check(file, group, false);
                let text = Some(file.text.clone());
                let check = FileCheck {
                    group,
                    text,
                    diags,
                    value,
                };
                Some((file.path.clone(), check))
            })
            .collect();
        let mut checked = Checked::default();
        checked.store(checks, sources.site.as_ref().map(|f| f.text.as_str()));
        checked
    }

    /// Reads and checks again the files at these paths (relative to
    /// `root`): changed, added or deleted. Paths that are not source files
    /// are ignored.
    pub fn recheck(&mut self, root: &Path, paths: &[PathBuf]) {
        let checks: Vec<(PathBuf, Option<FileCheck>)> = paths
            .par_iter()
            .filter_map(|path| {
                let group = group_of(path)?;
                Some((path.clone(), read_and_check(root, path, group, self.lean)))
            })
            .collect();
        let site_text = self
            .files
            .get(Path::new(SITE_FILE))
            .and_then(|f| f.text.clone());
        let mut site_changed = None;
        let mut present = Vec::new();
        for (path, check) in checks {
            self.files.remove(&path);
            if path == Path::new(SITE_FILE) {
                site_changed = Some(check.as_ref().and_then(|c| c.text.clone()));
            }
            if let Some(check) = check {
                present.push((path, check));
            }
        }
        let site_text = site_changed.unwrap_or(site_text);
        self.store(present, site_text.as_deref());
        self.files
            .entry(PathBuf::from(SITE_FILE))
            .or_insert_with(|| {
                let mut diags = Diagnostics::default();
                diags.push(files::missing_site_file());
                FileCheck {
                    group: Group::Site,
                    text: None,
                    diags,
                    value: None,
                }
            });
    }

    fn store(&mut self, checks: Vec<(PathBuf, FileCheck)>, site_text: Option<&str>) {
        self.files.extend(checks);
        self.declared_apps = site_text.map(declared_apps).unwrap_or_default();
    }

    /// The site, when no file has an error; every problem goes to `diags`:
    /// each file's own, and those between files (a notice naming a campaign
    /// that does not exist).
    pub fn site(&self, diags: &mut Diagnostics) -> Option<Site> {
        let (mut config, mut campaigns, mut notices, mut pages) = (None, vec![], vec![], vec![]);
        for check in self.files.values() {
            if !check.diags.is_empty() {
                diags.extend(check.diags.clone());
            }
            match &check.value {
                Some(Value::Site(c)) => config = Some(SiteConfig::clone(c)),
                Some(Value::Campaign(c)) => campaigns.push(Campaign::clone(c)),
                Some(Value::Notice(n)) => notices.push(Arc::clone(n)),
                Some(Value::Page(p)) => pages.push(Page::clone(p)),
                None => {}
            }
        }
        let mut site = Site {
            config: config?,
            campaigns,
            notices,
            pages,
        };
        cross_check(
            &site.config,
            &site.campaigns,
            &site.notices,
            &self.declared_apps,
            &self.declared_campaigns(),
            diags,
        );
        site.notices
            .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        site.pages.sort_by(|a, b| {
            (a.order.unwrap_or(i64::MAX), &a.title).cmp(&(b.order.unwrap_or(i64::MAX), &b.title))
        });
        (!diags.has_errors()).then_some(site)
    }

    /// Every campaign that could be read, even when some file has an error:
    /// the checks on their figures still run, so one run reports everything.
    pub fn campaigns(&self) -> Vec<Campaign> {
        let mut campaigns: Vec<Campaign> = self
            .files
            .values()
            .filter_map(|check| match &check.value {
                Some(Value::Campaign(c)) => Some(Campaign::clone(c)),
                _ => None,
            })
            .collect();
        campaigns.sort_by(|a, b| a.id.cmp(&b.id));
        campaigns
    }

    /// Every campaign id a file declares, including files that could not be
    /// read or checked: a notice naming one is not reported on top of the
    /// error in the campaign's own file.
    fn declared_campaigns(&self) -> Vec<String> {
        self.files
            .iter()
            .filter(|(_, check)| check.group == Group::Campaign)
            .filter_map(|(path, _)| path.file_stem())
            .map(|stem| stem.to_string_lossy().into_owned())
            .filter(|stem| reader::is_slug(stem))
            .collect()
    }

    /// Whether any source file was read from under `dir`.
    pub fn has_files_under(&self, dir: &Path) -> bool {
        self.files
            .range(dir.to_path_buf()..)
            .next()
            .is_some_and(|(path, _)| path.starts_with(dir))
    }

    /// Lets go of every file whose text was not kept (a lean load's
    /// notices: the site holds their model, their problems were reported):
    /// a build done checking needs only the texts under its diagnostics,
    /// and at 100,000 notices these entries were ~25 MB.
    pub fn keep_only_texts(&mut self) {
        self.files.retain(|_, check| check.text.is_some());
    }

    /// The text of a source file, for the lines under its diagnostics.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.files.get(path)?.text.as_deref()
    }
}

/// Reads and checks one file; `None` when it is no longer there. `lean`:
/// see [`Checked::load_lean`].
fn read_and_check(root: &Path, path: &Path, group: Group, lean: bool) -> Option<FileCheck> {
    if !root.join(path).is_file() {
        return None;
    }
    let mut diags = Diagnostics::default();
    let Some(file) = files::read_one(root, path, &mut diags) else {
        return Some(FileCheck {
            group,
            text: None,
            diags,
            value: None,
        });
    };
    let (own, value) = check(&file, group, !lean);
    diags.extend(own);
    let pointed_at = || !diags.is_empty() || crate::scaffold::leftovers::may_be_sample(&file.text);
    let keep = !lean || group != Group::Notice || pointed_at();
    Some(FileCheck {
        group,
        text: keep.then_some(file.text),
        diags,
        value,
    })
}

/// Checks one file read, as the group its path puts it in: its problems,
/// and what it gave when it had none.
fn check(file: &SourceFile, group: Group, hold_body: bool) -> (Diagnostics, Option<Value>) {
    let mut diags = Diagnostics::default();
    let value = match group {
        Group::Site => {
            read_yaml_file(file, &mut diags, site::read_site).map(|c| Value::Site(Box::new(c)))
        }
        Group::Campaign => campaign_id(file, &mut diags).and_then(|id| {
            read_yaml_file(file, &mut diags, |ck, node| {
                campaign::read_campaign(ck, id, node)
            })
            .map(|c| Value::Campaign(Box::new(c)))
        }),
        Group::Notice => with_checker(file, &mut diags, |ck| {
            notice::read_notice(ck, file, hold_body)
        })
        .map(|n| Value::Notice(Arc::new(n))),
        Group::Page => with_checker(file, &mut diags, |ck| notice::read_page(ck, file))
            .map(|p| Value::Page(Box::new(p))),
    };
    (diags, value)
}

/// The app ids under `apps:` in site.yaml's text, however wrong the rest is.
fn declared_apps(text: &str) -> Vec<String> {
    use crate::source::yaml;
    yaml::parse(text, 0)
        .ok()
        .and_then(|root| match root.value {
            yaml::Value::Map(entries) => entries
                .iter()
                .find(|(key, _)| key.name == "apps")
                .map(|(_, node)| reader::declared_ids(node)),
            _ => None,
        })
        .unwrap_or_default()
}
