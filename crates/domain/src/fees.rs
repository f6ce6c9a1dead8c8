//! Fees on A-share trades, by the rules in effect since 2023-08-28 (DOMAIN.md, "Fees").
//!
//! Rates are exact integers in ten-millionths (1e-7), the finest unit any published rate needs:
//! 0.00341 % is 341, 万2.5 is 2 500, 0.3 % is 30 000.

use crate::money::Fen;
use crate::validate::Exchange;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const RATE_SCALE: i128 = 10_000_000;

/// A rate in ten-millionths of the traded amount.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(transparent)]
#[ts(export)]
pub struct Rate(#[ts(type = "number")] pub i64);

impl Rate {
    /// The legal ceiling for a negotiated commission rate: 0.3 %.
    pub const COMMISSION_CEILING: Rate = Rate(30_000);

    /// `万n` as brokers say it: 万2.5 is `Rate::per_ten_thousand(25, 1)`.
    pub const fn per_ten_thousand(numerator: i64, decimals: u32) -> Rate {
        Rate(numerator * 1_000 / 10i64.pow(decimals))
    }
}

/// As a percentage, exactly, without trailing zeros: `Rate(2_500_000)` is 25%, `Rate(1_250)`
/// 0.0125%.
impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, fraction) = (abs / 100_000, abs % 100_000);
        if fraction == 0 {
            return write!(f, "{sign}{whole}%");
        }
        let digits = format!("{fraction:05}");
        write!(f, "{sign}{whole}.{}%", digits.trim_end_matches('0'))
    }
}

/// How an item is rounded to the fen. Firm-specific; half-up per item per trade by default.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[ts(export)]
pub enum RoundingRule {
    #[default]
    HalfUp,
    Down,
    Up,
}

impl RoundingRule {
    fn apply(self, amount: Fen, rate: Rate) -> Fen {
        let exact = i128::from(amount.0) * i128::from(rate.0);
        let fen = match self {
            RoundingRule::HalfUp => (exact + RATE_SCALE / 2) / RATE_SCALE,
            RoundingRule::Down => exact / RATE_SCALE,
            RoundingRule::Up => (exact + RATE_SCALE - 1) / RATE_SCALE,
        };
        // A trade amount that overflows i64 fen is not a trade; saturate rather than wrap.
        Fen(i64::try_from(fen).unwrap_or(i64::MAX))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub enum TradeSide {
    Buy,
    Sell,
}

/// The exchange-set rates that apply from `effective_from` until the next schedule starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct FeeSchedule {
    pub effective_from: NaiveDate,
    pub handling_fee: Rate,
    pub handling_fee_bj: Rate,
    pub regulatory_fee: Rate,
    pub transfer_fee: Rate,
    pub stamp_duty_sell: Rate,
    pub minimum_commission: Fen,
    pub rounding: RoundingRule,
}

impl FeeSchedule {
    /// The schedule in force since 2023-08-28.
    pub fn since_2023_08_28() -> FeeSchedule {
        FeeSchedule {
            effective_from: NaiveDate::from_ymd_opt(2023, 8, 28).unwrap_or_default(),
            handling_fee: Rate(341),
            handling_fee_bj: Rate(1_250),
            regulatory_fee: Rate(200),
            transfer_fee: Rate(100),
            stamp_duty_sell: Rate(5_000),
            minimum_commission: Fen(500),
            rounding: RoundingRule::HalfUp,
        }
    }

    /// The schedule in force on `day`: the latest one that started on or before it.
    pub fn in_force(schedules: &[FeeSchedule], day: NaiveDate) -> Option<&FeeSchedule> {
        schedules
            .iter()
            .filter(|s| s.effective_from <= day)
            .max_by_key(|s| s.effective_from)
    }

    /// Every fee of one trade. `commission_rate` is the client's negotiated rate; `waive_minimum` is
    /// 免五, an account that is not charged the ¥5 minimum.
    pub fn charge(
        &self,
        exchange: Exchange,
        side: TradeSide,
        amount: Fen,
        commission_rate: Rate,
        waive_minimum: bool,
    ) -> FeeBreakdown {
        let round = |rate| self.rounding.apply(amount, rate);
        let handling_rate = match exchange {
            Exchange::Bj => self.handling_fee_bj,
            Exchange::Sh | Exchange::Sz => self.handling_fee,
        };
        let handling_fee = round(handling_rate);
        let regulatory_fee = round(self.regulatory_fee);
        let mut commission = round(commission_rate.min(Rate::COMMISSION_CEILING));
        if !waive_minimum {
            commission = commission.max(self.minimum_commission);
        }
        // The commission includes the handling and regulatory fees, so it can never be below them.
        commission = commission.max(handling_fee + regulatory_fee);
        let stamp_duty = match side {
            TradeSide::Sell => round(self.stamp_duty_sell),
            TradeSide::Buy => Fen::ZERO,
        };
        FeeBreakdown {
            commission,
            handling_fee,
            regulatory_fee,
            transfer_fee: round(self.transfer_fee),
            stamp_duty,
            net_commission: commission - handling_fee - regulatory_fee,
        }
    }
}

/// What one trade cost the client, item by item, and what the firm keeps of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FeeBreakdown {
    pub commission: Fen,
    pub handling_fee: Fen,
    pub regulatory_fee: Fen,
    pub transfer_fee: Fen,
    pub stamp_duty: Fen,
    /// 净佣金: commission less the handling and regulatory fees inside it.
    pub net_commission: Fen,
}

