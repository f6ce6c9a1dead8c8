//! Finance's edits of how brokers are paid, from the console (薪酬方案, 开发关系分成). A plan is a
//! level: brokers are moved onto it by date (`level_move`), so a plan is edited in place and
//! pays its brokers by the new terms from the month's statements not yet published; published
//! statements are kept as they were. The development split is dated, and like a level move it
//! never reaches back into days already worked.

use crate::fees::{FeeSchedule, Rate};
use crate::money::Fen;
use crate::pay_plan::{DevelopmentSplit, PayPlan, PayPlanError};
use chrono::{Months, NaiveDate};
use thiserror::Error;

const MAX_NAME_CHARS: usize = 20;
const MAX_BANDS: usize = 10;
/// The whole of a commission, in `Rate`'s ten-millionths.
const FULL: Rate = Rate(10_000_000);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PayEditError {
    #[error("方案编号须为 2 到 16 位大写字母、数字或连字符，如 AM4")]
    BadId,
    #[error("请填写方案名称（不超过 {MAX_NAME_CHARS} 字），如 客户经理（四级）")]
    BadName,
    #[error("已有名为“{0}”的方案，请换一个名称")]
    NameTaken(String),
    #[error("分成档位最多 {MAX_BANDS} 档")]
    TooManyBands,
    #[error(transparent)]
    Plan(#[from] PayPlanError),
    #[error("生效日期 {day} 已过：{what}只能从今天（{today}）或以后生效")]
    Past {
        what: &'static str,
        day: NaiveDate,
        today: NaiveDate,
    },
    #[error("生效日期 {1} 太远：{0}最多提前一年安排")]
    TooFar(&'static str, NaiveDate),
    #[error("{0}须在 0 到 {1} 之间")]
    FeeOutOfRange(&'static str, &'static str),
    #[error("开发经纪人的分成比例须在 0 到 100% 之间")]
    SplitRate,
}

/// Whether `plan` may be saved among `plans`: a new id adds a plan, a known one replaces it.
pub fn check_plan(plans: &[PayPlan], plan: &PayPlan) -> Result<(), PayEditError> {
    let id_ok = (2..=16).contains(&plan.id.len())
        && plan
            .id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(PayEditError::BadId);
    }
    let name = plan.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || name != plan.name {
        return Err(PayEditError::BadName);
    }
    if plans.iter().any(|p| p.id != plan.id && p.name == plan.name) {
        return Err(PayEditError::NameTaken(plan.name.clone()));
    }
    if plan.bands.len() > MAX_BANDS {
        return Err(PayEditError::TooManyBands);
    }
    plan.validate()?;
    Ok(())
}

/// The plans after saving `plan`; true when it is new.
pub fn save_plan(plans: &mut Vec<PayPlan>, plan: PayPlan) -> bool {
    match plans.iter_mut().find(|p| p.id == plan.id) {
        Some(known) => {
            *known = plan;
            false
        }
        None => {
            plans.push(plan);
            true
        }
    }
}

/// A dated change never reaches back into days already paid, and is set a year ahead at most.
fn check_day(what: &'static str, day: NaiveDate, today: NaiveDate) -> Result<(), PayEditError> {
    if day < today {
        return Err(PayEditError::Past { what, day, today });
    }
    if today
        .checked_add_months(Months::new(12))
        .is_some_and(|limit| day > limit)
    {
        return Err(PayEditError::TooFar(what, day));
    }
    Ok(())
}

/// Whether the developer's share may change to `split` from its day.
pub fn check_split(split: &DevelopmentSplit, today: NaiveDate) -> Result<(), PayEditError> {
    check_day("开发关系分成", split.effective_from, today)?;
    if split.developer_share < Rate(0) || split.developer_share > FULL {
        return Err(PayEditError::SplitRate);
    }
    Ok(())
}

/// The most any exchange or regulator's rate has been: 万10 (0.1 %); stamp duty 万30 (0.3 %).
const MOST_FEE: Rate = Rate(10_000);
const MOST_STAMP_DUTY: Rate = Rate(30_000);
/// The minimum commission per trade is ¥5 by custom; ¥100 would be a typing error.
const MOST_MINIMUM: Fen = Fen(10_000);

/// Whether a new fee schedule may start on its day with these rates.
pub fn check_fee_schedule(s: &FeeSchedule, today: NaiveDate) -> Result<(), PayEditError> {
    check_day("费率表", s.effective_from, today)?;
    for (name, rate, most, most_text) in [
        ("经手费（沪深）", s.handling_fee, MOST_FEE, "万10"),
        ("经手费（北交所）", s.handling_fee_bj, MOST_FEE, "万10"),
        ("证管费", s.regulatory_fee, MOST_FEE, "万10"),
        ("过户费", s.transfer_fee, MOST_FEE, "万10"),
        ("卖出印花税", s.stamp_duty_sell, MOST_STAMP_DUTY, "万30"),
    ] {
        if rate < Rate(0) || rate > most {
            return Err(PayEditError::FeeOutOfRange(name, most_text));
        }
    }
    if s.minimum_commission < Fen::ZERO || s.minimum_commission > MOST_MINIMUM {
        return Err(PayEditError::FeeOutOfRange("最低佣金", "100 元"));
    }
    Ok(())
}

/// The schedules after `s`: one already set for the same day is replaced.
pub fn save_fee_schedule(schedules: &mut Vec<FeeSchedule>, s: FeeSchedule) {
    schedules.retain(|x| x.effective_from != s.effective_from);
    schedules.push(s);
    schedules.sort_by_key(|x| x.effective_from);
}

/// The splits after `split`: one already set for the same day is replaced.
pub fn save_split(splits: &mut Vec<DevelopmentSplit>, split: DevelopmentSplit) {
    splits.retain(|s| s.effective_from != split.effective_from);
    splits.push(split);
    splits.sort_by_key(|s| s.effective_from);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pay_plan::ShareBand;

    fn plan(id: &str, name: &str) -> PayPlan {
        PayPlan {
            id: id.into(),
            name: name.into(),
            base_pay: Fen::from_yuan(5_000),
            monthly_threshold: Fen::from_yuan(10_000),
            bands: vec![
                ShareBand {
                    from: Fen::ZERO,
                    rate: Rate(2_000_000),
                },
                ShareBand {
                    from: Fen::from_yuan(50_000),
                    rate: Rate(3_000_000),
                },
            ],
            new_asset_bonus: Rate(1_000),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_new_id_adds_a_plan_and_a_known_one_replaces_it() {
        let mut plans = vec![plan("AM3", "客户经理（三级）")];
        let mut raised = plan("AM3", "客户经理（三级）");
        raised.base_pay = Fen::from_yuan(5_500);
        assert_eq!(check_plan(&plans, &raised), Ok(()));
        assert!(!save_plan(&mut plans, raised.clone()));
        assert_eq!(plans, [raised]);
        let new = plan("AM4", "客户经理（四级）");
        assert_eq!(check_plan(&plans, &new), Ok(()));
        assert!(save_plan(&mut plans, new));
        assert_eq!(plans.len(), 2);
    }

    #[test]
    fn a_plan_is_refused_with_what_to_fix() {
        let plans = vec![plan("AM3", "客户经理（三级）")];
        assert_eq!(
            check_plan(&plans, &plan("am4", "客户经理（四级）")),
            Err(PayEditError::BadId)
        );
        assert_eq!(
            check_plan(&plans, &plan("AM4", " ")),
            Err(PayEditError::BadName)
        );
        assert_eq!(
            check_plan(&plans, &plan("AM4", "客户经理（三级）")),
            Err(PayEditError::NameTaken("客户经理（三级）".into()))
        );
        let mut unordered = plan("AM4", "客户经理（四级）");
        unordered.bands.reverse();
        let refused = check_plan(&plans, &unordered).unwrap_err();
        assert!(refused.to_string().contains("由低到高"), "{refused}");
        let mut greedy = plan("AM4", "客户经理（四级）");
        greedy.bands[1].rate = Rate(12_000_000);
        assert!(check_plan(&plans, &greedy).is_err());
    }

    #[test]
    fn a_split_starts_today_or_later_and_the_same_day_is_replaced() {
        let today = day(2026, 12, 6);
        let split = |d: NaiveDate, share: i64| DevelopmentSplit {
            effective_from: d,
            developer_share: Rate(share),
        };
        assert_eq!(
            check_split(&split(day(2026, 12, 5), 3_000_000), today),
            Err(PayEditError::Past {
                what: "开发关系分成",
                day: day(2026, 12, 5),
                today
            })
        );
        assert!(check_split(&split(day(2028, 1, 1), 3_000_000), today).is_err());
        assert_eq!(
            check_split(&split(day(2027, 1, 1), 11_000_000), today),
            Err(PayEditError::SplitRate)
        );
        let mut splits = vec![split(day(2024, 1, 1), 2_000_000)];
        save_split(&mut splits, split(day(2027, 1, 1), 3_000_000));
        save_split(&mut splits, split(day(2027, 1, 1), 2_500_000));
        assert_eq!(
            splits,
            [
                split(day(2024, 1, 1), 2_000_000),
                split(day(2027, 1, 1), 2_500_000)
            ]
        );
    }

    #[test]
    fn a_fee_schedule_starts_today_or_later_with_rates_an_exchange_could_set() {
        let today = day(2026, 12, 6);
        let mut next = FeeSchedule::since_2023_08_28();
        next.effective_from = day(2027, 1, 1);
        assert_eq!(check_fee_schedule(&next, today), Ok(()));
        let mut back = next.clone();
        back.effective_from = day(2026, 12, 1);
        assert!(matches!(
            check_fee_schedule(&back, today),
            Err(PayEditError::Past { .. })
        ));
        let mut typo = next.clone();
        typo.stamp_duty_sell = Rate(500_000);
        let refused = check_fee_schedule(&typo, today).unwrap_err();
        assert_eq!(refused.to_string(), "卖出印花税须在 0 到 万30 之间");
        let mut schedules = vec![FeeSchedule::since_2023_08_28()];
        save_fee_schedule(&mut schedules, next.clone());
        save_fee_schedule(&mut schedules, next.clone());
        assert_eq!(schedules.len(), 2);
        assert_eq!(schedules[1], next);
    }
}
