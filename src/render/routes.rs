//! The URL of every page, decided in one place, and the check that no two
//! pages would write the same URL.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::Site;

pub const NOTICES: &str = "van-ban/";
pub const APPS: &str = "ung-dung/";
pub const CONTACTS: &str = "lien-he/";
pub const CAMPAIGNS: &str = "chien-dich/";

pub fn campaign(id: &str) -> String {
    format!("{CAMPAIGNS}{id}/")
}

pub fn notice(slug: &str) -> String {
    format!("{NOTICES}{slug}/")
}

pub fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// The output file of a page path: `van-ban/` → `van-ban/index.html`.
pub fn file_of(path: &str) -> String {
    format!("{path}index.html")
}

/// From a page path back to the site root: `chien-dich/x/` → `../../`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Reports every URL claimed by more than one source file (a free page named
/// like a built-in page, two notices whose names fold to the same slug…).
pub fn check_collisions(site: &Site, include_drafts: bool, diags: &mut Diagnostics) {
    let builtin = PathBuf::from("(loaxa)");
    let mut claims: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for path in ["", NOTICES, APPS, CONTACTS, CAMPAIGNS] {
        claims
            .entry(path.to_string())
            .or_default()
            .push(builtin.clone());
    }
    for c in &site.campaigns {
        claims
            .entry(campaign(&c.id))
            .or_default()
            .push(c.file.clone());
    }
    for n in site.notices.iter().filter(|n| include_drafts || !n.draft) {
        claims
            .entry(notice(&n.slug))
            .or_default()
            .push(n.file.clone());
    }
    for p in &site.pages {
        claims
            .entry(page(&p.slug))
            .or_default()
            .push(p.file.clone());
    }
    for (url, files) in claims.into_iter().filter(|(_, f)| f.len() > 1) {
        for file in files.iter().filter(|f| **f != builtin) {
            let others: Vec<String> = files
                .iter()
                .filter(|o| *o != file)
                .map(|o| o.display().to_string())
                .collect();
            diags.push(Diagnostic {
                file: file.clone(),
                line: 0,
                column: 0,
                severity: Severity::Error,
                code: "duplicate-url",
                message: Text::new(
                    format!(
                        "Trang này sẽ ghi đè địa chỉ /{url} của {}",
                        others.join(", ")
                    ),
                    format!(
                        "This page would write the same URL /{url} as {}",
                        others.join(", ")
                    ),
                ),
                hint: Some(Text::new(
                    "đổi tên tệp để mỗi trang có một địa chỉ riêng",
                    "rename the file so each page has its own URL",
                )),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_climb_back_to_the_site_root() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("van-ban/"), "../");
        assert_eq!(root_of(&campaign("i-hatinh")), "../../");
        assert_eq!(file_of(&notice("a")), "van-ban/a/index.html");
    }
}
