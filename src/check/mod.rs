//! Checks that need more than one file at a time or "today": run after the
//! site is read and its figures derived, adding to the same diagnostics.

pub mod figures;
