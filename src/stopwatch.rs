//! How long each stage of a build or a preview save took, for measuring.

/// `LOAXA_TIMINGS=1` prints how long each stage of a build took, on stderr:
/// for measuring (BENCHMARKS.md), never in normal output.
pub struct Stopwatch(Option<std::time::Instant>);

impl Stopwatch {
    pub fn from_env() -> Stopwatch {
        let on = std::env::var_os("LOAXA_TIMINGS").is_some_and(|v| v != "0");
        Stopwatch(on.then(std::time::Instant::now))
    }

    pub fn lap(&mut self, stage: &str) {
        if let Some(start) = self.0 {
            eprintln!("{stage}: {:.5} s", start.elapsed().as_secs_f64());
            self.0 = Some(std::time::Instant::now());
        }
    }
}
