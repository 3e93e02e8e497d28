//! Properties of the derived figures, over random indicators the checker
//! would accept: populations 1..10⁷, counts within their population, 0–20
//! figures on distinct dates, percent and count targets, deadlines. Whatever
//! the input, the numbers officials quote stay in range.

use chrono::{Duration, NaiveDate};
use proptest::collection::btree_set;
use proptest::prelude::*;

use loaxa::derive::{self, Status};
use loaxa::model::{Figure, Indicator, Reading, Target};
use loaxa::source::yaml::Pos;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).expect("date") + Duration::days(offset)
}

/// What a figure reports, before it is tied to a population.
#[derive(Debug, Clone)]
enum RawReading {
    /// A fraction of the figure's population (or a number when there is none).
    Count(f64),
    Percent(f64),
    Remaining(f64),
}

fn raw_reading() -> impl Strategy<Value = RawReading> {
    prop_oneof![
        4 => (0.0..=1.0f64).prop_map(RawReading::Count),
        1 => (0.0..=100.0f64).prop_map(RawReading::Percent),
        2 => (0.0..=1.0f64).prop_map(RawReading::Remaining),
        // The edges: nobody, everybody.
        1 => prop_oneof![Just(0.0), Just(1.0)].prop_map(RawReading::Count),
        1 => prop_oneof![Just(0.0), Just(100.0)].prop_map(RawReading::Percent),
    ]
}

/// A figure as the checker leaves it: `population` is the one in force on
/// its date (its own, else the indicator's), and a count or a remaining
/// number never exceeds it.
fn figure(
    date: NaiveDate,
    raw: &RawReading,
    indicator_population: Option<u64>,
    own_population: Option<u64>,
) -> Figure {
    let population = own_population.or(indicator_population);
    let scaled = |share: f64| match population {
        Some(p) => ((p as f64) * share).floor() as u64,
        None => (share * 10_000_000.0).floor() as u64,
    };
    let reading = match raw {
        RawReading::Count(share) => Reading::Count(scaled(*share)),
        RawReading::Percent(p) => Reading::Percent(*p),
        RawReading::Remaining(share) => Reading::Remaining(scaled(*share)),
    };
    Figure {
        date,
        reading,
        stated_percent: None,
        population,
        rank: None,
        source: None,
        approximate: false,
        pos: Pos::default(),
    }
}

/// A target: a percent, a count (within the population, as the checker
/// requires), or both; optionally its own date.
fn target(population: Option<u64>) -> impl Strategy<Value = Target> {
    let percent = prop_oneof![
        3 => (0.0..=100.0f64).prop_map(Some),
        1 => prop_oneof![Just(Some(100.0)), Just(Some(0.0)), Just(Some(30.0))],
        2 => Just(None),
    ];
    let count_share = prop_oneof![2 => (0.0..=1.0f64).prop_map(Some), 1 => Just(None)];
    let by = prop_oneof![(0i64..2500).prop_map(|d| Some(day(d))), Just(None)];
    (percent, count_share, by).prop_map(move |(percent, share, by)| {
        let count = share.map(|s| match population {
            Some(p) => ((p as f64) * s).floor() as u64,
            None => (s * 10_000_000.0).floor() as u64,
        });
        // At least one of percent and count, as the checker requires.
        let (percent, count) = match (percent, count) {
            (None, None) => (Some(50.0), None),
            other => other,
        };
        Target {
            percent,
            count,
            by,
            pos: Pos::default(),
        }
    })
}

#[derive(Debug, Clone)]
struct Case {
    indicator: Indicator,
    start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    today: NaiveDate,
}

impl Case {
    fn progress(&self) -> derive::Progress {
        derive::progress(&self.indicator, self.start, self.deadline, self.today)
    }
}

