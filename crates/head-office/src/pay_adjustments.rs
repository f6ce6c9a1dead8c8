//! Finance's adjustments of a broker's month (薪酬调整) and brokers' monthly targets (月度目标) in
//! the console, by `domain::pay_adjustment`. Each change is saved with its operation-log line in
//! one transaction. A target reaches the broker's desk with the pay terms at the next sync; an
//! adjustment reaches it on the month's statement, so a month already published shows it once
//! finance publishes that month again.

use crate::error::{HeadOfficeError, Result};
use crate::staff_log;
use chrono::{DateTime, NaiveDate, Utc};
use domain::pay_adjustment::{self, AdjustmentError, PayAdjustment};
use domain::pay_plan::month_of;
use head_office_storage::org::OrgPerson;
use head_office_storage::pay::PaySettings;
use head_office_storage::{Storage, StorageError, UserRow};
use protocol::pay_adjustments::{
    AdjustmentLine, AdjustmentRemoval, BrokerTarget, MonthAdjustments, MonthlyTargetChange,
};
use protocol::Role;

fn refused(e: AdjustmentError) -> HeadOfficeError {
    HeadOfficeError::Validation(e.to_string())
}

/// Everyone who is or was a broker: a broker who has left may still be owed or owe a month.
fn brokers(storage: &dyn Storage) -> Result<Vec<OrgPerson>> {
    Ok(storage
        .org_chart()?
        .people
        .into_iter()
        .filter(|p| p.role == Role::Broker)
        .collect())
}

fn broker<'a>(brokers: &'a [OrgPerson], id: &str) -> Result<&'a OrgPerson> {
    brokers
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| HeadOfficeError::Validation(format!("经纪人 {id} 不存在，请从列表中选择")))
}

/// The month's adjustments, each with its broker's name, largest first.
pub fn month(storage: &dyn Storage, month: NaiveDate) -> Result<MonthAdjustments> {
    let (first, _) = month_of(month);
    let people = brokers(storage)?;
    let mut adjustments: Vec<AdjustmentLine> = storage
        .pay_settings()?
        .adjustments
        .into_iter()
        .filter(|a| month_of(a.month).0 == first)
        .map(|adjustment| AdjustmentLine {
            broker_name: people
                .iter()
                .find(|p| p.id == adjustment.broker_id)
                .map_or_else(|| adjustment.broker_id.clone(), |p| p.name.clone()),
            adjustment,
        })
        .collect();
    adjustments.sort_by_key(|l| std::cmp::Reverse(l.adjustment.amount.0.unsigned_abs()));
    Ok(MonthAdjustments {
        month: first,
        adjustments,
        statements_published: storage.statements_published(first)?,
    })
}

fn month_label(day: NaiveDate) -> String {
    day.format("%Y年%m月").to_string()
}

pub fn add(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &PayAdjustment,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<MonthAdjustments> {
    let adjustment = pay_adjustment::checked_adjustment(req, today).map_err(refused)?;
    let people = brokers(storage)?;
    let who = broker(&people, &adjustment.broker_id)?;
    let detail = format!(
        "{}（{}）{} 薪酬调整 {}：{}",
        who.name,
        who.id,
        month_label(adjustment.month),
        adjustment.amount,
        adjustment.note
    );
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay.adjustments.push(adjustment.clone());
        Ok(())
    };
    staff_log::logged(caller, "新增薪酬调整", &who.id, &detail, now, |log| {
        storage.change_pay_settings(&change, log)
    })?;
    month(storage, adjustment.month)
}

pub fn remove(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &AdjustmentRemoval,
    now: DateTime<Utc>,
) -> Result<MonthAdjustments> {
    let reason = staff_log::reason(&req.reason, "撤销薪酬调整")?;
    let which = &req.adjustment;
    let people = brokers(storage)?;
    let who = broker(&people, &which.broker_id)?;
    let detail = format!(
        "撤销 {}（{}）{} 的薪酬调整 {}（{}）：{reason}",
        who.name,
        who.id,
        month_label(month_of(which.month).0),
        which.amount,
        which.note
    );
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        if pay_adjustment::remove_adjustment(&mut pay.adjustments, which) {
            Ok(())
        } else {
            Err(StorageError::NotFound(format!(
                "{} {} 的这笔调整（可能已被撤销），请刷新后查看",
                who.name,
                month_label(month_of(which.month).0)
            )))
        }
    };
    staff_log::logged(caller, "撤销薪酬调整", &who.id, &detail, now, |log| {
        storage.change_pay_settings(&change, log)
    })?;
    month(storage, which.month)
}

/// Every active broker with their monthly target (zero: none), by unit then id.
pub fn targets(storage: &dyn Storage) -> Result<Vec<BrokerTarget>> {
    let chart = storage.org_chart()?;
    let pay = storage.pay_settings()?;
    let mut targets: Vec<BrokerTarget> = chart
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
        .map(|p| BrokerTarget {
            broker_id: p.id.clone(),
            broker_name: p.name.clone(),
            unit_name: chart
                .units
                .iter()
                .find(|u| u.id == p.unit_id)
                .map_or_else(|| p.unit_id.clone(), |u| u.name.clone()),
            monthly_target: pay.target_of(&p.id),
        })
        .collect();
    targets.sort_by(|a, b| (&a.unit_name, &a.broker_id).cmp(&(&b.unit_name, &b.broker_id)));
    Ok(targets)
}

pub fn set_target(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &MonthlyTargetChange,
    now: DateTime<Utc>,
) -> Result<Vec<BrokerTarget>> {
    let reason = staff_log::reason(&req.reason, "调整月度目标")?;
    let people = brokers(storage)?;
    let who = broker(&people, req.broker_id.trim())?;
    if who.disabled {
        return Err(HeadOfficeError::Validation(format!(
            "{}（{}）的账号已停用，无需设置月度目标",
            who.name, who.id
        )));
    }
    // Checked here as well as in the change, so a bad figure is refused before any write.
    pay_adjustment::set_target(&mut Vec::new(), &who.id, req.net_commission).map_err(refused)?;
    let target = if req.net_commission == domain::Fen::ZERO {
        "取消月度目标".to_string()
    } else {
        format!("月度目标设为净佣金 {}", req.net_commission)
    };
    let detail = format!("{}（{}）{target}：{reason}", who.name, who.id);
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay_adjustment::set_target(&mut pay.targets, &who.id, req.net_commission)
            .map_err(|e| StorageError::Validation(e.to_string()))
    };
    staff_log::logged(caller, "调整月度目标", &who.id, &detail, now, |log| {
        storage.change_pay_settings(&change, log)
    })?;
    targets(storage)
}
