//! FORMAT.md's status model over a grid: the day (before the start, the
//! start, mid-campaign, the deadline day, after it) × the figures (none,
//! one, two behind, two on track, reached) × how progress is reported
//! (count, percent, remaining with and without a population). Every
//! expected value below was worked out by hand from the numbers in the
//! comments, not by the code under test.
//!
//! The campaign runs 1/5/2026 – 31/5/2026. Population 1.000, target 50 %
//! (500 people, 50 points); a `remaining` series without a population aims
//! at 0 remaining (target 100 %).

use chrono::NaiveDate;

use loaxa::derive::{self, Progress, Quantity, Status};
use loaxa::model::{Figure, Indicator, Reading, Target};
use loaxa::source::yaml::Pos;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

const START: (u32, u32) = (5, 1);
const DEADLINE: (u32, u32) = (5, 31);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Way {
    Count,
    Percent,
    RemainingWithPopulation,
    RemainingAlone,
}

#[derive(Clone, Copy, Debug)]
enum Figures {
    None,
    /// One figure, 15/4 (before the start).
    One,
    /// 5/5 and 15/5, too slow.
    Behind,
    /// 5/5 and 15/5, fast enough.
    OnTrack,
    /// 5/5 and 15/5, the target met.
    Reached,
}

/// The values reported, in the way's own terms, oldest first.
fn values(way: Way, figures: Figures) -> Vec<(NaiveDate, f64)> {
    // count:      100 → 200 (behind) / 300 (on track) / 500 (reached)
    // percent:     10 →  20          /  30             /  50
    // remaining (population 1.000): 900 → 800 / 700 / 500
    // remaining alone:              900 → 800 / 400 / 0
    let (first, behind, on_track, reached) = match way {
        Way::Count => (100.0, 200.0, 300.0, 500.0),
        Way::Percent => (10.0, 20.0, 30.0, 50.0),
        Way::RemainingWithPopulation => (900.0, 800.0, 700.0, 500.0),
        Way::RemainingAlone => (900.0, 800.0, 400.0, 0.0),
    };
    match figures {
        Figures::None => vec![],
        Figures::One => vec![(d(4, 15), first)],
        Figures::Behind => vec![(d(5, 5), first), (d(5, 15), behind)],
        Figures::OnTrack => vec![(d(5, 5), first), (d(5, 15), on_track)],
        Figures::Reached => vec![(d(5, 5), first), (d(5, 15), reached)],
    }
}

fn indicator(way: Way, figures: Figures) -> Indicator {
    let population = (!matches!(way, Way::Percent | Way::RemainingAlone)).then_some(1000);
    let percent = if way == Way::RemainingAlone {
        100.0
    } else {
        50.0
    };
    Indicator {
        id: "x".into(),
        label: "x".into(),
        remaining_label: None,
        unit: None,
        population,
        target: Some(Target {
            percent: Some(percent),
            count: None,
            by: None,
            pos: Pos::default(),
        }),
        figures: values(way, figures)
            .into_iter()
            .map(|(date, v)| Figure {
                date,
                reading: match way {
                    Way::Count => Reading::Count(v as u64),
                    Way::Percent => Reading::Percent(v),
                    Way::RemainingWithPopulation | Way::RemainingAlone => {
                        Reading::Remaining(v as u64)
                    }
                },
                stated_percent: None,
                population,
                rank: None,
                source: None,
                approximate: false,
                pos: Pos::default(),
            })
            .collect(),
        breakdown: vec![],
    }
}

fn progress(way: Way, figures: Figures, today: NaiveDate) -> Progress {
    derive::progress(
        &indicator(way, figures),
        Some(d(START.0, START.1)),
        Some(d(DEADLINE.0, DEADLINE.1)),
        today,
    )
}

/// What is still needed after the latest figure, by hand.
fn needed(way: Way, figures: Figures) -> Option<Quantity> {
    use Quantity::{People, Points};
    Some(match (way, figures) {
        (_, Figures::None) => return None,
        (Way::Percent, Figures::One) => Points(40.0),
        (Way::Percent, Figures::Behind) => Points(30.0),
        (Way::Percent, Figures::OnTrack) => Points(20.0),
        (Way::Percent, Figures::Reached) => Points(0.0),
        (Way::RemainingAlone, Figures::One) => People(900),
        (Way::RemainingAlone, Figures::Behind) => People(800),
        (Way::RemainingAlone, Figures::OnTrack) => People(400),
        (Way::RemainingAlone, Figures::Reached) => People(0),
        // 500 − 100, 500 − 200, 500 − 300, 500 − 500 (remaining 900 is 100 done).
        (_, Figures::One) => People(400),
        (_, Figures::Behind) => People(300),
        (_, Figures::OnTrack) => People(200),
        (_, Figures::Reached) => People(0),
    })
}

