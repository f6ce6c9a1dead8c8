//! What head office's web console (`/console`) reads and sends: the firm's staff directory, the
//! access log compliance reviews, the pay plans finance keeps. The console is a browser page of
//! head office's own staff; every route behind it is checked by role on the server.

use crate::Role;
use chrono::{DateTime, NaiveDate, Utc};
use domain::broker_category::BrokerCategory;
use domain::pay_plan::{DevelopmentSplit, PayPlan};
use domain::{AccessAction, FeeSchedule, Fen, SensitiveField};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One unit of the firm's tree: head office, a branch (营业部), a team, at any depth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct OrgUnitEntry {
    pub id: String,
    /// `None` for head office, the root.
    pub parent_id: Option<String>,
    pub name: String,
    /// The day it was closed (撤销); a closed unit stays for the reports of its past.
    pub closed_on: Option<NaiveDate>,
}

/// One account of the firm and where it is placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StaffEntry {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub unit_id: String,
    pub disabled: bool,
}

/// The whole firm: its units and everyone placed in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StaffDirectory {
    pub units: Vec<OrgUnitEntry>,
    pub people: Vec<StaffEntry>,
}

/// Whole Beijing days, `from` to `until` inclusive: of what head office received (the access
/// log), of what staff did (the operation log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct DaySpan {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl DaySpan {
    /// A reviewer reads a quarter at a time at most; more is an export's job.
    pub const MAX_DAYS: i64 = 92;
    /// An export covers a year at most.
    pub const MAX_EXPORT_DAYS: i64 = 366;
}

/// The operation log on whole Beijing days, narrowed by words: every word of `q` (split at
/// spaces) must appear in who did it, what, to what or why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ActionQuery {
    pub from: NaiveDate,
    pub until: NaiveDate,
    #[serde(default)]
    pub q: Option<String>,
}

impl ActionQuery {
    pub fn span(&self) -> DaySpan {
        DaySpan {
            from: self.from,
            until: self.until,
        }
    }
}

/// One reveal or export of a client's personal data, with the broker's stated reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AccessAuditEntry {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub action: AccessAction,
    pub client_id: Option<String>,
    pub field: Option<SensitiveField>,
    pub reason: String,
    pub detail: String,
    /// When it happened, as the desk reports it.
    pub at: DateTime<Utc>,
    /// When head office received it: a desk that was offline reports late.
    pub received_at: DateTime<Utc>,
}

/// A pay plan and how many brokers are paid by it today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PlanInUse {
    pub plan: PayPlan,
    pub brokers: u32,
    /// The class whose ladder the plan (a level) is on.
    #[serde(default)]
    pub class_id: Option<String>,
    /// Whether any broker was ever paid by it or is set to be: then its class is fixed.
    #[serde(default)]
    pub ever_held: bool,
}

/// The firm's pay plans as finance reviews them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PayPlanOverview {
    pub plans: Vec<PlanInUse>,
    /// Brokers with no plan in force today: paid nothing until one is assigned.
    pub unassigned_brokers: u32,
    pub development_splits: Vec<DevelopmentSplit>,
    /// The exchanges' and regulators' fees, each from its day, oldest first.
    #[serde(default)]
    pub fee_schedules: Vec<FeeSchedule>,
    /// The firm's classes, whose ladders plans may be on.
    #[serde(default)]
    pub classes: Vec<BrokerCategory>,
    /// Each of the firm's groups with its monthly allowance (组别津贴).
    #[serde(default)]
    pub groups: Vec<GroupPay>,
}

/// A group as finance pays it: its monthly allowance (zero: none) and how many brokers are in it
/// today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct GroupPay {
    pub group: BrokerCategory,
    pub monthly: Fen,
    pub brokers: u32,
}

/// Sets a group's monthly allowance (zero: none) for the statements not yet published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct GroupAllowanceChange {
    pub group_id: String,
    pub monthly: Fen,
    /// Why, for the operation log.
    pub reason: String,
}

/// A pay plan (a level) as finance saves it: a new id adds it, a known one changes it for the
/// statements not yet published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PayPlanChange {
    pub plan: PayPlan,
    /// The class whose ladder the level is on; none for a level of no class.
    #[serde(default)]
    pub class_id: Option<String>,
    /// Why, for the operation log.
    pub reason: String,
}

/// What one trade was charged, as finance corrects it (更正成交佣金).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TradeCharge {
    pub trade_id: String,
    pub client_id: String,
    pub broker_id: String,
    pub traded_at: DateTime<Utc>,
    pub amount: domain::Fen,
    pub commission: domain::Fen,
    /// The handling and regulatory fees inside the commission: it is never less.
    pub included_fees: domain::Fen,
    pub net_commission: domain::Fen,
}

