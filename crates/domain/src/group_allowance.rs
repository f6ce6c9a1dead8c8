//! 组别津贴: what a group pays each of its brokers a month on top of their level's plan, such as
//! the bank channel's 驻点补贴 for brokers who sit at a partner bank's counter. A level says what
//! a broker is paid for their results; a group says what the channel they serve costs them.
//!
//! Paid by the days of the month spent in the group, as a level's base pay is for a move in mid
//! month: a broker who joins a group on the 16th of a 31-day month gets 16/31 of it. Finance edits
//! a group's allowance in place; it pays from the statements not yet published, and published
//! ones are kept as they were.

use crate::broker_category::CategoryPeriod;
use crate::money::Fen;
use crate::pay_plan::{month_of, prorate};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// A group's monthly allowance; a group without one pays none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct GroupAllowance {
    pub group_id: String,
    /// For a whole month in the group.
    pub monthly: Fen,
}

/// ¥20,000 a month: more than any channel's allowance, so more is a typing error.
pub const MOST_ALLOWANCE: Fen = Fen(2_000_000);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AllowanceError {
    #[error("组别津贴须在 ¥0.00 到 ¥20,000.00 之间（每月），填 0 表示不发津贴")]
    Range,
}

/// Whether `monthly` may be a group's allowance (0 is none).
pub fn check(monthly: Fen) -> Result<(), AllowanceError> {
    if monthly < Fen::ZERO || monthly > MOST_ALLOWANCE {
        return Err(AllowanceError::Range);
    }
    Ok(())
}

/// The allowance of the month of `month` (any day in it) for a broker whose groups were
/// `periods`: each run of days in one group earns that group's allowance for its share of the
/// month, rounded to the fen per run.
pub fn month_allowance(
    month: NaiveDate,
    allowances: &[GroupAllowance],
    periods: &[CategoryPeriod],
) -> Fen {
    let (first, length) = month_of(month);
    let monthly_of = |day| {
        CategoryPeriod::on(periods, day)
            .and_then(|group| allowances.iter().find(|a| a.group_id == group))
            .map_or(Fen::ZERO, |a| a.monthly)
    };
    // Runs of days with one allowance: (monthly, days).
    let mut runs: Vec<(Fen, i64)> = Vec::new();
    for offset in 0..u64::from(length) {
        let monthly = monthly_of(first + Days::new(offset));
        match runs.last_mut() {
            Some((m, days)) if *m == monthly => *days += 1,
            _ => runs.push((monthly, 1)),
        }
    }
    runs.into_iter()
        .map(|(monthly, days)| prorate(monthly, days, i64::from(length)))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker_category::before_records;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn in_group(group: Option<&str>, from: NaiveDate) -> CategoryPeriod {
        CategoryPeriod {
            category_id: group.map(str::to_string),
            effective_from: from,
        }
    }

    fn allowances() -> Vec<GroupAllowance> {
        vec![
            GroupAllowance {
                group_id: "GR-BANK".into(),
                monthly: Fen::from_yuan(800),
            },
            GroupAllowance {
                group_id: "GR-ONLINE".into(),
                monthly: Fen::from_yuan(310),
            },
        ]
    }

    #[test]
    fn a_whole_month_in_a_group_earns_its_allowance_and_no_group_earns_none() {
        let bank = [in_group(Some("GR-BANK"), before_records())];
        assert_eq!(
            month_allowance(day(10, 5), &allowances(), &bank),
            Fen::from_yuan(800)
        );
        let branch = [in_group(Some("GR-BRANCH"), before_records())];
        assert_eq!(
            month_allowance(day(10, 5), &allowances(), &branch),
            Fen::ZERO
        );
        assert_eq!(month_allowance(day(10, 5), &allowances(), &[]), Fen::ZERO);
    }

    #[test]
    fn a_move_in_mid_month_pays_each_group_for_its_days() {
        // October has 31 days: 15 in the branch channel, then 16 at the bank's counter.
        let periods = [
            in_group(Some("GR-BRANCH"), before_records()),
            in_group(Some("GR-BANK"), day(10, 16)),
        ];
        // ¥800 × 16 / 31 = ¥412.903…, rounded to the fen.
        assert_eq!(
            month_allowance(day(10, 1), &allowances(), &periods),
            Fen(41_290)
        );
        // Bank, then online from the 21st of November (30 days): 800×20/30 + 310×10/30.
        let periods = [
            in_group(Some("GR-BANK"), before_records()),
            in_group(Some("GR-ONLINE"), day(11, 21)),
        ];
        assert_eq!(
            month_allowance(day(11, 30), &allowances(), &periods),
            Fen(53_333) + Fen(10_333)
        );
        // A move next month changes nothing in this one.
        let later = [
            in_group(Some("GR-BANK"), before_records()),
            in_group(None, day(12, 1)),
        ];
        assert_eq!(
            month_allowance(day(11, 1), &allowances(), &later),
            Fen::from_yuan(800)
        );
    }

    #[test]
    fn an_allowance_is_between_nothing_and_twenty_thousand_a_month() {
        assert_eq!(check(Fen::ZERO), Ok(()));
        assert_eq!(check(MOST_ALLOWANCE), Ok(()));
        assert_eq!(check(Fen(-1)), Err(AllowanceError::Range));
        assert_eq!(check(MOST_ALLOWANCE + Fen(1)), Err(AllowanceError::Range));
    }
}
