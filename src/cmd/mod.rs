//! One module per command, each a few dozen lines over the library.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod report;
pub mod rollup;
pub mod serve;

/// Exit statuses: success, content errors, usage errors.
pub const EXIT_OK: u8 = 0;
pub const EXIT_CONTENT: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// The language of messages: the one chosen (`--lang`, `LOAXA_LANG`), else
/// the site's.
pub fn lang_of(chosen: Option<crate::vi::Lang>, site: crate::vi::Lang) -> crate::vi::Lang {
    chosen.unwrap_or(site)
}