impl FeeBreakdown {
    /// What a firm's own system charged, item by item, with the net the firm keeps; `None` when
    /// the commission is below the handling and regulatory fees it includes, which no trade can
    /// be charged.
    pub fn from_charged(
        commission: Fen,
        handling_fee: Fen,
        regulatory_fee: Fen,
        transfer_fee: Fen,
        stamp_duty: Fen,
    ) -> Option<FeeBreakdown> {
        let net_commission = commission - handling_fee - regulatory_fee;
        (net_commission >= Fen::ZERO).then_some(FeeBreakdown {
            commission,
            handling_fee,
            regulatory_fee,
            transfer_fee,
            stamp_duty,
            net_commission,
        })
    }

    /// Everything the client paid on top of the traded amount.
    pub fn total_charged(&self) -> Fen {
        self.commission + self.transfer_fee + self.stamp_duty
    }
}

/// Why a corrected commission cannot stand (DOMAIN.md, "Fees on A-share trades").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommissionError {
    #[error("佣金不能低于其中包含的经手费与证管费合计 {0}")]
    BelowIncludedFees(Fen),
    #[error("佣金不能超过成交金额的 0.3%（本笔最多 {0}）")]
    AboveCeiling(Fen),
}

/// The most a trade of `amount` may be charged: 0.3 %, or the ¥5 minimum where that is more.
pub fn commission_ceiling(amount: Fen) -> Fen {
    const MINIMUM: Fen = Fen(500);
    let ceiling = RoundingRule::Down.apply(amount, Rate::COMMISSION_CEILING);
    if ceiling > MINIMUM {
        ceiling
    } else {
        MINIMUM
    }
}

