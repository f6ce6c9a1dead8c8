//! The firm's practice where the rules leave it to the firm (DOMAIN.md marks these "configurable"):
//! head office sets it, every desk receives it with the sync, and the defaults are DOMAIN.md's.

use crate::alerts::AlertThresholds;
use crate::complaint::ComplaintLimits;
use crate::tier::TierPolicy;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct FirmPolicy {
    pub tiers: TierPolicy,
    /// How long a risk assessment stays valid (24 months; some firms 12).
    pub assessment_valid_months: u32,
    /// Warn this many days before an assessment expires.
    pub assessment_warn_days: u32,
    /// No trade and no contact for this many months makes a client dormant.
    pub dormant_months: u32,
    /// Age from which a client is treated as elderly for suitability.
    pub elderly_age: u32,
    /// The longest a desk may stay unlocked while nobody touches it, in minutes; a broker may
    /// choose less.
    pub max_idle_lock_minutes: u32,
    /// When the desk raises an alert (birthdays ahead, outflows, margin lines …). A policy saved
    /// before alerts were configurable gets DOMAIN.md's typical values.
    #[serde(default)]
    pub alerts: AlertThresholds,
    /// The service time limits that set each complaint's deadline.
    #[serde(default)]
    pub complaints: ComplaintLimits,
}

