//! How the firm pays its brokers, as head-office IT sets it from a file (`head-office pay --set`):
//! fee schedules with their effective dates, pay plans, which plan each broker is on from when,
//! the development split, monthly targets and adjustments. One document, validated as a whole.

use chrono::NaiveDate;
use domain::appraisal::AppraisalScheme;
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
pub struct MonthlyTarget {
    pub broker_id: String,
    pub net_commission: Fen,
}

/// Head office's correction of a month's pay: negative for a clawback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayAdjustment {
    pub broker_id: String,
    /// Any day of the month it applies to.
    pub month: NaiveDate,
    pub amount: Fen,
    pub note: String,
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
    /// 考核 schemes by level; a level without one is appraised by the firm's default.
    #[serde(default)]
    pub appraisal_schemes: Vec<AppraisalScheme>,
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
        for scheme in &self.appraisal_schemes {
            if let Err(e) = scheme.validate() {
                problems.push(format!("考核方案 {}：{e}", scheme.plan_id));
            }
            if !self.plans.iter().any(|p| p.id == scheme.plan_id) {
                problems.push(format!("考核方案所属的级别 {} 不存在", scheme.plan_id));
            }
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
            if a.note.trim().is_empty() {
                problems.push(format!("{} 的薪酬调整须写明原因", a.broker_id));
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

    /// The scheme a level is appraised by.
    pub fn scheme_for(&self, plan_id: &str) -> AppraisalScheme {
        self.appraisal_schemes
            .iter()
            .find(|s| s.plan_id == plan_id)
            .cloned()
            .unwrap_or_else(|| AppraisalScheme::firm_default(plan_id))
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

    pub fn target_of(&self, broker_id: &str) -> Fen {
        self.targets
            .iter()
            .find(|t| t.broker_id == broker_id)
            .map_or(Fen::ZERO, |t| t.net_commission)
    }
}
