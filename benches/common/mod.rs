//! What the benchmarks share.

#[path = "../../examples/synth/synthetic/mod.rs"]
pub mod synthetic;

/// A synthetic site of `notices` notices and 20 campaigns (examples/synth,
/// deterministic), made once per run.
pub fn synth_site(notices: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = synthetic::Spec {
        notices,
        campaigns: 20,
        seed: 1,
    };
    synthetic::write_site(&spec, dir.path(), &synthetic::commune_name(0), None)
        .expect("write the synthetic site");
    dir
}
