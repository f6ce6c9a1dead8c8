use super::*;
use crate::kpi::TierCoverage;
use crate::{Fen, Tier};

fn figures(commission_yuan: i64, complaints: u32, contacted: u32) -> KpiFigures {
    let mut f = KpiFigures::empty();
    f.net_commission = Fen::from_yuan(commission_yuan);
    f.open_complaints = complaints;
    f.coverage = vec![TierCoverage {
        tier: Tier::Gold,
        clients: 10,
        contacted,
    }];
    f
}

fn scheme(weights: &[(Measure, u32)]) -> AppraisalScheme {
    AppraisalScheme {
        applies_to: Appraised::Level("AM3".into()),
        weights: weights
            .iter()
            .map(|(measure, percent)| Weight {
                measure: *measure,
                percent: *percent,
            })
            .collect(),
    }
}

fn peers() -> Vec<(String, KpiFigures)> {
    vec![
        ("B1".into(), figures(30_000, 0, 10)),
        ("B2".into(), figures(20_000, 2, 5)),
        ("B3".into(), figures(10_000, 1, 5)),
    ]
}

#[test]
fn the_best_on_every_measure_scores_a_hundred_and_the_worst_nothing() {
    let s = scheme(&[
        (Measure::NetCommission, 50),
        (Measure::OpenComplaints, 30),
        (Measure::ContactCoverage, 20),
    ]);
    let cards = score(&peers(), &s);
    assert_eq!(cards[0].broker_id, "B1");
    assert_eq!(cards[0].total, 10_000);
    assert_eq!(cards[0].rank, 1);
    // B2: commission beats B3 (50 × 50), complaints worst (0), coverage ties B3 (20 × 25).
    let b2 = cards.iter().find(|c| c.broker_id == "B2").unwrap();
    assert_eq!(b2.total, 50 * 50 + 20 * 25);
    // B3: commission worst (0), complaints beats B2 (30 × 50), coverage ties B2 (20 × 25).
    let b3 = cards.iter().find(|c| c.broker_id == "B3").unwrap();
    assert_eq!(b3.total, 30 * 50 + 20 * 25);
    assert_eq!((b2.rank, b3.rank), (2, 3));
    let coverage = b2
        .parts
        .iter()
        .find(|p| p.measure == Measure::ContactCoverage)
        .unwrap();
    assert_eq!(coverage.figure, 5_000, "5 of 10 clients, per ten thousand");
}

#[test]
fn equal_totals_share_a_rank_and_a_lone_broker_tops_their_level() {
    let s = scheme(&[(Measure::NetCommission, 100)]);
    let tied = vec![
        ("B1".into(), figures(10_000, 0, 0)),
        ("B2".into(), figures(10_000, 0, 0)),
        ("B3".into(), figures(5_000, 0, 0)),
    ];
    let cards = score(&tied, &s);
    let ranks: Vec<(&str, u32)> = cards
        .iter()
        .map(|c| (c.broker_id.as_str(), c.rank))
        .collect();
    assert_eq!(ranks, [("B1", 1), ("B2", 1), ("B3", 3)]);
    let alone = score(&tied[..1], &s);
    assert_eq!(
        (alone[0].total, alone[0].rank, alone[0].peers),
        (10_000, 1, 1)
    );
}

#[test]
fn a_scheme_adds_up_to_a_hundred_without_repeats() {
    assert_eq!(
        AppraisalScheme::firm_default(Appraised::Class("CL-IA".into())).validate(),
        Ok(())
    );
    assert!(matches!(
        scheme(&[(Measure::NetCommission, 60)]).validate(),
        Err(AppraisalError::NotHundred { total: 60, .. })
    ));
    assert!(matches!(
        scheme(&[(Measure::NetCommission, 50), (Measure::NetCommission, 50)]).validate(),
        Err(AppraisalError::Repeated { .. })
    ));
}

proptest::proptest! {
    /// The sorted field gives every broker the standing a pass over each peer would.
    #[test]
    fn a_standing_is_what_counting_every_peer_gives(
        values in proptest::collection::vec(-5i64..5, 1..40),
        higher_is_better in proptest::bool::ANY,
    ) {
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let field = Field { sorted, higher_is_better };
        for (i, me) in values.iter().enumerate() {
            let others: Vec<i64> = values
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, v)| *v)
                .collect();
            let beaten = others
                .iter()
                .filter(|o| *o != me && ((*o < me) == higher_is_better))
                .count() as u64;
            let tied = others.iter().filter(|o| *o == me).count() as u64;
            let expected = if others.is_empty() {
                100
            } else {
                ((2 * beaten + tied) * 100 / (2 * others.len() as u64)) as u32
            };
            proptest::prop_assert_eq!(field.standing(*me), expected);
        }
    }
}

#[test]
fn satisfaction_is_the_month_s_average_and_a_month_without_a_visit_counts_as_middling() {
    let mut rated = KpiFigures::empty();
    rated.scored_visits = 3;
    rated.satisfaction_points = 5 + 5 + 3;
    assert_eq!(Measure::Satisfaction.figure(&rated), 43);
    assert_eq!(Measure::Satisfaction.figure(&KpiFigures::empty()), 30);
    let mut unhappy = KpiFigures::empty();
    unhappy.scored_visits = 1;
    unhappy.satisfaction_points = 1;
    assert_eq!(Measure::Satisfaction.figure(&unhappy), 10);
}
