//! Brokers' levels from the console (调级): each level is a pay plan, and a broker moves to
//! another from an effective date, as 经纪业务管理部 decides. The rules are
//! `domain::level_move`; the move is made inside the transaction that saves the pay settings,
//! so two moves at once cannot lose one. The desk reads the new level with its pay terms. Apart
//! from levels, brokers are placed in a class and a group (`domain::broker_category`); a level on
//! a class's ladder (`domain::class_ladder`) decides the class, so a move to a rung of another
//! class's ladder moves the broker to that class from the same day.

use crate::error::Result;
use crate::staff_log;
use chrono::{DateTime, NaiveDate, Utc};
use domain::broker_category::{self, CategoryKind};
use domain::pay_plan::PlanPeriod;
use domain::{class_ladder, level_move};
use head_office_storage::categories::BrokerPlacement;
use head_office_storage::pay::PaySettings;
use head_office_storage::{Storage, StorageError, UserRow};
use protocol::broker_force::{
    BrokerCategorization, BrokerLevel, LevelBoard, LevelChoice, LevelMove, NewBrokerCategory,
    OrgChanged,
};
use protocol::Role;

pub fn board(storage: &dyn Storage, today: NaiveDate) -> Result<LevelBoard> {
    let pay = storage.pay_settings()?;
    let chart = storage.org_chart()?;
    let mut periods_of = pay.periods_by_broker();
    let mut placed = storage.broker_placements()?;
    let brokers = chart
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
        .map(|p| {
            let mut periods = periods_of.remove(p.id.as_str()).unwrap_or_default();
            periods.sort_by_key(|x| x.effective_from);
            let placement = placed.remove(p.id.as_str()).unwrap_or_default();
            let class_id = pay
                .class_on(&periods, placement.class_id.as_deref(), today)
                .map(str::to_string);
            BrokerLevel {
                broker_id: p.id.clone(),
                username: p.username.clone(),
                display_name: p.name.clone(),
                unit_id: p.unit_id.clone(),
                unit_name: chart
                    .unit(&p.unit_id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                current: PlanPeriod::in_force(&periods, today).cloned(),
                scheduled: periods
                    .into_iter()
                    .filter(|x| x.effective_from > today)
                    .collect(),
                class_id,
                group_id: placement.group_id,
            }
        })
        .collect();
    Ok(LevelBoard {
        levels: pay
            .plans
            .iter()
            .map(|p| LevelChoice {
                plan_id: p.id.clone(),
                name: p.name.clone(),
                class_id: class_ladder::class_of_level(&pay.class_levels, &p.id)
                    .map(str::to_string),
            })
            .collect(),
        brokers,
        categories: storage.broker_categories()?,
    })
}

pub fn move_level(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &LevelMove,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = staff_log::reason(&req.reason, "调级")?;
    let broker = crate::accounts::active_broker(storage, &req.broker_id, "请从列表中选择")?;
    let plan_id = req.plan_id.trim();
    let day = req.effective_from;
    // A plan unknown here is refused by `level_move::check` below, inside the transaction.
    let pay = storage.pay_settings()?;
    let name = pay
        .plans
        .iter()
        .find(|p| p.id == plan_id)
        .map_or_else(|| plan_id.to_string(), |p| p.name.clone());
    let periods = pay.periods_of(&broker.id);
    let placed = storage
        .broker_placements()?
        .remove(&broker.id)
        .and_then(|p| p.class_id);
    let class_before = day
        .pred_opt()
        .and_then(|eve| pay.class_on(&periods, placed.as_deref(), eve));
    let class_after = class_ladder::class_of_level(&pay.class_levels, plan_id);
    let class_change = match class_after {
        Some(class) if class_before != class_after => {
            format!("，类别随之改为{}", category_name(storage, class)?)
        }
        _ => String::new(),
    };
    let message = format!(
        "{}（{}）自 {day} 起调为{name}{class_change}",
        broker.display_name, broker.id
    );
    let detail = format!("{message}：{reason}");
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        let periods = pay.periods_of(&broker.id);
        level_move::check(&periods, &pay.plans, plan_id, day, today)
            .map_err(|e| StorageError::Validation(e.to_string()))?;
        pay.set_periods_of(&broker.id, &level_move::apply(&periods, plan_id, day));
        Ok(())
    };
    staff_log::logged(caller, "级别调整", &broker.id, &detail, now, |log| {
        storage.change_pay_settings(&change, log)
    })?;
    Ok(OrgChanged { message })
}

