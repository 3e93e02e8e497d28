//! Reading site files: YAML with positions, front matter, the file walk.

pub mod edit;
pub mod files;
pub mod inside;
pub mod yaml;

pub use files::{
    FrontMatter, Group, SourceFile, Sources, group_of, read_sources, split_front_matter,
};
