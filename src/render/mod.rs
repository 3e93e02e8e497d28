//! Rendering: routes, views, templates and charts into an in-memory map of
//! `path → bytes`.

pub mod views;
pub mod words;
