//! How the firm pays its brokers, as head-office IT sets it from a file (`head-office pay --set`):
//! fee schedules with their effective dates, pay plans, which plan each broker is on from when,
//! the development split, monthly targets and adjustments. One document, validated as a whole.

use chrono::NaiveDate;
use domain::appraisal::{AppraisalScheme, Appraised, Weight};
use domain::class_ladder::{self, ClassLevel};
use domain::group_allowance::{self, GroupAllowance};
use domain::pay_adjustment;
pub use domain::pay_adjustment::{MonthlyTarget, PayAdjustment};
use domain::pay_plan::{DevelopmentSplit, PayPlan, PlanPeriod};
use domain::{FeeSchedule, Fen};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAssignment {
    /// The broker's user id, e.g. B001.
    pub broker_id: String,
    pub plan_id: String,
    pub effective_from: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaySettings {
    pub fee_schedules: Vec<FeeSchedule>,
    pub plans: Vec<PayPlan>,
    pub assignments: Vec<PlanAssignment>,
    pub development_splits: Vec<DevelopmentSplit>,
    #[serde(default)]
    pub targets: Vec<MonthlyTarget>,
    #[serde(default)]
    pub adjustments: Vec<PayAdjustment>,
    /// 考核 schemes of levels and classes; a level without one is appraised by the firm's
    /// default, a class without one by its brokers' levels.
    #[serde(default, deserialize_with = "schemes_of_either_form")]
    pub appraisal_schemes: Vec<AppraisalScheme>,
    /// Which levels are on which class's ladder (`domain::class_ladder`).
    #[serde(default)]
    pub class_levels: Vec<ClassLevel>,
    /// Each group's monthly allowance (`domain::group_allowance`); a group not named pays none.
    #[serde(default)]
    pub group_allowances: Vec<GroupAllowance>,
}

impl Default for PaySettings {
    /// The exchange fees of DOMAIN.md and nothing else: no broker is paid until plans are set.
    fn default() -> Self {
        PaySettings {
            fee_schedules: vec![FeeSchedule::since_2023_08_28()],
            plans: Vec::new(),
            assignments: Vec::new(),
            development_splits: Vec::new(),
            targets: Vec::new(),
            adjustments: Vec::new(),
            appraisal_schemes: Vec::new(),
            class_levels: Vec::new(),
            group_allowances: Vec::new(),
        }
    }
}

impl PaySettings {
    /// Every problem found, in Chinese, so a file can be fixed in one go.
    pub fn validate(&self) -> crate::error::Result<()> {
        let mut problems = Vec::new();
        if self.fee_schedules.is_empty() {
            problems.push("至少需要一套费率表（fee_schedules）".to_string());
        }
        for plan in &self.plans {
            if let Err(e) = plan.validate() {
                problems.push(e.to_string());
            }
        }
        for (i, scheme) in self.appraisal_schemes.iter().enumerate() {
            let owner = scheme.applies_to.id();
            if let Err(e) = scheme.validate() {
                problems.push(format!("考核方案 {owner}：{e}"));
            }
            if self.appraisal_schemes[..i]
                .iter()
                .any(|s| s.applies_to == scheme.applies_to)
            {
                problems.push(format!("{owner} 有不止一套考核方案"));
            }
            // A class's or group's existence is checked where the lists are (the saving
            // transaction).
            if let Appraised::Level(plan_id) = &scheme.applies_to {
                if !self.plans.iter().any(|p| &p.id == plan_id) {
                    problems.push(format!("考核方案所属的级别 {plan_id} 不存在"));
                }
            }
        }
        let plan_ids: Vec<&str> = self.plans.iter().map(|p| p.id.as_str()).collect();
        // Each class's existence is checked where the class list is (the saving transaction).
        if let Err(e) = class_ladder::check_ladders(&self.class_levels, &plan_ids) {
            problems.push(e.to_string());
        }
        for a in &self.assignments {
            if !self.plans.iter().any(|p| p.id == a.plan_id) {
                problems.push(format!("{} 的薪酬方案 {} 不存在", a.broker_id, a.plan_id));
            }
        }
        for s in &self.development_splits {
            if s.developer_share.0 < 0 || s.developer_share.0 > 10_000_000 {
                problems.push("开发关系分成比例须在 0 到 100% 之间".to_string());
            }
        }
        for a in &self.adjustments {
            if let Err(e) = pay_adjustment::check_amount_and_note(a) {
                problems.push(format!("{} 的薪酬调整：{e}", a.broker_id));
            }
        }
        for t in &self.targets {
            if let Err(e) = pay_adjustment::check_target(t.net_commission) {
                problems.push(format!("{} 的月度目标：{e}", t.broker_id));
            }
        }
        // Each group's existence is checked where the lists are (the saving transaction).
        for (i, a) in self.group_allowances.iter().enumerate() {
            if let Err(e) = group_allowance::check(a.monthly) {
                problems.push(format!("组别 {} 的津贴：{e}", a.group_id));
            }
            if self.group_allowances[..i]
                .iter()
                .any(|b| b.group_id == a.group_id)
            {
                problems.push(format!("组别 {} 有不止一项津贴", a.group_id));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(crate::error::StorageError::Validation(problems.join("；")))
        }
    }

    pub fn periods_of(&self, broker_id: &str) -> Vec<PlanPeriod> {
        self.assignments
            .iter()
            .filter(|a| a.broker_id == broker_id)
            .map(|a| PlanPeriod {
                plan_id: a.plan_id.clone(),
                effective_from: a.effective_from,
            })
            .collect()
    }

    /// A group's monthly allowance; none is zero.
    pub fn allowance_of(&self, group_id: &str) -> Fen {
        self.group_allowances
            .iter()
            .find(|a| a.group_id == group_id)
            .map_or(Fen::ZERO, |a| a.monthly)
    }

    /// The scheme a level is appraised by.
    pub fn level_scheme(&self, plan_id: &str) -> AppraisalScheme {
        let level = Appraised::Level(plan_id.to_string());
        self.own_scheme(&level)
            .cloned()
            .unwrap_or_else(|| AppraisalScheme::firm_default(level))
    }

    /// The scheme the firm set for `who`, if any.
    pub fn own_scheme(&self, who: &Appraised) -> Option<&AppraisalScheme> {
        self.appraisal_schemes.iter().find(|s| &s.applies_to == who)
    }

    /// Every broker's plan history at once, for reads over the whole firm (one pass over the
    /// assignments rather than one per broker).
    pub fn periods_by_broker(&self) -> std::collections::HashMap<&str, Vec<PlanPeriod>> {
        let mut by_broker: std::collections::HashMap<&str, Vec<PlanPeriod>> =
            std::collections::HashMap::new();
        for a in &self.assignments {
            by_broker
                .entry(a.broker_id.as_str())
                .or_default()
                .push(PlanPeriod {
                    plan_id: a.plan_id.clone(),
                    effective_from: a.effective_from,
                });
        }
        by_broker
    }

    /// Replaces the broker's plan history.
    pub fn set_periods_of(&mut self, broker_id: &str, periods: &[PlanPeriod]) {
        self.assignments.retain(|a| a.broker_id != broker_id);
        self.assignments
            .extend(periods.iter().map(|p| PlanAssignment {
                broker_id: broker_id.to_string(),
                plan_id: p.plan_id.clone(),
                effective_from: p.effective_from,
            }));
    }

    /// The class `broker_id` is of on `day`, given the class they were placed in by hand.
    pub fn class_on<'a>(
        &'a self,
        periods: &'a [PlanPeriod],
        placed: Option<&'a str>,
        day: NaiveDate,
    ) -> Option<&'a str> {
        class_ladder::class_on(periods, &self.class_levels, placed, day)
    }

    pub fn target_of(&self, broker_id: &str) -> Fen {
        self.targets
            .iter()
            .find(|t| t.broker_id == broker_id)
            .map_or(Fen::ZERO, |t| t.net_commission)
    }
}

