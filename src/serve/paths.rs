//! Where the preview's own files are served. Pages link them; `pages`
//! answers them.

/// The reload client and the panel's styles, served as files so the pages'
/// Content-Security-Policy (`script-src 'self'; style-src 'self'`) allows them.
pub const RELOAD_JS_PATH: &str = "/__loaxa/reload.js";
pub const OVERLAY_CSS_PATH: &str = "/__loaxa/overlay.css";
/// The panel alone (empty when there is nothing to say), for a tab whose
/// panel changed while its page did not.
pub const OVERLAY_PATH: &str = "/__loaxa/overlay";
