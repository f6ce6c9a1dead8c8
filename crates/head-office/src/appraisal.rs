//! 考核 from head office's own data: a month's figures of every active broker (the same
//! `broker_figures` the dashboards read), grouped by the level each held at the month's end and
//! scored by that level's scheme with `domain::appraisal`'s rules. Once a month is over,
//! 经纪业务管理部 publishes it: each broker's own card is kept, and their desk has it at its
//! next sync (a broker never reads a peer's figures).

/// How many months of their own cards a desk keeps.
pub const MONTHS_ON_DESK: u32 = 12;

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use domain::appraisal;
use domain::kpi::KpiFigures;
use domain::pay_plan::PlanPeriod;
use head_office_storage::org::KpiWindow;
use head_office_storage::pay::PaySettings;
use head_office_storage::{Storage, UserRow};
use protocol::broker_force::{
    AppraisalBoard, AppraisalCohort, AppraisalsPublished, BrokerAppraisal, OrgChanged,
    PublishedAppraisal, SchemeChange,
};
use protocol::Role;
use std::collections::HashMap;

pub fn board(
    storage: &dyn Storage,
    month: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<AppraisalBoard> {
    let chart = storage.org_chart()?;
    let pay = storage.pay_settings()?;
    let window = KpiWindow::new(month, now, storage.firm_policy()?.dormant_months)?;
    let month_end = (window.month + Months::new(1))
        .checked_sub_days(Days::new(1))
        .unwrap_or(window.month);
    let as_of = month_end.min(window.today);
    let brokers: Vec<_> = chart
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
        .collect();
    let ids: Vec<String> = brokers.iter().map(|p| p.id.clone()).collect();
    let mut figures = storage.broker_figures(&ids, &window)?;
    let periods = pay.periods_by_broker();
    let unit_names: HashMap<&str, &str> = chart
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    // Each level's brokers, with the figures of their month and who they are.
    let mut by_level: HashMap<String, Vec<(String, KpiFigures)>> = HashMap::new();
    let mut people: HashMap<&str, (&str, &str)> = HashMap::new();
    let mut without_level = Vec::new();
    for person in &brokers {
        let f = figures.remove(&person.id).unwrap_or_else(KpiFigures::empty);
        let level = periods
            .get(person.id.as_str())
            .and_then(|p| PlanPeriod::in_force(p, as_of));
        match level {
            Some(level) => by_level
                .entry(level.plan_id.clone())
                .or_default()
                .push((person.id.clone(), f)),
            None => without_level.push(person.id.clone()),
        }
        let unit = unit_names.get(person.unit_id.as_str()).copied();
        people.insert(&person.id, (&person.name, unit.unwrap_or_default()));
    }
    let cohorts = pay
        .plans
        .iter()
        .filter_map(|plan| {
            let peers = by_level.remove(&plan.id)?;
            let scheme = pay.scheme_for(&plan.id);
            let cards = appraisal::score(&peers, &scheme);
            let mut figures: HashMap<String, KpiFigures> = peers.into_iter().collect();
            let brokers = cards
                .into_iter()
                .map(|card| {
                    let (name, unit) = people
                        .get(card.broker_id.as_str())
                        .copied()
                        .unwrap_or_default();
                    BrokerAppraisal {
                        display_name: name.to_string(),
                        unit_name: unit.to_string(),
                        figures: figures
                            .remove(&card.broker_id)
                            .unwrap_or_else(KpiFigures::empty),
                        card,
                    }
                })
                .collect();
            Some(AppraisalCohort {
                plan_id: plan.id.clone(),
                name: plan.name.clone(),
                scheme,
                brokers,
            })
        })
        .collect();
    Ok(AppraisalBoard {
        month: window.month,
        as_of,
        cohorts,
        without_level,
    })
}

/// Publishes the month's cards, replacing any published before; the month must be over.
pub fn publish(
    storage: &dyn Storage,
    caller: &UserRow,
    month: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AppraisalsPublished> {
    let first = month.with_day(1).unwrap_or(month);
    if first >= today.with_day(1).unwrap_or(today) {
        return Err(HeadOfficeError::Validation(format!(
            "{} 尚未结束，月末之后才能发布该月考核结果",
            first.format("%Y年%m月")
        )));
    }
    let (month, brokers) = publish_month(storage, first, now)?;
    let message = format!(
        "已发布 {} 考核结果，共 {brokers} 位经纪人，经纪人下次同步后可在佣金页查看",
        month.format("%Y年%m月")
    );
    crate::staff_log::record(
        storage,
        caller,
        "发布考核结果",
        &month.format("%Y-%m").to_string(),
        &message,
        now,
    )?;
    Ok(AppraisalsPublished {
        month,
        brokers,
        message,
    })
}

/// Keeps the month's cards (replacing any kept before); the month's first day and how many.
pub fn publish_month(
    storage: &dyn Storage,
    month: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(NaiveDate, u32)> {
    let board = board(storage, Some(month), now)?;
    let mut cards = Vec::new();
    for cohort in board.cohorts {
        for broker in cohort.brokers {
            let published = PublishedAppraisal {
                month: board.month,
                level_name: cohort.name.clone(),
                scheme: cohort.scheme.clone(),
                card: broker.card,
                published_at: now,
            };
            cards.push((
                published.card.broker_id.clone(),
                serde_json::to_string(&published)?,
            ));
        }
    }
    storage.publish_appraisals(board.month, &cards, now)?;
    Ok((board.month, u32::try_from(cards.len()).unwrap_or(u32::MAX)))
}

/// Sets a level's scheme; months already published keep the scheme they were scored by.
pub fn set_scheme(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &SchemeChange,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = crate::staff_log::reason(&req.reason, "调整考核方案")?;
    let scheme = &req.scheme;
    let level = storage
        .pay_settings()?
        .plans
        .into_iter()
        .find(|p| p.id == scheme.plan_id)
        .map(|p| p.name)
        .ok_or_else(|| {
            HeadOfficeError::Validation(format!("级别 {} 不存在，请从列表中选择", scheme.plan_id))
        })?;
    scheme
        .validate()
        .map_err(|e| HeadOfficeError::Validation(format!("{level}的考核方案：{e}")))?;
    let weights: Vec<String> = scheme
        .weights
        .iter()
        .map(|w| format!("{} {}%", w.measure.label_zh(), w.percent))
        .collect();
    let message = format!("{level}的考核方案已调整为：{}", weights.join("，"));
    let detail = format!("{message}：{reason}");
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay.appraisal_schemes
            .retain(|s| s.plan_id != scheme.plan_id);
        pay.appraisal_schemes.push(scheme.clone());
        Ok(())
    };
    crate::staff_log::logged(
        caller,
        "调整考核方案",
        &scheme.plan_id,
        &detail,
        now,
        |log| storage.change_pay_settings(&change, log),
    )?;
    Ok(OrgChanged { message })
}

/// The caller's own published cards, newest first.
pub fn mine(storage: &dyn Storage, broker_id: &str) -> Result<Vec<PublishedAppraisal>> {
    storage
        .appraisals_of(broker_id, MONTHS_ON_DESK)?
        .iter()
        .map(|json| Ok(serde_json::from_str(json)?))
        .collect()
}