/// Looks a trade up by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TradeChargeQuery {
    pub trade_id: String,
}

/// Finance's correction of what one trade was charged, with why (for the operation log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TradeCommissionCorrection {
    pub trade_id: String,
    pub commission: domain::Fen,
    pub reason: String,
}

/// A fee schedule from its day (交易费率表), as finance enters it when an exchange or regulator
/// changes a fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct FeeScheduleChange {
    pub schedule: FeeSchedule,
    pub reason: String,
}

/// The developing broker's share from a day on (开发关系分成), as finance sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct DevelopmentSplitChange {
    pub split: DevelopmentSplit,
    pub reason: String,
}

/// Where a library item is in its review (`domain::library_review::ReviewState`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LibraryReviewState {
    Drafting,
    Submitted,
    Returned,
    Published,
    Withdrawn,
}

/// What a library item says, as its drafter writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LibraryContent {
    pub product_kind: crate::ProductKind,
    pub title: String,
    /// What a client reads with a push.
    pub summary: String,
    /// The full text, for the broker to read before pushing.
    #[serde(default)]
    pub body: String,
    pub risk: domain::ProductRisk,
    /// Whom the item may be pushed to; compliance checks it with the risk level.
    #[serde(default)]
    pub target_investors: domain::TargetInvestors,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// The security a stock note is about, `600519.SH`.
    #[serde(default)]
    pub security_code: Option<String>,
    /// The analyst or the product's manager.
    pub author: String,
}

/// A library item as the console shows it: what it says, where it is in review, and the version
/// desks have (0 before it is first published).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LibraryItem {
    pub id: String,
    pub content: LibraryContent,
    pub state: LibraryReviewState,
    pub published_version: u32,
    /// 合规审核编号 of the version desks have.
    pub approval_ref: Option<String>,
    pub drafted_by: String,
    pub drafted_by_name: String,
    pub reviewed_by_name: Option<String>,
    /// Compliance's note when returning or withdrawing.
    pub review_note: Option<String>,
    /// When it last moved in review; none for an item only the firm's files ever changed.
    pub updated_at: Option<DateTime<Utc>>,
}

/// A new draft (`id` absent) or the next version of an item (`id` given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LibraryDraft {
    #[serde(default)]
    pub id: Option<String>,
    pub content: LibraryContent,
}

/// Sends a draft to compliance (its drafter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LibrarySubmission {
    pub id: String,
}

/// What compliance decides on an item: approve (publish) one submitted, return it with a note, or
/// withdraw a published one with a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LibraryVerdict {
    Approve,
    Return,
    Withdraw,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LibraryReview {
    pub id: String,
    pub verdict: LibraryVerdict,
    #[serde(default)]
    pub note: String,
}

/// One thing head office's staff did in the console (操作日志).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StaffAction {
    pub at: DateTime<Utc>,
    pub user_id: String,
    pub user_name: String,
    pub role: Role,
    /// What was done, in Chinese: 客户划转, 资料审核通过并发布 ….
    pub action: String,
    /// What it was done to: a client's or an item's id.
    pub subject: String,
    pub detail: String,
}

/// Finance's queue of brokers' disputes of their statements: open ones unless `all`.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[ts(export)]
pub struct DisputeQuery {
    #[serde(default)]
    pub all: bool,
}

/// A dispute with whose it is and the month of the statement it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct DisputeInQueue {
    pub dispute: crate::DisputeRecord,
    pub broker_id: String,
    pub broker_name: String,
    /// The statement's month, as its first day.
    pub month: NaiveDate,
}

/// Finance's answer to a dispute: resolved (the figure will be corrected) or rejected, with
/// words the broker reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct DisputeAnswer {
    pub id: String,
    pub status: crate::DisputeStatus,
    pub answer: String,
}

/// Publishes (or publishes again) every broker's official statement for a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StatementMonth {
    /// Any day of the month.
    pub month: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct StatementsPublished {
    pub month: NaiveDate,
    pub statements: u32,
}

/// A new account (IT): where it is placed and what it may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub unit_id: String,
}

/// One account, by what it signs in with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AccountRef {
    pub username: String,
}

/// Stops or restores an account's sign-ins; stopping ends every session it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AccountStatus {
    pub username: String,
    pub disabled: bool,
}

/// A temporary password for IT to hand over in person; shown once, never stored in clear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AccountIssued {
    pub user_id: String,
    pub username: String,
    pub temporary_password: String,
    pub message: String,
}

/// What an account change did, in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AccountChanged {
    pub message: String,
}
