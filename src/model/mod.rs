//! The typed, checked site.
