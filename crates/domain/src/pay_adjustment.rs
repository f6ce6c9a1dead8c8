//! Finance's corrections of one broker's month (薪酬调整) and the monthly net-commission target
//! a broker's desk measures the month against (月度目标).
//!
//! An adjustment is what finance owes or claws back outside the pay plan: a bonus the plan does
//! not know, a clawback after a complaint, a correction found later. The broker reads its note on
//! the statement, so the note is the reason. A month already worked may be adjusted however long
//! ago (finance publishes that month's statements again); a month not yet begun may not, because
//! nothing has been earned in it to correct.

use crate::money::Fen;
use crate::pay_plan::month_of;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// Head office's correction of a month's pay: negative for a clawback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct PayAdjustment {
    /// The broker's user id, e.g. B001.
    pub broker_id: String,
    /// Any day of the month it applies to (stored as the first).
    pub month: NaiveDate,
    pub amount: Fen,
    /// Why, as the broker reads it on the statement.
    pub note: String,
}

/// The net commission a broker is asked to reach each month; none is a target of zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct MonthlyTarget {
    pub broker_id: String,
    pub net_commission: Fen,
}

/// ¥1,000,000: no single correction of one broker's month comes near it, so more is a typing
/// error (an extra zero or two).
pub const MOST_ADJUSTMENT: Fen = Fen(100_000_000);
/// ¥10,000,000 of net commission in a month: beyond any broker's book.
pub const MOST_TARGET: Fen = Fen(1_000_000_000);
const MAX_NOTE_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AdjustmentError {
    #[error("调整金额不能为 0：请填写补发或扣回的金额")]
    Zero,
    #[error("调整金额 {0} 超出单笔上限 ¥1,000,000.00，请核对金额")]
    TooLarge(Fen),
    #[error("请写明调整原因（经纪人会在结算单上看到，不超过 {MAX_NOTE_CHARS} 字）")]
    BadNote,
    #[error("{month} 尚未开始，不能调整；只能调整本月（{current}）及以前的月份")]
    NotYetBegun { month: String, current: String },
    #[error("月度目标须在 ¥0.00 到 ¥10,000,000.00 之间，填 0 表示不设目标")]
    TargetRange,
}

fn month_label(first: NaiveDate) -> String {
    first.format("%Y年%m月").to_string()
}

/// Whether the amount and note could be an adjustment, whatever its month: also what a pay
/// document IT loads from a file is checked by.
pub fn check_amount_and_note(a: &PayAdjustment) -> Result<(), AdjustmentError> {
    if a.amount == Fen::ZERO {
        return Err(AdjustmentError::Zero);
    }
    if a.amount.0.unsigned_abs() > MOST_ADJUSTMENT.0.unsigned_abs() {
        return Err(AdjustmentError::TooLarge(a.amount));
    }
    let note = a.note.trim();
    if note.is_empty() || note.chars().count() > MAX_NOTE_CHARS {
        return Err(AdjustmentError::BadNote);
    }
    Ok(())
}

/// Whether `net_commission` can be a monthly target.
pub fn check_target(net_commission: Fen) -> Result<(), AdjustmentError> {
    if net_commission < Fen::ZERO || net_commission > MOST_TARGET {
        return Err(AdjustmentError::TargetRange);
    }
    Ok(())
}

/// The adjustment as it is kept (its month as the month's first day), or why it cannot be.
pub fn checked_adjustment(
    a: &PayAdjustment,
    today: NaiveDate,
) -> Result<PayAdjustment, AdjustmentError> {
    check_amount_and_note(a)?;
    let note = a.note.trim();
    let (month, _) = month_of(a.month);
    let (current, _) = month_of(today);
    if month > current {
        return Err(AdjustmentError::NotYetBegun {
            month: month_label(month),
            current: month_label(current),
        });
    }
    Ok(PayAdjustment {
        broker_id: a.broker_id.trim().to_string(),
        month,
        amount: a.amount,
        note: note.to_string(),
    })
}

/// Takes out one adjustment equal to `which` (same broker, month, amount and note); false when
/// there is none, e.g. another finance officer took it out meanwhile.
pub fn remove_adjustment(adjustments: &mut Vec<PayAdjustment>, which: &PayAdjustment) -> bool {
    let (month, _) = month_of(which.month);
    let found = adjustments.iter().position(|a| {
        a.broker_id == which.broker_id
            && month_of(a.month).0 == month
            && a.amount == which.amount
            && a.note == which.note
    });
    found.map(|i| adjustments.remove(i)).is_some()
}

