//! Broker pay across the wire: the terms head office pays by (fee schedules, pay plans and which
//! plan applies when), the official monthly statement line by line, and the broker's disputes.

use chrono::{DateTime, NaiveDate, Utc};
use domain::broker_category::CategoryPeriod;
use domain::group_allowance::GroupAllowance;
use domain::pay_plan::{CreditRole, DevelopmentSplit, PayPlan, PlanPeriod};
use domain::{FeeSchedule, Fen, Rate, TradeSide};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `GET /api/v1/pay-terms`: what the caller is paid by. Fetched with every sync, like the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PayTerms {
    pub fee_schedules: Vec<FeeSchedule>,
    pub plans: Vec<PayPlan>,
    /// The caller's plan history.
    pub periods: Vec<PlanPeriod>,
    /// How a client's commission is split between the broker who brought them in and the one who
    /// serves them.
    pub development_splits: Vec<DevelopmentSplit>,
    /// The month's net-commission target set by the broker's lead.
    pub monthly_target: Fen,
    /// Each group's monthly allowance (组别津贴).
    #[serde(default)]
    pub group_allowances: Vec<GroupAllowance>,
    /// The caller's group history, oldest first.
    #[serde(default)]
    pub group_periods: Vec<CategoryPeriod>,
}

/// Head office's official statement of a broker's month (佣金结算单).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StatementRecord {
    /// `ST-<broker>-<yyyy-mm>`.
    pub id: String,
    /// First day of the month.
    pub month: NaiveDate,
    pub published_at: DateTime<Utc>,
    pub credited: Fen,
    pub threshold: Fen,
    pub share: Fen,
    pub bonus: Fen,
    pub base: Fen,
    /// 组别津贴 for the days in each group.
    #[serde(default)]
    pub allowance: Fen,
    pub adjustments: Fen,
    /// Why head office adjusted (a clawback), when it did.
    pub adjustment_note: Option<String>,
    pub total: Fen,
}

/// One trade as the statement credits it, with the facts the fee was computed from, so the desk
/// can compute it again, also for clients it brought in whom another broker serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StatementLineRecord {
    /// `<statement id>/<trade id>`.
    pub id: String,
    pub statement_id: String,
    pub trade_id: String,
    pub client_id: String,
    pub client_name: String,
    pub traded_at: DateTime<Utc>,
    pub security_code: String,
    pub side: TradeSide,
    pub amount: Fen,
    pub commission_rate: Rate,
    pub waive_minimum: bool,
    pub role: CreditRole,
    /// Head office's figures.
    pub net_commission: Fen,
    pub credited: Fen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DisputeStatus {
    Open,
    Resolved,
    Rejected,
}

impl DisputeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeStatus::Open => "open",
            DisputeStatus::Resolved => "resolved",
            DisputeStatus::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<DisputeStatus> {
        [
            DisputeStatus::Open,
            DisputeStatus::Resolved,
            DisputeStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// A broker's dispute of a statement figure (`MutationOp::DisputeStatement`), and head office's
/// handling of it as it flows back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct DisputeRecord {
    pub id: String,
    pub statement_id: String,
    /// The trade disputed; none for the statement as a whole.
    pub trade_id: Option<String>,
    pub client_id: Option<String>,
    /// What the desk computed and what the statement says, for the line or the total.
    pub desk_amount: Fen,
    pub statement_amount: Fen,
    pub comment: String,
    pub raised_at: DateTime<Utc>,
    pub status: DisputeStatus,
    /// Head office's answer.
    pub answer: Option<String>,
}