/// The pace over 5/5 → 15/5 (10 days), by hand.
fn pace(way: Way, figures: Figures) -> Option<f64> {
    Some(match (way, figures) {
        (Way::Percent, Figures::Behind) => 1.0,  // 10 → 20 points
        (Way::Percent, Figures::OnTrack) => 2.0, // 10 → 30
        (Way::RemainingAlone, Figures::Behind) => 10.0, // 900 → 800
        (Way::RemainingAlone, Figures::OnTrack) => 50.0, // 900 → 400
        (_, Figures::Behind) => 10.0,            // 100 → 200 people
        (_, Figures::OnTrack) => 20.0,           // 100 → 300
        _ => return None,
    })
}

/// The projected day, by hand: 15/5 + needed ÷ pace.
fn projected(way: Way, figures: Figures) -> Option<NaiveDate> {
    Some(match (way, figures) {
        // 800 ÷ 10 = 80 days after 15/5: 16 to 31/5, 30 in June, 31 in July, 3/8.
        (Way::RemainingAlone, Figures::Behind) => d(8, 3),
        // 400 ÷ 50 = 8 days.
        (Way::RemainingAlone, Figures::OnTrack) => d(5, 23),
        // 300 ÷ 10 = 30 points ÷ 1 = 30 days: 16/5 … 14/6.
        (_, Figures::Behind) => d(6, 14),
        // 200 ÷ 20 = 20 ÷ 2 = 10 days.
        (_, Figures::OnTrack) => d(5, 25),
        _ => return None,
    })
}

const WAYS: [Way; 4] = [
    Way::Count,
    Way::Percent,
    Way::RemainingWithPopulation,
    Way::RemainingAlone,
];

/// (day, figures, status, days left) — the same for every way of reporting.
fn grid() -> Vec<(NaiveDate, Figures, Status, i64)> {
    use Status::{EndedNotReached, NoFigures, NotEnoughData, NotStarted};
    let before = d(4, 20); // 41 days before 31/5
    let start = d(5, 1); // 30
    let mid = d(5, 20); // 11
    let deadline = d(5, 31); // 0
    let after = d(6, 10); // −10
    vec![
        (before, Figures::None, NotStarted, 41),
        (before, Figures::One, NotStarted, 41),
        (start, Figures::None, NoFigures, 30),
        (start, Figures::One, NotEnoughData, 30),
        (mid, Figures::None, NoFigures, 11),
        (mid, Figures::One, NotEnoughData, 11),
        (mid, Figures::Behind, Status::Behind, 11),
        (mid, Figures::OnTrack, Status::OnTrack, 11),
        (mid, Figures::Reached, Status::Reached, 11),
        // The deadline day is an ordinary day of the campaign.
        (deadline, Figures::None, NoFigures, 0),
        (deadline, Figures::One, NotEnoughData, 0),
        (deadline, Figures::Behind, Status::Behind, 0),
        (deadline, Figures::OnTrack, Status::OnTrack, 0),
        (deadline, Figures::Reached, Status::Reached, 0),
        (after, Figures::None, NoFigures, -10),
        (after, Figures::One, EndedNotReached, -10),
        (after, Figures::Behind, EndedNotReached, -10),
        (after, Figures::OnTrack, EndedNotReached, -10),
        (after, Figures::Reached, Status::Reached, -10),
    ]
}

#[test]
fn every_status_on_every_day_for_every_way_of_reporting() {
    for way in WAYS {
        for (today, figures, status, days_left) in grid() {
            let p = progress(way, figures, today);
            let case = format!("{way:?}, {figures:?}, on {today}");
            assert_eq!(p.status, status, "{case}");
            assert_eq!(p.days_left, Some(days_left), "{case}");
            assert_eq!(p.needed, needed(way, figures), "{case}");
            let trend = matches!(status, Status::OnTrack | Status::Behind);
            assert_eq!(p.pace, pace(way, figures).filter(|_| trend), "{case}");
            assert_eq!(
                p.projected,
                projected(way, figures).filter(|_| trend),
                "{case}"
            );
            // Pace needed: from today, while there is time (or on the last day).
            let open = matches!(
                status,
                Status::NotStarted | Status::NotEnoughData | Status::OnTrack | Status::Behind
            );
            let expected = needed(way, figures)
                .filter(|_| open)
                .map(|n| n.value() / days_left.max(1) as f64);
            match (p.pace_needed, expected) {
                (Some(x), Some(e)) => assert!((x - e).abs() < 1e-9, "{case}: {x} vs {e}"),
                (x, e) => assert_eq!(x, e, "{case}"),
            }
        }
    }
}

