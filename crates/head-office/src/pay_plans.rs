//! Finance's pay plans in the console (薪酬方案): the firm's plans with how many brokers each pays
//! today, the groups' allowances, and changing them, or the development split, by
//! `domain::pay_plan_edit` and `domain::group_allowance`. Each change
//! is saved with its operation-log line in one transaction; desks have the new terms at their
//! next sync, and statements already published keep what they said.

use crate::error::{HeadOfficeError, Result};
use crate::staff_log;
use chrono::{DateTime, NaiveDate, Utc};
use domain::broker_category::{CategoryKind, CategoryPeriod};
use domain::class_ladder;
use domain::group_allowance::{self, GroupAllowance};
use domain::pay_plan::PlanPeriod;
use domain::pay_plan_edit::{self, PayEditError};
use head_office_storage::pay::PaySettings;
use head_office_storage::{Storage, StorageError, UserRow};
use protocol::console::{
    DevelopmentSplitChange, FeeScheduleChange, GroupAllowanceChange, GroupPay, PayPlanChange,
    PayPlanOverview, PlanInUse,
};
use protocol::Role;

pub fn overview(storage: &dyn Storage, today: NaiveDate) -> Result<PayPlanOverview> {
    let pay = storage.pay_settings()?;
    let chart = storage.org_chart()?;
    let mut plans: Vec<PlanInUse> = pay
        .plans
        .iter()
        .map(|plan| PlanInUse {
            plan: plan.clone(),
            brokers: 0,
            class_id: class_ladder::class_of_level(&pay.class_levels, &plan.id).map(str::to_string),
            ever_held: pay.assignments.iter().any(|a| a.plan_id == plan.id),
        })
        .collect();
    let (classes, groups): (Vec<_>, Vec<_>) = storage
        .broker_categories()?
        .into_iter()
        .partition(|c| c.kind == CategoryKind::Class);
    let mut groups: Vec<GroupPay> = groups
        .into_iter()
        .map(|group| GroupPay {
            monthly: pay.allowance_of(&group.id),
            group,
            brokers: 0,
        })
        .collect();
    let group_periods = storage.broker_category_periods(CategoryKind::Group)?;
    let mut unassigned_brokers = 0;
    for broker in chart
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
    {
        let own = group_periods.get(&broker.id).map_or(&[][..], Vec::as_slice);
        if let Some(group) = CategoryPeriod::on(own, today)
            .and_then(|id| groups.iter_mut().find(|g| g.group.id == id))
        {
            group.brokers += 1;
        }
        let periods = pay.periods_of(&broker.id);
        let in_force = PlanPeriod::in_force(&periods, today);
        match in_force.and_then(|p| plans.iter_mut().find(|u| u.plan.id == p.plan_id)) {
            Some(used) => used.brokers += 1,
            None => unassigned_brokers += 1,
        }
    }
    Ok(PayPlanOverview {
        plans,
        unassigned_brokers,
        development_splits: pay.development_splits,
        fee_schedules: pay.fee_schedules,
        classes,
        groups,
    })
}

fn refused(e: PayEditError) -> StorageError {
    StorageError::Validation(e.to_string())
}