impl Default for FirmPolicy {
    fn default() -> Self {
        FirmPolicy {
            tiers: TierPolicy::default(),
            assessment_valid_months: 24,
            assessment_warn_days: 30,
            dormant_months: 6,
            elderly_age: 65,
            max_idle_lock_minutes: 30,
            alerts: AlertThresholds::default(),
            complaints: ComplaintLimits::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("等级门槛必须逐级升高：银卡 < 金卡 < 白金 < 钻石，且都大于 0")]
    BandsOutOfOrder,
    #[error("定级窗口应为 1 到 24 个月")]
    Window,
    #[error("等级缓冲（hysteresis_bp）应在 0 到 5000 个基点（0–50%）之间")]
    Hysteresis,
    #[error("风险测评有效期应为 1 到 60 个月")]
    AssessmentValidity,
    #[error("{0} 应大于 0")]
    NotPositive(&'static str),
    #[error("两融维持担保比例：平仓线 margin_force_bp 应低于预警线 margin_warn_bp，且都在 10000 到 30000 个基点（100%–300%）之间")]
    MarginLines,
    #[error("资产流失比例 outflow_share_bp 应在 1 到 10000 个基点（0.01%–100%）之间")]
    OutflowShare,
    #[error("投诉处理时限 limit_days 应为 1 到 60 天，监管关注类 watched_limit_days 不长于它且至少 1 天")]
    ComplaintLimits,
    #[error("低满意度提醒分数 low_satisfaction_score 应为 1 到 4 分")]
    LowSatisfaction,
    #[error("{0} 应在 0 到 365 天之间")]
    DaysAhead(&'static str),
}

impl FirmPolicy {
    /// Refuses a policy no firm means: a desk would otherwise tier or warn nonsensically.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let b = &self.tiers.bands;
        let zero = crate::Fen::ZERO;
        if !(zero < b.silver_from
            && b.silver_from < b.gold_from
            && b.gold_from < b.platinum_from
            && b.platinum_from < b.diamond_from)
        {
            return Err(PolicyError::BandsOutOfOrder);
        }
        if !(1..=24).contains(&self.tiers.window_months) {
            return Err(PolicyError::Window);
        }
        if self.tiers.hysteresis_bp > 5_000 {
            return Err(PolicyError::Hysteresis);
        }
        if !(1..=60).contains(&self.assessment_valid_months) {
            return Err(PolicyError::AssessmentValidity);
        }
        for (value, name) in [
            (self.dormant_months, "休眠判定月数 dormant_months"),
            (self.elderly_age, "高龄客户年龄 elderly_age"),
            (
                self.max_idle_lock_minutes,
                "最长自动锁定分钟数 max_idle_lock_minutes",
            ),
        ] {
            if value == 0 {
                return Err(PolicyError::NotPositive(name));
            }
        }
        let c = &self.complaints;
        if !(1..=60).contains(&c.limit_days) || !(1..=c.limit_days).contains(&c.watched_limit_days)
        {
            return Err(PolicyError::ComplaintLimits);
        }
        self.validate_alerts()
    }

    fn validate_alerts(&self) -> Result<(), PolicyError> {
        let a = &self.alerts;
        if !(10_000 <= a.margin_force_bp
            && a.margin_force_bp < a.margin_warn_bp
            && a.margin_warn_bp <= 30_000)
        {
            return Err(PolicyError::MarginLines);
        }
        if !(1..=10_000).contains(&a.outflow_share_bp) {
            return Err(PolicyError::OutflowShare);
        }
        if !(1..=4).contains(&a.low_satisfaction_score) {
            return Err(PolicyError::LowSatisfaction);
        }
        if a.outflow_amount <= crate::Fen::ZERO {
            return Err(PolicyError::NotPositive("资产流失金额 outflow_amount"));
        }
        for (days, name) in [
            (
                a.birthday_days_ahead,
                "生日提前提醒天数 birthday_days_ahead",
            ),
            (a.id_warn_days, "证件到期提前天数 id_warn_days"),
            (a.maturity_warn_days, "产品到期提前天数 maturity_warn_days"),
            (
                a.complaint_warn_days,
                "投诉时限提前天数 complaint_warn_days",
            ),
        ] {
            if days > 365 {
                return Err(PolicyError::DaysAhead(name));
            }
        }
        Ok(())
    }
}

/// Where a risk assessment stands on a given day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AssessmentStatus {
    Valid,
    /// Valid, but expiring within the warning period.
    Expiring,
    Expired,
    /// The client was never assessed.
    Missing,
}

impl FirmPolicy {
    pub fn assessment_status(
        &self,
        expires_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> AssessmentStatus {
        match expires_on {
            None => AssessmentStatus::Missing,
            Some(day) if day <= today => AssessmentStatus::Expired,
            Some(day) if (day - today).num_days() <= i64::from(self.assessment_warn_days) => {
                AssessmentStatus::Expiring
            }
            Some(_) => AssessmentStatus::Valid,
        }
    }

    /// A client whose last trade and last contact are both before this day is dormant.
    pub fn dormant_before(&self, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_months(Months::new(self.dormant_months))
            .unwrap_or(NaiveDate::MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn assessment_status_edges() {
        let p = FirmPolicy::default();
        let today = day(2026, 11, 25);
        assert_eq!(p.assessment_status(None, today), AssessmentStatus::Missing);
        // Expires on the day: from that day on it no longer covers a recommendation.
        assert_eq!(
            p.assessment_status(Some(today), today),
            AssessmentStatus::Expired
        );
        assert_eq!(
            p.assessment_status(Some(day(2026, 12, 25)), today),
            AssessmentStatus::Expiring
        );
        assert_eq!(
            p.assessment_status(Some(day(2026, 12, 26)), today),
            AssessmentStatus::Valid
        );
    }

    #[test]
    fn the_default_policy_is_valid_and_nonsense_is_refused() {
        assert_eq!(FirmPolicy::default().validate(), Ok(()));
        let mut p = FirmPolicy::default();
        p.tiers.bands.gold_from = p.tiers.bands.silver_from;
        assert_eq!(p.validate(), Err(PolicyError::BandsOutOfOrder));
        let mut p = FirmPolicy::default();
        p.tiers.window_months = 0;
        assert_eq!(p.validate(), Err(PolicyError::Window));
        let p = FirmPolicy {
            max_idle_lock_minutes: 0,
            ..FirmPolicy::default()
        };
        assert!(matches!(p.validate(), Err(PolicyError::NotPositive(_))));
        let mut p = FirmPolicy::default();
        p.alerts.margin_force_bp = p.alerts.margin_warn_bp;
        assert_eq!(p.validate(), Err(PolicyError::MarginLines));
        let mut p = FirmPolicy::default();
        p.alerts.outflow_share_bp = 0;
        assert_eq!(p.validate(), Err(PolicyError::OutflowShare));
    }

    #[test]
    fn a_policy_saved_before_alert_thresholds_reads_with_the_defaults() {
        let mut old = serde_json::to_value(FirmPolicy::default()).unwrap();
        old.as_object_mut().unwrap().remove("alerts");
        let read: FirmPolicy = serde_json::from_value(old).unwrap();
        assert_eq!(read.alerts, AlertThresholds::default());
    }

    #[test]
    fn dormancy_counts_calendar_months() {
        let p = FirmPolicy::default();
        assert_eq!(p.dormant_before(day(2026, 8, 31)), day(2026, 2, 28));
    }
}
