//! `loaxa new figure`'s editor on any campaign text: it must never panic,
//! and a file it writes must read back, with the new figure at the line it
//! names. The first line of the input is the indicator id; the rest is the
//! file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loaxa::source::edit::{Amount, NewFigure, add_figure};
use loaxa::source::yaml;

fuzz_target!(|input: (&str, u16, u32, u8, bool, Option<&str>)| {
    let (text, day, value, kind, approximate, source) = input;
    let (indicator, file) = text.split_once('\n').unwrap_or(("adults", text));
    let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day % 3000))))
    else {
        return;
    };
    let amount = match kind % 3 {
        0 => Amount::Count(u64::from(value)),
        1 => Amount::Percent(f64::from(value % 10_001) / 100.0),
        _ => Amount::Remaining(u64::from(value)),
    };
    let mut figure = NewFigure::new(date, amount);
    figure.approximate = approximate;
    figure.source = source.map(str::to_string);
    if let Ok(edited) = add_figure(file, indicator, &figure) {
        let normalized = edited
            .text
            .trim_start_matches('\u{feff}')
            .replace("\r\n", "\n");
        assert!(yaml::parse(&normalized, 0).is_ok(), "wrote a file that does not read back");
        let line = normalized.lines().nth(edited.line.saturating_sub(1)).unwrap_or("");
        assert!(line.contains(&date.to_string()), "the figure is not at line {}", edited.line);
    }
});
