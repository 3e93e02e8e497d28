//! What the benchmarks share.

use std::process::Command;

/// A synthetic site of `notices` notices and 20 campaigns from
/// `loaxa-synth` (deterministic), made once per run.
pub fn synth_site(notices: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_loaxa-synth"))
        .args([
            "--notices",
            &notices.to_string(),
            "--campaigns",
            "20",
            "--out",
        ])
        .arg(dir.path())
        .status()
        .expect("run loaxa-synth");
    assert!(status.success(), "loaxa-synth failed");
    dir
}
