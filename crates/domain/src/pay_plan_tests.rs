use super::*;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn pct(p: i64) -> Rate {
    Rate(p * 100_000)
}

/// 客户经理（三级）: ¥5,000 base, ¥3,000 threshold, 30 % up to ¥20,000 above it, 40 % beyond.
fn grade3() -> PayPlan {
    PayPlan {
        id: "PP-3".into(),
        name: "客户经理（三级）".into(),
        base_pay: Fen::from_yuan(5_000),
        monthly_threshold: Fen::from_yuan(3_000),
        bands: vec![
            ShareBand {
                from: Fen::ZERO,
                rate: pct(30),
            },
            ShareBand {
                from: Fen::from_yuan(20_000),
                rate: pct(40),
            },
        ],
        new_asset_bonus: Rate(2_000), // 0.02 %
    }
}

fn grade2() -> PayPlan {
    PayPlan {
        id: "PP-2".into(),
        name: "客户经理（二级）".into(),
        base_pay: Fen::from_yuan(8_000),
        monthly_threshold: Fen::from_yuan(6_000),
        bands: vec![ShareBand {
            from: Fen::ZERO,
            rate: pct(50),
        }],
        new_asset_bonus: Rate(2_000),
    }
}

fn only(plan: &PayPlan) -> Vec<PlanPeriod> {
    vec![PlanPeriod {
        plan_id: plan.id.clone(),
        effective_from: day(2020, 1, 1),
    }]
}

fn credit(d: NaiveDate, yuan: i64) -> DayCredit {
    DayCredit {
        day: d,
        credited: Fen::from_yuan(yuan),
        net_new_assets: Fen::ZERO,
    }
}

#[test]
fn below_the_threshold_only_the_base_is_paid() {
    let plan = grade3();
    let pay = month_pay(
        day(2026, 11, 1),
        std::slice::from_ref(&plan),
        &only(&plan),
        &[credit(day(2026, 11, 3), 2_999)],
        Fen::ZERO,
    )
    .unwrap();
    assert_eq!(pay.share, Fen::ZERO);
    assert_eq!(pay.total, Fen::from_yuan(5_000));
}

#[test]
fn the_share_is_progressive_above_the_threshold() {
    let plan = grade3();
    // ¥33,000 credited: ¥30,000 above the threshold = ¥20,000 at 30 % + ¥10,000 at 40 %.
    let days = [
        credit(day(2026, 11, 3), 13_000),
        credit(day(2026, 11, 20), 20_000),
    ];
    let pay = month_pay(
        day(2026, 11, 15),
        std::slice::from_ref(&plan),
        &only(&plan),
        &days,
        Fen::ZERO,
    )
    .unwrap();
    assert_eq!(pay.credited, Fen::from_yuan(33_000));
    assert_eq!(pay.share, Fen::from_yuan(6_000 + 4_000));
    // A clawback of ¥500 comes off the total.
    let pay = month_pay(
        day(2026, 11, 15),
        std::slice::from_ref(&plan),
        &only(&plan),
        &days,
        Fen::from_yuan(-500),
    )
    .unwrap();
    assert_eq!(pay.total, Fen::from_yuan(5_000 + 10_000 - 500));
    // Days of another month do not count.
    let pay = month_pay(
        day(2026, 10, 1),
        std::slice::from_ref(&plan),
        &only(&plan),
        &days,
        Fen::ZERO,
    )
    .unwrap();
    assert_eq!(pay.credited, Fen::ZERO);
}

#[test]
fn the_split_in_force_and_the_forecast() {
    let splits = [
        DevelopmentSplit {
            effective_from: day(2024, 1, 1),
            developer_share: pct(20),
        },
        DevelopmentSplit {
            effective_from: day(2026, 7, 1),
            developer_share: pct(30),
        },
    ];
    assert_eq!(
        DevelopmentSplit::in_force(&splits, day(2023, 12, 31)),
        Rate(0)
    );
    assert_eq!(
        DevelopmentSplit::in_force(&splits, day(2026, 6, 30)),
        pct(20)
    );
    assert_eq!(
        DevelopmentSplit::in_force(&splits, day(2026, 7, 1)),
        pct(30)
    );
    // ¥1,000 over 10 of 21 trading days points to ¥2,100.
    assert_eq!(
        forecast(Fen::from_yuan(1_000), 10, 21),
        Fen::from_yuan(2_100)
    );
    assert_eq!(
        forecast(Fen::from_yuan(1_000), 0, 21),
        Fen::from_yuan(1_000)
    );
}

#[test]
fn split_between_developing_and_serving_broker() {
    let share = pct(30);
    let net = Fen(1_959);
    assert_eq!(credited(net, CreditRole::Both, share, None), net);
    assert_eq!(credited(net, CreditRole::Developing, share, None), Fen(588));
    assert_eq!(credited(net, CreditRole::Serving, share, None), Fen(1_371));
}

