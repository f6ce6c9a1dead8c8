//! 考核 from head office's own data: a month's figures of every active broker (the same
//! `broker_figures` the dashboards read), grouped by the level each held at the month's end and
//! scored by that level's scheme with `domain::appraisal`'s rules.

use crate::error::Result;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use domain::appraisal;
use domain::pay_plan::PlanPeriod;
use head_office_storage::org::KpiWindow;
use head_office_storage::Storage;
use protocol::broker_force::{AppraisalBoard, AppraisalCohort, BrokerAppraisal};
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
    let mut by_level: HashMap<String, Vec<(String, domain::kpi::KpiFigures)>> = HashMap::new();
    let mut without_level = Vec::new();
    for person in &brokers {
        let periods = pay.periods_of(&person.id);
        let f = figures
            .remove(&person.id)
            .unwrap_or_else(domain::kpi::KpiFigures::empty);
        match PlanPeriod::in_force(&periods, as_of) {
            Some(level) => by_level
                .entry(level.plan_id.clone())
                .or_default()
                .push((person.id.clone(), f)),
            None => without_level.push(person.id.clone()),
        }
    }
    let cohorts = pay
        .plans
        .iter()
        .filter_map(|plan| {
            let peers = by_level.remove(&plan.id)?;
            let scheme = pay.scheme_for(&plan.id);
            let cards = appraisal::score(&peers, &scheme);
            let brokers = cards
                .into_iter()
                .map(|card| {
                    let person = chart.people.iter().find(|p| p.id == card.broker_id);
                    let unit = person.and_then(|p| chart.unit(&p.unit_id));
                    let figures = peers
                        .iter()
                        .find(|(id, _)| *id == card.broker_id)
                        .map(|(_, f)| f.clone())
                        .unwrap_or_else(domain::kpi::KpiFigures::empty);
                    BrokerAppraisal {
                        display_name: person.map(|p| p.name.clone()).unwrap_or_default(),
                        unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                        card,
                        figures,
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