/// Whether `commission` may stand on a trade of `amount` whose commission includes `included`
/// (the handling and regulatory fees): never below them, never above the ceiling.
pub fn check_commission(
    amount: Fen,
    commission: Fen,
    included: Fen,
) -> Result<(), CommissionError> {
    if commission < included {
        return Err(CommissionError::BelowIncludedFees(included));
    }
    let most = commission_ceiling(amount);
    if commission > most {
        return Err(CommissionError::AboveCeiling(most));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corrected_commission_stays_between_its_fees_and_the_legal_ceiling() {
        let amount = Fen::from_yuan(100_000);
        assert_eq!(commission_ceiling(amount), Fen::from_yuan(300));
        assert_eq!(
            commission_ceiling(Fen::from_yuan(1_000)),
            Fen(500),
            "the ¥5 minimum"
        );
        assert_eq!(
            check_commission(amount, Fen::from_yuan(25), Fen(400)),
            Ok(())
        );
        assert_eq!(
            check_commission(amount, Fen(300), Fen(400)),
            Err(CommissionError::BelowIncludedFees(Fen(400)))
        );
        assert_eq!(
            check_commission(amount, Fen::from_yuan(301), Fen(400)),
            Err(CommissionError::AboveCeiling(Fen::from_yuan(300)))
        );
    }

    #[test]
    fn a_rate_reads_as_an_exact_percentage() {
        assert_eq!(Rate(2_500_000).to_string(), "25%");
        assert_eq!(Rate(1_250).to_string(), "0.0125%");
        assert_eq!(Rate(30_000).to_string(), "0.3%");
        assert_eq!(Rate(0).to_string(), "0%");
        assert_eq!(Rate(-500_000).to_string(), "-5%");
    }
    use proptest::prelude::*;

    const WAN_2_5: Rate = Rate::per_ten_thousand(25, 1);

    #[test]
    fn worked_example_of_domain_md_to_the_fen() {
        let s = FeeSchedule::since_2023_08_28();
        let buy = s.charge(
            Exchange::Sh,
            TradeSide::Buy,
            Fen::from_yuan(100_000),
            WAN_2_5,
            false,
        );
        assert_eq!(buy.commission, Fen(2_500));
        assert_eq!(buy.handling_fee, Fen(341));
        assert_eq!(buy.regulatory_fee, Fen(200));
        assert_eq!(buy.net_commission, Fen(1_959));
        assert_eq!(buy.transfer_fee, Fen(100));
        assert_eq!(buy.stamp_duty, Fen::ZERO);
        let sell = s.charge(
            Exchange::Sh,
            TradeSide::Sell,
            Fen::from_yuan(100_000),
            WAN_2_5,
            false,
        );
        assert_eq!(sell.stamp_duty, Fen(5_000));
    }

    #[test]
    fn small_trade_pays_the_five_yuan_minimum_unless_waived() {
        let s = FeeSchedule::since_2023_08_28();
        let t = s.charge(
            Exchange::Sz,
            TradeSide::Buy,
            Fen::from_yuan(10_000),
            WAN_2_5,
            false,
        );
        assert_eq!(t.commission, Fen(500));
        let waived = s.charge(
            Exchange::Sz,
            TradeSide::Buy,
            Fen::from_yuan(10_000),
            WAN_2_5,
            true,
        );
        assert_eq!(waived.commission, Fen(250));
    }

    #[test]
    fn schedule_in_force_is_the_latest_started() {
        let old = FeeSchedule {
            effective_from: NaiveDate::from_ymd_opt(2022, 4, 29).unwrap(),
            ..FeeSchedule::since_2023_08_28()
        };
        let new = FeeSchedule::since_2023_08_28();
        let all = [old.clone(), new.clone()];
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(FeeSchedule::in_force(&all, day(2023, 8, 27)), Some(&old));
        assert_eq!(FeeSchedule::in_force(&all, day(2023, 8, 28)), Some(&new));
        assert_eq!(FeeSchedule::in_force(&all, day(2020, 1, 1)), None);
    }

    #[test]
    fn commission_never_falls_below_the_fees_inside_it() {
        // 免五 at 万0.1: ¥1.00 of commission would not cover ¥3.41 + ¥2.00.
        let s = FeeSchedule::since_2023_08_28();
        let f = s.charge(
            Exchange::Sh,
            TradeSide::Buy,
            Fen::from_yuan(100_000),
            Rate::per_ten_thousand(1, 1),
            true,
        );
        assert_eq!(f.commission, Fen(541));
        assert_eq!(f.net_commission, Fen::ZERO);
        // Stamp duty is charged on sells only; transfer fee on both.
        let buy = s.charge(
            Exchange::Sz,
            TradeSide::Buy,
            Fen::from_yuan(50_000),
            WAN_2_5,
            false,
        );
        let sell = s.charge(
            Exchange::Sz,
            TradeSide::Sell,
            Fen::from_yuan(50_000),
            WAN_2_5,
            false,
        );
        assert_eq!((buy.stamp_duty, sell.stamp_duty), (Fen::ZERO, Fen(2_500)));
        assert_eq!(buy.transfer_fee, sell.transfer_fee);
    }

    #[test]
    fn a_new_schedule_applies_from_its_effective_date() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Before 2023-08-28 stamp duty on sells was 0.1 %.
        let old = FeeSchedule {
            effective_from: day(2008, 9, 19),
            stamp_duty_sell: Rate(10_000),
            ..FeeSchedule::since_2023_08_28()
        };
        let all = [old, FeeSchedule::since_2023_08_28()];
        let duty_on = |d| {
            FeeSchedule::in_force(&all, d)
                .unwrap()
                .charge(
                    Exchange::Sh,
                    TradeSide::Sell,
                    Fen::from_yuan(100_000),
                    WAN_2_5,
                    false,
                )
                .stamp_duty
        };
        assert_eq!(duty_on(day(2023, 8, 25)), Fen(10_000));
        assert_eq!(duty_on(day(2023, 8, 28)), Fen(5_000));
    }

    proptest! {
        /// The client pays exactly the parts; the firm keeps the commission less the fees in it.
        #[test]
        fn the_parts_add_up(amount in 1i64..10_000_000_000, rate in 0i64..40_000, waive: bool, sell: bool) {
            let s = FeeSchedule::since_2023_08_28();
            let side = if sell { TradeSide::Sell } else { TradeSide::Buy };
            let f = s.charge(Exchange::Sz, side, Fen(amount), Rate(rate), waive);
            prop_assert_eq!(f.total_charged(), f.commission + f.transfer_fee + f.stamp_duty);
            prop_assert_eq!(f.net_commission + f.handling_fee + f.regulatory_fee, f.commission);
            prop_assert!(f.commission <= Fen(amount * 3 / 1000 + 1).max(s.minimum_commission).max(f.handling_fee + f.regulatory_fee));
        }

        #[test]
        fn net_commission_never_negative_nor_above_commission(
            amount in 1i64..10_000_000_000, rate in 0i64..40_000, waive: bool, sell: bool, bj: bool
        ) {
            let s = FeeSchedule::since_2023_08_28();
            let side = if sell { TradeSide::Sell } else { TradeSide::Buy };
            let ex = if bj { Exchange::Bj } else { Exchange::Sh };
            let f = s.charge(ex, side, Fen(amount), Rate(rate), waive);
            prop_assert!(f.net_commission >= Fen::ZERO);
            prop_assert!(f.net_commission <= f.commission);
            prop_assert_eq!(f.commission - f.handling_fee - f.regulatory_fee, f.net_commission);
        }
    }
}
