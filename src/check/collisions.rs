//! No two pages may write the same URL: a free page named like a built-in
//! page, two notices whose names fold to the same slug… The URLs themselves
//! are render's business (`render::routes::claims`); this only compares them.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::reader::Checker;
use crate::diagnostic::{Diagnostics, escape_controls};
use crate::messages::{FileProblem, OtherClaim};
use crate::source::yaml::Pos;

/// Who wants a URL: one of the site's own pages, or a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim<'a> {
    BuiltIn,
    File(&'a Path),
}

impl Claim<'_> {
    fn named(&self) -> OtherClaim {
        match self {
            Claim::BuiltIn => OtherClaim::BuiltIn,
            Claim::File(path) => OtherClaim::File(escape_controls(&path.to_string_lossy())),
        }
    }
}

/// Reports every URL claimed more than once, at each source file that claims it.
pub fn check_collisions<'a>(
    claims: impl IntoIterator<Item = (String, Claim<'a>)>,
    diags: &mut Diagnostics,
) {
    // Hashed, with a list only where there is a clash: a 10,000-notice
    // site is checked on every rebuild of the preview.
    let claims = claims.into_iter();
    let mut first: foldhash::HashMap<String, Claim> =
        foldhash::HashMap::with_capacity_and_hasher(claims.size_hint().0, Default::default());
    let mut clashes: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    for (url, who) in claims {
        match first.get(&url) {
            Some(earlier) => clashes
                .entry(url)
                .or_insert_with(|| vec![*earlier])
                .push(who),
            None => {
                first.insert(url, who);
            }
        }
    }
    for (url, claimants) in clashes {
        for claimant in &claimants {
            let Claim::File(file) = claimant else {
                continue;
            };
            let others = claimants
                .iter()
                .filter(|o| *o != claimant)
                .map(Claim::named)
                .collect();
            let mut ck = Checker { file, diags };
            ck.error(
                Pos::default(),
                FileProblem::DuplicateUrl {
                    url: url.clone(),
                    others,
                },
            );
        }
    }
}
