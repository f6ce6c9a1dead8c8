//! The suitability gate (DOMAIN.md, "Suitability") for a proactive push of one product to one
//! client. Desk and head office both run this function; head office runs it on its own data and
//! never trusts the desk's verdict.

use crate::policy::{AssessmentStatus, FirmPolicy};
use crate::suitability::{InvestorClass, ProductRisk, RiskLevel, TargetInvestors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the gate needs to know about the client, as of the day of the push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuitabilityProfile {
    pub investor_class: InvestorClass,
    /// The latest assessment's level and expiry; `None` if never assessed.
    pub assessment: Option<(RiskLevel, NaiveDate)>,
    /// C1 who lacks full civil capacity or accepts no loss at all (最低类别).
    pub lowest_category: bool,
    /// From the ID number; `None` when unknown.
    pub age: Option<u32>,
}

/// Why a push to this client is not allowed as it stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BlockReason {
    /// Product above the client's level: never proactively.
    AboveRiskLevel,
    /// Lowest-category investor: nothing above R1, not even on request.
    LowestCategory,
    /// The assessment expired: no recommendation until it is redone.
    AssessmentExpired,
    /// Never assessed.
    NotAssessed,
    /// The item is for professional investors only and the client is an ordinary one.
    ProfessionalOnly,
}

