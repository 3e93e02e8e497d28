//! Placeholder so the bench target exists; the benchmark suite replaces it.
fn main() {}