/// The targets after setting `broker_id`'s to `net_commission`; zero takes the target away.
pub fn set_target(
    targets: &mut Vec<MonthlyTarget>,
    broker_id: &str,
    net_commission: Fen,
) -> Result<(), AdjustmentError> {
    check_target(net_commission)?;
    targets.retain(|t| t.broker_id != broker_id);
    if net_commission > Fen::ZERO {
        targets.push(MonthlyTarget {
            broker_id: broker_id.to_string(),
            net_commission,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn adjustment(month: NaiveDate, yuan: i64, note: &str) -> PayAdjustment {
        PayAdjustment {
            broker_id: "B001".into(),
            month,
            amount: Fen::from_yuan(yuan),
            note: note.into(),
        }
    }

    #[test]
    fn an_adjustment_is_kept_on_its_months_first_day_with_a_trimmed_note() {
        let kept = checked_adjustment(
            &adjustment(day(2026, 11, 17), -300, " 投诉扣回 "),
            day(2026, 12, 6),
        )
        .unwrap();
        assert_eq!(kept.month, day(2026, 11, 1));
        assert_eq!(kept.note, "投诉扣回");
        assert_eq!(kept.amount, Fen::from_yuan(-300));
        // This month may be adjusted; it has begun.
        assert!(checked_adjustment(
            &adjustment(day(2026, 12, 31), 500, "季度奖"),
            day(2026, 12, 6)
        )
        .is_ok());
    }

    #[test]
    fn an_adjustment_is_refused_with_what_to_fix() {
        let today = day(2026, 12, 6);
        let refused = |a: PayAdjustment| checked_adjustment(&a, today).unwrap_err();
        assert_eq!(
            refused(adjustment(day(2026, 11, 1), 0, "x")),
            AdjustmentError::Zero
        );
        assert_eq!(
            refused(adjustment(day(2026, 11, 1), 1_000_001, "多打了一位")),
            AdjustmentError::TooLarge(Fen::from_yuan(1_000_001))
        );
        assert_eq!(
            refused(adjustment(day(2026, 11, 1), 100, "  ")),
            AdjustmentError::BadNote
        );
        assert_eq!(
            refused(adjustment(day(2026, 11, 1), 100, &"长".repeat(101))),
            AdjustmentError::BadNote
        );
        let future = refused(adjustment(day(2027, 1, 1), 100, "预发"));
        assert_eq!(
            future.to_string(),
            "2027年01月 尚未开始，不能调整；只能调整本月（2026年12月）及以前的月份"
        );
        // A clawback as large as the cap is allowed, one fen more is not.
        assert!(
            checked_adjustment(&adjustment(day(2026, 11, 1), -1_000_000, "扣回"), today).is_ok()
        );
    }

    #[test]
    fn removing_takes_out_one_equal_adjustment_only() {
        let twice = adjustment(day(2026, 11, 1), 200, "补发");
        let mut all = vec![
            twice.clone(),
            twice.clone(),
            adjustment(day(2026, 11, 1), -50, "扣回"),
        ];
        let same_month_other_day = PayAdjustment {
            month: day(2026, 11, 20),
            ..twice.clone()
        };
        assert!(remove_adjustment(&mut all, &same_month_other_day));
        assert_eq!(all.len(), 2);
        assert!(!remove_adjustment(
            &mut all,
            &adjustment(day(2026, 10, 1), 200, "补发")
        ));
        assert!(!remove_adjustment(
            &mut all,
            &adjustment(day(2026, 11, 1), 200, "补发 ")
        ));
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn a_target_is_set_replaced_and_taken_away_by_zero() {
        let mut targets = Vec::new();
        set_target(&mut targets, "B001", Fen::from_yuan(30_000)).unwrap();
        set_target(&mut targets, "B002", Fen::from_yuan(20_000)).unwrap();
        set_target(&mut targets, "B001", Fen::from_yuan(40_000)).unwrap();
        assert_eq!(targets.len(), 2);
        assert_eq!(targets[1].net_commission, Fen::from_yuan(40_000));
        set_target(&mut targets, "B002", Fen::ZERO).unwrap();
        assert_eq!(targets.len(), 1);
        assert_eq!(
            set_target(&mut targets, "B001", Fen(-1)),
            Err(AdjustmentError::TargetRange)
        );
        assert_eq!(
            set_target(&mut targets, "B001", Fen(MOST_TARGET.0 + 1)),
            Err(AdjustmentError::TargetRange)
        );
        assert_eq!(targets[0].net_commission, Fen::from_yuan(40_000));
    }
}