impl BlockReason {
    pub fn message_zh(self) -> &'static str {
        match self {
            BlockReason::AboveRiskLevel => "产品风险等级高于客户风险承受能力，不得主动推荐",
            BlockReason::LowestCategory => "客户属于最低风险承受类别，不得推荐高于 R1 的产品",
            BlockReason::AssessmentExpired => "客户风险测评已过期，须重新测评后才能推荐",
            BlockReason::NotAssessed => "客户尚未完成风险测评，不得推荐",
            BlockReason::ProfessionalOnly => "该产品仅限专业投资者，客户为普通投资者，不得推荐",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    Allowed,
    /// Allowed only with an explicit, logged confirmation (elderly client, product above R3).
    NeedsConfirmation,
    Blocked {
        reasons: Vec<BlockReason>,
    },
}

/// The highest product risk an elderly client may be pushed without a confirmation.
const ELDERLY_UNCONFIRMED_MAX: ProductRisk = ProductRisk::R3;

pub fn check(
    client: &SuitabilityProfile,
    product: ProductRisk,
    target: TargetInvestors,
    today: NaiveDate,
    policy: &FirmPolicy,
) -> Verdict {
    let mut reasons = Vec::new();
    if !target.admits(client.investor_class) {
        reasons.push(BlockReason::ProfessionalOnly);
    }
    if client.lowest_category && product > ProductRisk::R1 {
        reasons.push(BlockReason::LowestCategory);
    }
    // A professional investor is outside the ordinary-investor levels; the lowest-category block
    // cannot apply to one, and is checked above for safety regardless.
    if client.investor_class == InvestorClass::Ordinary {
        match client.assessment {
            None => reasons.push(BlockReason::NotAssessed),
            Some((level, expires_on)) => {
                if policy.assessment_status(Some(expires_on), today) == AssessmentStatus::Expired {
                    reasons.push(BlockReason::AssessmentExpired);
                }
                if !level.may_be_offered(product) {
                    reasons.push(BlockReason::AboveRiskLevel);
                }
            }
        }
    }
    if !reasons.is_empty() {
        return Verdict::Blocked { reasons };
    }
    let elderly = client.age.is_some_and(|a| a >= policy.elderly_age);
    if elderly && product > ELDERLY_UNCONFIRMED_MAX {
        return Verdict::NeedsConfirmation;
    }
    Verdict::Allowed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 25) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };

    fn ordinary(level: RiskLevel, expires_in_days: i64, age: u32) -> SuitabilityProfile {
        SuitabilityProfile {
            investor_class: InvestorClass::Ordinary,
            assessment: Some((level, TODAY + chrono::Duration::days(expires_in_days))),
            lowest_category: false,
            age: Some(age),
        }
    }

    fn levels() -> impl Strategy<Value = RiskLevel> {
        prop::sample::select(RiskLevel::ALL.to_vec())
    }

    fn products() -> impl Strategy<Value = ProductRisk> {
        prop::sample::select(vec![
            ProductRisk::R1,
            ProductRisk::R2,
            ProductRisk::R3,
            ProductRisk::R4,
            ProductRisk::R5,
        ])
    }

    proptest! {
        /// The matrix: Cn may be pushed up to Rn and never above, for a valid assessment.
        #[test]
        fn cn_gets_up_to_rn(level in levels(), product in products(), age in 18u32..65) {
            let verdict = check(&ordinary(level, 100, age), product, TargetInvestors::All, TODAY, &FirmPolicy::default());
            if (product as u8) <= (level as u8) {
                prop_assert_eq!(verdict, Verdict::Allowed);
            } else {
                prop_assert_eq!(verdict, Verdict::Blocked { reasons: vec![BlockReason::AboveRiskLevel] });
            }
        }

        /// An expired assessment blocks everything, whatever the levels.
        #[test]
        fn expired_blocks_every_product(level in levels(), product in products(), days in 0i64..800) {
            let verdict = check(&ordinary(level, -days, 40), product, TargetInvestors::All, TODAY, &FirmPolicy::default());
            let blocked = matches!(verdict, Verdict::Blocked { ref reasons } if reasons.contains(&BlockReason::AssessmentExpired));
            prop_assert!(blocked);
        }

        /// Nothing above R1 reaches a lowest-category client, professional or not.
        #[test]
        fn lowest_category_gets_r1_at_most(product in products(), professional in any::<bool>()) {
            let client = SuitabilityProfile {
                investor_class: if professional { InvestorClass::Professional } else { InvestorClass::Ordinary },
                assessment: Some((RiskLevel::C1, TODAY + chrono::Duration::days(300))),
                lowest_category: true,
                age: Some(40),
            };
            let verdict = check(&client, product, TargetInvestors::All, TODAY, &FirmPolicy::default());
            prop_assert_eq!(verdict == Verdict::Allowed, product == ProductRisk::R1);
        }

        /// An item for professionals only is never allowed to an ordinary investor, whatever
        /// their level, and never blocked for that reason for a professional one.
        #[test]
        fn professional_only_items_skip_every_ordinary_investor(level in levels(), product in products(), age in 18u32..100) {
            let only = TargetInvestors::ProfessionalOnly;
            let verdict = check(&ordinary(level, 100, age), product, only, TODAY, &FirmPolicy::default());
            let blocked = matches!(verdict, Verdict::Blocked { ref reasons } if reasons.contains(&BlockReason::ProfessionalOnly));
            prop_assert!(blocked);
            let pro = SuitabilityProfile { investor_class: InvestorClass::Professional, ..ordinary(level, 100, age) };
            let verdict = check(&pro, product, only, TODAY, &FirmPolicy::default());
            let held = matches!(verdict, Verdict::Blocked { ref reasons } if reasons.contains(&BlockReason::ProfessionalOnly));
            prop_assert!(!held);
        }

        /// The elderly rule never loosens a block and only adds a confirmation above R3.
        #[test]
        fn elderly_need_confirmation_above_r3(level in levels(), product in products(), age in 65u32..100) {
            let young = check(&ordinary(level, 100, 40), product, TargetInvestors::All, TODAY, &FirmPolicy::default());
            let old = check(&ordinary(level, 100, age), product, TargetInvestors::All, TODAY, &FirmPolicy::default());
            match young {
                Verdict::Blocked { .. } => prop_assert_eq!(old, young),
                _ if product > ProductRisk::R3 => prop_assert_eq!(old, Verdict::NeedsConfirmation),
                _ => prop_assert_eq!(old, Verdict::Allowed),
            }
        }
    }

    #[test]
    fn edges() {
        let p = FirmPolicy::default();
        // Expiring today is expired; tomorrow is still valid.
        assert!(matches!(
            check(
                &ordinary(RiskLevel::C5, 0, 40),
                ProductRisk::R1,
                TargetInvestors::All,
                TODAY,
                &p
            ),
            Verdict::Blocked { .. }
        ));
        assert_eq!(
            check(
                &ordinary(RiskLevel::C5, 1, 40),
                ProductRisk::R5,
                TargetInvestors::All,
                TODAY,
                &p
            ),
            Verdict::Allowed
        );
        let never = SuitabilityProfile {
            assessment: None,
            ..ordinary(RiskLevel::C3, 1, 40)
        };
        assert_eq!(
            check(&never, ProductRisk::R1, TargetInvestors::All, TODAY, &p),
            Verdict::Blocked {
                reasons: vec![BlockReason::NotAssessed]
            }
        );
        let pro = SuitabilityProfile {
            investor_class: InvestorClass::Professional,
            assessment: None,
            ..ordinary(RiskLevel::C1, 1, 40)
        };
        assert_eq!(
            check(&pro, ProductRisk::R5, TargetInvestors::All, TODAY, &p),
            Verdict::Allowed
        );
        // An item for professionals only reaches the professional, never the ordinary investor,
        // whatever their level; the other reasons are still told.
        let only = TargetInvestors::ProfessionalOnly;
        assert_eq!(
            check(&pro, ProductRisk::R3, only, TODAY, &p),
            Verdict::Allowed
        );
        assert_eq!(
            check(
                &ordinary(RiskLevel::C5, 10, 40),
                ProductRisk::R3,
                only,
                TODAY,
                &p
            ),
            Verdict::Blocked {
                reasons: vec![BlockReason::ProfessionalOnly]
            }
        );
        assert_eq!(
            check(
                &ordinary(RiskLevel::C2, -1, 40),
                ProductRisk::R3,
                only,
                TODAY,
                &p
            ),
            Verdict::Blocked {
                reasons: vec![
                    BlockReason::ProfessionalOnly,
                    BlockReason::AssessmentExpired,
                    BlockReason::AboveRiskLevel
                ]
            }
        );
        // Age 64 is not elderly under the default threshold of 65.
        assert_eq!(
            check(
                &ordinary(RiskLevel::C5, 10, 64),
                ProductRisk::R5,
                TargetInvestors::All,
                TODAY,
                &p
            ),
            Verdict::Allowed
        );
        assert_eq!(
            check(
                &ordinary(RiskLevel::C5, 10, 65),
                ProductRisk::R5,
                TargetInvestors::All,
                TODAY,
                &p
            ),
            Verdict::NeedsConfirmation
        );
    }
}
