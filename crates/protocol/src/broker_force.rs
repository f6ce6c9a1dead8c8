//! The broker force as head office's console shapes it (经纪人管理): the org tree's units and
//! who is placed in them, each broker's level, which carries the pay plan they are paid by and
//! the scheme they are appraised by (考核).

use chrono::{DateTime, NaiveDate, Utc};
use domain::appraisal::{AppraisalScheme, Appraised, CohortKind, Scorecard, Weight};
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
    /// The broker's class (类别) today: their level's, when it is on a class's ladder, or else
    /// the one they were placed in. And their group (组别), if placed in one.
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
    /// The class whose ladder the level is on: a broker moved to it is of that class.
    #[serde(default)]
    pub class_id: Option<String>,
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

/// One broker's month as their cohort's scheme scores it, with the figures behind the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct BrokerAppraisal {
    pub display_name: String,
    pub unit_name: String,
    pub card: Scorecard,
    pub figures: KpiFigures,
}

/// The brokers of one class (with its own scheme) or one level, ranked among themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalCohort {
    /// The class or level; the scheme's `applies_to`.
    pub cohort: Appraised,
    /// The class's or level's name.
    pub name: String,
    /// Whether the scheme is the firm's own rather than the default (a level without one).
    pub own_scheme: bool,
    pub scheme: AppraisalScheme,
    /// Best first.
    pub brokers: Vec<BrokerAppraisal>,
}

/// A month's appraisal of every active broker: classes with their own scheme first, then the
/// levels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalBoard {
    /// First day of the month.
    pub month: NaiveDate,
    /// The day whose level, class and group put each broker in their cohort: the month's last
    /// day, or today.
    pub as_of: NaiveDate,
    pub cohorts: Vec<AppraisalCohort>,
    /// The firm's classes, so a scheme can be given to one that has none.
    pub classes: Vec<BrokerCategory>,
    /// The firm's groups, likewise.
    pub groups: Vec<BrokerCategory>,
    /// The firm's default weights: what a level without a scheme is appraised by, and what a
    /// new scheme starts from.
    pub default_weights: Vec<Weight>,
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
    /// The class's or level's name; cards kept before classes had schemes call it `level_name`.
    #[serde(alias = "level_name")]
    pub cohort_name: String,
    #[serde(default)]
    pub ranked_among: CohortKind,
    pub card: Scorecard,
    pub published_at: DateTime<Utc>,
}

/// Sets a level's or class's appraisal scheme (weights adding up to 100), from the next
/// appraisal read on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct SchemeChange {
    pub scheme: AppraisalScheme,
    /// Why, for the operation log.
    pub reason: String,
}

/// Drops a class's or level's own scheme: a class's brokers are then appraised among their
/// levels, a level's by the firm's default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct SchemeRemoval {
    pub applies_to: Appraised,
    /// Why, for the operation log.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_kept_before_classes_had_schemes_still_reads() {
        let kept = r#"{"month":"2026-10-01","level_name":"客户经理（二级）",
            "scheme":{"plan_id":"PP-AM2","weights":[]},
            "card":{"broker_id":"B001","total":5000,"rank":2,"peers":9,"parts":[]},
            "published_at":"2026-11-02T02:00:00Z"}"#;
        let card: PublishedAppraisal = serde_json::from_str(kept).expect("old card");
        assert_eq!(card.cohort_name, "客户经理（二级）");
        assert_eq!(card.ranked_among, CohortKind::Level);
    }
}
