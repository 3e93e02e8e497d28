//! Reading site files: YAML with positions, front matter, the file walk.
