//! The demo firm's pay: each class its own ladder of levels (three ranks of account manager, two
//! of wealth adviser, two of investment adviser), every broker on a rung of their class's ladder
//! (one promoted mid-month, as happens, and one moved to another class), the development split, monthly targets, one clawback, and the months
//! whose official statements are already published.

use super::{broker_id, class_of};
use chrono::{Days, Months, NaiveDate};
use domain::appraisal::{AppraisalScheme, Appraised, Measure, Weight};
use domain::class_ladder::ClassLevel;
use domain::group_allowance::GroupAllowance;
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
        // Wealth advisers sell products more than they trade: a middling base and share.
        plan(
            "PP-FA2",
            "理财顾问（二级）",
            5_000,
            4_000,
            &[(0, 35), (25_000, 45)],
        ),
        plan(
            "PP-FA1",
            "理财顾问（一级）",
            7_500,
            6_000,
            &[(0, 45), (40_000, 55)],
        ),
        // Advisers are paid for advice: a high base and a smaller share of commission.
        plan(
            "PP-IA2",
            "投资顾问（二级）",
            8_000,
            6_000,
            &[(0, 30), (40_000, 40)],
        ),
        plan(
            "PP-IA1",
            "投资顾问（一级）",
            12_000,
            10_000,
            &[(0, 35), (60_000, 45)],
        ),
    ];
    let class_levels: Vec<ClassLevel> = plans
        .iter()
        .map(|p| ClassLevel {
            plan_id: p.id.clone(),
            // PP-AM3 is on 客户经理's (CL-AM) ladder, and so on.
            class_id: p
                .id
                .replace("PP-", "CL-")
                .trim_end_matches(char::is_numeric)
                .to_string(),
        })
        .collect();
    let mut assignments: Vec<PlanAssignment> = (0..brokers)
        .map(|k| {
            let plan_id = match class_of(k) {
                "CL-IA" => ["PP-IA2", "PP-IA1"][k % 2],
                "CL-FA" => ["PP-FA2", "PP-FA1"][k % 2],
                _ => ["PP-AM3", "PP-AM2", "PP-AM1"][k % 3],
            };
            PlanAssignment {
                broker_id: broker_id(k),
                plan_id: plan_id.into(),
                effective_from: since,
            }
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
    // broker05, a wealth adviser, became an investment adviser on the 10th of last month: paid
    // by each class's level for its days, and of each class for its months.
    if brokers > 4 {
        assignments.push(PlanAssignment {
            broker_id: broker_id(4),
            plan_id: "PP-IA2".into(),
            effective_from: this_month - Months::new(1) + Days::new(9),
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
        class_levels,
        // The bank channel's brokers sit at a partner bank's counter; the online channel answers
        // clients in the app into the evening.
        group_allowances: vec![
            GroupAllowance {
                group_id: "GR-BANK".into(),
                monthly: Fen::from_yuan(800),
            },
            GroupAllowance {
                group_id: "GR-ONLINE".into(),
                monthly: Fen::from_yuan(500),
            },
        ],
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
