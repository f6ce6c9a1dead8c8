//! The firm's practice where the rules leave it to the firm (DOMAIN.md marks these "configurable"):
//! head office sets it, every desk receives it with the sync, and the defaults are DOMAIN.md's.

use crate::tier::TierPolicy;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
        }
    }
}

/// Where a risk assessment stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
    fn dormancy_counts_calendar_months() {
        let p = FirmPolicy::default();
        assert_eq!(p.dormant_before(day(2026, 8, 31)), day(2026, 2, 28));
    }
}
