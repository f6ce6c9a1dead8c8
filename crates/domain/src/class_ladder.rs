//! A class's ladder of levels (职级序列): 客户经理 are paid by 客户经理 levels, 投资顾问 by
//! 投资顾问 levels, so a class carries its pay plans. A level on a class's ladder makes its broker
//! one of that class for as long as they hold it; moving a broker to another class is then a
//! level move to a rung of the other ladder, with its effective date, and a month already worked
//! keeps the class it was worked in. A level on no ladder leaves the class where 经纪业务管理部
//! placed the broker.

use crate::pay_plan::PlanPeriod;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The level `plan_id` is a rung of class `class_id`'s ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassLevel {
    pub plan_id: String,
    pub class_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LadderError {
    #[error("级别 {0} 已列在不止一个类别的职级序列中，一个级别只能属于一个类别")]
    TwoLadders(String),
    #[error("职级序列中的级别 {0} 不存在")]
    UnknownLevel(String),
    #[error(
        "该经纪人现任级别“{level}”属于{class}序列，类别随级别而定：\
         请用“调级”把其调到新类别的级别，并填写生效日期"
    )]
    ClassFollowsLevel { level: String, class: String },
    #[error(
        "已有经纪人按级别“{0}”计薪，其所属类别不能再改（否则已过去的月份会换了类别）：\
         要按同样的条件给另一类别，请新增一个级别"
    )]
    HeldLevelKeepsClass(String),
}

/// The class whose ladder `plan_id` is on, if any.
pub fn class_of_level<'a>(ladders: &'a [ClassLevel], plan_id: &str) -> Option<&'a str> {
    ladders
        .iter()
        .find(|l| l.plan_id == plan_id)
        .map(|l| l.class_id.as_str())
}

/// The class a broker is of on `day`: that of the level they are paid by then when it is on a
/// ladder, or else the class they were placed in (`placed`).
pub fn class_on<'a>(
    periods: &'a [PlanPeriod],
    ladders: &'a [ClassLevel],
    placed: Option<&'a str>,
    day: NaiveDate,
) -> Option<&'a str> {
    PlanPeriod::in_force(periods, day)
        .and_then(|level| class_of_level(ladders, &level.plan_id))
        .or(placed)
}

/// Whether the ladders are sound: each rung a known level, and no level on two ladders.
/// Whether each class exists is for whoever holds the class list.
pub fn check_ladders(ladders: &[ClassLevel], plan_ids: &[&str]) -> Result<(), LadderError> {
    for (i, rung) in ladders.iter().enumerate() {
        if !plan_ids.contains(&rung.plan_id.as_str()) {
            return Err(LadderError::UnknownLevel(rung.plan_id.clone()));
        }
        if ladders[..i].iter().any(|l| l.plan_id == rung.plan_id) {
            return Err(LadderError::TwoLadders(rung.plan_id.clone()));
        }
    }
    Ok(())
}

/// Whether a broker paid today by `level` (id and name) may be placed in `class_id` by hand:
/// not in another class than their level's, which would be undone by the level at once.
pub fn check_placement(
    ladders: &[ClassLevel],
    level: Option<(&str, &str)>,
    class_id: Option<&str>,
    class_name: impl Fn(&str) -> String,
) -> Result<(), LadderError> {
    let Some((plan_id, plan_name)) = level else {
        return Ok(());
    };
    match class_of_level(ladders, plan_id) {
        Some(ladder) if Some(ladder) != class_id => Err(LadderError::ClassFollowsLevel {
            level: plan_name.to_string(),
            class: class_name(ladder),
        }),
        _ => Ok(()),
    }
}

/// Whether the level `plan_id` (named `plan_name`) may be put on `class_id`'s ladder, or on
/// none: only while no broker was ever paid by it or set to be, as a class is read back into
/// months already worked.
pub fn check_level_class(
    ladders: &[ClassLevel],
    plan_id: &str,
    plan_name: &str,
    class_id: Option<&str>,
    ever_held: bool,
) -> Result<(), LadderError> {
    if ever_held && class_of_level(ladders, plan_id) != class_id {
        return Err(LadderError::HeldLevelKeepsClass(plan_name.to_string()));
    }
    Ok(())
}

