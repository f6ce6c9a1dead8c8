//! The firm's tree from the console (经纪人管理): adding, moving and closing units, and placing
//! people in them. The rules are `domain::org_tree`; creating and placing go through `admin`
//! like `head-office unit|user`. Each change is written to the operation log with its reason.
//!
//! A move or a placement changes whose dashboards a broker counts in from the next read: leads'
//! scopes are computed from the tree as it is, never cached.

use crate::admin::{self, links};
use crate::error::{HeadOfficeError, Result};
use crate::staff_log::{self, ByStaff};
use chrono::{DateTime, Utc};
use domain::clock::shanghai_date;
use domain::org_tree;
use head_office_storage::org::OrgChart;
use head_office_storage::{Storage, UserRow};
use protocol::broker_force::{NewOrgUnit, OrgChanged, Placement, UnitClosure, UnitMove};

fn name_of(chart: &OrgChart, id: &str) -> String {
    chart
        .unit(id)
        .map(|u| format!("{}（{id}）", u.name))
        .unwrap_or_else(|| id.to_string())
}

pub fn create(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &NewOrgUnit,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let parent = req.parent_id.trim();
    if parent.is_empty() {
        return Err(HeadOfficeError::Validation("请选择新单位的上级单位".into()));
    }
    let by = ByStaff {
        caller,
        action: "新建单位",
        reason: None,
        at: now,
    };
    let message = admin::add_unit(storage, &req.id, Some(parent), &req.name, Some(&by))?;
    Ok(OrgChanged { message })
}

pub fn relocate(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &UnitMove,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = staff_log::reason(&req.reason, "调整")?;
    let (unit, parent) = (req.unit_id.trim(), req.parent_id.trim());
    let chart = storage.org_chart()?;
    org_tree::check_move(&links(&chart), unit, parent)?;
    let before = chart
        .unit(unit)
        .and_then(|u| u.parent_id.as_deref())
        .map(|p| name_of(&chart, p))
        .unwrap_or_default();
    let message = format!(
        "已把 {} 从 {before} 调到 {} 之下",
        name_of(&chart, unit),
        name_of(&chart, parent)
    );
    let detail = format!("{message}：{reason}");
    staff_log::logged(caller, "调整单位", unit, &detail, now, |log| {
        storage.move_unit(unit, parent, Some(log))
    })?;
    Ok(OrgChanged { message })
}

pub fn close(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &UnitClosure,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = staff_log::reason(&req.reason, "撤销")?;
    let unit = req.unit_id.trim();
    let chart = storage.org_chart()?;
    let active = chart
        .people
        .iter()
        .filter(|p| p.unit_id == unit && !p.disabled)
        .count();
    org_tree::check_close(&links(&chart), unit, active)?;
    let on = shanghai_date(now);
    let message = format!("已于 {on} 撤销 {}", name_of(&chart, unit));
    let detail = format!("{message}：{reason}");
    staff_log::logged(caller, "撤销单位", unit, &detail, now, |log| {
        storage.close_unit(unit, on, Some(log))
    })?;
    Ok(OrgChanged { message })
}

pub fn place(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &Placement,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = staff_log::reason(&req.reason, "调动")?;
    let username = req.username.trim();
    let unit = req.unit_id.trim();
    let person = storage
        .user_by_username(username)?
        .ok_or_else(|| HeadOfficeError::Validation(format!("用户 {username} 不存在")))?;
    if person.org_unit_id == unit {
        return Err(HeadOfficeError::Validation(format!(
            "{} 已在该单位，无需调动",
            person.display_name
        )));
    }
    let by = ByStaff {
        caller,
        action: "人员调动",
        reason: Some(reason),
        at: now,
    };
    let message = admin::place_user(storage, username, unit, Some(&by))?;
    Ok(OrgChanged { message })
}
