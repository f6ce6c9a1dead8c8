//! Moving a broker to another level (调级): from an effective date on, the broker is paid by the
//! level's pay plan. 经纪业务管理部 decides it; finance pays by it. A move never reaches back
//! into days already worked, so a month's pay computed so far stays what it was; it may be set a
//! year ahead at most, as a promotion is announced, not planned for years.

use crate::pay_plan::{PayPlan, PlanPeriod};
use chrono::{Months, NaiveDate};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LevelMoveError {
    #[error("找不到级别（薪酬方案）{0}，请从列表中选择")]
    UnknownPlan(String),
    #[error("生效日期 {day} 已过：级别调整只能从今天（{today}）或以后生效")]
    Past { day: NaiveDate, today: NaiveDate },
    #[error("生效日期 {0} 太远：级别调整最多提前一年安排")]
    TooFar(NaiveDate),
    #[error("{day} 起该经纪人已是{plan}，无需调整")]
    Unchanged { day: NaiveDate, plan: String },
}

/// Whether the broker whose plan history is `periods` may move to `plan_id` from `day`.
pub fn check(
    periods: &[PlanPeriod],
    plans: &[PayPlan],
    plan_id: &str,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<(), LevelMoveError> {
    let plan = plans
        .iter()
        .find(|p| p.id == plan_id)
        .ok_or_else(|| LevelMoveError::UnknownPlan(plan_id.to_string()))?;
    if day < today {
        return Err(LevelMoveError::Past { day, today });
    }
    if today
        .checked_add_months(Months::new(12))
        .is_some_and(|limit| day > limit)
    {
        return Err(LevelMoveError::TooFar(day));
    }
    // The level in force the day before, or any move already set for that day, is what changes.
    let before: Vec<PlanPeriod> = periods
        .iter()
        .filter(|p| p.effective_from < day)
        .cloned()
        .collect();
    let already = periods.iter().find(|p| p.effective_from == day);
    let current = already.or_else(|| {
        day.pred_opt()
            .and_then(|d| PlanPeriod::in_force(&before, d))
    });
    if current.is_some_and(|p| p.plan_id == plan_id) {
        return Err(LevelMoveError::Unchanged {
            day,
            plan: plan.name.clone(),
        });
    }
    Ok(())
}

/// The history after the move: a move already set for the same day is replaced.
pub fn apply(periods: &[PlanPeriod], plan_id: &str, day: NaiveDate) -> Vec<PlanPeriod> {
    let mut next: Vec<PlanPeriod> = periods
        .iter()
        .filter(|p| p.effective_from != day)
        .cloned()
        .collect();
    next.push(PlanPeriod {
        plan_id: plan_id.to_string(),
        effective_from: day,
    });
    next.sort_by_key(|p| p.effective_from);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Fen, Rate};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan(id: &str, name: &str) -> PayPlan {
        PayPlan {
            id: id.into(),
            name: name.into(),
            base_pay: Fen::from_yuan(4_000),
            monthly_threshold: Fen::ZERO,
            bands: Vec::new(),
            new_asset_bonus: Rate(0),
        }
    }

    fn period(id: &str, from: NaiveDate) -> PlanPeriod {
        PlanPeriod {
            plan_id: id.into(),
            effective_from: from,
        }
    }

    const TODAY: (i32, u32, u32) = (2026, 12, 6);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn a_broker_moves_from_today_or_later_to_another_level() {
        let plans = [
            plan("AM3", "客户经理（三级）"),
            plan("AM2", "客户经理（二级）"),
        ];
        let periods = [period("AM3", day(2024, 1, 1))];
        assert_eq!(
            check(&periods, &plans, "AM2", day(2027, 1, 1), today()),
            Ok(())
        );
        assert_eq!(check(&periods, &plans, "AM2", today(), today()), Ok(()));
        let after = apply(&periods, "AM2", day(2027, 1, 1));
        assert_eq!(
            PlanPeriod::in_force(&after, day(2027, 1, 1)).map(|p| p.plan_id.as_str()),
            Some("AM2")
        );
        assert_eq!(
            PlanPeriod::in_force(&after, day(2026, 12, 31)).map(|p| p.plan_id.as_str()),
            Some("AM3")
        );
    }

    #[test]
    fn days_worked_stay_paid_as_they_were() {
        let plans = [
            plan("AM3", "客户经理（三级）"),
            plan("AM2", "客户经理（二级）"),
        ];
        let periods = [period("AM3", day(2024, 1, 1))];
        assert!(matches!(
            check(&periods, &plans, "AM2", day(2026, 12, 5), today()),
            Err(LevelMoveError::Past { .. })
        ));
        assert!(matches!(
            check(&periods, &plans, "AM2", day(2028, 1, 1), today()),
            Err(LevelMoveError::TooFar(_))
        ));
        assert!(matches!(
            check(&periods, &plans, "AM9", day(2027, 1, 1), today()),
            Err(LevelMoveError::UnknownPlan(_))
        ));
    }

    #[test]
    fn a_move_to_the_level_already_held_is_refused_and_a_same_day_move_replaced() {
        let plans = [
            plan("AM3", "客户经理（三级）"),
            plan("AM2", "客户经理（二级）"),
        ];
        let periods = [
            period("AM3", day(2024, 1, 1)),
            period("AM2", day(2027, 1, 1)),
        ];
        assert!(matches!(
            check(&periods, &plans, "AM3", day(2026, 12, 10), today()),
            Err(LevelMoveError::Unchanged { .. })
        ));
        assert!(matches!(
            check(&periods, &plans, "AM2", day(2027, 1, 1), today()),
            Err(LevelMoveError::Unchanged { .. })
        ));
        // Changing the January move back to 三级 replaces it rather than adding a second one.
        assert_eq!(
            check(&periods, &plans, "AM3", day(2027, 1, 1), today()),
            Ok(())
        );
        let after = apply(&periods, "AM3", day(2027, 1, 1));
        assert_eq!(after.len(), 2);
        assert!(after.iter().all(|p| p.plan_id == "AM3"));
    }
}
