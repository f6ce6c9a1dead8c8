//! Investor suitability (投资者适当性): the client's risk level, the product's, and who is which class.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An ordinary investor's risk tolerance from the assessment, C1 保守型 … C5 激进型.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[ts(export)]
pub enum RiskLevel {
    C1,
    C2,
    C3,
    C4,
    C5,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 5] = [Self::C1, Self::C2, Self::C3, Self::C4, Self::C5];

    pub fn label_zh(self) -> &'static str {
        match self {
            RiskLevel::C1 => "保守型",
            RiskLevel::C2 => "谨慎型",
            RiskLevel::C3 => "稳健型",
            RiskLevel::C4 => "积极型",
            RiskLevel::C5 => "激进型",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RiskLevel::C1 => "C1",
            RiskLevel::C2 => "C2",
            RiskLevel::C3 => "C3",
            RiskLevel::C4 => "C4",
            RiskLevel::C5 => "C5",
        }
    }

    pub fn from_code(code: &str) -> Option<RiskLevel> {
        RiskLevel::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Cn may be offered products up to Rn, never above.
    pub fn may_be_offered(self, product: ProductRisk) -> bool {
        (product as u8) <= (self as u8)
    }
}

/// A product's or service's risk level, R1 低 … R5 高.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[ts(export)]
pub enum ProductRisk {
    R1,
    R2,
    R3,
    R4,
    R5,
}

impl ProductRisk {
    pub const ALL: [ProductRisk; 5] = [Self::R1, Self::R2, Self::R3, Self::R4, Self::R5];

    pub fn code(self) -> &'static str {
        match self {
            ProductRisk::R1 => "R1",
            ProductRisk::R2 => "R2",
            ProductRisk::R3 => "R3",
            ProductRisk::R4 => "R4",
            ProductRisk::R5 => "R5",
        }
    }

    pub fn from_code(code: &str) -> Option<ProductRisk> {
        ProductRisk::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            ProductRisk::R1 => "低风险",
            ProductRisk::R2 => "中低风险",
            ProductRisk::R3 => "中风险",
            ProductRisk::R4 => "中高风险",
            ProductRisk::R5 => "高风险",
        }
    }
}

/// 普通投资者 or 专业投资者.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[ts(export)]
pub enum InvestorClass {
    Ordinary,
    Professional,
}

impl InvestorClass {
    pub fn code(self) -> &'static str {
        match self {
            InvestorClass::Ordinary => "Ordinary",
            InvestorClass::Professional => "Professional",
        }
    }

    pub fn from_code(code: &str) -> Option<InvestorClass> {
        match code {
            "Ordinary" => Some(InvestorClass::Ordinary),
            "Professional" => Some(InvestorClass::Professional),
            _ => None,
        }
    }
}

/// Whom a library item is for, as compliance approved it: anyone the risk match allows, or
/// professional investors only (专业投资者专享, e.g. a 私募 or 收益凭证 sold only to them).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TargetInvestors {
    #[default]
    All,
    ProfessionalOnly,
}

impl TargetInvestors {
    pub const ALL: [TargetInvestors; 2] = [TargetInvestors::All, TargetInvestors::ProfessionalOnly];

    pub fn code(self) -> &'static str {
        match self {
            TargetInvestors::All => "all",
            TargetInvestors::ProfessionalOnly => "professional_only",
        }
    }

    pub fn from_code(code: &str) -> Option<TargetInvestors> {
        TargetInvestors::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            TargetInvestors::All => "普通及专业投资者",
            TargetInvestors::ProfessionalOnly => "仅限专业投资者",
        }
    }

    pub fn admits(self, class: InvestorClass) -> bool {
        self == TargetInvestors::All || class == InvestorClass::Professional
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cn_may_be_offered_up_to_rn() {
        assert!(RiskLevel::C3.may_be_offered(ProductRisk::R3));
        assert!(RiskLevel::C3.may_be_offered(ProductRisk::R1));
        assert!(!RiskLevel::C3.may_be_offered(ProductRisk::R4));
        assert!(!RiskLevel::C1.may_be_offered(ProductRisk::R2));
        assert!(RiskLevel::C5.may_be_offered(ProductRisk::R5));
    }

    #[test]
    fn codes_round_trip() {
        for l in RiskLevel::ALL {
            assert_eq!(RiskLevel::from_code(l.code()), Some(l));
        }
    }
}
