//! Brokers' levels from the console (调级): each level is a pay plan, and a broker moves to
//! another from an effective date, as 经纪业务管理部 decides. The rules are
//! `domain::level_move`; the move is made inside the transaction that saves the pay settings,
//! so two moves at once cannot lose one. The desk reads the new level with its pay terms. Apart
//! from levels, brokers are placed in a class and a group (`domain::broker_category`).

use crate::error::Result;
use crate::staff_log;
use chrono::{DateTime, NaiveDate, Utc};
use domain::level_move;
use domain::pay_plan::PlanPeriod;
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
                class_id: placement.class_id,
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
    let name = storage
        .pay_settings()?
        .plans
        .into_iter()
        .find(|p| p.id == plan_id)
        .map_or_else(|| plan_id.to_string(), |p| p.name);
    let message = format!(
        "{}（{}）自 {day} 起调为{name}",
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

/// Places an active broker in a class and a group of the lists.
pub fn categorize(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &BrokerCategorization,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = staff_log::reason(&req.reason, "调整分类")?;
    let broker = crate::accounts::active_broker(storage, &req.broker_id, "请从列表中选择")?;
    let lists = storage.broker_categories()?;
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
    let message = format!(
        "{}（{}）：类别 {}，组别 {}",
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
        storage.place_broker_in_categories(&broker.id, &placement, log)
    })?;
    Ok(OrgChanged { message })
}
