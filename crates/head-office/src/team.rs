//! Leads' and managers' view of their subtree (issue 8), whichever storage is behind: who is in
//! scope, the tree, dashboards and task assignment. A caller's scope is the subtree of the unit
//! they are placed in; brokers have none. Every id a request names is checked against it before
//! storage is asked, and storage is asked only about brokers in it.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Months, Utc};
use domain::clock::{shanghai_date, shanghai_midnight};
use domain::kpi::{add_trends, KpiFigures, TrendPoint};
use head_office_storage::cases::CaseFilter;
use head_office_storage::org::{KpiWindow, COVERAGE_DAYS};
use head_office_storage::{Storage, UserRow};
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, ReportKind, TeamDashboard, TeamQuery,
    TeamRow,
};
use protocol::{Role, TaskRecord};

const TREND_MONTHS: u32 = 6;
const TOP_CLIENTS: u32 = 10;
/// How many months of return-visit scores a lead sees for one broker.
const SATISFACTION_MONTHS: u32 = 6;
const MAX_ASSIGNEES: usize = 200;

/// The unit whose subtree the caller may read and act on.
pub(crate) fn scope_root(caller: &UserRow) -> Result<&str> {
    match caller.role {
        Role::Broker | Role::Service | Role::Compliance | Role::Finance => Err(
            HeadOfficeError::Forbidden("团队看板仅对团队长、营业部负责人开放".into()),
        ),
        // 经纪业务管理部 sits at head office: its subtree is the firm. Which of these may write
        // (tasks, transfers) is the router's `access` lists; this is only where they may look.
        Role::TeamLead | Role::BranchManager | Role::Admin | Role::ManagerHq => {
            Ok(&caller.org_unit_id)
        }
    }
}

pub(crate) fn out_of_scope(what: &str) -> HeadOfficeError {
    HeadOfficeError::Forbidden(format!("{what} 不在您管理的范围内"))
}

fn trend(
    storage: &dyn Storage,
    brokers: &[String],
    w: &KpiWindow,
) -> Result<std::collections::HashMap<String, Vec<TrendPoint>>> {
    let mut out: std::collections::HashMap<String, Vec<TrendPoint>> =
        brokers.iter().map(|b| (b.clone(), Vec::new())).collect();
    for back in (0..TREND_MONTHS).rev() {
        let month = w.month - Months::new(back);
        let until = shanghai_midnight(month + Months::new(1)).min(w.until);
        let sums = storage.commission_between(brokers, shanghai_midnight(month), until)?;
        for (broker, points) in out.iter_mut() {
            points.push(TrendPoint {
                month,
                net_commission: sums.get(broker).copied().unwrap_or_default(),
            });
        }
    }
    Ok(out)
}

pub fn team_dashboard(
    storage: &dyn Storage,
    caller: &UserRow,
    q: &TeamQuery,
    now: DateTime<Utc>,
) -> Result<TeamDashboard> {
    let root = scope_root(caller)?;
    let chart = storage.org_chart()?;
    let unit_id = q.unit.as_deref().unwrap_or(root);
    let path = chart
        .path(root, unit_id)
        .ok_or_else(|| out_of_scope(&format!("部门 {unit_id}")))?;
    let tree = chart.tree(root).ok_or_else(|| out_of_scope(root))?;
    let unit = chart.unit(unit_id).ok_or_else(|| out_of_scope(unit_id))?;
    let w = KpiWindow::new(q.month, now, storage.firm_policy()?.dormant_months)?;
    let brokers = chart.brokers_under(unit_id);
    let figures = storage.broker_figures(&brokers, &w)?;
    let trends = trend(storage, &brokers, &w)?;
    let sum = |ids: &[String]| {
        let mut k = KpiFigures::empty();
        let mut t = Vec::new();
        for id in ids {
            if let Some(f) = figures.get(id) {
                k.add(f);
            }
            if let Some(p) = trends.get(id) {
                add_trends(&mut t, p);
            }
        }
        (k, t)
    };
    let mut rows: Vec<TeamRow> = chart
        .units
        .iter()
        .filter(|u| u.parent_id.as_deref() == Some(unit_id))
        .map(|u| {
            let (figures, trend) = sum(&chart.brokers_under(&u.id));
            TeamRow {
                kind: ReportKind::Unit,
                id: u.id.clone(),
                name: u.name.clone(),
                leader_name: chart.leader(&u.id).map(|p| p.name),
                figures,
                trend,
                rank: 0,
            }
        })
        .chain(
            chart
                .people
                .iter()
                .filter(|p| p.unit_id == unit_id && p.role == Role::Broker)
                .map(|p| {
                    let (figures, trend) = sum(std::slice::from_ref(&p.id));
                    TeamRow {
                        kind: ReportKind::Broker,
                        id: p.id.clone(),
                        name: p.name.clone(),
                        leader_name: None,
                        figures,
                        trend,
                        rank: 0,
                    }
                }),
        )
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.figures.net_commission));
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i as u32 + 1;
    }
    let (totals, trend) = sum(&brokers);
    Ok(TeamDashboard {
        unit_id: unit.id.clone(),
        unit_name: unit.name.clone(),
        path,
        month: w.month,
        coverage_days: COVERAGE_DAYS,
        taken_at: now,
        rows,
        totals,
        trend,
        tree,
    })
}

