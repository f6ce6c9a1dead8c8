//! The broker force as head office's console shapes it (经纪人管理): the org tree's units and
//! who is placed in them, each broker's level, which carries the pay plan they are paid by and
//! the scheme they are appraised by (考核).

use chrono::{DateTime, NaiveDate, Utc};
use domain::appraisal::{AppraisalScheme, Scorecard};
use domain::broker_category::BrokerCategory;
use domain::kpi::KpiFigures;
use domain::pay_plan::PlanPeriod;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A new unit of the firm's tree under an open one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct NewOrgUnit {
    /// 1 to 16 letters or digits, unique in the firm.
    pub id: String,
    pub parent_id: String,
    pub name: String,
}

/// Hangs a unit, with everything under it, under another open unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct UnitMove {
    pub unit_id: String,
    pub parent_id: String,
    /// Why, for the operation log.
    pub reason: String,
}

/// Closes (撤销) a unit nobody active is placed in and whose units below are closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct UnitClosure {
    pub unit_id: String,
    pub reason: String,
}

/// Places an account in an open unit (人员调动): a broker keeps their clients, and their leads
/// become those of the new unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct Placement {
    pub username: String,
    pub unit_id: String,
    pub reason: String,
}

/// What a change to the tree did, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct OrgChanged {
    pub message: String,
}

/// One active broker, where they are placed, and their levels: in force today and set ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerLevel {
    pub broker_id: String,
    pub username: String,
    pub display_name: String,
    pub unit_id: String,
    pub unit_name: String,
    /// The level in force today; none when no pay plan was ever set for the broker.
    pub current: Option<PlanPeriod>,
    /// Moves already set for a later day, soonest first.
    pub scheduled: Vec<PlanPeriod>,
    /// The broker's class (类别) and group (组别), if placed in one.
    #[serde(default)]
    pub class_id: Option<String>,
    #[serde(default)]
    pub group_id: Option<String>,
}

/// A level a broker may hold: its pay plan's id and name (客户经理（三级）…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LevelChoice {
    pub plan_id: String,
    pub name: String,
}

/// Every active broker's level and the levels there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LevelBoard {
    pub levels: Vec<LevelChoice>,
    pub brokers: Vec<BrokerLevel>,
    /// The firm's classes and groups.
    #[serde(default)]
    pub categories: Vec<BrokerCategory>,
}

/// A class or group added to the firm's lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct NewBrokerCategory {
    pub category: BrokerCategory,
    pub reason: String,
}

/// Places a broker in a class and a group (none: in no class, or no group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerCategorization {
    pub broker_id: String,
    #[serde(default)]
    pub class_id: Option<String>,
    #[serde(default)]
    pub group_id: Option<String>,
    pub reason: String,
}

/// Moves a broker to another level from `effective_from` (today or later, a year ahead at most).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct LevelMove {
    pub broker_id: String,
    pub plan_id: String,
    pub effective_from: NaiveDate,
    /// Why, for the operation log.
    pub reason: String,
}

/// The month to appraise: any day of it; the current month so far when absent.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[ts(export)]
pub struct AppraisalQuery {
    pub month: Option<NaiveDate>,
}

/// One broker's month as their level's scheme scores it, with the figures behind the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerAppraisal {
    pub display_name: String,
    pub unit_name: String,
    pub card: Scorecard,
    pub figures: KpiFigures,
}

/// The brokers of one level, ranked among themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalCohort {
    pub plan_id: String,
    pub name: String,
    pub scheme: AppraisalScheme,
    /// Best first.
    pub brokers: Vec<BrokerAppraisal>,
}

/// A month's appraisal of every active broker, level by level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalBoard {
    /// First day of the month.
    pub month: NaiveDate,
    /// The day whose level put each broker in their cohort: the month's last day, or today.
    pub as_of: NaiveDate,
    pub cohorts: Vec<AppraisalCohort>,
    /// Active brokers with no level that day, so not appraised: their pay plan is to be set.
    pub without_level: Vec<String>,
}

/// Publishes (or publishes again) a month's appraisal to the brokers' desks; the month must be
/// over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalMonth {
    /// Any day of the month.
    pub month: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalsPublished {
    pub month: NaiveDate,
    pub brokers: u32,
    pub message: String,
}

/// A broker's own scorecard for a month, as head office published it: what the desk's 佣金
/// panel shows. Only the broker's own figures; the peers are counted, not named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PublishedAppraisal {
    /// First day of the month.
    pub month: NaiveDate,
    pub level_name: String,
    pub scheme: AppraisalScheme,
    pub card: Scorecard,
    pub published_at: DateTime<Utc>,
}

/// Sets a level's appraisal scheme (weights adding up to 100), from the next appraisal read on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct SchemeChange {
    pub scheme: AppraisalScheme,
    /// Why, for the operation log.
    pub reason: String,
}