#[test]
fn new_assets_earn_a_bonus_and_an_outflow_none() {
    let plan = grade3();
    let mut d = credit(day(2026, 11, 5), 0);
    d.net_new_assets = Fen::from_yuan(1_000_000);
    let pay = month_pay(
        day(2026, 11, 5),
        std::slice::from_ref(&plan),
        &only(&plan),
        &[d],
        Fen::ZERO,
    )
    .unwrap();
    assert_eq!(pay.bonus, Fen::from_yuan(200));
    d.net_new_assets = Fen::from_yuan(-1_000_000);
    let pay = month_pay(
        day(2026, 11, 5),
        std::slice::from_ref(&plan),
        &only(&plan),
        &[d],
        Fen::ZERO,
    )
    .unwrap();
    assert_eq!(pay.bonus, Fen::ZERO);
}

#[test]
fn a_mid_month_promotion_pays_each_plan_for_its_days() {
    let (g3, g2) = (grade3(), grade2());
    // Promoted on 16 November: 15 days at grade 3, 15 at grade 2 (November has 30).
    let periods = vec![
        PlanPeriod {
            plan_id: g3.id.clone(),
            effective_from: day(2025, 1, 1),
        },
        PlanPeriod {
            plan_id: g2.id.clone(),
            effective_from: day(2026, 11, 16),
        },
    ];
    let days = [
        credit(day(2026, 11, 10), 10_000),
        credit(day(2026, 11, 20), 10_000),
    ];
    let pay = month_pay(
        day(2026, 11, 1),
        &[g3.clone(), g2.clone()],
        &periods,
        &days,
        Fen::ZERO,
    )
    .unwrap();
    assert_eq!(pay.segments.len(), 2);
    let (a, b) = (&pay.segments[0], &pay.segments[1]);
    assert_eq!(
        (a.from, a.until, b.from, b.until),
        (
            day(2026, 11, 1),
            day(2026, 11, 15),
            day(2026, 11, 16),
            day(2026, 11, 30)
        )
    );
    assert_eq!(a.base, Fen::from_yuan(2_500));
    assert_eq!(b.base, Fen::from_yuan(4_000));
    assert_eq!(a.threshold, Fen::from_yuan(1_500));
    assert_eq!(b.threshold, Fen::from_yuan(3_000));
    // Grade 3's upper band starts at ¥10,000 for half a month: 8,500 all in the lower band.
    assert_eq!(a.share, Fen::from_yuan(2_550));
    assert_eq!(b.share, Fen::from_yuan(3_500));
    assert_eq!(pay.total, Fen::from_yuan(2_500 + 4_000 + 2_550 + 3_500));
    // Before any plan, there is nothing to pay by.
    assert_eq!(
        month_pay(day(2019, 5, 1), &[g3], &periods, &days, Fen::ZERO),
        Err(PayPlanError::NoPlan(day(2019, 5, 1)))
    );
}

#[test]
fn plans_are_validated() {
    assert!(grade3().validate().is_ok());
    let mut bad = grade3();
    bad.bands.swap(0, 1);
    assert!(matches!(bad.validate(), Err(PayPlanError::Bands(_))));
    let mut bad = grade3();
    bad.new_asset_bonus = pct(101);
    assert!(bad.validate().unwrap_err().to_string().contains("比例"));
}

proptest! {
    /// The parts add up, and no share exceeds what was credited above the threshold.
    #[test]
    fn parts_add_up(amounts in prop::collection::vec(0i64..5_000_000, 0..40), adj in -100_000i64..100_000) {
        let plan = grade3();
        let days: Vec<DayCredit> = amounts
            .iter()
            .enumerate()
            .map(|(i, a)| DayCredit { day: day(2026, 11, 1 + (i as u32 % 30)), credited: Fen(*a), net_new_assets: Fen(*a * 10) })
            .collect();
        let pay = month_pay(day(2026, 11, 1), std::slice::from_ref(&plan), &only(&plan), &days, Fen(adj)).unwrap();
        prop_assert_eq!(pay.total, pay.base + pay.share + pay.bonus + pay.adjustments);
        prop_assert!(pay.share <= (pay.credited - pay.threshold).max(Fen::ZERO));
        prop_assert!(pay.share >= Fen::ZERO);
    }

    /// Credit is conserved: developer and server together get the whole net commission.
    #[test]
    fn split_conserves_the_commission(net in 0i64..10_000_000, share in 0i64..=10_000_000) {
        let total = credited(Fen(net), CreditRole::Serving, Rate(share), None) + credited(Fen(net), CreditRole::Developing, Rate(share), None);
        prop_assert_eq!(total, Fen(net));
    }
}