/// A scheme as stored: before classes had schemes, one named its level by `plan_id` alone.
#[derive(Deserialize)]
struct StoredScheme {
    applies_to: Option<Appraised>,
    plan_id: Option<String>,
    weights: Vec<Weight>,
}

/// Reads the schemes of a document written before classes had schemes as well as after, so a
/// firm's saved settings and IT's old files keep working.
fn schemes_of_either_form<'de, D>(d: D) -> Result<Vec<AppraisalScheme>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Vec::<StoredScheme>::deserialize(d)?
        .into_iter()
        .map(|s| {
            let applies_to = match (s.applies_to, s.plan_id) {
                (Some(who), _) => who,
                (None, Some(plan_id)) => Appraised::Level(plan_id),
                (None, None) => {
                    return Err(serde::de::Error::custom(
                        "考核方案须写明所属级别（plan_id）或 applies_to",
                    ))
                }
            };
            Ok(AppraisalScheme {
                applies_to,
                weights: s.weights,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_of_either_form_reads_its_schemes() {
        let old = r#"{"fee_schedules":[],"plans":[],"assignments":[],"development_splits":[],
            "appraisal_schemes":[{"plan_id":"PP-AM1","weights":[{"measure":"net_commission","percent":100}]}]}"#;
        let pay: PaySettings = serde_json::from_str(old).expect("old form");
        assert_eq!(
            pay.appraisal_schemes[0].applies_to,
            Appraised::Level("PP-AM1".into())
        );
        let again: PaySettings =
            serde_json::from_str(&serde_json::to_string(&pay).expect("written")).expect("new form");
        assert_eq!(again, pay);
        let class = r#"{"fee_schedules":[],"plans":[],"assignments":[],"development_splits":[],
            "appraisal_schemes":[{"applies_to":{"class":"CL-IA"},"weights":[]}]}"#;
        let pay: PaySettings = serde_json::from_str(class).expect("class");
        assert_eq!(
            pay.appraisal_schemes[0].applies_to,
            Appraised::Class("CL-IA".into())
        );
        let neither = r#"{"fee_schedules":[],"plans":[],"assignments":[],"development_splits":[],
            "appraisal_schemes":[{"weights":[]}]}"#;
        assert!(serde_json::from_str::<PaySettings>(neither).is_err());
    }

    #[test]
    fn a_file_is_held_to_the_console_s_rules_for_adjustments_and_targets() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut pay = PaySettings::default();
        pay.adjustments.push(PayAdjustment {
            broker_id: "B001".into(),
            month: day,
            amount: Fen(-30_000),
            note: "客户投诉处理：退还多收佣金".into(),
        });
        pay.targets.push(MonthlyTarget {
            broker_id: "B001".into(),
            net_commission: Fen::from_yuan(22_000),
        });
        assert!(pay.validate().is_ok());
        pay.adjustments.push(PayAdjustment {
            broker_id: "B002".into(),
            month: day,
            amount: Fen::ZERO,
            note: "补发".into(),
        });
        pay.targets.push(MonthlyTarget {
            broker_id: "B003".into(),
            net_commission: Fen(-1),
        });
        let refused = pay.validate().unwrap_err().to_string();
        assert!(
            refused.contains("B002 的薪酬调整：调整金额不能为 0")
                && refused.contains("B003 的月度目标：月度目标须在"),
            "{refused}"
        );
    }
}
