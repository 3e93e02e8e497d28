//! The typed site: what a commune's files say, once checked (see
//! `check`). Types only: nothing here reads a file or writes a message.

pub mod campaign;
pub mod notice;
pub mod site;

use std::sync::Arc;

pub use campaign::{
    Breakdown, BreakdownRow, Campaign, Figure, Indicator, Phase, Rank, Reading, Reporting,
    Schedule, Stated, Target,
};
pub use notice::{Attachment, Body, Notice, Page, PictureRef, Signer};
pub use site::{App, Contact, Hotline, Portal, SiteConfig};

/// A whole site, checked.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// Sorted by id.
    pub campaigns: Vec<Campaign>,
    /// Newest first (by date signed, then slug), drafts included.
    pub notices: Vec<Arc<Notice>>,
    /// By `order`, then title.
    pub pages: Vec<Page>,
}