/// `ladders` with `plan_id` on `class_id`'s ladder, or on none.
pub fn set_ladder(ladders: &mut Vec<ClassLevel>, plan_id: &str, class_id: Option<&str>) {
    ladders.retain(|l| l.plan_id != plan_id);
    if let Some(class_id) = class_id {
        ladders.push(ClassLevel {
            plan_id: plan_id.to_string(),
            class_id: class_id.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn rung(plan_id: &str, class_id: &str) -> ClassLevel {
        ClassLevel {
            plan_id: plan_id.into(),
            class_id: class_id.into(),
        }
    }

    fn period(plan_id: &str, from: NaiveDate) -> PlanPeriod {
        PlanPeriod {
            plan_id: plan_id.into(),
            effective_from: from,
        }
    }

    fn ladders() -> Vec<ClassLevel> {
        vec![
            rung("PP-AM2", "CL-AM"),
            rung("PP-AM1", "CL-AM"),
            rung("PP-IA1", "CL-IA"),
        ]
    }

    #[test]
    fn a_broker_moved_to_another_ladder_changes_class_on_the_day_and_not_before() {
        let ladders = ladders();
        // An account manager becomes an investment adviser from 16 November.
        let periods = [
            period("PP-AM2", day(2024, 1, 1)),
            period("PP-IA1", day(2026, 11, 16)),
        ];
        let placed = Some("CL-FA");
        assert_eq!(
            class_on(&periods, &ladders, placed, day(2026, 11, 15)),
            Some("CL-AM")
        );
        assert_eq!(
            class_on(&periods, &ladders, placed, day(2026, 11, 16)),
            Some("CL-IA")
        );
        // Before any level, and on a level of no ladder, the class placed in stands.
        assert_eq!(
            class_on(&periods, &ladders, placed, day(2023, 6, 1)),
            Some("CL-FA")
        );
        let unladdered = [period("PP-X", day(2024, 1, 1))];
        assert_eq!(
            class_on(&unladdered, &ladders, None, day(2026, 11, 16)),
            None
        );
    }

    #[test]
    fn a_level_is_on_one_ladder_at_most_and_must_exist() {
        let plans = ["PP-AM2", "PP-AM1", "PP-IA1"];
        assert_eq!(check_ladders(&ladders(), &plans), Ok(()));
        let mut twice = ladders();
        twice.push(rung("PP-AM1", "CL-IA"));
        assert_eq!(
            check_ladders(&twice, &plans),
            Err(LadderError::TwoLadders("PP-AM1".into()))
        );
        assert_eq!(
            check_ladders(&[rung("PP-GONE", "CL-AM")], &plans),
            Err(LadderError::UnknownLevel("PP-GONE".into()))
        );
        let mut moved = ladders();
        set_ladder(&mut moved, "PP-AM1", Some("CL-IA"));
        assert_eq!(check_ladders(&moved, &plans), Ok(()));
        assert_eq!(class_of_level(&moved, "PP-AM1"), Some("CL-IA"));
        set_ladder(&mut moved, "PP-AM1", None);
        assert_eq!(class_of_level(&moved, "PP-AM1"), None);
    }

    #[test]
    fn a_level_keeps_its_class_once_anyone_is_paid_by_it() {
        let ladders = ladders();
        let name = "客户经理（一级）";
        assert_eq!(
            check_level_class(&ladders, "PP-AM1", name, Some("CL-AM"), true),
            Ok(())
        );
        assert_eq!(
            check_level_class(&ladders, "PP-AM1", name, Some("CL-IA"), true),
            Err(LadderError::HeldLevelKeepsClass(name.into()))
        );
        assert!(check_level_class(&ladders, "PP-AM1", name, None, true).is_err());
        // A level nobody holds yet, or a new one, may go on any ladder.
        assert_eq!(
            check_level_class(&ladders, "PP-AM1", name, Some("CL-IA"), false),
            Ok(())
        );
        assert_eq!(
            check_level_class(&ladders, "PP-NEW", "新级别", Some("CL-FA"), false),
            Ok(())
        );
    }

    #[test]
    fn a_laddered_broker_is_not_placed_in_another_class_by_hand() {
        let ladders = ladders();
        let name = |id: &str| if id == "CL-AM" { "客户经理" } else { id }.to_string();
        let am2 = Some(("PP-AM2", "客户经理（二级）"));
        assert_eq!(check_placement(&ladders, am2, Some("CL-AM"), name), Ok(()));
        assert_eq!(
            check_placement(&ladders, am2, Some("CL-IA"), name),
            Err(LadderError::ClassFollowsLevel {
                level: "客户经理（二级）".into(),
                class: "客户经理".into()
            })
        );
        assert!(check_placement(&ladders, am2, None, name).is_err());
        // A level on no ladder, or none at all, leaves the class to the placement.
        let free = Some(("PP-X", "见习"));
        assert_eq!(check_placement(&ladders, free, Some("CL-IA"), name), Ok(()));
        assert_eq!(check_placement(&ladders, None, Some("CL-IA"), name), Ok(()));
    }
}