/// Adds a class or group to the firm's lists.
pub fn add_category(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &NewBrokerCategory,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let c = &req.category;
    let what = c.kind.label_zh();
    let reason = staff_log::reason(&req.reason, &format!("新增{what}"))?;
    let message = format!("已新增{what}“{}”（{}）", c.name, c.id);
    let detail = format!("{message}：{reason}");
    staff_log::logged(
        caller,
        &format!("新增{what}"),
        &c.id,
        &detail,
        now,
        |log| storage.add_broker_category(c, log),
    )?;
    Ok(OrgChanged { message })
}

pub(crate) fn category_name(storage: &dyn Storage, id: &str) -> Result<String> {
    Ok(storage
        .broker_categories()?
        .into_iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name))
}

/// Places an active broker in a class and a group of the lists. A broker whose level today is
/// on a class's ladder is of that class: placing them in another would say what pay does not.
pub fn categorize(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &BrokerCategorization,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = staff_log::reason(&req.reason, "调整分类")?;
    let broker = crate::accounts::active_broker(storage, &req.broker_id, "请从列表中选择")?;
    let lists = storage.broker_categories()?;
    let pay = storage.pay_settings()?;
    let periods = pay.periods_of(&broker.id);
    let level = PlanPeriod::in_force(&periods, today).and_then(|p| {
        pay.plans
            .iter()
            .find(|plan| plan.id == p.plan_id)
            .map(|plan| (plan.id.as_str(), plan.name.as_str()))
    });
    let class_name = |id: &str| {
        lists
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    // What is not on the lists is named as such first; the saving transaction checks it again.
    for (kind, id) in [
        (CategoryKind::Class, &req.class_id),
        (CategoryKind::Group, &req.group_id),
    ] {
        broker_category::check_choice(&lists, kind, id.as_deref())
            .map_err(|e| StorageError::Validation(e.to_string()))?;
    }
    class_ladder::check_placement(
        &pay.class_levels,
        level,
        req.class_id.as_deref(),
        class_name,
    )
    .map_err(|e| StorageError::Validation(e.to_string()))?;
    let name = |id: &Option<String>| {
        id.as_ref().map_or_else(
            || "未分".to_string(),
            |id| {
                lists
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or_else(|| id.clone(), |c| c.name.clone())
            },
        )
    };
    let before = storage
        .broker_placements()?
        .remove(&broker.id)
        .unwrap_or_default();
    // Pay and 考核 follow the class and group of each day, so a month already worked keeps its.
    let changed: Vec<&str> = [
        ("类别", before.class_id != req.class_id),
        ("组别", before.group_id != req.group_id),
    ]
    .into_iter()
    .filter_map(|(word, changed)| changed.then_some(word))
    .collect();
    let since = if changed.is_empty() {
        String::new()
    } else {
        format!(
            "；自 {today} 起生效，此前的月份仍按原{}",
            changed.join("和")
        )
    };
    let message = format!(
        "{}（{}）：类别 {}，组别 {}{since}",
        broker.display_name,
        broker.id,
        name(&req.class_id),
        name(&req.group_id)
    );
    let detail = format!("{message}：{reason}");
    let placement = BrokerPlacement {
        class_id: req.class_id.clone(),
        group_id: req.group_id.clone(),
    };
    staff_log::logged(caller, "调整分类", &broker.id, &detail, now, |log| {
        storage.place_broker_in_categories(&broker.id, &placement, today, log)
    })?;
    Ok(OrgChanged { message })
}