#[test]
fn a_remaining_series_alone_is_measured_from_its_first_figure() {
    // 900 → 800: 100 reached since 5/5, 1/9 of the way to 0.
    let p = progress(Way::RemainingAlone, Figures::Behind, d(5, 20));
    assert_eq!(p.done_since_baseline, Some(100));
    assert_eq!(p.baseline.map(|b| b.date), Some(d(5, 5)));
    assert!((p.share.unwrap() - 100.0 / 900.0).abs() < 1e-12);
    // One figure: nothing to measure from, so no share at all — never "0 %".
    let one = progress(Way::RemainingAlone, Figures::One, d(5, 20));
    assert_eq!((one.share, one.done_since_baseline), (None, None));
}

#[test]
fn the_share_of_the_target_is_the_latest_against_it() {
    // 200 of 500; 20 of 50 points; 1.000 − 800 = 200 of 500.
    for way in [Way::Count, Way::Percent, Way::RemainingWithPopulation] {
        let p = progress(way, Figures::Behind, d(5, 20));
        assert!((p.share.unwrap() - 0.4).abs() < 1e-12, "{way:?}");
    }
}

#[test]
fn no_target_is_its_own_status() {
    let mut i = indicator(Way::Count, Figures::OnTrack);
    i.target = None;
    let p = derive::progress(&i, None, Some(d(5, 31)), d(5, 20));
    assert_eq!(p.status, Status::NoTarget);
    assert_eq!((p.needed, p.projected, p.share), (None, None, None));
}

#[test]
fn a_target_without_any_date_is_in_progress_with_a_projection() {
    let p = derive::progress(
        &indicator(Way::Count, Figures::Behind),
        None,
        None,
        d(5, 20),
    );
    assert_eq!(p.status, Status::InProgress);
    assert_eq!(p.projected, Some(d(6, 14)));
    assert_eq!((p.days_left, p.pace_needed), (None, None));
}

#[test]
fn a_rate_against_a_count_without_population_cannot_be_compared() {
    let mut i = indicator(Way::Percent, Figures::Behind);
    i.target = Some(Target {
        percent: None,
        count: Some(500),
        by: None,
        pos: Pos::default(),
    });
    let p = derive::progress(&i, None, Some(d(5, 31)), d(5, 20));
    assert_eq!(p.status, Status::Incomparable);
}

/// Chợ Đồn's VNeID figures (2025), the deadline 18/8/2025: on the deadline
/// day the pace over the last four figures (7/8: 1.460 → 18/8: 2.835, 125 a
/// day) needs 165 ÷ 125 = 1,32 → 2 days: 20/8, after the deadline: behind.
/// The day after, the campaign has ended 165 short, with no projection.
#[test]
fn cho_don_on_and_after_its_deadline() {
    let date = |m, day| NaiveDate::from_ymd_opt(2025, m, day).expect("date");
    let figures = [
        (date(7, 31), 410),
        (date(8, 4), 980),
        (date(8, 7), 1460),
        (date(8, 11), 1975),
        (date(8, 14), 2390),
        (date(8, 18), 2835),
    ];
    let i = Indicator {
        id: "vneid".into(),
        label: "x".into(),
        remaining_label: None,
        unit: None,
        population: Some(4000),
        target: Some(Target {
            percent: None,
            count: Some(3000),
            by: None,
            pos: Pos::default(),
        }),
        figures: figures
            .iter()
            .map(|(date, n)| Figure {
                date: *date,
                reading: Reading::Count(*n),
                stated_percent: None,
                population: Some(4000),
                rank: None,
                source: None,
                approximate: false,
                pos: Pos::default(),
            })
            .collect(),
        breakdown: vec![],
    };
    let on_the_day = derive::progress(&i, Some(date(7, 28)), Some(date(8, 18)), date(8, 18));
    assert_eq!(on_the_day.status, Status::Behind);
    assert_eq!(on_the_day.pace, Some(125.0));
    assert_eq!(on_the_day.projected, Some(date(8, 20)));
    assert_eq!(on_the_day.pace_needed, Some(165.0));
    let later = derive::progress(&i, Some(date(7, 28)), Some(date(8, 18)), date(11, 29));
    assert_eq!(later.status, Status::EndedNotReached);
    assert_eq!(later.needed, Some(Quantity::People(165)));
    assert_eq!((later.projected, later.pace), (None, None));
}
