//! Client tiers (客户等级): firm practice, not regulation, so the bands come from head office.

use crate::money::Fen;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Tier {
    /// 普通
    Standard,
    /// 银卡
    Silver,
    /// 金卡
    Gold,
    /// 白金
    Platinum,
    /// 钻石
    Diamond,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Self::Standard,
        Self::Silver,
        Self::Gold,
        Self::Platinum,
        Self::Diamond,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Tier::Standard => "Standard",
            Tier::Silver => "Silver",
            Tier::Gold => "Gold",
            Tier::Platinum => "Platinum",
            Tier::Diamond => "Diamond",
        }
    }

    pub fn from_code(code: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Lower bounds of 银卡, 金卡, 白金 and 钻石 on average daily assets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierBands {
    pub silver_from: Fen,
    pub gold_from: Fen,
    pub platinum_from: Fen,
    pub diamond_from: Fen,
}

impl Default for TierBands {
    /// 普通 < ¥100k ≤ 银卡 < ¥500k ≤ 金卡 < ¥1m ≤ 白金 < ¥5m ≤ 钻石.
    fn default() -> Self {
        TierBands {
            silver_from: Fen::from_yuan(100_000),
            gold_from: Fen::from_yuan(500_000),
            platinum_from: Fen::from_yuan(1_000_000),
            diamond_from: Fen::from_yuan(5_000_000),
        }
    }
}

impl TierBands {
    pub fn tier_for(&self, average_assets: Fen) -> Tier {
        match average_assets {
            a if a >= self.diamond_from => Tier::Diamond,
            a if a >= self.platinum_from => Tier::Platinum,
            a if a >= self.gold_from => Tier::Gold,
            a if a >= self.silver_from => Tier::Silver,
            _ => Tier::Standard,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_belong_to_the_upper_tier() {
        let b = TierBands::default();
        assert_eq!(b.tier_for(Fen::from_yuan(99_999)), Tier::Standard);
        assert_eq!(b.tier_for(Fen::from_yuan(100_000)), Tier::Silver);
        assert_eq!(b.tier_for(Fen::from_yuan(500_000)), Tier::Gold);
        assert_eq!(b.tier_for(Fen::from_yuan(1_000_000)), Tier::Platinum);
        assert_eq!(b.tier_for(Fen::from_yuan(5_000_000)), Tier::Diamond);
    }
}
