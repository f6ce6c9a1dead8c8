//! The demo firm's pay: three ranks of account manager, every broker on one of them (one promoted
//! mid-month, as happens), the development split, monthly targets, one clawback, and the months
//! whose official statements are already published.

use super::broker_id;
use chrono::{Days, Months, NaiveDate};
use domain::appraisal::{AppraisalScheme, Appraised, Measure, Weight};
use domain::pay_plan::{month_of, DevelopmentSplit, PayPlan, ShareBand};
use domain::{FeeSchedule, Fen, Rate};
use head_office_storage::pay::{MonthlyTarget, PayAdjustment, PaySettings, PlanAssignment};

fn pct(p: i64) -> Rate {
    Rate(p * 100_000)
}

fn plan(id: &str, name: &str, base: i64, threshold: i64, bands: &[(i64, i64)]) -> PayPlan {
    PayPlan {
        id: id.into(),
        name: name.into(),
        base_pay: Fen::from_yuan(base),
        monthly_threshold: Fen::from_yuan(threshold),
        bands: bands
            .iter()
            .map(|(from, rate)| ShareBand {
                from: Fen::from_yuan(*from),
                rate: pct(*rate),
            })
            .collect(),
        new_asset_bonus: Rate(2_000),
    }
}

pub fn settings(brokers: usize, as_of: NaiveDate) -> PaySettings {
    let since = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(as_of);
    let plans = vec![
        plan(
            "PP-AM3",
            "客户经理（三级）",
            4_000,
            3_000,
            &[(0, 30), (20_000, 40)],
        ),
        plan(
            "PP-AM2",
            "客户经理（二级）",
            6_000,
            5_000,
            &[(0, 40), (30_000, 50)],
        ),
        plan(
            "PP-AM1",
            "客户经理（一级）",
            9_000,
            8_000,
            &[(0, 50), (50_000, 60)],
        ),
    ];
    let mut assignments: Vec<PlanAssignment> = (0..brokers)
        .map(|k| PlanAssignment {
            broker_id: broker_id(k),
            plan_id: plans[k % 3].id.clone(),
            effective_from: since,
        })
        .collect();
    // broker02 was promoted in the middle of last month.
    let (this_month, _) = month_of(as_of);
    if brokers > 1 {
        let last_month = this_month - Months::new(1);
        assignments.push(PlanAssignment {
            broker_id: broker_id(1),
            plan_id: "PP-AM1".into(),
            effective_from: last_month + Days::new(15),
        });
    }
    let targets = (0..brokers)
        .map(|k| MonthlyTarget {
            broker_id: broker_id(k),
            net_commission: Fen::from_yuan(if k == 0 { 22_000 } else { 15_000 }),
        })
        .collect();
    let adjustments = vec![PayAdjustment {
        broker_id: broker_id(0),
        month: this_month - Months::new(2),
        amount: Fen::from_yuan(-300),
        note: "客户投诉处理：退还多收佣金".into(),
    }];
    PaySettings {
        fee_schedules: vec![FeeSchedule::since_2023_08_28()],
        plans,
        assignments,
        development_splits: vec![DevelopmentSplit {
            effective_from: since,
            developer_share: pct(30),
        }],
        targets,
        adjustments,
        appraisal_schemes: vec![senior_scheme(), advisers_scheme()],
    }
}

/// 一级 brokers are appraised more on the assets they bring and less on this month's commission;
/// the other levels by the firm's default.
fn senior_scheme() -> AppraisalScheme {
    let w = |measure, percent| Weight { measure, percent };
    AppraisalScheme {
        applies_to: Appraised::Level("PP-AM1".into()),
        weights: vec![
            w(Measure::NetCommission, 25),
            w(Measure::NetNewAssets, 30),
            w(Measure::ActiveClients, 10),
            w(Measure::ContactCoverage, 10),
            w(Measure::Satisfaction, 5),
            w(Measure::OpenComplaints, 10),
            w(Measure::BlockedRecipients, 10),
        ],
    }
}

/// 投资顾问 (every seventh broker) are ranked among themselves, whatever their level: advice is
/// judged more by satisfaction and compliance than by this month's commission.
fn advisers_scheme() -> AppraisalScheme {
    let w = |measure, percent| Weight { measure, percent };
    AppraisalScheme {
        applies_to: Appraised::Class("CL-IA".into()),
        weights: vec![
            w(Measure::NetCommission, 20),
            w(Measure::NetNewAssets, 15),
            w(Measure::ActiveClients, 10),
            w(Measure::ContactCoverage, 15),
            w(Measure::Satisfaction, 20),
            w(Measure::OpenComplaints, 10),
            w(Measure::BlockedRecipients, 10),
        ],
    }
}

/// The last three complete months: head office publishes a statement early the month after.
pub fn published_months(as_of: NaiveDate) -> Vec<NaiveDate> {
    let (this_month, _) = month_of(as_of);
    (1..=3).rev().map(|k| this_month - Months::new(k)).collect()
}
