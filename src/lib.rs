//! loaxa: a static-site generator for a commune's public-information campaigns.
//!
//! The pipeline runs one way: `source` reads files keeping positions, `model`
//! checks them into typed values, `derive` computes what the numbers mean,
//! `render` turns the site into an in-memory map of pages, `output` swaps it
//! into place atomically.

pub mod charts;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod derive;
pub mod diagnostic;
pub mod markdown;
pub mod markup;
pub mod messages;
pub mod model;
pub mod opendata;
pub mod output;
pub mod pipeline;
pub mod province;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod source;
pub mod stopwatch;
pub mod utf8;
pub mod vi;
