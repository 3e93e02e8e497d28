//! What every page, image and data file is built from: the checked site,
//! what was derived from it today, and how the build was asked to run.

use chrono::NaiveDate;

use crate::derive::{CampaignFacts, Derived};
use crate::markdown::PictureSizes;
use crate::model::{Campaign, Notice, Site};
use crate::vi::Lang;

pub struct Ctx<'a> {
    pub site: &'a Site,
    /// Rates, statuses, projections: computed once, read by every surface.
    pub derived: &'a Derived,
    pub lang: Lang,
    pub today: NaiveDate,
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    /// The pictures bodies show from `static/`, measured.
    pub pictures: &'a PictureSizes,
}

impl<'a> Ctx<'a> {
    pub fn visible_notices(&self) -> impl Iterator<Item = &'a Notice> {
        let drafts = self.drafts;
        self.site
            .notices
            .iter()
            .map(|n| &**n)
            .filter(move |n| drafts || !n.draft)
    }

    /// The derived facts of a campaign of this site.
    pub fn facts(&self, c: &Campaign) -> &'a CampaignFacts {
        self.derived
            .campaign(&c.id)
            .expect("every campaign of the site is derived (derive::site)")
    }
}