pub fn broker_dashboard(
    storage: &dyn Storage,
    caller: &UserRow,
    q: &BrokerQuery,
    now: DateTime<Utc>,
) -> Result<BrokerDashboard> {
    let root = scope_root(caller)?;
    let chart = storage.org_chart()?;
    if !chart.brokers_under(root).contains(&q.broker) {
        return Err(out_of_scope(&format!("经纪人 {}", q.broker)));
    }
    let person = chart
        .people
        .iter()
        .find(|p| p.id == q.broker)
        .ok_or_else(|| out_of_scope(&q.broker))?;
    let unit = chart
        .unit(&person.unit_id)
        .ok_or_else(|| out_of_scope(&person.unit_id))?;
    let policy = storage.firm_policy()?;
    let w = KpiWindow::new(q.month, now, policy.dormant_months)?;
    let one = std::slice::from_ref(&q.broker);
    let figures = storage
        .broker_figures(one, &w)?
        .remove(&q.broker)
        .unwrap_or_else(KpiFigures::empty);
    let trend = trend(storage, one, &w)?
        .remove(&q.broker)
        .unwrap_or_default();
    Ok(BrokerDashboard {
        broker_id: person.id.clone(),
        broker_name: person.name.clone(),
        unit_id: unit.id.clone(),
        unit_name: unit.name.clone(),
        month: w.month,
        coverage_days: COVERAGE_DAYS,
        taken_at: now,
        figures,
        trend,
        top_clients: storage.top_clients(&q.broker, &w, TOP_CLIENTS)?,
        overdue: storage.overdue_items(&q.broker, w.today)?,
        open_complaints: storage.complaints(&CaseFilter {
            open_only: true,
            brokers: Some(one.to_vec()),
            today: w.today,
        })?,
        satisfaction: storage.satisfaction_trend(
            &q.broker,
            w.month - Months::new(SATISFACTION_MONTHS - 1),
            policy.alerts.low_satisfaction_score,
        )?,
    })
}

/// One task per assignee; every assignee must be a broker in the caller's subtree.
pub fn assign_tasks(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &AssignTasks,
    make_id: impl Fn() -> String,
    now: DateTime<Utc>,
) -> Result<AssignedTasks> {
    let root = scope_root(caller)?;
    let title = req.title.trim();
    if title.is_empty() || title.chars().count() > 100 {
        return Err(HeadOfficeError::Validation(
            "任务标题不能为空，且不超过 100 字".into(),
        ));
    }
    if req
        .detail
        .as_deref()
        .is_some_and(|d| d.chars().count() > 1_000)
    {
        return Err(HeadOfficeError::Validation("任务说明不超过 1000 字".into()));
    }
    if req.due_on < shanghai_date(now) {
        return Err(HeadOfficeError::Validation("截止日期不能早于今天".into()));
    }
    if req.assignees.is_empty() || req.assignees.len() > MAX_ASSIGNEES {
        return Err(HeadOfficeError::Validation(format!(
            "请选择 1 到 {MAX_ASSIGNEES} 位经纪人"
        )));
    }
    let chart = storage.org_chart()?;
    let mine = chart.brokers_under(root);
    if let Some(other) = req.assignees.iter().find(|a| !mine.contains(a)) {
        return Err(out_of_scope(&format!("经纪人 {other}")));
    }
    let mut assignees = req.assignees.clone();
    assignees.sort();
    assignees.dedup();
    let tasks: Vec<(String, TaskRecord)> = assignees
        .into_iter()
        .map(|a| {
            let task = TaskRecord {
                id: make_id(),
                title: title.to_string(),
                detail: req.detail.clone().filter(|d| !d.trim().is_empty()),
                client_id: None,
                // The lead's user id on the way in; storage serves their name.
                assigned_by_name: caller.id.clone(),
                due_on: req.due_on,
                done_at: None,
            };
            (a, task)
        })
        .collect();
    storage.assign_tasks(&tasks)?;
    Ok(AssignedTasks {
        task_ids: tasks.into_iter().map(|(_, t)| t.id).collect(),
    })
}
