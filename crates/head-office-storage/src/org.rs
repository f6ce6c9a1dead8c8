//! The firm's org tree and the month a dashboard covers, as storage answers about them; `team`
//! decides who may see which part.

use crate::error::{Result, StorageError};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use domain::clock::{shanghai_date, shanghai_midnight};
use protocol::team::{PersonRef, TeamNode};
use protocol::Role;

pub struct OrgUnit {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    /// The day it was closed (撤销): it stays in the tree for the reports of its past.
    pub closed_on: Option<NaiveDate>,
}

pub struct OrgPerson {
    pub id: String,
    /// What they sign in with.
    pub username: String,
    pub name: String,
    pub role: Role,
    pub unit_id: String,
    pub disabled: bool,
}

pub struct OrgChart {
    pub units: Vec<OrgUnit>,
    pub people: Vec<OrgPerson>,
}

/// The month a dashboard is about, as instants and days.
pub struct KpiWindow {
    pub month: NaiveDate,
    pub from: DateTime<Utc>,
    /// The month's end, or now for the current month.
    pub until: DateTime<Utc>,
    pub today: NaiveDate,
    pub coverage_since: DateTime<Utc>,
    pub dormant_since: DateTime<Utc>,
}

/// Contact coverage counts contacts in the last 30 days.
pub const COVERAGE_DAYS: u32 = 30;

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The first month a dashboard may ask for: the month China's first exchange opened (the SSE,
/// December 1990). Earlier months have no trades, and dates far enough back overflow the
/// arithmetic of the window and its trend.
const FIRST_MONTH: NaiveDate = match NaiveDate::from_ymd_opt(1990, 12, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl KpiWindow {
    pub fn new(
        month: Option<NaiveDate>,
        now: DateTime<Utc>,
        dormant_months: u32,
    ) -> Result<KpiWindow> {
        let today = shanghai_date(now);
        let month = first_of_month(month.unwrap_or(today)).min(first_of_month(today));
        if month < FIRST_MONTH {
            return Err(StorageError::Validation(
                "月份超出范围：请选择 1990 年 12 月至本月之间的月份".into(),
            ));
        }
        let next = month + Months::new(1);
        let until = shanghai_midnight(next).min(now);
        let end_day = shanghai_date(until);
        Ok(KpiWindow {
            month,
            from: shanghai_midnight(month),
            until,
            today,
            coverage_since: shanghai_midnight(end_day - Days::new(u64::from(COVERAGE_DAYS))),
            dormant_since: shanghai_midnight(
                end_day
                    .checked_sub_months(Months::new(dormant_months))
                    .unwrap_or(end_day),
            ),
        })
    }
}

impl OrgChart {
    pub fn unit(&self, id: &str) -> Option<&OrgUnit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// `root` and every unit under it, parents before children.
    pub fn subtree(&self, root: &str) -> Vec<&OrgUnit> {
        let mut out: Vec<&OrgUnit> = self.unit(root).into_iter().collect();
        let mut i = 0;
        while i < out.len() {
            let id = out[i].id.clone();
            out.extend(
                self.units
                    .iter()
                    .filter(|u| u.parent_id.as_deref() == Some(&id)),
            );
            i += 1;
        }
        out
    }

    /// Brokers placed anywhere in `root`'s subtree.
    pub fn brokers_under(&self, root: &str) -> Vec<String> {
        let units: Vec<&str> = self.subtree(root).iter().map(|u| u.id.as_str()).collect();
        self.people
            .iter()
            .filter(|p| p.role == Role::Broker && units.contains(&p.unit_id.as_str()))
            .map(|p| p.id.clone())
            .collect()
    }

    pub fn leader(&self, unit: &str) -> Option<PersonRef> {
        self.people
            .iter()
            .find(|p| p.unit_id == unit && p.role.leads() && !p.disabled)
            .map(|p| PersonRef {
                id: p.id.clone(),
                name: p.name.clone(),
            })
    }

    pub fn tree(&self, root: &str) -> Option<TeamNode> {
        let unit = self.unit(root)?;
        Some(TeamNode {
            unit_id: unit.id.clone(),
            name: unit.name.clone(),
            leader: self.leader(&unit.id),
            brokers: self
                .people
                .iter()
                .filter(|p| p.unit_id == unit.id && p.role == Role::Broker)
                .map(|p| PersonRef {
                    id: p.id.clone(),
                    name: p.name.clone(),
                })
                .collect(),
            children: self
                .units
                .iter()
                .filter(|u| u.parent_id.as_deref() == Some(&unit.id))
                // A closed unit nobody is left in has no figures to show.
                .filter(|u| u.closed_on.is_none() || !self.brokers_under(&u.id).is_empty())
                .filter_map(|u| self.tree(&u.id))
                .collect(),
        })
    }

    /// Units from `top` down to `unit`, if `unit` is under `top`.
    pub fn path(&self, top: &str, unit: &str) -> Option<Vec<PersonRef>> {
        let mut path = Vec::new();
        let mut current = self.unit(unit)?;
        loop {
            path.push(PersonRef {
                id: current.id.clone(),
                name: current.name.clone(),
            });
            if current.id == top {
                path.reverse();
                return Some(path);
            }
            current = self.unit(current.parent_id.as_deref()?)?;
        }
    }
}