pub fn save_plan(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &PayPlanChange,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PayPlanOverview> {
    let reason = staff_log::reason(&req.reason, "调整薪酬方案")?;
    let plan = &req.plan;
    let known = storage
        .pay_settings()?
        .plans
        .iter()
        .any(|p| p.id == plan.id);
    let (action, verb) = if known {
        ("调整薪酬方案", "调整为")
    } else {
        ("新增薪酬方案", "新增")
    };
    let bands: Vec<String> = plan
        .bands
        .iter()
        .map(|b| format!("{} 起 {}", b.from, b.rate))
        .collect();
    let class = match &req.class_id {
        Some(id) => crate::levels::category_name(storage, id)?,
        None => "无".to_string(),
    };
    let detail = format!(
        "{}（{}）{verb}：所属类别 {class}，底薪 {}，月度门槛 {}，分成 {}，新增资产奖励 {}：{reason}",
        plan.name,
        plan.id,
        plan.base_pay,
        plan.monthly_threshold,
        bands.join("；"),
        plan.new_asset_bonus
    );
    let class_id = req.class_id.as_deref();
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay_plan_edit::check_plan(&pay.plans, plan).map_err(refused)?;
        let ever_held = pay.assignments.iter().any(|a| a.plan_id == plan.id);
        class_ladder::check_level_class(
            &pay.class_levels,
            &plan.id,
            &plan.name,
            class_id,
            ever_held,
        )
        .map_err(|e| StorageError::Validation(e.to_string()))?;
        pay_plan_edit::save_plan(&mut pay.plans, plan.clone());
        class_ladder::set_ladder(&mut pay.class_levels, &plan.id, class_id);
        Ok(())
    };
    staff_log::logged(caller, action, &plan.id, &detail, now, |log| {
        storage.change_pay_settings(&change, log)
    })?;
    overview(storage, today)
}

pub fn save_split(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &DevelopmentSplitChange,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PayPlanOverview> {
    let reason = staff_log::reason(&req.reason, "调整开发关系分成")?;
    let split = &req.split;
    pay_plan_edit::check_split(split, today)
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let detail = format!(
        "自 {} 起开发经纪人分成 {}：{reason}",
        split.effective_from, split.developer_share
    );
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay_plan_edit::save_split(&mut pay.development_splits, split.clone());
        Ok(())
    };
    staff_log::logged(
        caller,
        "调整开发关系分成",
        "开发关系分成",
        &detail,
        now,
        |log| storage.change_pay_settings(&change, log),
    )?;
    overview(storage, today)
}

pub fn save_fees(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &FeeScheduleChange,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PayPlanOverview> {
    let reason = staff_log::reason(&req.reason, "调整费率表")?;
    let s = &req.schedule;
    pay_plan_edit::check_fee_schedule(s, today)
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let detail = format!(
        "自 {} 起：经手费（沪深）{}，经手费（北交所）{}，证管费 {}，过户费 {}，卖出印花税 {}，\
         最低佣金 {}：{reason}",
        s.effective_from,
        s.handling_fee,
        s.handling_fee_bj,
        s.regulatory_fee,
        s.transfer_fee,
        s.stamp_duty_sell,
        s.minimum_commission
    );
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay_plan_edit::save_fee_schedule(&mut pay.fee_schedules, s.clone());
        Ok(())
    };
    staff_log::logged(
        caller,
        "调整费率表",
        "交易费率表",
        &detail,
        now,
        |log| storage.change_pay_settings(&change, log),
    )?;
    overview(storage, today)
}

/// Sets a group's monthly allowance; zero stops it. Statements already published keep theirs.
pub fn save_allowance(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &GroupAllowanceChange,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PayPlanOverview> {
    let reason = staff_log::reason(&req.reason, "调整组别津贴")?;
    group_allowance::check(req.monthly).map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let group = storage
        .broker_categories()?
        .into_iter()
        .find(|c| c.id == req.group_id && c.kind == CategoryKind::Group)
        .ok_or_else(|| {
            HeadOfficeError::Validation(format!("找不到组别 {}，请从列表中选择", req.group_id))
        })?;
    let what = if req.monthly == domain::Fen::ZERO {
        "不再发放".to_string()
    } else {
        format!("每月 {}", req.monthly)
    };
    let detail = format!(
        "组别“{}”的津贴调整为{what}，自尚未发布的结算单起按在组天数计发：{reason}",
        group.name
    );
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay.group_allowances.retain(|a| a.group_id != group.id);
        if req.monthly != domain::Fen::ZERO {
            pay.group_allowances.push(GroupAllowance {
                group_id: group.id.clone(),
                monthly: req.monthly,
            });
        }
        Ok(())
    };
    staff_log::logged(
        caller,
        "调整组别津贴",
        &group.id,
        &detail,
        now,
        |log| storage.change_pay_settings(&change, log),
    )?;
    overview(storage, today)
}
