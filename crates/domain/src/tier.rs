//! Client tiers (客户等级): firm practice, not regulation, so the bands come from head office.

use crate::money::Fen;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

    pub fn label_zh(self) -> &'static str {
        match self {
            Tier::Standard => "普通",
            Tier::Silver => "银卡",
            Tier::Gold => "金卡",
            Tier::Platinum => "白金",
            Tier::Diamond => "钻石",
        }
    }

    pub fn from_code(code: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Lower bounds of 银卡, 金卡, 白金 and 钻石 on average daily assets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
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
    /// The lowest assets that still belong to `tier`.
    pub fn lower_bound(&self, tier: Tier) -> Fen {
        match tier {
            Tier::Standard => Fen::ZERO,
            Tier::Silver => self.silver_from,
            Tier::Gold => self.gold_from,
            Tier::Platinum => self.platinum_from,
            Tier::Diamond => self.diamond_from,
        }
    }

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

/// How head office tiers its clients each month: bands over the average of the last
/// `window_months` month-end assets, and a hysteresis so that a client near a band edge does not
/// flip between tiers every month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TierPolicy {
    pub bands: TierBands,
    pub window_months: u32,
    /// A client keeps their tier until the average falls this far below its lower bound, in
    /// basis points (1000 = 10 %). Moving up needs only the band itself.
    pub hysteresis_bp: u32,
}

impl Default for TierPolicy {
    fn default() -> Self {
        TierPolicy {
            bands: TierBands::default(),
            window_months: 6,
            hysteresis_bp: 1_000,
        }
    }
}

impl TierPolicy {
    /// Average of the latest `window_months` month-end figures (`months` oldest first). Integer
    /// division rounds down: a client is never promoted by a rounding fen.
    pub fn average(&self, months: &[Fen]) -> Fen {
        let window = (self.window_months.max(1) as usize).min(months.len());
        if window == 0 {
            return Fen::ZERO;
        }
        let sum: i64 = months[months.len() - window..].iter().map(|f| f.0).sum();
        Fen(sum / window as i64)
    }

    /// The tier for this month given last month's (`None` for a new client).
    pub fn assign(&self, current: Option<Tier>, months: &[Fen]) -> Tier {
        let average = self.average(months);
        let by_band = self.bands.tier_for(average);
        let Some(current) = current else {
            return by_band;
        };
        if by_band >= current {
            return by_band;
        }
        // Falling: stay while within the hysteresis margin below the current tier's lower bound.
        let bound = i128::from(self.bands.lower_bound(current).0);
        let keep_from = bound * (10_000 - i128::from(self.hysteresis_bp.min(10_000))) / 10_000;
        if i128::from(average.0) >= keep_from {
            current
        } else {
            by_band
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(values: &[i64]) -> Vec<Fen> {
        values.iter().map(|v| Fen::from_yuan(*v)).collect()
    }

    #[test]
    fn the_window_average_decides_a_new_client() {
        let p = TierPolicy::default();
        // Only the last six months count: the early millions are out of the window.
        let months = yuan(&[
            2_000_000, 2_000_000, 90_000, 90_000, 90_000, 120_000, 120_000, 110_000,
        ]);
        assert_eq!(p.average(&months), Fen::from_yuan(103_333) + Fen(33));
        assert_eq!(p.assign(None, &months), Tier::Silver);
        assert_eq!(p.assign(None, &[]), Tier::Standard);
    }

    #[test]
    fn hysteresis_keeps_a_tier_near_its_edge_and_not_beyond() {
        let p = TierPolicy::default();
        // Gold starts at 500k; with 10 % hysteresis a gold client stays gold down to 450k.
        assert_eq!(p.assign(Some(Tier::Gold), &yuan(&[450_000])), Tier::Gold);
        assert_eq!(p.assign(Some(Tier::Gold), &yuan(&[449_999])), Tier::Silver);
        // A silver client at 480k is not promoted to gold by the same margin.
        assert_eq!(
            p.assign(Some(Tier::Silver), &yuan(&[480_000])),
            Tier::Silver
        );
        // Moving up needs only the band.
        assert_eq!(p.assign(Some(Tier::Silver), &yuan(&[500_000])), Tier::Gold);
        // A fall through several bands lands where the average is.
        assert_eq!(
            p.assign(Some(Tier::Diamond), &yuan(&[60_000])),
            Tier::Standard
        );
    }

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
