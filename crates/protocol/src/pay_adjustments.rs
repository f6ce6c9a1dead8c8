//! Finance's adjustments of a broker's month and the monthly targets brokers are measured
//! against, as the console's 薪酬调整 and 月度目标 read and change them.

use chrono::NaiveDate;
use domain::pay_adjustment::PayAdjustment;
use domain::Fen;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The month whose adjustments are read: any day of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AdjustmentMonth {
    pub month: NaiveDate,
}

/// An adjustment with the broker's name, as finance reviews the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AdjustmentLine {
    pub adjustment: PayAdjustment,
    pub broker_name: String,
}

/// Every adjustment of one month, and whether its statements are out (then they show the
/// adjustments only once finance publishes the month again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct MonthAdjustments {
    /// The month's first day.
    pub month: NaiveDate,
    pub adjustments: Vec<AdjustmentLine>,
    /// How many brokers' statements of the month head office has published.
    pub statements_published: u32,
}

/// Takes an adjustment entered by mistake back out, named by all of its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AdjustmentRemoval {
    pub adjustment: PayAdjustment,
    /// Why, for the operation log.
    pub reason: String,
}

/// A broker and the net commission they are asked to reach each month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerTarget {
    pub broker_id: String,
    pub broker_name: String,
    pub unit_name: String,
    /// Zero: no target set.
    pub monthly_target: Fen,
}

/// Sets a broker's monthly target; zero takes it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct MonthlyTargetChange {
    pub broker_id: String,
    pub net_commission: Fen,
    /// Why, for the operation log.
    pub reason: String,
}