fn case() -> impl Strategy<Value = Case> {
    let population = prop_oneof![
        6 => (1u64..=10_000_000).prop_map(Some),
        1 => prop_oneof![Just(Some(1u64)), Just(Some(10_000_000u64))],
        2 => Just(None),
    ];
    population
        .prop_flat_map(|population| {
            let figures = btree_set(0i64..2000, 0..=20).prop_flat_map(move |dates| {
                let n = dates.len();
                (
                    Just(dates),
                    proptest::collection::vec(raw_reading(), n),
                    proptest::collection::vec(
                        prop_oneof![4 => Just(None), 1 => (1u64..=10_000_000).prop_map(Some)],
                        n,
                    ),
                )
            });
            (
                Just(population),
                figures,
                proptest::option::weighted(0.85, target(population)),
                proptest::option::of((0i64..2500).prop_map(day)),
                (0i64..2500).prop_map(day),
                proptest::option::of((0i64..2500).prop_map(day)),
            )
        })
        .prop_map(
            |(population, (dates, readings, overrides), target, deadline, today, start)| {
                let figures = dates
                    .iter()
                    .zip(&readings)
                    .zip(&overrides)
                    .map(|((d, raw), own)| figure(day(*d), raw, population, *own))
                    .collect();
                Case {
                    indicator: Indicator {
                        id: "adults".into(),
                        label: "Người dân từ 18 tuổi trở lên có tài khoản".into(),
                        remaining_label: None,
                        unit: None,
                        population,
                        target,
                        figures,
                        breakdown: Vec::new(),
                    },
                    start,
                    deadline,
                    today,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn resolved_figures_stay_in_range(case in case()) {
        for f in &case.indicator.figures {
            let r = derive::resolve(f);
            prop_assert_eq!(r.date, f.date);
            if let Some(p) = r.percent {
                prop_assert!(p.is_finite() && (0.0..=100.0).contains(&p), "rate {p} for {f:?}");
            }
            if let (Some(c), Some(n)) = (r.count, r.population) {
                prop_assert!(c <= n, "count {c} above population {n} for {f:?}");
            }
            if let (Some(c), Some(rem), Some(n)) = (r.count, r.remaining, r.population) {
                prop_assert_eq!(c + rem, n, "count and remaining do not add up for {:?}", f);
            }
        }
    }

    #[test]
    fn goals_stay_in_range(case in case()) {
        let Some(target) = &case.indicator.target else { return Ok(()); };
        let g = derive::goal(target, case.indicator.population, case.deadline);
        if let Some(p) = g.percent {
            prop_assert!(p.is_finite() && (0.0..=100.0).contains(&p), "goal rate {p}");
        }
        if let (Some(c), Some(n)) = (g.count, case.indicator.population) {
            prop_assert!(c <= n, "goal count {c} above population {n}");
        }
        prop_assert_eq!(g.by, target.by.or(case.deadline));
    }

    #[test]
    fn progress_is_always_sensible(case in case()) {
        let ind = &case.indicator;
        let p = case.progress();
        prop_assert_eq!(p.series.len(), ind.figures.len());
        for r in &p.series {
            if let Some(rate) = r.percent {
                prop_assert!(rate.is_finite() && (0.0..=100.0).contains(&rate), "rate {rate}");
            }
        }
        if let Some(needed) = p.needed {
            prop_assert!(needed.value().is_finite() && needed.value() >= 0.0, "needed {needed:?}");
        }
        if let Some(share) = p.share {
            prop_assert!(share.is_finite() && (0.0..=1.0).contains(&share), "share {share}");
        }
        if let Some(pace_needed) = p.pace_needed {
            prop_assert!(pace_needed.is_finite() && pace_needed >= 0.0, "pace needed {pace_needed}");
        }
        if let Some(pace) = p.pace {
            prop_assert!(pace.is_finite(), "pace {pace}");
        }
        let last = ind.figures.last().map(|f| f.date);
        if let Some(projected) = p.projected {
            let last = last.expect("a projection needs figures");
            prop_assert!(projected > last, "projected {projected} not after the last figure {last}");
        }
        if let (Some(by), Some(days)) = (p.goal.and_then(|g| g.by), p.days_left) {
            prop_assert_eq!(days, (by - case.today).num_days());
        }
        // Reached exactly when nothing is still needed.
        let before_start = case.start.is_some_and(|s| case.today < s);
        if !before_start {
            prop_assert_eq!(
                p.status == Status::Reached,
                p.needed.is_some_and(|n| n.is_zero()),
                "status {:?} with needed {:?}", p.status, p.needed
            );
        }
        if ind.figures.is_empty() && ind.target.is_some() {
            let expected = if before_start { Status::NotStarted } else { Status::NoFigures };
            prop_assert_eq!(p.status, expected);
            prop_assert_eq!(p.needed, None);
        }
        if ind.target.is_none() {
            prop_assert!(p.needed.is_none() && p.share.is_none() && p.projected.is_none());
        }
        // With a target and figures in people (a population to count in),
        // there is always a verdict on what is still needed.
        if ind.target.is_some() && !ind.figures.is_empty() && ind.population.is_some() {
            prop_assert!(p.needed.is_some(), "no `needed` for {:?}", ind);
        }
        // Reached means the share is full, and a projection is only made
        // for what is not reached yet.
        if p.status == Status::Reached {
            prop_assert_eq!(p.share, Some(1.0));
            prop_assert_eq!(p.projected, None);
        }
    }

    /// FORMAT.md's status model, as properties that hold on every input.
    #[test]
    fn statuses_keep_the_rules_of_format(case in case()) {
        let p = case.progress();
        let by = p.goal.and_then(|g| g.by);
        // "Ended" only after the deadline, never on it.
        if p.status == Status::EndedNotReached {
            let by = by.expect("ended needs a date");
            prop_assert!(case.today > by, "ended on {} with deadline {by}", case.today);
            prop_assert!(p.pace.is_none() && p.pace_needed.is_none() && p.projected.is_none());
        }
        // Not enough data never with two or more figures in the measure.
        if p.status == Status::NotEnoughData {
            let measured = p.series.iter().filter(|r| match p.measure {
                Some(derive::Measure::Count) => r.count.is_some(),
                Some(derive::Measure::Points) => r.percent.is_some(),
                Some(derive::Measure::Remaining) => r.remaining.is_some(),
                None => false,
            }).count();
            prop_assert!(measured < 2, "not enough data with {measured} figures");
        }
        // On track exactly when projected on or before the date.
        if p.status == Status::OnTrack {
            prop_assert!(p.projected.zip(by).is_some_and(|(d, by)| d <= by), "{p:?}");
        }
        if p.status == Status::Behind {
            prop_assert!(p.projected.zip(by).is_none_or(|(d, by)| d > by), "{p:?}");
        }
        // Pace needed counts from today, like days left.
        if let (Some(x), Some(days), Some(needed)) = (p.pace_needed, p.days_left, p.needed) {
            let expected = needed.value() / days.max(1) as f64;
            prop_assert!((x - expected).abs() <= 1e-9 * expected.max(1.0), "{x} vs {expected}");
            prop_assert!(days >= 0, "pace needed after the deadline");
        }
        // After the date, with something still needed, the verdict is "ended".
        if let (Some(by), Some(needed)) = (by, p.needed)
            && case.today > by && !needed.is_zero() && case.start.is_none_or(|s| case.today >= s)
        {
            prop_assert_eq!(p.status, Status::EndedNotReached);
        }
    }

    #[test]
    fn the_latest_figure_is_the_newest(case in case()) {
        let p = case.progress();
        prop_assert_eq!(p.latest.map(|r| r.date), case.indicator.figures.iter().map(|f| f.date).max());
    }
}

/// The Lộc Hà letter, as a fixed point among the random ones.
#[test]
fn loc_ha_needs_7469_more() {
    let population = Some(29226);
    let ind = Indicator {
        id: "adults".into(),
        label: "Người dân từ 18 tuổi trở lên có tài khoản".into(),
        remaining_label: None,
        unit: Some("tài khoản".into()),
        population,
        target: Some(Target {
            percent: Some(30.0),
            count: None,
            by: None,
            pos: Pos::default(),
        }),
        figures: vec![figure(
            NaiveDate::from_ymd_opt(2026, 5, 29).expect("date"),
            &RawReading::Count(1299.0 / 29226.0 + 1e-12),
            population,
            None,
        )],
        breakdown: Vec::new(),
    };
    assert_eq!(ind.figures[0].reading, Reading::Count(1299));
    let p = derive::progress(
        &ind,
        None,
        NaiveDate::from_ymd_opt(2026, 12, 31),
        NaiveDate::from_ymd_opt(2026, 6, 2).expect("date"),
    );
    assert_eq!(p.needed, Some(derive::Quantity::People(7469)));
    assert_eq!(p.status, Status::NotEnoughData);
}

/// The generator is not vacuous: it reaches every status, projections and
/// each way of measuring.
#[test]
fn the_generator_reaches_every_status() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut statuses = std::collections::BTreeSet::new();
    let mut measures = std::collections::BTreeSet::new();
    let mut projected = 0;
    for _ in 0..3000 {
        let case = case().new_tree(&mut runner).expect("a case").current();
        let p = case.progress();
        statuses.insert(p.status.code());
        if let Some(m) = p.measure {
            measures.insert(format!("{m:?}"));
        }
        projected += usize::from(p.projected.is_some());
    }
    assert_eq!(statuses.len(), Status::ALL.len(), "{statuses:?}");
    assert_eq!(measures.len(), 3, "{measures:?}");
    assert!(projected > 50, "{projected} projections");
}
